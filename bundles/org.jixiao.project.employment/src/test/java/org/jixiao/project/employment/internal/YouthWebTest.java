package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YouthWebTest extends EmploymentTestBase {

    private WebHandler web;

    @BeforeEach
    void handler() {
        web = project.web();
    }

    private long created() {
        return service.list(CITY_ADMIN, YouthFilter.NONE, 1).items().get(0).id();
    }

    // ---------------------------------------------------------------- HTML

    @Test
    void rootRedirectsToTheList() {
        WebResult r = web.handle(FakeRequest.html("GET", "/", A_STAFF));
        assertEquals(WebResult.Kind.REDIRECT, r.kind());
        assertEquals(303, r.status());
        assertEquals("/youth", r.target());
    }

    @Test
    void listPageCarriesRowsStatsAndFilters() {
        service.create(A_STAFF, person());
        WebResult r = web.handle(FakeRequest.html("GET", "/youth", A_STAFF).param("q", "李").param("type", "bogus")
                .param("page", "x"));
        assertEquals(WebResult.Kind.PAGE, r.kind());
        assertEquals(200, r.status());
        assertEquals("youth-list", r.target());
        Map<String, Object> model = r.model();
        Page<?> page = (Page<?>) model.get("page");
        assertEquals(1, page.total());
        assertEquals(1, page.page());
        @SuppressWarnings("unchecked")
        Map<String, Object> row = (Map<String, Object>) page.items().get(0);
        assertEquals("李雷", row.get("name"));
        assertTrue(String.valueOf(row.get("idMasked")).contains("********"));
        assertEquals("李", model.get("q"));
        assertEquals("", model.get("type"), "an unknown filter value is no filter");
        assertEquals(Map.of(), model.get("errors"));
        assertEquals(true, model.get("canWrite"));
        assertTrue(model.get("stats") instanceof Map);
        assertEquals(0, cipher.decrypts.get());
    }

    @Test
    void newFormDefaultsCountyAndDateAndIsForWritersOnly() {
        WebResult r = web.handle(FakeRequest.html("GET", "/youth/new", A_STAFF));
        assertEquals("youth-form", r.target());
        @SuppressWarnings("unchecked")
        Map<String, Object> form = (Map<String, Object>) r.model().get("form");
        assertEquals("2", form.get("county"));
        assertEquals(TODAY.toString(), form.get("registeredOn"));
        assertFalse(r.model().containsKey("youthId"));
        assertThrows(AccessDeniedException.class, () -> web.handle(FakeRequest.html("GET", "/youth/new", A_VIEWER)));
    }

    @Test
    void postCreatesAndRedirects() {
        WebResult r = web.handle(FakeRequest.html("POST", "/youth", A_STAFF).form(validForm()));
        assertEquals(WebResult.Kind.REDIRECT, r.kind());
        assertEquals("/youth", r.target());
        Youth y = service.get(A_STAFF, created());
        assertEquals("李雷", y.name());
        assertEquals(2, y.needCategories().size());
    }

    @Test
    void badInputShowsTheFormAgainWith400AndTheTypedValues() {
        Map<String, Object> form = new HashMap<>(validForm());
        form.put("birthDate", "20/03/1989");
        form.put("phone", "12345");
        WebResult r = web.handle(FakeRequest.html("POST", "/youth", A_STAFF).form(form));
        assertEquals(WebResult.Kind.PAGE, r.kind());
        assertEquals(400, r.status());
        assertEquals("youth-form", r.target());
        assertEquals(Map.of("birthDate", "youth.birthDate.invalid", "phone", "youth.phone.invalid"), r.model().get("errors"));
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = (Map<String, Object>) r.model().get("form");
        assertEquals("20/03/1989", shown.get("birthDate"));
        assertEquals("李雷", shown.get("name"));
        assertEquals(List.of("TRAINING", "INTERNSHIP"), shown.get("needCategories"));
        assertEquals(0, rows());
    }

    @Test
    void editFormShowsTheDecryptedNumberAndAuditsTheRead() {
        service.create(A_STAFF, person());
        long id = created();
        WebResult r = web.handle(FakeRequest.html("GET", "/youth/" + id, A_STAFF));
        assertEquals("youth-form", r.target());
        assertEquals(String.valueOf(id), r.model().get("youthId"));
        @SuppressWarnings("unchecked")
        Map<String, Object> form = (Map<String, Object>) r.model().get("form");
        assertEquals(validForm().get("idNumber"), form.get("idNumber"));
        assertEquals(List.of(new ListAudit.Entry("a-staff", TestCipher.READ_ACTION, "youth:" + id, null)),
                audit.withAction(TestCipher.READ_ACTION));
    }

    @Test
    void postToARecordUpdatesOrShowsErrors() {
        service.create(A_STAFF, person());
        long id = created();
        Map<String, Object> form = new HashMap<>(validForm());
        form.put("name", "李雷雷");
        form.put("type", "ENTREPRENEUR");
        WebResult ok = web.handle(FakeRequest.html("POST", "/youth/" + id, A_STAFF).form(form));
        assertEquals("/youth", ok.target());
        assertEquals("李雷雷", service.get(A_STAFF, id).name());
        assertEquals(YouthType.ENTREPRENEUR, service.get(A_STAFF, id).type());

        form.put("name", "");
        WebResult bad = web.handle(FakeRequest.html("POST", "/youth/" + id, A_STAFF).form(form));
        assertEquals(400, bad.status());
        assertEquals(Map.of("name", "youth.name.required"), bad.model().get("errors"));
        assertEquals(String.valueOf(id), bad.model().get("youthId"));
        assertEquals("李雷雷", service.get(A_STAFF, id).name());
    }

    @Test
    void postToDeleteSoftDeletesAndRedirects() {
        service.create(A_STAFF, person());
        long id = created();
        WebResult r = web.handle(FakeRequest.html("POST", "/youth/" + id + "/delete", A_STAFF));
        assertEquals("/youth", r.target());
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("GET", "/youth/" + id, A_STAFF)));
        assertEquals(1, audit.withAction("youth.delete").size());
    }

    @ParameterizedTest
    @CsvSource({"GET,/youth/abc", "GET,/youth/0", "GET,/youth/-1", "GET,/youth/99999999999999999999",
            "GET,/youth/1.5", "POST,/youth/abc", "POST,/youth/abc/delete", "GET,/youth/1/delete", "GET,/nothing",
            "DELETE,/youth", "PUT,/youth/1", "POST,/", "GET,/youth/1/2/3"})
    void unknownPathsAndBadIdsAnswer404(String method, String path) {
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html(method, path, A_STAFF)));
    }

    @Test
    void anotherCountysRecordAnswers404() {
        service.create(B_STAFF, person("county", "3"));
        long id = created();
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("GET", "/youth/" + id, A_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("POST", "/youth/" + id, A_STAFF)
                .form(validForm())));
        assertThrows(NotFoundException.class,
                () -> web.handle(FakeRequest.html("POST", "/youth/" + id + "/delete", A_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/youth/" + id, A_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("DELETE", "/youth/" + id, A_STAFF)));
        assertEquals(0, cipher.decrypts.get());
    }

    @Test
    void aViewerGets403OnWrites() {
        service.create(A_STAFF, person());
        long id = created();
        assertEquals("youth-form", web.handle(FakeRequest.html("GET", "/youth/" + id, A_VIEWER)).target());
        assertThrows(AccessDeniedException.class, () -> web.handle(FakeRequest.html("POST", "/youth", A_VIEWER)
                .form(validForm())));
        assertThrows(AccessDeniedException.class,
                () -> web.handle(FakeRequest.html("POST", "/youth/" + id + "/delete", A_VIEWER)));
        assertThrows(AccessDeniedException.class, () -> web.handle(FakeRequest.api("PUT", "/youth/" + id, A_VIEWER)
                .body(new HashMap<>(validForm()))));
    }

    // ---------------------------------------------------------------- JSON

    @Test
    void apiListsWithMaskedNumbersOnly() {
        service.create(A_STAFF, person());
        service.create(B_STAFF, person("Han Meimei", LocalDate.of(1992, 4, 5), 12, "ENTREPRENEUR",
                TreeOrgUnits.COUNTY_B, "2013-02-10"));
        WebResult r = web.handle(FakeRequest.api("GET", "/youth", CITY_ADMIN).param("type", "ENTREPRENEUR"));
        assertEquals(WebResult.Kind.JSON, r.kind());
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) r.body();
        assertEquals(1, body.get("page"));
        assertEquals(YouthService.PAGE_SIZE, body.get("size"));
        assertEquals(1L, body.get("total"));
        @SuppressWarnings("unchecked")
        Map<String, Object> item = ((List<Map<String, Object>>) body.get("items")).get(0);
        assertEquals("Han Meimei", item.get("name"));
        assertEquals("乙区团委", item.get("countyName"));
        assertFalse(item.containsKey("idNumber"));
        assertTrue(String.valueOf(item.get("idNumberMasked")).contains("*"));
        assertEquals(0, cipher.decrypts.get());
    }

    @Test
    void apiCreatesReadsUpdatesAndDeletes() {
        // What Gson makes of a JSON body: numbers are doubles, lists are lists.
        Map<String, Object> json = new HashMap<>(validForm());
        json.put("county", 2.0d);
        WebResult created = web.handle(FakeRequest.api("POST", "/youth", A_STAFF).body(json));
        assertEquals(201, created.status());
        @SuppressWarnings("unchecked")
        Map<String, Object> record = (Map<String, Object>) created.body();
        long id = (Long) record.get("id");
        assertEquals(2L, record.get("county"));
        assertFalse(record.containsKey("idNumber"));
        assertEquals(List.of("TRAINING", "INTERNSHIP"), record.get("needCategories"));

        WebResult read = web.handle(FakeRequest.api("GET", "/youth/" + id, A_STAFF));
        @SuppressWarnings("unchecked")
        Map<String, Object> full = (Map<String, Object>) read.body();
        assertEquals(validForm().get("idNumber"), full.get("idNumber"));
        assertEquals("1989-03-18", full.get("birthDate"));
        assertEquals(1, audit.withAction(TestCipher.READ_ACTION).size());

        json.put("needCategories", "LOAN, MENTOR");
        json.put("type", "ENTREPRENEUR");
        WebResult updated = web.handle(FakeRequest.api("PUT", "/youth/" + id, A_STAFF).body(json));
        assertEquals(200, updated.status());
        @SuppressWarnings("unchecked")
        Map<String, Object> after = (Map<String, Object>) updated.body();
        assertEquals(List.of("LOAN", "MENTOR"), after.get("needCategories"));
        assertEquals("ENTREPRENEUR", after.get("type"));

        WebResult deleted = web.handle(FakeRequest.api("DELETE", "/youth/" + id, A_STAFF));
        assertEquals(Map.of("deleted", true), deleted.body());
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/youth/" + id, A_STAFF)));
    }

    @Test
    void apiValidationErrorsAreThrownForTheWebLayer() {
        Map<String, Object> json = new HashMap<>(validForm());
        json.put("registeredOn", 20130520);
        json.put("education", List.of("BACHELOR"));
        json.put("needCategories", List.of(List.of("x")));
        ValidationException e = assertThrows(ValidationException.class,
                () -> web.handle(FakeRequest.api("POST", "/youth", A_STAFF).body(json)));
        assertEquals(Map.of("registeredOn", "youth.registeredOn.invalid", "education", "youth.education.invalid",
                "needCategories", "youth.needCategories.invalid"), e.fieldErrors());
        ValidationException empty = assertThrows(ValidationException.class,
                () -> web.handle(FakeRequest.api("POST", "/youth", A_STAFF)));
        assertTrue(empty.fieldErrors().containsKey("name"));
        assertEquals(0, rows());
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/youth/x", A_STAFF)));
    }

    @Test
    void apiStats() {
        service.create(A_STAFF, person());
        @SuppressWarnings("unchecked")
        Map<String, Object> stats = (Map<String, Object>) web.handle(FakeRequest.api("GET", "/stats", A_STAFF)).body();
        assertEquals(1L, stats.get("total"));
        assertEquals(Map.of("JOB_SEEKING", 1L, "ENTREPRENEUR", 0L), stats.get("byType"));
    }
}
