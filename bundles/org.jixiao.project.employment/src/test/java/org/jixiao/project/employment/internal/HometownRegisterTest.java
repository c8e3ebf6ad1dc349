package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jixiao.api.Actor;
import org.jixiao.api.ValidationException;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.project.employment.internal.hometown.HometownRegister;
import org.junit.jupiter.api.Test;

/**
 * Work item 12 on the register engine: a student is registered once per county, a participant is a student of the
 * event's county taking part once, what keeps events and students from going or moving, and the indicator (distinct
 * students at the year's events of the county). Scope, roles, audit and field rules are the engine's tests'.
 */
class HometownRegisterTest extends EmploymentTestBase {

    private static final String[] TABLES = {"EMP_HOMETOWN_EVENT", "EMP_HOMETOWN_STUDENT",
        "EMP_HOMETOWN_PARTICIPANT"};

    private long event(Actor actor, String county, String heldOn) {
        return engine.create(actor, project, HometownRegister.ID, eventForm(county, heldOn));
    }

    private static Map<String, Object> eventForm(String county, String heldOn) {
        return form("unit", county, "heldOn", heldOn, "title", "家乡行", "place", "县文化馆", "organiser", "县团委");
    }

    private long student(String name, String county, String phone, Long youth) {
        Map<String, Object> m = studentForm(name, county, phone);
        m.put("youth", youth);
        return engine.create(CITY_ADMIN, project, HometownRegister.STUDENTS, m);
    }

    private static Map<String, Object> studentForm(String name, String county, String phone) {
        return form("unit", county, "name", name, "university", "北京大学", "major", "经济学", "phone", phone);
    }

    private long join(long event, long student) {
        return engine.create(CITY_ADMIN, project, HometownRegister.PARTICIPANTS, Map.of("parent", event, "student",
                student));
    }

    private Map<String, String> refused(Runnable write) {
        return refused(write, TABLES);
    }

    private BigDecimal students(String county, int year, LocalDate asOf) {
        long unit = Long.parseLong(county);
        return project.actualsAsOf(List.of(unit), year, asOf).get(unit).get(HometownRegister.INDICATOR_STUDENTS);
    }

    @Test
    void aStudentIsRegisteredOncePerCountyByNameUniversityAndPhone() {
        student("韩梅梅", A, null, null);
        student("李雷", A, "13800138000", null);
        assertEquals(Map.of("name", "hometown.student.exists"), refused(() -> student("韩梅梅", A, null, null)));
        assertEquals(Map.of("name", "hometown.student.exists"),
                refused(() -> student("李雷", A, "13800138000", null)));
        student("韩梅梅", A, "13900139000", null);
        student("韩梅梅", B, null, null);

        long edited = student("王芳", A, null, null);
        Map<String, Object> same = studentForm("王芳", A, null);
        same.put("major", "法学");
        engine.update(CITY_ADMIN, project, HometownRegister.STUDENTS, edited, same, -1);
        assertEquals("法学", engine.get(CITY_ADMIN, project, HometownRegister.STUDENTS, edited).value("major"),
                "a student is not its own duplicate");
    }

    @Test
    void aStudentNamesAYouthOfItsCountyWhichThenStays() {
        long youthA = service.create(CITY_ADMIN, person("name", "韩梅梅"));
        assertEquals(Map.of("youth", "register.error.otherUnit"),
                refused(() -> student("韩梅梅", B, null, youthA)));
        student("韩梅梅", A, null, youthA);
        ValidationException e = assertThrows(ValidationException.class, () -> service.delete(CITY_ADMIN, youthA));
        assertEquals(Map.of("hometown-students", "hometown.student.linked"), e.fieldErrors());
    }

    @Test
    void anEventIsHeldFrom2000On() {
        assertEquals(Map.of("heldOn", "hometown.heldOn.tooEarly"), refused(() -> event(A_STAFF, A, "1999-08-15")));
        event(A_STAFF, A, "2000-01-01");
    }

    @Test
    void aParticipantIsAStudentOfTheEventsCountyTakingPartOnce() {
        long event = event(A_STAFF, A, "2013-03-01");
        long fromA = student("韩梅梅", A, null, null);
        long fromB = student("李雷", B, null, null);
        long p = join(event, fromA);
        assertEquals(FixedOrgUnits.COUNTY_A.id(),
                engine.get(A_STAFF, project, HometownRegister.PARTICIPANTS, p).unitId(), "in the event's county");

        assertEquals(Map.of("student", "register.error.otherUnit"), refused(() -> join(event, fromB)));
        assertEquals(Map.of("student", "hometown.student.duplicate"), refused(() -> join(event, fromA)));
        long other = event(A_STAFF, A, "2013-04-01");
        join(other, fromA);

        engine.delete(CITY_ADMIN, project, HometownRegister.PARTICIPANTS, p, "登记有误");
        join(event, fromA);
    }

    @Test
    void anEventOrStudentWithParticipantsNeitherMovesNorGoes() {
        long event = event(CITY_ADMIN, A, "2013-03-01");
        long s = student("韩梅梅", A, null, null);
        long p = join(event, s);
        Map<String, Object> moved = eventForm(B, "2013-03-01");
        Map<String, String> linked = Map.of(HometownRegister.PARTICIPANTS, "hometown.participant.linked");
        assertEquals(linked, refused(() -> engine.update(CITY_ADMIN, project, HometownRegister.ID, event, moved, -1)));
        assertEquals(linked, refused(() -> engine.delete(CITY_ADMIN, project, HometownRegister.ID, event, "取消")));
        assertEquals(linked, refused(() -> engine.delete(CITY_ADMIN, project, HometownRegister.STUDENTS, s, "重复")));
        assertEquals(linked, refused(() -> engine.update(CITY_ADMIN, project, HometownRegister.STUDENTS, s,
                studentForm("韩梅梅", B, null), -1)));

        engine.delete(CITY_ADMIN, project, HometownRegister.PARTICIPANTS, p, "登记有误");
        engine.update(CITY_ADMIN, project, HometownRegister.ID, event, moved, -1);
        engine.delete(CITY_ADMIN, project, HometownRegister.STUDENTS, s, "重复");
    }

    @Test
    void theIndicatorCountsDistinctStudentsAtTheYearsEventsOfTheCounty() {
        assertPolicy(HometownRegister.INDICATOR_STUDENTS, 200, "附件2 第12项");

        long march = event(CITY_ADMIN, A, "2013-03-01");
        long may = event(CITY_ADMIN, A, "2013-05-01");
        long lastYear = event(CITY_ADMIN, A, "2012-08-15");
        long s1 = student("甲", A, null, null);
        long s2 = student("乙", A, null, null);
        long s3 = student("丙", A, null, null);
        student("丁", A, null, null);
        join(march, s1);
        join(may, s1);
        join(may, s2);
        long gone = join(may, s3);
        join(lastYear, s3);
        engine.delete(CITY_ADMIN, project, HometownRegister.PARTICIPANTS, gone, "登记有误");

        assertEquals(new BigDecimal(2), students(A, 2013, TODAY), "a student at two events is one; removed ones go");
        assertEquals(BigDecimal.ONE, students(A, 2013, LocalDate.of(2013, 4, 30)), "up to the day asked");
        assertEquals(BigDecimal.ONE, students(A, 2012, LocalDate.of(2012, 12, 31)));
        assertEquals(BigDecimal.ZERO, students(B, 2013, TODAY));

        // The participants follow their event to its new day.
        engine.update(CITY_ADMIN, project, HometownRegister.ID, may, eventForm(A, "2012-09-01"), -1);
        assertEquals(BigDecimal.ONE, students(A, 2013, TODAY));
        assertEquals(new BigDecimal(3), students(A, 2012, LocalDate.of(2012, 12, 31)));
    }
}
