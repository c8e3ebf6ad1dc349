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
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.project.employment.internal.ybc.YbcRegister;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Work item 11 on the register engine: one live station per county, a project a demonstration project once a year,
 * dates not before the programme, and the two indicators. Scope, roles, audit and field rules are the engine's tests'.
 */
class YbcRegisterTest extends EmploymentTestBase {

    private static final String[] TABLES = {"EMP_YBC_STATION", "EMP_YBC_PROJECT"};

    private long projectA;
    private long projectA2;
    private long projectB;

    @BeforeEach
    void projects() {
        long founderA = youth("创业甲", LocalDate.of(1990, 2, 3), 11, "ENTREPRENEUR", FixedOrgUnits.COUNTY_A);
        long founderB = youth("创业乙", LocalDate.of(1991, 4, 5), 13, "ENTREPRENEUR", FixedOrgUnits.COUNTY_B);
        projectA = projects.create(CITY_ADMIN, new ProjectInput("生态农场", String.valueOf(founderA), "AGRICULTURE",
                "OPERATING", null, A, "2012-02-01"));
        projectA2 = projects.create(CITY_ADMIN, new ProjectInput("网店", String.valueOf(founderA), "COMMERCE",
                "STARTUP", null, A, "2012-02-01"));
        projectB = projects.create(CITY_ADMIN, new ProjectInput("茶馆", String.valueOf(founderB), "SERVICES",
                "OPERATING", null, B, "2012-02-01"));
    }

    private static Map<String, Object> station(String county, String on) {
        return form("name", "YBC服务站", "unit", county, "setUpOn", on, "address", "人民路1号", "head", "张站长",
                "contact", "0551-1234567");
    }

    private long createStation(Actor actor, String county, String on) {
        return engine.create(actor, project, YbcRegister.STATIONS, station(county, on));
    }

    private static Map<String, Object> demo(long project, String on) {
        return form("project", project, "recognisedOn", on, "support", "无息借款5万元");
    }

    private long createDemo(Actor actor, long venture, String on) {
        return engine.create(actor, project, YbcRegister.PROJECTS, demo(venture, on));
    }

    private Map<String, String> refused(Runnable write) {
        return refused(write, TABLES);
    }

    @Test
    void oneLiveStationPerCounty() {
        long id = createStation(A_STAFF, null, "2013-05-20");
        assertEquals(FixedOrgUnits.COUNTY_A.id(), engine.get(A_STAFF, project, YbcRegister.STATIONS, id).unitId());
        assertEquals(Map.of("unit", "ybc.county.hasStation"), refused(() -> createStation(A_STAFF, null,
                "2013-05-21")));
        assertEquals(Map.of("unit", "ybc.county.hasStation"), refused(() -> createStation(CITY_ADMIN, A,
                "2013-05-21")));
        long b = createStation(B_STAFF, null, "2013-06-01");
        assertEquals(Map.of("unit", "ybc.county.hasStation"), refused(() -> engine.update(CITY_ADMIN, project,
                YbcRegister.STATIONS, b, station(A, "2013-06-01"), -1)));
        // Its own station is no obstacle to an edit.
        Map<String, Object> renamed = station(A, "2013-05-20");
        renamed.put("name", "新站");
        engine.update(A_STAFF, project, YbcRegister.STATIONS, id, renamed, -1);
        assertEquals("新站", engine.get(A_STAFF, project, YbcRegister.STATIONS, id).value("name"));
        assertEquals(Map.of("setUpOn", "ybc.setUpOn.tooEarly"), refused(() -> engine.update(A_STAFF, project,
                YbcRegister.STATIONS, id, station(A, "1999-12-31"), -1)));

        // Deleting the station frees its county; moving one takes the new county and frees the old one.
        engine.delete(A_STAFF, project, YbcRegister.STATIONS, id, "撤站");
        engine.update(CITY_ADMIN, project, YbcRegister.STATIONS, b, station(A, "2013-06-01"), -1);
        createStation(B_STAFF, null, "2013-06-02");
        assertEquals(Map.of("unit", "ybc.county.hasStation"), refused(() -> createStation(A_STAFF, null,
                "2013-06-03")));
    }

    @Test
    void aProjectIsADemonstrationProjectOfItsCountyOnceAYear() {
        long id = createDemo(A_STAFF, projectA, "2013-04-01");
        assertEquals(Map.of("project", "ybc.project.already"), refused(() -> createDemo(A_STAFF, projectA,
                "2013-05-01")));
        createDemo(A_STAFF, projectA, "2012-05-01");
        assertEquals(Map.of("project", "ybc.project.already"), refused(() -> engine.update(A_STAFF, project,
                YbcRegister.PROJECTS, id, demo(projectA, "2012-06-01"), -1)), "moved into a year it already has");
        Map<String, Object> otherCounty = demo(projectB, "2013-05-01");
        otherCounty.put("unit", A);
        assertEquals(Map.of("project", "register.error.otherUnit"), refused(() -> engine.create(CITY_ADMIN, project,
                YbcRegister.PROJECTS, otherCounty)));
        assertEquals(Map.of("recognisedOn", "ybc.recognisedOn.tooEarly"), refused(() -> createDemo(A_STAFF,
                projectA2, "1999-05-01")));
        // Editing keeps its own recognition; a deleted demonstration frees its project's year.
        engine.update(A_STAFF, project, YbcRegister.PROJECTS, id, demo(projectA, "2013-04-02"), -1);
        engine.delete(A_STAFF, project, YbcRegister.PROJECTS, id, "认定撤销");
        createDemo(A_STAFF, projectA, "2013-05-01");
    }

    @Test
    void indicatorsCountTheStationAndTheProjectsOfTheYearByTheDay() {
        createStation(A_STAFF, null, "2013-05-20");
        long deletedStation = createStation(B_STAFF, null, "2013-01-10");
        engine.delete(B_STAFF, project, YbcRegister.STATIONS, deletedStation, "录入错误");
        createDemo(A_STAFF, projectA, "2013-01-31");
        createDemo(A_STAFF, projectA2, "2013-03-01");
        createDemo(A_STAFF, projectA, "2012-12-31");
        long deleted = createDemo(B_STAFF, projectB, "2013-01-05");
        engine.delete(B_STAFF, project, YbcRegister.PROJECTS, deleted, "录入错误");

        long a = FixedOrgUnits.COUNTY_A.id();
        long b = FixedOrgUnits.COUNTY_B.id();
        assertEquals(counts(0, 1), actuals(a, 2013, LocalDate.of(2013, 1, 31)),
                "the station is set up later; the 2012 project is of another year");
        assertEquals(counts(0, 0), actuals(b, 2013, LocalDate.of(2013, 1, 31)), "deleted records do not count");
        assertEquals(counts(1, 2), actuals(a, 2013, LocalDate.of(2013, 5, 31)));
        assertEquals(counts(0, 1), actuals(a, 2012, LocalDate.of(2013, 6, 15)),
                "2012 is taken on its 31 December, before the station");
        assertEquals(counts(1, 0), actuals(a, 2014, LocalDate.of(2014, 12, 31)), "a station stays set up");
    }

    private Map<String, BigDecimal> actuals(long unit, int year, LocalDate asOf) {
        Map<String, BigDecimal> all = project.actualsAsOf(List.of(unit), year, asOf).get(unit);
        return Map.of(YbcRegister.INDICATOR_STATION, all.get(YbcRegister.INDICATOR_STATION).stripTrailingZeros(),
                YbcRegister.INDICATOR_PROJECTS, all.get(YbcRegister.INDICATOR_PROJECTS).stripTrailingZeros());
    }

    private static Map<String, BigDecimal> counts(long station, long projects) {
        return Map.of(YbcRegister.INDICATOR_STATION, BigDecimal.valueOf(station), YbcRegister.INDICATOR_PROJECTS,
                BigDecimal.valueOf(projects));
    }

    @Test
    void definitionsAndTimeNodeFollowItem11() {
        assertEquals("indicator.ybc.station", assertPolicy(YbcRegister.INDICATOR_STATION, 1, "附件2 第11项").nameKey());
        assertPolicy(YbcRegister.INDICATOR_PROJECTS, 20, "附件2 第11项");
        assertTimeNode("ybc.station.setup", 5, 31, "附件2 第11项");
    }

    @Test
    void everyMessageTheEngineShowsForTheRegistersExistsInBothLanguages() {
        List<String> needed = new ArrayList<>(List.of("ybc.title", "ybc.project.linked", "ybc.county.hasStation",
                "ybc.setUpOn.tooEarly", "ybc.project.already", "ybc.recognisedOn.tooEarly"));
        for (RegisterDefinition def : YbcRegister.definitions()) {
            needed.add(def.messagePrefix() + ".title");
            def.fields().stream().map(Field::name).forEach(f -> needed.add(def.messagePrefix() + ".field." + f));
        }
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            Set<String> keys = PageRender.keys(locale);
            List<String> missing = needed.stream().filter(k -> !keys.contains(k)).toList();
            assertTrue(missing.isEmpty(), locale + " lacks " + missing);
        }
    }
}
