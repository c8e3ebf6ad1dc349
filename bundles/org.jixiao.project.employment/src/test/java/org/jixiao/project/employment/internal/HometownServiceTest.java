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

/** Work item 12, "a thousand students see their hometown": students, events, participants, scope, the indicator. */
class HometownServiceTest extends EmploymentTestBase {

    private static final String A = String.valueOf(TreeOrgUnits.COUNTY_A.id());
    private static final String B = String.valueOf(TreeOrgUnits.COUNTY_B.id());
    private static final String[] TABLES = {"EMP_HOMETOWN_STUDENT", "EMP_HOMETOWN_EVENT", "EMP_HOMETOWN_PARTICIPANT"};

    private HometownService hometown;

    @BeforeEach
    void setUp() {
        hometown = project.hometown();
    }

    static HometownInput.Student student(String name, String county) {
        return new HometownInput.Student(name, "浙江大学", "计算机", null, county, null);
    }

    static HometownInput.Event event(String county, String year, String heldOn) {
        return new HometownInput.Event(county, year, heldOn, "千名学子看家乡", "县青年创业园", "团县委", null);
    }

    private Map<String, String> errors(Executable call) {
        long before = rows(TABLES);
        int audited = audit.entries.size();
        ValidationException e = assertThrows(ValidationException.class, call);
        assertEquals(before, rows(TABLES), "nothing written");
        assertEquals(audited, audit.entries.size(), "nothing audited");
        return e.fieldErrors();
    }

    @Test
    void indicatorAndTimeNodeFollowThePolicy() {
        IndicatorDefinition d = project.indicators().stream().filter(i -> i.id().equals("hometown.students"))
                .findFirst().orElseThrow();
        assertEquals(new BigDecimal(200), d.defaultTarget());
        assertEquals(Comparison.AT_LEAST, d.comparison());
        assertEquals(TargetKind.ABSOLUTE, d.kind());
        assertEquals("附件2 第12项", d.clause());
        assertEquals("unit.person", d.unitKey());
        MilestoneDefinition m = project.milestones().stream().filter(x -> x.id().equals("hometown.event"))
                .findFirst().orElseThrow();
        assertEquals(MonthDay.of(8, 20), m.due());
        assertEquals("附件2 第12项", m.clause());
    }

    // ---------------------------------------------------------------- students

    @Test
    void studentRules() {
        assertEquals(Map.of("name", HometownService.NAME_REQUIRED, "university", HometownService.UNIVERSITY_REQUIRED,
                "county", HometownService.COUNTY_REQUIRED), errors(() -> hometown.createStudent(CITY_ADMIN,
                        new HometownInput.Student(" ", null, null, null, null, null))));
        assertEquals(Map.of("name", HometownService.NAME_TOO_LONG, "university", HometownService.UNIVERSITY_TOO_LONG,
                "major", HometownService.MAJOR_TOO_LONG, "phone", HometownService.PHONE_INVALID),
                errors(() -> hometown.createStudent(A_STAFF, new HometownInput.Student("字".repeat(51),
                        "字".repeat(101), "字".repeat(101), "12345", null, null))));
        assertEquals(Map.of("youth", HometownService.YOUTH_UNKNOWN), errors(() -> hometown.createStudent(A_STAFF,
                new HometownInput.Student("李", "浙大", null, null, null, "abc"))));
        long youthB = service.create(CITY_ADMIN, person("Han", LocalDate.of(1992, 4, 5), 12, "JOB_SEEKING",
                TreeOrgUnits.COUNTY_B, "2013-02-10"));
        assertEquals(Map.of("youth", HometownService.YOUTH_UNKNOWN), errors(() -> hometown.createStudent(A_STAFF,
                new HometownInput.Student("李", "浙大", null, null, null, String.valueOf(youthB)))),
                "B's youth is unseen from A");
        assertEquals(Map.of("youth", HometownService.YOUTH_OTHER_COUNTY), errors(() -> hometown.createStudent(
                CITY_ADMIN, new HometownInput.Student("李", "浙大", null, null, A, String.valueOf(youthB)))));
        assertEquals(Map.of("county", HometownService.COUNTY_INVALID), errors(() -> hometown.createStudent(A_STAFF,
                student("李", B))));

        long youthA = service.create(A_STAFF, person());
        long id = hometown.createStudent(A_STAFF, new HometownInput.Student(" 李雷 ", "浙江大学", "金融",
                "138-0013-8000", null, String.valueOf(youthA)));
        Hometown.Student s = hometown.student(A_STAFF, id);
        assertEquals("李雷", s.name());
        assertEquals("13800138000", s.phone());
        assertEquals(youthA, s.youthId());
        assertEquals("李雷", s.youthName());
        assertEquals(List.of(new ListAudit.Entry("a-staff", "hometown.student.create", "hometown-student:" + id,
                "county=" + A + " youth=" + youthA)), audit.withAction("hometown.student.create"));

        // The same name, university and phone again in the county would count one person twice.
        assertEquals(Map.of("name", HometownService.STUDENT_EXISTS), errors(() -> hometown.createStudent(A_STAFF,
                new HometownInput.Student("李雷", "浙江大学", null, "13800138000", null, null))));
        hometown.createStudent(A_STAFF, new HometownInput.Student("李雷", "浙江大学", null, "13900139000", null, null));
        hometown.createStudent(CITY_ADMIN, new HometownInput.Student("李雷", "浙江大学", null, "13800138000", B, null));
        long noPhone = hometown.createStudent(A_STAFF, student("韩梅梅", null));
        assertEquals(Map.of("name", HometownService.STUDENT_EXISTS), errors(() -> hometown.createStudent(A_STAFF,
                student("韩梅梅", null))));
        hometown.updateStudent(A_STAFF, noPhone, new HometownInput.Student("韩梅梅", "浙江大学", "法学", null, null,
                null));
        assertEquals("法学", hometown.student(A_STAFF, noPhone).major(), "its own record is no duplicate");
        assertNull(hometown.student(A_STAFF, noPhone).youthId());
        assertEquals(1, audit.withAction("hometown.student.update").size());
        assertEquals(List.of("韩梅梅"), hometown.students(A_STAFF, "韩", null, 1).items().stream()
                .map(Hometown.Student::name).toList());
        assertEquals(3, hometown.students(A_STAFF, "浙江", null, 1).total(), "the university is searched");
    }

    // ---------------------------------------------------------------- events and participants

    @Test
    void eventAndParticipantRules() {
        assertEquals(Map.of("county", HometownService.COUNTY_REQUIRED, "heldOn", HometownService.HELD_INVALID,
                "title", HometownService.TITLE_REQUIRED, "place", HometownService.PLACE_REQUIRED, "organiser",
                HometownService.ORGANISER_REQUIRED), errors(() -> hometown.createEvent(CITY_ADMIN,
                        new HometownInput.Event(null, null, null, null, null, null, null))));
        assertEquals(Map.of("heldOn", HometownService.HELD_OUTSIDE_YEAR), errors(() -> hometown.createEvent(A_STAFF,
                event(A, "2012", "2013-06-01"))), "events outside the year are refused");
        assertEquals(Map.of("heldOn", HometownService.HELD_FUTURE), errors(() -> hometown.createEvent(A_STAFF,
                event(A, "2013", "2013-08-15"))));
        assertEquals(Map.of("year", HometownService.YEAR_INVALID), errors(() -> hometown.createEvent(A_STAFF,
                event(A, "2014", "2013-06-01"))));
        assertEquals(Map.of("notes", HometownService.NOTES_TOO_LONG, "title", HometownService.TITLE_TOO_LONG),
                errors(() -> hometown.createEvent(A_STAFF, new HometownInput.Event(A, "2013", "2013-06-01",
                        "字".repeat(101), "x", "y", "字".repeat(1001)))));

        long e = hometown.createEvent(A_STAFF, event(null, "2012", "2012-08-15"));
        assertEquals(List.of(new ListAudit.Entry("a-staff", "hometown.create", "hometown:" + e,
                "county=" + A + " heldOn=2012-08-15")), audit.withAction("hometown.create"));
        long s1 = hometown.createStudent(A_STAFF, student("李", null));
        long sb = hometown.createStudent(CITY_ADMIN, student("王", B));

        assertEquals(Map.of("student", HometownService.STUDENT_REQUIRED), errors(() -> hometown.addParticipant(
                A_STAFF, e, null)));
        assertEquals(Map.of("student", HometownService.STUDENT_UNKNOWN), errors(() -> hometown.addParticipant(
                A_STAFF, e, "0")));
        assertEquals(Map.of("student", HometownService.STUDENT_UNKNOWN), errors(() -> hometown.addParticipant(
                A_STAFF, e, String.valueOf(sb))), "B's student is unseen from A");
        assertEquals(Map.of("student", HometownService.STUDENT_OTHER_COUNTY), errors(() -> hometown.addParticipant(
                CITY_ADMIN, e, String.valueOf(sb))));
        long p = hometown.addParticipant(A_STAFF, e, String.valueOf(s1));
        assertEquals(Map.of("student", HometownService.STUDENT_DUPLICATE), errors(() -> hometown.addParticipant(
                A_STAFF, e, String.valueOf(s1))), "a student at most once per event");
        assertEquals(List.of(new ListAudit.Entry("a-staff", "hometown.participant.add", "hometown:" + e,
                "student=" + s1 + " participant=" + p)), audit.withAction("hometown.participant.add"));
        assertEquals(List.of("李"), hometown.detail(A_STAFF, e).participants().stream()
                .map(Hometown.Participant::name).toList());

        assertEquals(Map.of("county", HometownService.COUNTY_LINKED), errors(() -> hometown.updateEvent(CITY_ADMIN,
                e, event(B, "2012", "2012-08-15"))));
        assertEquals(Map.of("county", HometownService.COUNTY_LINKED), errors(() -> hometown.updateStudent(CITY_ADMIN,
                s1, student("李", B))));

        long other = hometown.createEvent(A_STAFF, event(A, "2013", "2013-06-01"));
        assertThrows(NotFoundException.class, () -> hometown.removeParticipant(A_STAFF, other, p));
        hometown.removeParticipant(A_STAFF, e, p);
        assertEquals(0, hometown.event(A_STAFF, e).participants());
        hometown.addParticipant(A_STAFF, e, String.valueOf(s1));
        assertEquals(1, audit.withAction("hometown.participant.remove").size());

        hometown.updateEvent(A_STAFF, other, new HometownInput.Event(A, "2013", "2013-06-02", "座谈会", "县委党校",
                "团县委、县人社局", "20名学生"));
        assertEquals("座谈会", hometown.event(A_STAFF, other).title());
        hometown.deleteEvent(A_STAFF, other);
        assertThrows(NotFoundException.class, () -> hometown.event(A_STAFF, other));
        assertEquals(1, audit.withAction("hometown.delete").size());
    }

    @Test
    void scopeAndRoles() {
        long e = hometown.createEvent(A_STAFF, event(A, "2013", "2013-06-01"));
        long s = hometown.createStudent(A_STAFF, student("李", A));
        hometown.createEvent(B_STAFF, new HometownInput.Event(null, "2013", "2013-06-02", "B 活动", "x", "y", null));

        assertThrows(NotFoundException.class, () -> hometown.event(B_STAFF, e));
        assertThrows(NotFoundException.class, () -> hometown.updateEvent(B_STAFF, e, event(B, "2013", "2013-06-01")));
        assertThrows(NotFoundException.class, () -> hometown.deleteEvent(B_STAFF, e));
        assertThrows(NotFoundException.class, () -> hometown.addParticipant(B_STAFF, e, String.valueOf(s)));
        assertThrows(NotFoundException.class, () -> hometown.student(B_STAFF, s));
        assertThrows(NotFoundException.class, () -> hometown.updateStudent(B_STAFF, s, student("李", B)));
        assertThrows(NotFoundException.class, () -> hometown.deleteStudent(B_STAFF, s));
        assertEquals(Map.of("county", HometownService.COUNTY_INVALID), errors(() -> hometown.createEvent(B_STAFF,
                event(A, "2013", "2013-06-01"))));
        assertEquals(List.of("B 活动"), hometown.events(B_STAFF, 2013, null, null, 1).items().stream()
                .map(Hometown.Event::title).toList());
        assertEquals(2, hometown.events(CITY_ADMIN, 2013, null, null, 1).total());
        assertEquals(0, hometown.events(CITY_ADMIN, 2012, null, null, 1).total());
        assertEquals(1, hometown.events(CITY_ADMIN, 2013, "团县委", null, 1).total(), "the organiser is searched");
        assertEquals(0, hometown.students(B_STAFF, null, null, 1).total());

        assertThrows(AccessDeniedException.class, () -> hometown.createEvent(A_VIEWER, event(A, "2013", "2013-06-01")));
        assertThrows(AccessDeniedException.class, () -> hometown.createStudent(A_VIEWER, student("x", A)));
        assertThrows(AccessDeniedException.class, () -> hometown.event(NO_ROLE, e));
        assertEquals("李", hometown.student(A_VIEWER, s).name());
    }

    /**
     * County A, today being 15 June 2013: e1 (14 June) with s1, s2; e2 (15 June) with s1 again and s3; e3 deleted
     * with s4; s5 at e2 but deleted as a student; e0 in August 2012 with s1. County B: one event with one student.
     */
    @Test
    void actualsOnHandMadeRecords() {
        Records c = new Records();
        long e1 = c.event(A, "2013-06-14");
        long e2 = c.event(A, "2013-06-15");
        long e3 = c.event(A, "2013-06-01");
        long e0 = c.event(A, "2012-08-15");
        long eb = c.event(B, "2013-05-20");
        long s1 = c.student("s1", A);
        long s2 = c.student("s2", A);
        long s3 = c.student("s3", A);
        long s4 = c.student("s4", A);
        long s5 = c.student("s5", A);
        long sb = c.student("sb", B);
        c.take(e1, s1);
        c.take(e1, s2);
        c.take(e2, s1);
        c.take(e2, s3);
        c.take(e2, s5);
        c.take(e3, s4);
        c.take(e0, s1);
        c.take(eb, sb);
        hometown.deleteEvent(CITY_ADMIN, e3);
        hometown.deleteStudent(CITY_ADMIN, s5);
        assertEquals(1, audit.withAction("hometown.student.delete").size());

        long a = TreeOrgUnits.COUNTY_A.id();
        long b = TreeOrgUnits.COUNTY_B.id();
        long city = TreeOrgUnits.CITY.id();
        Map<Long, Map<String, BigDecimal>> now = project.actualsAsOf(List.of(a, b, city), 2013, TODAY);
        assertEquals(BigDecimal.valueOf(3), now.get(a).get("hometown.students"), "s1, s2, s3; s1 counted once");
        assertEquals(BigDecimal.valueOf(1), now.get(b).get("hometown.students"));
        assertEquals(BigDecimal.ZERO, now.get(city).get("hometown.students"));
        assertEquals(BigDecimal.valueOf(2), project.actualsAsOf(List.of(a), 2013, LocalDate.of(2013, 6, 14)).get(a)
                .get("hometown.students"), "the day before e2");
        assertEquals(BigDecimal.ONE, project.actuals(List.of(a), 2012).get(a).get("hometown.students"));
        assertEquals(Map.of(a, 3L, b, 1L), hometown.progress(CITY_ADMIN, 2013, null));
        assertEquals(Map.of(b, 1L), hometown.progress(B_STAFF, 2013, null));
        assertTrue(hometown.actualsAsOf(List.of(), 2013, TODAY).isEmpty());

        // Moving e1 into 2012 takes its participations along: s2 took part in 2012 from then on.
        hometown.updateEvent(CITY_ADMIN, e1, event(A, "2012", "2012-08-16"));
        assertEquals(BigDecimal.valueOf(2), project.actualsAsOf(List.of(a), 2013, TODAY).get(a)
                .get("hometown.students"), "s1 and s3 at e2");
        assertEquals(BigDecimal.valueOf(2), project.actuals(List.of(a), 2012).get(a).get("hometown.students"),
                "s1 (twice) and s2");
    }

    /** Short hands for the hand-made records. */
    private final class Records {
        long event(String county, String heldOn) {
            return hometown.createEvent(CITY_ADMIN, HometownServiceTest.event(county, heldOn.substring(0, 4),
                    heldOn));
        }

        long student(String name, String county) {
            return hometown.createStudent(CITY_ADMIN, HometownServiceTest.student(name, county));
        }

        void take(long event, long student) {
            hometown.addParticipant(CITY_ADMIN, event, String.valueOf(student));
        }
    }
}
