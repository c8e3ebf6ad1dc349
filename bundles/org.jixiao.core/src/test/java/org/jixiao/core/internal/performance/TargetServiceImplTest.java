package org.jixiao.core.internal.performance;

import static org.jixiao.core.internal.testing.CityTest.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.core.internal.testing.RecordingOutbox;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.performance.IndicatorRef;
import org.jixiao.api.performance.Step;
import org.jixiao.api.performance.Target;
import org.jixiao.api.performance.TargetChange;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.performance.TargetRule;
import org.jixiao.api.performance.TargetTable;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.ProjectState;
import org.jixiao.core.internal.schema.TestDb;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TargetServiceImplTest {

    private static final IndicatorRef TRAINED = new IndicatorRef(DemoProject.ID, DemoProject.TRAINED);
    private static final IndicatorRef GROWTH = new IndicatorRef(DemoProject.ID, DemoProject.GROWTH);

    @AutoClose
    private final PerfFixture f = new PerfFixture();
    private final TargetServiceImpl targets = f.targets;

    @BeforeEach
    void open() {
        f.cycle.open(f.cityAdmin, 2013);
    }

    private static TargetRule absolute(String value) {
        return new TargetRule(TargetKind.ABSOLUTE, Comparison.AT_LEAST, new BigDecimal(value));
    }

    private static TargetRule growth(String value) {
        return new TargetRule(TargetKind.BASELINE_RELATIVE, Comparison.AT_LEAST, new BigDecimal(value));
    }

    private Target row(TargetTable table, IndicatorRef ref) {
        return table.targets().stream().filter(t -> t.indicator().equals(ref)).findFirst().orElseThrow();
    }

    private void assertNothingWritten() {
        assertEquals(0, f.count("JX_TARGET"));
        assertEquals(0, f.count("JX_TARGET_CHANGE"));
        assertEquals(0, TestDb.audit(f.store, "target.set").size());
    }

    @Test
    void setsAndTheApprovalGoToTheOutboxInTheirTransactionAndACountyNodeMakesNone() {
        RecordingOutbox outbox = new RecordingOutbox();
        targets.setOutbox(outbox);
        targets.set(f.setter, 2013, f.c1.id(), TRAINED, absolute("250"), null);
        targets.approve(f.approver, 2013);
        assertEquals(List.of("JX_TARGET INDICATOR_ID=" + DemoProject.TRAINED + ",ORG_UNIT_ID=" + f.c1.id()
                + ",PERF_YEAR=2013,PROJECT_ID=" + DemoProject.ID, "JX_TARGET_APPROVAL PERF_YEAR=2013"), outbox.rows());

        targets.setOutbox(new RecordingOutbox(java.util.Set.of("JX_TARGET", "JX_TARGET_APPROVAL")));
        assertEquals(Map.of("year", "federation.cityOwned"), errors(() -> targets.set(f.approver, 2013, f.c1.id(),
                TRAINED, absolute("300"), "调整")));
        assertEquals(1, TestDb.audit(f.store, "target.set").size());
        assertEquals(1, f.count("JX_TARGET_CHANGE"));
    }

    @Test
    void aTableListsEveryIndicatorOfTheActiveProjectsWithItsPolicyDefault() {
        f.project.actual(2012, f.c1.id(), DemoProject.GROWTH, "50");
        TargetTable table = targets.table(f.setter, 2013, f.c1.id());
        assertEquals(2013, table.year());
        assertEquals(f.c1.id(), table.orgUnitId());
        assertEquals("一县团委", table.orgUnitName());
        assertFalse(table.locked());
        assertNull(table.approvedBy());
        assertEquals(List.of(TRAINED, GROWTH), table.targets().stream().map(Target::indicator).toList(),
                "declaration order");

        Target trained = table.targets().get(0);
        assertEquals("培训青年", trained.indicatorName());
        assertEquals("人", trained.unit());
        assertEquals("附件2 第1项", trained.clause());
        assertEquals(absolute("200"), trained.policyDefault());
        assertEquals(trained.policyDefault(), trained.rule());
        assertFalse(trained.set());
        assertNull(trained.baseline());
        assertNull(trained.updatedAt());
        assertEquals(new BigDecimal("200"), trained.resolved());

        Target growth = table.targets().get(1);
        assertEquals(growth("10"), growth.rule());
        assertEquals(new BigDecimal("50"), growth.baseline(), "last year's actual of the unit");
        assertEquals(0, new BigDecimal("55").compareTo(growth.resolved()));

        // Every evaluated level has a table; a county user reads their own.
        assertEquals(2, targets.table(f.setter, 2013, f.zone.id()).targets().size());
        assertEquals(2, targets.table(f.setter, 2013, f.cityUnit.id()).targets().size());
        assertEquals(2, targets.table(f.c1Viewer, 2013, f.c1.id()).targets().size());
    }

    @Test
    void onlyActiveProjectsCountAndABrokenOneIsLeftOut() {
        DemoProject broken = new DemoProject("broken");
        broken.indicatorsFailing = true;
        f.registry.add(broken, ProjectState.ACTIVE);
        f.registry.add(new DemoProject("waiting"), ProjectState.WAITING);
        f.registry.add(new DemoProject("another"), ProjectState.ACTIVE);
        TargetTable table = targets.table(f.setter, 2013, f.c1.id());
        assertEquals(List.of("another:trained", "another:growth", "demo:trained", "demo:growth"),
                table.targets().stream().map(t -> t.indicator().key()).toList(), "by project id, broken one skipped");
        for (String project : List.of("waiting", "broken")) {
            assertEquals(Map.of("indicator", "target.indicator.unknown"),
                    errors(() -> targets.set(f.setter, 2013, f.c1.id(), new IndicatorRef(project, "trained"),
                            absolute("1"), null)), project);
        }
    }

    @Test
    void aCityTargetSetterSetsTargetsDuringTheWindow() {
        Target t = targets.set(f.setter, 2013, f.c1.id(), TRAINED, absolute("250"), null);
        assertTrue(t.set());
        assertEquals(absolute("250"), t.rule());
        assertEquals(absolute("200"), t.policyDefault());
        assertEquals("setter", t.updatedBy());
        assertEquals(f.clock.instant(), t.updatedAt());
        assertEquals("培训青年", t.indicatorName());

        TargetTable table = targets.table(f.c1Viewer, 2013, f.c1.id());
        assertEquals(t, row(table, TRAINED));
        assertFalse(row(table, GROWTH).set());
        assertEquals(absolute("200"), targets.table(f.setter, 2013, f.c2.id()).targets().get(0).rule(),
                "other units keep the default");

        f.clock.advance(Duration.ofHours(1));
        Target again = targets.set(f.setter, 2013, f.c1.id(), TRAINED,
                new TargetRule(TargetKind.ABSOLUTE, Comparison.MORE_THAN, new BigDecimal("260.5000")), " 调整 ");
        assertEquals(new TargetRule(TargetKind.ABSOLUTE, Comparison.MORE_THAN, new BigDecimal("260.5")), again.rule());

        assertEquals(1, f.count("JX_TARGET"), "an upsert, not a second row");
        assertEquals(2, f.count("JX_TARGET_CHANGE"));
        List<Map<String, Object>> audit = TestDb.audit(f.store, "target.set");
        assertEquals(2, audit.size());
        assertEquals("target:2013:" + f.c1.id() + ":demo:trained", audit.get(0).get("TARGET"));
        assertEquals("before=default; after=ABSOLUTE ≥ 250", audit.get(0).get("DETAIL"));
        assertEquals("before=ABSOLUTE ≥ 250; after=ABSOLUTE > 260.5; reason=调整", audit.get(1).get("DETAIL"));

        List<TargetChange> history = targets.history(f.c1Viewer, 2013, f.c1.id(), TRAINED);
        assertEquals(2, history.size());
        assertEquals(absolute("250"), history.get(0).before(), "newest first");
        assertEquals("调整", history.get(0).reason());
        assertNull(history.get(1).before(), "the first change was from the policy default");
        assertNull(history.get(1).reason());
        assertEquals(absolute("250"), history.get(1).after());
        assertEquals("setter", history.get(1).by());
    }

    @Test
    void anApproverOfTheCityMaySetBeforeApprovalToo() {
        targets.set(f.approver, 2013, f.zone.id(), TRAINED, absolute("100"), null);
        assertEquals(absolute("100"), row(targets.table(f.approver, 2013, f.zone.id()), TRAINED).rule());
    }

    @Test
    void onlyCityTargetSettersAndApproversMaySet() {
        for (Actor a : new Actor[] {f.c1Setter, f.c1Approver, f.c1Admin, f.cityAdmin, f.cityStaff, null}) {
            assertThrows(AccessDeniedException.class,
                    () -> targets.set(a, 2013, f.c1.id(), TRAINED, absolute("300"), "x"));
        }
        assertNothingWritten();
    }

    @Test
    void unitsOutOfScopeOrNotEvaluatedAreNotFound() {
        assertThrows(NotFoundException.class, () -> targets.table(f.c1Viewer, 2013, f.c2.id()));
        assertThrows(NotFoundException.class, () -> targets.history(f.c1Viewer, 2013, f.c2.id(), TRAINED));
        assertThrows(NotFoundException.class, () -> targets.table(f.setter, 2013, f.root.id()));
        assertThrows(NotFoundException.class, () -> targets.table(f.setter, 2013, f.dept.id()));
        assertThrows(NotFoundException.class, () -> targets.table(f.setter, 2013, 999_999));
        assertThrows(NotFoundException.class,
                () -> targets.set(f.setter, 2013, f.root.id(), TRAINED, absolute("300"), null));
        assertThrows(NotFoundException.class,
                () -> targets.set(f.setter, 2013, f.dept.id(), TRAINED, absolute("300"), null));
        assertThrows(NotFoundException.class,
                () -> targets.set(f.setter, 2013, 999_999, TRAINED, absolute("300"), null));
        assertThrows(NotFoundException.class, () -> targets.table(f.setter, 2014, f.c1.id()), "year not open");
        assertThrows(NotFoundException.class, () -> targets.history(f.setter, 2014, f.c1.id(), TRAINED));
        assertNothingWritten();
    }

    @Test
    void settingIsRefusedOutsideTheTargetSettingWindowAndStep() {
        f.clock.advance(Duration.ofDays(59)); // 2013-04-01
        assertEquals(Map.of("year", "lock.windowClosed"),
                errors(() -> targets.set(f.setter, 2013, f.c1.id(), TRAINED, absolute("300"), null)));
        assertEquals(Map.of("year", "lock.yearNotOpen"),
                errors(() -> targets.set(f.setter, 2014, f.c1.id(), TRAINED, absolute("300"), null)));
        assertNothingWritten();

        // The city admin extends the window: setting works again, until the year moves on.
        f.cycle.setWindow(f.cityAdmin, 2013, Step.TARGET_SETTING, LocalDate.of(2013, 1, 1), LocalDate.of(2013, 4, 15));
        targets.set(f.setter, 2013, f.c1.id(), TRAINED, absolute("300"), null);
        f.cycle.advance(f.cityAdmin, 2013, "no targets in this test");
        assertEquals(Map.of("year", "lock.otherStep"),
                errors(() -> targets.set(f.setter, 2013, f.c1.id(), TRAINED, absolute("310"), null)));
        assertEquals(1, f.count("JX_TARGET_CHANGE"));
    }

    @Test
    void badValuesAreRefusedAndWriteNothing() {
        assertEquals(Map.of("value", "target.value.invalid"),
                errors(() -> targets.set(f.setter, 2013, f.c1.id(), TRAINED, absolute("-1"), null)));
        assertEquals(Map.of("value", "target.value.invalid"),
                errors(() -> targets.set(f.setter, 2013, f.c1.id(), TRAINED, absolute("1000000000000.0001"), null)));
        assertEquals(Map.of("value", "target.value.invalid"),
                errors(() -> targets.set(f.setter, 2013, f.c1.id(), TRAINED, absolute("1.23456"), null)));
        assertEquals(Map.of("value", "target.value.invalid"),
                errors(() -> targets.set(f.setter, 2013, f.c1.id(), TRAINED, null, null)));
        assertEquals(Map.of("value", "target.value.percent", "kind", "target.kind.mismatch"),
                errors(() -> targets.set(f.setter, 2013, f.c1.id(), TRAINED,
                        new TargetRule(TargetKind.RATE, Comparison.AT_LEAST, new BigDecimal("100.5")), null)));
        assertEquals(Map.of("kind", "target.kind.mismatch"),
                errors(() -> targets.set(f.setter, 2013, f.c1.id(), GROWTH, absolute("10"), null)));
        // An indicator the project does not declare, one of a project that is not there, and none.
        for (IndicatorRef unknown : Arrays.asList(new IndicatorRef("demo", "nope"), new IndicatorRef("gone", "trained"),
                null)) {
            assertEquals(Map.of("indicator", "target.indicator.unknown"),
                    errors(() -> targets.set(f.setter, 2013, f.c1.id(), unknown, absolute("10"), null)), "" + unknown);
        }
        assertEquals(Map.of("reason", "target.reason.tooLong"),
                errors(() -> targets.set(f.setter, 2013, f.c1.id(), TRAINED, absolute("10"), "x".repeat(501))));
        assertNothingWritten();

        // The edges are accepted.
        targets.set(f.setter, 2013, f.c1.id(), TRAINED, absolute("1000000000000"), null);
        targets.set(f.setter, 2013, f.c1.id(), TRAINED, absolute("0"), null);
        assertEquals(absolute("1.2345"), targets.set(f.setter, 2013, f.c1.id(), TRAINED, absolute("1.23450"), null)
                .rule());
        assertEquals(3, f.count("JX_TARGET_CHANGE"));
    }

    @Test
    void approvalLocksTheTargetsForTheWholeYear() {
        targets.set(f.setter, 2013, f.c1.id(), TRAINED, absolute("250"), null);
        f.clock.advance(Duration.ofDays(1));
        targets.approve(f.approver, 2013);

        TargetTable table = targets.table(f.c1Viewer, 2013, f.c1.id());
        assertTrue(table.locked());
        assertEquals(f.clock.instant(), table.approvedAt());
        assertEquals("approver", table.approvedBy());
        TestDb.auditedOnce(f.store, "target.approve", "year:2013");

        assertEquals(Map.of("year", "target.approved.already"), errors(() -> targets.approve(f.approver, 2013)));
        assertThrows(AccessDeniedException.class,
                () -> targets.set(f.setter, 2013, f.c1.id(), TRAINED, absolute("260"), "please"));
        assertEquals(Map.of("reason", "target.reason.required"),
                errors(() -> targets.set(f.approver, 2013, f.c1.id(), TRAINED, absolute("260"), "  ")));
        assertEquals(1, f.count("JX_TARGET_CHANGE"));

        // Later in the year, outside the window and at another step, an approver still corrects with a reason.
        f.cycle.advance(f.cityAdmin, 2013, "no targets in this test");
        f.clock.advance(Duration.ofDays(120));
        Target t = targets.set(f.approver, 2013, f.c1.id(), TRAINED, absolute("240"), "县委调整任务");
        assertEquals(absolute("240"), t.rule());
        assertEquals("approver", t.updatedBy());

        List<TargetChange> history = targets.history(f.setter, 2013, f.c1.id(), TRAINED);
        assertEquals(2, history.size());
        assertEquals(new TargetChange(f.clock.instant(), "approver", absolute("250"), absolute("240"), "县委调整任务"),
                history.get(0));
        assertEquals(List.of(Map.of("BEFORE_VALUE", new BigDecimal("250.0000"), "REASON", "县委调整任务")),
                TestDb.rows(f.store, "SELECT BEFORE_VALUE, REASON FROM JX_TARGET_CHANGE WHERE AFTER_VALUE = 240"));
    }

    @Test
    void approvalNeedsACityApproverAndTheTargetSettingStep() {
        for (Actor a : new Actor[] {f.setter, f.cityAdmin, f.c1Approver, null}) {
            assertThrows(AccessDeniedException.class, () -> targets.approve(a, 2013));
        }
        assertThrows(NotFoundException.class, () -> targets.approve(f.approver, 2014));
        f.cycle.advance(f.cityAdmin, 2013, "no targets in this test");
        assertEquals(Map.of("year", "target.approve.step"), errors(() -> targets.approve(f.approver, 2013)));
        assertEquals(0, f.count("JX_TARGET_APPROVAL"));
        assertEquals(0, TestDb.audit(f.store, "target.approve").size());
    }

    @Test
    void aBaselineRelativeTargetResolvesFromLastYearsActual() {
        f.project.actual(2012, f.c1.id(), DemoProject.GROWTH, "80");
        f.project.actual(2013, f.c1.id(), DemoProject.GROWTH, "999"); // this year's figure is not the baseline
        Target t = targets.set(f.setter, 2013, f.c1.id(), GROWTH, growth("25"), null);
        assertEquals(new BigDecimal("80"), t.baseline());
        assertEquals(0, new BigDecimal("100").compareTo(t.resolved()));

        Target c2 = row(targets.table(f.setter, 2013, f.c2.id()), GROWTH);
        assertNull(c2.baseline(), "no figure last year: no baseline");
        assertNull(c2.resolved(), "cannot be judged");

        int calls = f.project.actualsCalls;
        targets.table(f.setter, 2013, f.c1.id());
        assertEquals(calls + 1, f.project.actualsCalls, "one call per project and table");
    }

    @Test
    void onceLastYearIsPublishedItsApprovedActualIsTheBaseline() {
        f.project.actual(2012, f.c1.id(), DemoProject.GROWTH, "80");
        // 2012's published run scored 70 for c1 (records changed since); c2 was not in it.
        String input = "{\"year\":2012,\"units\":[{\"orgUnitId\":" + f.c1.id() + ",\"orgUnitName\":\"c1\","
                + "\"indicators\":[{\"indicator\":\"" + DemoProject.ID + ":" + DemoProject.GROWTH + "\","
                + "\"name\":\"g\",\"actual\":70,\"met\":true}],\"milestonesDue\":0,\"milestonesOnTime\":0,"
                + "\"selfAssessmentAccepted\":false}]}";
        f.store.inTransaction(c -> {
            try (java.sql.Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO JX_EVAL_RUN (ID, PERF_YEAR, MODULE_ID, MODULE_VERSION, RUN_AT, RUN_BY,"
                        + " PUBLISHED) VALUES (900, 2012, 'standard', '1.0', CURRENT_TIMESTAMP, 'admin', TRUE)");
            }
            try (java.sql.PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO JX_EVAL_DOC (RUN_ID, DOC, PIECE, BODY) VALUES (900, 'INPUT', 0, ?)")) {
                ps.setString(1, input);
                ps.executeUpdate();
            }
            return null;
        });
        Target t = targets.set(f.setter, 2013, f.c1.id(), GROWTH, growth("10"), null);
        assertEquals(0, new BigDecimal("70").compareTo(t.baseline()), "the approved actual, not the live 80");
        assertEquals(0, new BigDecimal("77").compareTo(t.resolved()));
        f.project.actual(2012, f.c2.id(), DemoProject.GROWTH, "40");
        assertEquals(0, new BigDecimal("40").compareTo(row(targets.table(f.setter, 2013, f.c2.id()), GROWTH)
                .baseline()), "not in last year's run: the live figure stands in");
    }
}
