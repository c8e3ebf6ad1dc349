package org.jixiao.web.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.assessment.Bonus;
import org.jixiao.api.assessment.EvaluationRun;
import org.jixiao.api.assessment.RankedScore;
import org.jixiao.api.assessment.EvaluationService;
import org.jixiao.api.assessment.ScoreKind;
import org.jixiao.api.assessment.UnitInput;
import org.jixiao.api.assessment.UnitScore;
import org.jixiao.api.performance.IndicatorRef;
import org.jixiao.api.performance.ManualIndicatorService;
import org.jixiao.api.performance.PerformanceCycle;
import org.jixiao.api.performance.PerformanceYear;
import org.jixiao.api.performance.Step;
import org.jixiao.api.performance.Target;
import org.jixiao.api.performance.TargetRule;
import org.jixiao.api.performance.TargetService;
import org.jixiao.api.performance.TargetTable;
import org.jixiao.api.project.Comparison;

/**
 * The JSON API of the performance procedure under {@code /api/v1/perf}: the yearly cycle, target tables, and
 * the comprehensive evaluation. The same services as the pages answer, so the same permission checks apply;
 * malformed input (numbers, dates, enum names, the module) answers 400 with a message per field, never 500.
 *
 * <pre>
 * GET  perf/years                                   POST perf/years {year}
 * GET  perf/years/{y}                               POST perf/years/{y}/advance [{reason}]
 * PUT  perf/years/{y}/windows/{STEP} {opens, closes}
 * POST perf/years/{y}/reopen {step, reason}
 * GET  perf/years/{y}/targets/{unitId}
 * PUT  perf/years/{y}/targets/{unitId}/{projectId}:{indicatorId} {comparison, value, reason}
 * POST perf/years/{y}/targets/approve
 * GET  perf/years/{y}/targets/{unitId}/{projectId}:{indicatorId}/history   every change, newest first
 * …    perf/years/{y}/milestones/…                  time nodes: see MilestoneApi
 * …    perf/years/{y}/tracking/{unitId}/…            monthly progress and problems: see TrackingApi
 * GET  perf/years/{y}/problems                      every problem in scope: see TrackingApi
 * …    perf/procedures/{projectId}                   corrected procedures: see TrackingApi
 * …    perf/years/{y}/self-assessment/…              self-assessment: see SelfAssessmentApi
 * …    perf/years/{y}/manual/…                      manual indicators: see ManualApi
 * …    perf/years/{y}/campaigns/…                   evaluation campaigns: see QuestionnaireApi
 * GET  perf/years/{y}/evaluation/runs              POST perf/years/{y}/evaluation/runs
 * GET  perf/years/{y}/evaluation/pin               PUT  perf/years/{y}/evaluation/pin {module: "id@version"}
 * PUT  perf/years/{y}/evaluation/scores/{unitId}/{KIND} {score}
 * GET  perf/years/{y}/evaluation/bonuses           POST perf/years/{y}/evaluation/bonuses {orgUnitId, points, reason}
 * GET  perf/evaluation/runs/{id}
 * POST perf/evaluation/runs/{id}/rerun {module}    POST perf/evaluation/runs/{id}/publish
 * POST perf/evaluation/bonuses/{id}/decision {approve: true|false}
 * </pre>
 */
final class PerfApi {

    /** A number with more digits or a larger exponent than this is refused before any arithmetic on it. */
    static final int DIGITS_MAX = 40;

    private final PerformanceCycle cycle;
    private final TargetService targets;
    private final EvaluationService evaluations;
    private final ManualApi manual;
    private final QuestionnaireApi questionnaires;
    private final MilestoneApi milestones;
    private final TrackingApi tracking;
    private final SelfAssessmentApi selfAssessment;

    PerfApi(PerformanceCycle cycle, TargetService targets, EvaluationService evaluations,
            ManualIndicatorService manual, QuestionnaireApi questionnaires, MilestoneApi milestones,
            TrackingApi tracking, SelfAssessmentApi selfAssessment) {
        this.cycle = cycle;
        this.targets = targets;
        this.evaluations = evaluations;
        this.manual = new ManualApi(manual);
        this.questionnaires = questionnaires;
        this.milestones = milestones;
        this.tracking = tracking;
        this.selfAssessment = selfAssessment;
    }

    /** Handles {@code /api/v1/perf/...}; segment 3 onwards. */
    void handle(ApiServlet.Call call) throws IOException {
        String what = call.seg(3);
        if ("years".equals(what)) {
            years(call);
        } else if ("evaluation".equals(what)) {
            evaluation(call);
        } else if ("procedures".equals(what)) {
            tracking.procedures(call);
        } else {
            throw new NotFoundException(call.path);
        }
    }

    private static boolean is(ApiServlet.Call call, int length, String method) {
        return call.segments.length == length && method.equals(call.method);
    }

    // ---------------------------------------------------------------- years

    private void years(ApiServlet.Call call) throws IOException {
        if (is(call, 4, "GET")) {
            ApiServlet.send(call, 200, cycle.years());
            return;
        }
        if (is(call, 4, "POST")) {
            Body body = Body.of(call.body);
            ValidationException.Collector errors = new ValidationException.Collector();
            Integer year = body.year("year", errors);
            errors.throwIfAny();
            PerformanceYear opened = cycle.open(call.actor, year);
            ApiServlet.send(call, 201, yearView(opened));
            return;
        }
        if (call.segments.length < 5) {
            throw new NotFoundException(call.path);
        }
        PerformanceYear py = openYear(call);
        int y = py.year();
        String what = call.seg(5);
        if (what == null) {
            if (!"GET".equals(call.method)) {
                throw new NotFoundException(call.path);
            }
            ApiServlet.send(call, 200, yearView(py));
            return;
        }
        switch (what) {
            case "advance" -> {
                require(call, 6, "POST");
                // A body is optional: {reason} confirms leaving target setting with the targets unapproved.
                ValidationException.Collector errors = new ValidationException.Collector();
                String reason = call.body == null ? null : Body.of(call.body).text("reason", errors);
                errors.throwIfAny();
                ApiServlet.send(call, 200, yearView(cycle.advance(call.actor, y, reason)));
            }
            case "reopen" -> {
                require(call, 6, "POST");
                Body body = Body.of(call.body);
                ValidationException.Collector errors = new ValidationException.Collector();
                Step step = body.enumValue(Step.class, "step", "api.step.invalid", errors);
                String reason = body.text("reason", errors);
                if (step == null && !errors.has("step")) {
                    errors.add("step", "cycle.step.required");
                }
                errors.throwIfAny();
                ApiServlet.send(call, 200, yearView(cycle.reopen(call.actor, y, step, reason)));
            }
            case "windows" -> {
                require(call, 7, "PUT");
                Step step = pathEnum(Step.class, call.seg(6), "step", "api.step.invalid");
                Body body = Body.of(call.body);
                ValidationException.Collector errors = new ValidationException.Collector();
                java.time.LocalDate opens = body.date("opens", errors);
                java.time.LocalDate closes = body.date("closes", errors);
                errors.throwIfAny();
                ApiServlet.send(call, 200, yearView(cycle.setWindow(call.actor, y, step, opens, closes)));
            }
            case "targets" -> targets(call, y);
            case "manual" -> manual.handle(call, y);
            case "campaigns" -> questionnaires.campaigns(call, y);
            case "milestones" -> milestones.handle(call, y);
            case "tracking" -> tracking.unit(call, y);
            case "problems" -> tracking.all(call, y);
            case "self-assessment" -> selfAssessment.handle(call, y);
            case "evaluation" -> yearEvaluation(call, y);
            default -> throw new NotFoundException(call.path);
        }
    }

    /** The year of segment 4 when it is open; 404 for anything else, as the pages answer. */
    private PerformanceYear openYear(ApiServlet.Call call) {
        Long year = Http.parseId(call.seg(4));
        if (year == null || year > 9999) {
            throw new NotFoundException(call.path);
        }
        return cycle.year(year.intValue()).orElseThrow(() -> new NotFoundException(call.path));
    }

    private Map<String, Object> yearView(PerformanceYear py) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("year", py.year());
        view.put("step", py.step());
        view.put("windows", py.windows());
        evaluations.pinned(py.year()).ifPresent(pin -> view.put("pin", pin));
        return view;
    }

    // ---------------------------------------------------------------- targets

    private void targets(ApiServlet.Call call, int year) throws IOException {
        String unitText = call.seg(6);
        if ("approve".equals(unitText) && is(call, 7, "POST")) {
            targets.approve(call.actor, year);
            ApiServlet.send(call, 200, tableSummary(year));
            return;
        }
        Long unitId = Http.parseId(unitText);
        if (unitId == null) {
            throw new NotFoundException(call.path);
        }
        if (is(call, 7, "GET")) {
            ApiServlet.send(call, 200, tableView(targets.table(call.actor, year, unitId)));
            return;
        }
        if (is(call, 9, "GET") && "history".equals(call.seg(8))) {
            // An unknown indicator has no history; the service still checks the unit's scope first.
            ApiServlet.send(call, 200, targets.history(call.actor, year, unitId,
                    IndicatorRef.parse(decode(call.seg(7), call))));
            return;
        }
        require(call, 8, "PUT");
        IndicatorRef ref = IndicatorRef.parse(decode(call.seg(7), call));
        if (ref == null) {
            throw ValidationException.of("indicator", "target.indicator.unknown");
        }
        Body body = Body.of(call.body);
        ValidationException.Collector errors = new ValidationException.Collector();
        Comparison comparison = body.enumValue(Comparison.class, "comparison", "api.comparison.invalid", errors);
        BigDecimal value = body.decimal("value", "target.value.invalid", errors);
        if (value == null && !errors.has("value")) {
            errors.add("value", "target.value.invalid");
        }
        String reason = body.text("reason", errors);
        errors.throwIfAny();
        // The unit must be in the caller's scope (404 otherwise) and the indicator one of its rows; the row gives
        // the kind of target, which an indicator fixes.
        Target current = targets.table(call.actor, year, unitId).targets().stream()
                .filter(t -> t.indicator().equals(ref)).findFirst()
                .orElseThrow(() -> ValidationException.of("indicator", "target.indicator.unknown"));
        TargetRule rule = new TargetRule(current.rule().kind(),
                comparison == null ? current.rule().comparison() : comparison, value);
        ApiServlet.send(call, 200, targetView(targets.set(call.actor, year, unitId, ref, rule, reason)));
    }

    private Map<String, Object> tableSummary(int year) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("year", year);
        view.put("approved", true);
        return view;
    }

    static Map<String, Object> tableView(TargetTable table) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("year", table.year());
        view.put("orgUnitId", table.orgUnitId());
        view.put("orgUnitName", table.orgUnitName());
        view.put("locked", table.locked());
        view.put("approvedAt", table.approvedAt());
        view.put("approvedBy", table.approvedBy());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Target t : table.targets()) {
            rows.add(targetView(t));
        }
        view.put("targets", rows);
        return view;
    }

    /** A target row; {@code indicator} is the key the PUT path takes. */
    static Map<String, Object> targetView(Target t) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("indicator", t.indicator().key());
        row.put("projectId", t.indicator().projectId());
        row.put("indicatorId", t.indicator().indicatorId());
        row.put("name", t.indicatorName());
        row.put("unit", t.unit());
        row.put("clause", t.clause());
        row.put("policyDefault", t.policyDefault());
        row.put("rule", t.rule());
        row.put("set", t.set());
        row.put("baseline", t.baseline());
        row.put("target", t.resolved());
        row.put("updatedAt", t.updatedAt());
        row.put("updatedBy", t.updatedBy());
        return row;
    }

    // ---------------------------------------------------------------- evaluation of a year

    private void yearEvaluation(ApiServlet.Call call, int year) throws IOException {
        String what = call.seg(6);
        if (what == null) {
            throw new NotFoundException(call.path);
        }
        switch (what) {
            case "runs" -> {
                if (is(call, 7, "GET")) {
                    List<Map<String, Object>> out = new ArrayList<>();
                    for (EvaluationRun run : evaluations.runs(call.actor, year)) {
                        out.add(runSummary(run));
                    }
                    ApiServlet.send(call, 200, out);
                } else {
                    require(call, 7, "POST");
                    ApiServlet.send(call, 201, runView(evaluations.run(call.actor, year)));
                }
            }
            case "pin" -> {
                if (is(call, 7, "GET")) {
                    ApiServlet.send(call, 200, evaluations.pinned(year)
                            .orElseThrow(() -> new NotFoundException(call.path)));
                } else {
                    require(call, 7, "PUT");
                    String[] module = module(Body.of(call.body));
                    ApiServlet.send(call, 200, evaluations.pin(call.actor, year, module[0], module[1]));
                }
            }
            case "scores" -> {
                require(call, 9, "PUT");
                Long unitId = Http.parseId(call.seg(7));
                if (unitId == null) {
                    throw new NotFoundException(call.path);
                }
                ScoreKind kind = pathEnum(ScoreKind.class, call.seg(8), "kind", "api.scoreKind.invalid");
                Body body = Body.of(call.body);
                ValidationException.Collector errors = new ValidationException.Collector();
                BigDecimal score = body.decimal("score", "evaluation.score.invalid", errors);
                if (score == null && !errors.has("score")) {
                    errors.add("score", "evaluation.score.invalid");
                }
                errors.throwIfAny();
                evaluations.enterScore(call.actor, year, unitId, kind, score);
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("year", year);
                view.put("orgUnitId", unitId);
                view.put("kind", kind);
                view.put("score", score.setScale(2));
                ApiServlet.send(call, 200, view);
            }
            case "bonuses" -> {
                if (is(call, 7, "GET")) {
                    ApiServlet.send(call, 200, evaluations.bonuses(call.actor, year));
                    return;
                }
                require(call, 7, "POST");
                Body body = Body.of(call.body);
                ValidationException.Collector errors = new ValidationException.Collector();
                Long unitId = body.id("orgUnitId", "evaluation.unit.invalid", errors);
                if (unitId == null && !errors.has("orgUnitId")) {
                    errors.add("orgUnitId", "evaluation.unit.invalid");
                }
                BigDecimal points = body.decimal("points", "bonus.points.invalid", errors);
                if (points == null && !errors.has("points")) {
                    errors.add("points", "bonus.points.invalid");
                }
                String reason = body.text("reason", errors);
                errors.throwIfAny();
                ApiServlet.send(call, 201, evaluations.proposeBonus(call.actor, year, unitId, points, reason));
            }
            default -> throw new NotFoundException(call.path);
        }
    }

    // ---------------------------------------------------------------- runs and bonuses by id

    private void evaluation(ApiServlet.Call call) throws IOException {
        String what = call.seg(4);
        Long id = Http.parseId(call.seg(5));
        if (id == null) {
            throw new NotFoundException(call.path);
        }
        if ("runs".equals(what)) {
            if (is(call, 6, "GET")) {
                ApiServlet.send(call, 200, runView(evaluations.get(call.actor, id)));
            } else if (is(call, 7, "POST") && "rerun".equals(call.seg(6))) {
                String[] module = module(Body.of(call.body));
                ApiServlet.send(call, 201, runView(evaluations.rerun(call.actor, id, module[0], module[1])));
            } else if (is(call, 7, "POST") && "publish".equals(call.seg(6))) {
                ApiServlet.send(call, 200, runView(evaluations.publish(call.actor, id)));
            } else {
                throw new NotFoundException(call.path);
            }
        } else if ("bonuses".equals(what) && is(call, 7, "POST") && "decision".equals(call.seg(6))) {
            Body body = Body.of(call.body);
            ValidationException.Collector errors = new ValidationException.Collector();
            Boolean approve = body.bool("approve", "api.decision.required", errors);
            if (approve == null && !errors.has("approve")) {
                errors.add("approve", "api.decision.required");
            }
            errors.throwIfAny();
            Bonus decided = evaluations.decideBonus(call.actor, id, approve);
            ApiServlet.send(call, 200, decided);
        } else {
            throw new NotFoundException(call.path);
        }
    }

    static Map<String, Object> runSummary(EvaluationRun run) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", run.id());
        view.put("year", run.year());
        view.put("moduleId", run.moduleId());
        view.put("moduleVersion", run.moduleVersion());
        view.put("at", run.at());
        view.put("by", run.by());
        view.put("published", run.published());
        view.put("basedOnRunId", run.basedOnRunId());
        view.put("moduleDigest", run.moduleDigest());
        view.put("units", run.result().scores().size());
        return view;
    }

    /** A run with its ranking (rank, unit, total, parts) and the snapshot of its inputs. */
    static Map<String, Object> runView(EvaluationRun run) {
        Map<String, Object> view = runSummary(run);
        view.put("ranking", ranking(run));
        view.put("input", run.input());
        return view;
    }

    static List<Map<String, Object>> ranking(EvaluationRun run) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RankedScore r : run.ranking()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", r.rank());
            row.put("of", r.of());
            row.put("orgUnitId", r.orgUnitId());
            row.put("name", r.orgUnitName());
            row.put("total", r.score().total());
            row.put("parts", r.score().parts());
            rows.add(row);
        }
        return rows;
    }

    // ---------------------------------------------------------------- parsing

    private static void require(ApiServlet.Call call, int length, String method) {
        if (!is(call, length, method)) {
            throw new NotFoundException(call.path);
        }
    }

    /** An id in the path (digits only); 404 when it is none. */
    static long pathId(String text, ApiServlet.Call call) {
        Long id = Http.parseId(text);
        if (id == null) {
            throw new NotFoundException(call.path);
        }
        return id;
    }

    /** An enum name in the path; a wrong one is bad input of that field, not a missing page. */
    static <E extends Enum<E>> E pathEnum(Class<E> type, String text, String field, String key) {
        E value = Body.enumOrNull(type, text);
        if (value == null) {
            throw ValidationException.of(field, key);
        }
        return value;
    }

    /** {@code id@version}, split at the last {@code @}. */
    static String[] module(Body body) {
        ValidationException.Collector errors = new ValidationException.Collector();
        String value = body.text("module", errors);
        int at = value == null ? -1 : value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1) {
            errors.add("module", "api.module.format");
        }
        errors.throwIfAny();
        return new String[] {value.substring(0, at), value.substring(at + 1)};
    }

    /** A percent-encoded path segment ({@code employment%3Ayouth.jobseekers}); 404 when undecodable. */
    static String decode(String segment, ApiServlet.Call call) {
        try {
            // A path keeps '+' as it is; only %XX is decoded.
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(call.path);
        }
    }

    /**
     * The fields of a JSON object body, each read leniently as to form (a number may come as a JSON number or
     * a string) and strictly as to content: what cannot be read is recorded as that field's error.
     */
    static final class Body {
        private final com.google.gson.JsonObject object;

        private Body(com.google.gson.JsonObject object) {
            this.object = object;
        }

        /** An empty body reads as an object without fields; anything but an object is bad JSON. */
        static Body of(com.google.gson.JsonElement element) {
            if (element == null || element.isJsonNull()) {
                return new Body(new com.google.gson.JsonObject());
            }
            if (!element.isJsonObject()) {
                throw new Json.BadJsonException("an object is required");
            }
            return new Body(element.getAsJsonObject());
        }

        /** The field as a primitive; null when absent or JSON null. */
        private com.google.gson.JsonPrimitive primitive(String name, String key,
                ValidationException.Collector errors) {
            com.google.gson.JsonElement e = object.get(name);
            if (e == null || e.isJsonNull()) {
                return null;
            }
            if (!e.isJsonPrimitive()) {
                errors.add(name, key);
                return null;
            }
            return e.getAsJsonPrimitive();
        }

        String text(String name, ValidationException.Collector errors) {
            com.google.gson.JsonPrimitive p = primitive(name, "api.text.invalid", errors);
            if (p == null) {
                return null;
            }
            if (!p.isString()) {
                errors.add(name, "api.text.invalid");
                return null;
            }
            return p.getAsString();
        }

        BigDecimal decimal(String name, String key, ValidationException.Collector errors) {
            com.google.gson.JsonPrimitive p = primitive(name, key, errors);
            if (p == null) {
                return null;
            }
            if (p.isBoolean()) {
                errors.add(name, key);
                return null;
            }
            String text = p.getAsString().strip();
            // Parsing a 100,000-digit string costs time that grows with its square: refuse long text unread. And
            // ASCII only, as the pages: BigDecimal would read Arabic-Indic or full-width digits as a number.
            if (text.length() > 2 * DIGITS_MAX + 2 || !text.chars().allMatch(ch -> ch < 128)) {
                errors.add(name, key);
                return null;
            }
            BigDecimal value;
            try {
                value = new BigDecimal(text);
            } catch (NumberFormatException e) {
                errors.add(name, key);
                return null;
            }
            if (value.precision() > DIGITS_MAX || Math.abs((long) value.scale()) > DIGITS_MAX) {
                errors.add(name, key);
                return null;
            }
            return value;
        }

        /** A year: a whole number of four digits, else the cycle's message. */
        Integer year(String name, ValidationException.Collector errors) {
            BigDecimal v = decimal(name, "cycle.year.range", errors);
            if (v == null) {
                if (!errors.has(name)) {
                    errors.add(name, "cycle.year.range");
                }
                return null;
            }
            try {
                int y = v.intValueExact();
                if (y < 1000 || y > 9999) {
                    errors.add(name, "cycle.year.range");
                    return null;
                }
                return y;
            } catch (ArithmeticException e) {
                errors.add(name, "cycle.year.range");
                return null;
            }
        }

        /** A positive whole number; null when absent. */
        Long id(String name, String key, ValidationException.Collector errors) {
            BigDecimal v = decimal(name, key, errors);
            if (v == null) {
                return null;
            }
            try {
                long id = v.longValueExact();
                if (id > 0) {
                    return id;
                }
            } catch (ArithmeticException e) {
                // falls through
            }
            errors.add(name, key);
            return null;
        }

        /** An ISO day, 2031-01-31; absent is "enter both dates", malformed is "year-month-day". */
        java.time.LocalDate date(String name, ValidationException.Collector errors) {
            return day(name, "cycle.window.required", errors);
        }

        /** An ISO day; absent is {@code requiredKey}'s error, or null when that is null (an optional day). */
        java.time.LocalDate day(String name, String requiredKey, ValidationException.Collector errors) {
            String text = text(name, errors);
            if (errors.has(name)) {
                return null;
            }
            if (text == null || text.isBlank()) {
                if (requiredKey != null) {
                    errors.add(name, requiredKey);
                }
                return null;
            }
            try {
                return java.time.LocalDate.parse(text.strip());
            } catch (java.time.format.DateTimeParseException e) {
                errors.add(name, "common.date.invalid");
                return null;
            }
        }

        /** true or false, also as the strings "true" and "false"; null when absent. */
        Boolean bool(String name, String key, ValidationException.Collector errors) {
            com.google.gson.JsonPrimitive p = primitive(name, key, errors);
            if (p == null) {
                return null;
            }
            if (p.isBoolean()) {
                return p.getAsBoolean();
            }
            if (p.isString() && ("true".equals(p.getAsString()) || "false".equals(p.getAsString()))) {
                return Boolean.valueOf(p.getAsString());
            }
            errors.add(name, key);
            return null;
        }

        /** An enum constant by its name; null when absent, an error when it names none. */
        <E extends Enum<E>> E enumValue(Class<E> type, String name, String key,
                ValidationException.Collector errors) {
            com.google.gson.JsonPrimitive p = primitive(name, key, errors);
            if (p == null) {
                return null;
            }
            E value = p.isString() ? enumOrNull(type, p.getAsString()) : null;
            if (value == null) {
                errors.add(name, key);
            }
            return value;
        }

        static <E extends Enum<E>> E enumOrNull(Class<E> type, String text) {
            if (text == null) {
                return null;
            }
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(text.strip())) {
                    return e;
                }
            }
            return null;
        }
    }
}
