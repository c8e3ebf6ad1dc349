package org.jixiao.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.Role;
import org.jixiao.api.assessment.EvaluationInput;
import org.jixiao.api.assessment.EvaluationResult;
import org.jixiao.api.assessment.EvaluationRun;
import org.jixiao.api.assessment.EvaluationService;
import org.jixiao.api.assessment.UnitInput;
import org.jixiao.api.assessment.UnitScore;
import org.jixiao.api.performance.Milestone;
import org.jixiao.api.performance.MilestoneService;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.project.IndicatorHistory;
import org.jixiao.api.project.IndicatorStatus;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.project.ProjectRegistry.ProjectIndicators;
import org.jixiao.api.project.ProjectStatus;
import org.jixiao.api.questionnaire.Campaign;
import org.jixiao.api.questionnaire.CampaignState;
import org.jixiao.api.questionnaire.EvaluationType;
import org.jixiao.api.questionnaire.CategoryQuota;
import org.jixiao.api.questionnaire.QuestionnaireService;
import org.jixiao.api.questionnaire.RespondentCategory;
import org.jixiao.api.testing.FixedOrgUnits;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's model from the services a node has: each evaluated unit's completion of every indicator, the
 * ranking by mean completion, time nodes by state, and overdue nodes counted by unit and by node; then the page,
 * rendered in both languages with hostile names, escaped.
 */
class DashboardTest {

    private static final String EVIL = TemplateChecks.EVIL;
    private static final LocalDate TODAY = LocalDate.of(2013, 10, 10);
    private static final IndicatorDefinition JOBS = new IndicatorDefinition("jobs", "x", "y", Comparison.AT_LEAST,
            BigDecimal.valueOf(100), "附件2");
    private static final IndicatorDefinition LOANS = new IndicatorDefinition("loans", "x", "y", Comparison.AT_LEAST,
            BigDecimal.valueOf(10), "附件2");

    private final FixedOrgUnits units = new FixedOrgUnits();

    /** County A: jobs 50 of 100, loans 10 of 10; county B: jobs 90 of 100, loans unknown. */
    private final ProjectRegistry projects = new ProjectRegistry() {
        @Override
        public List<ProjectStatus> projects(Locale locale) {
            return List.of();
        }

        @Override
        public java.util.Optional<org.jixiao.api.project.KeyProject> active(String id) {
            return java.util.Optional.empty();
        }

        @Override
        public List<ProjectIndicators> indicators(Actor actor, int year) {
            throw new AssertionError("the dashboard asks unit by unit");
        }

        @Override
        public List<ProjectIndicators> indicators(Actor actor, int year, long orgUnitId) {
            if (!actor.orgUnit().covers(units.find(orgUnitId).orElseThrow())) {
                throw new AccessDeniedException("not in scope");
            }
            boolean a = orgUnitId == FixedOrgUnits.COUNTY_A.id();
            return List.of(new ProjectIndicators("employment", EVIL, List.of(
                    new IndicatorStatus(JOBS, EVIL, "人", BigDecimal.valueOf(a ? 50 : 90), BigDecimal.valueOf(100)),
                    new IndicatorStatus(LOANS, "贷款", "笔", a ? BigDecimal.TEN : null, BigDecimal.TEN))));
        }
    };

    private static Milestone node(OrgUnit unit, String id, LocalDate due, LocalDate doneOn) {
        return new Milestone(2013, unit.id(), "employment", "就业", id, EVIL + id, "附件2", due, due, null, null,
                doneOn, null, null, null, Milestone.stateOf(due, doneOn, TODAY));
    }

    private final List<Milestone> nodes = List.of(
            node(FixedOrgUnits.COUNTY_A, "march", LocalDate.of(2013, 3, 31), null),
            node(FixedOrgUnits.COUNTY_A, "june", LocalDate.of(2013, 6, 30), null),
            node(FixedOrgUnits.COUNTY_A, "sept", LocalDate.of(2013, 9, 30), LocalDate.of(2013, 10, 2)),
            node(FixedOrgUnits.COUNTY_B, "march", LocalDate.of(2013, 3, 31), null),
            node(FixedOrgUnits.COUNTY_B, "june", LocalDate.of(2013, 6, 30), LocalDate.of(2013, 6, 1)),
            node(FixedOrgUnits.COUNTY_B, "dec", LocalDate.of(2013, 12, 31), null));

    private final MilestoneService milestones = (MilestoneService) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {MilestoneService.class}, (p, m, args) -> switch (m.getName()) {
                case "milestones" -> nodes.stream().filter(n -> n.orgUnitId() == (long) args[2]).toList();
                case "overdue" -> nodes.stream().filter(n -> n.stateOn(TODAY) == Milestone.State.OVERDUE)
                        .filter(n -> ((Actor) args[0]).orgUnit().covers(units.find(n.orgUnitId()).orElseThrow()))
                        .toList();
                default -> throw new UnsupportedOperationException(m.getName());
            });

    /** The year's latest run: county B first with 80, county A second with 70; a county sees its own line. */
    private static EvaluationRun run(Actor actor) {
        List<UnitInput> inputs = List.of(
                new UnitInput(2, "甲县团委", List.of(), 0, 0, false, null, null, null, BigDecimal.ZERO),
                new UnitInput(3, "乙区团委", List.of(), 0, 0, false, null, null, null, BigDecimal.ZERO));
        List<UnitScore> scores = List.of(new UnitScore(2, new BigDecimal("70"), List.of()),
                new UnitScore(3, new BigDecimal("80"), List.of()));
        EvaluationRun all = new EvaluationRun(9, 2013, "standard", "1.0", Instant.EPOCH, "assessor", false, null,
                new EvaluationInput(2013, inputs), new EvaluationResult(scores));
        return actor.orgUnit().level() == org.jixiao.api.OrgLevel.CITY ? all
                : all.narrowedTo(new EvaluationInput(2013, inputs.subList(0, 1)),
                        new EvaluationResult(scores.subList(0, 1)));
    }

    private final EvaluationService evaluations = (EvaluationService) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {EvaluationService.class}, (p, m, args) -> switch (m
                    .getName()) {
                case "published" -> java.util.Optional.empty();
                case "runs" -> List.of(run((Actor) args[0]));
                default -> throw new UnsupportedOperationException(m.getName());
            });

    /** County A's jobs at the end of January and of February; nothing recorded for county B. */
    private final IndicatorHistory history = (actor, year, unitId) -> unitId == FixedOrgUnits.COUNTY_A.id()
            ? Map.of("employment:jobs", List.of(new IndicatorHistory.MonthFigure(1, BigDecimal.TEN,
                    BigDecimal.valueOf(100)), new IndicatorHistory.MonthFigure(2, BigDecimal.valueOf(50),
                            BigDecimal.valueOf(100))))
            : Map.of();

    /** The youth campaign: county A has 12 responses of 30, county B 40, the minimum is 20. */
    private final QuestionnaireService questionnaires = (QuestionnaireService) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {QuestionnaireService.class}, (p, m, args) -> switch (m
                    .getName()) {
                case "campaigns" -> List.of(new Campaign(5, 2013, EVIL, 1, EvaluationType.YOUTH, List.of(2L, 3L),
                        List.of(new CategoryQuota(RespondentCategory.STUDENT, 10),
                                new CategoryQuota(RespondentCategory.URBAN_YOUTH, 20)),
                        20, TODAY, TODAY, CampaignState.OPEN, Instant.EPOCH, "assessor", null, null));
                // The service's own scope: the units of the campaign the actor covers.
                case "responseCounts" -> {
                    Map<Long, Integer> counts = new java.util.LinkedHashMap<>();
                    Map.of(2L, 12, 3L, 40).forEach((unit, n) -> {
                        if (((Actor) args[0]).orgUnit().covers(units.find(unit).orElseThrow())) {
                            counts.put(unit, n);
                        }
                    });
                    yield new java.util.TreeMap<>(counts);
                }
                default -> throw new UnsupportedOperationException(m.getName());
            });

    private final Dashboard dashboard = new Dashboard(projects, milestones, units, evaluations, history,
            questionnaires, QuestionnaireFakes.passingStore());

    private static Actor at(OrgUnit unit, Locale locale) {
        return new Actor(1, "leader", Set.of(Role.VIEWER), unit, locale);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCitySeesEveryCountySideBySide() {
        Map<String, Object> board = dashboard.board(at(FixedOrgUnits.CITY, Locale.ENGLISH), 2013, TODAY);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) board.get("units");
        assertEquals(List.of("甲县团委", "乙区团委"), rows.stream().map(r -> r.get("name")).toList(),
                "the evaluated units only: no city, no department");
        assertEquals(List.of("employment:jobs", "employment:loans"), ((List<Map<String, Object>>) board
                .get("indicators")).stream().map(c -> c.get("key")).toList());
        Map<String, Object> a = rows.get(0);
        assertEquals(Map.of("employment:jobs", 50, "employment:loans", 100), a.get("completion"));
        assertEquals(new BigDecimal("75.0"), a.get("estimate"));
        Map<String, Object> b = rows.get(1);
        assertNull(((Map<String, Object>) b.get("completion")).get("employment:loans"), "unknown stays unknown");
        assertEquals(new BigDecimal("90.0"), b.get("estimate"), "the mean of what is known");
        assertEquals(List.of("乙区团委", "甲县团委"), ((List<Map<String, Object>>) board.get("ranking")).stream()
                .map(r -> r.get("name")).toList());
        assertEquals(Map.of("rank", 2, "of", 2, "total", new BigDecimal("70")), a.get("run"));
        assertEquals(Map.of("PENDING", 0, "DONE", 0, "DONE_LATE", 1, "OVERDUE", 2), a.get("timeNodes"));
        assertEquals(Map.of("PENDING", 1, "DONE", 1, "DONE_LATE", 0, "OVERDUE", 1), b.get("timeNodes"));

        Map<String, Object> trend = (Map<String, Object>) board.get("trend");
        assertEquals("employment:jobs", trend.get("key"), "the first indicator by default");
        assertEquals(2, trend.get("months"));
        List<Map<String, Object>> lines = (List<Map<String, Object>>) trend.get("series");
        assertEquals(java.util.Arrays.asList(BigDecimal.TEN, BigDecimal.valueOf(50)), lines.get(0).get("values"));
        assertEquals(java.util.Arrays.asList(null, null), lines.get(1).get("values"), "nothing recorded: unknown");
        assertEquals("employment:loans", ((Map<String, Object>) dashboard.board(at(FixedOrgUnits.CITY,
                Locale.ENGLISH), 2013, TODAY, null, "employment:loans").get("trend")).get("key"));

        List<Map<String, Object>> campaigns = (List<Map<String, Object>>) board.get("campaigns");
        assertEquals(1, campaigns.size());
        assertEquals(20, campaigns.get(0).get("minimum"));
        List<Map<String, Object>> progress = (List<Map<String, Object>>) campaigns.get(0).get("units");
        assertEquals(List.of(12, 40), progress.stream().map(u -> u.get("responses")).toList());
        assertEquals(List.of(true, false), progress.stream().map(u -> u.get("belowMinimum")).toList());
        assertEquals(List.of(30, 30), progress.stream().map(u -> u.get("quota")).toList(), "the quotas' sum");
        assertEquals(List.of("甲县团委", "乙区团委"), progress.stream().map(u -> u.get("name")).toList());

        Map<String, Object> overdue = (Map<String, Object>) board.get("overdue");
        assertEquals(3, overdue.get("total"));
        List<Map<String, Object>> byUnit = (List<Map<String, Object>>) overdue.get("byUnit");
        assertEquals(List.of(2, 1), byUnit.stream().map(g -> g.get("count")).toList());
        List<Map<String, Object>> byNode = (List<Map<String, Object>>) overdue.get("byNode");
        assertEquals(2, byNode.size(), "March is one row for both counties, June one for county A");
        assertEquals(List.of("甲县团委", "乙区团委"), byNode.get(0).get("names"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCountySeesItselfAndNothingOfTheOthers() {
        Map<String, Object> board = dashboard.board(at(FixedOrgUnits.COUNTY_A, Locale.ENGLISH), 2013, TODAY);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) board.get("units");
        assertEquals(List.of("甲县团委"), rows.stream().map(r -> r.get("name")).toList());
        assertEquals(Map.of("rank", 2, "of", 2, "total", new BigDecimal("70")), rows.get(0).get("run"),
                "its rank in the city, not first of the one unit it sees");
        Map<String, Object> overdue = (Map<String, Object>) board.get("overdue");
        assertEquals(2, overdue.get("total"));
        assertFalse(board.toString().contains("乙区团委"));
        assertThrows(AccessDeniedException.class, () -> projects.indicators(at(FixedOrgUnits.COUNTY_A,
                Locale.ENGLISH), 2013, FixedOrgUnits.COUNTY_B.id()), "the fake keeps the registry's rule");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCountyReadsItsOwnIndicatorsAgainstItsTargetsAndTheCityFocusesOnOneCounty() throws Exception {
        Map<String, Object> own = (Map<String, Object>) dashboard.board(at(FixedOrgUnits.COUNTY_A, Locale.ENGLISH),
                2013, TODAY).get("focus");
        assertEquals("甲县团委", own.get("name"));
        assertNull(own.get("of"), "no place among the one unit it sees");
        assertEquals(Map.of("rank", 2, "of", 2, "total", new BigDecimal("70")), own.get("run"));
        List<Map<String, Object>> mine = (List<Map<String, Object>>) own.get("indicators");
        assertEquals(List.of(50, 100), mine.stream().map(i -> i.get("completion")).toList());
        assertEquals(List.of("NOT_MET", "MET"), mine.stream().map(i -> i.get("state")).toList());
        assertEquals(List.of(BigDecimal.valueOf(50), BigDecimal.valueOf(100), "≥"), List.of(mine.get(0).get("actual"),
                mine.get(0).get("target"), mine.get(0).get("comparison")));

        Actor city = at(FixedOrgUnits.CITY, Locale.ENGLISH);
        assertNull(dashboard.board(city, 2013, TODAY).get("focus"), "the city sees all side by side");
        Map<String, Object> b = (Map<String, Object>) dashboard.board(city, 2013, TODAY, null, null,
                FixedOrgUnits.COUNTY_B.id()).get("focus");
        assertEquals(List.of("乙区团委", 1, 2), List.of(b.get("name"), b.get("rank"), b.get("of")));
        assertEquals(1, ((List<Map<String, Object>>) b.get("indicators")).stream()
                .filter(i -> "NOT_JUDGED".equals(i.get("state"))).count(), "loans unknown: not judged");
        assertThrows(org.jixiao.api.NotFoundException.class, () -> dashboard.board(at(FixedOrgUnits.COUNTY_A,
                Locale.ENGLISH), 2013, TODAY, null, null, FixedOrgUnits.COUNTY_B.id()), "another county's");
        assertThrows(org.jixiao.api.NotFoundException.class, () -> dashboard.board(city, 2013, TODAY, null, null,
                FixedOrgUnits.CITY.id()), "the city is no evaluated unit");
        assertThrows(org.jixiao.api.NotFoundException.class, () -> Dashboard.unit("2x"));
        assertNull(Dashboard.unit(" "));

        for (Locale locale : TemplateChecks.LOCALES) {
            Actor county = at(FixedOrgUnits.COUNTY_A, locale);
            Map<String, Object> m = TemplateChecks.model(county, "/dashboard");
            m.putAll(dashboard.board(county, 2013, TODAY));
            String html = TemplateChecks.render("dashboard", m, locale);
            Messages messages = new Messages(locale);
            assertTrue(html.contains("id=\"focus\"") && html.contains(messages.get("dashboard.focus.state.NOT_MET"))
                    && html.contains("≥ 100 人"), html);
            assertFalse(html.contains("unit=2#focus"), "no link to focus on the only unit");
            Map<String, Object> c = TemplateChecks.model(at(FixedOrgUnits.CITY, locale), "/dashboard");
            c.putAll(dashboard.board(at(FixedOrgUnits.CITY, locale), 2013, TODAY, null, null, 3L));
            c.put("unitParam", "3");
            String focused = TemplateChecks.render("dashboard", c, locale);
            assertTrue(focused.contains("data-api=\"/api/v1/dashboard?year=2013&amp;trend=employment%3Ajobs&amp;unit=3\"")
                    && focused.contains("name=\"unit\" value=\"3\"") && focused.contains("unit=2#focus")
                    && focused.contains(messages.get("dashboard.focus.place", 1, 2)), focused);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachProjectHasItsOwnBoardFromItsIndicators() throws Exception {
        Actor city = at(FixedOrgUnits.CITY, Locale.ENGLISH);
        Map<String, Object> board = dashboard.board(city, 2013, TODAY, "employment", null);
        assertEquals("employment", board.get("project"));
        assertEquals(2, ((List<?>) board.get("indicators")).size());
        assertEquals(List.of(Map.of("id", "employment", "name", EVIL)), board.get("projects"));
        assertThrows(org.jixiao.api.NotFoundException.class, () -> dashboard.board(city, 2013, TODAY, "nope", null));
        Map<String, Object> m = TemplateChecks.model(city, "/dashboard");
        m.putAll(board);
        String html = TemplateChecks.render("dashboard", m, Locale.ENGLISH);
        assertTrue(html.contains("data-api=\"/api/v1/dashboard?year=2013&amp;project=employment"
                + "&amp;trend=employment%3Ajobs\""), html);
        assertTrue(html.contains("name=\"project\" value=\"employment\""), "the year form keeps the project");
    }

    @Test
    void thePageRendersEveryTableInBothLanguagesEscaped() throws Exception {
        for (Locale locale : TemplateChecks.LOCALES) {
            Actor actor = at(FixedOrgUnits.CITY, locale);
            Map<String, Object> m = TemplateChecks.model(actor, "/dashboard");
            m.putAll(dashboard.board(actor, 2013, TODAY));
            m.put("scripts", List.of("/static/echarts.min.js", "/static/dashboard.js"));
            m.put("printedOn", "2013-10-10");
            m.put("currentYear", new org.jixiao.api.performance.PerformanceYear(2013,
                    org.jixiao.api.performance.Step.TRACKING, List.of()));
            String html = TemplateChecks.render("dashboard", m, locale);
            assertTrue(html.contains("<a class=\"current-step\" href=\"/perf/2013\">") && html.contains(
                    new Messages(locale).get("step.TRACKING")), "the current year and step on every page");
            assertTrue(html.contains("<p class=\"print-only print-meta\">") && html.contains("2013-10-10"),
                    "a printed page says when it was printed and for whom");
            // The page's own two scripts are the only markup of that kind; everything typed is escaped.
            List<String> scripts = new ArrayList<>(List.of(html.split("<script", -1)));
            assertEquals(3, scripts.size(), html);
            String rest = html.replace("<script src=\"/static/echarts.min.js\" defer></script>", "")
                    .replace("<script src=\"/static/dashboard.js\" defer></script>", "");
            TemplateChecks.check(rest, "dashboard " + locale, "dashboard|milestones?", true);
            assertTrue(html.contains("data-api=\"/api/v1/dashboard?year=2013&amp;trend=employment%3Ajobs\""), html);
            assertTrue(html.contains("id=\"unit-2\"") && html.contains(">75.0%<") && html.contains(">50%<"), html);
            assertTrue(html.contains("甲县团委" + new Messages(locale).get("dashboard.separator") + "乙区团委"),
                    "the units behind on a node, by name");

            Map<String, Object> empty = TemplateChecks.model(at(FixedOrgUnits.DEPARTMENT, locale), "/dashboard");
            empty.putAll(dashboard.board(at(FixedOrgUnits.DEPARTMENT, locale), 2013, TODAY));
            assertTrue(TemplateChecks.render("dashboard", empty, locale).contains(new Messages(locale)
                    .get("dashboard.empty")));
        }
    }
}
