package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.Actor;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.project.employment.internal.mentor.MentorRegister;
import org.jixiao.project.employment.internal.mentor.MentorTeam;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Work item 3 on the register engine: the mentor team's own rules (a dismissal is a date and a reason; pairings with
 * a young entrepreneur of the county, once; activities with a paired youth within the appointment), the three
 * indicators and the year-end review. Scope, roles, audit and field rules are the engine's tests'.
 */
class MentorRegisterTest extends EmploymentTestBase {

    private static final String[] TABLES = {"EMP_MENTOR", "EMP_MENTOR_PAIRING", "EMP_MENTOR_ACTIVITY"};

    private long youthA;
    private long youthA2;
    private long jobSeekerA;
    private long youthB;

    @BeforeEach
    void youth() {
        youthA = youth("创业甲", LocalDate.of(1990, 2, 3), 11, "ENTREPRENEUR", FixedOrgUnits.COUNTY_A);
        youthA2 = youth("创业丙", LocalDate.of(1990, 2, 4), 15, "ENTREPRENEUR", FixedOrgUnits.COUNTY_A);
        jobSeekerA = youth("求职甲", LocalDate.of(1990, 2, 5), 17, "JOB_SEEKING", FixedOrgUnits.COUNTY_A);
        youthB = youth("创业乙", LocalDate.of(1991, 4, 5), 13, "ENTREPRENEUR", FixedOrgUnits.COUNTY_B);
    }

    private static MentorInput.Mentor mentor(String name, String county, String appointedOn) {
        return new MentorInput.Mentor(name, "电子商务", "市商务局", county, appointedOn, null, null);
    }

    private static MentorInput.Mentor dismissed(String name, String county, String appointedOn, String on,
            String reason) {
        return new MentorInput.Mentor(name, "电子商务", "市商务局", county, appointedOn, on, reason);
    }

    private long pair(long mentor, long youth, String on) {
        return mentors.pair(CITY_ADMIN, mentor, new MentorInput.Pairing(String.valueOf(youth), on));
    }

    private void activities(long mentor, long youth, LocalDate from, int n) {
        for (int i = 0; i < n; i++) {
            mentors.addActivity(CITY_ADMIN, mentor, new MentorInput.Activity(String.valueOf(youth), from.plusDays(i)
                    .toString(), "第" + i + "次指导"));
        }
    }

    private Map<String, String> refused(Runnable write) {
        return refused(write, TABLES);
    }

    // ---------------------------------------------------------------- mentors

    @Test
    void aMentorIsAppointedTodayWhenNoDateIsGivenAndADismissalIsADateAndAReason() {
        long id = mentors.create(A_STAFF, mentor("王老师", null, null));
        assertEquals(TODAY, engine.get(A_STAFF, project, MentorRegister.ID, id).value("appointedOn"));
        assertEquals(FixedOrgUnits.COUNTY_A.id(), engine.get(A_STAFF, project, MentorRegister.ID, id).unitId());

        assertEquals(Map.of("dismissalReason", "mentor.dismissalReason.required"),
                refused(() -> mentors.create(A_STAFF, dismissed("甲", A, "2013-01-01", "2013-02-01", null))));
        assertEquals(Map.of("dismissedOn", "mentor.dismissedOn.required"),
                refused(() -> mentors.create(A_STAFF, dismissed("甲", A, "2013-01-01", null, "调离"))));
        assertEquals(Map.of("dismissedOn", "mentor.dismissedOn.beforeAppointed"),
                refused(() -> mentors.create(A_STAFF, dismissed("甲", A, "2013-01-01", "2012-12-31", "调离"))));
        assertEquals(Map.of("appointedOn", "mentor.date.tooEarly"),
                refused(() -> mentors.create(A_STAFF, mentor("甲", A, "1999-12-31"))));

        Map<String, Object> dismissal = new HashMap<>(Map.of("name", "王老师", "field", "电子商务", "employer",
                "市商务局", "appointedOn", TODAY.toString(), "dismissedOn", TODAY.toString(), "dismissalReason", "调离"));
        engine.update(A_STAFF, project, MentorRegister.ID, id, dismissal, -1);
        assertEquals(TODAY, engine.get(A_STAFF, project, MentorRegister.ID, id).value("dismissedOn"));
    }

    @Test
    void aMentorWithPairingsNeitherMovesCountyNorGoesUntilTheyAreEnded() {
        long m = mentors.create(CITY_ADMIN, mentor("王老师", A, "2013-01-10"));
        long p = pair(m, youthA, "2013-02-01");
        Map<String, Object> moved = new HashMap<>(Map.of("name", "王老师", "field", "电子商务", "employer", "市商务局",
                "unit", B, "appointedOn", "2013-01-10"));
        assertEquals(Map.of("mentor-pairings", "mentor.pairing.linked"),
                refused(() -> engine.update(CITY_ADMIN, project, MentorRegister.ID, m, moved, -1)));
        assertEquals(Map.of("mentor-pairings", "mentor.pairing.linked"),
                refused(() -> engine.delete(CITY_ADMIN, project, MentorRegister.ID, m, "重复录入")));
        engine.delete(CITY_ADMIN, project, MentorRegister.PAIRINGS, p, "结对有误");
        engine.update(CITY_ADMIN, project, MentorRegister.ID, m, moved, -1);
        assertEquals(FixedOrgUnits.COUNTY_B.id(), engine.get(CITY_ADMIN, project, MentorRegister.ID, m).unitId());
    }

    // ---------------------------------------------------------------- pairings and activities

    @Test
    void aMentorIsPairedOnceWithAnEntrepreneurOfItsCountyWithinTheAppointment() {
        long m = mentors.create(CITY_ADMIN, dismissed("王老师", A, "2013-01-10", "2013-05-31", "调离"));
        long p = pair(m, youthA, "2013-02-01");
        assertEquals(FixedOrgUnits.COUNTY_A.id(), engine.get(A_STAFF, project, MentorRegister.PAIRINGS, p).unitId(),
                "a pairing is in its mentor's county");

        assertEquals(Map.of("youth", "mentor.youth.notEntrepreneur"), refused(() -> pair(m, jobSeekerA, "2013-02-01")));
        assertEquals(Map.of("youth", "register.error.otherUnit"), refused(() -> pair(m, youthB, "2013-02-01")));
        assertEquals(Map.of("youth", "mentor.youth.alreadyPaired"), refused(() -> pair(m, youthA, "2013-03-01")));
        assertEquals(Map.of("pairedOn", "mentor.date.outsideAppointment"),
                refused(() -> pair(m, youthA2, "2013-01-09")));
        assertEquals(Map.of("pairedOn", "mentor.date.outsideAppointment"),
                refused(() -> pair(m, youthA2, "2013-06-01")));
        pair(m, youthA2, "2013-05-31");

        // Once the pairing ends, the youth may be paired again.
        engine.delete(CITY_ADMIN, project, MentorRegister.PAIRINGS, p, "结对有误");
        pair(m, youthA, "2013-04-01");
    }

    @Test
    void activitiesAreHeldWithAPairedYouthWithinTheAppointment() {
        long m = mentors.create(CITY_ADMIN, mentor("王老师", A, "2013-01-10"));
        pair(m, youthA, "2013-02-01");
        Runnable unpaired = () -> mentors.addActivity(CITY_ADMIN, m, new MentorInput.Activity(
                String.valueOf(youthA2), "2013-03-01", "指导"));
        assertEquals(Map.of("youth", "mentor.youth.notPaired"), refused(unpaired));
        Runnable early = () -> mentors.addActivity(CITY_ADMIN, m, new MentorInput.Activity(String.valueOf(youthA),
                "2013-01-09", "指导"));
        assertEquals(Map.of("heldOn", "mentor.date.outsideAppointment"), refused(early));
        long a = mentors.addActivity(A_STAFF, m, new MentorInput.Activity(String.valueOf(youthA), "2013-03-01",
                "市场调研"));
        assertEquals("市场调研", engine.get(A_STAFF, project, MentorRegister.ACTIVITIES, a).value("content"));
    }

    // ---------------------------------------------------------------- indicators and review

    @Test
    void indicatorsFollowThePolicy() {
        Map<String, IndicatorDefinition> defs = new HashMap<>();
        project.indicators().forEach(d -> defs.put(d.id(), d));
        IndicatorDefinition count = defs.get(MentorRegister.INDICATOR_MENTORS);
        assertEquals(TargetKind.ABSOLUTE, count.kind());
        assertEquals(new BigDecimal(30), count.defaultTarget());
        for (String id : List.of(MentorRegister.INDICATOR_PAIRED, MentorRegister.INDICATOR_ACTIVE)) {
            assertEquals(TargetKind.SHARE, defs.get(id).kind());
            assertEquals(new BigDecimal(100), defs.get(id).defaultTarget());
        }
        for (String id : List.of(MentorRegister.INDICATOR_MENTORS, MentorRegister.INDICATOR_PAIRED,
                MentorRegister.INDICATOR_ACTIVE)) {
            assertEquals(Comparison.AT_LEAST, defs.get(id).comparison());
            assertEquals("附件2 第3项", defs.get(id).clause());
        }
        assertEquals(new BigDecimal("66.66"), MentorTeam.percent(2, 3), "rounded down");
        assertEquals(new BigDecimal("100.00"), MentorTeam.percent(3, 3));
        assertEquals(new BigDecimal("0.00"), MentorTeam.percent(0, 0), "no mentor: nothing met");
    }

    /**
     * County A at the end of 2012: m1 paired with 10 activities in 2012 (qualified), m2 paired with 8 (one more was
     * deleted, one falls in 2013), m3 unpaired, m4 dismissed on 30 November, m5 deleted, m6 appointed in 2013.
     */
    @Test
    void actualsAndReviewOnHandMadeRecords() {
        long m1 = mentors.create(CITY_ADMIN, mentor("m1", A, "2012-03-01"));
        long m2 = mentors.create(CITY_ADMIN, mentor("m2", A, "2012-06-01"));
        long m3 = mentors.create(CITY_ADMIN, mentor("m3", A, "2012-07-01"));
        long m4 = mentors.create(CITY_ADMIN, dismissed("m4", A, "2012-02-01", "2012-11-30", "调离"));
        long m5 = mentors.create(CITY_ADMIN, mentor("m5", A, "2012-02-01"));
        long m6 = mentors.create(CITY_ADMIN, mentor("m6", A, "2013-02-01"));
        pair(m1, youthA, "2012-03-05");
        pair(m2, youthA2, "2012-06-02");
        pair(m4, youthA, "2012-02-02");
        pair(m6, youthA, "2013-02-02");
        activities(m1, youthA, LocalDate.of(2012, 4, 1), 10);
        activities(m2, youthA2, LocalDate.of(2012, 12, 24), 8);
        long gone = mentors.addActivity(CITY_ADMIN, m2, new MentorInput.Activity(String.valueOf(youthA2),
                "2012-12-23", "删除的活动"));
        activities(m2, youthA2, LocalDate.of(2013, 1, 1), 1);
        activities(m4, youthA, LocalDate.of(2012, 3, 1), 10);
        engine.delete(CITY_ADMIN, project, MentorRegister.ACTIVITIES, gone, "重复录入");
        engine.delete(CITY_ADMIN, project, MentorRegister.ID, m5, "重复录入");
        // County B: one paired mentor with 10 activities in 2012.
        long b1 = mentors.create(CITY_ADMIN, mentor("b1", B, "2012-01-01"));
        pair(b1, youthB, "2012-01-02");
        activities(b1, youthB, LocalDate.of(2012, 10, 1), 10);

        long a = FixedOrgUnits.COUNTY_A.id();
        long b = FixedOrgUnits.COUNTY_B.id();
        long city = FixedOrgUnits.CITY.id();
        Map<Long, Map<String, BigDecimal>> y2012 = project.actuals(List.of(a, b, city), 2012);
        assertEquals(values(3, "66.66", "33.33"), mentorValues(y2012.get(a)),
                "m1, m2, m3 in office at year end; m1, m2 paired; m1 alone with 10 activities (m2: 8 in 2012)");
        assertEquals(values(1, "100.00", "100.00"), mentorValues(y2012.get(b)));
        assertEquals(values(0, "0.00", "0.00"), mentorValues(y2012.get(city)), "only the unit's own mentors");
        // On 31 October m4 was still in office (paired, 10 activities); m3 and m2 had been appointed.
        assertEquals(values(4, "75.00", "50.00"),
                mentorValues(project.actualsAsOf(List.of(a), 2012, LocalDate.of(2012, 10, 31)).get(a)));
        // In 2013 so far: m6 joins; activities count again from 1 January (m2 has one, on 1 January 2013).
        assertEquals(values(4, "75.00", "0.00"), mentorValues(project.actualsAsOf(List.of(a), 2013, TODAY).get(a)));

        List<Map<String, Object>> review = review(A_STAFF, "2012", null);
        assertEquals(List.of("m1", "m2", "m3"), review.stream().map(r -> r.get("name")).toList());
        assertEquals(List.of(String.valueOf(m1), String.valueOf(m2), String.valueOf(m3)),
                review.stream().map(r -> r.get("id")).toList());
        assertEquals(true, review.get(0).get("qualified"));
        assertEquals(1L, review.get(0).get("pairings"));
        assertEquals(10L, review.get(0).get("activities"));
        assertEquals(false, review.get(1).get("unpaired"));
        assertEquals(true, review.get(1).get("tooFewActivities"));
        assertEquals(8L, review.get(1).get("activities"));
        assertEquals(true, review.get(2).get("unpaired"));
        assertEquals(List.of("m1", "m2", "m3", "b1"), review(CITY_ADMIN, "2012", null).stream()
                .map(r -> r.get("name")).toList());
        assertEquals(List.of("b1"), review(CITY_ADMIN, "2012", String.valueOf(b)).stream().map(r -> r.get("name"))
                .toList());
        assertEquals(List.of(), review(B_STAFF, "2012", String.valueOf(a)), "another county's mentors are not shown");
        assertTrue(m4 > 0 && m6 > 0);
    }

    private List<Map<String, Object>> review(Actor actor, String year, String county) {
        return items("/mentors/review", actor, year, county);
    }

    private static Map<String, BigDecimal> values(long count, String paired, String active) {
        return Map.of(MentorRegister.INDICATOR_MENTORS, BigDecimal.valueOf(count), MentorRegister.INDICATOR_PAIRED,
                new BigDecimal(paired), MentorRegister.INDICATOR_ACTIVE, new BigDecimal(active));
    }

    private static Map<String, BigDecimal> mentorValues(Map<String, BigDecimal> all) {
        return Map.of(MentorRegister.INDICATOR_MENTORS, all.get(MentorRegister.INDICATOR_MENTORS),
                MentorRegister.INDICATOR_PAIRED, all.get(MentorRegister.INDICATOR_PAIRED),
                MentorRegister.INDICATOR_ACTIVE, all.get(MentorRegister.INDICATOR_ACTIVE));
    }
}
