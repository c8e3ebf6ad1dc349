package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.TemplatesAndMessagesTest.assertCsrfInEveryPostForm;
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

/** The award pages, in both languages, and the JSON API under {@code /api/v1/p/employment/awards}. */
class AwardWebTest extends EmploymentTestBase {

    private WebHandler web;
    private long youth;
    private long youth2;

    @BeforeEach
    void handler() {
        web = project.web();
        youth = service.create(A_STAFF, person("name", "<b>Li</b>", "type", "ENTREPRENEUR"));
        youth2 = service.create(A_STAFF, person("name", "Wang", "idNumber", idNumber("110105",
                java.time.LocalDate.of(1989, 3, 18), 125)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(WebResult r) {
        return (Map<String, Object>) r.body();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void pagesRenderEscapedWithCsrfInEveryPostForm(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        long id = project.awards().create(A_STAFF, new AwardInput.Award("OTHER", "<script>a()</script>", "2013",
                "CITY", null));
        project.awards().addEntrant(A_STAFF, id, new AwardInput.Entrant(String.valueOf(youth), null, "WINNER",
                "<i>金奖</i>"));

        String list = PageRender.render(project, web.handle(FakeRequest.html("GET", "/awards", CITY_ADMIN)
                .param("q", "a()<").param("kind", "OTHER")), CITY_ADMIN, locale);
        assertTrue(list.contains("&lt;script&gt;a()&lt;/script&gt;"));
        assertFalse(list.contains("<script>"));
        assertTrue(list.contains(PageRender.msg(locale, "award.kind.OTHER")));
        assertTrue(list.contains(MessageFormat.format(PageRender.msg(locale, "award.summary.title"), "2013")));
        assertTrue(list.contains("<td>甲县团委</td><td>1</td><td>1</td><td>1</td>"), list);
        assertTrue(list.contains("/p/employment/awards?q=a()%3C&amp;kind=OTHER&amp;year=&amp;county=&amp;page=1"), list);
        assertCsrfInEveryPostForm(list);
        String empty = PageRender.render(project, web.handle(FakeRequest.html("GET", "/awards", B_STAFF)
                .param("year", "2012")), B_STAFF, locale);
        assertTrue(empty.contains(PageRender.msg(locale, "award.list.empty")));
        assertTrue(empty.contains(PageRender.msg(locale, "award.summary.empty")));
        assertFalse(PageRender.render(project, web.handle(FakeRequest.html("GET", "/awards", A_VIEWER)), A_VIEWER,
                locale).contains("/awards/new"));

        String blank = PageRender.render(project, web.handle(FakeRequest.html("GET", "/awards/new", A_STAFF)),
                A_STAFF, locale);
        assertTrue(blank.contains("action=\"/p/employment/awards\""));
        assertCsrfInEveryPostForm(blank);

        String edit = PageRender.render(project, web.handle(FakeRequest.html("GET", "/awards/" + id, A_STAFF)),
                A_STAFF, locale);
        assertTrue(edit.contains("&lt;b&gt;Li&lt;/b&gt;"));
        assertTrue(edit.contains("&lt;i&gt;金奖&lt;/i&gt;"));
        for (String action : List.of("", "/delete", "/entrants")) {
            assertTrue(edit.contains("action=\"/p/employment/awards/" + id + action + "\""), action);
        }
        assertCsrfInEveryPostForm(edit);

        WebResult bad = web.handle(FakeRequest.html("POST", "/awards/" + id + "/entrants", A_STAFF)
                .param("youth", String.valueOf(youth2)).param("result", "SHORTLISTED").param("prize", "\"x\""));
        assertEquals(400, bad.status());
        String again = PageRender.render(project, bad, A_STAFF, locale);
        assertTrue(again.contains(PageRender.msg(locale, "award.prize.notWinner")));
        assertTrue(again.contains("value=\"&quot;x&quot;\""));
        assertTrue(again.contains("value=\"SHORTLISTED\" selected"));
        assertCsrfInEveryPostForm(again);

        WebResult badAward = web.handle(FakeRequest.html("POST", "/awards", A_STAFF).param("kind", "OTHER")
                .param("level", "CITY"));
        String againAward = PageRender.render(project, badAward, A_STAFF, locale);
        assertTrue(againAward.contains(PageRender.msg(locale, "award.name.required")));

        String readOnly = PageRender.render(project, web.handle(FakeRequest.html("GET", "/awards/" + id, A_VIEWER)),
                A_VIEWER, locale);
        assertTrue(readOnly.contains("<fieldset disabled>"));
        assertTrue(readOnly.contains(PageRender.msg(locale, "award.result.WINNER")));
        assertFalse(readOnly.contains("method=\"post\" action=\"/p/employment/awards/" + id + "/"));
    }

    @Test
    void formsCreateEnterDecideAndDelete() throws Exception {
        Map<String, Object> form = new HashMap<>(Map.of("kind", "GOLDEN_SEED", "level", "CITY", "year", "2013"));
        assertEquals("/awards", web.handle(FakeRequest.html("POST", "/awards", A_STAFF).form(form)).target());
        long id = project.awards().list(A_STAFF, new AwardRepository.Filter(null, null, null, null), 1).items().get(0)
                .id();
        assertEquals("/awards/" + id, web.handle(FakeRequest.html("POST", "/awards/" + id + "/entrants", A_STAFF)
                .param("youth", String.valueOf(youth)).param("result", "ENTERED")).target());
        long entrant = project.awards().detail(A_STAFF, id).entrants().get(0).id();
        assertEquals("/awards/" + id, web.handle(FakeRequest.html("POST", "/awards/" + id + "/entrants/" + entrant,
                A_STAFF).param("youth", String.valueOf(youth)).param("result", "WINNER").param("prize", "金种子"))
                .target());
        assertEquals(1, project.awards().get(A_STAFF, id).winners());
        WebResult bad = web.handle(FakeRequest.html("POST", "/awards/" + id + "/entrants/" + entrant, A_STAFF)
                .param("youth", String.valueOf(youth)).param("result", "WINNER"));
        assertEquals("entrant:" + entrant, bad.model().get("failed"));
        assertEquals(Map.of("prize", AwardService.PRIZE_REQUIRED), bad.model().get("errors"));
        String shown = PageRender.render(project, bad, A_STAFF, Locale.ENGLISH);
        assertTrue(shown.contains(PageRender.msg(Locale.ENGLISH, "award.prize.required")), "beside the entrant");
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("POST", "/awards/" + id
                + "/entrants/" + entrant + "/delete", B_STAFF)));
        web.handle(FakeRequest.html("POST", "/awards/" + id + "/entrants/" + entrant + "/delete", A_STAFF));
        assertEquals(List.of(), project.awards().detail(A_STAFF, id).entrants());
        assertEquals("/awards", web.handle(FakeRequest.html("POST", "/awards/" + id + "/delete", A_STAFF)).target());
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.html("GET", "/awards/" + id, A_STAFF)));
        assertThrows(AccessDeniedException.class, () -> web.handle(FakeRequest.html("GET", "/awards/new", A_VIEWER)));
    }

    @Test
    void apiCreatesReadsUpdatesEntersAndDeletes() {
        WebResult created = web.handle(FakeRequest.api("POST", "/awards", A_STAFF).body(Map.of("kind",
                "TEN_OUTSTANDING_YOUTH", "level", "CITY", "year", 2013)));
        assertEquals(201, created.status());
        long id = (Long) body(created).get("id");
        assertEquals(2013, body(created).get("year"));

        WebResult entered = web.handle(FakeRequest.api("POST", "/awards/" + id + "/entrants", A_STAFF)
                .body(Map.of("youth", (double) youth, "result", "SHORTLISTED")));
        assertEquals(201, entered.status());
        long entrant = (Long) body(entered).get("id");
        Map<String, Object> decided = body(web.handle(FakeRequest.api("PUT", "/awards/" + id + "/entrants/"
                + entrant, A_STAFF).body(Map.of("youth", (double) youth, "result", "WINNER", "prize", "十佳"))));
        assertEquals(1L, decided.get("winners"));
        assertEquals("十佳", ((Map<?, ?>) ((List<?>) decided.get("entrants")).get(0)).get("prize"));

        assertEquals("第五届", body(web.handle(FakeRequest.api("PUT", "/awards/" + id, A_STAFF).body(Map.of("kind",
                "TEN_OUTSTANDING_YOUTH", "name", "第五届", "level", "PROVINCE", "year", 2013)))).get("name"));
        Map<String, Object> summary = body(web.handle(FakeRequest.api("GET", "/awards/summary", CITY_ADMIN)));
        assertEquals(2013, summary.get("year"));
        assertEquals(1, ((List<?>) summary.get("items")).size());
        assertEquals(1L, body(web.handle(FakeRequest.api("GET", "/awards", A_STAFF))).get("total"));
        assertEquals(0L, body(web.handle(FakeRequest.api("GET", "/awards", B_STAFF))).get("total"));

        ValidationException e = assertThrows(ValidationException.class, () -> web.handle(FakeRequest.api("POST",
                "/awards/" + id + "/entrants", A_STAFF).body(Map.of("result", "ENTERED"))));
        assertEquals(Map.of("youth", AwardService.ENTRANT_REQUIRED), e.fieldErrors());
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/awards/" + id, B_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("DELETE", "/awards/" + id
                + "/entrants/" + entrant, B_STAFF)));
        assertEquals(Map.of("deleted", true), web.handle(FakeRequest.api("DELETE", "/awards/" + id + "/entrants/"
                + entrant, A_STAFF)).body());
        assertEquals(Map.of("deleted", true), web.handle(FakeRequest.api("DELETE", "/awards/" + id, A_STAFF)).body());
        assertThrows(NotFoundException.class, () -> web.handle(FakeRequest.api("GET", "/awards/" + id, A_STAFF)));
        assertThrows(AccessDeniedException.class, () -> web.handle(FakeRequest.api("POST", "/awards", A_VIEWER)
                .body(Map.of("kind", "GOLDEN_SEED", "level", "CITY"))));
    }
}
