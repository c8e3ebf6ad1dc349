package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.Actor;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.RecordQuery;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.project.employment.internal.incubator.IncubatorRegister;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Work item 10 on the register engine: a base's own rules (closing after opening, its days kept around its
 * residents), a residence's (a project of the base's county, in one base at a time, while the base is open) and the
 * two indicators read on a day. Scope, roles, audit and field rules are the engine's tests'.
 */
class IncubatorRegisterTest extends EmploymentTestBase {

    private static final String[] TABLES = {IncubatorRegister.TABLE, IncubatorRegister.RESIDENT_TABLE};

    private long founderA;
    private long projectA;
    private long projectA2;
    private long projectB;

    @BeforeEach
    void projects() {
        founderA = youth("创业甲", LocalDate.of(1990, 2, 3), 11, "ENTREPRENEUR", FixedOrgUnits.COUNTY_A);
        long founderB = youth("创业乙", LocalDate.of(1991, 4, 5), 13, "ENTREPRENEUR", FixedOrgUnits.COUNTY_B);
        projectA = venture("农场", founderA, A);
        projectA2 = venture("网店", founderA, A);
        projectB = venture("茶馆", founderB, B);
    }

    private long venture(String name, long founder, String county) {
        return projects.create(CITY_ADMIN, new ProjectInput(name, String.valueOf(founder), "COMMERCE", "STARTUP", null,
                county, "2012-02-01"));
    }

    private static Map<String, Object> base(String name, String county, String opened, String closed) {
        return form("name", name, "address", "创业园1号", "operator", "县创业园管委会", "unit", county, "openedOn", opened,
                "area", "1200.50", "closedOn", closed);
    }

    private long createBase(Actor actor, String name, String county, String opened, String closed) {
        return engine.create(actor, project, IncubatorRegister.ID, base(name, county, opened, closed));
    }

    private void updateBase(Actor actor, long id, String county, String opened, String closed) {
        engine.update(actor, project, IncubatorRegister.ID, id, base("基地", county, opened, closed), -1);
    }

    private static Map<String, Object> resident(long project, String in, String out) {
        return form("project", project, "movedInOn", in, "movedOutOn", out);
    }

    private long moveIn(Actor actor, long base, long project, String in, String out) {
        Map<String, Object> m = resident(project, in, out);
        m.put("parent", base);
        return engine.create(actor, this.project, IncubatorRegister.RESIDENTS, m);
    }

    private void moveOut(long residence, long project, String in, String out) {
        engine.update(A_STAFF, this.project, IncubatorRegister.RESIDENTS, residence, resident(project, in, out), -1);
    }

    private Map<String, String> refused(Runnable write) {
        return refused(write, TABLES);
    }

    // ---------------------------------------------------------------- bases

    @Test
    void aBaseClosesAfterItOpensAndNotBeforeTheProgramme() {
        assertEquals(Map.of("closedOn", "incubator.closedOn.beforeOpened"),
                refused(() -> createBase(A_STAFF, "基地", A, "2013-03-01", "2013-03-01")));
        assertEquals(Map.of("openedOn", "incubator.date.tooEarly", "closedOn", "incubator.date.tooEarly"),
                refused(() -> createBase(A_STAFF, "基地", A, "1999-12-30", "1999-12-31")));
        Map<String, Object> noArea = base("基地", A, "2013-01-01", null);
        noArea.put("area", "0");
        assertTrue(refused(() -> engine.create(A_STAFF, project, IncubatorRegister.ID, noArea)).containsKey("area"),
                "a base has a floor area above zero");
        noArea.put("area", null);
        long id = engine.create(A_STAFF, project, IncubatorRegister.ID, noArea);
        assertEquals(FixedOrgUnits.COUNTY_A.id(), engine.get(A_STAFF, project, IncubatorRegister.ID, id).unitId());
        updateBase(A_STAFF, id, A, "2013-01-01", "2013-01-02");
        assertEquals(LocalDate.of(2013, 1, 2), engine.get(A_STAFF, project, IncubatorRegister.ID, id)
                .value("closedOn"));
    }

    @Test
    void aBaseWithResidentsKeepsItsCountyItsDatesAndItsRecordAroundThem() {
        long id = createBase(A_STAFF, "基地", A, "2013-01-01", null);
        long r = moveIn(A_STAFF, id, projectA, "2013-02-01", null);
        assertEquals(Map.of(IncubatorRegister.RESIDENTS, "incubator.resident.linked"),
                refused(() -> updateBase(CITY_ADMIN, id, B, "2013-01-01", null)));
        assertEquals(Map.of(IncubatorRegister.RESIDENTS, "incubator.resident.linked"),
                refused(() -> engine.delete(A_STAFF, project, IncubatorRegister.ID, id, "建错了")));
        assertEquals(Map.of("openedOn", "incubator.openedOn.residents"),
                refused(() -> updateBase(A_STAFF, id, A, "2013-02-02", null)));
        assertEquals(Map.of("closedOn", "incubator.closedOn.residents"),
                refused(() -> updateBase(A_STAFF, id, A, "2013-01-01", "2013-06-01")));
        moveOut(r, projectA, "2013-02-01", "2013-05-01");
        assertEquals(Map.of("closedOn", "incubator.closedOn.residents"),
                refused(() -> updateBase(A_STAFF, id, A, "2013-01-01", "2013-04-30")));
        updateBase(A_STAFF, id, A, "2013-02-01", "2013-05-01");

        // A closed base takes residents only for days it was open, and they must have left by the closing.
        assertEquals(Map.of("movedOutOn", "incubator.closedOn.residents"),
                refused(() -> moveIn(A_STAFF, id, projectA2, "2013-03-01", null)));
        assertEquals(Map.of("movedOutOn", "incubator.date.outsideOpening"),
                refused(() -> moveIn(A_STAFF, id, projectA2, "2013-03-01", "2013-05-02")));
        assertEquals(Map.of("movedInOn", "incubator.date.outsideOpening", "movedOutOn",
                "incubator.date.outsideOpening"), refused(() -> moveIn(A_STAFF, id, projectA2, "2013-05-01",
                "2013-05-03")));
        assertEquals(Map.of("movedInOn", "incubator.date.outsideOpening"),
                refused(() -> moveIn(A_STAFF, id, projectA2, "2013-01-31", "2013-03-01")));
        moveIn(A_STAFF, id, projectA2, "2013-03-01", "2013-05-01");
    }

    // ---------------------------------------------------------------- residents

    @Test
    void residentsAreProjectsOfTheBasesCountyInOneBaseAtATime() {
        long first = createBase(A_STAFF, "一号基地", A, "2013-01-01", null);
        long second = createBase(A_STAFF, "二号基地", A, "2013-01-01", null);
        long r = moveIn(A_STAFF, first, projectA, "2013-02-01", null);
        assertEquals(FixedOrgUnits.COUNTY_A.id(), engine.get(A_STAFF, project, IncubatorRegister.RESIDENTS, r)
                .unitId(), "a residence is in its base's county");

        assertEquals(Map.of("project", "incubator.project.elsewhere"),
                refused(() -> moveIn(A_STAFF, second, projectA, "2013-03-01", null)));
        // One overlapping day is one too many.
        assertEquals(Map.of("project", "incubator.project.elsewhere"),
                refused(() -> moveIn(A_STAFF, second, projectA, "2013-01-10", "2013-02-02")));
        // Before the move-in, ending on the move-in day: no day shared.
        moveIn(A_STAFF, second, projectA, "2013-01-10", "2013-02-01");
        assertEquals(Map.of("project", "register.error.otherUnit"),
                refused(() -> moveIn(CITY_ADMIN, first, projectB, "2013-02-01", null)));
        assertEquals(Map.of("movedOutOn", "incubator.movedOutOn.notAfterMovedIn"),
                refused(() -> moveIn(A_STAFF, first, projectA2, "2013-03-01", "2013-03-01")));
        assertEquals(Map.of("movedInOn", "incubator.date.tooEarly"),
                refused(() -> moveIn(A_STAFF, first, projectA2, "1999-03-01", null)));

        // Moving out is an edit: after the move-in; then the project may move into the other base.
        assertEquals(Map.of("movedOutOn", "incubator.movedOutOn.notAfterMovedIn"),
                refused(() -> moveOut(r, projectA, "2013-02-01", "2013-02-01")));
        moveOut(r, projectA, "2013-02-01", "2013-05-01");
        moveIn(A_STAFF, second, projectA, "2013-05-01", null);
        assertEquals(1, engine.list(A_STAFF, project, IncubatorRegister.RESIDENTS, RecordQuery.firstPage()).items()
                .stream().filter(x -> x.parentId() == second && x.value("movedOutOn") == null).count());
    }

    // ---------------------------------------------------------------- indicators

    @Test
    void indicatorsCountOpenBasesAndTheFullestBaseOnTheDay() {
        // County A: base one with 3 residents (one leaves on 1 May), base two with 2, base three closed in March.
        long one = createBase(A_STAFF, "一号", A, "2013-01-01", null);
        long two = createBase(A_STAFF, "二号", A, "2013-02-01", null);
        long three = createBase(A_STAFF, "三号", A, "2012-06-01", null);
        List<Long> ventures = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ventures.add(venture("项目" + i, founderA, A));
        }
        long leaving = moveIn(A_STAFF, one, ventures.get(0), "2013-01-10", null);
        moveIn(A_STAFF, one, ventures.get(1), "2013-01-20", null);
        moveIn(A_STAFF, one, ventures.get(2), "2013-03-01", null);
        moveIn(A_STAFF, two, ventures.get(3), "2013-02-01", null);
        moveIn(A_STAFF, two, ventures.get(4), "2013-02-02", null);
        moveIn(A_STAFF, three, ventures.get(5), "2012-07-01", "2013-03-01");
        updateBase(A_STAFF, three, A, "2012-06-01", "2013-03-10");
        moveOut(leaving, ventures.get(0), "2013-01-10", "2013-05-01");
        long deletedResident = moveIn(A_STAFF, two, projectA, "2013-02-01", null);
        engine.delete(A_STAFF, project, IncubatorRegister.RESIDENTS, deletedResident, "录入错误");
        // County B: a deleted base.
        long deletedBase = createBase(B_STAFF, "乙", B, "2013-01-01", null);
        long gone = moveIn(B_STAFF, deletedBase, projectB, "2013-01-05", null);
        engine.delete(B_STAFF, project, IncubatorRegister.RESIDENTS, gone, "录入错误");
        engine.delete(B_STAFF, project, IncubatorRegister.ID, deletedBase, "录入错误");

        long a = FixedOrgUnits.COUNTY_A.id();
        long b = FixedOrgUnits.COUNTY_B.id();
        assertEquals(counts(2, 2), actuals(a, 2013, LocalDate.of(2013, 1, 31)), "one and three open; one holds two");
        assertEquals(counts(3, 2), actuals(a, 2013, LocalDate.of(2013, 2, 28)),
                "two opened on 1 February: every base holds at most two");
        assertEquals(counts(3, 3), actuals(a, 2013, LocalDate.of(2013, 3, 9)),
                "the fullest base counts, not the sum of the bases");
        assertEquals(counts(2, 3), actuals(a, 2013, LocalDate.of(2013, 3, 10)), "three closed on 10 March");
        assertEquals(counts(2, 2), actuals(a, 2013, LocalDate.of(2013, 5, 1)),
                "the move-out day is the first day away");
        assertEquals(counts(1, 1), actuals(a, 2012, LocalDate.of(2013, 5, 1)), "2012 is taken on its 31 December");
        assertEquals(counts(0, 0), actuals(b, 2013, null), "a deleted base counts nothing");
        assertEquals(counts(2, 2), actuals(a, 2013, LocalDate.of(2013, 12, 31)), "the year's end");
    }

    private Map<String, BigDecimal> actuals(long unit, int year, LocalDate asOf) {
        Map<String, BigDecimal> all = asOf == null ? project.actuals(List.of(unit), year).get(unit)
                : project.actualsAsOf(List.of(unit), year, asOf).get(unit);
        return Map.of(IncubatorRegister.INDICATOR_BASES, all.get(IncubatorRegister.INDICATOR_BASES),
                IncubatorRegister.INDICATOR_RESIDENTS, all.get(IncubatorRegister.INDICATOR_RESIDENTS));
    }

    private static Map<String, BigDecimal> counts(long bases, long residents) {
        return Map.of(IncubatorRegister.INDICATOR_BASES, BigDecimal.valueOf(bases),
                IncubatorRegister.INDICATOR_RESIDENTS, BigDecimal.valueOf(residents));
    }

    @Test
    void definitionsAndTimeNodeFollowItem10() {
        assertPolicy(IncubatorRegister.INDICATOR_BASES, 1, "附件2 第10项");
        assertEquals("indicator.incubator.residents",
                assertPolicy(IncubatorRegister.INDICATOR_RESIDENTS, 30, "附件2 第10项").nameKey());
        assertTimeNode("incubator.built", 12, 31, "附件2 第10项");
    }

    @Test
    void everyMessageTheEngineShowsForTheRegistersExistsInBothLanguages() {
        List<String> needed = new ArrayList<>(List.of("incubator.resident.linked", "incubator.date.tooEarly",
                "incubator.closedOn.beforeOpened", "incubator.openedOn.residents", "incubator.closedOn.residents",
                "incubator.project.elsewhere", "incubator.date.outsideOpening",
                "incubator.movedOutOn.notAfterMovedIn"));
        for (RegisterDefinition def : IncubatorRegister.definitions()) {
            needed.add(def.messagePrefix() + ".title");
            for (Field f : def.fields()) {
                needed.add(def.messagePrefix() + ".field." + f.name());
                if (f.has(Field.Flag.HELP)) {
                    needed.add(def.messagePrefix() + ".field." + f.name() + ".help");
                }
            }
        }
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            Set<String> keys = PageRender.keys(locale);
            List<String> missing = needed.stream().filter(k -> !keys.contains(k)).toList();
            assertTrue(missing.isEmpty(), locale + " lacks " + missing);
        }
    }
}
