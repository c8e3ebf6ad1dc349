package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.Page;
import org.jixiao.api.ValidationException;
import org.jixiao.api.web.WebHandler;
import org.jixiao.api.web.WebResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The project registry's pages and its JSON API under {@code /api/v1/p/employment/projects}. */
class ProjectWebTest extends EmploymentTestBase {

    private WebHandler web;
    private long founder;

    @BeforeEach
    void handler() {
        web = project.web();
        founder = service.create(A_STAFF, person("type", "ENTREPRENEUR"));
    }

    private Map<String, Object> form() {
        Map<String, Object> m = new HashMap<>();
        m.put("name", "生态茶园");
        m.put("founder", String.valueOf(founder));
        m.put("sector", "AGRICULTURE");
        m.put("stage", "STARTUP");
        m.put("support", "场地补贴");
        m.put("registeredOn", "2013-05-20");
        return m;
    }

    private long created() {
        return projects.list(CITY_ADMIN, ProjectFilter.NONE, 1).items().get(0).id();
    }

    // ---------------------------------------------------------------- HTML

    @Test
    void postCreatesAndListShowsIt() {
        WebResult r = web.handle(FakeRequest.html("POST", "/projects", A_STAFF).form(form()));
        assertEquals(WebResult.Kind.REDIRECT, r.kind());
        assertEquals("/projects", r.target());

        WebResult list = web.handle(FakeRequest.html("GET", "/projects", A_STAFF).param("stage", "startup")
                .param("sector", "bogus").param("page", "x"));
        assertEquals("project-list", list.target());
        assertEquals("STARTUP", list.model().get("stage"));
        assertEquals("", list.model().get("sector"), "an unknown filter value is no filter");
        Page<?> page = (Page<?>) list.model().get("page");
        assertEquals(1, page.total());
        @SuppressWarnings("unchecked")
        Map<String, Object> row = (Map<String, Object>) page.items().get(0);
        assertEquals("生态茶园", row.get("name"));
        assertEquals("李雷", row.get("founderName"));
        assertEquals("甲县团委", row.get("countyName"));
    }

    @Test
    void badPostShowsTheFormAgainAndWritesNothing() {
        Map<String, Object> bad = form();
        bad.put("founder", "abc");
        bad.put("registeredOn", "2099-01-01");
        WebResult r = web.handle(FakeRequest.html("POST", "/projects", A_STAFF).form(bad));
        assertEquals(400, r.status());
        assertEquals("project-form", r.target());
        assertEquals(Map.of("founder", ProjectValidator.FOUNDER_UNKNOWN, "registeredOn",
                ProjectValidator.REGISTERED_FUTURE), r.model().get("errors"));
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = (Map<String, Object>) r.model().get("form");
        assertEquals("abc", shown.get("founder"));
        assertEquals(0, rows("EMP_PROJECT"));
    }

    @Test
    void editUpdateAndDeleteThroughForms() {
        web.handle(FakeRequest.html("POST", "/projects", A_STAFF).form(form()));
        long id = created();
        WebResult edit = web.handle(FakeRequest.html("GET", "/projects/" + id, A_STAFF));
        assertEquals(String.valueOf(id), edit.model().get("projectId"));
        assertEquals("李雷", edit.model().get("founderName"));

        Map<String, Object> changed = form();
        changed.put("stage", "OPERATING");
        assertEquals("/projects", web.handle(FakeRequest.html("POST", "/projects/" + id, A_STAFF).form(changed))
                .target());
        assertEquals(ProjectStage.OPERATING, projects.get(A_STAFF, id).stage());

        changed.put("name", "");
        WebResult bad = web.handle(FakeRequest.html("POST", "/projects/" + id, A_STAFF).form(changed));
        assertEquals(400, bad.status());
        assertEquals(String.valueOf(id), bad.model().get("projectId"));

        assertThrows(NotFoundException.class,
                () -> web.handle(FakeRequest.html("POST", "/projects/" + id + "/delete", B_STAFF)));
        web.handle(FakeRequest.html("POST", "/projects/" + id + "/delete", A_STAFF));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("GET", "/projects/" + id, A_STAFF)));
    }

    @Test
    void viewersAndOtherCounties() {
        assertThrows(AccessDeniedException.class, () -> web.handle(FakeRequest.html("GET", "/projects/new", A_VIEWER)));
        assertThrows(AccessDeniedException.class,
                () -> web.handle(FakeRequest.html("POST", "/projects", A_VIEWER).form(form())));
        web.handle(FakeRequest.html("POST", "/projects", A_STAFF).form(form()));
        long id = created();
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("GET", "/projects/" + id, B_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("GET", "/projects/0", A_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("GET", "/projects/1/x", A_STAFF)));
    }

    // ---------------------------------------------------------------- JSON

    @Test
    void apiCreatesListsReadsUpdatesAndDeletes() {
        Map<String, Object> json = new HashMap<>(form());
        json.put("founder", (double) founder);
        json.put("county", 2.0d);
        WebResult created = web.handle(FakeRequest.api("POST", "/projects", A_STAFF).body(json));
        assertEquals(201, created.status());
        @SuppressWarnings("unchecked")
        Map<String, Object> record = (Map<String, Object>) created.body();
        long id = (Long) record.get("id");
        assertEquals(founder, record.get("founder"));
        assertEquals("李雷", record.get("founderName"));
        assertEquals(2L, record.get("county"));
        assertEquals("2013-05-20", record.get("registeredOn"));

        @SuppressWarnings("unchecked")
        Map<String, Object> list = (Map<String, Object>) web.handle(FakeRequest.api("GET", "/projects", CITY_ADMIN)
                .param("q", "茶")).body();
        assertEquals(1L, list.get("total"));
        assertEquals(ProjectService.PAGE_SIZE, list.get("size"));

        json.put("stage", "expanded");
        @SuppressWarnings("unchecked")
        Map<String, Object> after = (Map<String, Object>) web.handle(FakeRequest.api("PUT", "/projects/" + id,
                A_STAFF).body(json)).body();
        assertEquals("EXPANDED", after.get("stage"));

        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/projects/" + id, B_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("PUT", "/projects/" + id, B_STAFF)
                .body(json)));
        assertThrows(NotFoundException.class,
                () -> web.handle(FakeRequest.api("DELETE", "/projects/" + id, B_STAFF)));
        assertEquals(Map.of("deleted", true), web.handle(FakeRequest.api("DELETE", "/projects/" + id, A_STAFF)).body());
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/projects/" + id, A_STAFF)));
    }

    @Test
    void apiValidationErrorsAreThrownForTheWebLayer() {
        Map<String, Object> json = new HashMap<>(form());
        json.put("founder", -3);
        json.put("sector", List.of("AGRICULTURE"));
        json.put("registeredOn", 20130520);
        ValidationException e = assertThrows(ValidationException.class,
                () -> web.handle(FakeRequest.api("POST", "/projects", A_STAFF).body(json)));
        assertEquals(Map.of("founder", ProjectValidator.FOUNDER_UNKNOWN, "sector", ProjectValidator.SECTOR_INVALID,
                "registeredOn", ProjectValidator.REGISTERED_INVALID), e.fieldErrors());
        ValidationException empty = assertThrows(ValidationException.class,
                () -> web.handle(FakeRequest.api("POST", "/projects", A_STAFF).body(List.of())));
        assertFalse(empty.fieldErrors().isEmpty());
        assertEquals(0, rows("EMP_PROJECT"));
    }
}
