package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Work item 3, the mentor team: validation, pairing and activity rules, scope, the three indicators, the review. */
class MentorServiceTest extends EmploymentTestBase {

    private static final String A = String.valueOf(TreeOrgUnits.COUNTY_A.id());
    private static final String B = String.valueOf(TreeOrgUnits.COUNTY_B.id());

    private long youthA;
    private long youthA2;
    private long jobSeekerA;
    private long youthB;

    @BeforeEach
    void youth() {
        youthA = service.create(CITY_ADMIN, person("创业甲", LocalDate.of(1990, 2, 3), 11, "ENTREPRENEUR",
                TreeOrgUnits.COUNTY_A, "2012-01-05"));
        youthA2 = service.create(CITY_ADMIN, person("创业丙", LocalDate.of(1990, 2, 4), 15, "ENTREPRENEUR",
                TreeOrgUnits.COUNTY_A, "2012-01-05"));
        jobSeekerA = service.create(CITY_ADMIN, person("求职甲", LocalDate.of(1990, 2, 5), 17, "JOB_SEEKING",
                TreeOrgUnits.COUNTY_A, "2012-01-05"));
        youthB = service.create(CITY_ADMIN, person("创业乙", LocalDate.of(1991, 4, 5), 13, "ENTREPRENEUR",
                TreeOrgUnits.COUNTY_B, "2012-01-05"));
    }

    private static MentorInput.Mentor mentor(String name, String county, String appointedOn) {
        return new MentorInput.Mentor(name, "电子商务", "市商务局", county, appointedOn, null, null);
    }

    private static MentorInput.Mentor dismissed(String name, String county, String appointedOn, String on,
            String reason) {
        return new MentorInput.Mentor(name, "电子商务", "市商务局", county, appointedOn, on, reason);
    }

    private long rowsOf(String table) {
        return rows(table);
    }

    private void activities(Actor who, long mentor, long youth, LocalDate from, int n) {
        for (int i = 0; i < n; i++) {
            mentors.addActivity(who, mentor, new MentorInput.Activity(String.valueOf(youth), from.plusDays(i)
                    .toString(), "第" + i + "次指导"));
        }
    }

    // ---------------------------------------------------------------- mentors

    @Test
    void appointedMentorIsReadBackListedAndAudited() {
        long id = mentors.create(A_STAFF, new MentorInput.Mentor(" 王老师 ", "农业技术", "县农业局", null, null, null,
                null));
        Mentor m = mentors.get(A_STAFF, id);
        assertEquals("王老师", m.name());
        assertEquals(TreeOrgUnits.COUNTY_A.id(), m.countyId());
        assertEquals(TODAY, m.appointedOn());
        assertEquals(null, m.dismissedOn());
        assertTrue(m.activeOn(TODAY));
        assertEquals(1, mentors.list(A_STAFF, "农业", null, 1).total());
        assertEquals(1, mentors.list(A_STAFF, "县农业", null, 1).total());
        assertEquals(0, mentors.list(A_STAFF, "%", null, 1).total());
        assertEquals(List.of(new ListAudit.Entry("a-staff", "mentor.create", "mentor:" + id, "county=" + A)),
                audit.withAction("mentor.create"));
    }

    private void refused(Actor who, MentorInput.Mentor in, Map<String, String> expected) {
        long before = rowsOf("EMP_MENTOR");
        int audits = audit.entries.size();
        ValidationException e = assertThrows(ValidationException.class, () -> mentors.create(who, in));
        assertEquals(expected, e.fieldErrors());
        assertEquals(before, rowsOf("EMP_MENTOR"), "nothing written");
        assertEquals(audits, audit.entries.size(), "nothing audited");
    }

    @Test
    void badMentorInputWritesNothing() {
        refused(A_STAFF, new MentorInput.Mentor(null, " ", null, null, null, null, null),
                Map.of("name", MentorService.NAME_REQUIRED, "field", MentorService.FIELD_REQUIRED, "employer",
                        MentorService.EMPLOYER_REQUIRED));
        refused(CITY_ADMIN, new MentorInput.Mentor("名".repeat(51), "领".repeat(51), "单".repeat(101), null,
                "2013-06-16", null, null), Map.of("name", MentorService.NAME_TOO_LONG, "field",
                        MentorService.FIELD_TOO_LONG, "employer", MentorService.EMPLOYER_TOO_LONG, "county",
                        MentorService.COUNTY_REQUIRED, "appointedOn", MentorService.DATE_FUTURE));
        refused(A_STAFF, mentor("x", B, "1999-12-31"),
                Map.of("county", MentorService.COUNTY_INVALID, "appointedOn", MentorService.DATE_TOO_EARLY));
        refused(A_STAFF, mentor("x", "-2", "2013/01/01"),
                Map.of("county", MentorService.COUNTY_INVALID, "appointedOn", MentorService.DATE_INVALID));
        refused(A_STAFF, dismissed("x", A, "2013-03-01", "2013-02-28", "不称职"),
                Map.of("dismissedOn", MentorService.DISMISSED_BEFORE_APPOINTED));
        refused(A_STAFF, dismissed("x", A, "2013-03-01", "2013-04-01", null),
                Map.of("dismissalReason", MentorService.REASON_REQUIRED));
        refused(A_STAFF, dismissed("x", A, "2013-03-01", null, "不称职"),
                Map.of("dismissedOn", MentorService.DISMISSED_REQUIRED));
        refused(A_STAFF, dismissed("x", A, "2013-03-01", "2013-07-01", "原".repeat(501)),
                Map.of("dismissedOn", MentorService.DATE_FUTURE, "dismissalReason", MentorService.REASON_TOO_LONG));
    }

    @Test
    void dismissalIsAnUpdateAndEndsTheAppointment() {
        long id = mentors.create(A_STAFF, mentor("李老师", A, "2013-01-10"));
        mentors.update(A_STAFF, id, dismissed("李老师", A, "2013-01-10", "2013-06-01", "年终考核不合格"));
        Mentor m = mentors.get(A_STAFF, id);
        assertEquals(LocalDate.of(2013, 6, 1), m.dismissedOn());
        assertEquals("年终考核不合格", m.dismissalReason());
        assertFalse(m.activeOn(TODAY));
        assertTrue(m.activeOn(LocalDate.of(2013, 5, 31)));
        assertEquals(List.of(new ListAudit.Entry("a-staff", "mentor.update", "mentor:" + id,
                "county=" + A + " dismissed=2013-06-01")), audit.withAction("mentor.update"));
    }

    // ---------------------------------------------------------------- pairings and activities

    private void pairRefused(Actor who, long mentor, String youth, String on, Map<String, String> expected) {
        long before = rowsOf("EMP_MENTOR_PAIRING");
        ValidationException e = assertThrows(ValidationException.class,
                () -> mentors.pair(who, mentor, new MentorInput.Pairing(youth, on)));
        assertEquals(expected, e.fieldErrors());
        assertEquals(before, rowsOf("EMP_MENTOR_PAIRING"), "nothing written");
    }

    @Test
    void aMentorIsPairedOnlyWithALiveEntrepreneurOfItsCounty() {
        long m = mentors.create(A_STAFF, mentor("李老师", A, "2013-01-10"));
        pairRefused(A_STAFF, m, "999999", null, Map.of("youth", MentorService.YOUTH_UNKNOWN));
        pairRefused(A_STAFF, m, "-1", null, Map.of("youth", MentorService.YOUTH_UNKNOWN));
        pairRefused(A_STAFF, m, null, null, Map.of("youth", MentorService.YOUTH_REQUIRED));
        pairRefused(A_STAFF, m, String.valueOf(youthB), null, Map.of("youth", MentorService.YOUTH_UNKNOWN));
        pairRefused(CITY_ADMIN, m, String.valueOf(youthB), null, Map.of("youth", MentorService.YOUTH_OTHER_COUNTY));
        pairRefused(A_STAFF, m, String.valueOf(jobSeekerA), null,
                Map.of("youth", MentorService.YOUTH_NOT_ENTREPRENEUR));
        pairRefused(A_STAFF, m, String.valueOf(youthA), "2013-01-09",
                Map.of("pairedOn", MentorService.OUTSIDE_APPOINTMENT));
        pairRefused(A_STAFF, m, String.valueOf(youthA), "2013-06-16", Map.of("pairedOn", MentorService.DATE_FUTURE));

        long pairing = mentors.pair(A_STAFF, m, new MentorInput.Pairing(String.valueOf(youthA), null));
        pairRefused(A_STAFF, m, String.valueOf(youthA), null, Map.of("youth", MentorService.YOUTH_ALREADY_PAIRED));
        Mentor.Detail d = mentors.detail(A_STAFF, m);
        assertEquals(1, d.pairings().size());
        assertEquals("创业甲", d.pairings().get(0).youthName());
        assertEquals(TODAY, d.pairings().get(0).pairedOn());
        assertEquals(1, audit.withAction("mentor.pair").size());

        service.delete(A_STAFF, youthA2);
        pairRefused(A_STAFF, m, String.valueOf(youthA2), null, Map.of("youth", MentorService.YOUTH_UNKNOWN));

        mentors.deleteLink(A_STAFF, m, MentorService.TABLE_PAIRING, pairing);
        assertEquals(List.of(), mentors.detail(A_STAFF, m).pairings());
        assertThrows(NotFoundException.class, () -> mentors.deleteLink(A_STAFF, m, MentorService.TABLE_PAIRING,
                pairing));
    }

    @Test
    void activitiesNeedAPairedYouthADateWithinTheAppointmentAndContent() {
        long m = mentors.create(A_STAFF, dismissed("李老师", A, "2013-01-10", "2013-05-31", "调离"));
        mentors.pair(A_STAFF, m, new MentorInput.Pairing(String.valueOf(youthA), "2013-01-10"));
        long before = rowsOf("EMP_MENTOR_ACTIVITY");
        for (Object[] c : List.of(
                new Object[] {new MentorInput.Activity(String.valueOf(youthA2), "2013-02-01", "x"),
                    Map.of("youth", MentorService.YOUTH_NOT_PAIRED)},
                new Object[] {new MentorInput.Activity(String.valueOf(youthA), "2013-06-01", "x"),
                    Map.of("heldOn", MentorService.OUTSIDE_APPOINTMENT)},
                new Object[] {new MentorInput.Activity(String.valueOf(youthA), "2013-01-09", "x"),
                    Map.of("heldOn", MentorService.OUTSIDE_APPOINTMENT)},
                new Object[] {new MentorInput.Activity(String.valueOf(youthA), null, " "),
                    Map.of("heldOn", MentorService.DATE_INVALID, "content", MentorService.CONTENT_REQUIRED)},
                new Object[] {new MentorInput.Activity("abc", "2099-01-01", "内".repeat(1001)),
                    Map.of("youth", MentorService.YOUTH_UNKNOWN, "heldOn", MentorService.DATE_FUTURE, "content",
                        MentorService.CONTENT_TOO_LONG)})) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> mentors.addActivity(A_STAFF, m, (MentorInput.Activity) c[0]));
            assertEquals(c[1], e.fieldErrors());
        }
        assertEquals(before, rowsOf("EMP_MENTOR_ACTIVITY"));
        long id = mentors.addActivity(A_STAFF, m, new MentorInput.Activity(String.valueOf(youthA), "2013-05-31",
                "市场分析"));
        assertEquals(List.of(new ListAudit.Entry("a-staff", "mentor.activity", "mentor:" + m, "youth=" + youthA
                + " activity=" + id)), audit.withAction("mentor.activity"));
    }

    @Test
    void aMentorWithPairingsCannotMoveCounty() {
        long m = mentors.create(CITY_ADMIN, mentor("李老师", A, "2013-01-10"));
        mentors.pair(CITY_ADMIN, m, new MentorInput.Pairing(String.valueOf(youthA), null));
        ValidationException e = assertThrows(ValidationException.class,
                () -> mentors.update(CITY_ADMIN, m, mentor("李老师", B, "2013-01-10")));
        assertEquals(Map.of("county", MentorService.COUNTY_LINKED), e.fieldErrors());
        assertEquals(TreeOrgUnits.COUNTY_A.id(), mentors.get(CITY_ADMIN, m).countyId());
    }

    // ---------------------------------------------------------------- scope

    @Test
    void anotherCountyCannotReadOrChangeAMentor() {
        long m = mentors.create(A_STAFF, mentor("李老师", A, "2013-01-10"));
        long pairing = mentors.pair(A_STAFF, m, new MentorInput.Pairing(String.valueOf(youthA), null));
        int audits = audit.entries.size();
        assertThrows(NotFoundException.class, () -> mentors.get(B_STAFF, m));
        assertThrows(NotFoundException.class, () -> mentors.detail(B_STAFF, m));
        assertThrows(NotFoundException.class, () -> mentors.update(B_STAFF, m, mentor("改", B, null)));
        assertThrows(NotFoundException.class, () -> mentors.delete(B_STAFF, m));
        assertThrows(NotFoundException.class,
                () -> mentors.pair(B_STAFF, m, new MentorInput.Pairing(String.valueOf(youthB), null)));
        assertThrows(NotFoundException.class, () -> mentors.addActivity(B_STAFF, m,
                new MentorInput.Activity(String.valueOf(youthA), "2013-02-01", "x")));
        assertThrows(NotFoundException.class,
                () -> mentors.deleteLink(B_STAFF, m, MentorService.TABLE_PAIRING, pairing));
        assertEquals(0, mentors.list(B_STAFF, null, null, 1).total());
        assertEquals(0, mentors.list(B_STAFF, null, TreeOrgUnits.COUNTY_A.id(), 1).total());
        assertEquals(List.of(), mentors.review(B_STAFF, 2013, null));
        assertEquals(audits, audit.entries.size());
        assertEquals("李老师", mentors.get(A_STAFF, m).name());

        // A pairing reached through another mentor is not found either.
        long other = mentors.create(A_STAFF, mentor("张老师", A, "2013-01-10"));
        assertThrows(NotFoundException.class,
                () -> mentors.deleteLink(A_STAFF, other, MentorService.TABLE_PAIRING, pairing));
        assertEquals(1, mentors.detail(A_STAFF, m).pairings().size());
    }

    @Test
    void viewersReadButDoNotWrite() {
        long m = mentors.create(A_STAFF, mentor("李老师", A, "2013-01-10"));
        assertEquals("李老师", mentors.get(A_VIEWER, m).name());
        assertThrows(AccessDeniedException.class, () -> mentors.create(A_VIEWER, mentor("x", A, null)));
        assertThrows(AccessDeniedException.class,
                () -> mentors.pair(A_VIEWER, m, new MentorInput.Pairing(String.valueOf(youthA), null)));
        assertThrows(AccessDeniedException.class, () -> mentors.delete(A_VIEWER, m));
        assertThrows(AccessDeniedException.class, () -> mentors.review(NO_ROLE, 2013, null));
    }

    // ---------------------------------------------------------------- indicators and review

    @Test
    void indicatorsFollowThePolicy() {
        Map<String, IndicatorDefinition> defs = new java.util.HashMap<>();
        project.indicators().forEach(d -> defs.put(d.id(), d));
        IndicatorDefinition count = defs.get(MentorService.INDICATOR_MENTORS);
        assertEquals(TargetKind.ABSOLUTE, count.kind());
        assertEquals(new BigDecimal(30), count.defaultTarget());
        for (String id : List.of(MentorService.INDICATOR_PAIRED, MentorService.INDICATOR_ACTIVE)) {
            assertEquals(TargetKind.SHARE, defs.get(id).kind());
            assertEquals(new BigDecimal(100), defs.get(id).defaultTarget());
        }
        for (String id : List.of(MentorService.INDICATOR_MENTORS, MentorService.INDICATOR_PAIRED,
                MentorService.INDICATOR_ACTIVE)) {
            assertEquals(Comparison.AT_LEAST, defs.get(id).comparison());
            assertEquals("附件2 第3项", defs.get(id).clause());
        }
        assertEquals(new BigDecimal("66.66"), MentorService.percent(2, 3), "rounded down");
        assertEquals(new BigDecimal("100.00"), MentorService.percent(3, 3));
        assertEquals(new BigDecimal("0.00"), MentorService.percent(0, 0), "no mentor: nothing met");
    }

    /**
     * County A at the end of 2012: m1 paired with 10 activities in 2012 (qualified), m2 paired with 9 (one more was
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
        mentors.pair(CITY_ADMIN, m1, new MentorInput.Pairing(String.valueOf(youthA), "2012-03-05"));
        mentors.pair(CITY_ADMIN, m2, new MentorInput.Pairing(String.valueOf(youthA2), "2012-06-02"));
        mentors.pair(CITY_ADMIN, m4, new MentorInput.Pairing(String.valueOf(youthA), "2012-02-02"));
        mentors.pair(CITY_ADMIN, m5, new MentorInput.Pairing(String.valueOf(youthA), "2012-02-02"));
        mentors.pair(CITY_ADMIN, m6, new MentorInput.Pairing(String.valueOf(youthA), "2013-02-02"));
        activities(CITY_ADMIN, m1, youthA, LocalDate.of(2012, 4, 1), 10);
        activities(CITY_ADMIN, m2, youthA2, LocalDate.of(2012, 12, 23), 10);
        activities(CITY_ADMIN, m4, youthA, LocalDate.of(2012, 3, 1), 10);
        activities(CITY_ADMIN, m5, youthA, LocalDate.of(2012, 3, 1), 10);
        long gone = mentors.detail(CITY_ADMIN, m2).activities().stream()
                .filter(a -> a.heldOn().equals(LocalDate.of(2012, 12, 23))).findFirst().orElseThrow().id();
        mentors.deleteLink(CITY_ADMIN, m2, MentorService.TABLE_ACTIVITY, gone);
        mentors.delete(CITY_ADMIN, m5);
        // County B: one paired mentor with 10 activities in 2012.
        long b1 = mentors.create(CITY_ADMIN, mentor("b1", B, "2012-01-01"));
        mentors.pair(CITY_ADMIN, b1, new MentorInput.Pairing(String.valueOf(youthB), "2012-01-02"));
        activities(CITY_ADMIN, b1, youthB, LocalDate.of(2012, 10, 1), 10);

        long a = TreeOrgUnits.COUNTY_A.id();
        long b = TreeOrgUnits.COUNTY_B.id();
        long city = TreeOrgUnits.CITY.id();
        Map<Long, Map<String, BigDecimal>> y2012 = project.actuals(List.of(a, b, city), 2012);
        assertEquals(values(3, "66.66", "33.33"), mentorValues(y2012.get(a)),
                "m1, m2, m3 in office at year end; m1, m2 paired; m1 alone with 10 activities (m2: 8 in 2012)");
        assertEquals(values(1, "100.00", "100.00"), mentorValues(y2012.get(b)));
        assertEquals(values(0, "0.00", "0.00"), mentorValues(y2012.get(city)), "only the unit's own mentors");

        // On 31 October m4 was still in office (paired, 10 activities); m3 and m2 had been appointed.
        assertEquals(values(4, "75.00", "50.00"),
                mentorValues(project.actualsAsOf(List.of(a), 2012, LocalDate.of(2012, 10, 31)).get(a)));
        // In 2013 so far: m6 joins; activities count again from 1 January (m2 has one, on 1 January 2013).
        assertEquals(values(4, "75.00", "0.00"),
                mentorValues(project.actualsAsOf(List.of(a), 2013, TODAY).get(a)));

        List<Mentor.Review> review = mentors.review(A_STAFF, 2012, null);
        assertEquals(List.of("m1", "m2", "m3"), review.stream().map(r -> r.mentor().name()).toList());
        assertTrue(review.get(0).qualified());
        assertEquals(1, review.get(0).pairings());
        assertEquals(10, review.get(0).activities());
        assertFalse(review.get(1).unpaired());
        assertTrue(review.get(1).tooFewActivities());
        assertEquals(8, review.get(1).activities());
        assertTrue(review.get(2).unpaired());
        assertTrue(review.get(2).tooFewActivities());
        assertEquals(List.of("m1", "m2", "m3", "b1"), mentors.review(CITY_ADMIN, 2012, null).stream()
                .map(r -> r.mentor().name()).toList());
        assertEquals(List.of("b1"), mentors.review(CITY_ADMIN, 2012, b).stream().map(r -> r.mentor().name()).toList());
        assertEquals(m1, review.get(0).mentor().id());
        assertEquals(m2, review.get(1).mentor().id());
        assertEquals(m3, review.get(2).mentor().id());
        assertTrue(m4 > 0 && m6 > 0);
    }

    private static Map<String, BigDecimal> values(long count, String paired, String active) {
        return Map.of(MentorService.INDICATOR_MENTORS, BigDecimal.valueOf(count), MentorService.INDICATOR_PAIRED,
                new BigDecimal(paired), MentorService.INDICATOR_ACTIVE, new BigDecimal(active));
    }

    private static Map<String, BigDecimal> mentorValues(Map<String, BigDecimal> all) {
        return Map.of(MentorService.INDICATOR_MENTORS, all.get(MentorService.INDICATOR_MENTORS),
                MentorService.INDICATOR_PAIRED, all.get(MentorService.INDICATOR_PAIRED),
                MentorService.INDICATOR_ACTIVE, all.get(MentorService.INDICATOR_ACTIVE));
    }
}
