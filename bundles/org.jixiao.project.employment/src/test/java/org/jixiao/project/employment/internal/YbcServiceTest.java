package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.jixiao.api.project.IndicatorDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Work item 11: the YBC service station (one per county) and the demonstration projects, their rules and indicators. */
class YbcServiceTest extends EmploymentTestBase {

    private static final String A = String.valueOf(TreeOrgUnits.COUNTY_A.id());
    private static final String B = String.valueOf(TreeOrgUnits.COUNTY_B.id());

    private YbcService ybc;
    private long projectA;
    private long projectA2;
    private long projectB;

    @BeforeEach
    void projects() {
        ybc = project.ybc();
        long founderA = service.create(CITY_ADMIN, person("创业甲", LocalDate.of(1990, 2, 3), 11, "ENTREPRENEUR",
                TreeOrgUnits.COUNTY_A, "2012-01-05"));
        long founderB = service.create(CITY_ADMIN, person("创业乙", LocalDate.of(1991, 4, 5), 13, "ENTREPRENEUR",
                TreeOrgUnits.COUNTY_B, "2012-01-05"));
        projectA = projects.create(CITY_ADMIN, new ProjectInput("生态农场", String.valueOf(founderA), "AGRICULTURE",
                "OPERATING", null, A, "2012-02-01"));
        projectA2 = projects.create(CITY_ADMIN, new ProjectInput("网店", String.valueOf(founderA), "COMMERCE",
                "STARTUP", null, A, "2012-02-01"));
        projectB = projects.create(CITY_ADMIN, new ProjectInput("茶馆", String.valueOf(founderB), "SERVICES",
                "OPERATING", null, B, "2012-02-01"));
    }

    private static YbcInput.Station station(String county, String on) {
        return new YbcInput.Station("YBC甲县服务站", county, on, "人民路1号", "张站长", "0551-1234567");
    }

    private static YbcInput.Project demo(long project, String county, String year, String on) {
        return new YbcInput.Project(String.valueOf(project), county, year, on, "无息借款5万元");
    }

    private void refused(Map<String, String> expected, Executable call) {
        long before = rows("EMP_YBC_STATION", "EMP_YBC_PROJECT");
        int audited = audit.entries.size();
        ValidationException e = assertThrows(ValidationException.class, call);
        assertEquals(expected, e.fieldErrors());
        assertEquals(before, rows("EMP_YBC_STATION", "EMP_YBC_PROJECT"), "nothing written");
        assertEquals(audited, audit.entries.size(), "nothing audited");
    }

    @Test
    void oneLiveStationPerCountyWithItsFieldRules() {
        long id = ybc.createStation(A_STAFF, station(null, "2013-05-20"));
        YbcStation s = ybc.station(A_STAFF, id);
        assertEquals(TreeOrgUnits.COUNTY_A.id(), s.countyId());
        assertEquals(LocalDate.of(2013, 5, 20), s.setUpOn());
        assertEquals(List.of(new ListAudit.Entry("a-staff", "ybc.station.create", "ybc-station:" + id,
                "county=" + A + " setUpOn=2013-05-20")), audit.withAction("ybc.station.create"));

        refused(Map.of("county", YbcService.COUNTY_HAS_STATION), () -> ybc.createStation(A_STAFF,
                station(null, "2013-05-21")));
        refused(Map.of("county", YbcService.COUNTY_HAS_STATION), () -> ybc.createStation(CITY_ADMIN,
                station(A, "2013-05-21")));
        long b = ybc.createStation(B_STAFF, station(null, "2013-06-01"));
        refused(Map.of("county", YbcService.COUNTY_HAS_STATION), () -> ybc.updateStation(CITY_ADMIN, b,
                station(A, "2013-06-01")));
        ybc.updateStation(A_STAFF, id, new YbcInput.Station("新站", A, "2013-05-20", "x", "y", "z"));
        assertEquals("新站", ybc.station(A_STAFF, id).name());

        refused(Map.of("name", YbcService.NAME_REQUIRED, "address", YbcService.ADDRESS_REQUIRED, "head",
                YbcService.HEAD_REQUIRED, "contact", YbcService.CONTACT_REQUIRED), () -> ybc.updateStation(A_STAFF, id,
                        new YbcInput.Station(" ", A, "2013-05-20", null, "", null)));
        refused(Map.of("name", YbcService.NAME_TOO_LONG, "address", YbcService.ADDRESS_TOO_LONG, "head",
                YbcService.HEAD_TOO_LONG, "contact", YbcService.CONTACT_TOO_LONG), () -> ybc.updateStation(A_STAFF, id,
                        new YbcInput.Station("n".repeat(101), A, "2013-05-20", "a".repeat(201), "h".repeat(51),
                                "c".repeat(51))));
        refused(Map.of("setUpOn", YbcService.SET_UP_INVALID), () -> ybc.updateStation(A_STAFF, id, station(A, null)));
        refused(Map.of("setUpOn", YbcService.SET_UP_FUTURE), () -> ybc.updateStation(A_STAFF, id,
                station(A, "2013-06-16")));
        refused(Map.of("setUpOn", YbcService.SET_UP_TOO_EARLY), () -> ybc.updateStation(A_STAFF, id,
                station(A, "1999-12-31")));
        refused(Map.of("county", YbcService.COUNTY_INVALID), () -> ybc.updateStation(A_STAFF, id, station(B,
                "2013-05-20")));

        // Deleting the station frees the county for a new one.
        ybc.deleteStation(A_STAFF, id);
        assertThrows(NotFoundException.class, () -> ybc.station(A_STAFF, id));
        ybc.createStation(A_STAFF, station(null, "2013-06-01"));
        assertEquals(1, audit.withAction("ybc.station.delete").size());
    }

    @Test
    void demonstrationProjectsAreLiveProjectsOfTheCountyOnceAYear() {
        long id = ybc.createProject(A_STAFF, demo(projectA, null, "2013", "2013-04-01"));
        YbcProject p = ybc.project(A_STAFF, id);
        assertEquals("生态农场", p.projectName());
        assertEquals(2013, p.year());
        assertEquals(List.of(new ListAudit.Entry("a-staff", "ybc.project.create", "ybc-project:" + id,
                "county=" + A + " project=" + projectA + " year=2013")), audit.withAction("ybc.project.create"));

        refused(Map.of("project", YbcService.PROJECT_ALREADY), () -> ybc.createProject(A_STAFF,
                demo(projectA, A, "2013", "2013-05-01")));
        long earlier = ybc.createProject(A_STAFF, demo(projectA, A, null, "2012-05-01"));
        assertEquals(2012, ybc.project(A_STAFF, earlier).year(), "a blank year is the year of the date");
        refused(Map.of("project", YbcService.PROJECT_UNKNOWN), () -> ybc.createProject(A_STAFF,
                demo(projectB, A, "2013", "2013-05-01")));
        refused(Map.of("project", YbcService.PROJECT_OTHER_COUNTY), () -> ybc.createProject(CITY_ADMIN,
                demo(projectB, A, "2013", "2013-05-01")));
        refused(Map.of("project", YbcService.PROJECT_REQUIRED), () -> ybc.createProject(A_STAFF,
                new YbcInput.Project(null, A, "2013", "2013-05-01", null)));
        refused(Map.of("project", YbcService.PROJECT_UNKNOWN), () -> ybc.createProject(A_STAFF,
                new YbcInput.Project("abc", A, "2013", "2013-05-01", null)));
        refused(Map.of("year", YbcService.YEAR_INVALID), () -> ybc.createProject(A_STAFF,
                demo(projectA2, A, "2014", "2013-05-01")));
        refused(Map.of("recognisedOn", YbcService.RECOGNISED_OUTSIDE_YEAR), () -> ybc.createProject(A_STAFF,
                demo(projectA2, A, "2012", "2013-05-01")));
        refused(Map.of("recognisedOn", YbcService.RECOGNISED_FUTURE), () -> ybc.createProject(A_STAFF,
                demo(projectA2, A, "2013", "2013-07-01")));
        refused(Map.of("recognisedOn", YbcService.RECOGNISED_INVALID), () -> ybc.createProject(A_STAFF,
                demo(projectA2, A, "2013", "1.5.2013")));
        refused(Map.of("support", YbcService.SUPPORT_TOO_LONG), () -> ybc.createProject(A_STAFF,
                new YbcInput.Project(String.valueOf(projectA2), A, "2013", "2013-05-01", "x".repeat(1001))));
        // Editing keeps its own recognition; a deleted project is unknown.
        ybc.updateProject(A_STAFF, id, demo(projectA, A, "2013", "2013-04-02"));
        projects.delete(CITY_ADMIN, projectA2);
        refused(Map.of("project", YbcService.PROJECT_UNKNOWN), () -> ybc.createProject(A_STAFF,
                demo(projectA2, A, "2013", "2013-05-01")));
        assertEquals(1, ybc.projects(A_STAFF, new YbcRepository.Filter("农场", 2013, null), 1).total());
        assertEquals(2, ybc.projects(A_STAFF, new YbcRepository.Filter(null, null, null), 1).total());
        assertEquals(0, ybc.projects(A_STAFF, new YbcRepository.Filter("_", null, null), 1).total());
    }

    @Test
    void aCountyUserSeesAndTouchesOnlyItsOwnCounty() {
        long station = ybc.createStation(A_STAFF, station(null, "2013-05-20"));
        long demo = ybc.createProject(A_STAFF, demo(projectA, null, "2013", "2013-04-01"));
        long demoB = ybc.createProject(B_STAFF, demo(projectB, null, "2013", "2013-04-01"));
        assertThrows(NotFoundException.class, () -> ybc.station(B_STAFF, station));
        assertThrows(NotFoundException.class, () -> ybc.updateStation(B_STAFF, station, station(B, "2013-05-20")));
        assertThrows(NotFoundException.class, () -> ybc.deleteStation(B_STAFF, station));
        assertThrows(NotFoundException.class, () -> ybc.project(B_STAFF, demo));
        assertThrows(NotFoundException.class, () -> ybc.updateProject(B_STAFF, demo, demo(projectB, B, "2013",
                "2013-04-01")));
        assertThrows(NotFoundException.class, () -> ybc.deleteProject(B_STAFF, demo));
        assertEquals(List.of(), ybc.stations(B_STAFF, null));
        assertEquals(List.of(station), ybc.stations(CITY_ADMIN, null).stream().map(YbcStation::id).toList());
        assertEquals(List.of(demoB), ybc.projects(B_STAFF, new YbcRepository.Filter(null, null, null), 1).items()
                .stream().map(YbcProject::id).toList());
        assertEquals(2, ybc.projects(CITY_ADMIN, new YbcRepository.Filter(null, null, null), 1).total());
        assertThrows(AccessDeniedException.class, () -> ybc.createStation(A_VIEWER, station(null, "2013-05-20")));
        assertThrows(AccessDeniedException.class, () -> ybc.deleteProject(A_VIEWER, demo));
        assertThrows(AccessDeniedException.class, () -> ybc.stations(NO_ROLE, null));
        assertEquals(demo, ybc.project(A_VIEWER, demo).id());
    }

    @Test
    void indicatorsCountTheStationAndTheProjectsOfTheYearByTheDay() {
        ybc.createStation(A_STAFF, station(null, "2013-05-20"));
        long deletedStation = ybc.createStation(B_STAFF, station(null, "2013-01-10"));
        ybc.deleteStation(B_STAFF, deletedStation);
        ybc.createProject(A_STAFF, demo(projectA, null, "2013", "2013-01-31"));
        ybc.createProject(A_STAFF, demo(projectA2, null, "2013", "2013-03-01"));
        ybc.createProject(A_STAFF, demo(projectA, null, "2012", "2012-12-31"));
        long deleted = ybc.createProject(B_STAFF, demo(projectB, null, "2013", "2013-01-05"));
        ybc.deleteProject(B_STAFF, deleted);

        long a = TreeOrgUnits.COUNTY_A.id();
        long b = TreeOrgUnits.COUNTY_B.id();
        Map<Long, Map<String, BigDecimal>> jan = ybc.actualsAsOf(List.of(a, b), 2013, LocalDate.of(2013, 1, 31));
        assertEquals(Map.of(YbcService.INDICATOR_STATION, BigDecimal.ZERO, YbcService.INDICATOR_PROJECTS,
                BigDecimal.ONE), jan.get(a), "the station is set up later; the 2012 project is of another year");
        assertEquals(Map.of(YbcService.INDICATOR_STATION, BigDecimal.ZERO, YbcService.INDICATOR_PROJECTS,
                BigDecimal.ZERO), jan.get(b), "deleted records do not count");
        assertEquals(Map.of(YbcService.INDICATOR_STATION, BigDecimal.ONE, YbcService.INDICATOR_PROJECTS,
                BigDecimal.valueOf(2)), ybc.actualsAsOf(List.of(a), 2013, LocalDate.of(2013, 5, 31)).get(a));
        assertEquals(Map.of(YbcService.INDICATOR_STATION, BigDecimal.ZERO, YbcService.INDICATOR_PROJECTS,
                BigDecimal.ONE), ybc.actualsAsOf(List.of(a), 2012, LocalDate.of(2013, 6, 15)).get(a),
                "2012 is taken on its 31 December, before the station");
        assertEquals(BigDecimal.ONE, project.actuals(List.of(a), 2014).get(a).get(YbcService.INDICATOR_STATION),
                "a station stays set up in later years");
    }

    @Test
    void definitionsAndTimeNodeFollowItem11() {
        Map<String, IndicatorDefinition> defs = new java.util.HashMap<>();
        project.indicators().forEach(d -> defs.put(d.id(), d));
        assertEquals(0, BigDecimal.ONE.compareTo(defs.get(YbcService.INDICATOR_STATION).defaultTarget()));
        assertEquals(0, BigDecimal.valueOf(20).compareTo(defs.get(YbcService.INDICATOR_PROJECTS).defaultTarget()));
        assertEquals("附件2 第11项", defs.get(YbcService.INDICATOR_PROJECTS).clause());
        MilestoneDefinition node = project.milestones().stream().filter(m -> m.id().equals("ybc.station.setup"))
                .findFirst().orElseThrow();
        assertEquals(MonthDay.of(5, 31), node.due());
        assertEquals("附件2 第11项", node.clause());
        assertTrue(PageRender.keys(java.util.Locale.ENGLISH).contains(node.nameKey()));
    }
}
