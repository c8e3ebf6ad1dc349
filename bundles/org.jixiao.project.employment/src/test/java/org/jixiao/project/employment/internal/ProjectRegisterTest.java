package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.ValidationException;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.FieldType;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.RegisterRecord;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.project.employment.internal.project.ProjectRegister;
import org.jixiao.project.employment.internal.ybc.YbcRegister;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Work item 2 on the register engine: the founder is a live youth of the project's county, the registration date,
 * the registers not yet on the engine that keep a project from going, the indicator and the register's messages.
 * What every register does (scope, roles, audit, bad input) is the engine's tests'.
 */
class ProjectRegisterTest extends EmploymentTestBase {


    private long founderA;
    private long founderB;

    @BeforeEach
    void founders() {
        founderA = service.create(CITY_ADMIN, person("创业者甲", LocalDate.of(1990, 2, 3), 11, "ENTREPRENEUR",
                FixedOrgUnits.COUNTY_A, "2013-01-05"));
        founderB = service.create(CITY_ADMIN, person("创业者乙", LocalDate.of(1991, 4, 5), 13, "ENTREPRENEUR",
                FixedOrgUnits.COUNTY_B, "2013-01-05"));
    }

    private static ProjectInput venture(String name, long founder, String county, String registeredOn) {
        return new ProjectInput(name, String.valueOf(founder), "AGRICULTURE", "STARTUP", "小额贷款5万元", county,
                registeredOn);
    }

    private void refused(ProjectInput in, Map<String, String> expected) {
        assertEquals(expected, refused(() -> projects.create(in.county() == null ? A_STAFF : CITY_ADMIN, in),
                "EMP_PROJECT"));
    }

    @Test
    void aCountyUsersProjectIsTheirCountysRegisteredTodayAndNamesItsFounder() {
        long id = projects.create(A_STAFF, venture("生态茶园", founderA, null, null));
        RegisterRecord r = projects.get(A_STAFF, id);
        assertEquals(FixedOrgUnits.COUNTY_A.id(), r.unitId());
        assertEquals(TODAY, r.value("registeredOn"));
        assertEquals(founderA, r.value("founder"));
        assertEquals("STARTUP", r.value("stage"));
        assertEquals(1, audit.withAction("venture.create").size());
    }

    @Test
    void theFounderIsALiveYouthOfTheProjectsCounty() {
        refused(venture("x", 999_999, null, null), Map.of("founder", "register.error.reference"));
        // The city sees both counties: a founder of B for a project of A is named as such.
        refused(venture("x", founderB, A, null), Map.of("founder", "register.error.otherUnit"));
        // County A cannot see B's youth: the answer is "unknown", revealing nothing about B.
        refused(venture("x", founderB, null, null), Map.of("founder", "register.error.reference"));
        service.delete(CITY_ADMIN, founderA);
        refused(venture("x", founderA, null, null), Map.of("founder", "register.error.reference"));
    }

    @Test
    void nothingWasRegisteredBeforeTheYear2000() {
        refused(venture("x", founderA, null, "1999-12-31"), Map.of("registeredOn", "venture.registeredOn.tooEarly"));
        projects.create(A_STAFF, venture("x", founderA, null, "2000-01-01"));
    }

    @Test
    void aYbcDemonstrationProjectKeepsItsProjectFromGoingOrMoving() {
        long id = projects.create(A_STAFF, venture("生态茶园", founderA, null, "2013-03-01"));
        long demo = engine.create(A_STAFF, project, YbcRegister.PROJECTS, Map.of("project", id, "recognisedOn",
                "2013-04-01"));
        ValidationException deleted = assertThrows(ValidationException.class, () -> projects.delete(A_STAFF, id));
        assertEquals(Map.of(YbcRegister.PROJECTS, "ybc.project.linked"), deleted.fieldErrors());
        // Moved together with a founder of the other county, which the engine would otherwise accept.
        ValidationException moved = assertThrows(ValidationException.class,
                () -> projects.update(CITY_ADMIN, id, venture("生态茶园", founderB, B, "2013-03-01")));
        assertEquals(Map.of(YbcRegister.PROJECTS, "ybc.project.linked"), moved.fieldErrors());
        assertEquals(FixedOrgUnits.COUNTY_A.id(), projects.get(CITY_ADMIN, id).unitId());
        // Changes within the county go through.
        projects.update(A_STAFF, id, venture("生态茶园二期", founderA, null, "2013-03-01"));

        engine.delete(A_STAFF, project, YbcRegister.PROJECTS, demo, "认定撤销");
        projects.update(CITY_ADMIN, id, venture("生态茶园二期", founderB, B, "2013-03-01"));
        projects.delete(CITY_ADMIN, id);
        assertEquals(0, projects.count(CITY_ADMIN));
    }

    @Test
    void theIndicatorFollowsThePolicy() {
        IndicatorDefinition d = assertPolicy(ProjectRegister.INDICATOR_PROJECTS, 50, "附件2 第2项");
        assertEquals("创业项目入库数", project.messages(Locale.SIMPLIFIED_CHINESE).getString(d.nameKey()));
    }

    @Test
    void actualsCountLiveProjectsPerCountyRegisteredByTheDayOfEveryYear() {
        for (String registered : List.of("2012-03-01", "2012-12-31", "2013-01-01", "2013-03-31")) {
            projects.create(CITY_ADMIN, venture("A " + registered, founderA, A, registered));
        }
        long deleted = projects.create(CITY_ADMIN, venture("gone", founderA, A, "2012-05-05"));
        projects.delete(CITY_ADMIN, deleted);
        projects.create(CITY_ADMIN, venture("B", founderB, B, "2013-02-01"));

        long a = FixedOrgUnits.COUNTY_A.id();
        long b = FixedOrgUnits.COUNTY_B.id();
        long city = FixedOrgUnits.CITY.id();
        String key = ProjectRegister.INDICATOR_PROJECTS;
        Map<Long, Map<String, BigDecimal>> y2012 = project.actuals(List.of(a, b, city), 2012);
        assertEquals(0, BigDecimal.valueOf(2).compareTo(y2012.get(a).get(key)), "deleted and later ones do not count");
        assertEquals(0, BigDecimal.ZERO.compareTo(y2012.get(b).get(key)));
        assertEquals(0, BigDecimal.ZERO.compareTo(y2012.getOrDefault(city, Map.of()).getOrDefault(key,
                BigDecimal.ZERO)), "only projects whose county is the unit itself");

        Map<Long, Map<String, BigDecimal>> y2013 = project.actuals(List.of(a, b), 2013);
        assertEquals(0, BigDecimal.valueOf(4).compareTo(y2013.get(a).get(key)));
        assertEquals(0, BigDecimal.ONE.compareTo(y2013.get(b).get(key)));
        assertEquals(0, BigDecimal.valueOf(3).compareTo(
                project.actualsAsOf(List.of(a), 2013, LocalDate.of(2013, 3, 30)).get(a).get(key)));
        assertEquals(0, BigDecimal.ZERO.compareTo(
                project.actualsAsOf(List.of(b), 2013, LocalDate.of(2013, 1, 31)).get(b).get(key)));
    }

    @Test
    void everyMessageTheEngineShowsForTheRegisterExistsInBothLanguages() {
        RegisterDefinition def = project.registers().stream().filter(r -> r.id().equals(ProjectRegister.ID))
                .findFirst().orElseThrow();
        List<String> needed = new ArrayList<>(List.of(def.messagePrefix() + ".title", def.messagePrefix() + ".linked",
                "venture.registeredOn.tooEarly"));
        for (Field f : def.fields()) {
            needed.add(def.messagePrefix() + ".field." + f.name());
            if (f.type() == FieldType.CHOICE) {
                f.choices().forEach(c -> needed.add(def.messagePrefix() + "." + f.name() + "." + c));
            }
        }
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            Set<String> keys = PageRender.keys(locale);
            List<String> missing = needed.stream().filter(k -> !keys.contains(k)).toList();
            assertTrue(missing.isEmpty(), locale + " lacks " + missing);
        }
    }
}
