package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.web.WebHandler;
import org.jixiao.api.web.WebResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mentor pages and the JSON API under {@code /api/v1/p/employment/mentors}. */
class MentorWebTest extends EmploymentTestBase {

    private WebHandler web;
    private long youth;

    @BeforeEach
    void handler() {
        web = project.web();
        youth = service.create(A_STAFF, person("type", "ENTREPRENEUR"));
    }

    private static Map<String, Object> mentorJson() {
        Map<String, Object> m = new HashMap<>();
        m.put("name", "王老师");
        m.put("field", "农业技术");
        m.put("employer", "县农业局");
        m.put("appointedOn", "2013-01-10");
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(WebResult r) {
        return (Map<String, Object>) r.body();
    }

    @Test
    void formsCreatePairRecordAndDismiss() {
        WebResult created = web.handle(FakeRequest.html("POST", "/mentors", A_STAFF).form(mentorJson()));
        assertEquals("/mentors", created.target());
        long id = mentors.list(A_STAFF, null, null, 1).items().get(0).id();

        assertEquals("/mentors/" + id, web.handle(FakeRequest.html("POST", "/mentors/" + id + "/pairings", A_STAFF)
                .param("youth", String.valueOf(youth)).param("pairedOn", "2013-01-11")).target());
        assertEquals("/mentors/" + id, web.handle(FakeRequest.html("POST", "/mentors/" + id + "/activities", A_STAFF)
                .param("youth", String.valueOf(youth)).param("heldOn", "2013-02-01").param("content", "选址")).target());
        Mentor.Detail d = mentors.detail(A_STAFF, id);
        assertEquals(1, d.pairings().size());
        assertEquals(1, d.activities().size());

        Map<String, Object> dismiss = new HashMap<>(mentorJson());
        dismiss.put("dismissedOn", "2013-06-01");
        WebResult bad = web.handle(FakeRequest.html("POST", "/mentors/" + id, A_STAFF).form(dismiss));
        assertEquals(400, bad.status());
        assertEquals(Map.of("dismissalReason", MentorService.REASON_REQUIRED), bad.model().get("errors"));
        assertEquals("", bad.model().get("failed"));
        dismiss.put("dismissalReason", "年终考核不合格");
        web.handle(FakeRequest.html("POST", "/mentors/" + id, A_STAFF).form(dismiss));
        assertEquals("年终考核不合格", mentors.get(A_STAFF, id).dismissalReason());

        long activity = d.activities().get(0).id();
        web.handle(FakeRequest.html("POST", "/mentors/" + id + "/activities/" + activity + "/delete", A_STAFF));
        assertEquals(List.of(), mentors.detail(A_STAFF, id).activities());
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("POST", "/mentors/" + id
                + "/pairings/" + d.pairings().get(0).id() + "/delete", B_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("GET", "/mentors/" + id + "/pairings",
                A_STAFF)));
        web.handle(FakeRequest.html("POST", "/mentors/" + id + "/delete", A_STAFF));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("GET", "/mentors/" + id, A_STAFF)));
    }

    @Test
    void badPairingShowsTheMentorPageAgainWithItsErrors() {
        long id = mentors.create(A_STAFF, new MentorInput.Mentor("王老师", "农业", "县农业局", null, "2013-01-10", null,
                null));
        WebResult r = web.handle(FakeRequest.html("POST", "/mentors/" + id + "/pairings", A_STAFF)
                .param("youth", String.valueOf(youth)).param("pairedOn", "2013-01-01"));
        assertEquals(400, r.status());
        assertEquals("mentor-form", r.target());
        assertEquals("pairings", r.model().get("failed"));
        assertEquals(Map.of("pairedOn", MentorService.OUTSIDE_APPOINTMENT), r.model().get("errors"));
        assertEquals(0, rows("EMP_MENTOR_PAIRING"));
    }

    @Test
    void reviewPageAndYearParameter() {
        mentors.create(A_STAFF, new MentorInput.Mentor("王老师", "农业", "县农业局", null, "2013-01-10", null, null));
        WebResult r = web.handle(FakeRequest.html("GET", "/mentors/review", A_STAFF).param("year", "2099"));
        assertEquals("mentor-review", r.target());
        assertEquals("2013", r.model().get("year"), "a year to come is this year");
        assertEquals(1, r.model().get("total"));
        assertEquals(1, ((List<?>) r.model().get("unqualified")).size());
        assertEquals(0, ((List<?>) web.handle(FakeRequest.html("GET", "/mentors/review", A_STAFF).param("year",
                "2012")).model().get("unqualified")).size());
    }

    @Test
    void apiCreatesReadsUpdatesPairsAndDeletes() {
        Map<String, Object> json = mentorJson();
        json.put("county", 2.0d);
        WebResult created = web.handle(FakeRequest.api("POST", "/mentors", A_STAFF).body(json));
        assertEquals(201, created.status());
        long id = (Long) body(created).get("id");
        assertEquals(2L, body(created).get("county"));

        WebResult pair = web.handle(FakeRequest.api("POST", "/mentors/" + id + "/pairings", A_STAFF)
                .body(Map.of("youth", (double) youth, "pairedOn", "2013-01-10")));
        assertEquals(201, pair.status());
        web.handle(FakeRequest.api("POST", "/mentors/" + id + "/activities", A_STAFF)
                .body(Map.of("youth", (double) youth, "heldOn", "2013-03-01", "content", "融资")));
        Map<String, Object> read = body(web.handle(FakeRequest.api("GET", "/mentors/" + id, A_STAFF)));
        assertEquals(1, ((List<?>) read.get("pairings")).size());
        assertEquals(1, ((List<?>) read.get("activities")).size());

        json.put("employer", "市人社局");
        assertEquals("市人社局", body(web.handle(FakeRequest.api("PUT", "/mentors/" + id, A_STAFF).body(json)))
                .get("employer"));
        assertEquals(1L, body(web.handle(FakeRequest.api("GET", "/mentors", A_STAFF))).get("total"));
        Map<String, Object> review = body(web.handle(FakeRequest.api("GET", "/mentors/review", A_STAFF)));
        assertEquals(2013, review.get("year"));
        assertEquals(1, ((List<?>) review.get("items")).size());

        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/mentors/" + id, B_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("PUT", "/mentors/" + id, B_STAFF)
                .body(json)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("DELETE", "/mentors/" + id,
                B_STAFF)));
        long pairingId = (Long) body(pair).get("id");
        assertEquals(Map.of("deleted", true), web.handle(FakeRequest.api("DELETE", "/mentors/" + id + "/pairings/"
                + pairingId, A_STAFF)).body());
        assertEquals(Map.of("deleted", true), web.handle(FakeRequest.api("DELETE", "/mentors/" + id, A_STAFF)).body());
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/mentors/" + id, A_STAFF)));
    }

    @Test
    void apiValidationAndRoles() {
        Map<String, Object> json = mentorJson();
        json.put("appointedOn", 20130110);
        json.put("field", null);
        ValidationException e = assertThrows(ValidationException.class,
                () -> web.handle(FakeRequest.api("POST", "/mentors", A_STAFF).body(json)));
        assertEquals(Map.of("appointedOn", MentorService.DATE_INVALID, "field", MentorService.FIELD_REQUIRED),
                e.fieldErrors());
        assertEquals(0, rows("EMP_MENTOR"));
        assertThrows(AccessDeniedException.class, () -> web.handle(FakeRequest.api("POST", "/mentors", A_VIEWER)
                .body(mentorJson())));
        assertThrows(AccessDeniedException.class, () -> web.handle(FakeRequest.html("GET", "/mentors/new",
                A_VIEWER)));
    }
}
