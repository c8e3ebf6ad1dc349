package org.jixiao.register.internal.web;

import static org.jixiao.register.internal.web.Demo.A_STAFF;
import static org.jixiao.register.internal.web.Demo.CITY_ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.register.RecordQuery;
import org.jixiao.api.web.Upload;
import org.jixiao.api.web.WebHandler;
import org.jixiao.api.web.WebResult;
import org.jixiao.register.internal.Lookups;
import org.junit.jupiter.api.Test;

/** The JSON of a register: the shape of the hand-written registers' JSON, and what each call asks of the service. */
class RegisterApiTest {

    private final Demo project = new Demo();
    private final MemoryRegisters service = new MemoryRegisters(project);
    private final WebHandler web = new RegisterWeb(project, service, service, null);

    private long applicant() {
        long school = service.put("schools", 4, null, null, Map.of("name", "一中"));
        Map<String, Object> values = new HashMap<>();
        values.put("name", "Li");
        values.put("gender", "F");
        values.put("phone", "13812345678");
        values.put("address", "secret street");
        values.put("school", school);
        values.put("officer", MemoryRegisters.OFFICER);
        values.put("appliedOn", LocalDate.of(2030, 5, 6));
        values.put("amount", new BigDecimal("12.5"));
        values.put("idNumber", "**************123X");
        values.put("attachment", MemoryRegisters.OLD_FILE);
        long id = service.put("applicants", 4, null, "SUBMITTED", values);
        service.clear.put(id, new HashMap<>(Map.of("idNumber", "11010119900307123X")));
        return id;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(WebResult result) {
        assertEquals(WebResult.Kind.JSON, result.kind());
        return (Map<String, Object>) result.body();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aListIsAPageOfRecordsWithoutPrivateFieldsAndWithMaskedPhones() {
        long id = applicant();
        Map<String, Object> page = json(web.handle(Req.api("GET", "/applicants", A_STAFF).param("gender", "F")
                .param("size", "300").param("page", "1")));
        assertEquals(List.of("items", "page", "size", "total"), List.copyOf(page.keySet()));
        assertEquals(300, page.get("size"), "the API may ask for more than the page's sizes");
        assertEquals(1L, page.get("total"));
        assertEquals(Map.of("gender", "F"), service.last("list").query().filters());
        Map<String, Object> item = ((List<Map<String, Object>>) page.get("items")).get(0);
        assertEquals(id, item.get("id"));
        assertEquals(4L, item.get("unit"));
        assertEquals(Demo.COUNTY_A.name(), item.get("unitName"));
        assertEquals("SUBMITTED", item.get("state"));
        assertEquals("138****5678", item.get("phone"));
        assertFalse(item.containsKey("address"), "private fields stay out of lists");
        assertEquals("一中", item.get("schoolName"));
        assertEquals(Demo.EVIL, item.get("officerName"));
        assertEquals("2030-05-06", item.get("appliedOn"));
        assertEquals(new BigDecimal("12.5"), item.get("amount"));
        assertEquals("2031-03-01T02:00:00Z", item.get("createdAt"));

        Map<String, Object> one = json(web.handle(Req.api("GET", "/applicants/" + id, A_STAFF)));
        assertEquals("13812345678", one.get("phone"));
        assertEquals("secret street", one.get("address"));
        assertEquals("**************123X", one.get("idNumber"), "the mask unless revealed");
        assertEquals(1, one.get("version"));
    }

    @Test
    void aCreationTakesJsonValuesAsAFormWouldSendThem() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", " 王五 ");
        body.put("gender", "M");
        body.put("age", 18.0);
        body.put("amount", 12.5);
        body.put("employed", true);
        body.put("needs", List.of("JOB"));
        body.put("unit", 4.0);
        body.put("reviewedOn", "2030-01-01");
        body.put("bogus", "ignored");
        WebResult created = web.handle(Req.api("POST", "/applicants", A_STAFF).body(body));
        assertEquals(201, created.status());
        Map<String, ?> input = service.last("create").input();
        assertEquals(Map.of("name", "王五", "gender", "M", "age", "18", "amount", "12.5", "employed", "true",
                "needs", List.of("JOB"), "unit", "4"), input, "numbers in plain notation; unknown fields dropped");
        assertEquals("王五", json(created).get("name"));

        ValidationException refused = assertThrows(ValidationException.class,
                () -> web.handle(Req.api("POST", "/applicants", A_STAFF).body(Map.of("name", "x"))));
        assertEquals("test.required", refused.fieldErrors().get("gender"), "the web layer translates these");
        assertThrows(ValidationException.class, () -> web.handle(Req.api("POST", "/applicants", A_STAFF)
                .body(List.of("not", "an", "object"))));
    }

    /** Issue 12, item 13: {"name":[1,2]} was stored as "1,2", true and 1e30 as text. */
    @Test
    void aValueOfTheWrongKindIsRefusedNamingTheFieldAndNothingIsAsked() {
        int before = service.calls.size();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", List.of(1, 2));
        body.put("gender", true);
        body.put("age", Map.of("x", 1));
        body.put("needs", Map.of("x", 1));
        body.put("amount", List.of(1));
        ValidationException e = assertThrows(ValidationException.class,
                () -> web.handle(Req.api("POST", "/applicants", A_STAFF).body(body)));
        assertEquals(Map.of("name", Api.WRONG_TYPE, "gender", Api.WRONG_TYPE, "age", Api.WRONG_TYPE,
                "needs", Api.WRONG_TYPE, "amount", Api.WRONG_TYPE), e.fieldErrors());
        assertEquals(before, service.calls.size(), "refused before the service is asked");
    }

    @Test
    void aMultipartCreationTakesFieldsAndFiles() {
        Upload file = new Upload("a.pdf", "application/pdf", "%PDF".getBytes(StandardCharsets.UTF_8));
        web.handle(Req.api("POST", "/applicants", A_STAFF).param("name", "Li").param("gender", "F")
                .param("unit", "4").upload("attachment", file));
        Map<String, ?> input = service.last("create").input();
        assertEquals(file, input.get("attachment"));
        assertEquals("4", input.get("unit"));
    }

    @Test
    void aFileReadsAsItsNameAndLinkDownloadsAndIsKeptWhenSentBackAsRead() {
        long id = applicant();
        Map<String, Object> one = json(web.handle(Req.api("GET", "/applicants/" + id, A_STAFF)));
        @SuppressWarnings("unchecked")
        Map<String, Object> file = (Map<String, Object>) one.get("attachment");
        assertEquals("旧证明.pdf", file.get("fileName"));
        assertEquals("/api/v1/p/" + project.id() + "/applicants/" + id + "/files/attachment", file.get("href"));

        WebResult download = web.handle(Req.api("GET", "/applicants/" + id + "/files/attachment", A_STAFF));
        assertEquals(WebResult.Kind.FILE, download.kind());
        assertEquals("旧证明.pdf", download.target());
        assertEquals("application/pdf", download.model().get("contentType"));
        // The page path serves the same download.
        assertEquals(WebResult.Kind.FILE,
                web.handle(Req.html("GET", "/applicants/" + id + "/files/attachment", A_STAFF)).kind());

        // What a client read, sent back whole or by id, keeps the file; anything else is passed on to be refused.
        for (Object sent : new Object[] {file, 1.0, "1"}) {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "Li", "gender", "F"));
            body.put("attachment", sent);
            web.handle(Req.api("PUT", "/applicants/" + id, A_STAFF).body(body));
            assertEquals(MemoryRegisters.OLD_FILE, service.last("update").input().get("attachment"), sent.toString());
        }
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "Li", "gender", "F", "attachment", "99"));
        ValidationException e = assertThrows(ValidationException.class,
                () -> web.handle(Req.api("PUT", "/applicants/" + id, A_STAFF).body(body)));
        assertEquals(Map.of("attachment", "register.error.file"), e.fieldErrors());
        assertEquals("99", service.last("update").input().get("attachment"), "passed on as sent, to be refused");
    }

    @Test
    void aReplacementChecksTheVersionAndKeepsWhatJsonCannotCarry() {
        long id = applicant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Li");
        body.put("gender", "F");
        body.put("idNumber", "**************123X");
        body.put("version", 1.0);
        Map<String, Object> after = json(web.handle(Req.api("PUT", "/applicants/" + id, A_STAFF).body(body)));
        MemoryRegisters.Call update = service.last("update");
        assertEquals(1, update.version());
        assertEquals("11010119900307123X", update.input().get("idNumber"), "the mask sent back keeps the number");
        assertEquals(MemoryRegisters.OLD_FILE, update.input().get("attachment"), "absent: a file stays");
        assertFalse(update.input().containsKey("phone"), "absent: cleared");
        assertEquals(2, after.get("version"));

        body.put("attachment", null);
        body.put("version", 2);
        web.handle(Req.api("PUT", "/applicants/" + id, A_STAFF).body(body));
        assertFalse(service.last("update").input().containsKey("attachment"), "an explicit null removes the file");

        body.remove("version");
        web.handle(Req.api("PUT", "/applicants/" + id, A_STAFF).body(body));
        assertEquals(-1, service.last("update").version(), "no version: no check");
    }

    @Test
    void deletionTakesItsReasonFromTheBodyOrTheQuery() {
        long id = applicant();
        assertEquals(Map.of("deleted", true), json(web.handle(Req.api("DELETE", "/applicants/" + id, A_STAFF)
                .body(Map.of("reason", "重复")))));
        assertEquals("重复", service.last("delete").extra());
        long other = applicant();
        web.handle(Req.api("DELETE", "/applicants/" + other, A_STAFF).param("reason", "错"));
        assertEquals("错", service.last("delete").extra());
        assertThrows(NotFoundException.class, () -> web.handle(Req.api("DELETE", "/applicants/" + id, A_STAFF)
                .param("reason", "again")));
    }

    @Test
    void aStepTakesItsFieldsAndReasonAndAnswersTheRecord() {
        long id = applicant();
        Map<String, Object> after = json(web.handle(Req.api("POST", "/applicants/" + id + "/transitions/reject",
                CITY_ADMIN).body(Map.of("reason", "材料不全", "name", "not a step field"))));
        assertEquals("REJECTED", after.get("state"));
        MemoryRegisters.Call step = service.last("transition");
        assertEquals("reject:材料不全", step.extra());
        assertEquals(Map.of(), step.input());
        assertThrows(NotFoundException.class, () -> web.handle(Req.api("POST", "/applicants/" + id
                + "/transitions/nope", CITY_ADMIN)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void pickersHistoryAndRevealHaveTheirOwnCalls() {
        long id = applicant();
        service.put("applicants", 4, null, "DRAFT", Map.of("name", "Wang", "gender", "M"));
        List<Map<String, Object>> found = (List<Map<String, Object>>) web.handle(Req.api("GET",
                "/applicants/lookup", A_STAFF).param("q", "Li")).body();
        assertEquals(List.of(Map.of("id", id, "label", "Li")), found);
        assertEquals(20, service.last("search").version(), "a picker's default limit");
        web.handle(Req.api("GET", "/applicants/lookup", A_STAFF).param("limit", "5000"));
        assertEquals(Form.PICKER, service.last("search").version());
        assertEquals("", service.last("search").extra(), "no query: every record");

        service.history.add(new Lookups.Entry(MemoryRegisters.AT, 2, "staff", "CREATE", null, "DRAFT", null,
                List.of("name")));
        List<Map<String, Object>> history = (List<Map<String, Object>>) web.handle(Req.api("GET",
                "/applicants/" + id + "/history", A_STAFF)).body();
        assertEquals("CREATE", history.get(0).get("action"));
        assertEquals("2031-03-01T02:00:00Z", history.get(0).get("at"));
        assertNull(history.get(0).get("from"));

        assertEquals(Map.of("field", "idNumber", "value", "11010119900307123X"), json(web.handle(Req.api("GET",
                "/applicants/" + id + "/reveal/idNumber", A_STAFF))));
    }

    @Test
    void aChildsListFollowsItsParent() {
        long parent = applicant();
        service.put("visits", 4, parent, null, Map.of("summary", "x"));
        Map<String, Object> page = json(web.handle(Req.api("GET", "/visits", A_STAFF).param("parent",
                String.valueOf(parent))));
        assertEquals(1L, page.get("total"));
        RecordQuery q = service.last("list").query();
        assertEquals(parent, q.parent());
        web.handle(Req.api("POST", "/visits", A_STAFF).body(Map.of("summary", "y", "parent", (double) parent,
                "unit", 5)));
        assertEquals(Map.of("summary", "y", "parent", String.valueOf(parent)), service.last("create").input());
    }
}
