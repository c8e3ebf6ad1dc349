package org.jixiao.web.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.assessment.EvaluationRun;
import org.jixiao.api.assessment.EvaluationService;
import org.jixiao.api.assessment.RankedScore;
import org.jixiao.api.assessment.ModuleInfo;
import org.jixiao.api.assessment.ScoreKind;
import org.jixiao.api.assessment.ScorePart;
import org.jixiao.api.assessment.UnitInput;
import org.jixiao.api.assessment.UnitScore;
import org.jixiao.api.performance.PerformanceYear;

/**
 * The comprehensive evaluation of a year under {@code /perf/<year>/evaluation}: the pinned module, scores and
 * bonuses, runs with their ranking and breakdown, re-runs side by side, publishing and CSV export.
 */
record EvaluationPages(PageServlet pages, EvaluationService evaluations, OrgUnitService orgUnits) {

    private static boolean atRoot(PageServlet.Call call, Role role) {
        return PerformancePages.city(call.actor, role);
    }

    /** Handles {@code /perf/<year>/evaluation/...}; segment 3 onwards. */
    void handle(PageServlet.Call call, PerformanceYear py) throws IOException {
        String what = call.seg(3);
        int year = py.year();
        if (what == null) {
            if (call.post()) {
                throw new NotFoundException(call.path);
            }
            overview(call, py, null, 200);
            return;
        }
        if ("runs".equals(what)) {
            String idText = call.seg(4);
            if (idText == null && call.post() && call.segments.length == 4) {
                act(call, py, () -> {
                    EvaluationRun run = evaluations.run(call.actor, year);
                    return "/perf/" + year + "/evaluation/runs/" + run.id();
                });
                return;
            }
            boolean csv = idText != null && idText.endsWith(".csv");
            boolean xlsx = idText != null && idText.endsWith(".xlsx");
            Long id = Http.parseId(csv ? idText.substring(0, idText.length() - 4)
                    : xlsx ? idText.substring(0, idText.length() - 5) : idText);
            if (id == null) {
                throw new NotFoundException(call.path);
            }
            EvaluationRun run = evaluations.get(call.actor, id);
            if (run.year() != year) {
                throw new NotFoundException(call.path);
            }
            String action = call.seg(5);
            if (action == null && !call.post()) {
                if (csv) {
                    csv(call, run);
                } else if (xlsx) {
                    xlsx(call, run);
                } else {
                    run(call, py, run);
                }
            } else if ("report".equals(action) && !call.post() && !csv && !xlsx && call.segments.length == 6) {
                report(call, py, run);
            } else if ("rerun".equals(action) && call.post()) {
                act(call, py, () -> {
                    String[] module = splitModule(call.param("module"));
                    EvaluationRun again = evaluations.rerun(call.actor, id, module[0], module[1]);
                    return "/perf/" + year + "/evaluation/runs/" + again.id();
                });
            } else if ("publish".equals(action) && call.post()) {
                act(call, py, () -> {
                    evaluations.publish(call.actor, id);
                    return "/perf/" + year + "/evaluation/runs/" + id;
                });
            } else {
                throw new NotFoundException(call.path);
            }
            return;
        }
        if (!call.post() || call.segments.length != 4) {
            throw new NotFoundException(call.path);
        }
        switch (what) {
            case "pin" -> act(call, py, () -> {
                String[] module = splitModule(call.param("module"));
                evaluations.pin(call.actor, year, module[0], module[1]);
                return "/perf/" + year + "/evaluation?saved=1";
            });
            case "score" -> act(call, py, () -> {
                ScoreKind kind = PageServlet.enumOrNull(ScoreKind.class, call.param("kind"));
                Long unit = Http.parseId(call.param("orgUnitId"));
                if (kind == null) {
                    throw ValidationException.of("kind", "evaluation.kind.required");
                }
                if (unit == null) {
                    throw ValidationException.of("orgUnitId", "evaluation.unit.invalid");
                }
                evaluations.enterScore(call.actor, year, unit, kind, decimal(call.param("score"), "score",
                        "evaluation.score.invalid"));
                return "/perf/" + year + "/evaluation?saved=1";
            });
            case "bonus" -> act(call, py, () -> {
                Long unit = Http.parseId(call.param("orgUnitId"));
                if (unit == null) {
                    throw ValidationException.of("orgUnitId", "evaluation.unit.invalid");
                }
                evaluations.proposeBonus(call.actor, year, unit, decimal(call.param("points"), "points",
                        "bonus.points.invalid"), call.param("reason"));
                return "/perf/" + year + "/evaluation?saved=1";
            });
            case "decide" -> act(call, py, () -> {
                Long bonus = Http.parseId(call.param("bonusId"));
                if (bonus == null) {
                    throw new NotFoundException("bonus");
                }
                evaluations.decideBonus(call.actor, bonus, "approve".equals(call.param("decision")));
                return "/perf/" + year + "/evaluation?saved=1";
            });
            default -> throw new NotFoundException(call.path);
        }
    }

    @FunctionalInterface
    private interface Action {
        String run();
    }

    /** Runs a write; on bad input shows the overview again with the errors and answers 400. */
    private void act(PageServlet.Call call, PerformanceYear py, Action action) throws IOException {
        try {
            Http.redirect(call.response, action.run());
        } catch (ValidationException e) {
            overview(call, py, e.fieldErrors(), 400);
        }
    }

    private static String[] splitModule(String value) {
        int at = value == null ? -1 : value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1) {
            throw ValidationException.of("module", "evaluation.module.unknown");
        }
        return new String[] {value.substring(0, at), value.substring(at + 1)};
    }

    private static BigDecimal decimal(String text, String field, String key) {
        if (text == null) {
            throw ValidationException.of(field, key);
        }
        try {
            return Http.decimal(text);
        } catch (NumberFormatException e) {
            throw ValidationException.of(field, key);
        }
    }

    private List<OrgUnit> evaluatedUnits(PageServlet.Call call) {
        List<OrgUnit> units = new ArrayList<>();
        for (OrgUnit u : orgUnits.visibleTo(call.actor)) {
            if (PerformancePages.evaluated(u)) {
                units.add(u);
            }
        }
        return units;
    }

    private void overview(PageServlet.Call call, PerformanceYear py, Map<String, String> errors, int status)
            throws IOException {
        Map<String, Object> model = call.model();
        if (errors != null) {
            model.put("errors", errors);
        }
        model.put("py", py);
        model.put("modules", evaluations.modules(call.locale));
        model.put("pin", evaluations.pinned(py.year()).orElse(null));
        model.put("units", evaluatedUnits(call));
        model.put("kinds", ScoreKind.values());
        model.put("bonuses", evaluations.bonuses(call.actor, py.year()));
        model.put("runs", evaluations.runs(call.actor, py.year()));
        model.put("canPin", atRoot(call, Role.ADMIN));
        model.put("canAssess", atRoot(call, Role.ASSESSOR));
        model.put("canRun", atRoot(call, Role.ASSESSOR) || atRoot(call, Role.ADMIN));
        model.put("canDecide", atRoot(call, Role.BONUS_APPROVER));
        model.put("saved", call.param("saved") != null);
        pages.render(call, status, null, "perf-evaluation", model);
    }

    private void run(PageServlet.Call call, PerformanceYear py, EvaluationRun run) throws IOException {
        Map<String, Object> model = call.model();
        model.put("py", py);
        model.put("run", run);
        model.put("rows", rows(run));
        ModuleInfo module = evaluations.modules(call.locale).stream()
                .filter(m -> m.id().equals(run.moduleId()) && m.version().equals(run.moduleVersion())).findFirst()
                .orElse(null);
        model.put("module", module);
        model.put("modules", evaluations.modules(call.locale));
        if (run.basedOnRunId() != null) {
            try {
                EvaluationRun base = evaluations.get(call.actor, run.basedOnRunId());
                Map<String, Object> baseTotals = new HashMap<>();
                for (UnitScore s : base.result().scores()) {
                    baseTotals.put(String.valueOf(s.orgUnitId()), s.total());
                }
                model.put("baseRun", base);
                model.put("baseTotals", baseTotals);
            } catch (NotFoundException e) {
                // the base run is out of reach: the comparison column stays empty
            }
        }
        model.put("canRun", atRoot(call, Role.ASSESSOR) || atRoot(call, Role.ADMIN));
        model.put("canPublish", atRoot(call, Role.ADMIN) && !run.published());
        model.put("xlsx", pages.xlsx());
        pages.render(call, 200, null, "perf-run", model);
    }

    /**
     * The results report as a league office files it: the red header with the document number, the ranking, each
     * unit's breakdown, the bonuses with who approved them, and the module that scored the run.
     */
    private void report(PageServlet.Call call, PerformanceYear py, EvaluationRun run) throws IOException {
        Map<String, Object> model = call.model();
        boolean taken = Documents.header(model, pages.documents(), new Messages(call.locale), py.year(),
                call.param("number"), LocalDate.now());
        model.put("py", py);
        model.put("run", run);
        model.put("rows", rows(run));
        Set<Long> scored = new HashSet<>();
        run.ranking().forEach(r -> scored.add(r.orgUnitId()));
        model.put("bonuses", evaluations.bonuses(call.actor, py.year()).stream()
                .filter(b -> b.decidedAt() != null && scored.contains(b.orgUnitId())).toList());
        pages.render(call, taken ? 200 : 400, null, "perf-report", model);
    }

    /** One row per unit, ranked: name, total, rank, parts. */
    static List<Map<String, Object>> rows(EvaluationRun run) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RankedScore r : run.ranking()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", String.valueOf(r.orgUnitId()));
            row.put("name", r.orgUnitName() == null ? String.valueOf(r.orgUnitId()) : r.orgUnitName());
            row.put("rank", r.rank());
            row.put("of", r.of());
            row.put("total", r.score().total());
            row.put("parts", r.score().parts());
            row.put("input", r.input());
            rows.add(row);
        }
        return rows;
    }

    /** The ranking as a table: rank, unit, total, then each part's points; numbers as numbers. */
    private static List<List<Object>> table(Messages messages, EvaluationRun run) {
        List<Map<String, Object>> rows = rows(run);
        List<String> partKeys = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            for (Object p : (List<?>) row.get("parts")) {
                String key = ((ScorePart) p).part();
                if (!partKeys.contains(key)) {
                    partKeys.add(key);
                }
            }
        }
        List<Object> header = new ArrayList<>(List.of(messages.get("evaluation.rank"),
                messages.get("evaluation.unit"), messages.get("evaluation.total")));
        for (String key : partKeys) {
            header.add(messages.get("evaluation.part." + key));
        }
        List<List<Object>> table = new ArrayList<>(List.of(header));
        for (Map<String, Object> row : rows) {
            List<Object> cells = new ArrayList<>(List.of(row.get("rank"), row.get("name"), row.get("total")));
            for (String key : partKeys) {
                BigDecimal points = null;
                for (Object p : (List<?>) row.get("parts")) {
                    ScorePart part = (ScorePart) p;
                    if (part.part().equals(key) && part.points() != null) {
                        points = part.points();
                    }
                }
                cells.add(points);
            }
            table.add(cells);
        }
        return table;
    }

    private void csv(PageServlet.Call call, EvaluationRun run) throws IOException {
        StringBuilder out = new StringBuilder("\uFEFF");
        for (List<Object> row : table(new Messages(call.locale), run)) {
            line(out, row.stream().map(v -> v == null ? "" : v instanceof BigDecimal n ? n.toPlainString()
                    : String.valueOf(v)).toList());
        }
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        call.response.setStatus(200);
        call.response.setContentType("text/csv;charset=UTF-8");
        call.response.setHeader("Content-Disposition",
                "attachment; filename=\"evaluation-" + run.year() + "-run" + run.id() + ".csv\"");
        call.response.setContentLength(bytes.length);
        call.response.getOutputStream().write(bytes);
    }

    private void xlsx(PageServlet.Call call, EvaluationRun run) throws IOException {
        Messages messages = new Messages(call.locale);
        List<List<Object>> table = table(messages, run);
        pages.sendXlsx(call, "evaluation-" + run.year() + "-run" + run.id() + ".xlsx",
                messages.get("evaluation.run.title", String.valueOf(run.year()), String.valueOf(run.id())),
                table.get(0).stream().map(String::valueOf).toList(), table.subList(1, table.size()));
    }

    /** RFC 4180 quoting; a leading = + - @ is prefixed so a spreadsheet never runs a cell as a formula. */
    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i) == null ? "" : cells.get(i);
            if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0 && !c.matches("-?\\d+(\\.\\d+)?")) {
                c = "'" + c;
            }
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(c.replace("\"", "\"\"")).append('"');
        }
        out.append("\r\n");
    }

}
