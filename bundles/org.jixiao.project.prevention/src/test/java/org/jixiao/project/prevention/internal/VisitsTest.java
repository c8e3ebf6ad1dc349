package org.jixiao.project.prevention.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.testing.FakeWebRequest;
import org.jixiao.api.web.WebResult;
import org.jixiao.project.prevention.internal.youth.YouthRegister;
import org.junit.jupiter.api.Test;

/** Steps 2 and 3: pairing with its rate, each helper's own visits and the month's overdue list. */
class VisitsTest extends PreventionTestBase {

    @Test
    void aVisitIsTheHelpersOwnAndOnlyAPairedHelperRecordsOne() {
        long y = youth(A_OFFICE, "王小明", 1, A_PRO, A_VOL);
        long v = visit(A_PRO, y, "2024-07-03");
        assertEquals(A_PRO.userId(), engine.get(A_VOL, project, YouthRegister.VISITS, v).value("helper"));
        assertThrows(AccessDeniedException.class, () -> visit(A_OFFICE, y, "2024-07-03"));
        assertThrows(NotFoundException.class, () -> visit(A_PRO2, y, "2024-07-03"));
        Actor officeVolunteer = new Actor(40, "u40", Set.of(), A, java.util.Locale.SIMPLIFIED_CHINESE,
                Set.of(Roles.PREVENTION_OFFICE, Roles.VOLUNTEER));
        assertEquals(Map.of("helper", "visit.notHelper"), refused(() -> visit(officeVolunteer, y, "2024-07-03"),
                "PRV_VISIT"));
        assertEquals(Map.of("helper", "visit.notOwn"), assertThrows(ValidationException.class,
                () -> engine.update(A_VOL, project, YouthRegister.VISITS, v, form("visitedOn", "2024-07-04",
                        "way", "TALK", "content", "改"), -1)).fieldErrors());
    }

    @Test
    void thePairingRateCountsYouthPairedAtBothLevels() {
        long first = youth(A_OFFICE, "甲", 1, A_PRO, A_VOL);
        long half = youth(A_OFFICE, "乙", 2, A_PRO, null);
        youth(A_OFFICE, "丙", 3, A_PRO2, A_VOL2);
        youth(A_OFFICE, "丁", 4, null, null);
        cityPaired(half, CITY_POLICE, CITY_VOL);
        assertEquals(0, rates().get("pairing.rate").compareTo(BigDecimal.ZERO), rates().toString());
        cityPaired(first, CITY_POLICE, CITY_PRO);
        Map<String, BigDecimal> a = rates();
        assertEquals(0, a.get("youth.registered").compareTo(BigDecimal.valueOf(4)), a.toString());
        assertEquals(0, a.get("pairing.rate").compareTo(BigDecimal.valueOf(25)), a.toString());
    }

    private Map<String, BigDecimal> rates() {
        return project.actualsAsOf(List.of(A.id()), 2024, LocalDate.of(2024, 7, 15)).get(A.id());
    }

    @Test
    void theCoverageCountsBothPairingsByCountyCategoryAndDepartmentAndNamesTheUnpairedToTheCountyOnly() {
        long other = engine.create(CITY_OFFICE, project, YouthRegister.CATEGORIES, form("name", "留守儿童"));
        long paired = youth(A_OFFICE, "甲", 1, A_PRO, A_VOL);
        cityPaired(paired, CITY_POLICE, CITY_PRO);
        long half = youth(A_OFFICE, "乙", 2, A_PRO, null);
        Map<String, Object> left = youthForm("丙", 3, null, null);
        left.put("category", other);
        long none = engine.create(A_OFFICE, project, YouthRegister.YOUTH, left);
        youth(B_OFFICE, "丁", 4, B_PRO, B_VOL);
        audit.clear();
        Map<String, Object> county = page(A_OFFICE, "/coverage");
        assertEquals(List.of(Map.of("county", A.name(), "category", "留守儿童", "youth", 1, "paired", 0,
                "unpaired", 1, "cityPaired", 0, "cityUnpaired", 1), Map.of("county", A.name(), "category", "闲散青少年",
                "youth", 2, "paired", 1, "unpaired", 1, "cityPaired", 1, "cityUnpaired", 1)), county.get("cells"));
        assertEquals(List.of(Map.of("department", CityUnits.POLICE.name(), "youth", 2, "cityPaired", 1,
                "cityUnpaired", 1), Map.of("department", "", "youth", 1, "cityPaired", 0, "cityUnpaired", 1)),
                county.get("departments"));
        assertEquals(List.of("丙 true true true", "乙 false true true"), ((List<?>) county.get("unpaired")).stream()
                .map(x -> (Map<?, ?>) x).map(x -> x.get("youth") + " " + x.get("noProfessional") + " "
                        + x.get("noVolunteer") + " " + x.get("noCity")).toList());
        assertTrue(audit.contains("youth.coverage youth ids=" + none + "," + half), audit.toString());
        Map<String, Object> city = page(CITY_OFFICE, "/coverage");
        assertEquals(3, ((List<?>) city.get("cells")).size());
        assertEquals(List.of(), city.get("unpaired"));
        assertThrows(AccessDeniedException.class, () -> page(A_PRO, "/coverage"));
        assertThrows(AccessDeniedException.class, () -> page(A_POLICE, "/coverage"));
    }

    @Test
    void theOverdueListNamesEachHelperWithoutAVisitThisMonthToTheirOwnCountyOrTheCityAsCounts() {
        long y1 = youth(A_OFFICE, "甲", 1, A_PRO, A_VOL);
        long y2 = youth(A_OFFICE, "乙", 2, A_PRO2, A_VOL2);
        youth(A_OFFICE, "丙", 3, null, null);
        long b1 = youth(B_OFFICE, "丁", 4, B_PRO, B_VOL);
        visit(A_PRO, y1, "2024-07-03");
        visit(A_VOL2, y2, "2024-06-28");
        visit(B_PRO, b1, "2024-07-01");
        visit(B_VOL, b1, "2024-07-02");
        audit.clear();
        List<Map<String, Object>> county = rows(A_OFFICE, null);
        assertEquals(Set.of("甲/u32/VOLUNTEER", "乙/u33/PROFESSIONAL", "乙/u34/VOLUNTEER"), keys(county));
        assertTrue(audit.contains("youth.overdue youth ids=" + y1 + "," + y2), audit.toString());
        assertEquals(Set.of("甲/u32/VOLUNTEER"), keys(rows(A_VOL, null)));
        assertEquals(Set.of(), keys(rows(A_PRO, null)));
        assertEquals(Set.of(), keys(rows(B_OFFICE, null)));
        assertEquals(Set.of("乙/u34/VOLUNTEER", "乙/u33/PROFESSIONAL", "甲/u31/PROFESSIONAL", "甲/u32/VOLUNTEER"),
                keys(rows(A_OFFICE, "2024-08")));
        Map<String, Object> city = json(CITY_OFFICE, null);
        assertEquals(List.of(), city.get("rows"));
        assertEquals(List.of(Map.of("name", A.name(), "count", 3)), city.get("byCounty"));
        assertEquals(Map.of("month", "overdue.month.invalid"), assertThrows(ValidationException.class,
                () -> json(A_OFFICE, "2024-13")).fieldErrors());
        assertThrows(AccessDeniedException.class, () -> json(A_POLICE, null));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rows(Actor actor, String month) {
        return (List<Map<String, Object>>) json(actor, month).get("rows");
    }

    private Map<String, Object> json(Actor actor, String month) {
        FakeWebRequest r = FakeWebRequest.api("GET", "/overdue", actor);
        return body(project.web().handle(month == null ? r : r.param("month", month)));
    }

    private Map<String, Object> page(Actor actor, String path) {
        return body(project.web().handle(FakeWebRequest.api("GET", path, actor)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(WebResult result) {
        return (Map<String, Object>) result.body();
    }

    private static Set<String> keys(List<Map<String, Object>> rows) {
        return Set.copyOf(rows.stream().map(r -> r.get("youth") + "/" + r.get("helper") + "/" + r.get("role"))
                .toList());
    }
}
