package org.jixiao.web.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.NotFoundException;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.IndicatorRef;
import org.jixiao.api.performance.PerformanceCycle;
import org.jixiao.api.performance.PerformanceYear;
import org.jixiao.api.performance.SelfAssessment;
import org.jixiao.api.performance.SelfAssessmentClaim;
import org.jixiao.api.performance.SelfAssessmentService;
import org.jixiao.api.performance.SelfAssessmentService.Claim;
import org.jixiao.api.performance.SelfAssessmentStatus;
import org.jixiao.api.performance.Step;

/**
 * The year-end self-assessment under {@code /perf/<year>/self-assessment}: the city's overview of every unit's
 * report, and under {@code /<unitId>} one unit's report, written and submitted by the unit and returned or
 * accepted by the city. The service decides who may do what; these pages only offer it.
 */
record SelfAssessmentPages(PageServlet pages, SelfAssessmentService service, PerformanceCycle cycle) {

    static final String CLAIMED = "claimed.";
    static final String EXPLANATION = "explanation.";

    /** Handles {@code /perf/<year>/self-assessment/...}; segment 3 onwards. */
    void handle(PageServlet.Call call, PerformanceYear py) throws IOException {
        String unitText = call.seg(3);
        if (unitText == null) {
            if (call.post()) {
                throw new NotFoundException(call.path);
            }
            overview(call, py);
            return;
        }
        long unitId = PerformancePages.unitOf(call, unitText);
        if (PerformancePages.wantsDocument(call)) {
            document(call, py, unitId);
            return;
        }
        if (call.post()) {
            act(call, py, unitId);
        } else {
            report(call, py, unitId, null, null, false, 200);
        }
    }

    /**
     * The unit's self-assessment report as submitted, to be printed, signed and filed: each indicator's target, the
     * figure the records give, the unit's claim with the mismatch flag and its explanation, the problems and their
     * rectification, the city's decision.
     */
    private void document(PageServlet.Call call, PerformanceYear py, long unitId) throws IOException {
        SelfAssessment report = service.get(call.actor, py.year(), unitId);
        Map<String, Object> model = call.model();
        boolean taken = Documents.header(model, pages.documents(), new Messages(call.locale), py.year(),
                call.param("number"), LocalDate.now());
        model.put("py", py);
        model.put("report", report);
        pages.render(call, taken ? 200 : 400, null, "perf-self-assessment-document", model);
    }

    private static boolean decides(PageServlet.Call call) {
        return PerformancePages.city(call.actor, Role.ADMIN, Role.ASSESSOR);
    }

    private void overview(PageServlet.Call call, PerformanceYear py) throws IOException {
        List<SelfAssessmentStatus> units = service.list(call.actor, py.year());
        Map<String, Object> model = call.model();
        model.put("py", py);
        model.put("window", py.window(Step.SELF_ASSESSMENT).orElse(null));
        model.put("units", units);
        model.put("counts", PerformancePages.tally(SelfAssessment.State.class, units, SelfAssessmentStatus::state));
        model.put("canDecide", decides(call));
        pages.render(call, 200, null, "perf-self-assessments", model);
    }

    /** What the form holds: the values as typed, so a refused form comes back as it was sent. */
    private record Entered(Map<String, String> claimed, Map<String, String> explanation, String problems,
            String rectification, String comment) {
    }

    private void act(PageServlet.Call call, PerformanceYear py, long unitId) throws IOException {
        int year = py.year();
        String action = call.param("action");
        String base = "/perf/" + year + "/self-assessment/" + unitId;
        if ("return".equals(action) || "accept".equals(action)) {
            String comment = call.request.getParameter("comment");
            try {
                if ("return".equals(action)) {
                    service.returnToUnit(call.actor, year, unitId, comment);
                } else {
                    service.accept(call.actor, year, unitId, comment);
                }
                Http.redirect(call.response, base + "?decided=1");
            } catch (ValidationException e) {
                report(call, py, unitId, e.fieldErrors(), new Entered(Map.of(), Map.of(), null, null, comment), false,
                        400);
            }
            return;
        }
        if (!"save".equals(action) && !"submit".equals(action)) {
            throw new NotFoundException(call.path);
        }
        SelfAssessment current = service.get(call.actor, year, unitId);
        Map<String, String> claimedText = new HashMap<>();
        Map<String, String> explanationText = new HashMap<>();
        Map<IndicatorRef, Claim> claims = new LinkedHashMap<>();
        ValidationException.Collector parse = new ValidationException.Collector();
        for (SelfAssessmentClaim c : current.claims()) {
            String key = c.indicator().key();
            String value = call.request.getParameter(CLAIMED + key);
            String explanation = call.request.getParameter(EXPLANATION + key);
            if (value == null && explanation == null) {
                // Not on the form that was sent: what was saved stays.
                continue;
            }
            claimedText.put(key, value == null ? "" : value);
            explanationText.put(key, explanation == null ? "" : explanation);
            BigDecimal claimed = null;
            String v = Http.trimmed(value);
            if (v != null) {
                try {
                    claimed = Http.decimal(v);
                } catch (NumberFormatException e) {
                    parse.add(CLAIMED + key, "selfAssessment.claimed.invalid");
                }
            }
            claims.put(c.indicator(), new Claim(claimed, explanation));
        }
        String problems = call.request.getParameter("problems");
        String rectification = call.request.getParameter("rectification");
        Entered entered = new Entered(claimedText, explanationText, problems, rectification, null);
        boolean saved = false;
        try {
            parse.throwIfAny();
            service.save(call.actor, year, unitId, claims, problems, rectification);
            saved = true;
            if ("submit".equals(action)) {
                service.submit(call.actor, year, unitId);
                Http.redirect(call.response, base + "?submitted=1");
            } else {
                Http.redirect(call.response, base + "?saved=1");
            }
        } catch (ValidationException e) {
            // A refused submission leaves the draft saved; the page says so.
            report(call, py, unitId, e.fieldErrors(), entered, saved, 400);
        }
    }

    private void report(PageServlet.Call call, PerformanceYear py, long unitId, Map<String, String> errors,
            Entered entered, boolean savedNow, int status) throws IOException {
        SelfAssessment report = service.get(call.actor, py.year(), unitId);
        Map<String, Object> model = call.model();
        if (errors != null) {
            model.put("errors", errors);
        }
        boolean canEdit = call.actor.canWrite() && report.state().editable();
        model.put("py", py);
        model.put("report", report);
        model.put("canEdit", canEdit);
        model.put("canDecide", decides(call) && report.state() == SelfAssessment.State.SUBMITTED);
        model.put("lock", canEdit ? cycle.lock(py.year(), Step.SELF_ASSESSMENT, LocalDate.now()).orElse(null) : null);

        Map<String, String> claimed = new HashMap<>();
        Map<String, String> explanation = new HashMap<>();
        for (SelfAssessmentClaim c : report.claims()) {
            String key = c.indicator().key();
            claimed.put(key, c.claimed() == null ? "" : c.claimed().toPlainString());
            explanation.put(key, c.explanation() == null ? "" : c.explanation());
        }
        String problems = report.problems();
        String rectification = report.rectification();
        String comment = null;
        if (entered != null) {
            claimed.putAll(entered.claimed());
            explanation.putAll(entered.explanation());
            if (entered.problems() != null || entered.rectification() != null) {
                problems = entered.problems();
                rectification = entered.rectification();
            }
            comment = entered.comment();
        }
        model.put("claimed", claimed);
        model.put("explanation", explanation);
        model.put("problems", problems == null ? "" : problems);
        model.put("rectification", rectification == null ? "" : rectification);
        model.put("comment", comment == null ? "" : comment);
        model.put("saved", savedNow || call.param("saved") != null);
        model.put("submitted", call.param("submitted") != null);
        model.put("decided", call.param("decided") != null);
        pages.render(call, status, null, "perf-self-assessment", model);
    }
}
