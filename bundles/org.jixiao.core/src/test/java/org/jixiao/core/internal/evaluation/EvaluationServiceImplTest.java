package org.jixiao.core.internal.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.Role;
import org.jixiao.api.assessment.Bonus;
import org.jixiao.api.assessment.EvaluationInput;
import org.jixiao.api.assessment.EvaluationResult;
import org.jixiao.api.assessment.EvaluationRun;
import org.jixiao.api.assessment.IndicatorInput;
import org.jixiao.api.assessment.ModuleInfo;
import org.jixiao.api.assessment.ModulePin;
import org.jixiao.api.assessment.ScoreKind;
import org.jixiao.api.assessment.ScorePart;
import org.jixiao.api.assessment.UnitInput;
import org.jixiao.api.assessment.RankedScore;
import org.jixiao.api.assessment.UnitScore;
import org.jixiao.api.performance.Step;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.performance.TargetRule;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.ProjectState;
import org.jixiao.core.internal.schema.TestDb;
import org.jixiao.core.internal.testing.CityTest;
import org.jixiao.core.internal.testing.FakeRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EvaluationServiceImplTest extends CityTest {

    static final int YEAR = 2013;

    private final TestDb.MutableClock clock = new TestDb.MutableClock(Instant.parse("2014-01-25T02:00:00Z"));
    private OrgUnit c1;
    private OrgUnit c1sub;
    private OrgUnit c2;
    private OrgUnit z1;
    private OrgUnit u1;
    private OrgUnit dept;
    private Actor assessor;
    private Actor approver;
    private Actor c1Staff;
    private Actor deptUser;
    private final Fakes.Cycle cycle = new Fakes.Cycle();
    private final Fakes.Targets targets = new Fakes.Targets();
    private final Fakes.Project emp = new Fakes.Project("emp");
    private final FakeRegistry projects = new FakeRegistry();
    private final Fakes.Milestones milestones = new Fakes.Milestones();
    private final Fakes.SelfAssessments selfAssessments = new Fakes.SelfAssessments();
    private final Fakes.SumModule v1 = new Fakes.SumModule("1", "1");
    private final Fakes.SumModule v2 = new Fakes.SumModule("2", "0.5");
    private EvaluationServiceImpl service;
    private final List<EvaluationServiceImpl> services = new ArrayList<>();

    @BeforeEach
    void open() {
        // The city's administrator here holds no STAFF role: what it may do comes from ADMIN alone.
        cityAdmin = TestDb.actor(1, "admin", root, Role.ADMIN);
        // Created out of code order: the evaluation orders by code.
        z1 = unit(root, "z1", OrgLevel.ZONE);
        c2 = unit(root, "c2", OrgLevel.COUNTY);
        u1 = unit(root, "u1", OrgLevel.CITY_UNIT);
        c1 = unit(root, "c1", OrgLevel.COUNTY);
        dept = unit(root, "d1", OrgLevel.DEPARTMENT);
        c1sub = unit(c1, "c1-x", OrgLevel.DEPARTMENT);
        assessor = TestDb.actor(2, "assessor", root, Role.ASSESSOR);
        approver = TestDb.actor(3, "secretary", root, Role.BONUS_APPROVER);
        c1Staff = TestDb.actor(4, "c1.staff", c1, Role.ADMIN, Role.ASSESSOR, Role.BONUS_APPROVER, Role.STAFF);
        deptUser = TestDb.actor(5, "d1.user", dept, Role.VIEWER);

        targets.rows.add(u -> Fakes.target(u, "emp", "jobs", "求职青年",
                new TargetRule(TargetKind.ABSOLUTE, Comparison.AT_LEAST, new BigDecimal("100")), null));
        targets.rows.add(u -> Fakes.target(u, "emp", "loans", "创业贷款",
                new TargetRule(TargetKind.BASELINE_RELATIVE, Comparison.AT_LEAST, new BigDecimal("10")),
                new BigDecimal("50")));
        targets.rows.add(u -> Fakes.target(u, "gone", "x", "已卸载项目",
                new TargetRule(TargetKind.ABSOLUTE, Comparison.AT_LEAST, new BigDecimal("10")), null));
        emp.put(c1.id(), "jobs", "120");
        emp.put(c1.id(), "loans", "60");
        emp.put(c1sub.id(), "jobs", "5");
        emp.put(c2.id(), "jobs", "80");
        emp.put(u1.id(), "jobs", "100");
        emp.put(u1.id(), "loans", "40");
        projects.add(emp, ProjectState.ACTIVE);
        cycle.steps.put(YEAR, Step.COMPREHENSIVE_EVALUATION);

        milestones.counts.put(c1.id(), new int[] {4, 3});
        selfAssessments.accepted.add(c1.id());
        service = new EvaluationServiceImpl(store, orgUnits, cycle, targets, projects, milestones.service(),
                selfAssessments.service(), clock);
        service.bindModule(v1);
        services.add(service);
    }

    @AfterEach
    void close() {
        services.forEach(EvaluationServiceImpl::deactivate);
    }

    /** Another service on the same store and fakes, gathering on {@code threads} threads; deactivated after. */
    private EvaluationServiceImpl withThreads(int threads) {
        EvaluationServiceImpl s = new EvaluationServiceImpl(store, orgUnits, cycle, targets, projects,
                milestones.service(), selfAssessments.service(), clock, threads);
        s.bindModule(v1);
        services.add(s);
        return s;
    }

    private EvaluationRun pinAndRun() {
        service.pin(cityAdmin, YEAR, "sum", "1");
        return service.run(assessor, YEAR);
    }

    private static List<Long> unitIds(EvaluationRun run) {
        return run.input().units().stream().map(UnitInput::orgUnitId).toList();
    }

    private static List<BigDecimal> totals(EvaluationRun run) {
        return run.result().scores().stream().map(UnitScore::total).toList();
    }

    private static UnitInput unitOf(EvaluationRun run, OrgUnit unit) {
        return run.input().units().stream().filter(u -> u.orgUnitId() == unit.id()).findFirst().orElseThrow();
    }

    private long runTables() {
        return TestDb.count(store, "JX_EVAL_RUN") + TestDb.count(store, "JX_EVAL_DOC")
                + TestDb.count(store, "JX_EVAL_SCORE_ROW");
    }

    // ---------------------------------------------------------------- runs

    @Test
    void runGathersEveryEvaluatedUnitAndStoresModuleAndSnapshot() {
        service.enterScore(assessor, YEAR, c1.id(), ScoreKind.TEAM, new BigDecimal("90"));
        service.enterScore(assessor, YEAR, c1.id(), ScoreKind.YOUTH, new BigDecimal("77.5"));
        EvaluationRun run = pinAndRun();

        assertEquals("sum", run.moduleId());
        assertEquals("1", run.moduleVersion());
        // Issue 11, item 9: the run records the SHA-256 of the code that scored it, and keeps it.
        assertTrue(run.moduleDigest().matches("[0-9a-f]{64}"), run.moduleDigest());
        assertEquals(run.moduleDigest(), service.get(cityAdmin, run.id()).moduleDigest());
        assertEquals("assessor", run.by());
        assertEquals(clock.instant(), run.at());
        assertFalse(run.published());
        assertNull(run.basedOnRunId());
        assertEquals(List.of(c1.id(), c2.id(), u1.id(), z1.id()), unitIds(run), "evaluated levels only, by code");

        UnitInput a = unitOf(run, c1);
        assertEquals(c1.name(), a.orgUnitName());
        assertEquals(List.of(
                new IndicatorInput("emp:jobs", "求职青年", new BigDecimal("125"), new BigDecimal("100"), true,
                        new BigDecimal("100.00")),
                new IndicatorInput("emp:loans", "创业贷款", new BigDecimal("60"), new BigDecimal("55"), true,
                        new BigDecimal("100.00")),
                new IndicatorInput("gone:x", "已卸载项目", null, new BigDecimal("10"), false, null)),
                a.indicators(), "the unit's own records plus those of units below it; an absent project is unknown");
        assertEquals(4, a.milestonesDue(), "time nodes come from the milestone service");
        assertEquals(3, a.milestonesOnTime());
        assertTrue(a.selfAssessmentAccepted(), "and the acceptance from the self-assessment service");
        assertEquals(0, unitOf(run, c2).milestonesDue());
        assertFalse(unitOf(run, c2).selfAssessmentAccepted());
        assertEquals(new BigDecimal("90.00"), a.teamScore());
        assertEquals(new BigDecimal("77.50"), a.youthScore());
        assertNull(a.leaderScore());
        assertEquals(BigDecimal.ZERO, a.bonus());

        UnitInput b = unitOf(run, c2);
        assertEquals(new BigDecimal("80.00"), b.indicators().get(0).completion());
        assertEquals(BigDecimal.ZERO, b.indicators().get(1).actual(), "an indicator the unit has no records of is 0");
        assertEquals(BigDecimal.ZERO, unitOf(run, z1).indicators().get(0).actual(), "a unit without records is 0");
        assertEquals(new BigDecimal("72.72"), unitOf(run, u1).indicators().get(1).completion());
        assertNull(b.teamScore());

        assertEquals(List.of(new BigDecimal("290.00"), new BigDecimal("80.00"), new BigDecimal("172.72"),
                new BigDecimal("0.00")), totals(run));

        List<Map<String, Object>> rows = TestDb.rows(store, "SELECT * FROM JX_EVAL_RUN");
        assertEquals(1, rows.size());
        assertEquals("sum", rows.get(0).get("MODULE_ID"));
        assertEquals("1", rows.get(0).get("MODULE_VERSION"));
        assertEquals(YEAR, rows.get(0).get("PERF_YEAR"));
        assertEquals(Boolean.FALSE, rows.get(0).get("PUBLISHED"));
        List<Map<String, Object>> scores = TestDb.rows(store,
                "SELECT ORG_UNIT_ID, UNIT_ORDER, TOTAL, RANK_NO FROM JX_EVAL_SCORE_ROW ORDER BY UNIT_ORDER");
        assertEquals(4, scores.size());
        assertEquals(c1.id(), scores.get(0).get("ORG_UNIT_ID"));
        assertEquals(new BigDecimal("290.00"), scores.get(0).get("TOTAL"));
        assertEquals(1, scores.get(0).get("RANK_NO"));
        assertEquals(4, scores.get(3).get("RANK_NO"));

        TestDb.auditedOnce(store, "evaluation.run", "evaluationRun:" + run.id());

        assertEquals(run, service.get(assessor, run.id()), "read back exactly, snapshot and result");
        assertEquals(List.of(run), service.runs(cityAdmin, YEAR));
        // Units are gathered on several threads, so in no particular order.
        assertTrue(emp.calls.contains(List.of(c1.id(), c1sub.id())),
                "a project is asked for the unit and the units below it");
    }

    @Test
    void runNeedsTheComprehensiveStepAPinnedInstalledModuleAndTheRightPeople() {
        assertThrows(AccessDeniedException.class, () -> service.run(c1Staff, YEAR));
        assertThrows(AccessDeniedException.class, () -> service.run(TestDb.actor(9, "v", root, Role.VIEWER), YEAR));
        assertEquals(Map.of("module", "evaluation.module.notPinned"), errors(() -> service.run(assessor, YEAR)));
        service.pin(cityAdmin, YEAR, "sum", "1");
        cycle.steps.put(YEAR, Step.LEADER_EVALUATION);
        assertEquals(Map.of("year", "evaluation.step.wrong"), errors(() -> service.run(assessor, YEAR)));
        assertEquals(Map.of("year", "evaluation.step.wrong"), errors(() -> service.run(assessor, 2099)));
        cycle.steps.put(YEAR, Step.COMPREHENSIVE_EVALUATION);
        service.unbindModule(v1);
        service.bindModule(v2);
        assertEquals(Map.of("module", "evaluation.module.missing"), errors(() -> service.run(assessor, YEAR)),
                "the pinned version exactly, not another version of the same module");
        assertEquals(0, runTables());

        service.bindModule(v1);
        assertEquals("assessor", service.run(assessor, YEAR).by());
        assertEquals("admin", service.run(cityAdmin, YEAR).by(), "a city admin may run too");
    }

    @Test
    void rerunWithAnotherModuleScoresTheSameSnapshotDifferently() {
        EvaluationRun first = pinAndRun();
        service.bindModule(v2);
        // Live data moves on after the first run; a re-run must not see it.
        emp.put(c2.id(), "jobs", "100");
        service.enterScore(assessor, YEAR, c2.id(), ScoreKind.TEAM, new BigDecimal("50"));
        clock.advance(Duration.ofMinutes(5));

        EvaluationRun again = service.rerun(assessor, first.id(), "sum", "2");
        assertEquals(first.id(), again.basedOnRunId());
        assertEquals("2", again.moduleVersion());
        assertEquals(first.input(), again.input(), "the same snapshot, exactly");
        assertNotEquals(totals(first), totals(again));
        assertEquals(List.of(new BigDecimal("100.00"), new BigDecimal("40.00"), new BigDecimal("86.36"),
                new BigDecimal("0.00")), totals(again));
        assertEquals(again, service.get(cityAdmin, again.id()));
        assertEquals(List.of(again.id(), first.id()),
                service.runs(cityAdmin, YEAR).stream().map(EvaluationRun::id).toList(), "newest first");
        assertEquals(1, TestDb.audit(store, "evaluation.rerun").size());

        EvaluationRun fresh = service.run(assessor, YEAR);
        assertNotEquals(first.input(), fresh.input(), "a new run gathers the inputs anew");
    }

    @Test
    void reproducingNeedsTheRecordedModuleVersionInstalled() {
        EvaluationRun first = pinAndRun();
        // The module is "updated": version 1 goes away, version 2 comes.
        service.unbindModule(v1);
        service.bindModule(v2);
        assertEquals(Map.of("module", "evaluation.module.missing"),
                errors(() -> service.rerun(assessor, first.id(), "sum", "1")));
        assertEquals(Map.of("module", "evaluation.module.missing"),
                errors(() -> service.rerun(assessor, first.id(), null, null)));
        assertEquals(1, TestDb.count(store, "JX_EVAL_RUN"));

        // With version 1 installed again (another instance of the same arithmetic), the result comes back exactly.
        service.bindModule(new Fakes.SumModule("1", "1"));
        EvaluationRun again = service.rerun(assessor, first.id(), "sum", "1");
        assertEquals(first.input(), again.input());
        assertEquals(first.result(), again.result());

        cycle.steps.put(YEAR, Step.PUBLISHED);
        assertEquals(first.result(), service.rerun(cityAdmin, first.id(), "sum", "1").result(),
                "a re-run works at any step");
        assertThrows(NotFoundException.class, () -> service.rerun(assessor, 999_999, "sum", "1"));
        assertThrows(AccessDeniedException.class, () -> service.rerun(c1Staff, first.id(), "sum", "1"));
    }

    @Test
    void aModuleSwappedDuringARunDoesNotChangeThatRun() {
        Fakes.SumModule swapping = new Fakes.SumModule("1", "1") {
            @Override
            public EvaluationResult evaluate(EvaluationInput input) {
                service.unbindModule(this);
                service.bindModule(v2);
                return super.evaluate(input);
            }
        };
        service.unbindModule(v1);
        service.bindModule(swapping);
        EvaluationRun run = pinAndRun();
        assertEquals("1", run.moduleVersion());
        assertEquals(1, swapping.evaluations.get());
        assertEquals(0, v2.evaluations.get());
        assertEquals(List.of(new ModuleInfo("sum", "2", "Sum 2", "completions + team + bonus, times 0.5")),
                service.modules(Locale.ROOT));
    }

    @Test
    void theSnapshotRoundTripsExactlyScalesIncluded() {
        List<IndicatorInput> indicators = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            indicators.add(new IndicatorInput("emp:i" + i, "指标「" + i + "」 \"quoted\" \uD83D\uDE00",
                    new BigDecimal("1" + i + ".10"), new BigDecimal("2.2E+2"), i % 2 == 0,
                    i % 3 == 0 ? null : new BigDecimal("99.90")));
        }
        EvaluationInput input = new EvaluationInput(YEAR, List.of(
                new UnitInput(7, "一縣團委", indicators, 3, 2, true, new BigDecimal("85.00"), null,
                        new BigDecimal("0.5"), new BigDecimal("3.00")),
                new UnitInput(8, "二縣", List.of(), 0, 0, false, null, null, null, BigDecimal.ZERO)));
        String json = Documents.toJson(input);
        assertTrue(json.length() > Documents.PIECE_MAX * 3, "spans several pieces");
        EvaluationInput back = Documents.input(json);
        assertEquals(input, back);
        assertEquals(2, back.units().get(0).youthScore().scale());
        assertEquals(-1, back.units().get(0).indicators().get(0).target().scale());
        assertEquals(0, back.units().get(1).bonus().scale());

        List<String> pieces = Documents.pieces(json);
        assertTrue(pieces.stream().allMatch(p -> p.length() <= Documents.PIECE_MAX));
        assertEquals(json, String.join("", pieces));
        String surrogateAtTheEdge = "a".repeat(Documents.PIECE_MAX - 1) + "\uD83D\uDE00b";
        List<String> split = Documents.pieces(surrogateAtTheEdge);
        assertEquals(Documents.PIECE_MAX - 1, split.get(0).length(), "a surrogate pair is not split");
        assertEquals(surrogateAtTheEdge, String.join("", split));

        EvaluationResult result = new EvaluationResult(List.of(new UnitScore(7, new BigDecimal("88.125"),
                List.of(new ScorePart("bonus", BigDecimal.ZERO, null, new BigDecimal("3.00"), "封顶 5 分")))));
        assertEquals(result, Documents.result(Documents.toJson(result)));
    }

    @Test
    void aLargeSnapshotIsStoredInPiecesAndReadBackExactly() {
        for (int i = 0; i < 60; i++) {
            String id = "i" + i;
            targets.rows.add(u -> Fakes.target(u, "emp", id, "很长的指标名称 " + id,
                    new TargetRule(TargetKind.ABSOLUTE, Comparison.MORE_THAN, new BigDecimal("3.5")), null));
        }
        EvaluationRun run = pinAndRun();
        assertTrue(TestDb.count(store, "JX_EVAL_DOC") > 2);
        EvaluationRun back = service.get(cityAdmin, run.id());
        assertEquals(run.input(), back.input());
        assertEquals(run.result(), back.result());
    }

    @Test
    void aFailingProjectMakesItsActualsUnknownNotTheRun() {
        emp.fail = true;
        EvaluationRun run = pinAndRun();
        IndicatorInput jobs = unitOf(run, c1).indicators().get(0);
        assertNull(jobs.actual());
        assertFalse(jobs.met());
        assertNull(jobs.completion());
        assertEquals(new BigDecimal("100"), jobs.target());
    }

    @Test
    void unitsGatheredAtOnceKeepTheirOrderAndFigures() {
        // Many units, created out of code order, each with a figure of its own; the project answers after a
        // random few milliseconds, so the units asked at once finish in any order.
        Map<Long, BigDecimal> jobs = new java.util.HashMap<>(Map.of(c1.id(), new BigDecimal("125"),
                c2.id(), new BigDecimal("80"), u1.id(), new BigDecimal("100"), z1.id(), BigDecimal.ZERO));
        List<OrgUnit> evaluated = new ArrayList<>(List.of(c1, c2, u1, z1));
        for (int i = 0; i < 40; i++) {
            OrgUnit u = unit(root, String.format("m%02d", (i * 17) % 40), i % 2 == 0 ? OrgLevel.COUNTY
                    : OrgLevel.ZONE);
            emp.put(u.id(), "jobs", String.valueOf(1000 + i));
            jobs.put(u.id(), BigDecimal.valueOf(1000 + i));
            evaluated.add(u);
        }
        evaluated.sort(java.util.Comparator.comparing(OrgUnit::code));
        List<Long> expected = evaluated.stream().map(OrgUnit::id).toList();
        emp.jitterMillis = 4;
        service.pin(cityAdmin, YEAR, "sum", "1");

        EvaluationServiceImpl oneThread = withThreads(1);
        EvaluationServiceImpl fourThreads = withThreads(4);
        EvaluationRun sequential = oneThread.run(assessor, YEAR);
        assertEquals(expected, unitIds(sequential));
        for (int round = 0; round < 3; round++) {
            emp.threads.clear();
            EvaluationRun parallel = fourThreads.run(assessor, YEAR);
            assertEquals(expected, unitIds(parallel), "every unit once, by code");
            for (OrgUnit u : evaluated) {
                assertEquals(jobs.get(u.id()), unitOf(parallel, u).indicators().get(0).actual(), u.code());
            }
            assertEquals(Documents.toJson(sequential.input()), Documents.toJson(parallel.input()),
                    "the same snapshot as gathered one unit after another");
            assertEquals(sequential.result(), parallel.result());
            assertTrue(emp.threads.size() > 1, "asked on several threads: " + emp.threads);
            for (Thread t : emp.threads) {
                assertTrue(t.getName().matches("jixiao-evaluation-\\d+") && t.isDaemon(), t.toString());
            }
        }

        // Deactivated, the service still finishes a run, on the caller's thread.
        fourThreads.deactivate();
        emp.threads.clear();
        EvaluationRun after = fourThreads.run(assessor, YEAR);
        assertEquals(Documents.toJson(sequential.input()), Documents.toJson(after.input()));
        assertEquals(java.util.Set.of(Thread.currentThread()), emp.threads);
    }

    @Test
    void whatAUnitThrowsEscapesAsWhenGatheredOneAfterAnother() {
        // A project error is no RuntimeException: it was never caught, and is not now. c1 comes first by code and
        // fails last; its error is the one thrown, as if the units had been gathered one after another.
        LinkageError first = new LinkageError("the project's classes are gone (c1)");
        emp.delayMillis.put(c1.id(), 300);
        emp.errors.put(c1.id(), first);
        emp.errors.put(z1.id(), new LinkageError("the project's classes are gone (z1)"));
        service.pin(cityAdmin, YEAR, "sum", "1");
        EvaluationServiceImpl fourThreads = withThreads(4);

        assertSame(first, assertThrows(LinkageError.class, () -> fourThreads.run(assessor, YEAR)));
        assertEquals(0, runTables(), "nothing stored");

        emp.errors.clear();
        emp.delayMillis.clear();
        targets.rows.add(0, u -> {
            if (u == u1.id()) {
                throw new IllegalStateException("the target tables' database is away");
            }
            return Fakes.target(u, "emp", "jobs", "求职青年",
                    new TargetRule(TargetKind.ABSOLUTE, Comparison.AT_LEAST, BigDecimal.ONE), null);
        });
        assertEquals("the target tables' database is away",
                assertThrows(IllegalStateException.class, () -> fourThreads.run(assessor, YEAR)).getMessage(),
                "a failure of the core's own services ends the run, as it did");
        assertEquals(0, runTables());
    }

    @Test
    void faultyModulesStoreNothing() {
        List<Fakes.BrokenModule> broken = List.of(
                new Fakes.BrokenModule("throws", in -> {
                    throw new ArithmeticException("/ by zero");
                }),
                new Fakes.BrokenModule("short", in -> new EvaluationResult(List.of())),
                new Fakes.BrokenModule("reversed", in -> {
                    List<UnitScore> s = new ArrayList<>();
                    in.units().forEach(u -> s.add(new UnitScore(u.orgUnitId(), BigDecimal.ONE, List.of())));
                    Collections.reverse(s);
                    return new EvaluationResult(s);
                }),
                new Fakes.BrokenModule("nototal", in -> new EvaluationResult(in.units().stream()
                        .map(u -> new UnitScore(u.orgUnitId(), null, List.of())).toList())),
                new Fakes.BrokenModule("huge", in -> new EvaluationResult(in.units().stream()
                        .map(u -> new UnitScore(u.orgUnitId(), new BigDecimal("1E+7"), List.of())).toList())),
                new Fakes.BrokenModule("null", in -> null));
        broken.forEach(service::bindModule);
        List<String> keys = new ArrayList<>();
        for (Fakes.BrokenModule m : broken) {
            service.pin(cityAdmin, YEAR, "broken", m.version());
            keys.add(errors(() -> service.run(assessor, YEAR)).get("module"));
        }
        assertEquals(List.of("evaluation.module.failed", "evaluation.module.badResult",
                "evaluation.module.badResult", "evaluation.module.badResult", "evaluation.module.badResult",
                "evaluation.module.badResult"), keys);
        assertEquals(0, runTables());
        assertEquals(0, TestDb.audit(store, "evaluation.run").size());

        // Nor on a re-run.
        service.pin(cityAdmin, YEAR, "sum", "1");
        EvaluationRun good = service.run(assessor, YEAR);
        long before = runTables();
        assertEquals(Map.of("module", "evaluation.module.failed"),
                errors(() -> service.rerun(assessor, good.id(), "broken", "throws")));
        assertEquals(before, runTables());
    }

    @Test
    void tiesShareARank() {
        service.bindModule(new Fakes.FixedModule("95", "95.00", "90", "80"));
        service.pin(cityAdmin, YEAR, "fixed", "1");
        EvaluationRun run = service.run(assessor, YEAR);
        List<Object> ranks = TestDb.rows(store, "SELECT RANK_NO FROM JX_EVAL_SCORE_ROW WHERE RUN_ID = ?"
                + " ORDER BY UNIT_ORDER", run.id()).stream().map(r -> r.get("RANK_NO")).toList();
        assertEquals(List.of(1, 1, 3, 4), ranks);
        assertArrayEquals(new int[] {2, 1, 2, 4}, EvaluationServiceImpl.ranks(List.of(new BigDecimal("90"),
                new BigDecimal("95"), new BigDecimal("90.0"), new BigDecimal("-1"))));
        assertArrayEquals(new int[] {}, EvaluationServiceImpl.ranks(List.of()));
    }

    // ---------------------------------------------------------------- scope

    @Test
    void aCountySeesOnlyItsOwnUnitAndCannotWrite() {
        service.enterScore(assessor, YEAR, c1.id(), ScoreKind.TEAM, new BigDecimal("60"));
        service.enterScore(assessor, YEAR, c2.id(), ScoreKind.TEAM, new BigDecimal("70"));
        EvaluationRun run = pinAndRun();

        EvaluationRun mine = service.get(c1Staff, run.id());
        assertEquals(List.of(c1.id()), unitIds(mine));
        assertEquals(List.of(c1.id()), mine.result().scores().stream().map(UnitScore::orgUnitId).toList());
        assertEquals(run.result().scores().get(0), mine.result().scores().get(0));
        assertEquals(List.of(mine), service.runs(c1Staff, YEAR));
        // Issue 11, item 5: the county's place is its place in the city, out of all the city's units.
        RankedScore last = run.ranking().get(run.ranking().size() - 1);
        assertTrue(last.rank() > 1);
        Actor lastStaff = TestDb.actor(77, "last.staff", orgUnits.find(last.orgUnitId()).orElseThrow(), Role.STAFF);
        RankedScore seen = service.get(lastStaff, run.id()).ranking().get(0);
        assertEquals(last.orgUnitId(), seen.orgUnitId());
        assertEquals(last.rank(), seen.rank(), "its place in the city, not first of the one unit it sees");
        assertEquals(run.ranking().size(), seen.of());

        assertThrows(NotFoundException.class, () -> service.get(deptUser, run.id()),
                "a unit that is not evaluated has nothing to see");
        assertEquals(List.of(), service.runs(deptUser, YEAR));
        assertThrows(NotFoundException.class, () -> service.get(c1Staff, 999_999));

        assertThrows(AccessDeniedException.class,
                () -> service.enterScore(c1Staff, YEAR, c1.id(), ScoreKind.TEAM, new BigDecimal("100")));
        assertThrows(AccessDeniedException.class,
                () -> service.proposeBonus(c1Staff, YEAR, c1.id(), BigDecimal.ONE, "self-service"));
        assertThrows(AccessDeniedException.class, () -> service.pin(c1Staff, YEAR, "sum", "1"));
        assertThrows(AccessDeniedException.class, () -> service.publish(c1Staff, run.id()));
        assertEquals(new BigDecimal("60.00"), unitOf(service.get(cityAdmin, run.id()), c1).teamScore());
    }

    // ---------------------------------------------------------------- scores

    @Test
    void scoresAreValidatedBeforeAnythingIsWritten() {
        assertEquals(Map.of("score", "evaluation.score.invalid"),
                errors(() -> service.enterScore(assessor, YEAR, c1.id(), ScoreKind.YOUTH, new BigDecimal("-1"))));
        assertEquals(Map.of("score", "evaluation.score.invalid"),
                errors(() -> service.enterScore(assessor, YEAR, c1.id(), ScoreKind.YOUTH, new BigDecimal("100.01"))));
        assertEquals(Map.of("score", "evaluation.score.invalid"),
                errors(() -> service.enterScore(assessor, YEAR, c1.id(), ScoreKind.YOUTH, new BigDecimal("1.005"))));
        assertEquals(Map.of("score", "evaluation.score.invalid", "kind", "evaluation.kind.required"),
                errors(() -> service.enterScore(assessor, YEAR, c1.id(), null, null)));
        for (long unit : new long[] {root.id(), dept.id(), c1sub.id(), 999_999}) {
            assertEquals(Map.of("orgUnitId", "evaluation.unit.invalid"),
                    errors(() -> service.enterScore(assessor, YEAR, unit, ScoreKind.TEAM, BigDecimal.TEN)));
        }
        assertEquals(Map.of("year", "evaluation.year.notOpen"),
                errors(() -> service.enterScore(assessor, 2099, c1.id(), ScoreKind.TEAM, BigDecimal.TEN)));
        assertThrows(AccessDeniedException.class,
                () -> service.enterScore(cityAdmin, YEAR, c1.id(), ScoreKind.TEAM, BigDecimal.TEN));
        assertEquals(0, TestDb.count(store, "JX_EVAL_SCORE"));
        assertEquals(0, TestDb.count(store, "JX_AUDIT") - TestDb.audit(store, "orgUnit.create").size());

        service.enterScore(assessor, YEAR, c1.id(), ScoreKind.TEAM, new BigDecimal("80"));
        service.enterScore(assessor, YEAR, c1.id(), ScoreKind.TEAM, new BigDecimal("85.50"));
        service.enterScore(assessor, YEAR, c1.id(), ScoreKind.LEADER, new BigDecimal("100.000"));
        service.enterScore(assessor, YEAR, c1.id(), ScoreKind.YOUTH, BigDecimal.ZERO);
        List<Map<String, Object>> rows = TestDb.rows(store,
                "SELECT KIND, SCORE, ENTERED_BY FROM JX_EVAL_SCORE ORDER BY KIND");
        assertEquals(3, rows.size(), "a new entry replaces the old one");
        assertEquals(List.of("LEADER", "TEAM", "YOUTH"), rows.stream().map(r -> r.get("KIND")).toList());
        assertEquals(new BigDecimal("85.50"), rows.get(1).get("SCORE"));
        assertEquals("assessor", rows.get(1).get("ENTERED_BY"));
        List<Map<String, Object>> audit = TestDb.audit(store, "evaluation.score");
        assertEquals(4, audit.size());
        assertEquals("orgUnit:" + c1.id(), audit.get(1).get("TARGET"));
        assertEquals("year=2013; kind=TEAM; score=85.50; was=80.00", audit.get(1).get("DETAIL"));
    }

    // ---------------------------------------------------------------- bonuses

    @Test
    void aBonusCountsOnlyOnceApproved() {
        service.pin(cityAdmin, YEAR, "sum", "1");
        Bonus proposed = service.proposeBonus(assessor, YEAR, c1.id(), new BigDecimal("3"), "  表彰先进  ");
        assertEquals(new BigDecimal("3.00"), proposed.points());
        assertEquals("表彰先进", proposed.reason());
        assertEquals(c1.name(), proposed.orgUnitName());
        assertNull(proposed.decidedAt());
        assertFalse(proposed.counts());
        assertEquals(BigDecimal.ZERO, unitOf(service.run(assessor, YEAR), c1).bonus(), "pending does not count");

        assertThrows(AccessDeniedException.class, () -> service.decideBonus(assessor, proposed.id(), true));
        assertThrows(AccessDeniedException.class, () -> service.decideBonus(c1Staff, proposed.id(), true));
        assertThrows(NotFoundException.class, () -> service.decideBonus(approver, 999_999, true));
        Bonus approved = service.decideBonus(approver, proposed.id(), true);
        assertTrue(approved.counts());
        assertEquals("secretary", approved.decidedBy());
        assertEquals(Map.of("bonus", "bonus.decided.already"),
                errors(() -> service.decideBonus(approver, proposed.id(), false)), "decided only once");

        Bonus rejected = service.proposeBonus(assessor, YEAR, c1.id(), new BigDecimal("2.5"), "另一项");
        service.decideBonus(approver, rejected.id(), false);
        service.proposeBonus(assessor, YEAR, c1.id(), new BigDecimal("9.99"), "待定");
        Bonus other = service.proposeBonus(assessor, YEAR, c2.id(), new BigDecimal("0.01"), "二縣");
        service.decideBonus(approver, other.id(), true);

        EvaluationRun run = service.run(assessor, YEAR);
        assertEquals(new BigDecimal("3.00"), unitOf(run, c1).bonus(), "only the approved one");
        assertEquals(new BigDecimal("0.01"), unitOf(run, c2).bonus());
        assertEquals(BigDecimal.ZERO, unitOf(run, z1).bonus());

        List<Bonus> all = service.bonuses(cityAdmin, YEAR);
        assertEquals(4, all.size());
        assertEquals(approved, all.get(0));
        assertFalse(all.get(1).counts());
        assertTrue(all.get(1).decidedAt() != null);
        assertEquals(List.of(proposed.id(), rejected.id(), all.get(2).id()),
                service.bonuses(c1Staff, YEAR).stream().map(Bonus::id).toList(), "a county sees its own");
        assertEquals(List.of(), service.bonuses(deptUser, YEAR));
        assertEquals(List.of(), service.bonuses(cityAdmin, 2012));
        assertEquals(4, TestDb.audit(store, "bonus.propose").size());
        assertEquals(3, TestDb.audit(store, "bonus.decide").size());
    }

    @Test
    void bonusProposalsAreValidatedBeforeAnythingIsWritten() {
        for (String points : new String[] {"0", "-1", "10.01", "1.234"}) {
            assertEquals(Map.of("points", "bonus.points.invalid"), errors(() -> service.proposeBonus(assessor,
                    YEAR, c1.id(), new BigDecimal(points), "why")), points);
        }
        assertEquals(Map.of("points", "bonus.points.invalid", "reason", "bonus.reason.required"),
                errors(() -> service.proposeBonus(assessor, YEAR, c1.id(), null, "   ")));
        assertEquals(Map.of("reason", "bonus.reason.tooLong"),
                errors(() -> service.proposeBonus(assessor, YEAR, c1.id(), BigDecimal.ONE, "因".repeat(501))));
        assertEquals(Map.of("orgUnitId", "evaluation.unit.invalid"),
                errors(() -> service.proposeBonus(assessor, YEAR, dept.id(), BigDecimal.ONE, "why")));
        assertEquals(Map.of("year", "evaluation.year.notOpen"),
                errors(() -> service.proposeBonus(assessor, 2099, c1.id(), BigDecimal.ONE, "why")));
        assertThrows(AccessDeniedException.class,
                () -> service.proposeBonus(approver, YEAR, c1.id(), BigDecimal.ONE, "why"));
        assertEquals(0, TestDb.count(store, "JX_BONUS"));
        assertEquals(0, TestDb.audit(store, "bonus.propose").size());

        // 500 code points fit, even where each takes two UTF-16 units.
        Bonus max = service.proposeBonus(assessor, YEAR, c1.id(), BigDecimal.TEN, "\uD83D\uDE00".repeat(500));
        assertEquals(1000, max.reason().length());
        assertEquals(max.reason(), service.bonuses(cityAdmin, YEAR).get(0).reason());
    }

    // ---------------------------------------------------------------- pins and modules

    @Test
    void onlyTheCityAdminPinsAnInstalledModule() {
        assertThrows(AccessDeniedException.class, () -> service.pin(assessor, YEAR, "sum", "1"));
        assertEquals(Map.of("module", "evaluation.module.unknown"),
                errors(() -> service.pin(cityAdmin, YEAR, "sum", "2")));
        assertEquals(Map.of("module", "evaluation.module.unknown"),
                errors(() -> service.pin(cityAdmin, YEAR, null, "1")));
        assertEquals(Map.of("year", "evaluation.year.notOpen"),
                errors(() -> service.pin(cityAdmin, 2099, "sum", "1")));
        assertEquals(0, TestDb.count(store, "JX_EVAL_PIN"));
        assertTrue(service.pinned(YEAR).isEmpty());

        ModulePin pin = service.pin(cityAdmin, YEAR, "sum", "1");
        assertEquals(new ModulePin(YEAR, "sum", "1", clock.instant(), "admin"), pin);
        assertEquals(pin, service.pinned(YEAR).orElseThrow());
        service.bindModule(v2);
        clock.advance(Duration.ofHours(1));
        ModulePin again = service.pin(cityAdmin, YEAR, "sum", "2");
        assertEquals(again, service.pinned(YEAR).orElseThrow());
        assertEquals(1, TestDb.count(store, "JX_EVAL_PIN"));
        List<Map<String, Object>> audit = TestDb.audit(store, "evaluation.pin");
        assertEquals(List.of("module=sum@1", "module=sum@2; was=sum@1"),
                audit.stream().map(r -> r.get("DETAIL")).toList());
    }

    @Test
    void modulesAreListedByIdAndVersionAndComeAndGo() {
        Fakes.BrokenModule broken = new Fakes.BrokenModule("0", in -> null);
        service.bindModule(v2);
        service.bindModule(broken);
        assertEquals(List.of(new ModuleInfo("broken", "0", "broken", ""),
                new ModuleInfo("sum", "1", "Sum 1", "completions + team + bonus, times 1"),
                new ModuleInfo("sum", "2", "Sum 2", "completions + team + bonus, times 0.5")),
                service.modules(Locale.ENGLISH), "a module failing to describe itself is still listed");
        service.unbindModule(broken);
        service.unbindModule(v1);
        assertEquals(List.of("2"), service.modules(Locale.ROOT).stream().map(ModuleInfo::version).toList());
        service.unbindModule(v1);
        assertEquals(1, service.modules(null).size());
    }

    /** Issue 11, item 8: bonuses followed neither the year's state nor the four-eyes rule. */
    @Test
    void noOneApprovesTheirOwnBonusAndAPublishedYearTakesNoBonusUntilReopened() {
        Actor both = TestDb.actor(6, "both", root, Role.ASSESSOR, Role.BONUS_APPROVER);
        Bonus own = service.proposeBonus(both, YEAR, c1.id(), BigDecimal.ONE, "自荐");
        assertEquals(Map.of("bonus", "bonus.decide.own"), errors(() -> service.decideBonus(both, own.id(), true)));
        assertEquals(0, TestDb.audit(store, "bonus.decide").size());
        Bonus pending = service.proposeBonus(assessor, YEAR, c1.id(), BigDecimal.ONE, "待批");

        cycle.steps.put(YEAR, Step.PUBLISHED);
        assertEquals(Map.of("year", "evaluation.year.published"),
                errors(() -> service.proposeBonus(assessor, YEAR, c1.id(), BigDecimal.ONE, "公布后")));
        assertEquals(Map.of("year", "evaluation.year.published"),
                errors(() -> service.decideBonus(approver, pending.id(), true)));
        assertEquals(2, TestDb.count(store, "JX_BONUS"));

        cycle.reopen(cityAdmin, YEAR, Step.COMPREHENSIVE_EVALUATION, "a complaint");
        assertTrue(service.decideBonus(both, pending.id(), true).approved(), "another's proposal, year re-opened");
    }

    // ---------------------------------------------------------------- publishing

    @Test
    void publishingNeedsTheRightStepAdvancesTheYearAndHappensOnce() {
        EvaluationRun first = pinAndRun();
        EvaluationRun second = service.run(assessor, YEAR);
        assertTrue(service.published(cityAdmin, YEAR).isEmpty());

        assertThrows(AccessDeniedException.class, () -> service.publish(assessor, first.id()));
        assertThrows(NotFoundException.class, () -> service.publish(cityAdmin, 999_999));
        cycle.steps.put(YEAR, Step.LEADER_EVALUATION);
        assertEquals(Map.of("year", "evaluation.step.wrong"), errors(() -> service.publish(cityAdmin, first.id())));
        assertEquals(0, TestDb.audit(store, "evaluation.publish").size());

        cycle.steps.put(YEAR, Step.COMPREHENSIVE_EVALUATION);
        EvaluationRun published = service.publish(cityAdmin, first.id());
        assertTrue(published.published());
        assertEquals(Step.PUBLISHED, cycle.steps.get(YEAR), "the year moves on");
        assertEquals(1, cycle.advances.get());
        assertEquals(published, service.published(cityAdmin, YEAR).orElseThrow());
        assertEquals(List.of(c1.id()), unitIds(service.published(c1Staff, YEAR).orElseThrow()));
        assertTrue(service.published(deptUser, YEAR).isEmpty());
        assertEquals(1, TestDb.audit(store, "evaluation.publish").size());
        assertEquals(Map.of("year", "evaluation.step.wrong"), errors(() -> service.run(assessor, YEAR)),
                "no new runs once published");
        assertEquals(Map.of("year", "evaluation.year.published"), errors(() -> service.enterScore(assessor, YEAR,
                c1.id(), ScoreKind.YOUTH, BigDecimal.TEN)), "no scores change once published");

        assertEquals(Map.of("year", "evaluation.step.wrong"), errors(() -> service.publish(cityAdmin, second.id())),
                "a published year takes no second publication");
        cycle.reopen(cityAdmin, YEAR, Step.COMPREHENSIVE_EVALUATION, "a complaint");
        assertEquals(Map.of("run", "evaluation.published.already"),
                errors(() -> service.publish(cityAdmin, first.id())), "the published run is published already");
        // After an admin re-opened the year, publishing another run supersedes the first, audited.
        EvaluationRun superseding = service.publish(cityAdmin, second.id());
        assertTrue(superseding.published());
        assertFalse(service.get(cityAdmin, first.id()).published());
        assertEquals(2, cycle.advances.get());
        assertEquals(1, TestDb.rows(store, "SELECT PUBLISHED FROM JX_EVAL_RUN WHERE PUBLISHED = TRUE").size(),
                "one published run per year");
        assertEquals(second.id(), service.published(cityAdmin, YEAR).orElseThrow().id());
        assertEquals(1, TestDb.audit(store, "evaluation.unpublish").size());
    }

    @Test
    void aPublicationTheYearCannotFollowIsTakenBack() {
        EvaluationRun run = pinAndRun();
        cycle.failAdvance = new IllegalStateException("the cycle's database is away");
        assertThrows(IllegalStateException.class, () -> service.publish(cityAdmin, run.id()));
        assertFalse(service.get(cityAdmin, run.id()).published());
        assertTrue(service.published(cityAdmin, YEAR).isEmpty());
        assertEquals(Step.COMPREHENSIVE_EVALUATION, cycle.steps.get(YEAR));
        assertEquals(1, TestDb.audit(store, "evaluation.unpublish").size());

        cycle.failAdvance = null;
        assertSame(true, service.publish(cityAdmin, run.id()).published());
    }
}
