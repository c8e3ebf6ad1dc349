package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.TemplatesAndMessagesTest.assertCsrfInEveryPostForm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
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

/** The credit demonstration household pages in both languages and their JSON API. */
class CreditWebTest extends EmploymentTestBase {

    private static final String A = String.valueOf(TreeOrgUnits.COUNTY_A.id());

    private WebHandler web;
    private CreditService credit;

    @BeforeEach
    void handler() {
        web = project.web();
        credit = project.credit();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(WebResult r) {
        return (Map<String, Object>) r.body();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void everyPageRendersEscapedWithCsrfInEveryPostForm(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        credit.create(A_STAFF, new CreditInput(A, "王五", "村", "2012-03-01", null, "1000000", "2012-03-02"));
        long id = credit.create(A_STAFF, new CreditInput(A, "<script>h()</script>", "石桥村 & 东村", "2013-03-01",
                "AA", "1100000", "2013-03-02"));

        String list = PageRender.render(project, web.handle(FakeRequest.html("GET", "/credit-households", CITY_ADMIN)
                .param("q", "<")), CITY_ADMIN, locale);
        assertTrue(list.contains("&lt;script&gt;h()&lt;/script&gt;"));
        assertTrue(list.contains("石桥村 &amp; 东村"));
        assertFalse(list.contains("<script>"));
        assertTrue(list.contains("1,100,000.00"));
        assertTrue(list.contains("<td>1</td><td>110</td><td>100</td><td>110 ✓</td>"),
                "this year, last year and the 10% growth it needs, met");
        assertTrue(list.contains("/p/employment/credit-households?q=%3C&amp;year=2013&amp;rating=&amp;county=&amp;page=1"),
                list);
        assertCsrfInEveryPostForm(list);

        String empty = PageRender.render(project, web.handle(FakeRequest.html("GET", "/credit-households", A_VIEWER)
                .param("q", "nobody")), A_VIEWER, locale);
        assertTrue(empty.contains(PageRender.msg(locale, "credit.list.empty")));
        assertFalse(empty.contains("/credit-households/new"));

        String blank = PageRender.render(project, web.handle(FakeRequest.html("GET", "/credit-households/new",
                A_STAFF)), A_STAFF, locale);
        assertTrue(blank.contains("action=\"/p/employment/credit-households\""));
        assertCsrfInEveryPostForm(blank);

        Map<String, Object> form = new HashMap<>();
        form.put("headName", "\"x\"");
        form.put("village", "村");
        form.put("ratedOn", "2013-03-01");
        form.put("loanAmount", "5000");
        WebResult bad = web.handle(FakeRequest.html("POST", "/credit-households", A_STAFF).form(form));
        assertEquals(400, bad.status());
        String again = PageRender.render(project, bad, A_STAFF, locale);
        assertTrue(again.contains(PageRender.msg(locale, "credit.loanOn.required")));
        assertTrue(again.contains("value=\"&quot;x&quot;\""));
        assertCsrfInEveryPostForm(again);

        String edit = PageRender.render(project, web.handle(FakeRequest.html("GET", "/credit-households/" + id,
                A_STAFF)), A_STAFF, locale);
        assertTrue(edit.contains("value=\"1100000.00\""), "the exact 元");
        assertTrue(edit.contains("value=\"AA\" selected"));
        assertTrue(edit.contains("action=\"/p/employment/credit-households/" + id + "/delete\""));
        assertCsrfInEveryPostForm(edit);
        String readOnly = PageRender.render(project, web.handle(FakeRequest.html("GET", "/credit-households/" + id,
                A_VIEWER)), A_VIEWER, locale);
        assertTrue(readOnly.contains("<fieldset disabled>"));
        assertFalse(readOnly.contains("/delete"));
    }

    @Test
    void formsAndApi() {
        Map<String, Object> json = new HashMap<>();
        json.put("headName", "张大山");
        json.put("village", "石桥村");
        json.put("ratedOn", "2013-03-01");
        json.put("rating", "A");
        json.put("loanAmount", 50000.5d);
        json.put("loanOn", "2013-03-05");
        WebResult created = web.handle(FakeRequest.api("POST", "/credit-households", A_STAFF).body(json));
        assertEquals(201, created.status());
        long id = (Long) body(created).get("id");
        assertEquals("50000.50", body(created).get("loanAmount"));
        assertEquals("5.00005", body(created).get("loanAmountWanyuan"));
        json.put("loanAmount", "60,000");
        assertEquals("60000.00", body(web.handle(FakeRequest.api("PUT", "/credit-households/" + id, A_STAFF)
                .body(json))).get("loanAmount"));
        json.put("loanAmount", "1.001");
        assertEquals(Map.of("loanAmount", Money.DECIMALS_YUAN), assertThrows(ValidationException.class,
                () -> web.handle(FakeRequest.api("POST", "/credit-households", A_STAFF).body(json))).fieldErrors());
        assertEquals(1L, body(web.handle(FakeRequest.api("GET", "/credit-households", A_STAFF))).get("total"));
        assertEquals(0L, body(web.handle(FakeRequest.api("GET", "/credit-households", B_STAFF))).get("total"));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/credit-households/" + id,
                B_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("POST", "/credit-households/" + id
                + "/delete", B_STAFF)));
        assertThrows(AccessDeniedException.class, () -> web.handle(FakeRequest.html("GET", "/credit-households/new",
                A_VIEWER)));
        web.handle(FakeRequest.html("POST", "/credit-households/" + id + "/delete", A_STAFF));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("DELETE", "/credit-households/" + id,
                A_STAFF)));
    }
}
