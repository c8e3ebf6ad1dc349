package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Work item 7, micro-loans: validation, the borrower rule, scope, audit, the two indicators, reports and checks. */
class LoanServiceTest extends EmploymentTestBase {

    private static final String A = String.valueOf(TreeOrgUnits.COUNTY_A.id());
    private static final String B = String.valueOf(TreeOrgUnits.COUNTY_B.id());

    private LoanService loans;
    private long youthA;
    private long youthB;

    @BeforeEach
    void borrowers() {
        loans = project.loans();
        youthA = service.create(CITY_ADMIN, person("创业甲", LocalDate.of(1990, 2, 3), 11, "ENTREPRENEUR",
                TreeOrgUnits.COUNTY_A, "2012-01-05"));
        youthB = service.create(CITY_ADMIN, person("创业乙", LocalDate.of(1991, 4, 5), 13, "ENTREPRENEUR",
                TreeOrgUnits.COUNTY_B, "2012-01-05"));
    }

    private static LoanInput.Loan loan(String county, long borrower, String wanyuan, String grantedOn) {
        return new LoanInput.Loan(county, String.valueOf(borrower), "县农村信用社", wanyuan, grantedOn, "24",
                "DISBURSED", null);
    }

    private void refused(Actor who, LoanInput.Loan in, Map<String, String> expected) {
        long before = rows("EMP_LOAN");
        int audits = audit.entries.size();
        ValidationException e = assertThrows(ValidationException.class, () -> loans.create(who, in));
        assertEquals(expected, e.fieldErrors());
        assertEquals(before, rows("EMP_LOAN"), "nothing written");
        assertEquals(audits, audit.entries.size(), "nothing audited");
    }

    // ---------------------------------------------------------------- loans

    @Test
    void loanIsStoredExactlyInYuanReadBackListedAndAudited() {
        long id = loans.create(A_STAFF, new LoanInput.Loan(null, String.valueOf(youthA), " 县农商银行 ", "12.345678",
                "2013-03-10", "36", "disbursed", "2013-03-12"));
        Loan l = loans.get(A_STAFF, id);
        assertEquals(new BigDecimal("123456.78"), l.amount());
        assertEquals(TreeOrgUnits.COUNTY_A.id(), l.countyId(), "a county user's own county by default");
        assertEquals("县农商银行", l.bank());
        assertEquals("创业甲", l.borrowerName());
        assertEquals(36, l.termMonths());
        assertEquals(LoanStatus.DISBURSED, l.status());
        assertEquals(LocalDate.of(2013, 3, 12), l.enteredOn());
        assertEquals(1, loans.list(A_STAFF, new Loan.Filter("农商", null, 2013, null), 1).total());
        assertEquals(1, loans.list(A_STAFF, new Loan.Filter("创业甲", null, 2013, LoanStatus.DISBURSED), 1).total());
        assertEquals(0, loans.list(A_STAFF, new Loan.Filter(null, null, 2012, null), 1).total(), "by year granted");
        assertEquals(0, loans.list(A_STAFF, new Loan.Filter("%", null, null, null), 1).total());
        assertEquals(List.of(new ListAudit.Entry("a-staff", "loan.create", "loan:" + id,
                "county=" + A + " borrower=" + youthA + " amount=123456.78 status=DISBURSED")),
                audit.withAction("loan.create"));

        loans.update(A_STAFF, id, new LoanInput.Loan(A, String.valueOf(youthA), "县农商银行", "12.345678",
                "2013-03-10", "36", "OVERDUE", "2013-03-12"));
        assertEquals(LoanStatus.OVERDUE, loans.get(A_STAFF, id).status());
        assertEquals(1, audit.withAction("loan.update").size());
        loans.delete(A_STAFF, id);
        assertThrows(NotFoundException.class, () -> loans.get(A_STAFF, id));
        assertEquals(1, rows("EMP_LOAN"), "soft delete keeps the row");
        assertEquals(1, audit.withAction("loan.delete").size());
    }

    @Test
    void badLoanInputWritesNothing() {
        refused(A_STAFF, new LoanInput.Loan(null, null, " ", null, null, null, null, null),
                Map.of("borrower", LoanService.BORROWER_REQUIRED, "bank", LoanService.BANK_REQUIRED,
                        "amountWanyuan", LoanService.AMOUNT_REQUIRED, "grantedOn", LoanService.DATE_INVALID,
                        "termMonths", LoanService.TERM_INVALID, "status", LoanService.STATUS_REQUIRED));
        refused(CITY_ADMIN, new LoanInput.Loan(null, "abc", "行".repeat(101), "-5", "2013-06-16", "0", "APPROVED",
                "2013/01/01"), Map.of("county", LoanService.COUNTY_REQUIRED, "borrower", LoanService.BORROWER_UNKNOWN,
                        "bank", LoanService.BANK_TOO_LONG, "amountWanyuan", Money.NEGATIVE, "grantedOn",
                        LoanService.DATE_FUTURE, "termMonths", LoanService.TERM_INVALID, "status",
                        LoanService.STATUS_INVALID, "enteredOn", LoanService.DATE_INVALID));
        refused(A_STAFF, new LoanInput.Loan(A, String.valueOf(youthA), "x", "1e3", "1999-12-31", "121", "REPAID",
                null), Map.of("amountWanyuan", Money.INVALID, "grantedOn", LoanService.DATE_TOO_EARLY,
                        "termMonths", LoanService.TERM_INVALID));
        refused(A_STAFF, new LoanInput.Loan(A, String.valueOf(youthA), "x", "0.0000001", "2013-03-10", "12",
                "REPAID", "2013-03-09"), Map.of("amountWanyuan", Money.DECIMALS_WANYUAN, "enteredOn",
                        LoanService.ENTERED_BEFORE_GRANTED));
        refused(A_STAFF, loan(A, youthA, "0", "2013-03-10"), Map.of("amountWanyuan", Money.ZERO));
        refused(A_STAFF, loan(A, youthA, "NaN", "2013-03-10"), Map.of("amountWanyuan", Money.INVALID));
        refused(A_STAFF, loan(A, youthA, "1000000000", "2013-03-10"), Map.of("amountWanyuan", Money.TOO_LARGE));
        refused(A_STAFF, loan(A, youthA, "50000", "2013-03-10"), Map.of("amountWanyuan", LoanService.AMOUNT_TOO_LARGE));
        assertTrue(loans.create(A_STAFF, loan(A, youthA, "1000", "2013-03-10")) > 0, "1000 万元 is the most");
        refused(A_STAFF, loan(B, youthA, "5", "2013-03-10"), Map.of("county", LoanService.COUNTY_INVALID));
    }

    @Test
    void theBorrowerIsALiveYouthOfTheLoansCountyAndAnUnseenOneIsUnknown() {
        refused(A_STAFF, loan(A, youthB, "5", "2013-03-10"), Map.of("borrower", LoanService.BORROWER_UNKNOWN));
        refused(CITY_ADMIN, loan(A, youthB, "5", "2013-03-10"), Map.of("borrower", LoanService.BORROWER_OTHER_COUNTY));
        refused(A_STAFF, loan(A, 999_999, "5", "2013-03-10"), Map.of("borrower", LoanService.BORROWER_UNKNOWN));
        long gone = service.create(A_STAFF, person("Gone", LocalDate.of(1992, 1, 1), 21, "ENTREPRENEUR",
                TreeOrgUnits.COUNTY_A, "2013-01-01"));
        service.delete(A_STAFF, gone);
        refused(A_STAFF, loan(A, gone, "5", "2013-03-10"), Map.of("borrower", LoanService.BORROWER_UNKNOWN));
        long jobSeeker = service.create(A_STAFF, person("求职甲", LocalDate.of(1990, 2, 5), 17, "JOB_SEEKING",
                TreeOrgUnits.COUNTY_A, "2012-01-05"));
        assertTrue(loans.create(A_STAFF, loan(A, jobSeeker, "5", "2013-03-10")) > 0,
                "usually an entrepreneur, but any registered youth may borrow");
        long id = loans.create(A_STAFF, loan(A, youthA, "5", "2013-03-10"));
        ValidationException e = assertThrows(ValidationException.class,
                () -> loans.update(CITY_ADMIN, id, loan(B, youthA, "5", "2013-03-10")));
        assertEquals(Map.of("borrower", LoanService.BORROWER_OTHER_COUNTY), e.fieldErrors());
        assertEquals(A, String.valueOf(loans.get(CITY_ADMIN, id).countyId()), "unchanged");
    }

    @Test
    void scopeHidesOtherCountiesAndRolesLimitWriting() {
        long a = loans.create(A_STAFF, loan(A, youthA, "5", "2013-03-10"));
        long b = loans.create(B_STAFF, loan(B, youthB, "6", "2013-03-11"));
        assertThrows(NotFoundException.class, () -> loans.get(B_STAFF, a));
        assertThrows(NotFoundException.class, () -> loans.update(B_STAFF, a, loan(B, youthB, "5", "2013-03-10")));
        assertThrows(NotFoundException.class, () -> loans.delete(B_STAFF, a));
        assertEquals(List.of(b), loans.list(B_STAFF, new Loan.Filter(null, null, 2013, null), 1).items().stream()
                .map(Loan::id).toList());
        assertEquals(0, loans.list(B_STAFF, new Loan.Filter(null, TreeOrgUnits.COUNTY_A.id(), 2013, null), 1)
                .total(), "asking for another county narrows to nothing");
        assertEquals(2, loans.list(CITY_ADMIN, new Loan.Filter(null, null, 2013, null), 1).total());
        assertEquals(a, loans.get(A_VIEWER, a).id());
        assertThrows(AccessDeniedException.class, () -> loans.create(A_VIEWER, loan(A, youthA, "5", "2013-03-10")));
        assertThrows(AccessDeniedException.class, () -> loans.delete(A_VIEWER, a));
        assertThrows(AccessDeniedException.class, () -> loans.get(NO_ROLE, a));
        assertThrows(AccessDeniedException.class,
                () -> loans.list(NO_ROLE, new Loan.Filter(null, null, 2013, null), 1));
    }

    // ---------------------------------------------------------------- indicators

    @Test
    void indicatorsFollowThePolicy() {
        Map<String, IndicatorDefinition> defs = new java.util.HashMap<>();
        project.indicators().forEach(d -> defs.put(d.id(), d));
        IndicatorDefinition count = defs.get(LoanService.INDICATOR_COUNT);
        assertEquals(new BigDecimal(400), count.defaultTarget());
        assertEquals("unit.loan", count.unitKey());
        IndicatorDefinition amount = defs.get(LoanService.INDICATOR_AMOUNT);
        assertEquals(new BigDecimal(2000), amount.defaultTarget(), "2000 万元 = 20,000,000 元");
        assertEquals("unit.wanyuan", amount.unitKey());
        for (IndicatorDefinition d : List.of(count, amount)) {
            assertEquals(TargetKind.ABSOLUTE, d.kind());
            assertEquals(Comparison.AT_LEAST, d.comparison());
            assertEquals("附件2 第7项", d.clause());
        }
        assertEquals("万元", project.messages(Locale.SIMPLIFIED_CHINESE).getString("unit.wanyuan"));
    }

    @Test
    void actualsCountAndSumTheLoansGrantedFromJanuaryToTheDayInExactWanyuan() {
        loans.create(CITY_ADMIN, loan(A, youthA, "5", "2012-12-31"));
        loans.create(CITY_ADMIN, loan(A, youthA, "10.5", "2013-01-01"));
        loans.create(CITY_ADMIN, loan(A, youthA, "0.000001", "2013-03-31"));
        loans.create(CITY_ADMIN, loan(A, youthA, "3.333333", "2013-04-01"));
        long deleted = loans.create(CITY_ADMIN, loan(A, youthA, "100", "2013-02-01"));
        loans.delete(CITY_ADMIN, deleted);
        loans.create(CITY_ADMIN, loan(B, youthB, "1000", "2013-05-05"));
        loans.create(CITY_ADMIN, loan(B, youthB, "1000", "2013-05-06"));

        long a = TreeOrgUnits.COUNTY_A.id();
        long b = TreeOrgUnits.COUNTY_B.id();
        long city = TreeOrgUnits.CITY.id();
        Map<Long, Map<String, BigDecimal>> y2013 = project.actuals(List.of(a, b, city), 2013);
        assertEquals(values(3, "13.833334"), loanValues(y2013.get(a)), "10.5 + 0.000001 + 3.333333; not 2012's");
        assertEquals(values(2, "2000"), loanValues(y2013.get(b)), "20,000,000 元 is the policy's 2000 万元");
        assertEquals(values(0, "0"), loanValues(y2013.get(city)), "only the unit's own loans");
        assertEquals(values(1, "5"), loanValues(project.actuals(List.of(a), 2012).get(a)));
        assertEquals(values(2, "10.500001"),
                loanValues(project.actualsAsOf(List.of(a), 2013, LocalDate.of(2013, 3, 31)).get(a)));
        assertEquals(values(0, "0"), loanValues(project.actualsAsOf(List.of(a), 2013, LocalDate.of(2012, 6, 1))
                .get(a)), "a day before the year holds nothing of it");
        assertEquals(project.actuals(List.of(a, b), 2013), project.actualsAsOf(List.of(a, b), 2013,
                LocalDate.of(2014, 2, 1)));
        assertTrue(loans.actualsAsOf(List.of(), 2013, TODAY).isEmpty());
    }

    private static Map<String, BigDecimal> values(long count, String wanyuan) {
        return Map.of(LoanService.INDICATOR_COUNT, BigDecimal.valueOf(count), LoanService.INDICATOR_AMOUNT,
                new BigDecimal(wanyuan));
    }

    private static Map<String, BigDecimal> loanValues(Map<String, BigDecimal> all) {
        return Map.of(LoanService.INDICATOR_COUNT, all.get(LoanService.INDICATOR_COUNT), LoanService.INDICATOR_AMOUNT,
                all.get(LoanService.INDICATOR_AMOUNT));
    }

    // ---------------------------------------------------------------- monthly reports

    @Test
    void aReportFreezesTheMonthsLoansOncePerMonth() {
        loans.create(A_STAFF, loan(A, youthA, "5", "2013-03-01"));
        long changed = loans.create(A_STAFF, loan(A, youthA, "1.5", "2013-03-31"));
        loans.create(A_STAFF, loan(A, youthA, "7", "2013-04-01"));
        long id = loans.submitReport(A_STAFF, new LoanInput.Report(null, "2013-03", " 按时报送 "));
        assertEquals(List.of(new ListAudit.Entry("a-staff", "loan.report", "loan-report:" + id,
                "county=" + A + " month=2013-03 count=2 amount=65000.00")), audit.withAction("loan.report"));

        loans.delete(A_STAFF, changed);
        List<Loan.Month> months = loans.months(A_STAFF, 2013, null);
        assertEquals(6, months.size(), "January to this month (June)");
        Loan.Month march = months.get(2);
        assertEquals(YearMonth.of(2013, 3), march.month());
        assertEquals(2, march.report().count(), "frozen as submitted");
        assertEquals(new BigDecimal("65000.00"), march.report().amount());
        assertEquals("按时报送", march.report().note());
        assertEquals(TODAY, march.report().submittedOn());
        assertEquals(new Loan.Figures(1, new BigDecimal("50000.00")), march.live());
        assertTrue(march.changed(), "the loans changed after the report");
        assertNull(months.get(3).report());
        assertFalse(months.get(3).changed());
        assertEquals(new Loan.Figures(1, new BigDecimal("70000.00")), months.get(3).live());

        long before = rows("EMP_LOAN_REPORT");
        ValidationException dup = assertThrows(ValidationException.class,
                () -> loans.submitReport(A_STAFF, new LoanInput.Report(A, "2013-03", null)));
        assertEquals(Map.of("month", LoanService.REPORT_DUPLICATE), dup.fieldErrors());
        assertEquals(Map.of("month", LoanService.MONTH_FUTURE), assertThrows(ValidationException.class,
                () -> loans.submitReport(A_STAFF, new LoanInput.Report(A, "2013-07", null))).fieldErrors());
        for (String bad : List.of("2013-13", "2013-3", "March", "1999-12")) {
            assertEquals(Map.of("month", LoanService.MONTH_INVALID), assertThrows(ValidationException.class,
                    () -> loans.submitReport(A_STAFF, new LoanInput.Report(A, bad, null))).fieldErrors(), bad);
        }
        assertEquals(Map.of("county", LoanService.COUNTY_INVALID, "note", LoanService.NOTE_TOO_LONG),
                assertThrows(ValidationException.class, () -> loans.submitReport(A_STAFF,
                        new LoanInput.Report(B, "2013-05", "说".repeat(501)))).fieldErrors());
        assertThrows(AccessDeniedException.class,
                () -> loans.submitReport(A_VIEWER, new LoanInput.Report(A, "2013-05", null)));
        assertEquals(before, rows("EMP_LOAN_REPORT"), "nothing written");

        assertTrue(loans.submitReport(A_STAFF, new LoanInput.Report(A, "2013-06", null)) > 0, "this month may be");
        assertTrue(loans.submitReport(B_STAFF, new LoanInput.Report(null, "2013-03", null)) > 0,
                "another county reports its own March");
        assertEquals(6, loans.months(B_STAFF, 2013, null).size(), "B sees its own months only");
        assertEquals(12, loans.months(CITY_ADMIN, 2013, null).size(), "the city sees both counties");
        assertEquals(12, loans.months(A_STAFF, 2012, null).size(), "a past year has twelve months");
    }

    // ---------------------------------------------------------------- quarterly checks

    private static LoanInput.Check check(String county, String quarter, String on, String checked, String problems) {
        return new LoanInput.Check(county, "2013", quarter, on, "市团委 王科长", checked, problems,
                "抽查贷款档案，2笔缺少借款人签字", null);
    }

    @Test
    void aQuarterHasOneCheckThatIsEditedForTheRectification() {
        long id = loans.createCheck(CITY_ADMIN, check(A, "1", "2013-04-10", "20", "2"));
        Loan.Check k = loans.check(A_STAFF, id);
        assertEquals(1, k.quarter());
        assertEquals(20, k.loansChecked());
        assertEquals(2, k.problems());
        assertNull(k.rectification());
        assertEquals(List.of(new ListAudit.Entry("city", "loan.check.create", "loan-check:" + id,
                "county=" + A + " quarter=2013Q1 problems=2")), audit.withAction("loan.check.create"));

        ValidationException dup = assertThrows(ValidationException.class,
                () -> loans.createCheck(A_STAFF, check(A, "1", "2013-05-10", "5", "0")));
        assertEquals(Map.of("quarter", LoanService.CHECK_DUPLICATE), dup.fieldErrors());

        loans.updateCheck(A_STAFF, id, new LoanInput.Check(A, "2013", "1", "2013-04-10", "市团委 王科长", "20", "2",
                "抽查贷款档案，2笔缺少借款人签字", "已补签"));
        assertEquals("已补签", loans.check(A_STAFF, id).rectification());
        assertEquals(1, audit.withAction("loan.check.update").size());
        assertEquals(List.of(id), loans.checks(A_STAFF, 2013, null).stream().map(Loan.Check::id).toList());
        assertEquals(List.of(), loans.checks(B_STAFF, 2013, null));
        assertThrows(NotFoundException.class, () -> loans.check(B_STAFF, id));
        assertThrows(NotFoundException.class, () -> loans.deleteCheck(B_STAFF, id));

        loans.deleteCheck(A_STAFF, id);
        assertThrows(NotFoundException.class, () -> loans.check(A_STAFF, id));
        assertTrue(loans.createCheck(A_STAFF, check(A, "1", "2013-05-10", "5", "0")) > 0,
                "a deleted check frees its quarter");
    }

    @Test
    void badChecksWriteNothing() {
        long before = rows("EMP_LOAN_CHECK");
        Map<LoanInput.Check, Map<String, String>> cases = Map.of(
                check(A, "3", "2013-06-15", "1", "0"), Map.of("quarter", LoanService.QUARTER_FUTURE),
                check(A, "2", "2013-03-31", "1", "0"), Map.of("checkedOn", LoanService.CHECKED_BEFORE_QUARTER),
                check(A, "5", "2013-06-16", "x", "3"), Map.of("quarter", LoanService.QUARTER_INVALID, "checkedOn",
                        LoanService.DATE_FUTURE, "loansChecked", LoanService.FIGURE_INVALID),
                check(A, "1", "2013-04-01", "2", "3"), Map.of("problems", LoanService.PROBLEMS_OVER_CHECKED),
                check(A, "1", "2013-04-01", "100001", "-1"), Map.of("loansChecked", LoanService.FIGURE_INVALID,
                        "problems", LoanService.FIGURE_INVALID),
                new LoanInput.Check(B, "2014", "1", null, " ", "1", "0", null, "整".repeat(2001)),
                Map.of("county", LoanService.COUNTY_INVALID, "year", LoanService.YEAR_INVALID, "checkedOn",
                        LoanService.DATE_INVALID, "checker", LoanService.CHECKER_REQUIRED, "findings",
                        LoanService.FINDINGS_REQUIRED, "rectification", LoanService.TEXT_TOO_LONG));
        cases.forEach((in, expected) -> assertEquals(expected, assertThrows(ValidationException.class,
                () -> loans.createCheck(A_STAFF, in)).fieldErrors(), in.toString()));
        assertThrows(AccessDeniedException.class, () -> loans.createCheck(A_VIEWER, check(A, "1", "2013-04-10", "1",
                "0")));
        assertEquals(before, rows("EMP_LOAN_CHECK"), "nothing written");
    }

    @Test
    void timeNodesAreTheFourQuarterlyChecksAndTheAnnualMeeting() {
        List<org.jixiao.api.performance.MilestoneDefinition> nodes = project.milestones().stream()
                .filter(m -> m.clause().equals(EmploymentProject.CLAUSE_LOANS)).toList();
        assertEquals(List.of("loans.check.q1", "loans.check.q2", "loans.check.q3", "loans.check.q4",
                "loans.annual.meeting"), nodes.stream().map(org.jixiao.api.performance.MilestoneDefinition::id)
                        .toList());
        assertEquals(List.of(LocalDate.of(2013, 3, 31), LocalDate.of(2013, 6, 30), LocalDate.of(2013, 9, 30),
                LocalDate.of(2013, 12, 31), LocalDate.of(2013, 12, 31)), nodes.stream().map(m -> m.dueIn(2013))
                        .toList());
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            nodes.forEach(m -> assertTrue(PageRender.keys(locale).contains(m.nameKey()), m.nameKey()));
        }
    }

    @Test
    void everyStatusHasANameInBothLanguages() {
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            for (LoanStatus s : LoanStatus.values()) {
                assertTrue(PageRender.keys(locale).contains("loan.status." + s.name()), s + " in " + locale);
            }
            for (String key : List.of("indicator.loans.count", "indicator.loans.amount", "unit.loan")) {
                assertTrue(PageRender.keys(locale).contains(key), key + " in " + locale);
            }
        }
    }
}
