package org.jixiao.core.internal.performance;

import static org.jixiao.core.internal.testing.CityTest.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.ValidationException;
import org.jixiao.core.internal.testing.RecordingOutbox;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.performance.Lock;
import org.jixiao.api.performance.PerformanceYear;
import org.jixiao.api.performance.Step;
import org.jixiao.api.performance.StepWindow;
import org.jixiao.core.internal.schema.Jdbc;
import org.jixiao.core.internal.schema.TestDb;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class PerformanceCycleImplTest {

    @AutoClose
    private final PerfFixture f = new PerfFixture();
    private final PerformanceCycleImpl cycle = f.cycle;

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void eachChangeOfTheCalendarGoesToTheOutboxInItsTransactionAndACountyNodeChangesNone() {
        RecordingOutbox outbox = new RecordingOutbox();
        cycle.outbox = outbox;
        cycle.open(f.cityAdmin, 2013);
        cycle.setWindow(f.cityAdmin, 2013, Step.TRACKING, d("2013-02-01"), d("2013-11-30"));
        cycle.advance(f.cityAdmin, 2013, "目标另行下达");
        List<String> rows = outbox.rows();
        assertEquals(11, rows.size(), rows.toString());
        assertEquals(List.of("JX_PERF_YEAR PERF_YEAR=2013", "JX_PERF_WINDOW PERF_YEAR=2013,STEP=TARGET_SETTING",
                "JX_PERF_WINDOW PERF_YEAR=2013,STEP=TRACKING", "JX_PERF_YEAR PERF_YEAR=2013"), List.of(rows.get(0),
                        rows.get(1), rows.get(9), rows.get(10)));

        // A county node holds the city's calendar as a copy: no change of it, whoever asks, and nothing written.
        cycle.outbox = new RecordingOutbox(java.util.Set.of("JX_PERF_YEAR", "JX_PERF_WINDOW"));
        for (Runnable write : List.<Runnable>of(() -> cycle.open(f.cityAdmin, 2014),
                () -> cycle.advance(f.cityAdmin, 2013),
                () -> cycle.reopen(f.cityAdmin, 2013, Step.TARGET_SETTING, "重新设定"),
                () -> cycle.setWindow(f.cityAdmin, 2013, Step.TRACKING, d("2013-01-01"), d("2013-12-31")))) {
            assertEquals(Map.of("year", "federation.cityOwned"),
                    assertThrows(ValidationException.class, write::run).fieldErrors());
        }
        assertEquals(Step.EXECUTION, cycle.year(2013).orElseThrow().step());
        assertEquals(List.of(2013), cycle.years().stream().map(PerformanceYear::year).toList());
        assertEquals(d("2013-02-01"), cycle.year(2013).orElseThrow().window(Step.TRACKING).orElseThrow().opens());
        // Only an admin of the city is told so; anyone else is refused as before.
        assertThrows(AccessDeniedException.class, () -> cycle.open(f.c1Admin, 2014));
    }

    @Test
    void opensAtTargetSettingWithTheDefaultWindows() {
        PerformanceYear y = cycle.open(f.cityAdmin, 2013);
        assertEquals(2013, y.year());
        assertEquals(Step.TARGET_SETTING, y.step());
        List<StepWindow> expected = List.of(
                new StepWindow(Step.TARGET_SETTING, d("2013-01-01"), d("2013-03-31")),
                new StepWindow(Step.EXECUTION, d("2013-01-01"), d("2013-12-31")),
                new StepWindow(Step.TRACKING, d("2013-01-01"), d("2013-12-31")),
                new StepWindow(Step.SELF_ASSESSMENT, d("2013-12-01"), d("2013-12-31")),
                new StepWindow(Step.YOUTH_EVALUATION, d("2014-01-01"), d("2014-01-20")),
                new StepWindow(Step.LEADER_EVALUATION, d("2014-01-01"), d("2014-01-20")),
                new StepWindow(Step.COMPREHENSIVE_EVALUATION, d("2014-01-21"), d("2014-02-28")),
                new StepWindow(Step.PUBLISHED, d("2014-03-01"), d("2014-12-31")));
        assertEquals(expected, y.windows());
        assertEquals(y, cycle.year(2013).orElseThrow(), "read back from the database");
        assertEquals(8, f.count("JX_PERF_WINDOW"));

        cycle.open(f.cityAdmin, 2014);
        assertEquals(List.of(2014, 2013), cycle.years().stream().map(PerformanceYear::year).toList(), "newest first");
        assertEquals(expected, cycle.years().get(1).windows());
        assertTrue(cycle.year(2015).isEmpty());

        List<Map<String, Object>> audit = TestDb.audit(f.store, "cycle.open");
        assertEquals(2, audit.size());
        assertEquals("year:2013", audit.get(0).get("TARGET"));
        assertEquals("admin", audit.get(0).get("ACTOR_NAME"));
        assertEquals(1L, audit.get(0).get("ACTOR_ID"));
        assertEquals(List.of(Map.of("OPENED_BY", "admin")),
                TestDb.rows(f.store, "SELECT OPENED_BY FROM JX_PERF_YEAR WHERE PERF_YEAR = 2013"));
        assertEquals(f.clock.instant(),
                TestDb.instant(f.store, "SELECT OPENED_AT FROM JX_PERF_YEAR WHERE PERF_YEAR = 2013"));
    }

    @Test
    void comprehensiveEvaluationEndsOnFebruary28EvenInALeapYear() {
        PerformanceYear y = cycle.open(f.cityAdmin, 2015);
        assertEquals(new StepWindow(Step.COMPREHENSIVE_EVALUATION, d("2016-01-21"), d("2016-02-28")),
                y.window(Step.COMPREHENSIVE_EVALUATION).orElseThrow());
    }

    @Test
    void refusesADuplicateAndYearsOutOfRange() {
        cycle.open(f.cityAdmin, 2013);
        assertEquals(Map.of("year", "cycle.year.exists"), errors(() -> cycle.open(f.cityAdmin, 2013)));
        assertEquals(Map.of("year", "cycle.year.range"), errors(() -> cycle.open(f.cityAdmin, 1999)));
        assertEquals(Map.of("year", "cycle.year.range"), errors(() -> cycle.open(f.cityAdmin, 2101)));
        assertEquals(1, f.count("JX_PERF_YEAR"));
        assertEquals(8, f.count("JX_PERF_WINDOW"));
        assertEquals(1, TestDb.audit(f.store, "cycle.open").size());

        cycle.open(f.cityAdmin, 2000);
        cycle.open(f.cityAdmin, 2100);
        assertEquals(3, f.count("JX_PERF_YEAR"));
    }

    @Test
    void onlyAnAdminOfTheCityChangesTheCycle() {
        cycle.open(f.cityAdmin, 2013);
        long audits = f.count("JX_AUDIT");
        for (Actor a : new Actor[] {f.c1Admin, f.setter, f.approver, null}) {
            assertThrows(AccessDeniedException.class, () -> cycle.open(a, 2014));
            assertThrows(AccessDeniedException.class,
                    () -> cycle.setWindow(a, 2013, Step.EXECUTION, d("2013-02-01"), d("2013-11-30")));
            assertThrows(AccessDeniedException.class, () -> cycle.advance(a, 2013));
            assertThrows(AccessDeniedException.class, () -> cycle.reopen(a, 2013, Step.TARGET_SETTING, "why"));
        }
        assertEquals(1, f.count("JX_PERF_YEAR"));
        assertEquals(Step.TARGET_SETTING, cycle.year(2013).orElseThrow().step());
        assertEquals(PerformanceCycleImpl.defaultWindows(2013), cycle.year(2013).orElseThrow().windows());
        assertEquals(audits, f.count("JX_AUDIT"));
    }

    /** Issue 11, item 6: a year could move past target setting with its targets never approved, silently. */
    @Test
    void leavingTargetSettingWithTheTargetsUnapprovedNeedsAReasonKeptInTheAudit() {
        cycle.open(f.cityAdmin, 2013);
        assertEquals(Map.of("reason", "cycle.targets.unapproved"), errors(() -> cycle.advance(f.cityAdmin, 2013)));
        assertEquals(Map.of("reason", "cycle.targets.unapproved"),
                errors(() -> cycle.advance(f.cityAdmin, 2013, "  ")));
        assertEquals(Step.TARGET_SETTING, cycle.year(2013).orElseThrow().step());
        assertEquals(Step.EXECUTION, cycle.advance(f.cityAdmin, 2013, "市委决定先行推进").step());
        assertEquals("TARGET_SETTING->EXECUTION; targets not approved; reason=市委决定先行推进",
                TestDb.audit(f.store, "cycle.advance").get(0).get("DETAIL"));
        // Approved targets need no reason.
        cycle.open(f.cityAdmin, 2014);
        f.store.inTransaction(c -> Jdbc.update(c, "INSERT INTO JX_TARGET_APPROVAL (PERF_YEAR, APPROVED_AT,"
                + " APPROVED_BY) VALUES (?, ?, ?)", 2014, java.time.Instant.EPOCH, "org"));
        assertEquals(Step.EXECUTION, cycle.advance(f.cityAdmin, 2014).step());
    }

    @Test
    void advancesThroughEveryStepAndStopsAtPublished() {
        cycle.open(f.cityAdmin, 2013);
        f.store.inTransaction(c -> Jdbc.update(c, "INSERT INTO JX_TARGET_APPROVAL (PERF_YEAR, APPROVED_AT,"
                + " APPROVED_BY) VALUES (?, ?, ?)", 2013, java.time.Instant.EPOCH, "org"));
        Step expected = Step.TARGET_SETTING;
        for (int i = 1; i < Step.values().length; i++) {
            expected = Step.values()[i];
            assertEquals(expected, cycle.advance(f.cityAdmin, 2013).step());
            assertEquals(expected, cycle.year(2013).orElseThrow().step());
        }
        assertEquals(Step.PUBLISHED, expected);
        assertEquals(Map.of("step", "cycle.step.last"), errors(() -> cycle.advance(f.cityAdmin, 2013)));
        assertEquals(Step.PUBLISHED, cycle.year(2013).orElseThrow().step());

        List<Map<String, Object>> audit = TestDb.audit(f.store, "cycle.advance");
        assertEquals(7, audit.size());
        assertEquals("TARGET_SETTING->EXECUTION", audit.get(0).get("DETAIL"));
        assertEquals("COMPREHENSIVE_EVALUATION->PUBLISHED", audit.get(6).get("DETAIL"));
        assertEquals("year:2013", audit.get(6).get("TARGET"));

        assertThrows(NotFoundException.class, () -> cycle.advance(f.cityAdmin, 2020));
    }

    @Test
    void reopeningNeedsAReasonAndAnEarlierStep() {
        cycle.open(f.cityAdmin, 2013);
        for (int i = 1; i < Step.values().length; i++) {
            cycle.advance(f.cityAdmin, 2013, "targets are not what this test is about");
        }
        assertEquals(Map.of("reason", "cycle.reason.required"),
                errors(() -> cycle.reopen(f.cityAdmin, 2013, Step.TRACKING, null)));
        assertEquals(Map.of("reason", "cycle.reason.required"),
                errors(() -> cycle.reopen(f.cityAdmin, 2013, Step.TRACKING, "  \t ")));
        assertEquals(Map.of("reason", "cycle.reason.required"),
                errors(() -> cycle.reopen(f.cityAdmin, 2013, Step.TRACKING, "x".repeat(501))));
        assertEquals(Map.of("step", "cycle.step.notEarlier"),
                errors(() -> cycle.reopen(f.cityAdmin, 2013, Step.PUBLISHED, "same step")));
        assertEquals(Map.of("step", "cycle.step.required"),
                errors(() -> cycle.reopen(f.cityAdmin, 2013, null, "no step")));
        assertEquals(Step.PUBLISHED, cycle.year(2013).orElseThrow().step());
        assertEquals(0, TestDb.audit(f.store, "cycle.reopen").size());

        String reason = "县区上报数据有误，重新跟踪";
        assertEquals(Step.TRACKING, cycle.reopen(f.cityAdmin, 2013, Step.TRACKING, "  " + reason + " ").step());
        assertEquals(Step.TRACKING, cycle.year(2013).orElseThrow().step());
        assertEquals(Map.of("step", "cycle.step.notEarlier"),
                errors(() -> cycle.reopen(f.cityAdmin, 2013, Step.SELF_ASSESSMENT, "forward is advance")));
        cycle.reopen(f.cityAdmin, 2013, Step.TARGET_SETTING, "x".repeat(500));

        List<Map<String, Object>> audit = TestDb.audit(f.store, "cycle.reopen");
        assertEquals(2, audit.size());
        assertEquals("PUBLISHED->TRACKING; reason=" + reason, audit.get(0).get("DETAIL"));
        assertEquals("year:2013", audit.get(0).get("TARGET"));
    }

    @Test
    void windowsAreSetInOrderAndAudited() {
        cycle.open(f.cityAdmin, 2013);
        Map<String, String> e = errors(
                () -> cycle.setWindow(f.cityAdmin, 2013, Step.TARGET_SETTING, d("2013-04-01"), d("2013-03-31")));
        assertEquals(Map.of("closes", "cycle.window.order"), e);
        assertEquals(Map.of("opens", "cycle.window.required", "closes", "cycle.window.required"),
                errors(() -> cycle.setWindow(f.cityAdmin, 2013, Step.TARGET_SETTING, null, null)));
        assertEquals(Map.of("step", "cycle.step.required"),
                errors(() -> cycle.setWindow(f.cityAdmin, 2013, null, d("2013-01-01"), d("2013-01-02"))));
        assertEquals(PerformanceCycleImpl.defaultWindows(2013), cycle.year(2013).orElseThrow().windows());
        assertEquals(0, TestDb.audit(f.store, "cycle.window").size());

        PerformanceYear y = cycle.setWindow(f.cityAdmin, 2013, Step.TARGET_SETTING, d("2013-01-15"), d("2013-04-15"));
        assertEquals(new StepWindow(Step.TARGET_SETTING, d("2013-01-15"), d("2013-04-15")),
                y.window(Step.TARGET_SETTING).orElseThrow());
        assertEquals(y, cycle.year(2013).orElseThrow());
        cycle.setWindow(f.cityAdmin, 2013, Step.EXECUTION, d("2013-05-05"), d("2013-05-05"));
        assertEquals(8, f.count("JX_PERF_WINDOW"));

        List<Map<String, Object>> audit = TestDb.audit(f.store, "cycle.window");
        assertEquals(2, audit.size());
        assertEquals("step=TARGET_SETTING; 2013-01-01..2013-03-31->2013-01-15..2013-04-15",
                audit.get(0).get("DETAIL"));
        assertThrows(NotFoundException.class,
                () -> cycle.setWindow(f.cityAdmin, 2014, Step.EXECUTION, d("2014-01-01"), d("2014-01-02")));
    }

    @Test
    void lockSaysWhyWorkCannotBeDone() {
        Lock notOpen = cycle.lock(2013, Step.TARGET_SETTING, d("2013-02-01")).orElseThrow();
        assertEquals(new Lock("lock.yearNotOpen", List.of(2013), "lock.unlock.cityAdmin"), notOpen);

        cycle.open(f.cityAdmin, 2013);
        assertTrue(cycle.lock(2013, Step.TARGET_SETTING, d("2013-02-01")).isEmpty());
        assertTrue(cycle.lock(2013, Step.TARGET_SETTING, d("2013-01-01")).isEmpty(), "first day included");
        assertTrue(cycle.lock(2013, Step.TARGET_SETTING, d("2013-03-31")).isEmpty(), "last day included");

        assertEquals(new Lock("lock.windowClosed", List.of("2013-01-01", "2013-03-31"), "lock.unlock.cityAdmin"),
                cycle.lock(2013, Step.TARGET_SETTING, d("2013-04-01")).orElseThrow());
        assertEquals(new Lock("lock.windowClosed", List.of("2013-01-01", "2013-03-31"), "lock.unlock.cityAdmin"),
                cycle.lock(2013, Step.TARGET_SETTING, d("2012-12-31")).orElseThrow());
        assertEquals(new Lock("lock.otherStep", List.of("TARGET_SETTING"), "lock.unlock.cityAdmin"),
                cycle.lock(2013, Step.EXECUTION, d("2013-02-01")).orElseThrow());

        cycle.advance(f.cityAdmin, 2013, "targets are not what this test is about");
        assertTrue(cycle.lock(2013, Step.EXECUTION, d("2013-02-01")).isEmpty());
        assertEquals(new Lock("lock.otherStep", List.of("EXECUTION"), "lock.unlock.cityAdmin"),
                cycle.lock(2013, Step.TARGET_SETTING, d("2013-02-01")).orElseThrow());
    }
}
