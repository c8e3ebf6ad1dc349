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
import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Work item 9, funding applications: the applicant rule, the result rules, scope, audit, the yearly summary. */
class FundingServiceTest extends EmploymentTestBase {

    private static final String A = String.valueOf(TreeOrgUnits.COUNTY_A.id());
    private static final String B = String.valueOf(TreeOrgUnits.COUNTY_B.id());

    private FundingService funding;
    private long youthA;
    private long youthB;
    private long projectA;
    private long projectB;

    @BeforeEach
    void applicants() {
        funding = project.funding();
        youthA = service.create(CITY_ADMIN, person("创业甲", LocalDate.of(1990, 2, 3), 11, "ENTREPRENEUR",
                TreeOrgUnits.COUNTY_A, "2012-01-05"));
        youthB = service.create(CITY_ADMIN, person("创业乙", LocalDate.of(1991, 4, 5), 13, "ENTREPRENEUR",
                TreeOrgUnits.COUNTY_B, "2012-01-05"));
        projectA = projects.create(CITY_ADMIN, new ProjectInput("甲农场", String.valueOf(youthA), "AGRICULTURE",
                "STARTUP", null, A, "2012-02-01"));
        projectB = projects.create(CITY_ADMIN, new ProjectInput("乙网店", String.valueOf(youthB), "COMMERCE",
                "STARTUP", null, B, "2012-02-01"));
    }

    private static FundingInput application(String county, Long youth, Long project, String applied, String result,
            String granted, String resultOn) {
        return new FundingInput(county, youth == null ? null : String.valueOf(youth),
                project == null ? null : String.valueOf(project), "市级创业扶持资金", applied, "2013-03-01", result,
                granted, resultOn);
    }

    private void refused(Actor who, FundingInput in, Map<String, String> expected) {
        long before = rows("EMP_FUNDING");
        int audits = audit.entries.size();
        ValidationException e = assertThrows(ValidationException.class, () -> funding.create(who, in));
        assertEquals(expected, e.fieldErrors());
        assertEquals(before, rows("EMP_FUNDING"), "nothing written");
        assertEquals(audits, audit.entries.size(), "nothing audited");
    }

    @Test
    void applicationIsStoredThenDecidedAndAudited() {
        long id = funding.create(A_STAFF, application(null, youthA, projectA, "50000", "PENDING", null, null));
        Funding f = funding.get(A_STAFF, id);
        assertEquals("创业甲", f.youthName());
        assertEquals("甲农场", f.projectName());
        assertEquals(new BigDecimal("50000.00"), f.amountApplied());
        assertNull(f.amountGranted());
        assertEquals(List.of(new ListAudit.Entry("a-staff", "funding.create", "funding:" + id, "county=" + A
                + " youth=" + youthA + " project=" + projectA + " result=PENDING applied=50000.00 granted=null")),
                audit.withAction("funding.create"));

        funding.update(A_STAFF, id, application(A, youthA, projectA, "50000", "APPROVED", "30000.5", "2013-05-01"));
        f = funding.get(A_STAFF, id);
        assertEquals(FundingResult.APPROVED, f.result());
        assertEquals(new BigDecimal("30000.50"), f.amountGranted());
        assertEquals(LocalDate.of(2013, 5, 1), f.resultOn());
        assertEquals(1, audit.withAction("funding.update").size());

        long projectOnly = funding.create(A_STAFF, application(A, null, projectA, "8000", "REJECTED", null,
                "2013-04-01"));
        assertNull(funding.get(A_STAFF, projectOnly).youthId());
        assertEquals(1, funding.list(A_STAFF, new Funding.Filter("市级", null, 2013, FundingResult.REJECTED), 1)
                .total());
        funding.delete(A_STAFF, projectOnly);
        assertThrows(NotFoundException.class, () -> funding.get(A_STAFF, projectOnly));
        assertEquals(1, audit.withAction("funding.delete").size());
    }

    @Test
    void badInputWritesNothing() {
        refused(CITY_ADMIN, new FundingInput(null, null, null, null, null, null, null, null, null),
                Map.of("county", FundingService.COUNTY_REQUIRED, "youth", FundingService.APPLICANT_REQUIRED,
                        "programme", FundingService.PROGRAMME_REQUIRED, "amountApplied",
                        FundingService.APPLIED_REQUIRED, "appliedOn", FundingService.DATE_INVALID, "result",
                        FundingService.RESULT_REQUIRED));
        refused(A_STAFF, application(A, youthA, null, "1000", "APPROVED", null, null),
                Map.of("amountGranted", FundingService.GRANTED_REQUIRED, "resultOn",
                        FundingService.RESULT_ON_REQUIRED));
        refused(A_STAFF, application(A, youthA, null, "1000", "APPROVED", "1000.01", "2013-02-28"),
                Map.of("amountGranted", FundingService.GRANTED_OVER_APPLIED, "resultOn",
                        FundingService.RESULT_BEFORE_APPLIED));
        refused(A_STAFF, application(A, youthA, null, "1000", "PENDING", "500", "2013-04-01"),
                Map.of("amountGranted", FundingService.GRANTED_NOT_APPROVED, "resultOn",
                        FundingService.RESULT_ON_PENDING));
        refused(A_STAFF, application(A, youthA, null, "1000", "REJECTED", "0", null),
                Map.of("amountGranted", Money.ZERO, "resultOn", FundingService.RESULT_ON_REQUIRED));
        refused(A_STAFF, application(A, youthA, null, "-1000", "MAYBE", null, "2013-06-16"),
                Map.of("amountApplied", Money.NEGATIVE, "result", FundingService.RESULT_INVALID, "resultOn",
                        FundingService.DATE_FUTURE));
        refused(A_STAFF, new FundingInput(A, "x", "0", "项".repeat(101), "1,00", "2013-13-01", "PENDING", null, null),
                Map.of("youth", FundingService.YOUTH_UNKNOWN, "project", FundingService.PROJECT_UNKNOWN, "programme",
                        FundingService.PROGRAMME_TOO_LONG, "amountApplied", Money.INVALID, "appliedOn",
                        FundingService.DATE_INVALID));
    }

    @Test
    void theApplicantIsOfTheApplicationsCountyAndAnUnseenOneIsUnknown() {
        refused(A_STAFF, application(A, youthB, projectB, "1000", "PENDING", null, null),
                Map.of("youth", FundingService.YOUTH_UNKNOWN, "project", FundingService.PROJECT_UNKNOWN));
        refused(CITY_ADMIN, application(A, youthB, projectB, "1000", "PENDING", null, null),
                Map.of("youth", FundingService.YOUTH_OTHER_COUNTY, "project", FundingService.PROJECT_OTHER_COUNTY));
        projects.delete(CITY_ADMIN, projectA);
        refused(A_STAFF, application(A, null, projectA, "1000", "PENDING", null, null),
                Map.of("project", FundingService.PROJECT_UNKNOWN));
        refused(A_STAFF, application(A, 999_999L, null, "1000", "PENDING", null, null),
                Map.of("youth", FundingService.YOUTH_UNKNOWN));
    }

    @Test
    void scopeAndTheYearsSummaryPerCounty() {
        long a = funding.create(A_STAFF, application(A, youthA, null, "50000", "APPROVED", "30000", "2013-04-01"));
        funding.create(A_STAFF, application(A, null, projectA, "20000.10", "PENDING", null, null));
        funding.create(A_STAFF, application(A, youthA, null, "10000", "REJECTED", null, "2013-04-01"));
        funding.create(A_STAFF, new FundingInput(A, String.valueOf(youthA), null, "去年", "99999", "2012-05-01",
                "APPROVED", "99999", "2012-06-01"));
        long deleted = funding.create(A_STAFF, application(A, youthA, null, "77777", "PENDING", null, null));
        funding.delete(A_STAFF, deleted);
        funding.create(B_STAFF, application(B, youthB, null, "8000", "APPROVED", "8000", "2013-05-01"));

        assertEquals(List.of(new Funding.Summary(TreeOrgUnits.COUNTY_A.id(), 3, 1, 1, 1, new BigDecimal("80000.10"),
                new BigDecimal("30000.00"))), funding.summary(A_STAFF, 2013, null));
        List<Funding.Summary> city = funding.summary(CITY_ADMIN, 2013, null);
        assertEquals(2, city.size());
        assertEquals(new Funding.Summary(TreeOrgUnits.COUNTY_B.id(), 1, 0, 1, 0, new BigDecimal("8000.00"),
                new BigDecimal("8000.00")), city.get(1));
        assertEquals(new Funding.Summary(TreeOrgUnits.COUNTY_A.id(), 1, 0, 1, 0, new BigDecimal("99999.00"),
                new BigDecimal("99999.00")), funding.summary(A_STAFF, 2012, null).get(0));
        assertEquals(new Funding.Summary(TreeOrgUnits.COUNTY_B.id(), 0, 0, 0, 0, new BigDecimal("0.00"),
                new BigDecimal("0.00")), funding.summary(B_STAFF, 2012, null).get(0), "a county without any");

        assertThrows(NotFoundException.class, () -> funding.get(B_STAFF, a));
        assertThrows(NotFoundException.class, () -> funding.delete(B_STAFF, a));
        assertThrows(NotFoundException.class, () -> funding.update(B_STAFF, a,
                application(B, youthB, null, "1", "PENDING", null, null)));
        assertEquals(1, funding.list(B_STAFF, new Funding.Filter(null, null, 2013, null), 1).total());
        assertThrows(AccessDeniedException.class, () -> funding.create(A_VIEWER,
                application(A, youthA, null, "1", "PENDING", null, null)));
        assertThrows(AccessDeniedException.class, () -> funding.summary(NO_ROLE, 2013, null));
        assertTrue(project.indicators().stream().noneMatch(d -> d.id().startsWith("funding")),
                "qualitative: no indicator");
    }

    @Test
    void everyResultHasANameInBothLanguages() {
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            for (FundingResult r : FundingResult.values()) {
                assertTrue(PageRender.keys(locale).contains("funding.result." + r.name()), r + " in " + locale);
            }
        }
    }
}
