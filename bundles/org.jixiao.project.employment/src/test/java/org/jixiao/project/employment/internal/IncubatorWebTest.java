package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.TemplatesAndMessagesTest.assertCsrfInEveryPostForm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** The incubation base pages, in both languages, and the JSON API under {@code /api/v1/p/employment/incubators}. */
class IncubatorWebTest extends EmploymentTestBase {

    private WebHandler web;
    private long projectA;
    private long projectA2;

    @BeforeEach
    void handler() {
        web = project.web();
        long founder = service.create(A_STAFF, person("name", "创业甲", "type", "ENTREPRENEUR"));
        projectA = projects.create(A_STAFF, new ProjectInput("<b>农场</b>", String.valueOf(founder), "AGRICULTURE",
                "OPERATING", null, null, "2013-01-05"));
        projectA2 = projects.create(A_STAFF, new ProjectInput("网店", String.valueOf(founder), "COMMERCE",
                "STARTUP", null, null, "2013-01-05"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(WebResult r) {
        return (Map<String, Object>) r.body();
    }

    private static Map<String, Object> baseJson() {
        Map<String, Object> m = new HashMap<>();
        m.put("name", "青年创业园");
        m.put("address", "人民路1号");
        m.put("operator", "县团委");
        m.put("openedOn", "2013-01-01");
        m.put("area", 1200.5d);
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void pagesRenderEscapedWithCsrfInEveryPostForm(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        long id = project.incubators().create(A_STAFF, new IncubatorInput.Base("<script>b()</script>", "a & b",
                "<i>op</i>", null, "2013-01-01", "80", null));
        project.incubators().addResident(A_STAFF, id, new IncubatorInput.Resident(String.valueOf(projectA),
                "2013-02-01", null));

        String list = PageRender.render(project, web.handle(FakeRequest.html("GET", "/incubators", CITY_ADMIN)
                .param("q", "b()<")), CITY_ADMIN, locale);
        assertTrue(list.contains("&lt;script&gt;b()&lt;/script&gt;"));
        assertTrue(list.contains("&lt;i&gt;op&lt;/i&gt;"));
        assertFalse(list.contains("<script>"));
        assertTrue(list.contains("80.00"));
        assertTrue(list.contains(PageRender.msg(locale, "incubator.status.open")));
        assertTrue(list.contains("/p/employment/incubators?q=b()%3C&amp;county=&amp;page=1"), list);
        assertTrue(list.contains(java.text.MessageFormat.format(PageRender.msg(locale, "incubator.list.rule"), 30)));
        assertCsrfInEveryPostForm(list);
        String empty = PageRender.render(project, web.handle(FakeRequest.html("GET", "/incubators", B_STAFF)),
                B_STAFF, locale);
        assertTrue(empty.contains(PageRender.msg(locale, "incubator.list.empty")));

        String blank = PageRender.render(project, web.handle(FakeRequest.html("GET", "/incubators/new", A_STAFF)),
                A_STAFF, locale);
        assertTrue(blank.contains("action=\"/p/employment/incubators\""));
        assertFalse(blank.contains("closedOn"), "a new base is not closed");
        assertCsrfInEveryPostForm(blank);

        String edit = PageRender.render(project, web.handle(FakeRequest.html("GET", "/incubators/" + id, A_STAFF)),
                A_STAFF, locale);
        assertTrue(edit.contains("&lt;b&gt;农场&lt;/b&gt;"), "project names are escaped");
        for (String action : List.of("", "/delete", "/residents")) {
            assertTrue(edit.contains("action=\"/p/employment/incubators/" + id + action + "\""), action);
        }
        assertTrue(edit.contains("/move-out\""));
        assertTrue(edit.contains("name=\"closedOn\""));
        assertCsrfInEveryPostForm(edit);

        WebResult bad = web.handle(FakeRequest.html("POST", "/incubators/" + id + "/residents", A_STAFF)
                .param("project", "\"9").param("movedInOn", "2013-02-01"));
        assertEquals(400, bad.status());
        String again = PageRender.render(project, bad, A_STAFF, locale);
        assertTrue(again.contains(PageRender.msg(locale, "incubator.project.unknown")));
        assertTrue(again.contains("value=\"&quot;9\""));
        assertCsrfInEveryPostForm(again);

        long resident = project.incubators().detail(A_STAFF, id).residents().get(0).id();
        WebResult badOut = web.handle(FakeRequest.html("POST", "/incubators/" + id + "/residents/" + resident
                + "/move-out", A_STAFF).param("movedOutOn", "2013-01-15"));
        String againOut = PageRender.render(project, badOut, A_STAFF, locale);
        assertTrue(againOut.contains(PageRender.msg(locale, "incubator.movedOutOn.notAfterMovedIn")));
        assertTrue(againOut.contains("value=\"2013-01-15\""));

        String readOnly = PageRender.render(project, web.handle(FakeRequest.html("GET", "/incubators/" + id,
                A_VIEWER)), A_VIEWER, locale);
        assertTrue(readOnly.contains("<fieldset disabled>"));
        assertFalse(readOnly.contains("method=\"post\" action=\"/p/employment/incubators/" + id + "/"));
    }

    @Test
    void formsCreateMoveInMoveOutAndDelete() {
        Map<String, Object> form = new HashMap<>(baseJson());
        form.put("area", "1200.5");
        assertEquals("/incubators", web.handle(FakeRequest.html("POST", "/incubators", A_STAFF).form(form)).target());
        long id = project.incubators().list(A_STAFF, null, null, 1).items().get(0).id();
        assertEquals("/incubators/" + id, web.handle(FakeRequest.html("POST", "/incubators/" + id + "/residents",
                A_STAFF).param("project", String.valueOf(projectA)).param("movedInOn", "2013-02-01")).target());
        long resident = project.incubators().detail(A_STAFF, id).residents().get(0).id();
        assertEquals("/incubators/" + id, web.handle(FakeRequest.html("POST", "/incubators/" + id + "/residents/"
                + resident + "/move-out", A_STAFF).param("movedOutOn", "2013-06-01")).target());
        assertEquals(0, project.incubators().get(A_STAFF, id).residentsToday());
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("POST", "/incubators/" + id
                + "/residents/" + resident + "/delete", B_STAFF)));
        web.handle(FakeRequest.html("POST", "/incubators/" + id + "/residents/" + resident + "/delete", A_STAFF));
        assertEquals(List.of(), project.incubators().detail(A_STAFF, id).residents());
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("GET", "/incubators/" + id
                + "/residents", A_STAFF)));
        assertEquals("/incubators", web.handle(FakeRequest.html("POST", "/incubators/" + id + "/delete", A_STAFF))
                .target());
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("GET", "/incubators/" + id, A_STAFF)));
        assertThrows(AccessDeniedException.class, () -> web.handle(FakeRequest.html("GET", "/incubators/new",
                A_VIEWER)));
    }

    @Test
    void apiCreatesReadsUpdatesMovesAndDeletes() {
        WebResult created = web.handle(FakeRequest.api("POST", "/incubators", A_STAFF).body(baseJson()));
        assertEquals(201, created.status());
        long id = (Long) body(created).get("id");
        assertEquals("1200.50", body(created).get("area"));
        assertEquals(2L, body(created).get("county"));

        WebResult in = web.handle(FakeRequest.api("POST", "/incubators/" + id + "/residents", A_STAFF)
                .body(Map.of("project", (double) projectA, "movedInOn", "2013-02-01")));
        assertEquals(201, in.status());
        long resident = (Long) body(in).get("id");
        web.handle(FakeRequest.api("POST", "/incubators/" + id + "/residents", A_STAFF)
                .body(Map.of("project", (double) projectA2, "movedInOn", "2013-03-01")));
        Map<String, Object> read = body(web.handle(FakeRequest.api("GET", "/incubators/" + id, A_STAFF)));
        assertEquals(2L, read.get("residentsToday"));
        assertEquals(2, ((List<?>) read.get("residents")).size());

        Map<String, Object> moved = body(web.handle(FakeRequest.api("POST", "/incubators/" + id + "/residents/"
                + resident + "/move-out", A_STAFF).body(Map.of("movedOutOn", "2013-06-01"))));
        assertEquals(1L, moved.get("residentsToday"));

        Map<String, Object> changed = baseJson();
        changed.put("operator", "县人社局");
        assertEquals("县人社局", body(web.handle(FakeRequest.api("PUT", "/incubators/" + id, A_STAFF).body(changed)))
                .get("operator"));
        changed.put("closedOn", "2013-06-10");
        ValidationException e = assertThrows(ValidationException.class,
                () -> web.handle(FakeRequest.api("PUT", "/incubators/" + id, A_STAFF).body(changed)));
        assertEquals(Map.of("closedOn", IncubatorService.CLOSED_WITH_RESIDENTS), e.fieldErrors());
        assertEquals(1L, body(web.handle(FakeRequest.api("GET", "/incubators", CITY_ADMIN))).get("total"));
        assertEquals(0L, body(web.handle(FakeRequest.api("GET", "/incubators", B_STAFF))).get("total"));

        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/incubators/" + id, B_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("DELETE", "/incubators/" + id
                + "/residents/" + resident, B_STAFF)));
        assertEquals(Map.of("deleted", true), web.handle(FakeRequest.api("DELETE", "/incubators/" + id
                + "/residents/" + resident, A_STAFF)).body());
        assertEquals(Map.of("deleted", true), web.handle(FakeRequest.api("DELETE", "/incubators/" + id, A_STAFF))
                .body());
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/incubators/" + id, A_STAFF)));
        assertThrows(AccessDeniedException.class, () -> web.handle(FakeRequest.api("POST", "/incubators", A_VIEWER)
                .body(baseJson())));
    }
}
