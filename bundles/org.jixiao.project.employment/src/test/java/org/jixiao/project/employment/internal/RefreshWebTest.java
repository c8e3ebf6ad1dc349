package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.testing.FakeWebRequest;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.api.web.WebHandler;
import org.jixiao.api.web.WebResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The refresh pages under {@code /p/employment/refresh} and JSON under {@code /api/v1/p/employment/refresh}. */
class RefreshWebTest extends RefreshTestBase {

    private WebHandler web;
    private long a1;
    private long a2;

    @BeforeEach
    void handler() {
        web = moving.web();
        a1 = youth.create(A_STAFF, youth("<script>a1()</script>", LocalDate.of(1990, 1, 1), 1, YouthType.JOB_SEEKING,
                FixedOrgUnits.COUNTY_A, Education.BACHELOR, List.of("TRAINING"), "2013-01-10"));
        a2 = youth.create(A_STAFF, youth("A2", LocalDate.of(1985, 6, 15), 2, YouthType.ENTREPRENEUR,
                FixedOrgUnits.COUNTY_A, Education.SENIOR_HIGH, List.of("LOAN"), "2013-01-10"));
        youth.create(B_STAFF, youth("B1", LocalDate.of(1970, 1, 1), 5, YouthType.ENTREPRENEUR, FixedOrgUnits.COUNTY_B,
                Education.MASTER_OR_ABOVE, List.of(), "2013-01-10"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @Test
    void theFormConfirmsAndRedirectsToTheChanges() {
        WebResult r = web.handle(FakeWebRequest.html("POST", "/refresh/confirm", A_STAFF).param("county", "2")
                .param("year", "2013").param("period", "MARCH"));
        assertEquals(WebResult.Kind.REDIRECT, r.kind());
        assertEquals("/refresh/2?year=2013&period=MARCH&saved=1", r.target(), "the changes page says it was saved");
        assertEquals(3, refreshRows());
    }

    @Test
    void outsideTheWindowTheFormComesBackWithTheErrorAndNothingIsWritten() throws Exception {
        at(2013, 4, 2);
        WebResult r = web.handle(FakeWebRequest.html("POST", "/refresh/confirm", A_STAFF).param("county", "2")
                .param("year", "2013").param("period", "MARCH"));
        assertEquals(400, r.status());
        assertEquals(RefreshWeb.LIST_TEMPLATE, r.target());
        assertEquals(Map.of("window", RefreshService.WINDOW_CLOSED), r.model().get("errors"));
        assertEquals(0, refreshRows());
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            String html = PageRender.render(moving, r, A_STAFF, locale);
            assertTrue(html.contains(PageRender.msg(locale, RefreshService.WINDOW_CLOSED)));
            assertFalse(html.contains("method=\"post\""), "no confirm button while the window is closed");
        }
        assertThrows(AccessDeniedException.class, () -> web.handle(FakeWebRequest.html("POST", "/refresh/confirm",
                A_VIEWER)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void pagesRenderInBothLanguagesEscapedWithCsrf(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        String open = PageRender.render(moving, web.handle(FakeWebRequest.html("GET", "/refresh", CITY_ADMIN)),
                CITY_ADMIN, locale);
        assertTrue(open.contains(PageRender.msg(locale, "refresh.status.pending")));
        assertTrue(open.contains("甲县团委") && open.contains("乙区团委"), "the city sees every county");
        assertTrue(open.contains("action=\"/p/employment/refresh/confirm\""));
        assertTrue(open.contains("href=\"/p/employment/refresh/2?year=2013&amp;period=MARCH\""));
        TemplatesAndMessagesTest.assertCsrfInEveryPostForm(open);

        youth.update(A_STAFF, a1, youth("<script>a1()</script>", LocalDate.of(1990, 1, 1), 1, YouthType.JOB_SEEKING,
                FixedOrgUnits.COUNTY_A, Education.BACHELOR, List.of("TRAINING"), "2013-01-10"));
        refresh.confirm(A_STAFF, in(null));
        at(2013, 9, 3);
        youth.update(A_STAFF, a1, youth("<script>a1()</script>", LocalDate.of(1990, 1, 1), 1, YouthType.ENTREPRENEUR,
                FixedOrgUnits.COUNTY_A, Education.BACHELOR, List.of(), "2013-01-10"));
        youth.delete(A_STAFF, a2);
        youth.create(A_STAFF, youth("<b>new</b>", LocalDate.of(1993, 5, 5), 7, YouthType.JOB_SEEKING,
                FixedOrgUnits.COUNTY_A, Education.VOCATIONAL, List.of("INCUBATION"), "2013-09-01"));

        String own = PageRender.render(moving, web.handle(FakeWebRequest.html("GET", "/refresh", A_STAFF)), A_STAFF,
                locale);
        assertFalse(own.contains("乙区团委"), "a county sees only itself");
        assertTrue(own.contains(PageRender.msg(locale, "refresh.period.SEPTEMBER")));
        assertTrue(own.contains(java.text.MessageFormat.format(PageRender.msg(locale, "refresh.window"), "2013",
                PageRender.msg(locale, "refresh.period.MARCH")) + ": 2"), "the last refresh and its count");
        TemplatesAndMessagesTest.assertCsrfInEveryPostForm(own);

        String changes = PageRender.render(moving, web.handle(FakeWebRequest.html("GET", "/refresh/2", A_STAFF)),
                A_STAFF, locale);
        assertTrue(changes.contains("&lt;script&gt;a1()&lt;/script&gt;"), "names are escaped");
        assertTrue(changes.contains("&lt;b&gt;new&lt;/b&gt;"));
        assertFalse(changes.contains("<script>"));
        assertTrue(changes.contains(PageRender.msg(locale, "refresh.changes.live")));
        assertTrue(changes.contains(PageRender.msg(locale, "refresh.removed.DELETED")));
        assertTrue(changes.contains(PageRender.msg(locale, "youth.type.JOB_SEEKING") + " → "
                + PageRender.msg(locale, "youth.type.ENTREPRENEUR")));
        assertTrue(changes.contains(PageRender.msg(locale, "youth.needCategories.TRAINING") + " → "
                + PageRender.msg(locale, "refresh.needs.none")));
        assertTrue(changes.contains(PageRender.msg(locale, "youth.needCategories.INCUBATION")));
        assertTrue(changes.contains("a-staff"), "who confirmed March, in the history");
        TemplatesAndMessagesTest.assertCsrfInEveryPostForm(changes);

        String march = PageRender.render(moving, web.handle(FakeWebRequest.html("GET", "/refresh/2", A_STAFF)
                .param("window", "2013-MARCH")), A_STAFF, locale);
        assertTrue(march.contains(PageRender.msg(locale, "refresh.changes.baseNone")));
        assertFalse(march.contains("method=\"post\""), "a closed window offers no confirmation");

        String city = PageRender.render(moving, web.handle(FakeWebRequest.html("GET", "/refresh/3", CITY_ADMIN)),
                CITY_ADMIN, locale);
        assertTrue(city.contains(PageRender.msg(locale, "refresh.history.none")));
        String viewer = PageRender.render(moving, web.handle(FakeWebRequest.html("GET", "/refresh", A_VIEWER)),
                A_VIEWER, locale);
        assertFalse(viewer.contains("method=\"post\""), "a viewer cannot confirm");
    }

    @Test
    void pagesOfAnotherCountyAreNotFound() {
        assertThrows(NotFoundException.class, () -> web.handle(FakeWebRequest.html("GET", "/refresh/2", B_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeWebRequest.html("GET", "/refresh/abc", A_STAFF)));
        assertThrows(NotFoundException.class,
                () -> web.handle(FakeWebRequest.html("GET", "/refresh/confirm", A_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeWebRequest.html("DELETE", "/refresh", A_STAFF)));
    }

    @Test
    void jsonApi() {
        Map<String, Object> overview = body(web.handle(FakeWebRequest.api("GET", "/refresh", CITY_ADMIN)));
        assertEquals("MARCH", ((Map<?, ?>) overview.get("window")).get("period"));
        assertEquals(true, ((Map<?, ?>) overview.get("openWindow")).get("open"));
        assertEquals(2, list(overview.get("counties")).size());
        assertNull(list(overview.get("counties")).get(0).get("confirmation"));
        assertEquals(2L, list(overview.get("counties")).get(0).get("live"));

        WebResult created = web.handle(FakeWebRequest.api("POST", "/refresh/confirm", CITY_ADMIN)
                .body(Map.of("county", 2.0d)));
        assertEquals(201, created.status());
        Map<String, Object> c = body(created);
        assertEquals(2L, c.get("county"));
        assertEquals(2, c.get("total"));
        assertEquals("2013", c.get("year"));
        assertEquals(false, c.get("timeNodeMarked"), "no core time-node service in this test");
        long id = (Long) c.get("id");

        ValidationException bad = assertThrows(ValidationException.class, () -> web.handle(FakeWebRequest.api("POST",
                "/refresh/confirm", B_STAFF).body(Map.of("county", 2.0d))));
        assertEquals(Map.of("county", RefreshService.COUNTY_INVALID), bad.fieldErrors());
        assertEquals(Map.of("county", RefreshService.COUNTY_REQUIRED), assertThrows(ValidationException.class,
                () -> web.handle(FakeWebRequest.api("POST", "/refresh/confirm", CITY_ADMIN).body(List.of())))
                .fieldErrors());

        Map<String, Object> snapshot = body(web.handle(
                FakeWebRequest.api("GET", "/refresh/snapshots/" + id, A_VIEWER)));
        Map<?, ?> items = (Map<?, ?>) snapshot.get("items");
        assertEquals(2L, items.get("total"));
        assertEquals(List.of(a1, a2), list(items.get("items")).stream().map(m -> m.get("youth")).toList());
        assertFalse(list(items.get("items")).get(0).containsKey("name"), "a snapshot has no names");
        assertThrows(NotFoundException.class, () -> web.handle(FakeWebRequest.api("GET", "/refresh/snapshots/" + id,
                B_STAFF)));

        at(2013, 9, 9);
        youth.delete(A_STAFF, a2);
        Map<String, Object> diff = body(web.handle(FakeWebRequest.api("GET", "/refresh/2", A_STAFF)));
        assertEquals(id, ((Map<?, ?>) diff.get("baseline")).get("id"));
        assertNull(diff.get("target"));
        assertEquals(0, diff.get("added"));
        assertEquals(1, diff.get("removed"));
        assertEquals(1, diff.get("unchanged"));
        assertEquals("DELETED", list(diff.get("removedList")).get(0).get("gone"));
        assertEquals("A2", list(diff.get("removedList")).get(0).get("name"));

        Map<String, Object> march = body(web.handle(FakeWebRequest.api("GET", "/refresh/2", A_STAFF)
                .param("year", "2013").param("period", "MARCH")));
        assertEquals(2, march.get("added"));
        assertEquals(id, ((Map<?, ?>) march.get("target")).get("id"));
        Map<String, Object> future = body(web.handle(FakeWebRequest.api("GET", "/refresh/2", A_STAFF)
                .param("year", "2099").param("period", "MARCH")));
        assertEquals("SEPTEMBER", ((Map<?, ?>) future.get("window")).get("period"), "a window to come is the latest");

        Map<String, Object> history = body(web.handle(FakeWebRequest.api("GET", "/refresh/2/history", A_STAFF)));
        assertEquals(1L, history.get("total"));
        assertEquals("city", list(history.get("items")).get(0).get("confirmedBy"));
        assertThrows(NotFoundException.class, () -> web.handle(FakeWebRequest.api("GET", "/refresh/2/history",
                B_STAFF)));
        assertThrows(NotFoundException.class, () -> web.handle(FakeWebRequest.api("PUT", "/refresh/2", A_STAFF)));

        ValidationException closed = assertThrows(ValidationException.class, () -> web.handle(FakeWebRequest.api("POST",
                "/refresh/confirm", A_STAFF).body(Map.of("year", 2013.0d, "period", "MARCH"))));
        assertEquals(Map.of("window", RefreshService.WINDOW_CLOSED), closed.fieldErrors());
    }
}
