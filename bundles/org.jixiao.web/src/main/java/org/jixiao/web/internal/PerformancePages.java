package org.jixiao.web.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.assessment.EvaluationService;
import org.jixiao.api.performance.IndicatorRef;
import org.jixiao.api.performance.Lock;
import org.jixiao.api.performance.ManualIndicatorService;
import org.jixiao.api.performance.MilestoneService;
import org.jixiao.api.performance.PerformanceCycle;
import org.jixiao.api.performance.PerformanceYear;
import org.jixiao.api.performance.SelfAssessmentService;
import org.jixiao.api.performance.Step;
import org.jixiao.api.performance.StepWindow;
import org.jixiao.api.performance.Target;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.performance.TargetRule;
import org.jixiao.api.performance.TargetService;
import org.jixiao.api.performance.TargetTable;
import org.jixiao.api.performance.TrackingService;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.questionnaire.AnswerService;
import org.jixiao.api.questionnaire.QuestionnaireService;

/**
 * The pages of the performance procedure under {@code /perf}: the yearly cycle and the target tables. The
 * services decide who may do what; these pages only show it, and say why something is locked.
 */
final class PerformancePages {

    private final PageServlet pages;
    private final PerformanceCycle cycle;
    private final TargetService targets;
    private final OrgUnitService orgUnits;
    private final EvaluationPages evaluation;
    private final MilestonePages milestones;
    private final SelfAssessmentPages selfAssessment;
    private final TrackingPages tracking;
    private final ManualPages manual;
    private final CampaignPages campaigns;

    PerformancePages(PageServlet pages, PerformanceCycle cycle, TargetService targets, OrgUnitService orgUnits,
            EvaluationService evaluations, SelfAssessmentService selfAssessments, MilestoneService milestones,
            TrackingService tracking, ManualIndicatorService manual, QuestionnaireService questionnaires,
            AnswerService answers) {
        this.pages = pages;
        this.cycle = cycle;
        this.targets = targets;
        this.orgUnits = orgUnits;
        this.evaluation = new EvaluationPages(pages, evaluations, orgUnits);
        this.milestones = new MilestonePages(pages, milestones, orgUnits);
        this.selfAssessment = new SelfAssessmentPages(pages, selfAssessments, cycle);
        this.tracking = new TrackingPages(pages, tracking, milestones, orgUnits);
        this.manual = new ManualPages(pages, manual, targets, orgUnits);
        this.campaigns = new CampaignPages(pages, questionnaires, answers, orgUnits);
    }

    static boolean evaluated(OrgUnit unit) {
        return unit.level().evaluated();
    }

    /**
     * The unit a unit's page of a year names in segment 3 ({@code /perf/<year>/<page>/<unitId>}): an evaluated unit
     * the actor may see. Anything else, or more segments, is not found, so a unit out of scope is not told apart.
     */
    static OrgUnit unit(PageServlet.Call call, OrgUnitService orgUnits) {
        Long unitId = Http.parseId(call.seg(3));
        if (unitId == null || call.segments.length > 4) {
            throw new NotFoundException(call.path);
        }
        return orgUnits.findVisible(call.actor, unitId).filter(PerformancePages::evaluated)
                .orElseThrow(() -> new NotFoundException(call.path));
    }

    /** Whether the actor belongs to the city (the root unit) and holds at least one of the roles. */
    static boolean city(Actor actor, Role... roles) {
        return actor.orgUnit().parentId() == null && Arrays.stream(roles).anyMatch(actor::has);
    }

    /** How many items are in each state, every state in its order (none as 0), as the summary rows of a page. */
    static <S extends Enum<S>, T> List<Map<String, Object>> tally(Class<S> states, List<T> items,
            Function<T, S> state) {
        Map<S, Integer> counts = new EnumMap<>(states);
        for (S s : states.getEnumConstants()) {
            counts.put(s, 0);
        }
        items.forEach(item -> counts.merge(state.apply(item), 1, Integer::sum));
        List<Map<String, Object>> rows = new ArrayList<>();
        counts.forEach((s, n) -> rows.add(Map.of("state", s.name(), "count", n)));
        return rows;
    }

    void handle(PageServlet.Call call) throws IOException {
        String yearText = call.seg(1);
        if ("procedure".equals(yearText)) {
            tracking.procedure(call);
            return;
        }
        if (yearText == null) {
            years(call);
            return;
        }
        Long year = Http.parseId(yearText);
        if (year == null || year > 9999) {
            throw new NotFoundException(call.path);
        }
        PerformanceYear py = cycle.year(year.intValue()).orElseThrow(() -> new NotFoundException(call.path));
        String what = call.seg(2);
        if (what == null) {
            year(call, py);
            return;
        }
        switch (what) {
            case "targets" -> {
                String unitText = call.seg(3);
                if (unitText != null && unitText.endsWith(".xlsx") && call.segments.length == 4 && !call.post()) {
                    Long unit = Http.parseId(unitText.substring(0, unitText.length() - 5));
                    if (unit == null) {
                        throw new NotFoundException(call.path);
                    }
                    targetsXlsx(call, py, unit);
                    return;
                }
                long unit = unitOf(call, unitText);
                if (wantsDocument(call)) {
                    targetDocument(call, py, unit);
                    return;
                }
                targetTable(call, py, unit);
            }
            case "evaluation" -> evaluation.handle(call, py);
            case "milestones" -> milestones.handle(call, py);
            case "self-assessment" -> selfAssessment.handle(call, py);
            case "tracking" -> tracking.unit(call, py);
            case "manual" -> manual.handle(call, py);
            case "campaigns" -> campaigns.handle(call, py);
            case "evidence" -> manual.download(call);
            case "problems" -> tracking.list(call, py);
            default -> {
                if (!call.post() || call.segments.length != 3) {
                    throw new NotFoundException(call.path);
                }
                yearAction(call, py, what);
            }
        }
    }

    private boolean cityAdmin(PageServlet.Call call) {
        return city(call.actor, Role.ADMIN);
    }

    private void years(PageServlet.Call call) throws IOException {
        Map<String, Object> model = call.model();
        model.put("years", cycle.years());
        model.put("canOpen", cityAdmin(call));
        model.put("suggested", LocalDate.now().getYear());
        if (call.post()) {
            Long y = Http.parseId(call.param("year"));
            try {
                if (y == null || y > 9999) {
                    throw ValidationException.of("year", "cycle.year.range");
                }
                cycle.open(call.actor, y.intValue());
                Http.redirect(call.response, "/perf/" + y);
            } catch (ValidationException e) {
                model.put("errors", e.fieldErrors());
                pages.render(call, 400, null, "perf-years", model);
            }
            return;
        }
        pages.render(call, 200, null, "perf-years", model);
    }

    private Map<String, Object> yearModel(PageServlet.Call call, PerformanceYear py) {
        Map<String, Object> model = call.model();
        model.put("py", py);
        model.put("steps", Step.values());
        model.put("canManage", cityAdmin(call));
        model.put("canApprove", city(call.actor, Role.TARGET_APPROVER));
        model.put("targetsApproved", targets.approvedAt(py.year()) != null);
        windows(model, py, LocalDate.now());
        List<OrgUnit> units = new ArrayList<>();
        for (OrgUnit u : orgUnits.visibleTo(call.actor)) {
            if (evaluated(u)) {
                units.add(u);
            }
        }
        model.put("units", units);
        model.put("today", LocalDate.now());
        return model;
    }

    private void year(PageServlet.Call call, PerformanceYear py) throws IOException {
        if (call.post()) {
            throw new NotFoundException(call.path);
        }
        Map<String, Object> model = yearModel(call, py);
        model.put("saved", call.param("saved") != null);
        pages.render(call, 200, null, "perf-year", model);
    }

    private void yearAction(PageServlet.Call call, PerformanceYear py, String action) throws IOException {
        int y = py.year();
        try {
            switch (action) {
                case "advance" -> cycle.advance(call.actor, y, call.param("reason"));
                case "reopen" -> {
                    Step step = PageServlet.enumOrNull(Step.class, call.param("step"));
                    if (step == null) {
                        throw ValidationException.of("step", "cycle.step.required");
                    }
                    cycle.reopen(call.actor, y, step, call.param("reason"));
                }
                case "window" -> {
                    Step step = PageServlet.enumOrNull(Step.class, call.param("step"));
                    if (step == null) {
                        throw ValidationException.of("step", "cycle.step.required");
                    }
                    cycle.setWindow(call.actor, y, step,
                            requiredDate(call.param("opens"), "opens", "cycle.window.required"),
                            requiredDate(call.param("closes"), "closes", "cycle.window.required"));
                }
                case "approve" -> targets.approve(call.actor, y);
                default -> throw new NotFoundException(call.path);
            }
            Http.redirect(call.response, "/perf/" + y + "?saved=1");
        } catch (ValidationException e) {
            Map<String, Object> model = yearModel(call, cycle.year(y).orElse(py));
            model.put("errors", e.fieldErrors());
            model.put("action", action);
            pages.render(call, 400, null, "perf-year", model);
        }
    }

    /**
     * The windows already past for steps still to come (a year opened late, after the policy's days), and new dates
     * to offer for the first of them: from today, as long as its window was.
     */
    static void windows(Map<String, Object> model, PerformanceYear py, LocalDate today) {
        List<String> expired = new ArrayList<>();
        Step suggest = null;
        for (Step s : Step.values()) {
            StepWindow w = py.window(s).orElse(null);
            if (w != null && s.ordinal() >= py.step().ordinal() && w.closes().isBefore(today)) {
                expired.add(s.name());
                if (suggest == null) {
                    suggest = s;
                    long days = java.time.temporal.ChronoUnit.DAYS.between(w.opens(), w.closes());
                    model.put("suggestOpens", today.toString());
                    model.put("suggestCloses", today.plusDays(Math.max(days, 0)).toString());
                }
            }
        }
        model.put("expired", expired);
        model.put("suggestStep", suggest == null ? "" : suggest.name());
    }

    /** A day as a form sends it (ISO); null when not sent, a field error when it is no day. */
    static LocalDate optionalDate(String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ValidationException.of(field, "common.date.invalid");
        }
    }

    /** A day the form must send: as {@link #optionalDate}, and {@code requiredKey} when it was not sent. */
    static LocalDate requiredDate(String text, String field, String requiredKey) {
        LocalDate day = optionalDate(text, field);
        if (day == null) {
            throw ValidationException.of(field, requiredKey);
        }
        return day;
    }

    /**
     * The unit of a unit's page, {@code /perf/<year>/<what>/<unitId>}, and of its printable {@code .../document}:
     * its id; not found for a bad id or any other path below it.
     */
    static long unitOf(PageServlet.Call call, String unitText) {
        Long unit = Http.parseId(unitText);
        if (unit == null || call.segments.length > 5 || (call.segments.length == 5 && !wantsDocument(call))) {
            throw new NotFoundException(call.path);
        }
        return unit;
    }

    /** Whether the call is a GET of a unit's printable document, {@code .../<unitId>/document}. */
    static boolean wantsDocument(PageServlet.Call call) {
        return call.segments.length == 5 && "document".equals(call.seg(4)) && !call.post();
    }

    /**
     * The annual target responsibility document (目标责任书) of a unit, to be signed and stamped by the city and the
     * unit: the targets with their policy clauses, the time nodes, and the signature lines. Printed from the targets
     * as they stand; the page says when they are not yet approved.
     */
    private void targetDocument(PageServlet.Call call, PerformanceYear py, long unitId) throws IOException {
        Map<String, Object> model = call.model();
        boolean taken = Documents.header(model, pages.documents(), new Messages(call.locale), py.year(),
                call.param("number"), LocalDate.now());
        model.put("py", py);
        model.put("table", targets.table(call.actor, py.year(), unitId));
        model.put("milestones", milestones.milestones().milestones(call.actor, py.year(), unitId));
        pages.render(call, taken ? 200 : 400, null, "perf-target-document", model);
    }

    /** A unit's target table as a workbook: indicator, target, unit, the policy's default and its clause. */
    private void targetsXlsx(PageServlet.Call call, PerformanceYear py, long unitId) throws IOException {
        TargetTable table = targets.table(call.actor, py.year(), unitId);
        Messages messages = new Messages(call.locale);
        List<List<Object>> rows = new ArrayList<>();
        for (Target t : table.targets()) {
            rows.add(Arrays.asList(rows.size() + 1, t.indicatorName(), t.rule().comparison().symbol(),
                    t.rule().value(), t.rule().kind() == TargetKind.ABSOLUTE ? t.unit() : "%",
                    t.policyDefault().comparison().symbol() + " " + t.policyDefault().value().toPlainString(),
                    PolicyClauses.localize(t.clause(), messages)));
        }
        pages.sendXlsx(call, "targets-" + py.year() + "-" + unitId + ".xlsx", messages.get("perf.targets.title",
                table.orgUnitName(), String.valueOf(py.year())), List.of(messages.get("dashboard.number"),
                        messages.get("indicator.name"), messages.get("perf.comparison"), messages.get("indicator.target"),
                        messages.get("targets.xlsx.unit"), messages.get("perf.policyDefault"),
                        messages.get("indicator.clause")), rows);
    }

    private void targetTable(PageServlet.Call call, PerformanceYear py, long unitId) throws IOException {
        Map<String, Object> model = call.model();
        if (call.post()) {
            IndicatorRef ref = IndicatorRef.parse(call.param("indicator"));
            try {
                if (ref == null) {
                    throw ValidationException.of("indicator", "target.indicator.unknown");
                }
                TargetTable table = targets.table(call.actor, py.year(), unitId);
                Target current = table.targets().stream().filter(t -> t.indicator().equals(ref)).findFirst()
                        .orElseThrow(() -> ValidationException.of("indicator", "target.indicator.unknown"));
                Comparison comparison = PageServlet.enumOrNull(Comparison.class, call.param("comparison"));
                TargetRule rule = new TargetRule(current.rule().kind(),
                        comparison == null ? current.rule().comparison() : comparison, number(call.param("value")));
                targets.set(call.actor, py.year(), unitId, ref, rule, call.param("reason"));
                Http.redirect(call.response, "/perf/" + py.year() + "/targets/" + unitId + "?saved=1");
                return;
            } catch (ValidationException e) {
                model.put("errors", e.fieldErrors());
                model.put("failedIndicator", call.param("indicator"));
                model.put("submittedValue", call.param("value"));
            }
        }
        TargetTable table = targets.table(call.actor, py.year(), unitId);
        model.put("py", py);
        model.put("table", table);
        Optional<Lock> lock = cycle.lock(py.year(), Step.TARGET_SETTING, LocalDate.now());
        boolean setter = city(call.actor, Role.TARGET_SETTER, Role.TARGET_APPROVER);
        boolean canEdit = setter && (table.locked() ? call.actor.has(Role.TARGET_APPROVER) : lock.isEmpty());
        model.put("canEdit", canEdit);
        model.put("lock", table.locked() ? null : lock.orElse(null));
        model.put("comparisons", Comparison.values());
        model.put("xlsx", pages.xlsx());
        model.put("saved", call.param("saved") != null);
        String indicator = call.param("history");
        IndicatorRef historyRef = IndicatorRef.parse(indicator);
        if (historyRef != null) {
            model.put("historyFor", historyRef.key());
            model.put("history", targets.history(call.actor, py.year(), unitId, historyRef));
        }
        pages.render(call, model.containsKey("failedIndicator") ? 400 : 200, null, "perf-targets", model);
    }

    private static BigDecimal number(String text) {
        if (text == null) {
            throw ValidationException.of("value", "target.value.invalid");
        }
        try {
            return Http.decimal(text);
        } catch (NumberFormatException e) {
            throw ValidationException.of("value", "target.value.invalid");
        }
    }
}
