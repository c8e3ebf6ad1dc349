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

/** The YBC pages, in both languages, and the JSON API under {@code /api/v1/p/employment/ybc}. */
class YbcWebTest extends EmploymentTestBase {

    private WebHandler web;
    private long projectA;

    @BeforeEach
    void handler() {
        web = project.web();
        long founder = service.create(A_STAFF, person("name", "创业甲", "type", "ENTREPRENEUR"));
        projectA = projects.create(A_STAFF, new ProjectInput("<b>农场</b>", String.valueOf(founder), "AGRICULTURE",
                "OPERATING", null, null, "2013-01-05"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(WebResult r) {
        return (Map<String, Object>) r.body();
    }

    private static Map<String, Object> stationJson() {
        Map<String, Object> m = new HashMap<>();
        m.put("name", "YBC甲县服务站");
        m.put("setUpOn", "2013-05-20");
        m.put("address", "人民路1号");
        m.put("head", "张站长");
        m.put("contact", "0551-1234567");
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void pagesRenderEscapedWithCsrfInEveryPostForm(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        long station = project.ybc().createStation(A_STAFF, new YbcInput.Station("<script>s()</script>", null,
                "2013-05-20", "a & b", "张", "1"));
        long demo = project.ybc().createProject(A_STAFF, new YbcInput.Project(String.valueOf(projectA), null, "2013",
                "2013-04-01", "<i>5万元</i>"));

        String list = PageRender.render(project, web.handle(FakeRequest.html("GET", "/ybc", CITY_ADMIN)
                .param("q", "农场<").param("year", "2013")), CITY_ADMIN, locale);
        assertTrue(list.contains("&lt;script&gt;s()&lt;/script&gt;"));
        assertTrue(list.contains("a &amp; b"));
        assertFalse(list.contains("<script>"));
        assertTrue(list.contains("&lt;b&gt;农场&lt;/b&gt;"), "the search matches the project name");
        assertTrue(list.contains("/p/employment/ybc?q=%E5%86%9C%E5%9C%BA%3C&amp;year=2013&amp;county=&amp;page=1"),
                list);
        String filtered = PageRender.render(project, web.handle(FakeRequest.html("GET", "/ybc", CITY_ADMIN)
                .param("year", "2012")), CITY_ADMIN, locale);
        assertTrue(filtered.contains(PageRender.msg(locale, "ybc.projects.empty")), "no project of 2012");
        assertCsrfInEveryPostForm(list);
        String all = PageRender.render(project, web.handle(FakeRequest.html("GET", "/ybc", A_VIEWER)), A_VIEWER,
                locale);
        assertTrue(all.contains("&lt;b&gt;农场&lt;/b&gt;"));
        assertTrue(all.contains("&lt;i&gt;5万元&lt;/i&gt;"));
        assertTrue(all.contains("/p/employment/ybc?q=&amp;year=&amp;county=&amp;page=1"), all);
        assertFalse(all.contains("/ybc/stations/new"), "no set-up link for a viewer");
        String none = PageRender.render(project, web.handle(FakeRequest.html("GET", "/ybc", B_STAFF)), B_STAFF, locale);
        assertTrue(none.contains(PageRender.msg(locale, "ybc.stations.empty")));

        for (String path : List.of("/ybc/stations/new", "/ybc/projects/new")) {
            String blank = PageRender.render(project, web.handle(FakeRequest.html("GET", path, A_STAFF)), A_STAFF,
                    locale);
            assertTrue(blank.contains("action=\"/p/employment" + path.replace("/new", "") + "\""), path);
            assertCsrfInEveryPostForm(blank);
        }

        WebResult bad = web.handle(FakeRequest.html("POST", "/ybc/stations", A_STAFF).param("name", "\"二站\"")
                .param("setUpOn", "2013-05-21").param("address", "x").param("head", "y").param("contact", "z"));
        assertEquals(400, bad.status());
        String again = PageRender.render(project, bad, A_STAFF, locale);
        assertTrue(again.contains(PageRender.msg(locale, "ybc.county.hasStation")));
        assertTrue(again.contains("value=\"&quot;二站&quot;\""));
        assertCsrfInEveryPostForm(again);

        WebResult badDemo = web.handle(FakeRequest.html("POST", "/ybc/projects", A_STAFF)
                .param("project", String.valueOf(projectA)).param("year", "2013").param("recognisedOn", "2013-05-01"));
        String againDemo = PageRender.render(project, badDemo, A_STAFF, locale);
        assertTrue(againDemo.contains(PageRender.msg(locale, "ybc.project.already")));

        String edit = PageRender.render(project, web.handle(FakeRequest.html("GET", "/ybc/projects/" + demo, A_STAFF)),
                A_STAFF, locale);
        assertTrue(edit.contains("action=\"/p/employment/ybc/projects/" + demo + "/delete\""));
        assertTrue(edit.contains("(&lt;b&gt;农场&lt;/b&gt;)"));
        assertCsrfInEveryPostForm(edit);
        String stationEdit = PageRender.render(project, web.handle(FakeRequest.html("GET", "/ybc/stations/" + station,
                A_VIEWER)), A_VIEWER, locale);
        assertTrue(stationEdit.contains("<fieldset disabled>"));
        assertFalse(stationEdit.contains("/delete"));
    }

    @Test
    void formsCreateAndDelete() {
        Map<String, Object> form = stationJson();
        assertEquals("/ybc", web.handle(FakeRequest.html("POST", "/ybc/stations", A_STAFF).form(form)).target());
        long id = project.ybc().stations(A_STAFF, null).get(0).id();
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("POST", "/ybc/stations/" + id
                + "/delete", B_STAFF)));
        assertEquals("/ybc", web.handle(FakeRequest.html("POST", "/ybc/stations/" + id + "/delete", A_STAFF)).target());
        assertEquals(List.of(), project.ybc().stations(A_STAFF, null));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("GET", "/ybc/other", A_STAFF)));
        assertThrows(AccessDeniedException.class, () -> web.handle(FakeRequest.html("GET", "/ybc/projects/new",
                A_VIEWER)));
    }

    @Test
    void apiCreatesReadsUpdatesListsAndDeletes() {
        WebResult created = web.handle(FakeRequest.api("POST", "/ybc/stations", A_STAFF).body(stationJson()));
        assertEquals(201, created.status());
        long station = (Long) body(created).get("id");
        assertEquals("2013-05-20", body(created).get("setUpOn"));
        Map<String, Object> changed = stationJson();
        changed.put("head", "李站长");
        assertEquals("李站长", body(web.handle(FakeRequest.api("PUT", "/ybc/stations/" + station, A_STAFF)
                .body(changed))).get("head"));
        assertEquals(1, body(web.handle(FakeRequest.api("GET", "/ybc/stations", CITY_ADMIN))).get("total"));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/ybc/stations/" + station,
                B_STAFF)));

        WebResult demo = web.handle(FakeRequest.api("POST", "/ybc/projects", A_STAFF).body(Map.of("project",
                (double) projectA, "recognisedOn", "2013-04-01")));
        assertEquals(201, demo.status());
        long id = (Long) body(demo).get("id");
        assertEquals(2013, body(demo).get("year"));
        assertEquals("<b>农场</b>", body(demo).get("projectName"));
        assertEquals(1L, body(web.handle(FakeRequest.api("GET", "/ybc/projects", A_STAFF).param("year", "2013")))
                .get("total"));
        assertEquals(0L, body(web.handle(FakeRequest.api("GET", "/ybc/projects", B_STAFF))).get("total"));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("DELETE", "/ybc/projects/" + id,
                B_STAFF)));
        ValidationException e = assertThrows(ValidationException.class, () -> web.handle(FakeRequest.api("PUT",
                "/ybc/projects/" + id, A_STAFF).body(Map.of("project", (double) projectA, "recognisedOn",
                        LocalDate.of(2013, 4, 1).toString(), "year", 2012))));
        assertEquals(Map.of("recognisedOn", YbcService.RECOGNISED_OUTSIDE_YEAR), e.fieldErrors());
        assertEquals(Map.of("deleted", true), web.handle(FakeRequest.api("DELETE", "/ybc/projects/" + id, A_STAFF))
                .body());
        assertEquals(Map.of("deleted", true), web.handle(FakeRequest.api("DELETE", "/ybc/stations/" + station,
                A_STAFF)).body());
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/ybc", A_STAFF)));
        assertThrows(AccessDeniedException.class, () -> web.handle(FakeRequest.api("POST", "/ybc/stations", A_VIEWER)
                .body(stationJson())));
    }
}
