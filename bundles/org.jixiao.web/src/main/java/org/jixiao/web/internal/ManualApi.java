package org.jixiao.web.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;

import java.util.Map;

import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.ManualIndicatorDraft;
import org.jixiao.api.performance.ManualIndicatorService;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.performance.TargetRule;
import org.jixiao.api.project.Comparison;

/**
 * The JSON API of manual indicators, below {@code /api/v1/perf/years/{y}/manual}. Evidence files are uploaded
 * through the unit's page (a multipart form); here they are listed and downloaded.
 *
 * <pre>
 * GET  manual                                      POST manual {nameZh, nameEn, unitZh, unitEn, clause, kind, comparison, value}
 * POST manual/{indicatorId}/withdraw
 * GET  manual/units/{unitId}                       the unit's city and local indicators and answers with their files
 * POST manual/units/{unitId}/local {draft}         PUT manual/units/{unitId}/local/{indicatorId} {draft}
 * PUT  manual/units/{unitId}/answers/{indicatorId} {value, note}
 * GET  manual/files/{fileId}                       the file's bytes, as an attachment
 * </pre>
 */
record ManualApi(ManualIndicatorService manual) {

    /** Segment 6 onwards (segment 5 is "manual") of {@code /api/v1/perf/years/{y}/manual/...}. */
    void handle(ApiServlet.Call call, int year) throws IOException {
        int n = call.segments.length;
        String what = call.seg(6);
        if (n == 6 && "GET".equals(call.method)) {
            ApiServlet.send(call, 200, manual.cityIndicators(call.actor, year));
        } else if (n == 6 && "POST".equals(call.method)) {
            ApiServlet.send(call, 201, manual.defineCity(call.actor, year, draft(call)));
        } else if (n == 8 && "POST".equals(call.method) && "withdraw".equals(call.seg(7))) {
            manual.withdraw(call.actor, id(call.seg(6), call));
            ApiServlet.send(call, 200, Map.of("withdrawn", true));
        } else if ("units".equals(what) && n >= 8) {
            unit(call, year, id(call.seg(7), call));
        } else if ("files".equals(what) && n == 8 && "GET".equals(call.method)) {
            download(call, id(call.seg(7), call));
        } else {
            throw new NotFoundException(call.path);
        }
    }

    private void unit(ApiServlet.Call call, int year, long unitId) throws IOException {
        int n = call.segments.length;
        String what = call.seg(8);
        if (n == 8 && "GET".equals(call.method)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("year", year);
            view.put("orgUnitId", unitId);
            view.put("local", manual.localIndicators(call.actor, year, unitId));
            view.put("answers", manual.answers(call.actor, year, unitId));
            ApiServlet.send(call, 200, view);
        } else if ("local".equals(what) && n == 9 && "POST".equals(call.method)) {
            ApiServlet.send(call, 201, manual.defineLocal(call.actor, year, unitId, draft(call)));
        } else if ("local".equals(what) && n == 10 && "PUT".equals(call.method)) {
            // The indicator must be the unit's: the path says which unit the caller means.
            long id = id(call.seg(9), call);
            if (manual.localIndicators(call.actor, year, unitId).stream().noneMatch(i -> i.id() == id)) {
                throw new NotFoundException(call.path);
            }
            ApiServlet.send(call, 200, manual.changeLocal(call.actor, id, draft(call)));
        } else if ("answers".equals(what) && n == 10 && "PUT".equals(call.method)) {
            PerfApi.Body body = PerfApi.Body.of(call.body);
            ValidationException.Collector errors = new ValidationException.Collector();
            BigDecimal value = body.decimal("value", "target.value.invalid", errors);
            String note = body.text("note", errors);
            errors.throwIfAny();
            ApiServlet.send(call, 200, manual.answer(call.actor, id(call.seg(9), call), unitId, value, note));
        } else {
            throw new NotFoundException(call.path);
        }
    }

    private void download(ApiServlet.Call call, long fileId) throws IOException {
        ManualPages.send(call.response, manual.open(call.actor, fileId), false);
    }

    private static ManualIndicatorDraft draft(ApiServlet.Call call) {
        PerfApi.Body body = PerfApi.Body.of(call.body);
        ValidationException.Collector errors = new ValidationException.Collector();
        String nameZh = body.text("nameZh", errors);
        String nameEn = body.text("nameEn", errors);
        String unitZh = body.text("unitZh", errors);
        String unitEn = body.text("unitEn", errors);
        String clause = body.text("clause", errors);
        TargetKind kind = body.enumValue(TargetKind.class, "kind", "manual.kind.invalid", errors);
        Comparison comparison = body.enumValue(Comparison.class, "comparison", "api.comparison.invalid", errors);
        BigDecimal value = body.decimal("value", "target.value.invalid", errors);
        if (kind == null && !errors.has("kind")) {
            errors.add("kind", "manual.kind.invalid");
        }
        if (comparison == null && !errors.has("comparison")) {
            errors.add("comparison", "manual.comparison.invalid");
        }
        if (value == null && !errors.has("value")) {
            errors.add("value", "target.value.invalid");
        }
        errors.throwIfAny();
        return new ManualIndicatorDraft(nameZh, nameEn, unitZh, unitEn, clause, new TargetRule(kind, comparison, value));
    }

    private static long id(String text, ApiServlet.Call call) {
        Long id = Http.parseId(text);
        if (id == null) {
            throw new NotFoundException(call.path);
        }
        return id;
    }

}
