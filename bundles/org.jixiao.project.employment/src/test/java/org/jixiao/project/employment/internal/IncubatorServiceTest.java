package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.MilestoneDefinition;
import org.jixiao.api.project.IndicatorDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Work item 10, incubation bases: base and residence rules, one base at a time, scope, audit and the two indicators. */
class IncubatorServiceTest extends EmploymentTestBase {

    private static final String A = String.valueOf(TreeOrgUnits.COUNTY_A.id());
    private static final String B = String.valueOf(TreeOrgUnits.COUNTY_B.id());

    private IncubatorService incubators;
    private long founderA;
    private long projectA;
    private long projectA2;
    private long projectB;

    @BeforeEach
    void projects() {
        incubators = project.incubators();
        founderA = service.create(CITY_ADMIN, person("创业甲", LocalDate.of(1990, 2, 3), 11, "ENTREPRENEUR",
                TreeOrgUnits.COUNTY_A, "2012-01-05"));
        long founderB = service.create(CITY_ADMIN, person("创业乙", LocalDate.of(1991, 4, 5), 13, "ENTREPRENEUR",
                TreeOrgUnits.COUNTY_B, "2012-01-05"));
        projectA = venture("农场", founderA, A);
        projectA2 = venture("网店", founderA, A);
        projectB = venture("茶馆", founderB, B);
    }

    private long venture(String name, long founder, String county) {
        return projects.create(CITY_ADMIN, new ProjectInput(name, String.valueOf(founder), "COMMERCE", "STARTUP", null,
                county, "2012-02-01"));
    }

    private static IncubatorInput.Base base(String name, String county, String opened, String closed) {
        return new IncubatorInput.Base(name, "创业园1号", "县创业园管委会", county, opened, "1200.50", closed);
    }

    private static IncubatorInput.Resident resident(long project, String in, String out) {
        return new IncubatorInput.Resident(String.valueOf(project), in, out);
    }

    private void refused(Map<String, String> expected, Executable call) {
        long before = rows("EMP_INCUBATOR", "EMP_INCUBATOR_RESIDENT");
        String state = store.read(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*), MAX(UPDATED_AT) FROM EMP_INCUBATOR_RESIDENT");
                    var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) + "/" + rs.getTimestamp(2);
            }
        });
        int audited = audit.entries.size();
        ValidationException e = assertThrows(ValidationException.class, call);
        assertEquals(expected, e.fieldErrors());
        assertEquals(before, rows("EMP_INCUBATOR", "EMP_INCUBATOR_RESIDENT"), "nothing written");
        assertEquals(audited, audit.entries.size(), "nothing audited");
        assertEquals(state, store.read(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*), MAX(UPDATED_AT) FROM EMP_INCUBATOR_RESIDENT");
                    var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) + "/" + rs.getTimestamp(2);
            }
        }));
    }

    @Test
    void aBaseIsReadBackListedAuditedAndItsFieldsChecked() {
        long id = incubators.create(A_STAFF, new IncubatorInput.Base(" 青年创业园 ", "人民路1号", "县团委", null,
                "2013-03-01", " 1200.5 ", null));
        Incubator b = incubators.get(A_STAFF, id);
        assertEquals("青年创业园", b.name());
        assertEquals(new BigDecimal("1200.50"), b.areaM2());
        assertEquals(TreeOrgUnits.COUNTY_A.id(), b.countyId());
        assertTrue(b.openOn(TODAY));
        assertEquals(List.of(new ListAudit.Entry("a-staff", "incubator.create", "incubator:" + id, "county=" + A)),
                audit.withAction("incubator.create"));
        assertEquals(1, incubators.list(A_STAFF, "团委", null, 1).total(), "by operator");
        assertEquals(1, incubators.list(A_STAFF, "人民路", null, 1).total(), "by address");
        assertEquals(0, incubators.list(A_STAFF, "%", null, 1).total());

        IncubatorInput.Base ok = base("基地", A, "2013-03-01", null);
        refused(Map.of("name", IncubatorService.NAME_REQUIRED, "address", IncubatorService.ADDRESS_REQUIRED,
                "operator", IncubatorService.OPERATOR_REQUIRED), () -> incubators.create(A_STAFF,
                        new IncubatorInput.Base(" ", null, "", A, "2013-03-01", null, null)));
        refused(Map.of("name", IncubatorService.NAME_TOO_LONG, "address", IncubatorService.ADDRESS_TOO_LONG,
                "operator", IncubatorService.OPERATOR_TOO_LONG), () -> incubators.create(A_STAFF,
                        new IncubatorInput.Base("n".repeat(101), "a".repeat(201), "o".repeat(101), A, "2013-03-01",
                                null, null)));
        for (String area : List.of("0", "-5", "1,200", "12.345", "abc", "12345678901")) {
            refused(Map.of("area", IncubatorService.AREA_INVALID), () -> incubators.create(A_STAFF,
                    new IncubatorInput.Base("n", "a", "o", A, "2013-03-01", area, null)));
        }
        refused(Map.of("openedOn", IncubatorService.DATE_INVALID), () -> incubators.create(A_STAFF,
                base("n", A, null, null)));
        refused(Map.of("openedOn", IncubatorService.DATE_FUTURE), () -> incubators.create(A_STAFF,
                base("n", A, "2013-06-16", null)));
        refused(Map.of("closedOn", IncubatorService.CLOSED_BEFORE_OPENED), () -> incubators.update(A_STAFF, id,
                base("n", A, "2013-03-01", "2013-03-01")));
        refused(Map.of("closedOn", IncubatorService.DATE_FUTURE), () -> incubators.update(A_STAFF, id,
                base("n", A, "2013-03-01", "2013-07-01")));
        refused(Map.of("county", IncubatorService.COUNTY_INVALID), () -> incubators.create(A_STAFF,
                base("n", B, "2013-03-01", null)));
        refused(Map.of("county", IncubatorService.COUNTY_REQUIRED), () -> incubators.create(CITY_ADMIN,
                base("n", null, "2013-03-01", null)));
        incubators.create(A_STAFF, ok);
        incubators.update(A_STAFF, id, base("基地", A, "2013-03-01", "2013-06-01"));
        assertEquals(LocalDate.of(2013, 6, 1), incubators.get(A_STAFF, id).closedOn());
        assertEquals(1, audit.withAction("incubator.update").size());
        incubators.delete(A_STAFF, id);
        assertThrows(NotFoundException.class, () -> incubators.get(A_STAFF, id));
        assertEquals(1, audit.withAction("incubator.delete").size());
    }

    @Test
    void residentsAreLiveProjectsOfTheCountyInOneBaseAtATime() {
        long first = incubators.create(A_STAFF, base("一号基地", A, "2013-01-01", null));
        long second = incubators.create(A_STAFF, base("二号基地", A, "2013-01-01", null));
        long r = incubators.addResident(A_STAFF, first, resident(projectA, "2013-02-01", null));
        assertEquals(List.of(new ListAudit.Entry("a-staff", "incubator.resident.add", "incubator:" + first,
                "project=" + projectA + " resident=" + r)), audit.withAction("incubator.resident.add"));
        assertEquals(1, incubators.get(A_STAFF, first).residentsToday());

        refused(Map.of("project", IncubatorService.PROJECT_ELSEWHERE), () -> incubators.addResident(A_STAFF, second,
                resident(projectA, "2013-03-01", null)));
        // One overlapping day is one too many.
        refused(Map.of("project", IncubatorService.PROJECT_ELSEWHERE), () -> incubators.addResident(A_STAFF, second,
                resident(projectA, "2013-01-10", "2013-02-02")));
        // Before the move-in, ending on the move-in day: no day shared.
        incubators.addResident(A_STAFF, second, resident(projectA, "2013-01-10", "2013-02-01"));
        refused(Map.of("project", IncubatorService.PROJECT_UNKNOWN), () -> incubators.addResident(A_STAFF, first,
                resident(projectB, "2013-02-01", null)));
        refused(Map.of("project", IncubatorService.PROJECT_OTHER_COUNTY), () -> incubators.addResident(CITY_ADMIN,
                first, resident(projectB, "2013-02-01", null)));
        refused(Map.of("project", IncubatorService.PROJECT_REQUIRED), () -> incubators.addResident(A_STAFF, first,
                new IncubatorInput.Resident(null, "2013-02-01", null)));
        refused(Map.of("movedInOn", IncubatorService.OUTSIDE_OPENING), () -> incubators.addResident(A_STAFF, first,
                resident(projectA2, "2012-12-31", null)));
        refused(Map.of("movedInOn", IncubatorService.DATE_FUTURE), () -> incubators.addResident(A_STAFF, first,
                resident(projectA2, "2013-06-16", null)));
        refused(Map.of("movedOutOn", IncubatorService.MOVED_OUT_BEFORE_IN), () -> incubators.addResident(A_STAFF,
                first, resident(projectA2, "2013-03-01", "2013-03-01")));

        // Moving out: after the move-in, once; then the project may move into the other base.
        refused(Map.of("movedOutOn", IncubatorService.MOVED_OUT_BEFORE_IN), () -> incubators.moveOut(A_STAFF, first,
                r, "2013-02-01"));
        refused(Map.of("movedOutOn", IncubatorService.DATE_INVALID), () -> incubators.moveOut(A_STAFF, first, r, null));
        assertThrows(NotFoundException.class, () -> incubators.moveOut(A_STAFF, second, r, "2013-05-01"),
                "a residence of another base");
        incubators.moveOut(A_STAFF, first, r, "2013-05-01");
        assertEquals(1, audit.withAction("incubator.resident.moveOut").size());
        refused(Map.of("movedOutOn", IncubatorService.MOVED_OUT_ALREADY), () -> incubators.moveOut(A_STAFF, first, r,
                "2013-05-02"));
        incubators.addResident(A_STAFF, second, resident(projectA, "2013-05-01", null));
        assertEquals(0, incubators.get(A_STAFF, first).residentsToday());
        assertEquals(1, incubators.get(A_STAFF, second).residentsToday());

        // A deleted project is unknown; deleting a residence removes it from the base.
        projects.delete(CITY_ADMIN, projectA2);
        refused(Map.of("project", IncubatorService.PROJECT_UNKNOWN), () -> incubators.addResident(A_STAFF, first,
                resident(projectA2, "2013-03-01", null)));
        incubators.deleteResident(A_STAFF, first, r);
        assertEquals(1, audit.withAction("incubator.resident.delete").size());
        assertEquals(List.of(), incubators.detail(A_STAFF, first).residents());
    }

    @Test
    void aBaseWithResidentsKeepsItsCountyAndItsDatesAroundThem() {
        long id = incubators.create(A_STAFF, base("基地", A, "2013-01-01", null));
        long r = incubators.addResident(A_STAFF, id, resident(projectA, "2013-02-01", null));
        refused(Map.of("county", IncubatorService.COUNTY_LINKED), () -> incubators.update(CITY_ADMIN, id,
                base("基地", B, "2013-01-01", null)));
        refused(Map.of("openedOn", IncubatorService.OPENED_AFTER_RESIDENTS), () -> incubators.update(A_STAFF, id,
                base("基地", A, "2013-02-02", null)));
        refused(Map.of("closedOn", IncubatorService.CLOSED_WITH_RESIDENTS), () -> incubators.update(A_STAFF, id,
                base("基地", A, "2013-01-01", "2013-06-01")));
        incubators.moveOut(A_STAFF, id, r, "2013-05-01");
        refused(Map.of("closedOn", IncubatorService.CLOSED_WITH_RESIDENTS), () -> incubators.update(A_STAFF, id,
                base("基地", A, "2013-01-01", "2013-04-30")));
        incubators.update(A_STAFF, id, base("基地", A, "2013-01-01", "2013-05-01"));
        // A closed base takes residents only for days it was open, and they must have left by the closing.
        refused(Map.of("movedOutOn", IncubatorService.CLOSED_WITH_RESIDENTS), () -> incubators.addResident(A_STAFF, id,
                resident(projectA2, "2013-03-01", null)));
        refused(Map.of("movedOutOn", IncubatorService.OUTSIDE_OPENING), () -> incubators.addResident(A_STAFF, id,
                resident(projectA2, "2013-03-01", "2013-05-02")));
        refused(Map.of("movedInOn", IncubatorService.OUTSIDE_OPENING), () -> incubators.addResident(A_STAFF, id,
                        resident(projectA2, "2013-05-01", null)));
        incubators.addResident(A_STAFF, id, resident(projectA2, "2013-03-01", "2013-05-01"));
    }

    @Test
    void aCountyUserSeesAndTouchesOnlyItsOwnCounty() {
        long a = incubators.create(A_STAFF, base("甲基地", null, "2013-01-01", null));
        long r = incubators.addResident(A_STAFF, a, resident(projectA, "2013-02-01", null));
        long b = incubators.create(B_STAFF, base("乙基地", null, "2013-01-01", null));
        assertThrows(NotFoundException.class, () -> incubators.get(B_STAFF, a));
        assertThrows(NotFoundException.class, () -> incubators.detail(B_STAFF, a));
        assertThrows(NotFoundException.class, () -> incubators.update(B_STAFF, a, base("x", B, "2013-01-01", null)));
        assertThrows(NotFoundException.class, () -> incubators.delete(B_STAFF, a));
        assertThrows(NotFoundException.class, () -> incubators.addResident(B_STAFF, a, resident(projectB,
                "2013-02-01", null)));
        assertThrows(NotFoundException.class, () -> incubators.moveOut(B_STAFF, a, r, "2013-03-01"));
        assertThrows(NotFoundException.class, () -> incubators.deleteResident(B_STAFF, a, r));
        assertThrows(NotFoundException.class, () -> incubators.deleteResident(B_STAFF, b, r));
        assertEquals(List.of(b), incubators.list(B_STAFF, null, null, 1).items().stream().map(Incubator::id).toList());
        assertEquals(0, incubators.list(B_STAFF, null, TreeOrgUnits.COUNTY_A.id(), 1).total());
        assertEquals(2, incubators.list(CITY_ADMIN, null, null, 1).total());
        assertEquals(1, incubators.detail(A_VIEWER, a).residents().size());
        assertThrows(AccessDeniedException.class, () -> incubators.addResident(A_VIEWER, a, resident(projectA2,
                "2013-02-01", null)));
        assertThrows(AccessDeniedException.class, () -> incubators.list(NO_ROLE, null, null, 1));
    }

    @Test
    void indicatorsCountOpenBasesAndTheFullestBaseOnTheDay() {
        // County A: base one with 3 residents (one leaves on 1 May), base two with 2, base three closed in March.
        long one = incubators.create(A_STAFF, base("一号", A, "2013-01-01", null));
        long two = incubators.create(A_STAFF, base("二号", A, "2013-02-01", null));
        long three = incubators.create(A_STAFF, base("三号", A, "2012-06-01", null));
        List<Long> ventures = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ventures.add(venture("项目" + i, founderA, A));
        }
        long leaving = incubators.addResident(A_STAFF, one, resident(ventures.get(0), "2013-01-10", null));
        incubators.addResident(A_STAFF, one, resident(ventures.get(1), "2013-01-20", null));
        incubators.addResident(A_STAFF, one, resident(ventures.get(2), "2013-03-01", null));
        incubators.addResident(A_STAFF, two, resident(ventures.get(3), "2013-02-01", null));
        incubators.addResident(A_STAFF, two, resident(ventures.get(4), "2013-02-02", null));
        incubators.addResident(A_STAFF, three, resident(ventures.get(5), "2012-07-01", "2013-03-01"));
        incubators.update(A_STAFF, three, base("三号", A, "2012-06-01", "2013-03-10"));
        incubators.moveOut(A_STAFF, one, leaving, "2013-05-01");
        long deletedResident = incubators.addResident(A_STAFF, two, resident(projectA, "2013-02-01", null));
        incubators.deleteResident(A_STAFF, two, deletedResident);
        // County B: a deleted base.
        long deletedBase = incubators.create(B_STAFF, base("乙", B, "2013-01-01", null));
        incubators.addResident(B_STAFF, deletedBase, resident(projectB, "2013-01-05", null));
        incubators.delete(B_STAFF, deletedBase);

        long a = TreeOrgUnits.COUNTY_A.id();
        long b = TreeOrgUnits.COUNTY_B.id();
        assertEquals(counts(2, 2), incubators.actualsAsOf(List.of(a), 2013, LocalDate.of(2013, 1, 31)).get(a),
                "one and three open; one holds two, three one");
        assertEquals(counts(3, 2), incubators.actualsAsOf(List.of(a), 2013, LocalDate.of(2013, 2, 28)).get(a),
                "two opened on 1 February: every base holds at most two");
        assertEquals(counts(3, 3), incubators.actualsAsOf(List.of(a), 2013, LocalDate.of(2013, 3, 9)).get(a),
                "the fullest base counts, not the sum of the bases");
        assertEquals(counts(2, 3), incubators.actualsAsOf(List.of(a), 2013, LocalDate.of(2013, 3, 10)).get(a),
                "three closed on 10 March");
        assertEquals(counts(2, 2), incubators.actualsAsOf(List.of(a), 2013, LocalDate.of(2013, 5, 1)).get(a),
                "the move-out day is the first day away");
        assertEquals(counts(1, 1), incubators.actualsAsOf(List.of(a), 2012, LocalDate.of(2013, 5, 1)).get(a),
                "2012 is taken on its 31 December");
        assertEquals(counts(0, 0), incubators.actualsAsOf(List.of(b), 2013, null).get(b), "a deleted base counts nothing");
        Map<String, BigDecimal> yearEnd = project.actuals(List.of(a, b), 2013).get(a);
        assertEquals(BigDecimal.valueOf(2), yearEnd.get(IncubatorService.INDICATOR_BASES), "through the project");
        assertEquals(BigDecimal.valueOf(2), yearEnd.get(IncubatorService.INDICATOR_RESIDENTS));
    }

    private static Map<String, BigDecimal> counts(long bases, long residents) {
        return Map.of(IncubatorService.INDICATOR_BASES, BigDecimal.valueOf(bases), IncubatorService.INDICATOR_RESIDENTS,
                BigDecimal.valueOf(residents));
    }

    @Test
    void definitionsAndTimeNodeFollowItem10() {
        Map<String, IndicatorDefinition> defs = new java.util.HashMap<>();
        project.indicators().forEach(d -> defs.put(d.id(), d));
        assertEquals(0, BigDecimal.ONE.compareTo(defs.get(IncubatorService.INDICATOR_BASES).defaultTarget()));
        assertEquals(0, BigDecimal.valueOf(30).compareTo(defs.get(IncubatorService.INDICATOR_RESIDENTS).defaultTarget()));
        assertEquals("附件2 第10项", defs.get(IncubatorService.INDICATOR_BASES).clause());
        MilestoneDefinition node = project.milestones().stream().filter(m -> m.id().equals("incubator.built"))
                .findFirst().orElseThrow();
        assertEquals(MonthDay.of(12, 31), node.due());
        assertEquals("附件2 第10项", node.clause());
    }
}
