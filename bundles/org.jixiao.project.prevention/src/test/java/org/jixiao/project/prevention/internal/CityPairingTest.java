package org.jixiao.project.prevention.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.register.RecordQuery;
import org.jixiao.api.register.RegisterRecord;
import org.jixiao.api.testing.FakeWebRequest;
import org.jixiao.api.web.WebResult;
import org.jixiao.project.prevention.internal.youth.YouthRegister;
import org.junit.jupiter.api.Test;

/**
 * Step 2's second pairing (对口结对): the category names its city department, whose member unit reads the youth
 * routed to it only (audited, never the offences) and pairs them a second time with a city professional or volunteer.
 */
class CityPairingTest extends PreventionTestBase {

    @Test
    void aCategoryNamesACityLevelMemberUnitByItsCode() {
        assertEquals(Map.of("cityUnit", "category.cityUnit.unknown"), refused(() -> engine.create(CITY_OFFICE,
                project, YouthRegister.CATEGORIES, form("name", "留守儿童", "cityUnit", "nosuch")), "PRV_CATEGORY"));
        // A county is no city department.
        assertEquals(Map.of("cityUnit", "category.cityUnit.unknown"), refused(() -> engine.create(CITY_OFFICE,
                project, YouthRegister.CATEGORIES, form("name", "留守儿童", "cityUnit", A.code())), "PRV_CATEGORY"));
        engine.create(CITY_OFFICE, project, YouthRegister.CATEGORIES, form("name", "留守儿童", "cityUnit",
                CityUnits.EDUCATION.code()));
    }

    @Test
    void theCityDepartmentReadsOnlyTheYouthRoutedToItEveryReadAuditedAndNeverTheOffences() {
        long left = engine.create(CITY_OFFICE, project, YouthRegister.CATEGORIES, form("name", "留守儿童",
                "cityUnit", CityUnits.EDUCATION.code()));
        long a = youth(A_OFFICE, "王小明", 1, A_PRO, A_VOL);
        long b = youth(B_OFFICE, "赵六", 2, B_PRO, B_VOL);
        Map<String, Object> other = youthForm("李四", 3, A_PRO, A_VOL);
        other.put("category", left);
        long c = engine.create(A_OFFICE, project, YouthRegister.YOUTH, other);
        long offence = engine.create(A_OFFICE, project, YouthRegister.OFFENCES, form("parent", a, "offence", "盗窃",
                "offenceCategory", "THEFT", "committedOn", "2024-01-10"));
        audit.clear();
        assertEquals("王小明", engine.get(CITY_POLICE, project, YouthRegister.YOUTH, a).value("name"));
        assertTrue(audit.contains("youth.read youth:" + a), audit.toString());
        assertEquals(java.util.Set.of(a, b), java.util.Set.copyOf(ids(engine.list(CITY_POLICE, project, YouthRegister.YOUTH,
                RecordQuery.firstPage()).items())));
        assertEquals(List.of(c), ids(engine.list(CITY_EDUCATION, project, YouthRegister.YOUTH,
                RecordQuery.firstPage()).items()));
        assertThrows(NotFoundException.class, () -> engine.get(CITY_EDUCATION, project, YouthRegister.YOUTH, a));
        assertThrows(NotFoundException.class, () -> engine.get(CITY_POLICE, project, YouthRegister.YOUTH, c));
        assertThrows(AccessDeniedException.class, () -> engine.get(CITY_POLICE, project, YouthRegister.OFFENCES,
                offence));
        assertTrue(audit.contains("offence.refused offence:" + offence + " role"), audit.toString());
        // The county's office sees the department's read and its refused attempt in the youth's access log.
        assertEquals(List.of("REFUSED " + CITY_EDUCATION.userId(), "LIST " + CITY_POLICE.userId(),
                "READ " + CITY_POLICE.userId()), engine.accessLog(A_OFFICE, project, YouthRegister.YOUTH, a)
                .stream().filter(x -> x.register().equals(YouthRegister.YOUTH))
                .map(x -> x.kind() + " " + x.userId()).toList());
    }

    @Test
    void theCityDepartmentPairsAVerifiedYouthASecondTimeWithACityHelper() {
        long y = youth(A_OFFICE, "王小明", 1, A_PRO, A_VOL);
        Map<String, Object> pro = form("cityProfessional", CITY_PRO.userId());
        assertEquals("state", assertThrows(ValidationException.class, () -> engine.transition(CITY_POLICE, project,
                YouthRegister.YOUTH, y, YouthRegister.PAIR_CITY_PROFESSIONAL, pro, null)).fieldErrors().keySet()
                .iterator().next());
        engine.transition(A_POLICE, project, YouthRegister.YOUTH, y, "verify",
                form("verifiedBy", "POLICE", "verifiedOn", "2024-07-10"), null);
        // Neither the county's member unit nor another city department pairs at city level.
        assertThrows(AccessDeniedException.class, () -> engine.transition(A_POLICE, project, YouthRegister.YOUTH, y,
                YouthRegister.PAIR_CITY_PROFESSIONAL, pro, null));
        assertThrows(NotFoundException.class, () -> engine.transition(CITY_EDUCATION, project, YouthRegister.YOUTH,
                y, YouthRegister.PAIR_CITY_PROFESSIONAL, pro, null));
        assertEquals(Map.of("cityProfessional", "register.error.user"), assertThrows(ValidationException.class,
                () -> engine.transition(CITY_POLICE, project, YouthRegister.YOUTH, y,
                        YouthRegister.PAIR_CITY_PROFESSIONAL, form("cityProfessional", CITY_VOL.userId()), null))
                .fieldErrors());
        assertEquals(Boolean.FALSE, engine.get(A_OFFICE, project, YouthRegister.YOUTH, y).value("cityPaired"));
        clock.set(LocalDate.of(2024, 4, 20));
        engine.transition(CITY_POLICE, project, YouthRegister.YOUTH, y, YouthRegister.PAIR_CITY_PROFESSIONAL, pro,
                null);
        RegisterRecord paired = engine.get(A_OFFICE, project, YouthRegister.YOUTH, y);
        assertEquals(Boolean.TRUE, paired.value("cityPaired"));
        assertEquals(CITY_PRO.userId(), paired.value("cityProfessional"));
        assertEquals(LocalDate.of(2024, 4, 20), paired.value("cityPairedOn"));
        assertEquals(YouthRegister.VERIFIED, paired.state());
        assertTrue(audit.contains("youth.step.pairCityProfessional youth:" + y + " unit=" + A.id()), audit.toString());
        // The city helper it names reads the youth as its helper.
        assertEquals("王小明", engine.get(CITY_PRO, project, YouthRegister.YOUTH, y).value("name"));
    }

    @Test
    void theCityDepartmentsCoverageNamesItsOwnYouthStillWithoutTheSecondPairing() {
        long y = youth(A_OFFICE, "王小明", 1, A_PRO, A_VOL);
        long z = youth(B_OFFICE, "赵六", 2, B_PRO, B_VOL);
        cityPaired(y, CITY_POLICE, CITY_VOL);
        audit.clear();
        Map<String, Object> police = page(CITY_POLICE, "/coverage");
        assertEquals(List.of(z), ((List<?>) police.get("unpaired")).stream()
                .map(x -> ((Map<?, ?>) x).get("youthId")).toList());
        assertTrue(audit.contains("youth.coverage youth ids=" + z), audit.toString());
        Map<String, Object> education = page(CITY_EDUCATION, "/coverage");
        assertEquals(List.of(), education.get("unpaired"));
        assertEquals(List.of(), education.get("cells"));
    }

    private static List<Long> ids(List<RegisterRecord> records) {
        return records.stream().map(RegisterRecord::id).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> page(org.jixiao.api.Actor actor, String path) {
        WebResult result = project.web().handle(FakeWebRequest.api("GET", path, actor));
        return (Map<String, Object>) result.body();
    }
}
