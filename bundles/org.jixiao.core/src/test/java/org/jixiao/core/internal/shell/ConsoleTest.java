package org.jixiao.core.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.assessment.EvaluationInput;
import org.jixiao.api.assessment.EvaluationResult;
import org.jixiao.api.assessment.EvaluationRun;
import org.jixiao.api.assessment.ModuleInfo;
import org.jixiao.api.assessment.ScorePart;
import org.jixiao.api.assessment.UnitInput;
import org.jixiao.api.assessment.UnitScore;
import org.jixiao.api.performance.PerformanceYear;
import org.jixiao.api.performance.Step;
import org.jixiao.api.performance.StepWindow;
import org.jixiao.api.project.ProjectState;
import org.jixiao.api.project.ProjectStatus;
import org.jixiao.core.internal.performance.PerformanceCycleImpl;
import org.jixiao.core.internal.schema.CoreSchema;
import org.jixiao.core.internal.schema.TestDb;
import org.jixiao.store.internal.MemoryStores;
import org.junit.jupiter.api.Test;

class ConsoleTest {

    private static final OrgUnit ROOT = new OrgUnit(1, null, "city", "团市委", OrgLevel.CITY, "/1/");
    private static final OrgUnit EAST = new OrgUnit(2, 1L, "east", "东区团委", OrgLevel.COUNTY, "/1/2/");
    private static final OrgUnit WEST = new OrgUnit(3, 1L, "west", "西区团委", OrgLevel.COUNTY, "/1/3/");
    private static final OrgUnit ZONE = new OrgUnit(4, 1L, "zone", "开发区", OrgLevel.ZONE, "/1/4/");

    @Test
    void theConsoleActsAsTheCitysAdminAndAssessorNamedConsole() {
        Actor actor = Console.actor(ROOT);
        assertEquals(0, actor.userId());
        assertEquals("console", actor.username());
        assertTrue(actor.has(Role.ADMIN));
        assertTrue(actor.has(Role.ASSESSOR));
        assertFalse(actor.has(Role.TARGET_APPROVER));
        assertFalse(actor.has(Role.BONUS_APPROVER));
        assertTrue(actor.covers(EAST));
        assertNull(actor.orgUnit().parentId());
    }

    @Test
    void yearsAreFourDigitsElseTheServicesKey() {
        assertEquals(2031, Console.year(" 2031 "));
        for (String bad : new String[] {null, "", "31", "20311", "abcd", "-203", "２０３１"}) {
            ValidationException e = assertThrows(ValidationException.class, () -> Console.year(bad), bad);
            assertEquals(Map.of("year", "cycle.year.range"), e.fieldErrors());
        }
    }

    @Test
    void failuresReadAsOneLineWithFieldAndKey() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("step", "cycle.step.required");
        errors.put("reason", "cycle.reason.required");
        assertEquals("Refused: step -> " + Console.message("cycle.step.required") + "; reason -> "
                + Console.message("cycle.reason.required"), Console.describe(new ValidationException(errors)));
        assertEquals("Refused: year -> 只有在“综合评价”环节才能进行此操作。",
                Console.describe(ValidationException.of("year", "evaluation.step.wrong")));
        assertEquals("Not allowed: cycle.write", Console.describe(new AccessDeniedException("cycle.write")));
        assertEquals("Not found: year:2031", Console.describe(new NotFoundException("year:2031")));
        assertEquals("Failed: IllegalStateException", Console.describe(new IllegalStateException()));
        assertFalse(Console.describe(new IllegalStateException("boom")).contains("\tat "));
    }

    @Test
    void tablesAlignColumnsCountingChineseAsTwoColumns() {
        String t = Console.table(List.of("ID", "NAME", "X"), List.of(List.of("a", "东区", "1"),
                List.of("bbbb", "west", "22")));
        String[] lines = t.split("\n");
        assertEquals(4, lines.length);
        assertEquals("ID    NAME  X", lines[0]);
        assertEquals("----  ----  --", lines[1]);
        assertEquals("a     东区  1", lines[2]);
        assertEquals("bbbb  west  22", lines[3]);
        assertEquals(4, Console.width("东区"));
        assertEquals(3, Console.width("a东"));
    }

    @Test
    void emptyCellsShowADashAndLineBreaksStayInTheirRow() {
        String t = Console.table(List.of("A", "B"), java.util.Arrays.asList(java.util.Arrays.asList(null, "x\ny")));
        assertEquals("A  B\n-  ---\n-  x y\n", t);
    }

    @Test
    void projectsModulesAndYearsPrintAsTables() {
        String projects = Console.projects(List.of(
                new ProjectStatus("employment", "青年就业创业", "0.1.0", ProjectState.ACTIVE, null),
                new ProjectStatus("broken", "broken", "0.0.1", ProjectState.FAILED, "migration V2 failed")));
        assertTrue(projects.startsWith("ID          VERSION  STATE   PROBLEM\n"), projects);
        assertTrue(projects.contains("employment  0.1.0    ACTIVE  -\n"), projects);
        assertTrue(projects.contains("broken      0.0.1    FAILED  migration V2 failed\n"), projects);

        String modules = Console.modules(List.of(new ModuleInfo("standard", "1.0", "标准评分", "…")));
        assertTrue(modules.contains("standard  1.0      标准评分"), modules);

        PerformanceYear y = new PerformanceYear(2031, Step.EXECUTION, List.of(
                new StepWindow(Step.TARGET_SETTING, LocalDate.of(2031, 1, 1), LocalDate.of(2031, 3, 31)),
                new StepWindow(Step.EXECUTION, LocalDate.of(2031, 1, 1), LocalDate.of(2031, 12, 31))));
        String years = Console.years(List.of(y));
        assertTrue(years.contains("2031  EXECUTION  2031-01-01..2031-12-31"), years);
        String year = Console.year(y);
        assertTrue(year.startsWith("Year 2031 stands at EXECUTION\n"), year);
        assertTrue(year.contains("*  EXECUTION       2031-01-01..2031-12-31"), year);
        assertTrue(year.contains("-  TARGET_SETTING  2031-01-01..2031-03-31"), year);
    }

    private static EvaluationRun run(long id, BigDecimal east, BigDecimal west, BigDecimal zone) {
        List<UnitInput> inputs = List.of(unit(EAST), unit(WEST), unit(ZONE));
        List<ScorePart> parts = List.of(new ScorePart("indicators", new BigDecimal("40"), new BigDecimal("75.5"),
                new BigDecimal("30.20"), "目标完成率 75.5%"), new ScorePart("bonus", BigDecimal.ZERO, null,
                        new BigDecimal("2"), "加分"));
        return new EvaluationRun(id, 2031, "standard", "1.0", Instant.parse("2032-01-25T02:00:00Z"), "console",
                false, null, new EvaluationInput(2031, inputs), new EvaluationResult(List.of(
                        new UnitScore(EAST.id(), east, parts), new UnitScore(WEST.id(), west, parts),
                        new UnitScore(ZONE.id(), zone, parts))));
    }

    private static UnitInput unit(OrgUnit u) {
        return new UnitInput(u.id(), u.name(), List.of(), 0, 0, false, null, null, null, BigDecimal.ZERO);
    }

    @Test
    void aRunPrintsItsRankingWithSharedRanks() {
        String out = Console.run(run(7, new BigDecimal("80.00"), new BigDecimal("91.25"), new BigDecimal("80.00")));
        String[] lines = out.split("\n");
        assertEquals("Run 7 of 2031: module standard@1.0, 3 units, by console at 2032-01-25T02:00:00Z", lines[0]);
        assertEquals("RANK  UNIT  NAME      TOTAL", lines[1]);
        assertEquals("1     3     西区团委  91.25", lines[3]);
        assertEquals("2     2     东区团委  80.00", lines[4]);
        assertEquals("2     4     开发区    80.00", lines[5]);
    }

    @Test
    void aUnitsScoreShowsItsRankAndParts() {
        EvaluationRun r = run(9, new BigDecimal("80.00"), new BigDecimal("91.25"), new BigDecimal("70"));
        String out = Console.score(r, EAST);
        assertTrue(out.contains("东区团委 (east): total 80.00, rank 2 of 3\n"), out);
        assertTrue(out.contains("PART        WEIGHT  RAW   POINTS  EXPLANATION\n"), out);
        assertTrue(out.contains("indicators  40      75.5  30.20   目标完成率 75.5%\n"), out);
        assertTrue(out.contains("bonus       0       -     2       加分\n"), out);
        assertNull(Console.score(r, ROOT));
    }

    @Test
    void unitsAreFoundByCodeAndTheLatestRunIsTheNewest() {
        List<OrgUnit> units = List.of(ROOT, EAST, WEST);
        assertEquals(EAST, Console.unitByCode(units, "east").orElseThrow());
        assertEquals(EAST, Console.unitByCode(units, " EAST ").orElseThrow());
        assertTrue(Console.unitByCode(units, "north").isEmpty());
        assertTrue(Console.unitByCode(units, null).isEmpty());
        EvaluationRun a = run(3, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE);
        EvaluationRun b = run(12, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE);
        assertEquals(12, Console.latest(List.of(a, b)).id());
        assertEquals(12, Console.latest(List.of(b, a)).id());
    }

    /** The console has no account: its changes must still be audited, under its name and user id 0. */
    @Test
    void theConsolesChangesAreAuditedAsConsole() {
        MemoryStores.Loan store = TestDb.open();
        try {
            OrgUnit root = TestDb.insertRoot(store);
            PerformanceCycleImpl cycle = new PerformanceCycleImpl(store, new CoreSchema(store));
            Actor console = Console.actor(root);
            cycle.open(console, 2031);
            cycle.advance(console, 2031, "no targets in this test");
            ValidationException again = assertThrows(ValidationException.class, () -> cycle.open(console, 2031));
            assertEquals("Refused: year -> " + Console.message("cycle.year.exists"), Console.describe(again));
            List<Map<String, Object>> opened = TestDb.audit(store, "cycle.open");
            assertEquals(1, opened.size());
            assertEquals("console", opened.get(0).get("ACTOR_NAME"));
            assertEquals(0L, ((Number) opened.get(0).get("ACTOR_ID")).longValue());
            assertEquals(1, TestDb.audit(store, "cycle.advance").size());
            assertEquals("console", TestDb.rows(store, "SELECT OPENED_BY FROM JX_PERF_YEAR").get(0).get("OPENED_BY"));
        } finally {
            store.close();
        }
    }
}
