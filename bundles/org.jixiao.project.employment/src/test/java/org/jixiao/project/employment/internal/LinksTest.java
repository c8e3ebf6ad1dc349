package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.ValidationException;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.project.employment.internal.incubator.IncubatorRegister;
import org.junit.jupiter.api.Test;

/**
 * A youth or project that another register's live record names is neither deleted nor moved to another county, and
 * the refusal says which registers name it; once those records are gone, it may be.
 */
class LinksTest extends EmploymentTestBase {


    private long entrepreneur() {
        return service.create(A_STAFF, person("创业者", LocalDate.of(1991, 2, 3), 41, "ENTREPRENEUR",
                FixedOrgUnits.COUNTY_A, "2013-03-01"));
    }

    private long project(long founder) {
        return projects.create(A_STAFF, new ProjectInput("青年农场", String.valueOf(founder), "AGRICULTURE", "STARTUP",
                null, A, "2013-04-01"));
    }

    @Test
    void aFounderIsNeitherDeletedNorMovedUntilTheProjectIsGone() {
        long youth = entrepreneur();
        long project = project(youth);
        long before = rows("EMP_YOUTH", "EMP_PROJECT");
        // Reads of the sensitive youth database are audited too; count the writes.
        int audits = writes();

        ValidationException deleted = assertThrows(ValidationException.class, () -> service.delete(A_STAFF, youth));
        assertEquals(Set.of("venture.linked"), Set.copyOf(deleted.fieldErrors().values()));
        Map<String, Object> moved = validForm();
        moved.putAll(Map.of("name", "创业者", "idNumber",
                idNumber("110105", LocalDate.of(1991, 2, 3), 41), "type", "ENTREPRENEUR", "county", B,
                "registeredOn", "2013-03-01"));
        ValidationException county = assertThrows(ValidationException.class,
                () -> service.update(CITY_ADMIN, youth, input(moved)));
        assertEquals(Set.of("venture.linked"), Set.copyOf(county.fieldErrors().values()));
        assertEquals(before, rows("EMP_YOUTH", "EMP_PROJECT"));
        assertEquals(FixedOrgUnits.COUNTY_A.id(), service.get(CITY_ADMIN, youth).unitId());
        assertEquals(audits, writes(), "a refused change is not audited");

        // Other changes within the county go through.
        moved.put("county", A);
        moved.put("needs", "需要场地");
        service.update(A_STAFF, youth, input(moved));

        projects.delete(A_STAFF, project);
        service.delete(A_STAFF, youth);
        assertThrows(org.jixiao.api.NotFoundException.class, () -> service.get(A_STAFF, youth));
    }

    @Test
    void aPairedYouthNamesEveryRegisterThatHoldsThem() {
        long youth = entrepreneur();
        long venture = project(youth);
        long mentor = mentors.create(A_STAFF, new MentorInput.Mentor("王导师", "电商", "人社局", A, "2013-01-10", null,
                null));
        mentors.pair(A_STAFF, mentor, new MentorInput.Pairing(String.valueOf(youth), "2013-05-01"));
        ValidationException e = assertThrows(ValidationException.class, () -> service.delete(CITY_ADMIN, youth));
        // Both registers are the engine's: one refusal names them all.
        assertEquals(Map.of("projects", "venture.linked", "mentor-pairings", "mentor.pairing.linked"),
                e.fieldErrors());
    }

    @Test
    void aResidentProjectStaysUntilItsResidenceIsDeleted() {
        long venture = project(entrepreneur());
        long base = engine.create(A_STAFF, project, IncubatorRegister.ID, Map.of("name", "创业园", "address",
                "人民路1号", "operator", "县团委", "openedOn", "2013-01-05"));
        long residence = engine.create(A_STAFF, project, IncubatorRegister.RESIDENTS, Map.of("parent", base,
                "project", venture, "movedInOn", "2013-05-01"));
        ValidationException e = assertThrows(ValidationException.class, () -> projects.delete(A_STAFF, venture));
        // The residences are the engine's: it names them itself.
        assertEquals(Map.of(IncubatorRegister.RESIDENTS, "incubator.resident.linked"), e.fieldErrors());
        assertEquals(1, projects.count(A_STAFF));

        engine.delete(A_STAFF, project, IncubatorRegister.RESIDENTS, residence, "录入错误");
        projects.delete(A_STAFF, venture);
        assertEquals(0, projects.count(A_STAFF));
    }

    private int writes() {
        return (int) audit.entries.stream().filter(e -> !e.action().endsWith(".read") && !e.action().endsWith(".list"))
                .count();
    }
}
