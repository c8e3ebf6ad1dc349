package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.Page;
import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Work item 2, the entrepreneurship project database: founder rules, validation, scope, audit and the indicator. */
class ProjectServiceTest extends EmploymentTestBase {

    private static final String A = String.valueOf(TreeOrgUnits.COUNTY_A.id());
    private static final String B = String.valueOf(TreeOrgUnits.COUNTY_B.id());

    private long founderA;
    private long founderB;

    @BeforeEach
    void founders() {
        founderA = service.create(CITY_ADMIN, person("创业者甲", LocalDate.of(1990, 2, 3), 11, "ENTREPRENEUR",
                TreeOrgUnits.COUNTY_A, "2013-01-05"));
        founderB = service.create(CITY_ADMIN, person("创业者乙", LocalDate.of(1991, 4, 5), 13, "ENTREPRENEUR",
                TreeOrgUnits.COUNTY_B, "2013-01-05"));
    }

    private ProjectInput project(String name, long founder, String sector, String stage, String county,
            String registeredOn) {
        return new ProjectInput(name, String.valueOf(founder), sector, stage, "小额贷款5万元", county, registeredOn);
    }

    private ProjectInput valid() {
        return project("生态茶园", founderA, "AGRICULTURE", "STARTUP", A, "2013-05-20");
    }

    private long projectRows() {
        return rows("EMP_PROJECT");
    }

    // ---------------------------------------------------------------- create, read, search

    @Test
    void createdProjectIsReadBackWithItsFounderAndAudited() {
        long id = projects.create(A_STAFF, valid());
        Project p = projects.get(A_STAFF, id);
        assertEquals("生态茶园", p.name());
        assertEquals(founderA, p.founderId());
        assertEquals("创业者甲", p.founderName());
        assertEquals(ProjectSector.AGRICULTURE, p.sector());
        assertEquals(ProjectStage.STARTUP, p.stage());
        assertEquals("小额贷款5万元", p.support());
        assertEquals(TreeOrgUnits.COUNTY_A.id(), p.countyId());
        assertEquals(LocalDate.of(2013, 5, 20), p.registeredOn());
        assertEquals(List.of(new ListAudit.Entry("a-staff", "venture.create", "venture:" + id,
                "county=" + A + " founder=" + founderA + " stage=STARTUP")), audit.withAction("venture.create"));
    }

    @Test
    void aCountyUserDefaultsToTheirCountyAndToday() {
        long id = projects.create(A_STAFF, new ProjectInput(" 网店 ", String.valueOf(founderA), "commerce", "idea",
                " ", null, null));
        Project p = projects.get(A_STAFF, id);
        assertEquals("网店", p.name());
        assertEquals(TODAY, p.registeredOn());
        assertEquals(TreeOrgUnits.COUNTY_A.id(), p.countyId());
        assertEquals(null, p.support());
    }

    @Test
    void searchesByNameSectorAndStageAndPagesByTwenty() {
        projects.create(CITY_ADMIN, project("Tea Garden", founderA, "AGRICULTURE", "STARTUP", A, "2013-01-10"));
        projects.create(CITY_ADMIN, project("Tech 100%", founderA, "TECHNOLOGY", "IDEA", A, "2013-02-10"));
        projects.create(CITY_ADMIN, project("Tea Shop", founderB, "COMMERCE", "OPERATING", B, "2013-03-10"));

        assertEquals(List.of("Tea Shop", "Tea Garden"), names(new ProjectFilter("tea", null, null, null)));
        assertEquals(List.of("Tech 100%"), names(new ProjectFilter("100%", null, null, null)));
        assertEquals(List.of("Tech 100%"), names(new ProjectFilter("%", null, null, null)), "LIKE wildcards are literal");
        assertEquals(List.of("Tea Garden"), names(new ProjectFilter(null, ProjectSector.AGRICULTURE, null, null)));
        assertEquals(List.of("Tea Shop"), names(new ProjectFilter(null, null, ProjectStage.OPERATING, null)));
        assertEquals(List.of("Tea Shop"), names(new ProjectFilter(null, null, null, TreeOrgUnits.COUNTY_B.id())));
        assertEquals(List.of(), names(new ProjectFilter("tea", ProjectSector.TECHNOLOGY, null, null)));

        for (int i = 0; i < 21; i++) {
            projects.create(A_STAFF, project("项目" + i, founderA, "SERVICES", "EXPANDED", A, "2012-12-01"));
        }
        Page<Project> first = projects.list(A_STAFF, ProjectFilter.NONE, 1);
        assertEquals(23, first.total());
        assertEquals(20, first.items().size());
        assertEquals(3, projects.list(A_STAFF, ProjectFilter.NONE, 2).items().size());
        assertEquals(2, projects.list(A_STAFF, ProjectFilter.NONE, 9).page());
    }

    private List<String> names(ProjectFilter f) {
        return projects.list(CITY_ADMIN, f, 1).items().stream().map(Project::name).toList();
    }

    // ---------------------------------------------------------------- validation: nothing written

    private void refused(Actor who, ProjectInput in, Map<String, String> expected) {
        long before = projectRows();
        int audits = audit.entries.size();
        ValidationException e = assertThrows(ValidationException.class, () -> projects.create(who, in));
        assertEquals(expected, e.fieldErrors());
        assertEquals(before, projectRows(), "nothing written");
        assertEquals(audits, audit.entries.size(), "nothing audited");
    }

    @Test
    void theFounderMustBeALiveYouthOfTheSameCounty() {
        refused(A_STAFF, project("x", 999_999, "OTHER", "IDEA", A, null),
                Map.of("founder", ProjectValidator.FOUNDER_UNKNOWN));
        // The city sees both counties: a founder of B for a project of A is named as such.
        refused(CITY_ADMIN, project("x", founderB, "OTHER", "IDEA", A, null),
                Map.of("founder", ProjectValidator.FOUNDER_OTHER_COUNTY));
        // County A cannot see B's youth: the answer is "unknown", revealing nothing about B.
        refused(A_STAFF, project("x", founderB, "OTHER", "IDEA", A, null),
                Map.of("founder", ProjectValidator.FOUNDER_UNKNOWN));
        service.delete(CITY_ADMIN, founderA);
        refused(A_STAFF, valid(), Map.of("founder", ProjectValidator.FOUNDER_UNKNOWN));
    }

    @Test
    void badFieldsAreAllReportedAtOnce() {
        refused(A_STAFF, new ProjectInput(null, null, null, null, null, null, null),
                Map.of("name", ProjectValidator.NAME_REQUIRED, "founder", ProjectValidator.FOUNDER_REQUIRED, "sector",
                        ProjectValidator.SECTOR_REQUIRED, "stage", ProjectValidator.STAGE_REQUIRED));
        refused(CITY_ADMIN, new ProjectInput("名".repeat(101), "-5", "MINING", "BANKRUPT", "扶".repeat(1001), null,
                "2013-06-16"), Map.of("name", ProjectValidator.NAME_TOO_LONG, "founder",
                        ProjectValidator.FOUNDER_UNKNOWN, "sector", ProjectValidator.SECTOR_INVALID, "stage",
                        ProjectValidator.STAGE_INVALID, "support", ProjectValidator.SUPPORT_TOO_LONG, "county",
                        ProjectValidator.COUNTY_REQUIRED, "registeredOn", ProjectValidator.REGISTERED_FUTURE));
        refused(A_STAFF, project("x", founderA, "OTHER", "IDEA", B, "1999-12-31"),
                Map.of("county", ProjectValidator.COUNTY_INVALID, "registeredOn",
                        ProjectValidator.REGISTERED_TOO_EARLY));
        refused(A_STAFF, project("x", founderA, "OTHER", "IDEA", "4", "20/05/2013"),
                Map.of("county", ProjectValidator.COUNTY_INVALID, "registeredOn",
                        ProjectValidator.REGISTERED_INVALID));
        refused(A_STAFF, new ProjectInput("x", "0", "OTHER", "IDEA", null, "-2", null),
                Map.of("founder", ProjectValidator.FOUNDER_UNKNOWN, "county", ProjectValidator.COUNTY_INVALID));
    }

    @Test
    void aBadUpdateChangesNothing() {
        long id = projects.create(A_STAFF, valid());
        ValidationException e = assertThrows(ValidationException.class, () -> projects.update(A_STAFF, id,
                project("新名字", 424_242, "OTHER", "IDEA", A, null)));
        assertEquals(Map.of("founder", ProjectValidator.FOUNDER_UNKNOWN), e.fieldErrors());
        assertEquals("生态茶园", projects.get(A_STAFF, id).name());
        assertEquals(List.of(), audit.withAction("venture.update"));
    }

    // ---------------------------------------------------------------- update, delete, scope

    @Test
    void updateAndSoftDelete() {
        long id = projects.create(A_STAFF, valid());
        projects.update(A_STAFF, id, project("生态茶园二期", founderA, "AGRICULTURE", "EXPANDED", A, "2013-05-20"));
        assertEquals(ProjectStage.EXPANDED, projects.get(A_STAFF, id).stage());
        assertEquals(1, audit.withAction("venture.update").size());

        projects.delete(A_STAFF, id);
        assertThrows(NotFoundException.class, () -> projects.get(A_STAFF, id));
        assertThrows(NotFoundException.class, () -> projects.delete(A_STAFF, id));
        assertEquals(0, projects.list(A_STAFF, ProjectFilter.NONE, 1).total());
        assertEquals(1, projectRows(), "the row stays for history");
        assertEquals(List.of(new ListAudit.Entry("a-staff", "venture.delete", "venture:" + id, null)),
                audit.withAction("venture.delete"));
    }

    @Test
    void anotherCountyCannotReadOrChangeAProject() {
        long id = projects.create(A_STAFF, valid());
        assertThrows(NotFoundException.class, () -> projects.get(B_STAFF, id));
        assertThrows(NotFoundException.class, () -> projects.update(B_STAFF, id,
                project("改名", founderB, "OTHER", "IDEA", B, null)));
        assertThrows(NotFoundException.class, () -> projects.delete(B_STAFF, id));
        assertEquals(0, projects.list(B_STAFF, ProjectFilter.NONE, 1).total());
        assertEquals(0, projects.list(B_STAFF, new ProjectFilter(null, null, null, TreeOrgUnits.COUNTY_A.id()), 1)
                .total());
        Project p = projects.get(A_STAFF, id);
        assertEquals("生态茶园", p.name());
        assertEquals(List.of(), audit.withAction("venture.update"));
        assertEquals(List.of(), audit.withAction("venture.delete"));

        // A county user cannot move a project to another county either.
        ValidationException e = assertThrows(ValidationException.class, () -> projects.update(A_STAFF, id,
                project("生态茶园", founderA, "AGRICULTURE", "STARTUP", B, null)));
        assertEquals(Map.of("county", ProjectValidator.COUNTY_INVALID), e.fieldErrors());
    }

    @Test
    void viewersReadButDoNotWrite() {
        long id = projects.create(A_STAFF, valid());
        assertEquals("生态茶园", projects.get(A_VIEWER, id).name());
        assertThrows(AccessDeniedException.class, () -> projects.create(A_VIEWER, valid()));
        assertThrows(AccessDeniedException.class, () -> projects.update(A_VIEWER, id, valid()));
        assertThrows(AccessDeniedException.class, () -> projects.delete(A_VIEWER, id));
        assertThrows(AccessDeniedException.class, () -> projects.get(NO_ROLE, id));
    }

    // ---------------------------------------------------------------- indicator

    @Test
    void indicatorFollowsThePolicy() {
        IndicatorDefinition d = project.indicators().stream()
                .filter(i -> i.id().equals(ProjectService.INDICATOR_PROJECTS)).findFirst().orElseThrow();
        assertEquals(Comparison.AT_LEAST, d.comparison());
        assertEquals(new BigDecimal(50), d.defaultTarget());
        assertEquals(TargetKind.ABSOLUTE, d.kind());
        assertEquals("附件2 第2项", d.clause());
        assertEquals("创业项目入库数", project.messages(java.util.Locale.SIMPLIFIED_CHINESE).getString(d.nameKey()));
    }

    @Test
    void actualsCountLiveProjectsPerCountyRegisteredByTheDay() {
        for (String registered : List.of("2012-03-01", "2012-12-31", "2013-01-01", "2013-03-31")) {
            projects.create(CITY_ADMIN, project("A " + registered, founderA, "OTHER", "IDEA", A, registered));
        }
        long deleted = projects.create(CITY_ADMIN, project("gone", founderA, "OTHER", "IDEA", A, "2012-05-05"));
        projects.delete(CITY_ADMIN, deleted);
        projects.create(CITY_ADMIN, project("B", founderB, "OTHER", "IDEA", B, "2013-02-01"));

        long a = TreeOrgUnits.COUNTY_A.id();
        long b = TreeOrgUnits.COUNTY_B.id();
        long city = TreeOrgUnits.CITY.id();
        String key = ProjectService.INDICATOR_PROJECTS;
        Map<Long, Map<String, BigDecimal>> y2012 = project.actuals(List.of(a, b, city), 2012);
        assertEquals(BigDecimal.valueOf(2), y2012.get(a).get(key), "deleted and later projects do not count");
        assertEquals(BigDecimal.ZERO, y2012.get(b).get(key));
        assertEquals(BigDecimal.ZERO, y2012.get(city).get(key), "only projects whose county is the unit itself");

        Map<Long, Map<String, BigDecimal>> y2013 = project.actuals(List.of(a, b), 2013);
        assertEquals(BigDecimal.valueOf(4), y2013.get(a).get(key));
        assertEquals(BigDecimal.ONE, y2013.get(b).get(key));
        assertEquals(BigDecimal.ONE, y2013.get(a).get("youth.entrepreneurs"), "the youth indicators stay");

        assertEquals(BigDecimal.valueOf(3),
                project.actualsAsOf(List.of(a), 2013, LocalDate.of(2013, 3, 30)).get(a).get(key));
        assertEquals(BigDecimal.ZERO, project.actualsAsOf(List.of(b), 2013, LocalDate.of(2013, 1, 31)).get(b).get(key));
        assertEquals(project.actuals(List.of(a, b), 2013),
                project.actualsAsOf(List.of(a, b), 2013, LocalDate.of(2014, 6, 1)));
        assertTrue(project.actuals(List.of(), 2013).isEmpty());
    }
}
