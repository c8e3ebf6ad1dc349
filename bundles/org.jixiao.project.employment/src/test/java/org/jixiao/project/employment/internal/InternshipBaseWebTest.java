package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.TemplatesAndMessagesTest.assertCsrfInEveryPostForm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
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

/** The internship base pages and the JSON API under {@code /api/v1/p/employment/internship-bases}. */
class InternshipBaseWebTest extends EmploymentTestBase {

    private static final String A = String.valueOf(TreeOrgUnits.COUNTY_A.id());

    private WebHandler web;

    @BeforeEach
    void handler() {
        web = project.web();
    }

    private static Map<String, Object> baseJson() {
        Map<String, Object> m = new HashMap<>();
        m.put("name", "青创电子厂");
        m.put("sector", "MANUFACTURING");
        m.put("address", "园区路8号");
        m.put("contact", "张三 13800138000");
        m.put("capacity", 30.0d);
        m.put("establishedOn", "2013-01-10");
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(WebResult r) {
        return (Map<String, Object>) r.body();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void pagesRenderEscapedWithCsrfInEveryPostForm(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        long id = project.bases().create(A_STAFF, new InternshipBaseInput("<script>b()</script>", "SERVICES",
                "路 & 号", "\"王\"", "5", null, "2013-01-10", "2013-02-01", null));
        project.bases().create(CITY_ADMIN, InternshipBaseServiceTest.base("乙县基地", String.valueOf(
                TreeOrgUnits.COUNTY_B.id()), "2013-01-10", null, null));

        String list = render(web.handle(FakeRequest.html("GET", "/internship-bases", CITY_ADMIN).param("q", "b()<")),
                locale);
        assertTrue(list.contains("&lt;script&gt;b()&lt;/script&gt;"), "names are escaped");
        assertFalse(list.contains("<script>"));
        assertTrue(list.contains("&quot;王&quot;"));
        assertFalse(list.contains("乙县基地"), "filtered by the search");
        assertTrue(list.contains("/p/employment/internship-bases?q=b()%3C&amp;sector=&amp;entered=&amp;county=&amp;page=1"),
                list);
        assertTrue(list.contains(MessageFormat.format(PageRender.msg(locale, "base.summary.title"), "2013-06-15")));
        assertTrue(list.contains("<td>1</td>\n      <td>1</td>"), "county A: one live base, entered");
        assertTrue(list.contains("<td>1</td>\n      <td>0</td>"), "county B: one live base, not entered");
        assertTrue(list.contains("aria-current=\"page\">" + PageRender.msg(locale, "base.title")));
        assertCsrfInEveryPostForm(list);

        String empty = render(web.handle(FakeRequest.html("GET", "/internship-bases", A_VIEWER).param("q", "none")),
                locale);
        assertTrue(empty.contains(PageRender.msg(locale, "base.list.empty")));
        assertFalse(empty.contains("/internship-bases/new"));

        String blank = render(web.handle(FakeRequest.html("GET", "/internship-bases/new", A_STAFF)), locale);
        assertTrue(blank.contains("action=\"/p/employment/internship-bases\""));
        assertFalse(blank.contains("closedOn"), "a new base is not closed");
        assertCsrfInEveryPostForm(blank);

        Map<String, Object> form = baseForm();
        form.put("name", "\"quoted\"");
        form.put("capacity", "many");
        form.put("enteredOn", "2013-01-09");
        WebResult bad = web.handle(FakeRequest.html("POST", "/internship-bases", A_STAFF).form(form));
        assertEquals(400, bad.status());
        String again = render(bad, locale);
        assertTrue(again.contains(PageRender.msg(locale, "base.capacity.invalid")));
        assertTrue(again.contains(PageRender.msg(locale, "base.enteredOn.beforeEstablished")));
        assertTrue(again.contains("value=\"&quot;quoted&quot;\""));
        assertTrue(again.contains("value=\"MANUFACTURING\" selected"));
        assertCsrfInEveryPostForm(again);

        String edit = render(web.handle(FakeRequest.html("GET", "/internship-bases/" + id, A_STAFF)), locale);
        assertTrue(edit.contains("action=\"/p/employment/internship-bases/" + id + "\""));
        assertTrue(edit.contains("action=\"/p/employment/internship-bases/" + id + "/delete\""));
        assertTrue(edit.contains("name=\"closedOn\""));
        assertTrue(edit.contains("href=\"/p/employment/internships/new?base=" + id + "\""));
        assertCsrfInEveryPostForm(edit);

        String readOnly = render(web.handle(FakeRequest.html("GET", "/internship-bases/" + id, A_VIEWER)), locale);
        assertTrue(readOnly.contains("<fieldset disabled>"));
        assertFalse(readOnly.contains("/delete"));
    }

    private static Map<String, Object> baseForm() {
        Map<String, Object> m = new HashMap<>(baseJson());
        m.put("capacity", "30");
        return m;
    }

    @Test
    void formsCreateUpdateAndDelete() {
        WebResult created = web.handle(FakeRequest.html("POST", "/internship-bases", A_STAFF).form(baseForm()));
        assertEquals("/internship-bases", created.target());
        long id = project.bases().list(A_STAFF, InternshipBaseService.Filter.NONE, 1).items().get(0).id();
        Map<String, Object> entered = baseForm();
        entered.put("enteredOn", "2013-03-01");
        web.handle(FakeRequest.html("POST", "/internship-bases/" + id, A_STAFF).form(entered));
        assertEquals("2013-03-01", project.bases().get(A_STAFF, id).enteredOn().toString());
        assertThrows(AccessDeniedException.class,
                () -> web.handle(FakeRequest.html("GET", "/internship-bases/new", A_VIEWER)));
        assertThrows(NotFoundException.class,
                () -> web.handle(FakeRequest.html("POST", "/internship-bases/" + id + "/delete", B_STAFF)));

        // A base with a position is not deleted: the form comes back with the reason.
        long position = project.internships().create(A_STAFF, new InternshipInput.Position(A, "x", "y", "no",
                String.valueOf(id), "1", "2013", "2013-07-01", "2013-07-31"));
        WebResult refused = web.handle(FakeRequest.html("POST", "/internship-bases/" + id + "/delete", A_STAFF));
        assertEquals(400, refused.status());
        assertEquals(Map.of("delete", InternshipBaseService.DELETE_LINKED), refused.model().get("errors"));
        project.internships().delete(A_STAFF, position);
        assertEquals("/internship-bases", web.handle(FakeRequest.html("POST", "/internship-bases/" + id + "/delete",
                A_STAFF)).target());
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("GET", "/internship-bases/" + id,
                A_STAFF)));
    }

    @Test
    void apiCreatesReadsUpdatesAndDeletes() {
        Map<String, Object> json = baseJson();
        json.put("county", 2.0d);
        WebResult created = web.handle(FakeRequest.api("POST", "/internship-bases", A_STAFF).body(json));
        assertEquals(201, created.status());
        long id = (Long) body(created).get("id");
        assertEquals(2L, body(created).get("county"));
        assertEquals(30, body(created).get("capacity"));
        assertNull(body(created).get("enteredOn"));

        json.put("enteredOn", "2013-02-01");
        assertEquals("2013-02-01", body(web.handle(FakeRequest.api("PUT", "/internship-bases/" + id, A_STAFF)
                .body(json))).get("enteredOn"));
        assertEquals(1L, body(web.handle(FakeRequest.api("GET", "/internship-bases", A_STAFF)
                .param("entered", "yes"))).get("total"));
        assertEquals(0L, body(web.handle(FakeRequest.api("GET", "/internship-bases", A_STAFF)
                .param("entered", "no"))).get("total"));
        Map<String, Object> summary = body(web.handle(FakeRequest.api("GET", "/internship-bases/summary", A_STAFF)));
        assertEquals("2013-06-15", summary.get("day"));
        assertEquals(List.of(Map.of("county", 2L, "countyName", project.bases().countyName(2), "live", 1L,
                "entered", 1L)), summary.get("items"));

        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/internship-bases/" + id,
                B_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("PUT", "/internship-bases/" + id,
                B_STAFF).body(json)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("DELETE", "/internship-bases/" + id,
                B_STAFF)));
        json.put("closedOn", "2013-01-01");
        ValidationException e = assertThrows(ValidationException.class,
                () -> web.handle(FakeRequest.api("PUT", "/internship-bases/" + id, A_STAFF).body(json)));
        assertEquals(Map.of("closedOn", InternshipBaseService.CLOSED_BEFORE_ESTABLISHED), e.fieldErrors());
        assertEquals(Map.of("deleted", true), web.handle(FakeRequest.api("DELETE", "/internship-bases/" + id,
                A_STAFF)).body());
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/internship-bases/" + id,
                A_STAFF)));
        assertThrows(AccessDeniedException.class, () -> web.handle(FakeRequest.api("POST", "/internship-bases",
                A_VIEWER).body(baseJson())));
    }

    private String render(WebResult result, Locale locale) throws Exception {
        return PageRender.render(project, result, CITY_ADMIN, locale);
    }
}
