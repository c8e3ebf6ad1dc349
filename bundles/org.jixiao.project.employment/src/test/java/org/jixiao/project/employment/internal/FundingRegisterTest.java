package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.testing.FakeWebRequest;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.project.employment.internal.funding.FundingRegister;
import org.junit.jupiter.api.Test;

/**
 * Work item 9 on the register engine: the applicant rule, the result rules, the links to the youth and project
 * databases and the yearly summary per county. Scope, roles, audit and field rules are the engine's tests'.
 */
class FundingRegisterTest extends ApplicantsTestBase {


    private static Map<String, Object> application(String county, Long youth, Long project, String applied,
            String result, String granted, String resultOn) {
        return form("unit", county, "youth", youth == null ? null : String.valueOf(youth),
                "project", project == null ? null : String.valueOf(project), "programme", "市级创业扶持资金",
                "amountApplied", applied, "appliedOn", "2013-03-01", "result", result, "amountGranted", granted,
                "resultOn", resultOn);
    }

    private long create(Actor actor, Map<String, Object> values) {
        return engine.create(actor, project, FundingRegister.ID, values);
    }

    private Map<String, String> refused(Runnable write) {
        return refused(write, "EMP_FUNDING");
    }

    private Map<String, String> refused(Map<String, Object> values) {
        return refused(() -> create(A_STAFF, values));
    }

    @Test
    void anApplicationIsDecidedLaterAndNamesAYouthAProjectOrBoth() {
        long id = create(A_STAFF, application(A, youthA, projectA, "50000", "PENDING", null, null));
        assertEquals(0, new BigDecimal("50000").compareTo((BigDecimal) engine.get(A_STAFF, project,
                FundingRegister.ID, id).value("amountApplied")));
        engine.update(A_STAFF, project, FundingRegister.ID, id,
                application(A, youthA, projectA, "50000", "APPROVED", "30000.5", "2013-05-01"), -1);
        var decided = engine.get(A_STAFF, project, FundingRegister.ID, id);
        assertEquals("APPROVED", decided.value("result"));
        assertEquals(0, new BigDecimal("30000.50").compareTo((BigDecimal) decided.value("amountGranted")));
        assertEquals(LocalDate.of(2013, 5, 1), decided.value("resultOn"));

        long projectOnly = create(A_STAFF, application(A, null, projectA, "8000", "REJECTED", null, "2013-04-01"));
        assertNull(engine.get(A_STAFF, project, FundingRegister.ID, projectOnly).value("youth"));
        long youthOnly = create(A_STAFF, application(null, youthA, null, "8000", "PENDING", null, null));
        assertEquals(FixedOrgUnits.COUNTY_A.id(), engine.get(A_STAFF, project, FundingRegister.ID, youthOnly).unitId(),
                "a county user's own county");
    }

    @Test
    void theResultDecidesTheGrantAndTheDayOfTheResult() {
        assertEquals(Map.of("youth", "funding.applicant.required"),
                refused(application(A, null, null, "1000", "PENDING", null, null)));
        assertEquals(Map.of("amountGranted", "funding.amountGranted.required", "resultOn",
                "funding.resultOn.required"), refused(application(A, youthA, null, "1000", "APPROVED", null, null)));
        assertEquals(Map.of("amountGranted", "funding.amountGranted.overApplied", "resultOn",
                "funding.resultOn.beforeApplied"),
                refused(application(A, youthA, null, "1000", "APPROVED", "1000.01", "2013-02-28")));
        assertEquals(Map.of("amountGranted", "funding.amountGranted.notApproved", "resultOn",
                "funding.resultOn.pending"), refused(application(A, youthA, null, "1000", "PENDING", "500",
                        "2013-04-01")));
        assertEquals(Map.of("amountGranted", "register.error.tooSmall", "resultOn", "funding.resultOn.required"),
                refused(application(A, youthA, null, "1000", "REJECTED", "0", null)));
        assertEquals(Map.of("amountApplied", "register.error.tooSmall"),
                refused(application(A, youthA, null, "0", "PENDING", null, null)));
        Map<String, Object> early = application(A, youthA, null, "1000", "REJECTED", null, "1999-12-31");
        early.put("appliedOn", "1999-12-01");
        assertEquals(Map.of("appliedOn", "funding.date.tooEarly", "resultOn", "funding.date.tooEarly"),
                refused(early));
        // An unknown applicant is the engine's error, not also a missing one.
        assertEquals(Map.of("youth", "register.error.reference"),
                refused(application(A, 999_999L, null, "1000", "PENDING", null, null)));
    }

    @Test
    void theApplicantIsOfTheApplicationsCounty() {
        assertEquals(Map.of("youth", "register.error.otherUnit", "project", "register.error.otherUnit"),
                refused(() -> create(CITY_ADMIN, application(B, youthA, projectA, "1000", "PENDING", null, null))));
        assertEquals(Map.of("youth", "register.error.reference"),
                refused(application(A, youthB, null, "1000", "PENDING", null, null)));
    }

    @Test
    void anApplicantWithALiveApplicationNeitherGoesNorMovesCounty() {
        long byYouth = create(A_STAFF, application(A, youthA, null, "1000", "PENDING", null, null));
        long byProject = create(A_STAFF, application(A, null, projectA, "1000", "PENDING", null, null));
        assertEquals(Map.of("funding", "funding.linked"), refused(() -> service.delete(CITY_ADMIN, youthA)));
        assertEquals(Map.of("funding", "funding.linked"), refused(() -> projects.delete(CITY_ADMIN, projectA)));
        engine.delete(A_STAFF, project, FundingRegister.ID, byYouth, "录入错误");
        engine.delete(A_STAFF, project, FundingRegister.ID, byProject, "录入错误");
        service.delete(CITY_ADMIN, youthA);
        projects.delete(CITY_ADMIN, projectA);
        assertEquals(Map.of("project", "register.error.reference"),
                refused(application(A, null, projectA, "1000", "PENDING", null, null)));
    }

    @Test
    void theYearsSummaryCountsAndSumsTheLiveApplicationsPerCounty() {
        create(A_STAFF, application(A, youthA, null, "50000", "APPROVED", "30000", "2013-04-01"));
        create(A_STAFF, application(A, null, projectA, "20000.10", "PENDING", null, null));
        create(A_STAFF, application(A, youthA, null, "10000", "REJECTED", null, "2013-04-01"));
        Map<String, Object> lastYear = application(A, youthA, null, "99999", "APPROVED", "99999", "2012-06-01");
        lastYear.put("appliedOn", "2012-05-01");
        create(A_STAFF, lastYear);
        long deleted = create(A_STAFF, application(A, youthA, null, "77777", "PENDING", null, null));
        engine.delete(A_STAFF, project, FundingRegister.ID, deleted, "重复录入");
        create(B_STAFF, application(B, youthB, null, "8000", "APPROVED", "8000", "2013-05-01"));

        assertEquals(List.of(row(A, 3, 1, 1, 1, "80000.10", "30000.00")), summary(A_STAFF, "2013", null));
        assertEquals(List.of(row(A, 3, 1, 1, 1, "80000.10", "30000.00"), row(B, 1, 0, 1, 0, "8000.00", "8000.00")),
                summary(CITY_ADMIN, "2013", null));
        assertEquals(List.of(row(B, 1, 0, 1, 0, "8000.00", "8000.00")), summary(CITY_ADMIN, "2013", B));
        assertEquals(List.of(row(A, 1, 0, 1, 0, "99999.00", "99999.00")), summary(A_STAFF, "2012", null));
        assertEquals(List.of(row(B, 0, 0, 0, 0, "0.00", "0.00")), summary(B_STAFF, "2012", null),
                "a county without any");
        assertEquals(List.of(), summary(B_STAFF, "2013", A), "another county is not shown");
        assertThrows(AccessDeniedException.class, () -> summary(NO_ROLE, "2013", null));
        assertTrue(project.indicators().stream().noneMatch(d -> d.id().startsWith("funding")),
                "qualitative: no indicator");
    }

    private static Map<String, Object> row(String county, long applications, long pending, long approved,
            long rejected, String applied, String granted) {
        return form("county", Long.valueOf(county),
                "countyName", county.equals(A) ? FixedOrgUnits.COUNTY_A.name() : FixedOrgUnits.COUNTY_B.name(),
                "applications", applications, "pending", pending, "approved", approved, "rejected", rejected,
                "amountApplied", applied, "amountGranted", granted);
    }

    private List<Map<String, Object>> summary(Actor actor, String year, String county) {
        return items("/funding/summary", actor, year, county);
    }

    @Test
    void theSummaryPageRendersInBothLanguages() throws Exception {
        create(A_STAFF, application(A, youthA, null, "50000", "APPROVED", "30000", "2013-04-01"));
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            String html = PageRender.render(project, project.web().handle(FakeWebRequest.html("GET", "/funding/summary",
                    CITY_ADMIN)), CITY_ADMIN, locale);
            assertTrue(html.contains("50000.00"), html);
        }
    }

    @Test
    void everyMessageTheEngineShowsForTheRegisterExistsInBothLanguages() {
        RegisterMessages.assertPresent(project, FundingRegister.ID, "funding.linked", "funding.applicant.required",
                "funding.amountGranted.required", "funding.amountGranted.notApproved",
                "funding.amountGranted.overApplied", "funding.resultOn.required", "funding.resultOn.pending",
                "funding.resultOn.beforeApplied", "funding.date.tooEarly");
    }
}
