package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.MilestoneDefinition;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Work item 4, classified training: plans, sessions, attendees, feedback, scope, audit and the two indicators. */
class TrainingServiceTest extends EmploymentTestBase {

    private static final String A = String.valueOf(TreeOrgUnits.COUNTY_A.id());
    private static final String B = String.valueOf(TreeOrgUnits.COUNTY_B.id());
    private static final String[] TABLES = {"EMP_TRAINING_PLAN", "EMP_TRAINING_SESSION", "EMP_TRAINING_ATTENDEE"};

    private TrainingService training;
    private long y1;
    private long y2;
    private long y3;
    private long yb;

    @BeforeEach
    void youth() {
        training = project.training();
        y1 = service.create(CITY_ADMIN, person("甲", LocalDate.of(1990, 2, 3), 11, "JOB_SEEKING",
                TreeOrgUnits.COUNTY_A, "2012-01-05"));
        y2 = service.create(CITY_ADMIN, person("乙", LocalDate.of(1990, 2, 4), 13, "ENTREPRENEUR",
                TreeOrgUnits.COUNTY_A, "2012-01-05"));
        y3 = service.create(CITY_ADMIN, person("丙", LocalDate.of(1990, 2, 5), 15, "JOB_SEEKING",
                TreeOrgUnits.COUNTY_A, "2012-01-05"));
        yb = service.create(CITY_ADMIN, person("丁", LocalDate.of(1991, 4, 5), 17, "JOB_SEEKING",
                TreeOrgUnits.COUNTY_B, "2012-01-05"));
    }

    static TrainingInput.Session session(String county, String year, String heldOn, String topic) {
        return new TrainingInput.Session(county, year, heldOn, topic, "SKILLS", "县人社局", "县职教中心", null, null);
    }

    static TrainingInput.Plan plan(String county, String year, String plannedOn) {
        return new TrainingInput.Plan(county, year, "4", "450", "创业培训两场，技能培训两场", plannedOn);
    }

    private long attend(long session, long youthId) {
        return training.addAttendee(CITY_ADMIN, session, new TrainingInput.Attendee(String.valueOf(youthId), null));
    }

    private Map<String, String> errors(Executable call) {
        long before = rows(TABLES);
        int audited = audit.entries.size();
        ValidationException e = assertThrows(ValidationException.class, call);
        assertEquals(before, rows(TABLES), "nothing written");
        assertEquals(audited, audit.entries.size(), "nothing audited");
        return e.fieldErrors();
    }

    // ---------------------------------------------------------------- definitions

    @Test
    void indicatorsAndTimeNodeFollowThePolicy() {
        Map<String, IndicatorDefinition> defs = new java.util.HashMap<>();
        project.indicators().forEach(d -> defs.put(d.id(), d));
        IndicatorDefinition sessions = defs.get("training.sessions");
        IndicatorDefinition trainees = defs.get("training.trainees");
        assertEquals(new BigDecimal(3), sessions.defaultTarget());
        assertEquals(new BigDecimal(400), trainees.defaultTarget());
        assertEquals("unit.session", sessions.unitKey());
        assertEquals("unit.person", trainees.unitKey());
        for (IndicatorDefinition d : List.of(sessions, trainees)) {
            assertEquals(Comparison.AT_LEAST, d.comparison());
            assertEquals(TargetKind.ABSOLUTE, d.kind());
            assertEquals("附件2 第4项", d.clause());
        }
        MilestoneDefinition plan = project.milestones().stream().filter(m -> m.id().equals("training.plan"))
                .findFirst().orElseThrow();
        assertEquals(MonthDay.of(1, 31), plan.due());
        assertEquals("附件2 第4项", plan.clause());
        assertEquals("milestone.training.plan", plan.nameKey());
    }

    // ---------------------------------------------------------------- plans

    @Test
    void aPlanPerCountyAndYear() {
        long id = training.createPlan(A_STAFF, plan(null, "2013", "2013-01-20"));
        Training.Plan p = training.plan(A_STAFF, id);
        assertEquals(TreeOrgUnits.COUNTY_A.id(), p.countyId());
        assertEquals(2013, p.year());
        assertEquals(4, p.plannedSessions());
        assertEquals(450, p.plannedTrainees());
        assertEquals(LocalDate.of(2013, 1, 20), p.plannedOn());
        assertEquals(List.of(new ListAudit.Entry("a-staff", "training.plan.create", "training-plan:" + id,
                "county=" + A + " year=2013 sessions=4 trainees=450")), audit.withAction("training.plan.create"));

        assertEquals(Map.of("year", TrainingService.PLAN_DUPLICATE),
                errors(() -> training.createPlan(A_STAFF, plan(A, "2013", "2013-02-01"))));
        long earlier = training.createPlan(A_STAFF, plan(A, "2012", "2012-01-05"));
        assertEquals(Map.of("year", TrainingService.PLAN_DUPLICATE),
                errors(() -> training.updatePlan(A_STAFF, earlier, plan(A, "2013", "2013-01-05"))));
        training.updatePlan(A_STAFF, id, new TrainingInput.Plan(A, "2013", "5", "500", "调整", "2013-01-21"));
        assertEquals(5, training.plan(A_STAFF, id).plannedSessions());
        assertEquals(1, audit.withAction("training.plan.update").size());
        // County B has its own plan for the year; a deleted plan makes room for a new one.
        training.createPlan(CITY_ADMIN, plan(B, "2013", "2013-01-10"));
        training.deletePlan(A_STAFF, id);
        assertThrows(NotFoundException.class, () -> training.plan(A_STAFF, id));
        training.createPlan(A_STAFF, plan(A, "2013", null));
        assertEquals(List.of(2013, 2012), training.plans(A_STAFF, null, null).stream().map(Training.Plan::year)
                .toList());
        assertEquals(TODAY, training.plans(A_STAFF, 2013, null).get(0).plannedOn(), "made today when left blank");
        assertEquals(2, training.plans(CITY_ADMIN, 2013, null).size());
        assertEquals(1, audit.withAction("training.plan.delete").size());
    }

    @Test
    void planFieldRules() {
        assertEquals(Map.of("county", TrainingService.COUNTY_REQUIRED, "plannedSessions",
                TrainingService.PLANNED_SESSIONS_INVALID, "plannedTrainees", TrainingService.PLANNED_TRAINEES_INVALID,
                "content", TrainingService.CONTENT_REQUIRED), errors(() -> training.createPlan(CITY_ADMIN,
                        new TrainingInput.Plan(null, "2013", "-1", "100001", " ", "2013-01-02"))));
        assertEquals(Map.of("year", TrainingService.YEAR_INVALID), errors(() -> training.createPlan(A_STAFF,
                plan(A, "2014", "2013-01-02"))), "no plan for a year to come");
        assertEquals(Map.of("year", TrainingService.YEAR_INVALID), errors(() -> training.createPlan(A_STAFF,
                plan(A, "13", "2013-01-02"))));
        assertEquals(Map.of("plannedOn", TrainingService.PLANNED_ON_OUTSIDE_YEAR), errors(() -> training.createPlan(
                A_STAFF, plan(A, "2012", "2013-01-02"))));
        assertEquals(Map.of("plannedOn", TrainingService.PLANNED_ON_FUTURE), errors(() -> training.createPlan(
                A_STAFF, plan(A, "2013", "2013-06-16"))));
        assertEquals(Map.of("plannedOn", TrainingService.PLANNED_ON_INVALID), errors(() -> training.createPlan(
                A_STAFF, plan(A, "2013", "01/02/2013"))));
        assertEquals(Map.of("plannedSessions", TrainingService.PLANNED_SESSIONS_INVALID), errors(() ->
                training.createPlan(A_STAFF, new TrainingInput.Plan(A, "2013", "1001", "0", "x", null))));
        assertEquals(Map.of("content", TrainingService.CONTENT_TOO_LONG), errors(() -> training.createPlan(A_STAFF,
                new TrainingInput.Plan(A, "2013", "3", "400", "字".repeat(2001), null))));
        assertEquals(Map.of("county", TrainingService.COUNTY_INVALID), errors(() -> training.createPlan(A_STAFF,
                plan(B, "2013", null))), "another county is out of reach");
        training.createPlan(A_STAFF, new TrainingInput.Plan(A, "2013", "0", "0", "字".repeat(2000), null));
    }

    // ---------------------------------------------------------------- sessions

    @Test
    void sessionFieldRules() {
        assertEquals(Map.of("county", TrainingService.COUNTY_REQUIRED, "heldOn", TrainingService.HELD_INVALID,
                "topic", TrainingService.TOPIC_REQUIRED, "category", TrainingService.CATEGORY_REQUIRED),
                errors(() -> training.create(CITY_ADMIN, new TrainingInput.Session(null, null, null, null, null, null,
                        null, null, null))));
        assertEquals(Map.of("category", TrainingService.CATEGORY_INVALID, "satisfaction",
                TrainingService.SATISFACTION_INVALID), errors(() -> training.create(A_STAFF, new TrainingInput.Session(
                        A, "2013", "2013-03-01", "x", "COOKING", null, null, "6", null))));
        for (String bad : List.of("0", "4.5", "很好")) {
            assertEquals(Map.of("satisfaction", TrainingService.SATISFACTION_INVALID), errors(() -> training.create(
                    A_STAFF, new TrainingInput.Session(A, "2013", "2013-03-01", "x", "SKILLS", null, null, bad,
                            null))), bad);
        }
        assertEquals(Map.of("heldOn", TrainingService.HELD_OUTSIDE_YEAR), errors(() -> training.create(A_STAFF,
                session(A, "2012", "2013-03-01", "x"))));
        assertEquals(Map.of("heldOn", TrainingService.HELD_FUTURE), errors(() -> training.create(A_STAFF,
                session(A, "2013", "2013-06-16", "x"))));
        assertEquals(Map.of("heldOn", TrainingService.HELD_OUTSIDE_YEAR), errors(() -> training.create(A_STAFF,
                session(A, null, "2012-12-31", "x"))), "a blank year is this year");
        assertEquals(Map.of("year", TrainingService.YEAR_INVALID, "heldOn", TrainingService.HELD_OUTSIDE_YEAR),
                errors(() -> training.create(A_STAFF, session(A, "1999", "1999-03-01", "x"))));
        assertEquals(Map.of("topic", TrainingService.TOPIC_TOO_LONG, "partner", TrainingService.PARTNER_TOO_LONG,
                "place", TrainingService.PLACE_TOO_LONG, "feedback", TrainingService.FEEDBACK_TOO_LONG),
                errors(() -> training.create(A_STAFF, new TrainingInput.Session(A, "2013", "2013-03-01",
                        "字".repeat(101), "SKILLS", "字".repeat(101), "字".repeat(101), null, "字".repeat(1001)))));

        long id = training.create(A_STAFF, new TrainingInput.Session(null, null, "2013-03-01", " 电商技能 ",
                "skills", null, null, "5", "很实用"));
        Training.Session s = training.get(A_STAFF, id);
        assertEquals("电商技能", s.topic());
        assertEquals(TrainingCategory.SKILLS, s.category());
        assertEquals(TreeOrgUnits.COUNTY_A.id(), s.countyId());
        assertEquals(5, s.satisfaction());
        assertNull(s.partner());
        assertEquals(List.of(new ListAudit.Entry("a-staff", "training.create", "training:" + id,
                "county=" + A + " heldOn=2013-03-01 category=SKILLS")), audit.withAction("training.create"));
    }

    @Test
    void feedbackIsEnteredByEditingTheSession() {
        long id = training.create(A_STAFF, session(A, "2013", "2013-03-01", "创业"));
        assertNull(training.get(A_STAFF, id).satisfaction());
        training.update(A_STAFF, id, new TrainingInput.Session(A, "2013", "2013-03-01", "创业", "ENTREPRENEURSHIP",
                "县人社局", "县职教中心", "4", "学员希望增加实操"));
        Training.Session s = training.get(A_STAFF, id);
        assertEquals(4, s.satisfaction());
        assertEquals("学员希望增加实操", s.feedback());
        assertEquals(TrainingCategory.ENTREPRENEURSHIP, s.category());
        assertEquals(1, audit.withAction("training.update").size());
    }

    @Test
    void attendeeRules() {
        long s = training.create(A_STAFF, session(A, "2013", "2013-03-01", "技能"));
        long deleted = service.create(CITY_ADMIN, person("戊", LocalDate.of(1992, 1, 1), 19, "JOB_SEEKING",
                TreeOrgUnits.COUNTY_A, "2013-01-01"));
        service.delete(CITY_ADMIN, deleted);

        assertEquals(Map.of("youth", TrainingService.YOUTH_REQUIRED), errors(() -> training.addAttendee(A_STAFF, s,
                new TrainingInput.Attendee(" ", null))));
        assertEquals(Map.of("youth", TrainingService.YOUTH_UNKNOWN), errors(() -> training.addAttendee(A_STAFF, s,
                new TrainingInput.Attendee("-3", null))));
        assertEquals(Map.of("youth", TrainingService.YOUTH_UNKNOWN), errors(() -> training.addAttendee(A_STAFF, s,
                new TrainingInput.Attendee(String.valueOf(yb), null))), "B's youth is unseen from A: unknown");
        assertEquals(Map.of("youth", TrainingService.YOUTH_OTHER_COUNTY), errors(() -> training.addAttendee(
                CITY_ADMIN, s, new TrainingInput.Attendee(String.valueOf(yb), null))));
        assertEquals(Map.of("youth", TrainingService.YOUTH_UNKNOWN), errors(() -> training.addAttendee(A_STAFF, s,
                new TrainingInput.Attendee(String.valueOf(deleted), null))));
        assertEquals(Map.of("followUp", TrainingService.FOLLOW_UP_TOO_LONG), errors(() -> training.addAttendee(
                A_STAFF, s, new TrainingInput.Attendee(String.valueOf(y1), "字".repeat(501)))));

        long a1 = training.addAttendee(A_STAFF, s, new TrainingInput.Attendee(String.valueOf(y1), "已就业"));
        assertEquals(Map.of("youth", TrainingService.YOUTH_DUPLICATE), errors(() -> training.addAttendee(A_STAFF, s,
                new TrainingInput.Attendee(String.valueOf(y1), null))), "a youth at most once per session");
        assertEquals(List.of(new ListAudit.Entry("a-staff", "training.attendee.add", "training:" + s,
                "youth=" + y1 + " attendee=" + a1)), audit.withAction("training.attendee.add"));

        training.followUp(A_STAFF, s, a1, "已在县电商园就业");
        assertEquals("已在县电商园就业", training.detail(A_STAFF, s).attendees().get(0).followUp());
        assertEquals(Map.of("followUp", TrainingService.FOLLOW_UP_TOO_LONG), errors(() -> training.followUp(A_STAFF,
                s, a1, "字".repeat(501))));
        assertEquals(1, audit.withAction("training.attendee.followUp").size());

        // An attendee of another session is not found through this one.
        long other = training.create(A_STAFF, session(A, "2013", "2013-04-01", "另一场"));
        assertThrows(NotFoundException.class, () -> training.removeAttendee(A_STAFF, other, a1));
        assertThrows(NotFoundException.class, () -> training.followUp(A_STAFF, other, a1, "x"));

        // Attendees tie the session to its county.
        assertEquals(Map.of("county", TrainingService.COUNTY_LINKED), errors(() -> training.update(CITY_ADMIN, s,
                session(B, "2013", "2013-03-01", "技能"))));

        training.removeAttendee(A_STAFF, s, a1);
        assertEquals(List.of(), training.detail(A_STAFF, s).attendees());
        assertEquals(1, audit.withAction("training.attendee.remove").size());
        training.addAttendee(A_STAFF, s, new TrainingInput.Attendee(String.valueOf(y1), null));
        assertEquals(1, training.get(A_STAFF, s).attendees(), "removed, the youth can be added again");
        training.update(CITY_ADMIN, other, session(B, "2013", "2013-04-01", "另一场"));
        assertEquals(TreeOrgUnits.COUNTY_B.id(), training.get(CITY_ADMIN, other).countyId(), "none yet: may move");
    }

    @Test
    void scopeAndRoles() {
        long s = training.create(A_STAFF, session(A, "2013", "2013-03-01", "技能"));
        long p = training.createPlan(A_STAFF, plan(A, "2013", null));
        training.create(B_STAFF, session(null, "2013", "2013-03-02", "B 的培训"));
        TrainingRepository.Filter all = new TrainingRepository.Filter(2013, null, null);

        assertThrows(NotFoundException.class, () -> training.get(B_STAFF, s));
        assertThrows(NotFoundException.class, () -> training.detail(B_STAFF, s));
        assertThrows(NotFoundException.class, () -> training.update(B_STAFF, s, session(B, "2013", "2013-03-01", "x")));
        assertThrows(NotFoundException.class, () -> training.delete(B_STAFF, s));
        assertThrows(NotFoundException.class, () -> training.addAttendee(B_STAFF, s,
                new TrainingInput.Attendee(String.valueOf(yb), null)));
        assertThrows(NotFoundException.class, () -> training.plan(B_STAFF, p));
        assertThrows(NotFoundException.class, () -> training.updatePlan(B_STAFF, p, plan(B, "2013", null)));
        assertThrows(NotFoundException.class, () -> training.deletePlan(B_STAFF, p));
        assertEquals(Map.of("county", TrainingService.COUNTY_INVALID), errors(() -> training.create(B_STAFF,
                session(A, "2013", "2013-03-01", "x"))));

        assertEquals(List.of("B 的培训"), training.list(B_STAFF, all, null, 1).items().stream()
                .map(Training.Session::topic).toList());
        assertEquals(2, training.list(CITY_ADMIN, all, null, 1).total());
        assertEquals(0, training.list(B_STAFF, all, TreeOrgUnits.COUNTY_A.id(), 1).total(), "A is not B's to filter");
        assertEquals(List.of(), training.plans(B_STAFF, 2013, null));
        assertEquals(0, training.list(CITY_ADMIN, new TrainingRepository.Filter(2012, null, null), null, 1).total());
        assertEquals(1, training.list(CITY_ADMIN, new TrainingRepository.Filter(2013, "b 的", null), null, 1).total());
        assertEquals(1, training.list(CITY_ADMIN, new TrainingRepository.Filter(2013, "人社", TrainingCategory.SKILLS),
                TreeOrgUnits.COUNTY_A.id(), 1).total(), "the partner department is searched");
        assertEquals(0, training.list(CITY_ADMIN, new TrainingRepository.Filter(2013, null,
                TrainingCategory.EMPLOYMENT), null, 1).total());

        assertThrows(AccessDeniedException.class, () -> training.create(A_VIEWER, session(A, "2013", "2013-03-01",
                "x")));
        assertThrows(AccessDeniedException.class, () -> training.createPlan(A_VIEWER, plan(A, "2012", null)));
        assertThrows(AccessDeniedException.class, () -> training.addAttendee(A_VIEWER, s,
                new TrainingInput.Attendee(String.valueOf(y1), null)));
        assertThrows(AccessDeniedException.class, () -> training.get(NO_ROLE, s));
        assertEquals("技能", training.get(A_VIEWER, s).topic());

        training.delete(A_STAFF, s);
        assertThrows(NotFoundException.class, () -> training.get(A_STAFF, s));
        assertThrows(NotFoundException.class, () -> training.delete(A_STAFF, s));
        assertEquals(List.of(new ListAudit.Entry("a-staff", "training.delete", "training:" + s, null)),
                audit.withAction("training.delete"));
    }

    // ---------------------------------------------------------------- indicators

    private static Map<String, BigDecimal> values(long sessions, long trainees) {
        return Map.of("training.sessions", BigDecimal.valueOf(sessions), "training.trainees",
                BigDecimal.valueOf(trainees));
    }

    private static Map<String, BigDecimal> trainingValues(Map<String, BigDecimal> all) {
        return Map.of("training.sessions", all.get("training.sessions"), "training.trainees",
                all.get("training.trainees"));
    }

    /**
     * County A in 2013: s1 (y1, y2), s2 (y1 again, y3), s3 with nobody, s4 deleted, s6 with y1 and y3 removed; in
     * 2012 s5 with all three. County B: one session with its youth.
     */
    @Test
    void actualsOnHandMadeRecords() {
        long s1 = training.create(CITY_ADMIN, session(A, "2013", "2013-02-01", "s1"));
        long s2 = training.create(CITY_ADMIN, session(A, "2013", "2013-03-01", "s2"));
        training.create(CITY_ADMIN, session(A, "2013", "2013-04-01", "s3"));
        long s4 = training.create(CITY_ADMIN, session(A, "2013", "2013-05-01", "s4"));
        long s5 = training.create(CITY_ADMIN, session(A, "2012", "2012-12-20", "s5"));
        long s6 = training.create(CITY_ADMIN, session(A, "2013", "2013-05-10", "s6"));
        long sb = training.create(CITY_ADMIN, session(B, "2013", "2013-01-15", "sb"));
        attend(s1, y1);
        attend(s1, y2);
        attend(s2, y1);
        attend(s2, y3);
        attend(s4, y2);
        training.delete(CITY_ADMIN, s4);
        attend(s5, y1);
        attend(s5, y2);
        attend(s5, y3);
        attend(s6, y1);
        training.removeAttendee(CITY_ADMIN, s6, attend(s6, y3));
        attend(sb, yb);

        long a = TreeOrgUnits.COUNTY_A.id();
        long b = TreeOrgUnits.COUNTY_B.id();
        long city = TreeOrgUnits.CITY.id();
        Map<Long, Map<String, BigDecimal>> now = project.actualsAsOf(List.of(a, b, city), 2013, TODAY);
        assertEquals(values(3, 3), trainingValues(now.get(a)),
                "s1, s2, s6 held with attendees; y1, y2, y3 each counted once");
        assertEquals(values(1, 1), trainingValues(now.get(b)));
        assertEquals(values(0, 0), trainingValues(now.get(city)), "only the unit's own sessions");
        assertEquals(values(1, 2), trainingValues(project.actualsAsOf(List.of(a), 2013, LocalDate.of(2013, 2, 28))
                .get(a)), "by the end of February: s1 only");
        assertEquals(values(0, 0), trainingValues(project.actualsAsOf(List.of(a), 2013, LocalDate.of(2013, 1, 31))
                .get(a)));
        assertEquals(values(1, 3), trainingValues(project.actuals(List.of(a), 2012).get(a)));
        assertEquals(project.actuals(List.of(a, b), 2013), project.actualsAsOf(List.of(a, b), 2013,
                LocalDate.of(2014, 3, 1)), "after the year: its year-end figure");
        assertEquals(Map.of(a, values(3, 3)), training.actualsAsOf(java.util.Arrays.asList(a, a, null), 2013, TODAY));
        assertTrue(training.actualsAsOf(List.of(), 2013, TODAY).isEmpty());

        training.createPlan(CITY_ADMIN, plan(A, "2013", "2013-01-10"));
        List<Training.Summary> summary = training.summary(CITY_ADMIN, 2013, null);
        assertEquals(2, summary.size());
        Training.Summary sa = summary.stream().filter(x -> x.countyId() == a).findFirst().orElseThrow();
        assertEquals(4, sa.plan().plannedSessions());
        assertEquals(3, sa.sessions());
        assertEquals(3, sa.trainees());
        assertNull(summary.stream().filter(x -> x.countyId() == b).findFirst().orElseThrow().plan());
        assertEquals(List.of(b), training.summary(B_STAFF, 2013, null).stream().map(Training.Summary::countyId)
                .toList());

        // Moving s2 into 2012 takes its attendances along: y3 was trained in 2012 only from then on.
        training.update(CITY_ADMIN, s2, session(A, "2012", "2012-12-01", "s2"));
        assertEquals(values(2, 2), trainingValues(project.actualsAsOf(List.of(a), 2013, TODAY).get(a)));
        assertEquals(values(2, 3), trainingValues(project.actuals(List.of(a), 2012).get(a)));
    }

    @Test
    void theDatabaseAdmitsOneLiveAttendanceAndOnePlanWhateverTheChecksMiss() throws Exception {
        long s = training.create(A_STAFF, session(A, "2013", "2013-03-01", "技能"));
        attend(s, y1);
        Training.Session session = training.get(A_STAFF, s);
        TrainingRepository repo = new TrainingRepository();
        YouthRepository.Stamp stamp = new YouthRepository.Stamp(1, java.time.Instant.now());
        // As two saves racing past the service's check would: the second insert breaks the LIVE_KEY constraint.
        ValidationException e = assertThrows(ValidationException.class, () -> store.inTransaction(c ->
                TrainingService.unique("youth", TrainingService.YOUTH_DUPLICATE,
                        () -> repo.insertAttendee(c, session, y1, null, stamp))));
        assertEquals(Map.of("youth", TrainingService.YOUTH_DUPLICATE), e.fieldErrors());
        TrainingService.PlanData data = new TrainingService.PlanData(TreeOrgUnits.COUNTY_A.id(), 2013, 3, 400, "x",
                TODAY);
        store.inTransaction(c -> repo.insertPlan(c, data, stamp));
        assertThrows(ValidationException.class, () -> store.inTransaction(c -> TrainingService.unique("year",
                TrainingService.PLAN_DUPLICATE, () -> repo.insertPlan(c, data, stamp))));
        assertEquals(1, rows("EMP_TRAINING_PLAN"));
        assertEquals(1, rows("EMP_TRAINING_ATTENDEE"));
    }
}
