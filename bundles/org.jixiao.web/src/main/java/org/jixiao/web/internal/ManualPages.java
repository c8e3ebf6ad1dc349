package org.jixiao.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;

import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.ManualAnswer;
import org.jixiao.api.performance.ManualIndicator;
import org.jixiao.api.performance.ManualIndicatorDraft;
import org.jixiao.api.performance.ManualIndicatorService;
import org.jixiao.api.performance.PerformanceYear;
import org.jixiao.api.performance.Target;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.performance.TargetRule;
import org.jixiao.api.performance.TargetService;
import org.jixiao.api.project.Comparison;

/**
 * Manual indicators: {@code /perf/<year>/manual} lists the city's indicators of the year with the form to define
 * them; {@code /perf/<year>/manual/<unitId>} is where a unit answers each city and local indicator with a value, a
 * note and evidence files, and defines its local indicators; {@code /perf/<year>/evidence/<fileId>} downloads a
 * file. The service decides who may do what; the pages only offer it. No JavaScript.
 */
record ManualPages(PageServlet pages, ManualIndicatorService manual, TargetService targets, OrgUnitService orgUnits) {

    static final String[] DRAFT_FIELDS = {"nameZh", "nameEn", "unitZh", "unitEn", "clause", "kind", "comparison",
        "value"};

    // ---------------------------------------------------------------- the city's indicators

    /** Handles {@code /perf/<year>/manual[/<unitId>]}. */
    void handle(PageServlet.Call call, PerformanceYear py) throws IOException {
        if (call.segments.length == 4) {
            unit(call, py);
            return;
        }
        if (call.segments.length != 3) {
            throw new NotFoundException(call.path);
        }
        int year = py.year();
        Map<String, Object> model = call.model();
        int status = call.submit(model, "/perf/" + year + "/manual?saved=1", action -> {
            switch (action) {
                case "define" -> manual.defineCity(call.actor, year, draft(call));
                case "withdraw" -> manual.withdraw(call.actor, id(call.param("indicator")));
                default -> throw new NotFoundException(call.path);
            }
        }, e -> failed(call, model));
        if (status == PageServlet.REDIRECTED) {
            return;
        }
        model.put("py", py);
        model.put("indicators", manual.cityIndicators(call.actor, year));
        model.put("units", orgUnits.visibleTo(call.actor).stream().filter(PerformancePages::evaluated).toList());
        model.put("canDefine", cityDefiner(call.actor));
        putChoices(model, true);
        model.put("saved", call.param("saved") != null);
        pages.render(call, status, null, "perf-manual", model);
    }

    // ---------------------------------------------------------------- a unit's answers

    private void unit(PageServlet.Call call, PerformanceYear py) throws IOException {
        OrgUnit unit = PerformancePages.unit(call, orgUnits);
        long unitId = unit.id();
        int year = py.year();
        Map<String, Object> model = call.model();
        int status = call.submit(model, "/perf/" + year + "/manual/" + unitId + "?saved=1", action -> {
            switch (action) {
                case "answer" -> manual.answer(call.actor, id(call.param("indicator")), unitId,
                        value(call.param("value")), call.request.getParameter("note"));
                case "attach" -> attach(call, unitId);
                case "remove" -> manual.remove(call.actor, id(call.param("file")));
                case "define" -> manual.defineLocal(call.actor, year, unitId, draft(call));
                case "change" -> manual.changeLocal(call.actor, id(call.param("indicator")), draft(call));
                case "withdraw" -> manual.withdraw(call.actor, id(call.param("indicator")));
                default -> throw new NotFoundException(call.path);
            }
        }, e -> failed(call, model));
        if (status == PageServlet.REDIRECTED) {
            return;
        }
        List<ManualIndicator> city = manual.cityIndicators(call.actor, year).stream()
                .filter(i -> !i.withdrawn()).toList();
        List<ManualIndicator> local = manual.localIndicators(call.actor, year, unitId);
        Map<String, ManualAnswer> answers = new HashMap<>();
        for (ManualAnswer a : manual.answers(call.actor, year, unitId)) {
            answers.put(String.valueOf(a.indicatorId()), a);
        }
        // The unit's own target of each city indicator, as its target table has it.
        Map<String, Target> cityTargets = new HashMap<>();
        for (Target t : targets.table(call.actor, year, unitId).targets()) {
            long id = ManualIndicator.CITY_PROJECT_ID.equals(t.indicator().projectId())
                    ? ManualIndicator.parseIndicatorId(t.indicator().indicatorId()) : -1;
            if (id >= 0) {
                cityTargets.put(String.valueOf(id), t);
            }
        }
        model.put("py", py);
        model.put("unit", unit);
        model.put("city", city);
        model.put("local", local);
        model.put("answers", answers);
        model.put("cityTargets", cityTargets);
        model.put("canWrite", call.actor.canWrite());
        model.put("canDefine", call.actor.has(Role.ADMIN) || call.actor.has(Role.TARGET_SETTER));
        model.put("fileTypes", String.join(", ", ManualIndicatorService.FILE_TYPES.stream().sorted().toList()));
        model.put("fileAccept", String.join(",", ManualIndicatorService.FILE_TYPES.stream().sorted()
                .map(t -> "." + t).toList()));
        model.put("fileMaxMb", ManualIndicatorService.FILE_SIZE_MAX / (1024 * 1024));
        putChoices(model, false);
        model.put("saved", call.param("saved") != null);
        pages.render(call, status, null, "perf-manual-unit", model);
    }

    private void attach(PageServlet.Call call, long unitId) throws IOException {
        Part part = part(call);
        if (part == null || part.getSize() == 0) {
            throw ValidationException.of("file", "manual.file.required");
        }
        try (InputStream in = part.getInputStream()) {
            manual.attach(call.actor, id(call.param("indicator")), unitId, part.getSubmittedFileName(), in);
        } finally {
            part.delete();
        }
    }

    /** The uploaded file, or null when the form was not sent as multipart or carried none. */
    private static Part part(PageServlet.Call call) throws IOException {
        String type = call.request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        try {
            return call.request.getPart("file");
        } catch (ServletException | IllegalStateException e) {
            throw ValidationException.of("file", "manual.file.tooLarge");
        }
    }

    // ---------------------------------------------------------------- download

    /** Handles {@code /perf/<year>/evidence/<fileId>}: the file as an attachment, never rendered by the browser. */
    void download(PageServlet.Call call) throws IOException {
        Long fileId = Http.parseId(call.seg(3));
        if (fileId == null || call.segments.length != 4 || call.post()) {
            throw new NotFoundException(call.path);
        }
        send(call.response, manual.open(call.actor, fileId), "HEAD".equals(call.request.getMethod()));
    }

    /** An evidence file as an attachment, never rendered by the browser; the page and the JSON API both answer so. */
    static void send(jakarta.servlet.http.HttpServletResponse response, ManualIndicatorService.Evidence evidence,
            boolean headOnly) throws IOException {
        try (InputStream in = evidence.content()) {
            response.setStatus(200);
            response.setContentType(evidence.file().contentType());
            response.setContentLengthLong(evidence.file().size());
            response.setHeader("Content-Disposition", Http.attachment(evidence.file().fileName()));
            // Whatever the file holds, it runs nothing in this origin.
            response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
            response.setHeader("X-Evidence-SHA256", evidence.file().sha256());
            if (!headOnly) {
                in.transferTo(response.getOutputStream());
            }
        }
    }

    // ---------------------------------------------------------------- forms

    private static boolean cityDefiner(Actor actor) {
        return PerformancePages.city(actor, Role.TARGET_SETTER, Role.TARGET_APPROVER);
    }

    private static void putChoices(Map<String, Object> model, boolean city) {
        List<String> kinds = new ArrayList<>();
        for (TargetKind k : TargetKind.values()) {
            if (city || k != TargetKind.BASELINE_RELATIVE) {
                kinds.add(k.name());
            }
        }
        model.put("kinds", kinds);
        model.put("comparisons", List.of(Comparison.values()));
    }

    /** What a refused form shows again: the indicator it was about and the values as sent. */
    private static void failed(PageServlet.Call call, Map<String, Object> model) {
        model.put("failedIndicator", call.param("indicator") == null ? "" : call.param("indicator"));
        Map<String, String> submitted = new LinkedHashMap<>();
        for (String name : DRAFT_FIELDS) {
            put(submitted, name, call.param(name));
        }
        put(submitted, "note", call.request.getParameter("note"));
        model.put("submitted", submitted);
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** The definition form; a malformed kind, comparison or value is a field error like any other. */
    static ManualIndicatorDraft draft(PageServlet.Call call) {
        ValidationException.Collector errors = new ValidationException.Collector();
        TargetKind kind = PageServlet.enumOrNull(TargetKind.class, call.param("kind"));
        Comparison comparison = PageServlet.enumOrNull(Comparison.class, call.param("comparison"));
        if (kind == null) {
            errors.add("kind", "manual.kind.invalid");
        }
        if (comparison == null) {
            errors.add("comparison", "manual.comparison.invalid");
        }
        BigDecimal value = null;
        try {
            value = value(call.param("value"));
        } catch (ValidationException e) {
            errors.add("value", "target.value.invalid");
        }
        if (value == null && !errors.has("value")) {
            errors.add("value", "target.value.invalid");
        }
        errors.throwIfAny();
        return new ManualIndicatorDraft(call.param("nameZh"), call.param("nameEn"), call.param("unitZh"),
                call.param("unitEn"), call.param("clause"), new TargetRule(kind, comparison, value));
    }

    /** A decimal as typed, or null when blank; a malformed one is a field error. */
    static BigDecimal value(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replace(",", "").replace("，", "");
        if (t.length() > 30) {
            throw ValidationException.of("value", "target.value.invalid");
        }
        try {
            return Http.decimal(t);
        } catch (NumberFormatException e) {
            throw ValidationException.of("value", "target.value.invalid");
        }
    }

    private static long id(String text) {
        Long id = Http.parseId(text);
        if (id == null) {
            throw new NotFoundException("id");
        }
        return id;
    }
}
