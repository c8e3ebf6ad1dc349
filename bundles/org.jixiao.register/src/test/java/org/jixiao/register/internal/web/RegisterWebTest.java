package org.jixiao.register.internal.web;

import static org.jixiao.register.internal.web.Demo.A_STAFF;
import static org.jixiao.register.internal.web.Demo.A_VIEWER;
import static org.jixiao.register.internal.web.Demo.CITY_ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.register.RecordQuery;
import org.jixiao.api.web.Upload;
import org.jixiao.api.web.WebHandler;
import org.jixiao.api.web.WebResult;
import org.junit.jupiter.api.Test;

/** Which service method each path and method of the pages calls, with what input, and where the page goes next. */
class RegisterWebTest {

    private final Demo project = new Demo();
    private final MemoryRegisters service = new MemoryRegisters(project);
    private final WebResult customAnswer = WebResult.json(Map.of("custom", true));
    private final WebHandler withCustom = new RegisterWeb(project, service, service, r -> customAnswer);
    private final WebHandler web = new RegisterWeb(project, service, service, null);

    private long applicant(String state) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", "Li");
        values.put("gender", "F");
        values.put("idNumber", "**************1234");
        values.put("attachment", MemoryRegisters.OLD_FILE);
        values.put("reviewedOn", LocalDate.of(2030, 1, 2));
        long id = service.put("applicants", 4, null, state, values);
        service.clear.put(id, new HashMap<>(Map.of("idNumber", "11010119900307123X")));
        return id;
    }

    @Test
    void theRootGoesToTheProjectsHandlerOrElseToTheFirstRegistersList() {
        assertSame(customAnswer, withCustom.handle(Req.html("GET", "/", A_STAFF)));
        WebResult root = web.handle(Req.html("GET", "/", A_STAFF));
        assertEquals(WebResult.Kind.REDIRECT, root.kind());
        assertEquals("/applicants", root.target());
    }

    @Test
    void pathsTheEngineDoesNotKnowGoToTheProjectsHandlerOrAreNotFound() {
        assertSame(customAnswer, withCustom.handle(Req.html("GET", "/stats", A_STAFF)));
        assertSame(customAnswer, withCustom.handle(Req.html("GET", "/applicants/stats", A_STAFF)));
        assertSame(customAnswer, withCustom.handle(Req.html("POST", "/applicants", A_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(Req.html("GET", "/stats", A_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(Req.html("GET", "/applicants/1/nothing", A_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(Req.api("GET", "/", A_STAFF)));
        assertTrue(service.calls.isEmpty(), "nothing asked of the service: " + service.calls);
    }

    @Test
    void theListAsksForWhatItsParametersSay() {
        WebResult page = web.handle(Req.html("GET", "/applicants", CITY_ADMIN).param("q", " Li ")
                .param("gender", "F").param("appliedOn.from", "2030-01-01").param("appliedOn.to", "bogus")
                .param("state", "SUBMITTED").param("unit", "4").param("sort", "amount").param("dir", "desc")
                .param("page", "3").param("size", "50").param("address", "ignored: not a filter"));
        assertEquals("register/list", page.target());
        RecordQuery q = service.last("list").query();
        assertEquals("Li", q.search());
        assertEquals(Map.of("gender", "F", "appliedOn", "2030-01-01..", "state", "SUBMITTED", "unit", "4"),
                q.filters());
        assertEquals("amount", q.sort());
        assertTrue(q.descending());
        assertEquals(3, q.page());
        assertEquals(50, q.size());
        assertNull(q.parent(), "not a child register");

        web.handle(Req.html("GET", "/applicants", CITY_ADMIN).param("sort", "address").param("state", "NOPE"));
        RecordQuery dropped = service.last("list").query();
        assertNull(dropped.sort(), "not a sortable field");
        assertEquals(Map.of(), dropped.filters());
        assertEquals(RecordQuery.DEFAULT_SIZE, dropped.size());

        web.handle(Req.html("GET", "/visits", CITY_ADMIN).param("parent", "42"));
        assertEquals(42L, service.last("list").query().parent());
    }

    @Test
    void aNewRecordIsCreatedFromTheFormAndTheListSaysSo() {
        Upload file = new Upload("证明.pdf", "application/pdf", "%PDF".getBytes(StandardCharsets.UTF_8));
        WebResult done = web.handle(Req.html("POST", "/applicants/new", A_STAFF).param("name", "  王五 ")
                .param("gender", "M").param("needs", "JOB").param("needs", "LOAN").param("employed", "true")
                .param("amount", "12.5").param("appliedOn", "2030-05-06").param("unit", "4").param("age", "")
                .param("reviewedOn", "2030-01-01").upload("attachment", file));
        assertEquals(WebResult.Kind.REDIRECT, done.kind());
        assertEquals("/applicants?saved=saved", done.target());
        Map<String, ?> input = service.last("create").input();
        assertEquals("王五", input.get("name"), "trimmed");
        assertEquals(List.of("JOB", "LOAN"), input.get("needs"));
        assertEquals("true", input.get("employed"));
        assertEquals("12.5", input.get("amount"));
        assertEquals("4", input.get("unit"));
        assertSame(file, input.get("attachment"));
        assertFalse(input.containsKey("age"), "a blank field is left out");
        assertFalse(input.containsKey("reviewedOn"), "read-only fields are never taken from a form");
        assertFalse(input.containsKey("parent"));
    }

    @Test
    void aRefusedFormComesBackWithItsErrorsAndInputAt400() throws Exception {
        WebResult again = web.handle(Req.html("POST", "/applicants/new", A_STAFF).param("name", "<b>x</b>")
                .param("needs", "TRAINING"));
        assertEquals(400, again.status());
        assertEquals("register/form", again.target());
        assertEquals(Map.of("gender", "test.required", "unit", "test.required"), again.model().get("errors"));
        assertTrue(service.records.isEmpty());
        String html = Render.page(again, A_STAFF, java.util.Locale.SIMPLIFIED_CHINESE);
        assertTrue(html.contains("value=\"&lt;b&gt;x&lt;/b&gt;\""), "what was typed, escaped");
        assertTrue(html.contains("value=\"TRAINING\" checked"));
        assertTrue(html.contains("id=\"gender-error\""), "the error beside the field");
        assertTrue(html.contains("id=\"unit-error\""));
    }

    @Test
    void aPickerSearchShowsTheFormAgainAndSavesNothing() throws Exception {
        service.put("schools", 4, null, null, Map.of("name", "第一中学"));
        service.put("schools", 4, null, null, Map.of("name", "实验小学"));
        WebResult again = web.handle(Req.html("POST", "/applicants/new", A_STAFF).param("name", "Li")
                .param("school.find", "中学").param("_find", "school"));
        assertEquals(200, again.status());
        assertEquals("register/form", again.target());
        assertTrue(service.calls.stream().noneMatch(c -> c.method().equals("create")));
        assertEquals("中学", service.last("search").extra());
        String html = Render.page(again, A_STAFF, java.util.Locale.SIMPLIFIED_CHINESE);
        assertTrue(html.contains("第一中学") && !html.contains("实验小学"), "the options narrowed");
        assertTrue(html.contains("name=\"name\" type=\"text\" value=\"Li\""), "the input kept");
    }

    @Test
    void aChildIsCreatedUnderItsParentAndTheParentsPageSaysSo() {
        long parent = applicant("DRAFT");
        WebResult done = web.handle(Req.html("POST", "/visits/new", A_STAFF).param("summary", "上门")
                .param("parent", String.valueOf(parent)).param("unit", "5"));
        assertEquals("/applicants/" + parent + "?saved=saved", done.target());
        Map<String, ?> input = service.last("create").input();
        assertEquals(String.valueOf(parent), input.get("parent"));
        assertFalse(input.containsKey("unit"), "a child's unit is its parent's");
    }

    @Test
    void anEditSendsTheVersionKeepsTheFileAndTheIdNumberAndGoesToTheList() {
        long id = applicant("DRAFT");
        WebResult form = web.handle(Req.html("GET", "/applicants/" + id + "/edit", A_STAFF));
        assertEquals("register/form", form.target());
        assertEquals("1", form.model().get("version"));
        assertEquals("idNumber", service.last("reveal").extra(), "the form shows it in clear");
        assertTrue(form.model().get("inputs").toString().contains("11010119900307123X"));

        WebResult done = web.handle(Req.html("POST", "/applicants/" + id + "/edit", A_STAFF).param("name", "Li")
                .param("gender", "F").param("idNumber", "**************1234").param("version", "1")
                .param("unit", "4"));
        assertEquals("/applicants?saved=saved", done.target());
        MemoryRegisters.Call update = service.last("update");
        assertEquals(id, update.id());
        assertEquals(1, update.version());
        assertEquals(MemoryRegisters.OLD_FILE, update.input().get("attachment"), "no new file: the old one stays");
        assertEquals("11010119900307123X", update.input().get("idNumber"), "the mask sent back keeps the number");

        web.handle(Req.html("POST", "/applicants/" + id + "/edit", A_STAFF).param("name", "Li")
                .param("gender", "F").param("attachment.remove", "1").param("version", "2").param("unit", "4"));
        assertFalse(service.last("update").input().containsKey("attachment"), "removal ticked");
    }

    @Test
    void aStaleEditComesBackWithTheConflict() throws Exception {
        long id = applicant("DRAFT");
        WebResult again = web.handle(Req.html("POST", "/applicants/" + id + "/edit", A_STAFF).param("name", "Li")
                .param("gender", "F").param("version", "0").param("unit", "4"));
        assertEquals(400, again.status());
        assertEquals(List.of("test.version.conflict"), again.model().get("topErrors"));
        assertEquals("0", again.model().get("version"), "still the version the editor saw");
        assertTrue(Render.page(again, A_STAFF, java.util.Locale.ENGLISH).contains("Changed by someone else"));
    }

    @Test
    void deletionNeedsAReasonAndGoesBackToTheListOrTheParent() throws Exception {
        long id = applicant("DRAFT");
        WebResult again = web.handle(Req.html("POST", "/applicants/" + id + "/delete", A_STAFF));
        assertEquals(400, again.status());
        assertEquals("register/record", again.target());
        assertEquals("delete", again.model().get("failed"));
        assertTrue(Render.page(again, A_STAFF, java.util.Locale.SIMPLIFIED_CHINESE).contains("请填写理由"));

        WebResult done = web.handle(Req.html("POST", "/applicants/" + id + "/delete", A_STAFF)
                .param("reason", "重复录入"));
        assertEquals("/applicants?saved=deleted", done.target());
        assertEquals("重复录入", service.last("delete").extra());

        long parent = applicant("DRAFT");
        long visit = service.put("visits", 4, parent, null, Map.of("summary", "x"));
        assertEquals("/applicants/" + parent + "?saved=deleted", web.handle(Req.html("POST", "/visits/" + visit
                + "/delete", A_STAFF).param("reason", "错")).target());
    }

    @Test
    void aStepIsTakenWithItsFieldsAndReason() {
        long id = applicant("SUBMITTED");
        long school = service.put("schools", 4, null, null, Map.of("name", "一中"));
        WebResult done = web.handle(Req.html("POST", "/applicants/" + id + "/step/approve", CITY_ADMIN)
                .param("reviewedOn", "2031-01-02").param("school", String.valueOf(school)).param("name", "not sent"));
        assertEquals("/applicants/" + id + "?saved=step", done.target());
        MemoryRegisters.Call step = service.last("transition");
        assertEquals("approve", step.extra());
        assertEquals(Map.of("reviewedOn", "2031-01-02", "school", String.valueOf(school)), step.input(),
                "the step's fields only, read-only ones included");

        long other = applicant("SUBMITTED");
        WebResult again = web.handle(Req.html("POST", "/applicants/" + other + "/step/reject", CITY_ADMIN));
        assertEquals(400, again.status());
        assertEquals("reject", again.model().get("failed"));
        web.handle(Req.html("POST", "/applicants/" + other + "/step/reject", CITY_ADMIN).param("reason", "材料不全"));
        assertEquals("reject:材料不全", service.last("transition").extra());

        assertThrows(NotFoundException.class, () -> web.handle(Req.html("POST", "/applicants/" + id + "/step/fly",
                CITY_ADMIN)));
    }

    @Test
    void readersGetNoFormsAndLockedRecordsNoEdits() {
        long id = applicant("DRAFT");
        assertThrows(AccessDeniedException.class, () -> web.handle(Req.html("GET", "/applicants/new", A_VIEWER)));
        assertThrows(AccessDeniedException.class, () -> web.handle(Req.html("GET", "/applicants/" + id + "/edit",
                A_VIEWER)));
        long approved = applicant("APPROVED");
        assertThrows(AccessDeniedException.class, () -> web.handle(Req.html("GET", "/applicants/" + approved
                + "/edit", A_STAFF)));
        WebResult page = web.handle(Req.html("GET", "/applicants/" + approved, A_STAFF));
        assertEquals("", page.model().get("editHref"));
        assertEquals("", page.model().get("deleteAction"));
        assertThrows(NotFoundException.class, () -> web.handle(Req.html("GET", "/applicants/99999", A_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(Req.html("GET", "/schools/" + id, A_STAFF)),
                "a record of another register is not found");
    }

    @Test
    void anIdNumberIsShownInClearOnlyWhenAsked() {
        long id = applicant("DRAFT");
        WebResult page = web.handle(Req.html("POST", "/applicants/" + id + "/reveal", A_STAFF)
                .param("field", "idNumber"));
        assertEquals("register/record", page.target());
        assertEquals("idNumber", service.last("reveal").extra());
        assertTrue(page.model().get("facts").toString().contains("11010119900307123X"));
        assertThrows(NotFoundException.class, () -> web.handle(Req.html("POST", "/applicants/" + id + "/reveal",
                A_STAFF).param("field", "name")), "only ID numbers are revealed");
    }

    @Test
    void moneyIsShownInItsUnitAndBlankNumbersAsNothing() {
        long id = service.put("applicants", 4, null, "DRAFT", Map.of("name", "Li", "gender", "M", "amount",
                new BigDecimal("12.50")));
        String facts = web.handle(Req.html("GET", "/applicants/" + id, A_STAFF)).model().get("facts").toString();
        assertTrue(facts.contains("12.50 万元"), facts);
    }
}
