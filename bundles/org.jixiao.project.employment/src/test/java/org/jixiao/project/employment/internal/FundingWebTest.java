package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.TemplatesAndMessagesTest.assertCsrfInEveryPostForm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** The funding application pages in both languages and their JSON API. */
class FundingWebTest extends EmploymentTestBase {

    private static final String A = String.valueOf(TreeOrgUnits.COUNTY_A.id());

    private WebHandler web;
    private FundingService funding;
    private long youth;
    private long venture;

    @BeforeEach
    void handler() {
        web = project.web();
        funding = project.funding();
        youth = service.create(A_STAFF, person("name", "<b>Li</b>", "type", "ENTREPRENEUR"));
        venture = projects.create(A_STAFF, new ProjectInput("<i>farm</i>", String.valueOf(youth), "AGRICULTURE",
                "IDEA", null, null, null));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(WebResult r) {
        return (Map<String, Object>) r.body();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void everyPageRendersEscapedWithCsrfInEveryPostForm(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        long id = funding.create(A_STAFF, new FundingInput(A, String.valueOf(youth), String.valueOf(venture),
                "<script>p()</script>", "50000", "2013-03-01", "APPROVED", "30000", "2013-04-01"));

        String list = PageRender.render(project, web.handle(FakeRequest.html("GET", "/funding", CITY_ADMIN)
                .param("q", "<")), CITY_ADMIN, locale);
        assertTrue(list.contains("&lt;script&gt;p()&lt;/script&gt;"));
        assertTrue(list.contains("&lt;b&gt;Li&lt;/b&gt;") && list.contains("&lt;i&gt;farm&lt;/i&gt;"));
        assertFalse(list.contains("<script>"));
        assertTrue(list.contains("<td>1</td><td>0</td><td>1</td><td>0</td><td>50000.00</td><td>30000.00</td>"),
                "counts and sums of county A");
        assertTrue(list.contains("<td>0</td><td>0</td><td>0</td><td>0</td><td>0.00</td><td>0.00</td>"),
                "county B has none");
        assertTrue(list.contains(PageRender.msg(locale, "funding.result.APPROVED")));
        assertTrue(list.contains("/p/employment/funding?q=%3C&amp;year=2013&amp;result=&amp;county=&amp;page=1"),
                list);
        assertCsrfInEveryPostForm(list);

        String empty = PageRender.render(project, web.handle(FakeRequest.html("GET", "/funding", A_VIEWER)
                .param("year", "2012")), A_VIEWER, locale);
        assertTrue(empty.contains(PageRender.msg(locale, "funding.list.empty")));
        assertFalse(empty.contains("/funding/new"));

        String blank = PageRender.render(project, web.handle(FakeRequest.html("GET", "/funding/new", A_STAFF)
                .param("project", String.valueOf(venture))), A_STAFF, locale);
        assertTrue(blank.contains("name=\"project\" value=\"" + venture + "\""));
        assertTrue(blank.contains("value=\"PENDING\" selected"));
        assertCsrfInEveryPostForm(blank);

        Map<String, Object> form = new HashMap<>();
        form.put("programme", "\"x\"");
        form.put("amountApplied", "100");
        form.put("appliedOn", "2013-03-01");
        form.put("result", "APPROVED");
        form.put("amountGranted", "200");
        form.put("resultOn", "2013-03-02");
        WebResult bad = web.handle(FakeRequest.html("POST", "/funding", A_STAFF).form(form));
        assertEquals(400, bad.status());
        String again = PageRender.render(project, bad, A_STAFF, locale);
        assertTrue(again.contains(PageRender.msg(locale, "funding.applicant.required")));
        assertTrue(again.contains(PageRender.msg(locale, "funding.amountGranted.overApplied")));
        assertTrue(again.contains("value=\"&quot;x&quot;\""));
        assertCsrfInEveryPostForm(again);

        String edit = PageRender.render(project, web.handle(FakeRequest.html("GET", "/funding/" + id, A_STAFF)),
                A_STAFF, locale);
        assertTrue(edit.contains("(&lt;b&gt;Li&lt;/b&gt;)") && edit.contains("(&lt;i&gt;farm&lt;/i&gt;)"));
        assertTrue(edit.contains("value=\"30000.00\""));
        assertTrue(edit.contains("action=\"/p/employment/funding/" + id + "/delete\""));
        assertCsrfInEveryPostForm(edit);
        String readOnly = PageRender.render(project, web.handle(FakeRequest.html("GET", "/funding/" + id, A_VIEWER)),
                A_VIEWER, locale);
        assertTrue(readOnly.contains("<fieldset disabled>"));
        assertFalse(readOnly.contains("/delete"));
    }

    @Test
    void apiAndForms() {
        Map<String, Object> json = new HashMap<>();
        json.put("project", (double) venture);
        json.put("programme", "省创业扶持");
        json.put("amountApplied", "20,000.10");
        json.put("appliedOn", "2013-03-01");
        json.put("result", "pending");
        WebResult created = web.handle(FakeRequest.api("POST", "/funding", A_STAFF).body(json));
        assertEquals(201, created.status());
        long id = (Long) body(created).get("id");
        assertEquals("20000.10", body(created).get("amountApplied"));
        assertNull(body(created).get("amountGranted"));
        assertNull(body(created).get("youth"));

        json.put("result", "REJECTED");
        json.put("resultOn", "2013-04-01");
        assertEquals("REJECTED", body(web.handle(FakeRequest.api("PUT", "/funding/" + id, A_STAFF).body(json)))
                .get("result"));
        json.put("amountGranted", "1");
        assertEquals(Map.of("amountGranted", FundingService.GRANTED_NOT_APPROVED), assertThrows(
                ValidationException.class, () -> web.handle(FakeRequest.api("PUT", "/funding/" + id, A_STAFF)
                        .body(json))).fieldErrors());
        Map<String, Object> summary = body(web.handle(FakeRequest.api("GET", "/funding/summary", A_STAFF)));
        assertEquals(2013, summary.get("year"));
        Map<?, ?> a = (Map<?, ?>) ((List<?>) summary.get("items")).get(0);
        assertEquals(1L, a.get("rejected"));
        assertEquals("20000.10", a.get("amountApplied"));
        assertEquals(1L, body(web.handle(FakeRequest.api("GET", "/funding", A_STAFF))).get("total"));
        assertEquals(0L, body(web.handle(FakeRequest.api("GET", "/funding", B_STAFF))).get("total"));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/funding/" + id, B_STAFF)));
        assertThrows(AccessDeniedException.class, () -> web.handle(FakeRequest.html("GET", "/funding/new",
                A_VIEWER)));

        WebResult posted = web.handle(FakeRequest.html("POST", "/funding", A_STAFF).param("youth",
                String.valueOf(youth)).param("programme", "市扶持").param("amountApplied", "5000").param("appliedOn",
                "2013-05-01").param("result", "PENDING"));
        assertEquals("/funding", posted.target());
        assertEquals(Map.of("deleted", true), body(web.handle(FakeRequest.api("DELETE", "/funding/" + id, A_STAFF))));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("POST", "/funding/" + id + "/delete",
                A_STAFF)));
    }
}
