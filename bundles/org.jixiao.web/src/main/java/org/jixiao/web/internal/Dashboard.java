package org.jixiao.web.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.assessment.EvaluationRun;
import org.jixiao.api.assessment.EvaluationService;
import org.jixiao.api.assessment.RankedScore;
import org.jixiao.api.performance.Milestone;
import org.jixiao.api.performance.MilestoneService;
import org.jixiao.api.project.IndicatorHistory;
import org.jixiao.api.project.IndicatorStatus;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.project.ProjectRegistry.ProjectIndicators;
import org.jixiao.api.questionnaire.Campaign;
import org.jixiao.api.questionnaire.QuestionnaireService;
import org.jixiao.api.questionnaire.CategoryQuota;
import org.jixiao.api.store.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What a leader looks at: the evaluated units in the caller's scope side by side — each unit's completion of every
 * indicator (the heat map), the units ranked by their mean completion (the score estimate until a run is published),
 * their time nodes on time, late and overdue, and the overdue nodes counted by unit and by node. One model
 * serves the page (tables, readable without JavaScript) and {@code /api/v1/dashboard} (the charts draw from it).
 */
@Component(service = Dashboard.class)
public final class Dashboard {

    private static final System.Logger LOG = System.getLogger(Dashboard.class.getName());

    private final ProjectRegistry projects;
    private final MilestoneService milestones;
    private final OrgUnitService orgUnits;
    private final EvaluationService evaluations;
    private final IndicatorHistory history;
    private final QuestionnaireService questionnaires;
    private final Store store;

    @Activate
    public Dashboard(@Reference ProjectRegistry projects, @Reference MilestoneService milestones,
            @Reference OrgUnitService orgUnits, @Reference EvaluationService evaluations,
            @Reference IndicatorHistory history, @Reference QuestionnaireService questionnaires,
            @Reference Store store) {
        this.store = store;
        this.questionnaires = questionnaires;
        this.projects = projects;
        this.milestones = milestones;
        this.orgUnits = orgUnits;
        this.evaluations = evaluations;
        this.history = history;
    }

    /** The evaluated units the actor may see: the actor's own subtree, in the tree's order. */
    private List<OrgUnit> units(Actor actor) {
        return orgUnits.visibleTo(actor).stream().filter(u -> u.level().evaluated()).toList();
    }

    Map<String, Object> board(Actor actor, int year, LocalDate today) {
        return board(actor, year, today, null, null);
    }

    /**
     * The board of one key project's indicators (its own dashboard, with no project code), or of all of them when
     * {@code project} is null; with the month-end trend of the indicator {@code trend} ({@code project:indicator}, by
     * default the board's first).
     *
     * @throws NotFoundException when no active project of that id has indicators
     */
    Map<String, Object> board(Actor actor, int year, LocalDate today, String project, String trend) {
        return board(actor, year, today, project, trend, null);
    }

    /**
     * The board with one unit in focus ({@code unit}, or the only unit a county sees): each of its indicators, the
     * actual against the target, and its place among the units in the caller's scope.
     *
     * @throws NotFoundException when {@code unit} is no evaluated unit the actor sees
     */
    Map<String, Object> board(Actor actor, int year, LocalDate today, String project, String trend, Long unit) {
        // Inside one read: every service's reads below share its connection, so under load the board waits for the
        // pool once instead of a dozen times, each behind the writes and answers queued before it.
        return store.read(c -> boardOf(actor, year, today, project, trend, unit));
    }

    private Map<String, Object> boardOf(Actor actor, int year, LocalDate today, String project, String trend,
            Long unit) {
        List<OrgUnit> units = units(actor);
        if (unit != null && units.stream().noneMatch(u -> u.id() == unit)) {
            throw new NotFoundException("dashboard of unit " + unit);
        }
        Long focused = unit != null ? unit : units.size() == 1 ? Long.valueOf(units.get(0).id()) : null;
        List<Map<String, Object>> focus = new ArrayList<>();
        Map<String, Map<String, Object>> columns = new LinkedHashMap<>();
        Map<String, String> projectNames = new LinkedHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (OrgUnit each : units) {
            Map<String, Object> cells = new LinkedHashMap<>();
            List<Integer> known = new ArrayList<>();
            for (ProjectIndicators p : indicators(actor, year, each)) {
                projectNames.putIfAbsent(p.projectId(), p.projectName());
                if (project != null && !project.equals(p.projectId())) {
                    continue;
                }
                for (IndicatorStatus i : p.indicators()) {
                    String key = p.projectId() + ":" + i.definition().id();
                    columns.computeIfAbsent(key, k -> column(k, p.projectName(), i.name()));
                    cells.put(key, i.completion());
                    if (i.completion() != null) {
                        known.add(i.completion());
                    }
                    if (focused != null && focused == each.id()) {
                        focus.add(standing(key, p.projectName(), i));
                    }
                }
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", String.valueOf(each.id()));
            row.put("name", each.name());
            row.put("estimate", known.isEmpty() ? null : mean(known));
            row.put("completion", cells);
            row.put("timeNodes", timeNodes(actor, year, each, today));
            rows.add(row);
        }
        List<Map<String, Object>> ranking = rows.stream().filter(r -> r.get("estimate") != null)
                .sorted(Comparator.comparing((Map<String, Object> r) -> (BigDecimal) r.get("estimate")).reversed())
                .toList();
        int rank = 0;
        for (Map<String, Object> r : ranking) {
            r.put("rank", ++rank);
        }
        if (project != null && !units.isEmpty() && !projectNames.containsKey(project)) {
            throw new NotFoundException("dashboard of project " + project);
        }
        Map<String, Object> run = latestRun(actor, year);
        if (run != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> placed = (Map<String, Object>) run.remove("units");
            rows.forEach(r -> r.put("run", placed.get(r.get("id"))));
        }
        Map<String, Object> board = new LinkedHashMap<>();
        board.put("year", year);
        board.put("run", run);
        board.put("project", project);
        board.put("projects", projectNames.entrySet().stream().map(e -> Map.of("id", e.getKey(), "name",
                e.getValue())).toList());
        board.put("asOf", today.toString());
        board.put("indicators", List.copyOf(columns.values()));
        board.put("units", rows);
        board.put("ranking", ranking.stream().map(r -> {
            Map<String, Object> place = new LinkedHashMap<>();
            for (String key : List.of("id", "name", "rank", "estimate", "run")) {
                place.put(key, r.get(key));
            }
            return place;
        }).toList());
        board.put("focus", focused == null ? null : focus(rows, ranking.size(), String.valueOf(focused), focus));
        board.put("overdue", overdue(actor, year, units, today));
        board.put("trend", trend(actor, year, units, columns, trend));
        board.put("campaigns", campaigns(actor, year));
        return board;
    }

    /** The {@code unit} parameter: none when blank; an id that is no number names no unit. */
    static Long unit(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Long id = Http.parseId(text.strip());
        if (id == null) {
            throw new NotFoundException("dashboard of unit " + text);
        }
        return id;
    }

    /** The focused unit: its row's figures, its place by estimate among the ranked units, and its indicators. */
    private static Map<String, Object> focus(List<Map<String, Object>> rows, int ranked, String id,
            List<Map<String, Object>> indicators) {
        Map<String, Object> row = rows.stream().filter(r -> id.equals(r.get("id"))).findFirst().orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : List.of("id", "name", "estimate", "rank", "run")) {
            out.put(key, row.get(key));
        }
        // A place among one is no place: a county alone in its scope reads its rank in the run instead.
        out.put("of", ranked > 1 && row.get("rank") != null ? ranked : null);
        out.put("indicators", indicators);
        return out;
    }

    private static Map<String, Object> standing(String key, String project, IndicatorStatus i) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("key", key);
        s.put("project", project);
        s.put("name", i.name());
        s.put("unit", i.unit());
        s.put("actual", i.actual());
        s.put("target", i.target());
        s.put("comparison", i.definition().comparison().symbol());
        s.put("completion", i.completion());
        s.put("state", i.state().name());
        s.put("basis", i.basis().name());
        return s;
    }

    /**
     * One indicator's figure at each month's end, a series per unit: the months recorded so far, unknown where a
     * unit had no figure. Null when the board has no indicator.
     */
    private Map<String, Object> trend(Actor actor, int year, List<OrgUnit> units,
            Map<String, Map<String, Object>> columns, String key) {
        if (columns.isEmpty()) {
            return null;
        }
        String chosen = key != null && columns.containsKey(key) ? key : columns.keySet().iterator().next();
        int last = 0;
        List<Map<String, Object>> series = new ArrayList<>();
        for (OrgUnit unit : units) {
            BigDecimal[] values = new BigDecimal[12];
            for (IndicatorHistory.MonthFigure f : history.months(actor, year, unit.id()).getOrDefault(chosen,
                    List.of())) {
                values[f.month() - 1] = f.actual();
                last = Math.max(last, f.month());
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", String.valueOf(unit.id()));
            line.put("name", unit.name());
            line.put("values", java.util.Arrays.asList(values));
            series.add(line);
        }
        for (Map<String, Object> line : series) {
            @SuppressWarnings("unchecked")
            List<BigDecimal> values = (List<BigDecimal>) line.get("values");
            line.put("values", new ArrayList<>(values.subList(0, last)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", chosen);
        out.put("name", columns.get(chosen).get("name"));
        out.put("months", last);
        out.put("series", series);
        return out;
    }

    /**
     * The year's youth and leader evaluation campaigns and how far each unit has come: responses (held ones
     * included) against its quota and the campaign's minimum. Counts only: never an answer.
     */
    private List<Map<String, Object>> campaigns(Actor actor, int year) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<Campaign> campaigns;
        try {
            campaigns = questionnaires.campaigns(actor, year);
        } catch (NotFoundException | AccessDeniedException e) {
            return out;
        }
        Map<Long, OrgUnit> seen = new HashMap<>();
        orgUnits.visibleTo(actor).forEach(u -> seen.put(u.id(), u));
        for (Campaign k : campaigns) {
            // Counts, not scores: reading every answer of a running campaign on each visit made the board's cost
            // grow with every response, and under a campaign's load the dashboard waited seconds.
            int quota = k.quotas().stream().mapToInt(CategoryQuota::quota).sum();
            List<Map<String, Object>> units = new ArrayList<>();
            for (Map.Entry<Long, Integer> count : questionnaires.responseCounts(actor, k.id()).entrySet()) {
                OrgUnit unit = seen.get(count.getKey());
                if (unit == null) {
                    continue;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", String.valueOf(unit.id()));
                row.put("name", unit.name());
                row.put("responses", count.getValue());
                row.put("quota", quota);
                row.put("belowMinimum", count.getValue() < k.minResponses());
                units.add(row);
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", String.valueOf(k.id()));
            c.put("name", k.name());
            c.put("type", k.type().name());
            c.put("state", k.state().name());
            c.put("minimum", k.minResponses());
            c.put("units", units);
            out.add(c);
        }
        return out;
    }

    /**
     * The year's published evaluation run, or else its latest: each unit's place in it among all the units it
     * ranked, so a county reads its rank in the city ("2 of 10") without seeing the others.
     */
    private Map<String, Object> latestRun(Actor actor, int year) {
        EvaluationRun run;
        try {
            run = evaluations.published(actor, year).orElseGet(() -> evaluations.runs(actor, year).stream()
                    .max(Comparator.comparingLong(EvaluationRun::id)).orElse(null));
        } catch (NotFoundException | AccessDeniedException e) {
            return null;
        }
        if (run == null) {
            return null;
        }
        Map<String, Object> units = new LinkedHashMap<>();
        for (RankedScore r : run.ranking()) {
            units.put(String.valueOf(r.orgUnitId()), Map.of("rank", r.rank(), "of", r.of(), "total",
                    r.score().total()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", String.valueOf(run.id()));
        out.put("published", run.published());
        out.put("at", run.at().toString());
        out.put("units", units);
        return out;
    }

    private List<ProjectIndicators> indicators(Actor actor, int year, OrgUnit unit) {
        try {
            return projects.indicators(actor, year, unit.id());
        } catch (NotFoundException | AccessDeniedException e) {
            return List.of();
        }
    }

    private static Map<String, Object> column(String key, String project, String name) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("key", key);
        c.put("project", project);
        c.put("name", name);
        return c;
    }

    private static BigDecimal mean(List<Integer> values) {
        long sum = values.stream().mapToLong(Integer::longValue).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(values.size()), 1, RoundingMode.HALF_UP);
    }

    /** The unit's time nodes of the year by how they stand today; all zero while the year is not open. */
    private Map<String, Integer> timeNodes(Actor actor, int year, OrgUnit unit, LocalDate today) {
        Map<Milestone.State, Integer> counts = new EnumMap<>(Milestone.State.class);
        for (Milestone.State s : Milestone.State.values()) {
            counts.put(s, 0);
        }
        try {
            for (Milestone m : milestones.milestones(actor, year, unit.id())) {
                counts.merge(m.stateOn(today), 1, Integer::sum);
            }
        } catch (NotFoundException | AccessDeniedException e) {
            LOG.log(System.Logger.Level.DEBUG, "No time nodes of " + year + " for unit " + unit.id(), e);
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        counts.forEach((state, n) -> out.put(state.name(), n));
        return out;
    }

    /**
     * The overdue time nodes twice over, with counts instead of one row per unit and node: by unit (how many of its
     * nodes are overdue, and which) and by node (how many units are behind on it, and which).
     */
    Map<String, Object> overdue(Actor actor, int year, LocalDate today) {
        return overdue(actor, year, null, today);
    }

    private Map<String, Object> overdue(Actor actor, int year, List<OrgUnit> units, LocalDate today) {
        List<Milestone> overdue;
        try {
            overdue = milestones.overdue(actor, year, today);
        } catch (RuntimeException e) {
            // The home page shows these counts: it must open even when the time nodes cannot be read.
            LOG.log(System.Logger.Level.WARNING, "Overdue time nodes of " + year + " could not be read", e);
            overdue = List.of();
        }
        if (units == null && !overdue.isEmpty()) {
            units = units(actor);
        }
        Map<String, Map<String, Object>> byUnit = new LinkedHashMap<>();
        Map<String, Map<String, Object>> byNode = new LinkedHashMap<>();
        for (Milestone m : overdue) {
            OrgUnit unit = owner(units, m.orgUnitId());
            String unitId = String.valueOf(unit == null ? m.orgUnitId() : unit.id());
            String unitName = unit == null ? unitId : unit.name();
            add(byUnit.computeIfAbsent(unitId, k -> group(Map.of("unitId", unitId, "unit", unitName))),
                    m.projectName() + " · " + m.name());
            add(byNode.computeIfAbsent(m.key(), k -> group(Map.of("project", m.projectName(), "node", m.name(),
                    "due", m.due().toString()))), unitName);
        }
        List<Map<String, Object>> nodes = new ArrayList<>(byNode.values());
        nodes.sort(Comparator.comparing((Map<String, Object> g) -> (String) g.get("due")));
        return Map.of("byUnit", List.copyOf(byUnit.values()), "byNode", nodes, "total", overdue.size());
    }

    private static Map<String, Object> group(Map<String, String> head) {
        Map<String, Object> g = new LinkedHashMap<>(head);
        g.put("count", 0);
        g.put("names", new ArrayList<String>());
        return g;
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> group, String name) {
        group.put("count", (Integer) group.get("count") + 1);
        ((List<String>) group.get("names")).add(name);
    }

    /** The deepest evaluated unit in scope that covers the given one. */
    private OrgUnit owner(List<OrgUnit> units, long unitId) {
        OrgUnit target = orgUnits.find(unitId).orElse(null);
        OrgUnit best = null;
        for (OrgUnit u : units) {
            if (u.covers(target) && (best == null || u.path().length() > best.path().length())) {
                best = u;
            }
        }
        return best;
    }
}
