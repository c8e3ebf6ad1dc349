package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
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

/** The training pages and the JSON API under {@code /api/v1/p/employment/training}. */
class TrainingWebTest extends EmploymentTestBase {

    private WebHandler web;
    private TrainingService training;
    private long youth;

    @BeforeEach
    void handler() {
        web = project.web();
        training = project.training();
        youth = service.create(A_STAFF, person());
    }

    private static Map<String, Object> sessionJson() {
        Map<String, Object> m = new HashMap<>();
        m.put("year", "2013");
        m.put("heldOn", "2013-03-05");
        m.put("topic", "农村电商");
        m.put("category", "SKILLS");
        m.put("partner", "县人社局");
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(WebResult r) {
        return (Map<String, Object>) r.body();
    }

    @Test
    void formsRecordASessionItsAttendeesAndFollowUp() {
        assertEquals("/training", web.handle(FakeRequest.html("POST", "/training", A_STAFF).form(sessionJson()))
                .target());
        long id = training.list(A_STAFF, new TrainingRepository.Filter(2013, null, null), null, 1).items().get(0).id();

        assertEquals("/training/" + id, web.handle(FakeRequest.html("POST", "/training/" + id + "/attendees", A_STAFF)
                .param("youth", String.valueOf(youth)).param("followUp", "待回访")).target());
        WebResult again = web.handle(FakeRequest.html("POST", "/training/" + id + "/attendees", A_STAFF)
                .param("youth", String.valueOf(youth)));
        assertEquals(400, again.status());
        assertEquals("training-form", again.target());
        assertEquals(true, again.model().get("attendeeFailed"));
        assertEquals(Map.of("youth", TrainingService.YOUTH_DUPLICATE), again.model().get("errors"));

        long attendee = training.detail(A_STAFF, id).attendees().get(0).id();
        assertEquals("/training/" + id, web.handle(FakeRequest.html("POST", "/training/" + id + "/attendees/"
                + attendee, A_STAFF).param("followUp", "已就业")).target());
        assertEquals("已就业", training.detail(A_STAFF, id).attendees().get(0).followUp());
        WebResult longNote = web.handle(FakeRequest.html("POST", "/training/" + id + "/attendees/" + attendee,
                A_STAFF).param("followUp", "字".repeat(501)));
        assertEquals(400, longNote.status());
        assertEquals(String.valueOf(attendee), longNote.model().get("failedAttendee"));

        Map<String, Object> feedback = new HashMap<>(sessionJson());
        feedback.put("satisfaction", "9");
        WebResult bad = web.handle(FakeRequest.html("POST", "/training/" + id, A_STAFF).form(feedback));
        assertEquals(400, bad.status());
        assertEquals(Map.of("satisfaction", TrainingService.SATISFACTION_INVALID), bad.model().get("errors"));
        assertEquals(false, bad.model().get("attendeeFailed"));
        feedback.put("satisfaction", "4");
        feedback.put("feedback", "希望多些案例");
        web.handle(FakeRequest.html("POST", "/training/" + id, A_STAFF).form(feedback));
        assertEquals(4, training.get(A_STAFF, id).satisfaction());

        web.handle(FakeRequest.html("POST", "/training/" + id + "/attendees/" + attendee + "/delete", A_STAFF));
        assertEquals(List.of(), training.detail(A_STAFF, id).attendees());
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("GET", "/training/" + id, B_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("GET", "/training/" + id
                + "/attendees", A_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("GET", "/training/x1", A_STAFF)));
        assertThrows(AccessDeniedException.class, () -> web.handle(FakeRequest.html("GET", "/training/new",
                A_VIEWER)));
        assertThrows(AccessDeniedException.class, () -> web.handle(FakeRequest.html("GET", "/training/plans/new",
                A_VIEWER)));
        assertEquals("/training", web.handle(FakeRequest.html("POST", "/training/" + id + "/delete", A_STAFF))
                .target());
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("GET", "/training/" + id, A_STAFF)));
    }

    @Test
    void planFormsKeepWhatWasTypedOnError() {
        Map<String, Object> form = Map.of("year", "2013", "plannedSessions", "3", "plannedTrainees", "400",
                "content", "全年计划", "plannedOn", "2013-01-15");
        assertEquals("/training/plans", web.handle(FakeRequest.html("POST", "/training/plans", A_STAFF).form(form))
                .target());
        WebResult dup = web.handle(FakeRequest.html("POST", "/training/plans", A_STAFF).form(form));
        assertEquals(400, dup.status());
        assertEquals("training-plan-form", dup.target());
        assertEquals(Map.of("year", TrainingService.PLAN_DUPLICATE), dup.model().get("errors"));
        assertEquals("全年计划", ((Map<?, ?>) dup.model().get("form")).get("content"));
        long id = training.plans(A_STAFF, 2013, null).get(0).id();
        assertEquals("training-plan-form", web.handle(FakeRequest.html("GET", "/training/plans/" + id, A_STAFF))
                .target());
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("GET", "/training/plans/" + id,
                B_STAFF)));
        assertEquals("/training/plans", web.handle(FakeRequest.html("POST", "/training/plans/" + id + "/delete",
                A_STAFF)).target());
        assertEquals(List.of(), training.plans(A_STAFF, null, null));
    }

    @Test
    void apiCreatesReadsUpdatesAndDeletes() {
        Map<String, Object> json = sessionJson();
        json.put("county", 2.0d);
        WebResult created = web.handle(FakeRequest.api("POST", "/training", A_STAFF).body(json));
        assertEquals(201, created.status());
        long id = (Long) body(created).get("id");
        assertEquals(2L, body(created).get("county"));
        assertEquals("农村电商", body(created).get("topic"));

        WebResult added = web.handle(FakeRequest.api("POST", "/training/" + id + "/attendees", A_STAFF)
                .body(Map.of("youth", (double) youth)));
        assertEquals(201, added.status());
        long attendee = (Long) body(added).get("id");
        Map<String, Object> noted = body(web.handle(FakeRequest.api("PUT", "/training/" + id + "/attendees/"
                + attendee, A_STAFF).body(Map.of("followUp", "已创业"))));
        assertEquals(1L, noted.get("attendees"));
        assertEquals("已创业", ((Map<?, ?>) ((List<?>) noted.get("attendeeList")).get(0)).get("followUp"));

        json.put("satisfaction", 5);
        json.put("feedback", "好");
        Map<String, Object> updated = body(web.handle(FakeRequest.api("PUT", "/training/" + id, A_STAFF).body(json)));
        assertEquals(5, updated.get("satisfaction"));

        Map<String, Object> list = body(web.handle(FakeRequest.api("GET", "/training", A_STAFF).param("year", "2013")));
        assertEquals(1L, list.get("total"));
        assertEquals(0L, body(web.handle(FakeRequest.api("GET", "/training", A_STAFF).param("year", "2012")))
                .get("total"));

        WebResult plan = web.handle(FakeRequest.api("POST", "/training/plans", A_STAFF).body(Map.of("year", 2013,
                "plannedSessions", 3, "plannedTrainees", 400, "content", "计划", "plannedOn", "2013-01-08")));
        assertEquals(201, plan.status());
        long planId = (Long) body(plan).get("id");
        assertEquals(400, body(plan).get("plannedTrainees"));
        assertEquals(1, ((List<?>) body(web.handle(FakeRequest.api("GET", "/training/plans", A_STAFF))).get("items"))
                .size());
        assertEquals(10, body(web.handle(FakeRequest.api("PUT", "/training/plans/" + planId, A_STAFF).body(Map.of(
                "year", 2013, "plannedSessions", 10, "plannedTrainees", 400, "content", "计划")))).get("plannedSessions"));

        Map<String, Object> summary = body(web.handle(FakeRequest.api("GET", "/training/summary", A_STAFF)));
        List<?> items = (List<?>) summary.get("items");
        assertEquals(1, items.size());
        Map<?, ?> row = (Map<?, ?>) items.get(0);
        assertEquals(1L, row.get("sessions"));
        assertEquals(1L, row.get("trainees"));
        assertEquals(10, ((Map<?, ?>) row.get("plan")).get("plannedSessions"));

        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/training/" + id, B_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("DELETE", "/training/plans/" + planId,
                B_STAFF)));
        assertEquals(Map.of("deleted", true), web.handle(FakeRequest.api("DELETE", "/training/" + id + "/attendees/"
                + attendee, A_STAFF)).body());
        assertEquals(Map.of("deleted", true), web.handle(FakeRequest.api("DELETE", "/training/plans/" + planId,
                A_STAFF)).body());
        assertEquals(Map.of("deleted", true), web.handle(FakeRequest.api("DELETE", "/training/" + id, A_STAFF))
                .body());
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/training/" + id, A_STAFF)));
    }

    @Test
    void apiValidationAndRoles() {
        Map<String, Object> json = sessionJson();
        json.put("heldOn", 20130305);
        json.put("topic", List.of("x"));
        ValidationException e = assertThrows(ValidationException.class,
                () -> web.handle(FakeRequest.api("POST", "/training", A_STAFF).body(json)));
        assertEquals(Map.of("heldOn", TrainingService.HELD_INVALID), e.fieldErrors(),
                "a list where the topic belongs is text \"?\": a valid topic, but a number is no date");
        assertEquals(0, rows("EMP_TRAINING_SESSION"));
        assertThrows(ValidationException.class, () -> web.handle(FakeRequest.api("POST", "/training", A_STAFF)
                .body(List.of(1, 2))));
        assertThrows(AccessDeniedException.class, () -> web.handle(FakeRequest.api("POST", "/training", A_VIEWER)
                .body(sessionJson())));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("PATCH", "/training", A_STAFF)));
    }

    @Test
    void everyCategoryAndRatingHasAMessageInBothLanguages() {
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            for (TrainingCategory c : TrainingCategory.values()) {
                assertTrue(PageRender.keys(locale).contains("training.category." + c.name()), c + " " + locale);
            }
            for (int i = 1; i <= 5; i++) {
                assertTrue(PageRender.keys(locale).contains("training.satisfaction." + i), i + " " + locale);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void everyTrainingPageRendersEscapedWithCsrfInEveryPostForm(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        long hostile = service.create(A_STAFF, person("name", "<i>Li</i>", "idNumber", idNumber("110105",
                LocalDate.of(1989, 3, 18), 125)));
        long s = training.create(A_STAFF, new TrainingInput.Session(null, "2013", "2013-03-01", "<script>t()</script>",
                "ENTREPRENEURSHIP", "人社 & 商务", null, "5", "<b>good</b>"));
        training.addAttendee(A_STAFF, s, new TrainingInput.Attendee(String.valueOf(hostile), "\"quoted\""));
        training.createPlan(A_STAFF, new TrainingInput.Plan(null, "2013", "3", "400", "<u>plan</u>", "2013-01-10"));

        String list = PageRender.render(project, web.handle(FakeRequest.html("GET", "/training", CITY_ADMIN)
                .param("q", "t()<")), CITY_ADMIN, locale);
        assertTrue(list.contains("&lt;script&gt;t()&lt;/script&gt;"));
        assertTrue(list.contains("人社 &amp; 商务"));
        assertFalse(list.contains("<script>"));
        assertTrue(list.contains("/p/employment/training?year=2013&amp;q=t()%3C&amp;category=&amp;county=&amp;page=1"),
                list);
        assertTrue(list.contains(PageRender.msg(locale, "training.category.ENTREPRENEURSHIP")));
        assertTrue(list.contains(MessageFormat.format(PageRender.msg(locale, "training.summary.planned"), 3, 400)));
        assertTrue(list.contains(PageRender.msg(locale, "training.summary.noPlan")), "county B has no plan");
        assertTrue(list.contains("aria-current=\"page\">" + PageRender.msg(locale, "training.title")));
        TemplatesAndMessagesTest.assertCsrfInEveryPostForm(list);

        String empty = PageRender.render(project, web.handle(FakeRequest.html("GET", "/training", A_VIEWER)
                .param("year", "2012")), A_VIEWER, locale);
        assertTrue(empty.contains(PageRender.msg(locale, "training.list.empty")));
        assertFalse(empty.contains("/training/new"));

        String blank = PageRender.render(project, web.handle(FakeRequest.html("GET", "/training/new", A_STAFF)),
                A_STAFF, locale);
        assertTrue(blank.contains("action=\"/p/employment/training\""));
        assertTrue(blank.contains("<option value=\"2\" selected>"), "the staff's own county");
        TemplatesAndMessagesTest.assertCsrfInEveryPostForm(blank);

        String edit = PageRender.render(project, web.handle(FakeRequest.html("GET", "/training/" + s, A_STAFF)),
                A_STAFF, locale);
        assertTrue(edit.contains("&lt;i&gt;Li&lt;/i&gt;"), "attendee names are escaped");
        assertTrue(edit.contains("value=\"&quot;quoted&quot;\""), "follow-up notes are escaped");
        assertTrue(edit.contains("&lt;b&gt;good&lt;/b&gt;</textarea>"));
        assertTrue(edit.contains("<option value=\"5\" selected>"));
        for (String action : List.of("", "/delete", "/attendees")) {
            assertTrue(edit.contains("action=\"/p/employment/training/" + s + action + "\""), action);
        }
        TemplatesAndMessagesTest.assertCsrfInEveryPostForm(edit);

        WebResult bad = web.handle(FakeRequest.html("POST", "/training/" + s + "/attendees", A_STAFF)
                .param("youth", "\"9").param("followUp", "a<b"));
        String again = PageRender.render(project, bad, A_STAFF, locale);
        assertTrue(again.contains(PageRender.msg(locale, "training.youth.unknown")));
        assertTrue(again.contains("value=\"&quot;9\""));
        assertTrue(again.contains("value=\"a&lt;b\""));
        TemplatesAndMessagesTest.assertCsrfInEveryPostForm(again);

        Map<String, Object> form = new HashMap<>(sessionJson());
        form.put("heldOn", "2012-05-01");
        form.put("topic", "\"x\"");
        String badSession = PageRender.render(project, web.handle(FakeRequest.html("POST", "/training", A_STAFF)
                .form(form)), A_STAFF, locale);
        assertTrue(badSession.contains(PageRender.msg(locale, "training.heldOn.outsideYear")));
        assertTrue(badSession.contains("value=\"&quot;x&quot;\""));

        String readOnly = PageRender.render(project, web.handle(FakeRequest.html("GET", "/training/" + s, A_VIEWER)),
                A_VIEWER, locale);
        assertTrue(readOnly.contains("<fieldset disabled>"));
        assertFalse(readOnly.contains("method=\"post\" action=\"/p/employment/training/" + s + "/"));

        String plans = PageRender.render(project, web.handle(FakeRequest.html("GET", "/training/plans", A_STAFF)),
                A_STAFF, locale);
        assertTrue(plans.contains("&lt;u&gt;plan&lt;/u&gt;"));
        TemplatesAndMessagesTest.assertCsrfInEveryPostForm(plans);
        long planId = training.plans(A_STAFF, 2013, null).get(0).id();
        String planForm = PageRender.render(project, web.handle(FakeRequest.html("GET", "/training/plans/" + planId,
                A_STAFF)), A_STAFF, locale);
        assertTrue(planForm.contains("action=\"/p/employment/training/plans/" + planId + "/delete\""));
        assertTrue(planForm.contains("&lt;u&gt;plan&lt;/u&gt;</textarea>"));
        TemplatesAndMessagesTest.assertCsrfInEveryPostForm(planForm);
        String badPlan = PageRender.render(project, web.handle(FakeRequest.html("POST", "/training/plans", A_STAFF)
                .param("year", "2013").param("plannedSessions", "x")), A_STAFF, locale);
        assertTrue(badPlan.contains(PageRender.msg(locale, "training.plannedSessions.invalid")));
        assertTrue(badPlan.contains(PageRender.msg(locale, "training.content.required")));
        assertTrue(PageRender.render(project, web.handle(FakeRequest.html("GET", "/training/plans/new", A_STAFF)),
                A_STAFF, locale).contains("action=\"/p/employment/training/plans\""));
    }
}
