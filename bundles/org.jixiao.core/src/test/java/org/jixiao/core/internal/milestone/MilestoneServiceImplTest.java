package org.jixiao.core.internal.milestone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jixiao.core.internal.testing.RecordingOutbox;
import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitDraft;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.Milestone;
import org.jixiao.api.performance.Milestone.State;
import org.jixiao.api.performance.MilestoneDefinition;
import org.jixiao.api.performance.MilestoneMark;
import org.jixiao.api.performance.MilestoneTimeliness;
import org.jixiao.api.project.ProjectState;
import org.jixiao.core.internal.performance.PerformanceCycleImpl;
import org.jixiao.core.internal.schema.Jdbc;
import org.jixiao.core.internal.schema.TestDb;
import org.jixiao.core.internal.testing.CityTest;
import org.jixiao.core.internal.testing.FakeRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A city with two counties, a development zone, a city-level unit and a department, one project with three
 * time nodes (31 March, 31 May, 30 September), and a clock on 15 June 2013.
 */
class MilestoneServiceImplTest extends CityTest {

    private static final String P = NodesProject.ID;
    private static final LocalDate TODAY = LocalDate.of(2013, 6, 15);

    private final TestDb.MutableClock clock = new TestDb.MutableClock(Instant.parse("2013-06-15T02:00:00Z"));
    private final NodesProject project = new NodesProject();
    private final FakeRegistry registry = new FakeRegistry().add(project, ProjectState.ACTIVE);
    private PerformanceCycleImpl cycle;
    private MilestoneServiceImpl service;

    private OrgUnit c1;
    private OrgUnit c2;
    private OrgUnit zone;
    private OrgUnit cityUnit;
    private OrgUnit dept;
    private Actor setter;
    private Actor cityStaff;
    private Actor cityViewer;
    private Actor c1Staff;
    private Actor c1Admin;
    private Actor c1Setter;
    private Actor c1Viewer;

    @BeforeEach
    void open() {
        c1 = orgUnits.create(cityAdmin, new OrgUnitDraft(root.id(), "c1", "一县团委", OrgLevel.COUNTY));
        c2 = orgUnits.create(cityAdmin, new OrgUnitDraft(root.id(), "c2", "二县团委", OrgLevel.COUNTY));
        zone = orgUnits.create(cityAdmin, new OrgUnitDraft(root.id(), "z1", "开发区团工委", OrgLevel.ZONE));
        cityUnit = orgUnits.create(cityAdmin,
                new OrgUnitDraft(root.id(), "u1", "市直单位团委", OrgLevel.CITY_UNIT));
        dept = orgUnits.create(cityAdmin, new OrgUnitDraft(root.id(), "org", "组织部", OrgLevel.DEPARTMENT));
        setter = TestDb.actor(2, "setter", root, Role.TARGET_SETTER);
        cityStaff = TestDb.actor(3, "staff", root, Role.STAFF);
        cityViewer = TestDb.actor(4, "viewer", root, Role.VIEWER);
        c1Staff = TestDb.actor(10, "c1.staff", c1, Role.STAFF);
        c1Admin = TestDb.actor(11, "c1.admin", c1, Role.ADMIN);
        c1Setter = TestDb.actor(12, "c1.setter", c1, Role.TARGET_SETTER, Role.ADMIN);
        c1Viewer = TestDb.actor(13, "c1.viewer", c1, Role.VIEWER);
        cycle = new PerformanceCycleImpl(store, schema);
        cycle.open(cityAdmin, 2013);
        service = new MilestoneServiceImpl(store, registry, orgUnits, cycle, clock);
    }

    private static Milestone node(List<Milestone> list, String id) {
        return list.stream().filter(m -> m.milestoneId().equals(id)).findFirst().orElseThrow();
    }

    private void assertNothingWritten() {
        assertEquals(0, TestDb.count(store, "JX_MILESTONE_DUE"));
        assertEquals(0, TestDb.count(store, "JX_MILESTONE_DONE"));
        assertEquals(0, TestDb.audit(store, "milestone.due").size());
        assertEquals(0, TestDb.audit(store, "milestone.done").size());
    }

    // ---------------------------------------------------------------- defaults

    @Test
    void theNodesComeFromTheProjectOnTheirDefaultDaysOrderedByDay() {
        List<Milestone> list = service.milestones(c1Staff, 2013, c1.id());
        assertEquals(List.of(NodesProject.MARCH, NodesProject.BUILT, NodesProject.SEPTEMBER),
                list.stream().map(Milestone::milestoneId).toList());

        Milestone built = list.get(1);
        assertEquals(2013, built.year());
        assertEquals(c1.id(), built.orgUnitId());
        assertEquals(P, built.projectId());
        assertEquals("节点项目", built.projectName());
        assertEquals(P + ":" + NodesProject.BUILT, built.key());
        assertEquals("建成数据库", built.name());
        assertEquals("附件2 第1项", built.clause());
        assertEquals(LocalDate.of(2013, 5, 31), built.due());
        assertEquals(built.due(), built.defaultDue());
        assertFalse(built.adjusted());
        assertNull(built.dueSetBy());
        assertNull(built.doneOn());
        assertNull(built.evidence());
        assertNull(built.doneBy());

        assertEquals(State.OVERDUE, list.get(0).state(), "31 March has passed on 15 June");
        assertEquals(State.OVERDUE, built.state());
        assertEquals(State.PENDING, list.get(2).state());
        assertEquals(State.PENDING, built.stateOn(LocalDate.of(2013, 5, 31)), "due today is not overdue yet");

        // Every evaluated level has them; so do readers of their own unit.
        assertEquals(3, service.milestones(cityViewer, 2013, zone.id()).size());
        assertEquals(3, service.milestones(cityViewer, 2013, cityUnit.id()).size());
        assertEquals(3, service.milestones(c1Viewer, 2013, c1.id()).size());
        assertTrue(TestDb.count(store, "JX_MILESTONE_DUE") == 0, "defaults are not stored");
    }

    @Test
    void aLeapDayFallsOnTheLastDayOfFebruaryInOtherYears() {
        assertEquals(LocalDate.of(2013, 2, 28),
                new MilestoneDefinition("x", "x", MonthDay.of(2, 29), "c").dueIn(2013));
        assertEquals(LocalDate.of(2016, 2, 29),
                new MilestoneDefinition("x", "x", MonthDay.of(2, 29), "c").dueIn(2016));
    }

    @Test
    void onlyActiveProjectsCountAndABrokenOneIsLeftOut() {
        NodesProject broken = new NodesProject("broken");
        broken.milestonesFailing = true;
        registry.add(broken, ProjectState.ACTIVE);
        registry.add(new NodesProject("waiting"), ProjectState.WAITING);
        registry.add(new NodesProject("another"), ProjectState.ACTIVE);
        List<Milestone> list = service.milestones(c1Staff, 2013, c1.id());
        assertEquals(6, list.size());
        assertTrue(list.stream().allMatch(m -> m.projectId().equals(P) || m.projectId().equals("another")));
        assertEquals(List.of("another", P), list.subList(0, 2).stream().map(Milestone::projectId).toList(),
                "the same day: projects in id order");

        assertEquals(Map.of("milestone", "milestone.unknown"), errors(() -> service.markDone(c1Staff, 2013, c1.id(),
                "waiting", NodesProject.BUILT, TODAY, "x")));
        assertEquals(Map.of("milestone", "milestone.unknown"), errors(() -> service.markDone(c1Staff, 2013, c1.id(),
                "broken", NodesProject.BUILT, TODAY, "x")));
        assertEquals(6, service.timeliness(2013, c1.id(), LocalDate.of(2013, 12, 31)).due());
    }

    @Test
    void overLongAndRepeatedIdsAreLeftOut() {
        project.milestones = List.of(
                new MilestoneDefinition("a", "milestone.built", MonthDay.of(5, 31), "c"),
                new MilestoneDefinition("a", "milestone.march", MonthDay.of(3, 31), "c"),
                new MilestoneDefinition("x".repeat(101), "milestone.march", MonthDay.of(3, 31), "c"),
                new MilestoneDefinition("b", "no.such.key", MonthDay.of(3, 31), "c"));
        List<Milestone> list = service.milestones(c1Staff, 2013, c1.id());
        assertEquals(List.of("b", "a"), list.stream().map(Milestone::milestoneId).toList());
        assertEquals("no.such.key", list.get(0).name(), "a missing message shows its key");
    }

    // ---------------------------------------------------------------- the city moves days

    @Test
    void theCityMovesADayForEveryUnit() {
        clock.advance(Duration.ofHours(1));
        service.setDue(cityAdmin, 2013, P, NodesProject.BUILT, LocalDate.of(2013, 6, 30));
        for (OrgUnit u : List.of(c1, c2, zone, cityUnit)) {
            Milestone built = node(service.milestones(cityAdmin, 2013, u.id()), NodesProject.BUILT);
            assertEquals(LocalDate.of(2013, 6, 30), built.due());
            assertEquals(LocalDate.of(2013, 5, 31), built.defaultDue());
            assertTrue(built.adjusted());
            assertEquals("admin", built.dueSetBy());
            assertEquals(clock.instant(), built.dueSetAt());
            assertEquals(State.PENDING, built.state(), "not overdue any more");
        }
        assertEquals(List.of(NodesProject.MARCH, NodesProject.BUILT, NodesProject.SEPTEMBER),
                service.milestones(c1Staff, 2013, c1.id()).stream().map(Milestone::milestoneId).toList());

        // A department of the city moves it again; the first setting is replaced, both are audited.
        service.setDue(setter, 2013, P, NodesProject.BUILT, LocalDate.of(2013, 7, 15));
        Milestone built = node(service.milestones(c1Staff, 2013, c1.id()), NodesProject.BUILT);
        assertEquals(LocalDate.of(2013, 7, 15), built.due());
        assertEquals("setter", built.dueSetBy());
        assertEquals(1, TestDb.count(store, "JX_MILESTONE_DUE"));
        List<Map<String, Object>> audit = TestDb.audit(store, "milestone.due");
        assertEquals(2, audit.size());
        assertEquals("milestone:2013:" + P + ":" + NodesProject.BUILT, audit.get(0).get("TARGET"));
        assertEquals("before=default 2013-05-31; after=2013-06-30", audit.get(0).get("DETAIL"));
        assertEquals("before=2013-06-30; after=2013-07-15", audit.get(1).get("DETAIL"));
        assertEquals("setter", audit.get(1).get("ACTOR_NAME"));

        // Back on the default day: stored, but not shown as adjusted.
        service.setDue(cityAdmin, 2013, P, NodesProject.BUILT, LocalDate.of(2013, 5, 31));
        assertFalse(node(service.milestones(c1Staff, 2013, c1.id()), NodesProject.BUILT).adjusted());
    }

    @Test
    void onlyTheCitysAdminsAndTargetSettersMoveDays() {
        LocalDate day = LocalDate.of(2013, 6, 30);
        for (Actor a : List.of(cityStaff, cityViewer, c1Admin, c1Setter, c1Staff)) {
            assertThrows(AccessDeniedException.class, () -> service.setDue(a, 2013, P, NodesProject.BUILT, day),
                    a.username());
        }
        assertThrows(AccessDeniedException.class, () -> service.setDue(null, 2013, P, NodesProject.BUILT, day));
        assertNothingWritten();
    }

    @Test
    void aMovedDayIsValidatedBeforeAnythingIsWritten() {
        assertEquals(Map.of("due", "milestone.due.range"),
                errors(() -> service.setDue(cityAdmin, 2013, P, NodesProject.BUILT, LocalDate.of(2014, 1, 1))));
        assertEquals(Map.of("due", "milestone.due.required"),
                errors(() -> service.setDue(cityAdmin, 2013, P, NodesProject.BUILT, null)));
        assertEquals(Map.of("milestone", "milestone.unknown"),
                errors(() -> service.setDue(cityAdmin, 2013, P, "nope", LocalDate.of(2013, 6, 1))));
        assertEquals(Map.of("milestone", "milestone.unknown"),
                errors(() -> service.setDue(cityAdmin, 2013, "nope", NodesProject.BUILT, LocalDate.of(2013, 6, 1))));
        assertEquals(Map.of("milestone", "milestone.unknown"),
                errors(() -> service.setDue(cityAdmin, 2013, null, null, LocalDate.of(2013, 6, 1))));
        assertThrows(NotFoundException.class,
                () -> service.setDue(cityAdmin, 2014, P, NodesProject.BUILT, LocalDate.of(2014, 6, 1)));
        assertNothingWritten();
    }

    // ---------------------------------------------------------------- units mark them done

    @Test
    void aCountyMarksNodesDoneOnTimeOrLate() {
        String evidence = "数据库已建成，见 https://example.org/db";
        RecordingOutbox outbox = new RecordingOutbox();
        service.setOutbox(outbox);
        Milestone built = service.markDone(c1Staff, 2013, c1.id(), P, NodesProject.BUILT, LocalDate.of(2013, 5, 30),
                "  " + evidence + "  ");
        // On a county node the mark is handed to the outbox for the city, in the write's transaction.
        assertEquals(1, outbox.rows().size());
        assertTrue(outbox.rows().get(0).matches("JX_MILESTONE_DONE ID=\\d+"), outbox.rows().toString());
        assertEquals(State.DONE, built.state());
        assertEquals(LocalDate.of(2013, 5, 30), built.doneOn());
        assertEquals(evidence, built.evidence(), "stripped");
        assertEquals("c1.staff", built.doneBy());
        assertEquals(clock.instant(), built.doneAt());

        Milestone march = service.markDone(c1Admin, 2013, c1.id(), P, NodesProject.MARCH, LocalDate.of(2013, 4, 2),
                "更新记录");
        assertEquals(State.DONE_LATE, march.state());

        // Done today on its day: on time.
        service.setDue(cityAdmin, 2013, P, NodesProject.SEPTEMBER, TODAY);
        assertEquals(State.DONE, service.markDone(c1Staff, 2013, c1.id(), P, NodesProject.SEPTEMBER, TODAY, "x")
                .state());

        // The other county is untouched; the city's staff may mark any unit.
        assertTrue(service.milestones(cityAdmin, 2013, c2.id()).stream().allMatch(m -> m.doneOn() == null));
        assertEquals(State.DONE, service.markDone(cityStaff, 2013, c2.id(), P, NodesProject.BUILT,
                LocalDate.of(2013, 5, 1), "x").state());

        List<Map<String, Object>> audit = TestDb.audit(store, "milestone.done");
        assertEquals(4, audit.size());
        assertEquals("milestone:2013:" + c1.id() + ":" + P + ":" + NodesProject.BUILT, audit.get(0).get("TARGET"));
        assertEquals("doneOn=2013-05-30; due=2013-05-31; DONE; evidence=" + evidence.length() + " chars",
                audit.get(0).get("DETAIL"));
        assertEquals("doneOn=2013-04-02; due=2013-03-31; DONE_LATE; evidence=4 chars", audit.get(1).get("DETAIL"));
        assertFalse(String.valueOf(audit.get(0).get("DETAIL")).contains("example.org"), "no evidence in the audit");
    }

    @Test
    void markingAgainReplacesAndKeepsWhoAndWhen() {
        service.markDone(c1Staff, 2013, c1.id(), P, NodesProject.BUILT, LocalDate.of(2013, 6, 3), "first");
        Instant first = clock.instant();
        clock.advance(Duration.ofDays(1));
        Milestone again = service.markDone(c1Admin, 2013, c1.id(), P, NodesProject.BUILT, LocalDate.of(2013, 5, 28),
                "second");
        assertEquals(State.DONE, again.state(), "the new day counts");
        assertEquals("second", again.evidence());
        assertEquals("c1.admin", again.doneBy());
        assertEquals(clock.instant(), again.doneAt());

        List<MilestoneMark> history = service.history(c1Viewer, 2013, c1.id(), P, NodesProject.BUILT);
        assertEquals(List.of(new MilestoneMark(LocalDate.of(2013, 5, 28), "second", "c1.admin", clock.instant()),
                new MilestoneMark(LocalDate.of(2013, 6, 3), "first", "c1.staff", first)), history);
        assertEquals(List.of(), service.history(c1Viewer, 2013, c1.id(), P, NodesProject.MARCH));
        assertTrue(String.valueOf(TestDb.audit(store, "milestone.done").get(1).get("DETAIL"))
                .endsWith("; replaces doneOn=2013-06-03 by c1.staff"));
    }

    @Test
    void outOfScopeOrNotEvaluatedIsNotFound() {
        LocalDate day = LocalDate.of(2013, 5, 30);
        assertThrows(NotFoundException.class, () -> service.milestones(c1Staff, 2013, c2.id()));
        assertThrows(NotFoundException.class, () -> service.milestones(cityAdmin, 2013, dept.id()));
        assertThrows(NotFoundException.class, () -> service.milestones(cityAdmin, 2013, root.id()));
        assertThrows(NotFoundException.class, () -> service.milestones(cityAdmin, 2013, 9999));
        assertThrows(NotFoundException.class, () -> service.milestones(cityAdmin, 2014, c1.id()), "year not open");
        assertThrows(NotFoundException.class, () -> service.history(c1Staff, 2013, c2.id(), P, NodesProject.BUILT));
        record Mark(Actor actor, int year, OrgUnit unit) {
        }
        for (Mark m : List.of(new Mark(c1Staff, 2013, c2), new Mark(cityAdmin, 2013, dept),
                new Mark(cityAdmin, 2014, c1))) {
            assertThrows(NotFoundException.class, () -> service.markDone(m.actor(), m.year(), m.unit().id(), P,
                    NodesProject.BUILT, day, "x"), m.toString());
        }
        // Readers and departments do not mark.
        for (Actor reader : Arrays.asList(c1Viewer, setter, null)) {
            assertThrows(AccessDeniedException.class,
                    () -> service.markDone(reader, 2013, c1.id(), P, NodesProject.BUILT, day, "x"), "" + reader);
        }
        assertNothingWritten();
    }

    @Test
    void aBadDayOrMissingEvidenceWritesNothing() {
        assertEquals(Map.of("doneOn", "milestone.doneOn.future"), errors(() -> service.markDone(c1Staff, 2013,
                c1.id(), P, NodesProject.BUILT, TODAY.plusDays(1), "x")));
        assertEquals(Map.of("doneOn", "milestone.doneOn.required"), errors(() -> service.markDone(c1Staff, 2013,
                c1.id(), P, NodesProject.BUILT, null, "x")));
        assertEquals(Map.of("doneOn", "milestone.doneOn.range"), errors(() -> service.markDone(c1Staff, 2013,
                c1.id(), P, NodesProject.BUILT, LocalDate.of(2012, 12, 31), "x")));
        assertEquals(Map.of("evidence", "milestone.evidence.required"), errors(() -> service.markDone(c1Staff, 2013,
                c1.id(), P, NodesProject.BUILT, TODAY, "   ")));
        assertEquals(Map.of("evidence", "milestone.evidence.required"), errors(() -> service.markDone(c1Staff, 2013,
                c1.id(), P, NodesProject.BUILT, TODAY, null)));
        assertEquals(Map.of("evidence", "milestone.evidence.tooLong"), errors(() -> service.markDone(c1Staff, 2013,
                c1.id(), P, NodesProject.BUILT, TODAY, "x".repeat(1001))));
        assertEquals(Map.of("milestone", "milestone.unknown", "doneOn", "milestone.doneOn.future", "evidence",
                "milestone.evidence.required"), errors(() -> service.markDone(c1Staff, 2013, c1.id(), P, "nope",
                        TODAY.plusDays(1), "")), "every problem at once");
        assertNothingWritten();

        // 1000 characters is fine.
        service.markDone(c1Staff, 2013, c1.id(), P, NodesProject.BUILT, TODAY, "x".repeat(1000));
        assertEquals(1, TestDb.count(store, "JX_MILESTONE_DONE"));
    }

    @Test
    void aYearsNodesMayBeMarkedUntilTheEndOfNextJanuary() {
        clock.advance(Duration.ofDays(240)); // 2014-02-10
        service.markDone(c1Staff, 2013, c1.id(), P, NodesProject.SEPTEMBER, LocalDate.of(2014, 1, 31), "late");
        assertEquals(Map.of("doneOn", "milestone.doneOn.range"), errors(() -> service.markDone(c1Staff, 2013,
                c1.id(), P, NodesProject.SEPTEMBER, LocalDate.of(2014, 2, 1), "x")));
        assertEquals(State.DONE_LATE,
                node(service.milestones(c1Staff, 2013, c1.id()), NodesProject.SEPTEMBER).state());
    }

    // ---------------------------------------------------------------- evaluation and dashboard

    @Test
    void timelinessCountsTheNodesDueByTheDay() {
        service.markDone(c1Staff, 2013, c1.id(), P, NodesProject.MARCH, LocalDate.of(2013, 3, 20), "x");
        service.markDone(c1Staff, 2013, c1.id(), P, NodesProject.BUILT, LocalDate.of(2013, 6, 2), "x");

        assertEquals(new MilestoneTimeliness(2013, c1.id(), LocalDate.of(2013, 3, 1), 0, 0, 0, 0),
                service.timeliness(2013, c1.id(), LocalDate.of(2013, 3, 1)));
        assertEquals(new MilestoneTimeliness(2013, c1.id(), LocalDate.of(2013, 3, 31), 1, 1, 0, 0),
                service.timeliness(2013, c1.id(), LocalDate.of(2013, 3, 31)));
        // As of 1 June the database was not done yet (it was done on the 2nd).
        assertEquals(new MilestoneTimeliness(2013, c1.id(), LocalDate.of(2013, 6, 1), 2, 1, 0, 1),
                service.timeliness(2013, c1.id(), LocalDate.of(2013, 6, 1)));
        assertEquals(new MilestoneTimeliness(2013, c1.id(), TODAY, 2, 1, 1, 0),
                service.timeliness(2013, c1.id(), TODAY));
        assertEquals(new MilestoneTimeliness(2013, c1.id(), LocalDate.of(2014, 1, 20), 3, 1, 1, 1),
                service.timeliness(2013, c1.id(), LocalDate.of(2014, 1, 20)));
        // Early done, not due yet: not counted.
        service.markDone(c1Staff, 2013, c1.id(), P, NodesProject.SEPTEMBER, TODAY, "x");
        assertEquals(new MilestoneTimeliness(2013, c1.id(), TODAY, 2, 1, 1, 0),
                service.timeliness(2013, c1.id(), TODAY));
        assertEquals(3, service.timeliness(2013, c1.id(), LocalDate.of(2013, 12, 31)).due());
        assertEquals(2, service.timeliness(2013, c1.id(), LocalDate.of(2013, 12, 31)).onTime());

        // A moved day counts from its new date; other units are their own.
        service.setDue(cityAdmin, 2013, P, NodesProject.BUILT, LocalDate.of(2013, 6, 5));
        assertEquals(new MilestoneTimeliness(2013, c1.id(), TODAY, 2, 2, 0, 0),
                service.timeliness(2013, c1.id(), TODAY));
        assertEquals(new MilestoneTimeliness(2013, c2.id(), TODAY, 2, 0, 0, 2),
                service.timeliness(2013, c2.id(), TODAY));
        // Another year has nothing marked.
        assertEquals(new MilestoneTimeliness(2014, c1.id(), LocalDate.of(2015, 1, 1), 3, 0, 0, 3),
                service.timeliness(2014, c1.id(), LocalDate.of(2015, 1, 1)));
        assertThrows(NotFoundException.class, () -> service.timeliness(2013, 9999, TODAY));

        NodesProject broken = new NodesProject("broken");
        broken.milestonesFailing = true;
        registry.add(broken, ProjectState.ACTIVE);
        assertEquals(2, service.timeliness(2013, c1.id(), TODAY).due(), "a broken project is left out");
    }

    @Test
    void theOverdueListCoversTheActorsScope() {
        service.markDone(c1Staff, 2013, c1.id(), P, NodesProject.MARCH, LocalDate.of(2013, 3, 20), "x");
        service.markDone(c1Staff, 2013, c1.id(), P, NodesProject.BUILT, LocalDate.of(2013, 6, 2), "x");

        List<Milestone> city = service.overdue(cityViewer, 2013, TODAY);
        // Three units have both nodes overdue; c1 has none.
        assertEquals(6, city.size());
        assertTrue(city.stream().allMatch(m -> m.state() == State.OVERDUE));
        assertTrue(city.stream().noneMatch(m -> m.orgUnitId() == c1.id()));
        assertEquals(List.of(c2.id(), cityUnit.id(), zone.id()),
                city.subList(0, 3).stream().map(Milestone::orgUnitId).toList(), "earliest day, then unit code");
        assertEquals(NodesProject.MARCH, city.get(0).milestoneId());
        assertEquals("三月更新", city.get(0).name());
        assertEquals(NodesProject.BUILT, city.get(3).milestoneId());

        assertEquals(List.of(), service.overdue(c1Staff, 2013, TODAY));
        assertEquals(List.of(), service.overdue(c1Staff, 2014, TODAY), "year not open");
        assertEquals(List.of(), service.overdue(TestDb.actor(20, "d", dept, Role.STAFF), 2013, TODAY),
                "a department has no evaluated unit");
        assertEquals(10, service.overdue(cityViewer, 2013, LocalDate.of(2013, 10, 1)).size(),
                "in October September is overdue too, in all four units");
    }

    // ---------------------------------------------------------------- which nodes fall due in a year

    private static List<String> ids(List<Milestone> list) {
        return list.stream().map(Milestone::milestoneId).toList();
    }

    private void setOpened(int year, String instant) {
        store.inTransaction(c -> Jdbc.update(c, "UPDATE JX_PERF_YEAR SET OPENED_AT = ? WHERE PERF_YEAR = ?",
                Instant.parse(instant), year));
    }

    /** Issue 11, item 3: the 2013-only deadlines fell due again every year (18 due in 2014 instead of 12). */
    @Test
    void aOneTimeNodeFallsDueOnceAndNoneBeforeThePolicyWasIssuedUnlessTheCitySetsItsDay() {
        LocalDate issued = LocalDate.of(2013, 5, 8);
        project.milestones = List.of(
                new MilestoneDefinition(NodesProject.BUILT, "milestone.built", MonthDay.of(5, 31), "附件2 第1项")
                        .from(issued).once(),
                new MilestoneDefinition(NodesProject.MARCH, "milestone.march", MonthDay.of(3, 31), "附件2 第1项")
                        .from(issued),
                new MilestoneDefinition(NodesProject.SEPTEMBER, "milestone.september", MonthDay.of(9, 30),
                        "附件2 第1项").from(issued));
        cycle.open(cityAdmin, 2014);
        assertEquals(List.of(NodesProject.BUILT, NodesProject.SEPTEMBER), ids(service.milestones(c1Staff, 2013,
                c1.id())), "31 March 2013 came before the policy");
        assertEquals(List.of(NodesProject.MARCH, NodesProject.SEPTEMBER), ids(service.milestones(c1Staff, 2014,
                c1.id())), "the database was built once, in 2013");
        LocalDate end2014 = LocalDate.of(2014, 12, 31);
        assertEquals(2, service.timeliness(2014, c1.id(), end2014).due());
        assertTrue(service.overdue(cityAdmin, 2014, end2014).stream()
                .noneMatch(m -> m.milestoneId().equals(NodesProject.BUILT)));
        clock.advance(Duration.ofDays(400));
        ValidationException e = assertThrows(ValidationException.class, () -> service.markDone(c1Staff, 2014,
                c1.id(), P, NodesProject.BUILT, LocalDate.of(2014, 5, 1), "建库"));
        assertEquals("milestone.notDue", e.fieldErrors().get("milestone"));

        // The city may say otherwise: a day it sets for the year makes the node due that year.
        service.setDue(cityAdmin, 2013, P, NodesProject.MARCH, LocalDate.of(2013, 6, 30));
        assertEquals(List.of(NodesProject.BUILT, NodesProject.MARCH, NodesProject.SEPTEMBER),
                ids(service.milestones(c1Staff, 2013, c1.id())));
    }

    @Test
    void aYearOpenedWithinItselfHasNoNodeDueBeforeTheDayItWasOpened() {
        setOpened(2013, "2013-06-01T01:00:00Z");
        assertEquals(List.of(NodesProject.SEPTEMBER), ids(service.milestones(c1Staff, 2013, c1.id())),
                "31 March and 31 May had passed when the city opened the year on 1 June");
        assertTrue(service.overdue(cityAdmin, 2013, LocalDate.of(2013, 12, 31)).stream()
                .allMatch(m -> m.milestoneId().equals(NodesProject.SEPTEMBER)));
        // A year opened after it ended is recorded in retrospect: its nodes keep their days.
        setOpened(2013, "2014-02-01T01:00:00Z");
        assertEquals(3, service.milestones(c1Staff, 2013, c1.id()).size());
    }
}
