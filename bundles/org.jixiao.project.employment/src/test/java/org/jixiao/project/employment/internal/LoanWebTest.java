package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.TemplatesAndMessagesTest.assertCsrfInEveryPostForm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.web.WebHandler;
import org.jixiao.api.web.WebResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The micro-loan pages in both languages and the JSON API under {@code /api/v1/p/employment/loans}. */
class LoanWebTest extends EmploymentTestBase {

    private static final String A = String.valueOf(TreeOrgUnits.COUNTY_A.id());

    private WebHandler web;
    private LoanService loans;
    private long youth;

    @BeforeEach
    void handler() {
        web = project.web();
        loans = project.loans();
        youth = service.create(A_STAFF, person("name", "<b>Li</b>", "type", "ENTREPRENEUR"));
    }

    private static Map<String, Object> loanForm(long borrower) {
        Map<String, Object> m = new HashMap<>();
        m.put("borrower", String.valueOf(borrower));
        m.put("bank", "农商行 <i>");
        m.put("amountWanyuan", "12.5");
        m.put("grantedOn", "2013-03-10");
        m.put("termMonths", "24");
        m.put("status", "DISBURSED");
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(WebResult r) {
        return (Map<String, Object>) r.body();
    }

    private String render(WebResult r, org.jixiao.api.Actor actor, Locale locale) throws Exception {
        return PageRender.render(project, r, actor, locale);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void everyPageRendersEscapedWithCsrfInEveryPostForm(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        long id = loans.create(A_STAFF, new LoanInput.Loan(A, String.valueOf(youth), "<script>bank()</script>",
                "1.234567", "2013-03-10", "24", "OVERDUE", null));
        loans.submitReport(A_STAFF, new LoanInput.Report(A, "2013-03", "<i>note</i>"));
        long check = loans.createCheck(A_STAFF, new LoanInput.Check(A, "2013", "1", "2013-04-02", "<u>王</u>", "3", "1",
                "a & b", null));

        String list = render(web.handle(FakeRequest.html("GET", "/loans", CITY_ADMIN).param("q", "<")), CITY_ADMIN,
                locale);
        assertTrue(list.contains("&lt;script&gt;bank()&lt;/script&gt;"));
        assertTrue(list.contains("&lt;b&gt;Li&lt;/b&gt;"), "borrower names escaped");
        assertFalse(list.contains("<script>"));
        assertTrue(list.contains("12,345.67"), "the amount in 元 with two decimals");
        assertTrue(list.contains("<td>1</td><td>1.234567</td>"), "the summary: one loan, exact 万元");
        assertTrue(list.contains(PageRender.msg(locale, "loan.status.OVERDUE")));
        assertTrue(list.contains(PageRender.msg(locale, "loan.notEntered")));
        assertTrue(list.contains("/p/employment/loans?q=%3C&amp;year=2013&amp;status=&amp;county=&amp;page=1"), list);
        assertCsrfInEveryPostForm(list);

        String empty = render(web.handle(FakeRequest.html("GET", "/loans", A_VIEWER).param("year", "2012")),
                A_VIEWER, locale);
        assertTrue(empty.contains(PageRender.msg(locale, "loan.list.empty")));
        assertFalse(empty.contains("/loans/new"));

        String blank = render(web.handle(FakeRequest.html("GET", "/loans/new", A_STAFF)), A_STAFF, locale);
        assertTrue(blank.contains("action=\"/p/employment/loans\""));
        assertTrue(blank.contains("value=\"DISBURSED\" selected"));
        assertCsrfInEveryPostForm(blank);

        Map<String, Object> form = loanForm(youth);
        form.put("amountWanyuan", "1e3\"");
        form.put("termMonths", "200");
        WebResult bad = web.handle(FakeRequest.html("POST", "/loans", A_STAFF).form(form));
        assertEquals(400, bad.status());
        String again = render(bad, A_STAFF, locale);
        assertTrue(again.contains(PageRender.msg(locale, "money.invalid")));
        assertTrue(again.contains(PageRender.msg(locale, "loan.termMonths.invalid")));
        assertTrue(again.contains("value=\"1e3&quot;\""), "the typed value kept, escaped");
        assertCsrfInEveryPostForm(again);

        String edit = render(web.handle(FakeRequest.html("GET", "/loans/" + id, A_STAFF)), A_STAFF, locale);
        assertTrue(edit.contains("value=\"1.234567\""), "the form shows the exact 万元");
        assertTrue(edit.contains("action=\"/p/employment/loans/" + id + "/delete\""));
        assertTrue(edit.contains("(&lt;b&gt;Li&lt;/b&gt;)"));
        assertCsrfInEveryPostForm(edit);
        String readOnly = render(web.handle(FakeRequest.html("GET", "/loans/" + id, A_VIEWER)), A_VIEWER, locale);
        assertTrue(readOnly.contains("<fieldset disabled>"));
        assertFalse(readOnly.contains("/delete"));

        String reports = render(web.handle(FakeRequest.html("GET", "/loans/reports", A_STAFF)), A_STAFF, locale);
        assertTrue(reports.contains("&lt;i&gt;note&lt;/i&gt;"));
        assertTrue(reports.contains("&lt;u&gt;王&lt;/u&gt;"));
        assertTrue(reports.contains("a &amp; b"));
        assertTrue(reports.contains(PageRender.msg(locale, "loan.report.missing")), "months not reported");
        assertTrue(reports.contains("/p/employment/loans/checks/" + check));
        assertTrue(reports.contains("action=\"/p/employment/loans/reports\""));
        assertCsrfInEveryPostForm(reports);
        WebResult dup = web.handle(FakeRequest.html("POST", "/loans/reports", A_STAFF).param("month", "2013-03")
                .param("note", "\"x"));
        assertEquals(400, dup.status());
        String dupPage = render(dup, A_STAFF, locale);
        assertTrue(dupPage.contains(PageRender.msg(locale, "loan.report.duplicate")));
        assertTrue(dupPage.contains(">&quot;x</textarea>"));

        String checkForm = render(web.handle(FakeRequest.html("GET", "/loans/checks/" + check, A_STAFF)), A_STAFF,
                locale);
        assertTrue(checkForm.contains("action=\"/p/employment/loans/checks/" + check + "/delete\""));
        assertTrue(checkForm.contains("value=\"1\" selected"));
        assertCsrfInEveryPostForm(checkForm);
        String newCheck = render(web.handle(FakeRequest.html("GET", "/loans/checks/new", A_STAFF)), A_STAFF, locale);
        assertTrue(newCheck.contains("action=\"/p/employment/loans/checks\""));
        assertCsrfInEveryPostForm(newCheck);
    }

    @Test
    void formsCreateReportCheckAndDelete() {
        WebResult created = web.handle(FakeRequest.html("POST", "/loans", A_STAFF).form(loanForm(youth)));
        assertEquals("/loans", created.target());
        long id = loans.list(A_STAFF, new Loan.Filter(null, null, 2013, null), 1).items().get(0).id();
        assertEquals("125000.00", loans.get(A_STAFF, id).amount().toPlainString());

        assertEquals("/loans/reports?year=2013", web.handle(FakeRequest.html("POST", "/loans/reports", A_STAFF)
                .param("month", "2013-03")).target());
        assertEquals("/loans/reports?year=2013", web.handle(FakeRequest.html("POST", "/loans/checks", A_STAFF)
                .param("year", "2013").param("quarter", "1").param("checkedOn", "2013-04-01").param("checker", "王")
                .param("loansChecked", "1").param("problems", "0").param("findings", "无问题")).target());
        long check = loans.checks(A_STAFF, 2013, null).get(0).id();
        WebResult badCheck = web.handle(FakeRequest.html("POST", "/loans/checks/" + check, A_STAFF)
                .param("year", "2013").param("quarter", "1").param("checkedOn", "2013-04-01").param("checker", "王")
                .param("loansChecked", "1").param("problems", "2").param("findings", "x"));
        assertEquals(400, badCheck.status());
        assertEquals(Map.of("problems", LoanService.PROBLEMS_OVER_CHECKED), badCheck.model().get("errors"));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("POST", "/loans/checks/" + check
                + "/delete", B_STAFF)));
        web.handle(FakeRequest.html("POST", "/loans/checks/" + check + "/delete", A_STAFF));
        assertEquals(List.of(), loans.checks(A_STAFF, 2013, null));

        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("GET", "/loans/" + id, B_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("GET", "/loans/x1", A_STAFF)));
        assertThrows(AccessDeniedException.class, () -> web.handle(FakeRequest.html("GET", "/loans/new", A_VIEWER)));
        web.handle(FakeRequest.html("POST", "/loans/" + id + "/delete", A_STAFF));
        assertThrows(NotFoundException.class, () -> loans.get(A_STAFF, id));
    }

    @Test
    void apiCreatesReadsUpdatesListsAndDeletesWithExactAmounts() {
        Map<String, Object> json = new HashMap<>(loanForm(youth));
        json.put("borrower", (double) youth);
        json.put("amountWanyuan", 1.234567d);
        json.put("termMonths", 36.0d);
        WebResult created = web.handle(FakeRequest.api("POST", "/loans", A_STAFF).body(json));
        assertEquals(201, created.status());
        long id = (Long) body(created).get("id");
        assertEquals("12345.67", body(created).get("amount"));
        assertEquals("1.234567", body(created).get("amountWanyuan"));
        assertEquals(36, body(created).get("termMonths"));
        assertEquals(2L, body(created).get("county"));

        json.put("status", "REPAID");
        json.put("enteredOn", "2013-03-11");
        Map<String, Object> updated = body(web.handle(FakeRequest.api("PUT", "/loans/" + id, A_STAFF).body(json)));
        assertEquals("REPAID", updated.get("status"));
        assertEquals("2013-03-11", updated.get("enteredOn"));
        assertEquals(1L, body(web.handle(FakeRequest.api("GET", "/loans", A_STAFF))).get("total"));
        assertEquals(0L, body(web.handle(FakeRequest.api("GET", "/loans", B_STAFF))).get("total"));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/loans/" + id, B_STAFF)));
        json.put("amountWanyuan", "-1");
        ValidationException e = assertThrows(ValidationException.class,
                () -> web.handle(FakeRequest.api("PUT", "/loans/" + id, A_STAFF).body(json)));
        assertEquals(Map.of("amountWanyuan", Money.NEGATIVE), e.fieldErrors());

        assertEquals(201, web.handle(FakeRequest.api("POST", "/loans/reports", A_STAFF)
                .body(Map.of("month", "2013-03"))).status());
        Map<String, Object> reports = body(web.handle(FakeRequest.api("GET", "/loans/reports", A_STAFF)));
        Map<?, ?> march = (Map<?, ?>) ((List<?>) reports.get("items")).get(2);
        assertEquals("2013-03", march.get("month"));
        assertEquals("1", march.get("reportCount"));
        assertEquals("12345.67", march.get("reportAmount"));
        WebResult check = web.handle(FakeRequest.api("POST", "/loans/checks", A_STAFF).body(Map.of("year", 2013.0d,
                "quarter", 2.0d, "checkedOn", "2013-06-01", "checker", "王", "loansChecked", 1.0d, "problems", 0.0d,
                "findings", "ok")));
        assertEquals(201, check.status());
        assertEquals(2, body(check).get("quarter"));
        assertEquals(1, ((List<?>) body(web.handle(FakeRequest.api("GET", "/loans/checks", A_STAFF))).get("items"))
                .size());

        assertEquals(Map.of("deleted", true), body(web.handle(FakeRequest.api("DELETE", "/loans/" + id, A_STAFF))));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/loans/" + id, A_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/loans/1/x", A_STAFF)));
    }

    @Test
    void aBorrowerOfAnotherCountyIsUnknownToACountyUser() {
        long other = service.create(CITY_ADMIN, person("Han", LocalDate.of(1992, 4, 5), 12, "ENTREPRENEUR",
                TreeOrgUnits.COUNTY_B, "2013-02-10"));
        WebResult r = web.handle(FakeRequest.html("POST", "/loans", A_STAFF).form(loanForm(other)));
        assertEquals(400, r.status());
        assertEquals(Map.of("borrower", LoanService.BORROWER_UNKNOWN), r.model().get("errors"));
        assertEquals(0, rows("EMP_LOAN"));
    }
}
