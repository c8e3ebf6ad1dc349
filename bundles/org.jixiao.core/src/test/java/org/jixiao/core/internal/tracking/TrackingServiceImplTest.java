package org.jixiao.core.internal.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jixiao.core.internal.testing.RecordingOutbox;
import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.Role;
import org.jixiao.api.performance.MonthlyProgress;
import org.jixiao.api.performance.ProcedureNote;
import org.jixiao.api.performance.Problem;
import org.jixiao.api.performance.Problem.State;
import org.jixiao.api.project.ProjectState;
import org.jixiao.core.internal.performance.PerformanceCycleImpl;
import org.jixiao.core.internal.performance.TargetServiceImpl;
import org.jixiao.core.internal.schema.TestDb;
import org.jixiao.core.internal.testing.CityTest;
import org.jixiao.core.internal.testing.FakeRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrackingServiceImplTest extends CityTest {

    static final int YEAR = 2013;

    // Today is 20 March 2013 (the clock's zone is UTC).
    private final TestDb.MutableClock clock = new TestDb.MutableClock(Instant.parse("2013-03-20T02:00:00Z"));
    private OrgUnit c1;
    private OrgUnit c1sub;
    private OrgUnit c2;
    private Actor assessor;
    private Actor setter;
    private Actor cityViewer;
    private Actor c1Staff;
    private Actor c1Viewer;
    private Actor c2Staff;
    private final TestProject project = new TestProject();
    private final FakeRegistry registry = new FakeRegistry().add(project, ProjectState.ACTIVE);
    private TrackingServiceImpl service;

    @BeforeEach
    void open() {
        c1 = unit(root, "c1", OrgLevel.COUNTY);
        c2 = unit(root, "c2", OrgLevel.COUNTY);
        c1sub = unit(c1, "c1-x", OrgLevel.DEPARTMENT);
        assessor = TestDb.actor(2, "assessor", root, Role.ASSESSOR);
        setter = TestDb.actor(3, "setter", root, Role.TARGET_SETTER);
        cityViewer = TestDb.actor(4, "city.viewer", root, Role.VIEWER);
        c1Staff = TestDb.actor(10, "c1.staff", c1, Role.STAFF);
        c1Viewer = TestDb.actor(12, "c1.viewer", c1, Role.VIEWER);
        c2Staff = TestDb.actor(20, "c2.staff", c2, Role.STAFF, Role.ADMIN, Role.ASSESSOR);

        PerformanceCycleImpl cycle = new PerformanceCycleImpl(store, schema);
        cycle.open(cityAdmin, YEAR);
        TargetServiceImpl targets = new TargetServiceImpl(store, schema, registry, orgUnits, cycle);
        service = new TrackingServiceImpl(store, orgUnits, cycle, targets, registry, clock);
    }

    private long audits(String action) {
        return TestDb.audit(store, action).size();
    }

    private Problem recordC1() {
        return service.record(assessor, YEAR, c1.id(), TestProject.ID, "培训台账不全", "三月抽查发现台账缺页",
                "c1 团委 张三", LocalDate.of(2013, 4, 30));
    }

    @Test
    void aProblemGoesFromRecordedToClosedAndEveryStepIsAudited() {
        RecordingOutbox outbox = new RecordingOutbox();
        service.setOutbox(outbox);
        Problem p = recordC1();
        assertEquals(State.OPEN, p.state());
        assertEquals("c1 团委", p.orgUnitName());
        assertEquals("assessor", p.recordedBy());
        assertEquals(TestProject.ID, p.projectId());
        assertEquals(1, audits("problem.record"));

        Problem analysed = service.update(c1Staff, p.id(), "专人离岗", null, "李四", LocalDate.of(2013, 5, 15));
        assertEquals(State.OPEN, analysed.state(), "no measure yet");
        assertEquals("李四", analysed.owner());
        Problem acting = service.update(c1Staff, p.id(), "专人离岗", "补录台账并指定 AB 岗", "李四",
                LocalDate.of(2013, 5, 15));
        assertEquals(State.RECTIFYING, acting.state());
        assertEquals("补录台账并指定 AB 岗", acting.measure());
        assertEquals(2, audits("problem.update"));
        // On a county node each write hands the problem to the outbox for the city, in its own transaction.
        assertEquals(java.util.Collections.nCopies(3, "JX_PROBLEM ID=" + p.id()), outbox.rows());

        assertEquals(Map.of("state", "problem.state.notRectified"), errors(() -> service.close(assessor, p.id())));
        Problem done = service.rectified(c1Staff, p.id(), "  https://example.org/ledger \r\n ");
        assertEquals(State.RECTIFIED, done.state());
        assertEquals("https://example.org/ledger", done.rectificationEvidence());
        assertEquals(Map.of("state", "problem.state.notPending"),
                errors(() -> service.update(c1Staff, p.id(), "x", "y", null, null)));

        assertThrows(AccessDeniedException.class, () -> service.close(c1Staff, p.id()), "the unit cannot close");
        assertThrows(AccessDeniedException.class, () -> service.close(setter, p.id()), "nor a target setter");
        Problem closed = service.close(assessor, p.id());
        assertEquals(State.CLOSED, closed.state());
        assertEquals("assessor", closed.closedBy());
        assertNotNull(closed.closedAt());

        assertEquals(Map.of("reason", "problem.reason.required"),
                errors(() -> service.reopen(cityAdmin, p.id(), "  ")));
        Problem reopened = service.reopen(cityAdmin, p.id(), "复查仍有缺页");
        assertEquals(State.RECTIFYING, reopened.state());
        assertEquals("复查仍有缺页", reopened.reopenReason());
        assertNull(reopened.closedAt());
        assertEquals(Map.of("state", "problem.state.pending"),
                errors(() -> service.reopen(cityAdmin, p.id(), "again")));
        for (String action : List.of("problem.rectified", "problem.close", "problem.reopen")) {
            assertEquals(1, audits(action), action);
        }
        String detail = (String) TestDb.audit(store, "problem.reopen").get(0).get("DETAIL");
        assertFalse(detail.contains("复查"), "the audit keeps the size of free text only: " + detail);
    }

    @Test
    void aCountySeesAndTouchesOnlyItsOwnProblems() {
        Problem p = recordC1();
        Problem other = service.record(c2Staff, YEAR, c2.id(), null, "会议记录缺失", "未留存会议记录", null, null);
        assertEquals(List.of(p.id()), service.problems(c1Staff, YEAR, null).stream().map(Problem::id).toList());
        assertEquals(2, service.problems(cityViewer, YEAR, null).size(), "the city sees all");
        assertThrows(NotFoundException.class, () -> service.problems(c1Staff, YEAR, c2.id()));
        assertThrows(NotFoundException.class, () -> service.update(c1Staff, other.id(), "a", "m", null, null));
        assertThrows(NotFoundException.class, () -> service.rectified(c1Staff, other.id(), "done"));
        assertThrows(NotFoundException.class, () -> service.record(c1Staff, YEAR, c2.id(), null, "t", "d", null,
                null));
        // An admin and assessor of a county is not the city, and does not even see the other county's problem.
        assertThrows(AccessDeniedException.class, () -> service.close(c2Staff, p.id()));
        assertThrows(NotFoundException.class, () -> service.update(c2Staff, p.id(), "a", "m", null, null));
        assertThrows(NotFoundException.class, () -> service.update(c1Staff, 9999, "a", "m", null, null));
        assertThrows(NotFoundException.class, () -> service.problems(cityAdmin, YEAR, c1sub.id()),
                "not an evaluated unit");
        assertThrows(NotFoundException.class, () -> service.problems(cityAdmin, YEAR + 1, null), "year not open");
        assertEquals(0, audits("problem.update"));
    }

    @Test
    void viewersCannotWrite() {
        Problem p = recordC1();
        assertThrows(AccessDeniedException.class, () -> service.record(c1Viewer, YEAR, c1.id(), null, "t", "d",
                null, null));
        assertThrows(AccessDeniedException.class, () -> service.record(cityViewer, YEAR, c1.id(), null, "t", "d",
                null, null));
        assertThrows(AccessDeniedException.class, () -> service.update(c1Viewer, p.id(), "a", "m", null, null));
        assertThrows(AccessDeniedException.class, () -> service.rectified(cityViewer, p.id(), "e"));
        assertThrows(AccessDeniedException.class, () -> service.reviseProcedure(cityViewer, TestProject.ID, "t",
                "r", null));
        assertEquals(1, service.problems(c1Viewer, YEAR, c1.id()).size(), "a viewer reads");
        // Any city role but VIEWER may record: a target setter does.
        assertEquals(State.OPEN, service.record(setter, YEAR, c1.id(), null, "t", "d", null, null).state());
    }

    @Test
    void invalidInputWritesNothing() {
        long before = TestDb.count(store, "JX_PROBLEM");
        Map<String, String> e = errors(() -> service.record(assessor, YEAR, c1.id(), "nosuch", " ", null,
                "x".repeat(101), LocalDate.of(2012, 12, 31)));
        assertEquals(Map.of("projectId", "problem.project.unknown", "title", "problem.title.required",
                "description", "problem.description.required", "owner", "problem.owner.tooLong",
                "dueOn", "problem.dueOn.range"), e);
        assertEquals("problem.title.tooLong", errors(() -> service.record(assessor, YEAR, c1.id(), null,
                "t".repeat(201), "d", null, null)).get("title"));
        assertEquals(before, TestDb.count(store, "JX_PROBLEM"));
        Problem p = recordC1();
        assertEquals(Map.of("measure", "problem.text.tooLong"),
                errors(() -> service.update(c1Staff, p.id(), null, "m".repeat(2001), null, null)));
        assertEquals(Map.of("evidence", "problem.evidence.required"),
                errors(() -> service.rectified(c1Staff, p.id(), null)));
        assertEquals(State.OPEN, service.problems(cityAdmin, YEAR, c1.id()).get(0).state());
        assertEquals(0, audits("problem.update") + audits("problem.rectified"));
        Map<String, String> pe = errors(() -> service.reviseProcedure(cityAdmin, "nosuch", "", null, 9999L));
        assertEquals(Map.of("projectId", "procedure.project.unknown", "text", "procedure.text.required",
                "reason", "procedure.reason.required", "problemId", "procedure.problem.unknown"), pe);
        assertEquals(0, TestDb.count(store, "JX_PROCEDURE_NOTE"));
        assertEquals(0, audits("procedure.revise"));
    }

    @Test
    void pendingProblemsPastTheirDayAreOverdue() {
        Problem p = recordC1();
        assertFalse(p.overdue(LocalDate.of(2013, 4, 30)));
        assertTrue(p.overdue(LocalDate.of(2013, 5, 1)));
        Problem noDay = service.record(assessor, YEAR, c1.id(), null, "t", "d", null, null);
        assertFalse(noDay.overdue(LocalDate.of(2014, 1, 1)));
        Problem done = service.rectified(c1Staff, p.id(), "done");
        assertFalse(done.overdue(LocalDate.of(2013, 5, 1)), "rectified is not overdue");
        assertFalse(service.close(assessor, p.id()).overdue(LocalDate.of(2013, 5, 1)));
        assertEquals(List.of(noDay.id(), p.id()), service.problems(cityAdmin, YEAR, null).stream()
                .map(Problem::id).toList(), "pending first");
    }

    @Test
    void procedureVersionsCountUp() {
        assertEquals(List.of(), service.procedure(TestProject.ID));
        Problem p = recordC1();
        ProcedureNote v1 = service.reviseProcedure(setter, TestProject.ID, "1. 建台账\n2. 每月核对", "首次成文", null);
        assertEquals(1, v1.version());
        ProcedureNote v2 = service.reviseProcedure(cityAdmin, TestProject.ID, "1. 建台账\n2. 每周核对",
                "台账缺页问题", p.id());
        assertEquals(2, v2.version());
        assertEquals(p.id(), v2.problemId());
        List<ProcedureNote> all = service.procedure(TestProject.ID);
        assertEquals(List.of(2, 1), all.stream().map(ProcedureNote::version).toList());
        assertNull(all.get(1).problemId());
        assertEquals("setter", all.get(1).by());
        assertEquals(2, audits("procedure.revise"));
        assertThrows(AccessDeniedException.class, () -> service.reviseProcedure(assessor, TestProject.ID, "t", "r",
                null), "an assessor does not revise procedures");
        assertThrows(AccessDeniedException.class, () -> service.reviseProcedure(c2Staff, TestProject.ID, "t", "r",
                null), "nor a county admin");
        registry.add(project, ProjectState.STOPPED);
        assertEquals("procedure.project.unknown", errors(() -> service.reviseProcedure(cityAdmin, TestProject.ID,
                "t", "r", null)).get("projectId"), "the project must be active");
        assertEquals(2, service.procedure(TestProject.ID).size(), "versions stay readable");
    }

    @Test
    void monthlyProgressComesFromTheProjectsMonthEndActuals() {
        project.actualAsOf(LocalDate.of(2013, 1, 31), c1.id(), TestProject.TRAINED, "40");
        project.actualAsOf(LocalDate.of(2013, 1, 31), c1sub.id(), TestProject.TRAINED, "10");
        project.actualAsOf(LocalDate.of(2013, 1, 31), c2.id(), TestProject.TRAINED, "999");
        // February unknown (the project answers nothing); March as of today, the 20th.
        project.actualAsOf(LocalDate.of(2013, 3, 20), c1.id(), TestProject.TRAINED, "250");
        project.actualAsOf(LocalDate.of(2013, 3, 20), c1.id(), TestProject.LOANS, "100");

        List<MonthlyProgress> rows = service.progress(c1Staff, YEAR, c1.id());
        assertEquals(List.of(TestProject.TRAINED, TestProject.LOANS),
                rows.stream().map(r -> r.indicator().indicatorId()).toList());
        MonthlyProgress trained = rows.get(0);
        assertEquals(0, new BigDecimal("200").compareTo(trained.target()));
        assertEquals(Arrays.asList(new BigDecimal("50"), null, new BigDecimal("250"), null, null, null, null, null,
                null, null, null, null), trained.monthEnd(), "the unit and what lies below it, not c2");
        assertEquals(new BigDecimal("25.00"), trained.completion().get(0));
        assertEquals(new BigDecimal("100.00"), trained.currentCompletion());
        assertEquals(new BigDecimal("250"), trained.current());
        MonthlyProgress loans = rows.get(1);
        assertEquals(BigDecimal.ZERO, loans.monthEnd().get(0), "nothing reported for an indicator is zero");
        assertEquals(new BigDecimal("25.00"), loans.currentCompletion());
        assertEquals(List.of(LocalDate.of(2013, 1, 31), LocalDate.of(2013, 2, 28), LocalDate.of(2013, 3, 20)),
                project.asked, "months not reached are not asked for");

        project.actualsFailing = true;
        assertTrue(service.progress(cityAdmin, YEAR, c1.id()).get(0).monthEnd().stream().allMatch(v -> v == null),
                "a failing project shows as unknown");
        assertThrows(NotFoundException.class, () -> service.progress(c1Staff, YEAR, c2.id()));
    }
}
