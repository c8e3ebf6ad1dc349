package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.MilestoneDefinition;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.junit.jupiter.api.Test;

/** Work item 6, internship bases: validation, scope, audit, the entered-bases indicator and its time node. */
class InternshipBaseServiceTest extends EmploymentTestBase {

    private static final String A = String.valueOf(TreeOrgUnits.COUNTY_A.id());
    private static final String B = String.valueOf(TreeOrgUnits.COUNTY_B.id());

    static InternshipBaseInput base(String name, String county, String established, String entered, String closed) {
        return new InternshipBaseInput(name, "MANUFACTURING", "工业园区1号", "王经理 13800138000", "20", county,
                established, entered, closed);
    }

    private void refused(Actor who, InternshipBaseInput in, Map<String, String> expected) {
        long before = rows("EMP_INTERNSHIP_BASE");
        int audits = audit.entries.size();
        ValidationException e = assertThrows(ValidationException.class, () -> bases().create(who, in));
        assertEquals(expected, e.fieldErrors());
        assertEquals(before, rows("EMP_INTERNSHIP_BASE"), "nothing written");
        assertEquals(audits, audit.entries.size(), "nothing audited");
    }

    private InternshipBaseService bases() {
        return project.bases();
    }

    @Test
    void aBaseIsReadBackListedAndAudited() {
        long id = bases().create(A_STAFF, new InternshipBaseInput(" 青创电子厂 ", "technology", "园区路8号", "张三",
                " 35 ", null, null, null, null));
        InternshipBase b = bases().get(A_STAFF, id);
        assertEquals("青创电子厂", b.name());
        assertEquals(ProjectSector.TECHNOLOGY, b.sector());
        assertEquals(35, b.capacity());
        assertEquals(TreeOrgUnits.COUNTY_A.id(), b.countyId());
        assertEquals(TODAY, b.establishedOn(), "established today when left blank");
        assertNull(b.enteredOn());
        assertTrue(b.liveOn(TODAY));
        assertFalse(b.countsOn(TODAY), "not entered into the provincial system: not counted");
        assertEquals(1, bases().list(A_STAFF, new InternshipBaseService.Filter("园区", null, null, null), 1).total());
        assertEquals(1, bases().list(A_STAFF, new InternshipBaseService.Filter("张", null, false, null), 1).total());
        assertEquals(0, bases().list(A_STAFF, new InternshipBaseService.Filter(null, null, true, null), 1).total());
        assertEquals(0, bases().list(A_STAFF, new InternshipBaseService.Filter("%", null, null, null), 1).total());
        assertEquals(List.of(new ListAudit.Entry("a-staff", "base.create", "base:" + id, "county=" + A
                + " entered=-")), audit.withAction("base.create"));

        bases().update(A_STAFF, id, base("青创电子厂", A, "2013-01-05", "2013-03-01", null));
        assertEquals(LocalDate.of(2013, 3, 1), bases().get(A_STAFF, id).enteredOn());
        assertEquals(1, bases().list(A_STAFF, new InternshipBaseService.Filter(null, ProjectSector.MANUFACTURING,
                true, null), 1).total());
        assertEquals(List.of(new ListAudit.Entry("a-staff", "base.update", "base:" + id, "county=" + A
                + " entered=2013-03-01")), audit.withAction("base.update"));
        bases().delete(A_STAFF, id);
        assertThrows(NotFoundException.class, () -> bases().get(A_STAFF, id));
        assertEquals(1, audit.withAction("base.delete").size());
        assertEquals(1, rows("EMP_INTERNSHIP_BASE"), "soft delete");
    }

    @Test
    void badInputWritesNothing() {
        refused(A_STAFF, new InternshipBaseInput(null, null, " ", null, null, null, null, null, null),
                Map.of("name", InternshipBaseService.NAME_REQUIRED, "sector", InternshipBaseService.SECTOR_REQUIRED,
                        "address", InternshipBaseService.ADDRESS_REQUIRED, "contact",
                        InternshipBaseService.CONTACT_REQUIRED, "capacity", InternshipBaseService.CAPACITY_REQUIRED));
        refused(CITY_ADMIN, new InternshipBaseInput("名".repeat(101), "mining", "址".repeat(201), "联".repeat(101),
                "0", null, "2013-06-16", null, null), Map.of("name", InternshipBaseService.NAME_TOO_LONG, "sector",
                        InternshipBaseService.SECTOR_INVALID, "address", InternshipBaseService.ADDRESS_TOO_LONG,
                        "contact", InternshipBaseService.CONTACT_TOO_LONG, "capacity",
                        InternshipBaseService.CAPACITY_INVALID, "county", InternshipBaseService.COUNTY_REQUIRED,
                        "establishedOn", InternshipBaseService.DATE_FUTURE));
        for (String capacity : List.of("-1", "2.5", "ten", "100001")) {
            InternshipBaseInput in = new InternshipBaseInput("x", "OTHER", "y", "z", capacity, A, null, null, null);
            refused(A_STAFF, in, Map.of("capacity", InternshipBaseService.CAPACITY_INVALID));
        }
        refused(A_STAFF, base("x", B, "1999-12-31", null, null), Map.of("county", InternshipBaseService.COUNTY_INVALID,
                "establishedOn", InternshipBaseService.DATE_TOO_EARLY));
        refused(A_STAFF, base("x", A, "2013-03-01", "2013-02-28", "2013-02-01"),
                Map.of("enteredOn", InternshipBaseService.ENTERED_BEFORE_ESTABLISHED, "closedOn",
                        InternshipBaseService.CLOSED_BEFORE_ESTABLISHED));
        refused(A_STAFF, base("x", A, "2013-03-01", "2013-06-16", "2013/05/01"),
                Map.of("enteredOn", InternshipBaseService.DATE_FUTURE, "closedOn", InternshipBaseService.DATE_INVALID));
    }

    @Test
    void anotherCountyCannotReadOrChangeABase() {
        long id = bases().create(A_STAFF, base("甲厂", A, "2013-01-05", null, null));
        int audits = audit.entries.size();
        assertThrows(NotFoundException.class, () -> bases().get(B_STAFF, id));
        assertThrows(NotFoundException.class, () -> bases().update(B_STAFF, id, base("改", B, null, null, null)));
        assertThrows(NotFoundException.class, () -> bases().delete(B_STAFF, id));
        assertEquals(0, bases().list(B_STAFF, InternshipBaseService.Filter.NONE, 1).total());
        assertEquals(0, bases().list(B_STAFF, new InternshipBaseService.Filter(null, null, null,
                TreeOrgUnits.COUNTY_A.id()), 1).total());
        assertEquals(List.of(TreeOrgUnits.COUNTY_B.id()), List.copyOf(bases().counts(B_STAFF, null, TODAY).keySet()));
        refused(B_STAFF, base("乙厂", A, null, null, null), Map.of("county", InternshipBaseService.COUNTY_INVALID));
        assertEquals(audits, audit.entries.size());
        assertEquals("甲厂", bases().get(A_STAFF, id).name());
        assertEquals(1, bases().list(CITY_ADMIN, InternshipBaseService.Filter.NONE, 1).total());
    }

    @Test
    void viewersReadButDoNotWrite() {
        long id = bases().create(A_STAFF, base("甲厂", A, "2013-01-05", null, null));
        assertEquals("甲厂", bases().get(A_VIEWER, id).name());
        assertThrows(AccessDeniedException.class, () -> bases().create(A_VIEWER, base("x", A, null, null, null)));
        assertThrows(AccessDeniedException.class, () -> bases().update(A_VIEWER, id, base("x", A, null, null, null)));
        assertThrows(AccessDeniedException.class, () -> bases().delete(A_VIEWER, id));
        assertThrows(AccessDeniedException.class, () -> bases().get(NO_ROLE, id));
        assertThrows(AccessDeniedException.class, () -> bases().list(NO_ROLE, InternshipBaseService.Filter.NONE, 1));
    }

    @Test
    void aBaseWithPositionsKeepsItsCountyAndIsClosedNotDeleted() {
        long id = bases().create(CITY_ADMIN, base("甲厂", A, "2013-01-05", "2013-01-06", null));
        project.internships().create(CITY_ADMIN, new InternshipInput.Position(A, "甲厂", "总经理助理", "yes",
                String.valueOf(id), "2", "2013", "2013-07-01", "2013-12-31"));
        ValidationException moved = assertThrows(ValidationException.class,
                () -> bases().update(CITY_ADMIN, id, base("甲厂", B, "2013-01-05", "2013-01-06", null)));
        assertEquals(Map.of("county", InternshipBaseService.COUNTY_LINKED), moved.fieldErrors());
        ValidationException deleted = assertThrows(ValidationException.class, () -> bases().delete(CITY_ADMIN, id));
        assertEquals(Map.of("delete", InternshipBaseService.DELETE_LINKED), deleted.fieldErrors());
        assertEquals(0, audit.withAction("base.delete").size());
        bases().update(CITY_ADMIN, id, base("甲厂", A, "2013-01-05", "2013-01-06", "2013-06-01"));
        assertFalse(bases().get(CITY_ADMIN, id).liveOn(TODAY));
    }

    // ---------------------------------------------------------------- indicator and time node

    @Test
    void theIndicatorAndTimeNodeFollowThePolicy() {
        IndicatorDefinition d = project.indicators().stream()
                .filter(i -> i.id().equals(InternshipBaseService.INDICATOR_BASES)).findFirst().orElseThrow();
        assertEquals(Comparison.AT_LEAST, d.comparison());
        assertEquals(new BigDecimal(80), d.defaultTarget());
        assertEquals(TargetKind.ABSOLUTE, d.kind());
        assertEquals("附件2 第6项", d.clause());
        MilestoneDefinition m = project.milestones().stream()
                .filter(x -> x.id().equals("internship.bases.built")).findFirst().orElseThrow();
        assertEquals(MonthDay.of(12, 31), m.due());
        assertEquals("附件2 第6项", m.clause());
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            for (String key : List.of(d.nameKey(), d.unitKey(), m.nameKey())) {
                assertTrue(PageRender.keys(locale).contains(key), key + " in " + locale);
            }
        }
    }

    /**
     * County A: a1 established 2012 and entered 2012; a2 established 2012, entered March 2013; a3 never entered;
     * a4 entered 2012 and closed 31 May 2013; a5 entered and deleted; a6 established and entered in June 2013.
     * County B: one entered base.
     */
    @Test
    void actualsCountLiveBasesEnteredByTheDay() {
        bases().create(CITY_ADMIN, base("a1", A, "2012-03-01", "2012-04-01", null));
        bases().create(CITY_ADMIN, base("a2", A, "2012-05-01", "2013-03-10", null));
        bases().create(CITY_ADMIN, base("a3", A, "2012-05-01", null, null));
        bases().create(CITY_ADMIN, base("a4", A, "2012-02-01", "2012-02-02", "2013-05-31"));
        long a5 = bases().create(CITY_ADMIN, base("a5", A, "2012-02-01", "2012-02-02", null));
        bases().delete(CITY_ADMIN, a5);
        bases().create(CITY_ADMIN, base("a6", A, "2013-06-01", "2013-06-01", null));
        bases().create(CITY_ADMIN, base("b1", B, "2012-01-01", "2012-01-01", null));

        long a = TreeOrgUnits.COUNTY_A.id();
        long b = TreeOrgUnits.COUNTY_B.id();
        long city = TreeOrgUnits.CITY.id();
        Map<Long, Map<String, BigDecimal>> y2012 = project.actuals(List.of(a, b, city), 2012);
        assertEquals(BigDecimal.valueOf(2), y2012.get(a).get(InternshipBaseService.INDICATOR_BASES), "a1 and a4");
        assertEquals(BigDecimal.ONE, y2012.get(b).get(InternshipBaseService.INDICATOR_BASES));
        assertEquals(BigDecimal.ZERO, y2012.get(city).get(InternshipBaseService.INDICATOR_BASES), "own bases only");
        assertEquals(BigDecimal.valueOf(3), project.actualsAsOf(List.of(a), 2013, LocalDate.of(2013, 5, 30)).get(a)
                .get(InternshipBaseService.INDICATOR_BASES), "a1, a2 (entered in March), a4 (open until 31 May)");
        assertEquals(BigDecimal.valueOf(3), project.actualsAsOf(List.of(a), 2013, TODAY).get(a)
                .get(InternshipBaseService.INDICATOR_BASES), "a4 closed, a6 added");
        assertEquals(BigDecimal.valueOf(1), project.actualsAsOf(List.of(a), 2012, LocalDate.of(2012, 3, 31)).get(a)
                .get(InternshipBaseService.INDICATOR_BASES), "only a4 by 31 March 2012");

        assertEquals(Map.of(a, new InternshipBase.Counts(4, 3), b, new InternshipBase.Counts(1, 1)),
                bases().counts(CITY_ADMIN, null, TODAY), "a3 is live but not entered");
        assertEquals(Map.of(a, new InternshipBase.Counts(4, 3)), bases().counts(A_STAFF, null, TODAY));
    }
}
