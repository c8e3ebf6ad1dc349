package org.jixiao.web.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.IndicatorRef;
import org.jixiao.api.performance.SelfAssessment;
import org.jixiao.api.performance.SelfAssessmentService;
import org.jixiao.api.performance.SelfAssessmentService.Claim;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The JSON API of the year-end self-assessment (自我评估), below {@code /api/v1/perf/years/{y}/self-assessment};
 * the same service as {@link SelfAssessmentPages} answers, so a unit out of the caller's scope is not found.
 *
 * <pre>
 * GET  self-assessment                             where every unit's report in the caller's scope stands
 * GET  self-assessment/{unitId}                    the report: claims with the computed value beside each
 * PUT  self-assessment/{unitId} {claims: {"{projectId}:{indicatorId}": {claimed, explanation}}, problems,
 *                                 rectification}   indicators and texts left out keep what was saved
 * POST self-assessment/{unitId}/submit
 * POST self-assessment/{unitId}/return {comment}   the city sends it back, with the reason
 * POST self-assessment/{unitId}/accept {comment}
 * </pre>
 */
record SelfAssessmentApi(SelfAssessmentService service) {

    /** Segment 6 onwards (segment 5 is "self-assessment"). */
    void handle(ApiServlet.Call call, int year) throws IOException {
        int n = call.segments.length;
        if (n == 6 && "GET".equals(call.method)) {
            ApiServlet.send(call, 200, service.list(call.actor, year));
            return;
        }
        if (n < 7) {
            throw new NotFoundException(call.path);
        }
        long unitId = PerfApi.pathId(call.seg(6), call);
        String action = call.seg(7);
        SelfAssessment report;
        if (n == 7 && "GET".equals(call.method)) {
            report = service.get(call.actor, year, unitId);
        } else if (n == 7 && "PUT".equals(call.method)) {
            report = save(call, year, unitId);
        } else if (n == 8 && "POST".equals(call.method) && "submit".equals(action)) {
            report = service.submit(call.actor, year, unitId);
        } else if (n == 8 && "POST".equals(call.method) && ("return".equals(action) || "accept".equals(action))) {
            ValidationException.Collector errors = new ValidationException.Collector();
            String comment = PerfApi.Body.of(call.body).text("comment", errors);
            errors.throwIfAny();
            report = "return".equals(action) ? service.returnToUnit(call.actor, year, unitId, comment)
                    : service.accept(call.actor, year, unitId, comment);
        } else {
            throw new NotFoundException(call.path);
        }
        ApiServlet.send(call, 200, report);
    }

    private SelfAssessment save(ApiServlet.Call call, int year, long unitId) {
        PerfApi.Body body = PerfApi.Body.of(call.body);
        ValidationException.Collector errors = new ValidationException.Collector();
        String problems = body.text("problems", errors);
        String rectification = body.text("rectification", errors);
        Map<IndicatorRef, Claim> claims = claims(call.body, errors);
        errors.throwIfAny();
        if (!has(call.body, "problems") || !has(call.body, "rectification")) {
            SelfAssessment saved = service.get(call.actor, year, unitId);
            problems = has(call.body, "problems") ? problems : saved.problems();
            rectification = has(call.body, "rectification") ? rectification : saved.rectification();
        }
        return service.save(call.actor, year, unitId, claims, problems, rectification);
    }

    private static boolean has(JsonElement body, String field) {
        return body != null && body.isJsonObject() && body.getAsJsonObject().has(field);
    }

    /**
     * {@code claims} as the service takes them, each field's error named as the page names it:
     * {@code claimed.<key>}, {@code explanation.<key>}; a key that names no indicator is an error of
     * {@code indicator}.
     */
    static Map<IndicatorRef, Claim> claims(JsonElement body, ValidationException.Collector errors) {
        Map<IndicatorRef, Claim> claims = new LinkedHashMap<>();
        JsonElement element = body == null || !body.isJsonObject() ? null : body.getAsJsonObject().get("claims");
        if (element == null || element.isJsonNull()) {
            return claims;
        }
        if (!element.isJsonObject()) {
            throw new Json.BadJsonException("claims must be an object");
        }
        // Each claim's fields under the names their errors carry, read as every other body is read.
        JsonObject flat = new JsonObject();
        Map<String, IndicatorRef> refs = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : element.getAsJsonObject().entrySet()) {
            IndicatorRef ref = IndicatorRef.parse(e.getKey());
            if (ref == null) {
                errors.add("indicator", "selfAssessment.indicator.unknown");
                continue;
            }
            if (!e.getValue().isJsonObject()) {
                throw new Json.BadJsonException("a claim must be an object");
            }
            JsonObject claim = e.getValue().getAsJsonObject();
            String key = ref.key();
            refs.put(key, ref);
            if (claim.has("claimed")) {
                flat.add(SelfAssessmentPages.CLAIMED + key, claim.get("claimed"));
            }
            if (claim.has("explanation")) {
                flat.add(SelfAssessmentPages.EXPLANATION + key, claim.get("explanation"));
            }
        }
        PerfApi.Body fields = PerfApi.Body.of(flat);
        refs.forEach((key, ref) -> {
            BigDecimal claimed = fields.decimal(SelfAssessmentPages.CLAIMED + key, "selfAssessment.claimed.invalid",
                    errors);
            String explanation = fields.text(SelfAssessmentPages.EXPLANATION + key, errors);
            claims.put(ref, new Claim(claimed, explanation));
        });
        return claims;
    }
}
