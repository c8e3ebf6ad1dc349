package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** The hometown pages and the JSON API under {@code /api/v1/p/employment/hometown}. */
class HometownWebTest extends EmploymentTestBase {

    private WebHandler web;
    private HometownService hometown;

    @BeforeEach
    void handler() {
        web = project.web();
        hometown = project.hometown();
    }

    private static Map<String, Object> eventForm() {
        Map<String, Object> m = new HashMap<>();
        m.put("year", "2013");
        m.put("heldOn", "2013-06-01");
        m.put("title", "千名学子看家乡");
        m.put("place", "县创业园");
        m.put("organiser", "团县委");
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(WebResult r) {
        return (Map<String, Object>) r.body();
    }

    @Test
    void formsRecordStudentsEventsAndParticipants() {
        assertEquals("/hometown/students", web.handle(FakeRequest.html("POST", "/hometown/students", A_STAFF)
                .param("name", "李雷").param("university", "浙江大学")).target());
        long student = hometown.students(A_STAFF, null, null, 1).items().get(0).id();
        WebResult dup = web.handle(FakeRequest.html("POST", "/hometown/students", A_STAFF).param("name", "李雷")
                .param("university", "浙江大学").param("phone", "x"));
        assertEquals(400, dup.status());
        assertEquals("hometown-student-form", dup.target());
        assertEquals(Map.of("phone", HometownService.PHONE_INVALID), dup.model().get("errors"));
        assertEquals("x", ((Map<?, ?>) dup.model().get("form")).get("phone"));

        assertEquals("/hometown", web.handle(FakeRequest.html("POST", "/hometown", A_STAFF).form(eventForm()))
                .target());
        long event = hometown.events(A_STAFF, 2013, null, null, 1).items().get(0).id();
        assertEquals("/hometown/" + event, web.handle(FakeRequest.html("POST", "/hometown/" + event + "/participants",
                A_STAFF).param("student", String.valueOf(student))).target());
        WebResult again = web.handle(FakeRequest.html("POST", "/hometown/" + event + "/participants", A_STAFF)
                .param("student", String.valueOf(student)));
        assertEquals(400, again.status());
        assertEquals(true, again.model().get("participantFailed"));
        assertEquals(Map.of("student", HometownService.STUDENT_DUPLICATE), again.model().get("errors"));

        Map<String, Object> outside = new HashMap<>(eventForm());
        outside.put("heldOn", "2012-08-15");
        WebResult bad = web.handle(FakeRequest.html("POST", "/hometown/" + event, A_STAFF).form(outside));
        assertEquals(400, bad.status());
        assertEquals(Map.of("heldOn", HometownService.HELD_OUTSIDE_YEAR), bad.model().get("errors"));

        long participant = hometown.detail(A_STAFF, event).participants().get(0).id();
        web.handle(FakeRequest.html("POST", "/hometown/" + event + "/participants/" + participant + "/delete",
                A_STAFF));
        assertEquals(0, hometown.event(A_STAFF, event).participants());
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("GET", "/hometown/" + event,
                B_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("GET", "/hometown/students/"
                + student, B_STAFF)));
        assertThrows(AccessDeniedException.class, () -> web.handle(FakeRequest.html("GET", "/hometown/new",
                A_VIEWER)));
        assertThrows(AccessDeniedException.class, () -> web.handle(FakeRequest.html("GET", "/hometown/students/new",
                A_VIEWER)));
        assertEquals("/hometown/students", web.handle(FakeRequest.html("POST", "/hometown/students/" + student
                + "/delete", A_STAFF)).target());
        assertEquals("/hometown", web.handle(FakeRequest.html("POST", "/hometown/" + event + "/delete", A_STAFF))
                .target());
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("GET", "/hometown/" + event,
                A_STAFF)));
    }

    @Test
    void apiCreatesReadsUpdatesAndDeletes() {
        WebResult created = web.handle(FakeRequest.api("POST", "/hometown/students", A_STAFF).body(Map.of(
                "name", "韩梅梅", "university", "复旦大学", "major", "新闻", "phone", 13800138000d)));
        assertEquals(201, created.status());
        long student = (Long) body(created).get("id");
        assertEquals("13800138000", body(created).get("phone"));
        assertEquals(2L, body(created).get("county"));

        Map<String, Object> json = new HashMap<>(eventForm());
        json.put("county", 2.0d);
        WebResult event = web.handle(FakeRequest.api("POST", "/hometown", A_STAFF).body(json));
        assertEquals(201, event.status());
        long id = (Long) body(event).get("id");
        WebResult took = web.handle(FakeRequest.api("POST", "/hometown/" + id + "/participants", A_STAFF)
                .body(Map.of("student", (double) student)));
        assertEquals(201, took.status());
        Map<String, Object> read = body(web.handle(FakeRequest.api("GET", "/hometown/" + id, A_STAFF)));
        assertEquals(1L, read.get("participants"));
        assertEquals("韩梅梅", ((Map<?, ?>) ((List<?>) read.get("participantList")).get(0)).get("name"));

        json.put("title", "座谈会");
        assertEquals("座谈会", body(web.handle(FakeRequest.api("PUT", "/hometown/" + id, A_STAFF).body(json)))
                .get("title"));
        assertEquals(1L, body(web.handle(FakeRequest.api("GET", "/hometown", A_STAFF))).get("total"));
        assertEquals(1L, body(web.handle(FakeRequest.api("GET", "/hometown/students", A_STAFF))).get("total"));
        assertEquals("清华大学", body(web.handle(FakeRequest.api("PUT", "/hometown/students/" + student, A_STAFF)
                .body(Map.of("name", "韩梅梅", "university", "清华大学")))).get("university"));

        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/hometown/" + id, B_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("DELETE", "/hometown/students/"
                + student, B_STAFF)));
        ValidationException e = assertThrows(ValidationException.class, () -> web.handle(FakeRequest.api("POST",
                "/hometown", A_STAFF).body(Map.of("year", "2013", "heldOn", "2013-02-30"))));
        assertEquals(Map.of("heldOn", HometownService.HELD_INVALID, "title", HometownService.TITLE_REQUIRED,
                "place", HometownService.PLACE_REQUIRED, "organiser", HometownService.ORGANISER_REQUIRED),
                e.fieldErrors());
        assertThrows(AccessDeniedException.class, () -> web.handle(FakeRequest.api("POST", "/hometown", A_VIEWER)
                .body(json)));

        long participant = (Long) body(took).get("id");
        assertEquals(Map.of("deleted", true), web.handle(FakeRequest.api("DELETE", "/hometown/" + id
                + "/participants/" + participant, A_STAFF)).body());
        assertEquals(Map.of("deleted", true), web.handle(FakeRequest.api("DELETE", "/hometown/" + id, A_STAFF))
                .body());
        assertEquals(Map.of("deleted", true), web.handle(FakeRequest.api("DELETE", "/hometown/students/" + student,
                A_STAFF)).body());
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/hometown/students/"
                + student, A_STAFF)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void everyHometownPageRendersEscapedWithCsrfInEveryPostForm(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        long youth = service.create(A_STAFF, person("name", "<i>Li</i>"));
        long student = hometown.createStudent(A_STAFF, new HometownInput.Student("<script>s()</script>", "北大 & 清华",
                null, null, null, String.valueOf(youth)));
        long event = hometown.createEvent(A_STAFF, new HometownInput.Event(null, "2013", "2013-06-01", "<b>看家乡</b>",
                "\"园区\"", "团县委", "<u>n</u>"));
        hometown.addParticipant(A_STAFF, event, String.valueOf(student));

        String list = PageRender.render(project, web.handle(FakeRequest.html("GET", "/hometown", CITY_ADMIN)
                .param("q", "<b>看")), CITY_ADMIN, locale);
        assertFalse(list.contains("<b>看家乡</b>"));
        assertTrue(list.contains("&lt;b&gt;看家乡&lt;/b&gt;"));
        assertTrue(list.contains("/p/employment/hometown?year=2013&amp;q=%3Cb%3E%E7%9C%8B&amp;county=&amp;page=1"),
                list);
        assertTrue(list.contains(MessageFormat.format(PageRender.msg(locale, "hometown.progress.title"), "2013")));
        assertTrue(list.contains("aria-current=\"page\">" + PageRender.msg(locale, "hometown.title")));
        TemplatesAndMessagesTest.assertCsrfInEveryPostForm(list);
        String found = PageRender.render(project, web.handle(FakeRequest.html("GET", "/hometown", CITY_ADMIN)),
                CITY_ADMIN, locale);
        assertTrue(found.contains("&lt;b&gt;看家乡&lt;/b&gt;"));
        assertTrue(found.contains("&quot;园区&quot;"));

        String empty = PageRender.render(project, web.handle(FakeRequest.html("GET", "/hometown", A_VIEWER)
                .param("year", "2012")), A_VIEWER, locale);
        assertTrue(empty.contains(PageRender.msg(locale, "hometown.list.empty")));
        assertFalse(empty.contains("/hometown/new"));

        String edit = PageRender.render(project, web.handle(FakeRequest.html("GET", "/hometown/" + event, A_STAFF)),
                A_STAFF, locale);
        assertTrue(edit.contains("&lt;script&gt;s()&lt;/script&gt;"));
        assertTrue(edit.contains("北大 &amp; 清华"));
        assertTrue(edit.contains("&lt;u&gt;n&lt;/u&gt;</textarea>"));
        for (String action : List.of("", "/delete", "/participants")) {
            assertTrue(edit.contains("action=\"/p/employment/hometown/" + event + action + "\""), action);
        }
        TemplatesAndMessagesTest.assertCsrfInEveryPostForm(edit);

        String again = PageRender.render(project, web.handle(FakeRequest.html("POST", "/hometown/" + event
                + "/participants", A_STAFF).param("student", "\"7")), A_STAFF, locale);
        assertTrue(again.contains(PageRender.msg(locale, "hometown.student.unknown")));
        assertTrue(again.contains("value=\"&quot;7\""));
        TemplatesAndMessagesTest.assertCsrfInEveryPostForm(again);

        String blank = PageRender.render(project, web.handle(FakeRequest.html("GET", "/hometown/new", A_STAFF)),
                A_STAFF, locale);
        assertTrue(blank.contains("action=\"/p/employment/hometown\""));
        TemplatesAndMessagesTest.assertCsrfInEveryPostForm(blank);

        String students = PageRender.render(project, web.handle(FakeRequest.html("GET", "/hometown/students",
                A_STAFF)), A_STAFF, locale);
        assertTrue(students.contains("&lt;script&gt;s()&lt;/script&gt;"));
        assertTrue(students.contains("&lt;i&gt;Li&lt;/i&gt;"), "the linked youth's name, escaped");
        assertFalse(students.contains("<script>"));
        TemplatesAndMessagesTest.assertCsrfInEveryPostForm(students);

        String studentForm = PageRender.render(project, web.handle(FakeRequest.html("GET", "/hometown/students/"
                + student, A_STAFF)), A_STAFF, locale);
        assertTrue(studentForm.contains("action=\"/p/employment/hometown/students/" + student + "/delete\""));
        assertTrue(studentForm.contains("(&lt;i&gt;Li&lt;/i&gt;)"));
        assertFalse(studentForm.toLowerCase(Locale.ROOT).contains("idnumber"), "no ID number is asked for");
        TemplatesAndMessagesTest.assertCsrfInEveryPostForm(studentForm);

        String badStudent = PageRender.render(project, web.handle(FakeRequest.html("POST", "/hometown/students",
                A_STAFF).param("name", "\"x\"").param("phone", "12")), A_STAFF, locale);
        assertTrue(badStudent.contains(PageRender.msg(locale, "hometown.university.required")));
        assertTrue(badStudent.contains(PageRender.msg(locale, "hometown.phone.invalid")));
        assertTrue(badStudent.contains("value=\"&quot;x&quot;\""));
        assertTrue(PageRender.render(project, web.handle(FakeRequest.html("GET", "/hometown/students/new", A_STAFF)),
                A_STAFF, locale).contains("action=\"/p/employment/hometown/students\""));

        String readOnly = PageRender.render(project, web.handle(FakeRequest.html("GET", "/hometown/" + event,
                A_VIEWER)), A_VIEWER, locale);
        assertTrue(readOnly.contains("<fieldset disabled>"));
        assertFalse(readOnly.contains("method=\"post\" action=\"/p/employment/hometown/" + event + "/"));
    }
}
