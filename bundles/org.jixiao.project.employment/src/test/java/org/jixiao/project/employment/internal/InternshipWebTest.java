package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.TemplatesAndMessagesTest.assertCsrfInEveryPostForm;
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

/** The internship pages (positions, placements) and the JSON API under {@code /api/v1/p/employment/internships}. */
class InternshipWebTest extends EmploymentTestBase {

    private static final String A = String.valueOf(TreeOrgUnits.COUNTY_A.id());

    private WebHandler web;
    private long youth;

    @BeforeEach
    void handler() {
        web = project.web();
        youth = service.create(A_STAFF, person("name", "<i>Li</i>"));
    }

    /** A position open from March, so that a placement may be moved to an earlier start within it. */
    private static Map<String, Object> positionJson() {
        Map<String, Object> m = new HashMap<>();
        m.put("employer", "青创电子厂");
        m.put("post", "总经理助理");
        m.put("gmAssistant", true);
        m.put("places", 2.0d);
        m.put("year", 2013.0d);
        m.put("startsOn", "2013-03-01");
        m.put("endsOn", "2013-12-31");
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
        long base = bases.create(A_STAFF, InternshipBaseFixture.base("<b>基地</b>", A, "2013-01-05",
                null, null));
        long id = project.internships().create(A_STAFF, new InternshipInput.Position(null, "<script>e()</script>",
                "助理 & 秘书", "yes", String.valueOf(base), "1", "2013", "2013-03-01", "2013-12-31"));
        long placed = project.internships().place(A_STAFF, id, new InternshipInput.Placement(String.valueOf(youth),
                "2013-03-01", null, null, null, null));

        String list = render(web.handle(FakeRequest.html("GET", "/internships", CITY_ADMIN).param("q", "e()<")),
                locale);
        assertTrue(list.contains("&lt;script&gt;e()&lt;/script&gt;"), "employers are escaped");
        assertTrue(list.contains("助理 &amp; 秘书"));
        assertTrue(list.contains("&lt;b&gt;基地&lt;/b&gt;"));
        assertFalse(list.contains("<script>"));
        assertTrue(list.contains("/p/employment/internships?year=2013&amp;q=e()%3C&amp;gm=&amp;county=&amp;page=1"),
                list);
        assertTrue(list.contains(MessageFormat.format(PageRender.msg(locale, "internship.figures.title"), "2013")));
        assertTrue(list.contains("<td>1</td>\n      <td>100.00% (1)</td>\n      <td>0.00% (0)</td>"),
                "county A: one intern, in an assistant post, none converted");
        assertTrue(list.contains("<td>1 / 1</td>"));
        assertCsrfInEveryPostForm(list);

        String empty = render(web.handle(FakeRequest.html("GET", "/internships", A_VIEWER).param("year", "2012")),
                locale);
        assertTrue(empty.contains(PageRender.msg(locale, "internship.list.empty")));
        assertFalse(empty.contains("/internships/new"));

        String blank = render(web.handle(FakeRequest.html("GET", "/internships/new", A_STAFF)
                .param("base", String.valueOf(base))), locale);
        assertTrue(blank.contains("action=\"/p/employment/internships\""));
        assertTrue(blank.contains("name=\"base\" value=\"" + base + "\""));
        assertCsrfInEveryPostForm(blank);

        String edit = render(web.handle(FakeRequest.html("GET", "/internships/" + id, A_STAFF)), locale);
        assertTrue(edit.contains("&lt;i&gt;Li&lt;/i&gt;"), "youth names are escaped");
        assertTrue(edit.contains("(&lt;b&gt;基地&lt;/b&gt;)"), "the base name beside its number, escaped");
        assertTrue(edit.contains(PageRender.msg(locale, "internship.position.full")), "no place left");
        assertFalse(edit.contains("action=\"/p/employment/internships/" + id + "/placements\""));
        for (String action : List.of("", "/delete", "/placements/" + placed + "/delete")) {
            assertTrue(edit.contains("action=\"/p/employment/internships/" + id + action + "\""), action);
        }
        assertCsrfInEveryPostForm(edit);

        WebResult bad = web.handle(FakeRequest.html("POST", "/internships/" + id + "/placements", A_STAFF)
                .param("youth", "\"9").param("startsOn", "2013-03-01"));
        assertEquals(400, bad.status());
        String again = render(bad, locale);
        assertTrue(again.contains(PageRender.msg(locale, "internship.youth.unknown")));
        assertTrue(again.contains("value=\"&quot;9\""));
        assertCsrfInEveryPostForm(again);

        String placement = render(web.handle(FakeRequest.html("GET", "/internships/" + id + "/placements/" + placed,
                A_STAFF)), locale);
        assertTrue(placement.contains("action=\"/p/employment/internships/" + id + "/placements/" + placed + "\""));
        assertTrue(placement.contains("&lt;i&gt;Li&lt;/i&gt;"));
        assertTrue(placement.contains("value=\"IN_PROGRESS\" selected"));
        assertTrue(placement.contains(PageRender.msg(locale, "internship.outcome.CONVERTED")));
        assertCsrfInEveryPostForm(placement);
        WebResult badOutcome = web.handle(FakeRequest.html("POST", "/internships/" + id + "/placements/" + placed,
                A_STAFF).param("startsOn", "2013-03-01").param("outcome", "CONVERTED").param("convertedEmployer",
                        "a<b"));
        assertEquals(400, badOutcome.status());
        String againOutcome = render(badOutcome, locale);
        assertTrue(againOutcome.contains(PageRender.msg(locale, "internship.convertedOn.required")));
        assertTrue(againOutcome.contains("value=\"a&lt;b\""));

        String readOnly = render(web.handle(FakeRequest.html("GET", "/internships/" + id, A_VIEWER)), locale);
        assertTrue(readOnly.contains("<fieldset disabled>"));
        assertFalse(readOnly.contains("method=\"post\" action=\"/p/employment/internships/" + id + "/"));
    }

    @Test
    void formsCreatePlaceRecordOutcomesAndDelete() {
        Map<String, Object> form = new HashMap<>(positionJson());
        form.put("gmAssistant", "yes");
        form.put("places", "2");
        form.put("year", "2013");
        assertEquals("/internships", web.handle(FakeRequest.html("POST", "/internships", A_STAFF).form(form))
                .target());
        long id = project.internships().list(A_STAFF, new InternshipService.Filter(null, 2013, null, null), 1)
                .items().get(0).id();
        assertEquals("/internships/" + id, web.handle(FakeRequest.html("POST", "/internships/" + id + "/placements",
                A_STAFF).param("youth", String.valueOf(youth)).param("startsOn", "2013-07-01")).target());
        long placed = project.internships().placements(A_STAFF, id).get(0).id();
        assertEquals("/internships/" + id, web.handle(FakeRequest.html("POST", "/internships/" + id + "/placements/"
                + placed, A_STAFF).param("startsOn", "2013-06-01").param("outcome", "CONVERTED")
                .param("convertedEmployer", "青创电子厂").param("convertedOn", "2013-06-15")).target());
        assertEquals(InternshipOutcome.CONVERTED, project.internships().placement(A_STAFF, id, placed).outcome());

        WebResult refused = web.handle(FakeRequest.html("POST", "/internships/" + id + "/delete", A_STAFF));
        assertEquals(400, refused.status());
        assertEquals(Map.of("delete", InternshipService.DELETE_LINKED), refused.model().get("errors"));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("POST", "/internships/" + id
                + "/placements/" + placed + "/delete", B_STAFF)));
        web.handle(FakeRequest.html("POST", "/internships/" + id + "/placements/" + placed + "/delete", A_STAFF));
        assertEquals(List.of(), project.internships().placements(A_STAFF, id));
        assertEquals("/internships", web.handle(FakeRequest.html("POST", "/internships/" + id + "/delete", A_STAFF))
                .target());
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("GET", "/internships/" + id,
                A_STAFF)));
        assertThrows(AccessDeniedException.class, () -> web.handle(FakeRequest.html("GET", "/internships/new",
                A_VIEWER)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("GET", "/internships/x", A_STAFF)));
    }

    @Test
    void apiCreatesReadsUpdatesPlacesAndDeletes() {
        Map<String, Object> json = positionJson();
        json.put("county", 2.0d);
        WebResult created = web.handle(FakeRequest.api("POST", "/internships", A_STAFF).body(json));
        assertEquals(201, created.status());
        long id = (Long) body(created).get("id");
        assertEquals(true, body(created).get("gmAssistant"));
        assertEquals(2013, body(created).get("year"));
        assertEquals(List.of(), body(created).get("placements"));

        WebResult place = web.handle(FakeRequest.api("POST", "/internships/" + id + "/placements", A_STAFF)
                .body(Map.of("youth", (double) youth, "startsOn", "2013-07-01")));
        assertEquals(201, place.status());
        String placementId = (String) body(place).get("id");
        assertEquals("IN_PROGRESS", body(place).get("outcome"));
        Map<String, Object> outcome = new HashMap<>(Map.of("startsOn", "2013-07-01", "outcome", "LEFT", "endsOn",
                "2013-06-01"));
        ValidationException e = assertThrows(ValidationException.class, () -> web.handle(FakeRequest.api("PUT",
                "/internships/" + id + "/placements/" + placementId, A_STAFF).body(outcome)));
        assertEquals(Map.of("endsOn", InternshipService.ENDS_BEFORE_STARTS), e.fieldErrors());
        outcome.put("startsOn", "2013-03-01");
        assertEquals("LEFT", body(web.handle(FakeRequest.api("PUT", "/internships/" + id + "/placements/"
                + placementId, A_STAFF).body(outcome))).get("outcome"));

        json.put("post", "行政助理");
        json.put("gmAssistant", false);
        Map<String, Object> updated = body(web.handle(FakeRequest.api("PUT", "/internships/" + id, A_STAFF)
                .body(json)));
        assertEquals("行政助理", updated.get("post"));
        assertEquals(false, updated.get("gmAssistant"));
        assertEquals(1L, updated.get("placed"));
        assertEquals(1, ((List<?>) updated.get("placements")).size());
        assertEquals(1L, body(web.handle(FakeRequest.api("GET", "/internships", A_STAFF))).get("total"));
        Map<String, Object> figures = body(web.handle(FakeRequest.api("GET", "/internships/figures", A_STAFF)));
        assertEquals(2013, figures.get("year"));
        Map<?, ?> countyA = (Map<?, ?>) ((List<?>) figures.get("items")).get(0);
        assertEquals(1L, countyA.get("interns"));
        assertEquals("0.00", countyA.get("gmShare"));

        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/internships/" + id,
                B_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/internships/" + id
                + "/placements/" + placementId, B_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("DELETE", "/internships/" + id,
                B_STAFF)));
        assertEquals(Map.of("deleted", true), web.handle(FakeRequest.api("DELETE", "/internships/" + id
                + "/placements/" + placementId, A_STAFF)).body());
        assertEquals(Map.of("deleted", true), web.handle(FakeRequest.api("DELETE", "/internships/" + id, A_STAFF))
                .body());
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/internships/" + id,
                A_STAFF)));
        assertTrue(LocalDate.of(2013, 6, 15).equals(TODAY));
    }

    private String render(WebResult result, Locale locale) throws Exception {
        return PageRender.render(project, result, CITY_ADMIN, locale);
    }
}
