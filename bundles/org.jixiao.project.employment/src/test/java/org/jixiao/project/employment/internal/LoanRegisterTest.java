package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.TemplatesAndMessagesTest.assertCsrfInEveryPostForm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.MilestoneDefinition;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.RegisterRecord;
import org.jixiao.api.testing.FakeWebRequest;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.api.web.WebResult;
import org.jixiao.project.employment.internal.loan.LoanRegister;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Work item 7 on the register engine: the loans' own rules (exact 元, the 1000 万元 ceiling, the borrower of the
 * loan's county, the entry after the grant), the quarterly checks' rules, the two indicators, the time nodes and the
 * monthly reports page, which stays the project's own.
 */
class LoanRegisterTest extends EmploymentTestBase {


    private LoanService reports;
    private long youthA;
    private long youthB;

    @BeforeEach
    void borrowers() {
        reports = project.loans();
        youthA = youth("创业甲", LocalDate.of(1990, 2, 3), 11, "ENTREPRENEUR", FixedOrgUnits.COUNTY_A);
        youthB = youth("创业乙", LocalDate.of(1991, 4, 5), 13, "ENTREPRENEUR", FixedOrgUnits.COUNTY_B);
    }

    private static Map<String, Object> loan(String county, long borrower, String amount, String grantedOn) {
        return form("unit", county, "borrower", String.valueOf(borrower), "bank", "县农村信用社", "amount", amount,
                "grantedOn", grantedOn, "termMonths", "24", "status", "DISBURSED");
    }

    private static Map<String, Object> with(Map<String, Object> m, Object... changes) {
        Map<String, Object> out = new HashMap<>(m);
        for (int i = 0; i < changes.length; i += 2) {
            out.put((String) changes[i], changes[i + 1]);
        }
        return out;
    }

    private long create(Actor actor, Map<String, Object> in) {
        return engine.create(actor, project, LoanRegister.ID, in);
    }

    private Map<String, String> refused(Actor actor, String register, Map<String, Object> in) {
        return refused(() -> engine.create(actor, project, register, in), "EMP_LOAN", "EMP_LOAN_CHECK");
    }

    // ---------------------------------------------------------------- loans

    @Test
    void theAmountIsKeptInExactYuanWhateverUnitItIsTypedIn() {
        long id = create(A_STAFF, loan(null, youthA, "12.345678万", "2013-03-10"));
        RegisterRecord r = engine.get(A_STAFF, project, LoanRegister.ID, id);
        assertEquals(new BigDecimal("123456.78"), r.value("amount"));
        assertEquals(FixedOrgUnits.COUNTY_A.id(), r.unitId(), "a county user's own county by default");
        assertEquals(youthA, r.value("borrower"));
        assertEquals(0, new BigDecimal("123456.78").compareTo(store.read(c -> {
            try (var ps = c.prepareStatement("SELECT AMOUNT FROM EMP_LOAN WHERE ID = ?")) {
                ps.setLong(1, id);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBigDecimal(1);
                }
            }
        })), "the column keeps 元");
        assertEquals(new BigDecimal("50000"), engine.get(A_STAFF, project, LoanRegister.ID,
                create(A_STAFF, loan(A, youthA, "50000", "2013-03-10"))).value("amount"), "plain figures are 元");
    }

    @Test
    void aLoanAbove1000WanyuanIsAUnitMixUpAndNothingIsWritten() {
        assertTrue(create(A_STAFF, loan(A, youthA, "1000万", "2013-03-10")) > 0, "1000 万元 itself is a loan");
        assertEquals(Map.of("amount", "register.error.tooLarge"),
                refused(A_STAFF, LoanRegister.ID, loan(A, youthA, "1000.000001万", "2013-03-10")));
        assertEquals(Map.of("amount", "register.error.tooLarge"),
                refused(A_STAFF, LoanRegister.ID, loan(A, youthA, "50000万", "2013-03-10")));
        assertEquals(Map.of("amount", "register.error.tooSmall"),
                refused(A_STAFF, LoanRegister.ID, loan(A, youthA, "0", "2013-03-10")));
        assertEquals(Map.of("amount", "register.error.decimals"),
                refused(A_STAFF, LoanRegister.ID, loan(A, youthA, "0.001", "2013-03-10")));
    }

    @Test
    void datesTermsAndStatusFollowTheRules() {
        assertEquals(Map.of("enteredOn", "loan.enteredOn.beforeGranted"), refused(A_STAFF, LoanRegister.ID,
                with(loan(A, youthA, "5万", "2013-03-10"), "enteredOn", "2013-03-09")));
        assertEquals(Map.of("grantedOn", "loan.date.tooEarly"), refused(A_STAFF, LoanRegister.ID,
                loan(A, youthA, "5万", "1999-12-31")));
        assertEquals(Map.of("grantedOn", "register.error.future", "termMonths", "register.error.tooLarge",
                "status", "register.error.choice", "bank", "register.error.required"), refused(A_STAFF,
                        LoanRegister.ID, with(loan(A, youthA, "5万", "2013-06-16"), "termMonths", "121", "status",
                                "APPROVED", "bank", " ")));
        long id = create(A_STAFF, with(loan(A, youthA, "5万", "2013-03-10"), "enteredOn", "2013-03-10",
                "status", "overdue"));
        assertEquals("OVERDUE", engine.get(A_STAFF, project, LoanRegister.ID, id).value("status"));
    }

    @Test
    void theBorrowerIsAYouthOfTheLoansCountyAndCannotBeDeletedWhileTheyBorrow() {
        assertEquals(Map.of("borrower", "register.error.otherUnit"),
                refused(CITY_ADMIN, LoanRegister.ID, loan(A, youthB, "5万", "2013-03-10")));
        // A's clerk cannot see B's youth: "not found", never "of another county".
        assertEquals(Map.of("borrower", "register.error.reference"),
                refused(A_STAFF, LoanRegister.ID, loan(A, youthB, "5万", "2013-03-10")));
        long id = create(A_STAFF, loan(A, youthA, "5万", "2013-03-10"));
        ValidationException linked = assertThrows(ValidationException.class, () -> service.delete(A_STAFF, youthA));
        assertEquals(Map.of(LoanRegister.ID, "loan.linked"), linked.fieldErrors());
        assertTrue(PageRender.keys(Locale.ENGLISH).contains("loan.linked"));
        assertThrows(ValidationException.class, () -> service.update(CITY_ADMIN, youthA, person("创业甲",
                LocalDate.of(1990, 2, 3), 11, "ENTREPRENEUR", FixedOrgUnits.COUNTY_B, "2012-01-05")),
                "nor moved to another county");
        engine.delete(A_STAFF, project, LoanRegister.ID, id, "录入错误");
        service.delete(A_STAFF, youthA);
    }

    @Test
    void everyMessageTheEngineShowsIsThereInBothLanguages() {
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            for (RegisterDefinition d : List.of(LoanRegister.definition(), LoanRegister.checks())) {
                Set<String> missing = new TreeSet<>(engineKeys(d));
                missing.removeAll(PageRender.keys(locale));
                assertEquals(Set.of(), missing, locale.toString());
            }
        }
    }

    /** The keys the engine's pages name for a register: title, labels, help, choices and its links. */
    static Set<String> engineKeys(RegisterDefinition d) {
        Set<String> keys = new TreeSet<>();
        String p = d.messagePrefix();
        keys.add(p + ".title");
        d.pages().forEach(page -> keys.add(page.labelKey()));
        for (Field f : d.fields()) {
            keys.add(p + ".field." + f.name());
            if (f.has(Field.Flag.HELP)) {
                keys.add(p + ".field." + f.name() + ".help");
            }
            f.choices().forEach(c -> keys.add(p + "." + f.name() + "." + c));
        }
        return keys;
    }

    // ---------------------------------------------------------------- indicators

    @Test
    void indicatorsFollowThePolicy() {
        Map<String, IndicatorDefinition> defs = new HashMap<>();
        project.indicators().forEach(d -> defs.put(d.id(), d));
        IndicatorDefinition count = defs.get("loans.count");
        assertEquals(new BigDecimal(400), count.defaultTarget());
        assertEquals("unit.loan", count.unitKey());
        IndicatorDefinition amount = defs.get("loans.amount");
        assertEquals(new BigDecimal(2000), amount.defaultTarget(), "2000 万元 = 20,000,000 元");
        assertEquals("unit.wanyuan", amount.unitKey());
        for (IndicatorDefinition d : List.of(count, amount)) {
            assertEquals(TargetKind.ABSOLUTE, d.kind());
            assertEquals(Comparison.AT_LEAST, d.comparison());
            assertEquals("附件2 第7项", d.clause());
            assertEquals(d.nameKey(), "indicator." + d.id());
        }
    }

    @Test
    void actualsCountAndSumTheLoansGrantedFromJanuaryToTheDayInExactWanyuan() {
        create(CITY_ADMIN, loan(A, youthA, "5万", "2012-12-31"));
        create(CITY_ADMIN, loan(A, youthA, "10.5万", "2013-01-01"));
        create(CITY_ADMIN, loan(A, youthA, "0.01", "2013-03-31"));
        create(CITY_ADMIN, loan(A, youthA, "33333.33", "2013-04-01"));
        long deleted = create(CITY_ADMIN, loan(A, youthA, "100万", "2013-02-01"));
        engine.delete(CITY_ADMIN, project, LoanRegister.ID, deleted, "重复录入");
        create(CITY_ADMIN, loan(B, youthB, "1000万", "2013-05-05"));
        long moved = create(CITY_ADMIN, loan(B, youthB, "1000万", "2012-05-06"));
        engine.update(CITY_ADMIN, project, LoanRegister.ID, moved, loan(B, youthB, "1000万", "2013-05-06"), -1);

        long a = FixedOrgUnits.COUNTY_A.id();
        long b = FixedOrgUnits.COUNTY_B.id();
        long city = FixedOrgUnits.CITY.id();
        Map<Long, Map<String, BigDecimal>> y2013 = project.actuals(List.of(a, b, city), 2013);
        assertEquals(values(3, "13.833334"), loanValues(y2013.get(a)), "10.5 + 0.000001 + 3.333333; not 2012's");
        assertEquals(values(2, "2000"), loanValues(y2013.get(b)), "20,000,000 元 is the policy's 2000 万元");
        assertEquals(values(0, "0"), loanValues(y2013.get(city)), "only the unit's own loans");
        assertEquals(values(1, "5"), loanValues(project.actuals(List.of(a), 2012).get(a)));
        assertEquals(values(0, "0"), loanValues(project.actuals(List.of(b), 2012).get(b)), "the edit moved it");
        assertEquals(values(2, "10.500001"),
                loanValues(project.actualsAsOf(List.of(a), 2013, LocalDate.of(2013, 3, 31)).get(a)));
        assertEquals(values(0, "0"), loanValues(project.actualsAsOf(List.of(a), 2013, LocalDate.of(2012, 6, 1))
                .get(a)), "a day before the year holds nothing of it");
        assertEquals(project.actuals(List.of(a, b), 2013), project.actualsAsOf(List.of(a, b), 2013,
                LocalDate.of(2014, 2, 1)));
    }

    private static Map<String, BigDecimal> values(long count, String wanyuan) {
        return Map.of("loans.count", BigDecimal.valueOf(count), "loans.amount", new BigDecimal(wanyuan));
    }

    private static Map<String, BigDecimal> loanValues(Map<String, BigDecimal> all) {
        return Map.of("loans.count", all.get("loans.count"), "loans.amount", all.get("loans.amount"));
    }

    @Test
    void timeNodesAreTheFourQuarterlyChecksAndTheAnnualMeeting() {
        List<MilestoneDefinition> nodes = project.milestones().stream()
                .filter(m -> m.clause().equals(LoanRegister.CLAUSE)).toList();
        assertEquals(List.of("loans.check.q1", "loans.check.q2", "loans.check.q3", "loans.check.q4",
                "loans.annual.meeting"), nodes.stream().map(MilestoneDefinition::id).toList());
        assertEquals(List.of(LocalDate.of(2013, 3, 31), LocalDate.of(2013, 6, 30), LocalDate.of(2013, 9, 30),
                LocalDate.of(2013, 12, 31), LocalDate.of(2013, 12, 31)), nodes.stream().map(m -> m.dueIn(2013))
                        .toList());
    }

    // ---------------------------------------------------------------- quarterly checks

    private static Map<String, Object> check(String county, String quarter, String on, String checked,
            String problems) {
        return form("unit", county, "year", "2013", "quarter", quarter, "checkedOn", on, "checker", "市团委 王科长",
                "loansChecked", checked, "problems", problems, "findings", "抽查贷款档案，2笔缺少借款人签字");
    }

    @Test
    void aQuarterHasOneLiveCheckPerCountyEditedForTheRectification() {
        long id = engine.create(CITY_ADMIN, project, LoanRegister.CHECKS, check(A, "1", "2013-04-10", "20", "2"));
        assertEquals(Map.of("year", "register.error.duplicate"),
                refused(A_STAFF, LoanRegister.CHECKS, check(A, "1", "2013-05-10", "5", "0")));
        assertTrue(engine.create(B_STAFF, project, LoanRegister.CHECKS, check(B, "1", "2013-05-10", "5", "0")) > 0,
                "another county's first quarter");
        engine.update(A_STAFF, project, LoanRegister.CHECKS, id,
                with(check(A, "1", "2013-04-10", "20", "2"), "rectification", "已补签"), -1);
        assertEquals("已补签", engine.get(A_STAFF, project, LoanRegister.CHECKS, id).value("rectification"));
        engine.delete(A_STAFF, project, LoanRegister.CHECKS, id, "重复检查");
        assertTrue(engine.create(A_STAFF, project, LoanRegister.CHECKS, check(A, "1", "2013-05-10", "5", "0")) > 0,
                "a deleted check frees its quarter");
    }

    @Test
    void aCheckLooksAtAQuarterBegunAndFindsNoMoreProblemsThanLoans() {
        assertEquals(Map.of("quarter", "loan.check.quarter.future"),
                refused(A_STAFF, LoanRegister.CHECKS, check(A, "3", "2013-06-15", "1", "0")));
        assertEquals(Map.of("checkedOn", "loan.check.checkedOn.beforeQuarter"),
                refused(A_STAFF, LoanRegister.CHECKS, check(A, "2", "2013-03-31", "1", "0")));
        assertEquals(Map.of("problems", "loan.check.problems.overChecked"),
                refused(A_STAFF, LoanRegister.CHECKS, check(A, "1", "2013-04-01", "2", "3")));
        assertEquals(Map.of("year", "loan.check.year.invalid"),
                refused(A_STAFF, LoanRegister.CHECKS, with(check(A, "1", "2013-04-01", "2", "0"), "year", "2014")));
        assertEquals(Map.of("quarter", "register.error.tooLarge", "loansChecked", "register.error.tooLarge",
                "problems", "register.error.tooSmall"), refused(A_STAFF, LoanRegister.CHECKS,
                        check(A, "5", "2013-04-01", "100001", "-1")));
        assertThrows(AccessDeniedException.class, () -> engine.create(A_VIEWER, project, LoanRegister.CHECKS,
                check(A, "1", "2013-04-10", "1", "0")));
    }

    // ---------------------------------------------------------------- monthly reports

    @Test
    void aReportFreezesTheMonthsLoansOncePerMonth() {
        create(A_STAFF, loan(A, youthA, "5万", "2013-03-01"));
        long changed = create(A_STAFF, loan(A, youthA, "1.5万", "2013-03-31"));
        create(A_STAFF, loan(A, youthA, "7万", "2013-04-01"));
        long id = reports.submitReport(A_STAFF, new LoanInput.Report(null, "2013-03", " 按时报送 "));
        assertEquals(List.of(new ListAudit.Entry("a-staff", "loan.report", "loan-report:" + id,
                "county=" + A + " month=2013-03 count=2 amount=65000.00")), audit.withAction("loan.report"));

        engine.delete(A_STAFF, project, LoanRegister.ID, changed, "录入错误");
        List<Loan.Month> months = reports.months(A_STAFF, 2013, null);
        assertEquals(6, months.size(), "January to this month (June)");
        Loan.Month march = months.get(2);
        assertEquals(YearMonth.of(2013, 3), march.month());
        assertEquals(2, march.report().count(), "frozen as submitted");
        assertEquals(new BigDecimal("65000.00"), march.report().amount());
        assertEquals("按时报送", march.report().note());
        assertEquals(new Loan.Figures(1, new BigDecimal("50000.00")), march.live());
        assertTrue(march.changed(), "the loans changed after the report");
        assertNull(months.get(3).report());
        assertFalse(months.get(3).changed());

        long before = rows("EMP_LOAN_REPORT");
        assertEquals(Map.of("month", LoanService.REPORT_DUPLICATE), assertThrows(ValidationException.class,
                () -> reports.submitReport(A_STAFF, new LoanInput.Report(A, "2013-03", null))).fieldErrors());
        assertEquals(Map.of("month", LoanService.MONTH_FUTURE), assertThrows(ValidationException.class,
                () -> reports.submitReport(A_STAFF, new LoanInput.Report(A, "2013-07", null))).fieldErrors());
        for (String bad : List.of("2013-13", "2013-3", "March", "1999-12")) {
            assertEquals(Map.of("month", LoanService.MONTH_INVALID), assertThrows(ValidationException.class,
                    () -> reports.submitReport(A_STAFF, new LoanInput.Report(A, bad, null))).fieldErrors(), bad);
        }
        assertEquals(Map.of("county", LoanService.COUNTY_INVALID, "note", LoanService.NOTE_TOO_LONG),
                assertThrows(ValidationException.class, () -> reports.submitReport(A_STAFF,
                        new LoanInput.Report(B, "2013-05", "说".repeat(501)))).fieldErrors());
        assertThrows(AccessDeniedException.class,
                () -> reports.submitReport(A_VIEWER, new LoanInput.Report(A, "2013-05", null)));
        assertEquals(before, rows("EMP_LOAN_REPORT"), "nothing written");
        assertTrue(reports.submitReport(B_STAFF, new LoanInput.Report(null, "2013-03", null)) > 0,
                "another county reports its own March");
        assertEquals(6, reports.months(B_STAFF, 2013, null).size(), "B sees its own months only");
        assertEquals(12, reports.months(CITY_ADMIN, 2013, null).size(), "the city sees both counties");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void theReportsPageRendersEscapedAndLinksTheEngineRegisters(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        create(A_STAFF, loan(A, youthA, "1.234567万", "2013-03-10"));
        reports.submitReport(A_STAFF, new LoanInput.Report(A, "2013-03", "<i>note</i>"));
        long check = engine.create(A_STAFF, project, LoanRegister.CHECKS,
                with(check(A, "1", "2013-04-02", "3", "1"), "checker", "<u>王</u>", "findings", "a & b"));

        String page = PageRender.render(project, project.web().handle(FakeWebRequest.html("GET", "/loans/reports",
                A_STAFF)), A_STAFF, locale);
        assertTrue(page.contains("&lt;i&gt;note&lt;/i&gt;"));
        assertTrue(page.contains("&lt;u&gt;王&lt;/u&gt;"));
        assertTrue(page.contains("a &amp; b"));
        assertTrue(page.contains("12345.67"), "the month's figures in exact 元");
        assertTrue(page.contains(PageRender.msg(locale, "loan.report.missing")), "months not reported");
        assertTrue(page.contains("/p/employment/loan-checks/" + check));
        assertTrue(page.contains("/p/employment/loan-checks/new"));
        assertTrue(page.contains("action=\"/p/employment/loans/reports\""));
        assertCsrfInEveryPostForm(page);
        WebResult dup = project.web().handle(FakeWebRequest.html("POST", "/loans/reports", A_STAFF)
                .param("month", "2013-03").param("note", "\"x"));
        assertEquals(400, dup.status());
        String again = PageRender.render(project, dup, A_STAFF, locale);
        assertTrue(again.contains(PageRender.msg(locale, "loan.report.duplicate")));
        assertTrue(again.contains(">&quot;x</textarea>"));
        // Issue 11, item 12: a saved report says so.
        WebResult saved = project.web().handle(FakeWebRequest.html("POST", "/loans/reports", A_STAFF)
                .param("month", "2013-04").param("note", "按时"));
        assertEquals("/loans/reports?year=2013&saved=1", saved.target());
        assertTrue(PageRender.render(project, project.web().handle(FakeWebRequest.html("GET", "/loans/reports",
                A_STAFF).param("saved", "1")), A_STAFF, locale).contains(PageRender.msg(locale, "employment.saved")));

        WebResult json = project.web().handle(FakeWebRequest.api("GET", "/loans/reports", A_STAFF));
        assertEquals(200, json.status());
        // The engine's list page links the project's own reports page.
        WebResult list = project.web().handle(FakeWebRequest.html("GET", "/loans", A_STAFF));
        assertTrue(String.valueOf(list.model().get("pages")).contains("/loans/reports"), String.valueOf(list.model()));
    }
}
