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

/** The employment outcome pages, in both languages, and the JSON API under {@code /api/v1/p/employment/outcomes}. */
class OutcomeWebTest extends EmploymentTestBase {

    private WebHandler web;
    private long youth;

    @BeforeEach
    void handler() {
        web = project.web();
        youth = service.create(A_STAFF, person("name", "<b>Li</b>"));
    }

    private Map<String, Object> json() {
        Map<String, Object> m = new HashMap<>();
        m.put("youth", (double) youth);
        m.put("employer", "县电子厂");
        m.put("employedOn", "2013-03-01");
        m.put("channel", "FAIR");
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
        long id = project.outcomes().create(A_STAFF, new OutcomeInput(String.valueOf(youth), null,
                "<script>x()</script>", "a & b", "2013", "2013-03-01", "MICRO_LOAN", "<i>n</i>"));

        String list = PageRender.render(project, web.handle(FakeRequest.html("GET", "/outcomes", CITY_ADMIN)
                .param("q", "x()<").param("channel", "MICRO_LOAN").param("year", "2013")), CITY_ADMIN, locale);
        assertTrue(list.contains("&lt;script&gt;x()&lt;/script&gt;"));
        assertTrue(list.contains("&lt;b&gt;Li&lt;/b&gt;"));
        assertTrue(list.contains("a &amp; b"));
        assertTrue(list.contains("&lt;i&gt;n&lt;/i&gt;"));
        assertFalse(list.contains("<script>"));
        assertTrue(list.contains(PageRender.msg(locale, "outcome.channel.MICRO_LOAN")));
        assertTrue(list.contains("/p/employment/outcomes?q=x()%3C&amp;year=2013&amp;channel=MICRO_LOAN&amp;county=&amp;page=1"),
                list);
        assertTrue(list.contains("aria-current=\"page\">" + PageRender.msg(locale, "outcome.title")));
        assertCsrfInEveryPostForm(list);

        String empty = PageRender.render(project, web.handle(FakeRequest.html("GET", "/outcomes", A_VIEWER)
                .param("channel", "FAIR")), A_VIEWER, locale);
        assertTrue(empty.contains(PageRender.msg(locale, "outcome.list.empty")));
        assertFalse(empty.contains("/outcomes/new"));

        String blank = PageRender.render(project, web.handle(FakeRequest.html("GET", "/outcomes/new", A_STAFF)
                .param("youth", String.valueOf(youth))), A_STAFF, locale);
        assertTrue(blank.contains("action=\"/p/employment/outcomes\""));
        assertTrue(blank.contains("name=\"youth\" value=\"" + youth + "\""));
        assertTrue(blank.contains("name=\"year\" value=\"2013\""));
        assertCsrfInEveryPostForm(blank);

        Map<String, Object> form = new HashMap<>();
        form.put("youth", String.valueOf(youth));
        form.put("employer", "\"quoted\"");
        form.put("year", "2013");
        form.put("employedOn", "2012-05-01");
        form.put("channel", "FAIR");
        WebResult bad = web.handle(FakeRequest.html("POST", "/outcomes", A_STAFF).form(form));
        assertEquals(400, bad.status());
        String again = PageRender.render(project, bad, A_STAFF, locale);
        assertTrue(again.contains(PageRender.msg(locale, "outcome.employedOn.outsideYear")));
        assertTrue(again.contains("value=\"&quot;quoted&quot;\""));
        assertTrue(again.contains("value=\"FAIR\" selected"));
        assertCsrfInEveryPostForm(again);

        String edit = PageRender.render(project, web.handle(FakeRequest.html("GET", "/outcomes/" + id, A_STAFF)),
                A_STAFF, locale);
        assertTrue(edit.contains("action=\"/p/employment/outcomes/" + id + "\""));
        assertTrue(edit.contains("action=\"/p/employment/outcomes/" + id + "/delete\""));
        assertTrue(edit.contains("(&lt;b&gt;Li&lt;/b&gt;)"));
        assertCsrfInEveryPostForm(edit);

        String readOnly = PageRender.render(project, web.handle(FakeRequest.html("GET", "/outcomes/" + id, A_VIEWER)),
                A_VIEWER, locale);
        assertTrue(readOnly.contains("<fieldset disabled>"));
        assertFalse(readOnly.contains("/delete"));
    }

    @Test
    void formsCreateUpdateAndDelete() {
        Map<String, Object> form = new HashMap<>(json());
        form.put("youth", String.valueOf(youth));
        assertEquals("/outcomes", web.handle(FakeRequest.html("POST", "/outcomes", A_STAFF).form(form)).target());
        long id = project.outcomes().list(A_STAFF, new OutcomeRepository.Filter(null, null, null, null), 1).items()
                .get(0).id();
        form.put("employer", "市电子厂");
        web.handle(FakeRequest.html("POST", "/outcomes/" + id, A_STAFF).form(form));
        assertEquals("市电子厂", project.outcomes().get(A_STAFF, id).employer());
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("POST", "/outcomes/" + id + "/delete",
                B_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("GET", "/outcomes/x", A_STAFF)));
        assertEquals("/outcomes", web.handle(FakeRequest.html("POST", "/outcomes/" + id + "/delete", A_STAFF))
                .target());
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("GET", "/outcomes/" + id, A_STAFF)));
        assertThrows(AccessDeniedException.class, () -> web.handle(FakeRequest.html("GET", "/outcomes/new",
                A_VIEWER)));
    }

    @Test
    void apiCreatesReadsUpdatesListsAndDeletes() {
        WebResult created = web.handle(FakeRequest.api("POST", "/outcomes", A_STAFF).body(json()));
        assertEquals(201, created.status());
        long id = (Long) body(created).get("id");
        assertEquals(2L, body(created).get("county"));
        assertEquals(2013, body(created).get("year"));
        assertEquals("FAIR", body(created).get("channel"));
        assertEquals("<b>Li</b>", body(created).get("youthName"));

        Map<String, Object> changed = json();
        changed.put("post", "质检员");
        assertEquals("质检员", body(web.handle(FakeRequest.api("PUT", "/outcomes/" + id, A_STAFF).body(changed)))
                .get("post"));
        Map<String, Object> page = body(web.handle(FakeRequest.api("GET", "/outcomes", A_STAFF).param("year", "2013")));
        assertEquals(1L, page.get("total"));
        assertEquals(1, ((List<?>) page.get("items")).size());
        assertEquals(0L, body(web.handle(FakeRequest.api("GET", "/outcomes", B_STAFF))).get("total"));

        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/outcomes/" + id, B_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("PUT", "/outcomes/" + id, B_STAFF)
                .body(json())));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("DELETE", "/outcomes/" + id, B_STAFF)));

        Map<String, Object> bad = json();
        bad.put("employedOn", 20130301);
        bad.put("channel", List.of("FAIR"));
        ValidationException e = assertThrows(ValidationException.class,
                () -> web.handle(FakeRequest.api("POST", "/outcomes", A_STAFF).body(bad)));
        assertEquals(Map.of("employedOn", OutcomeService.DATE_INVALID, "channel", OutcomeService.CHANNEL_INVALID),
                e.fieldErrors());
        assertEquals(1, rows("EMP_OUTCOME"));

        assertEquals(Map.of("deleted", true), web.handle(FakeRequest.api("DELETE", "/outcomes/" + id, A_STAFF)).body());
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/outcomes/" + id, A_STAFF)));
        assertThrows(AccessDeniedException.class, () -> web.handle(FakeRequest.api("POST", "/outcomes", A_VIEWER)
                .body(json())));
        assertEquals(LocalDate.of(2013, 6, 15), project.outcomes().today());
    }
}
