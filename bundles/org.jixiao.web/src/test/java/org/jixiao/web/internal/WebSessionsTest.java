package org.jixiao.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class WebSessionsTest {

    private static final long IDLE = 30 * 60_000L;

    private final AtomicLong now = new AtomicLong(1_000_000L);
    private final WebSessions sessions = new WebSessions(IDLE, false, now::get);

    private Optional<WebSession> find(WebSession s) {
        return sessions.find(Fakes.request(WebSessions.COOKIE, s.id));
    }

    @Test
    void startSetsAStrictHttpOnlyCookieNamingTheSession() {
        Fakes.Response response = new Fakes.Response();
        WebSession s = sessions.start(Fakes.request(), response.proxy, 7L);
        String cookie = response.lastSetCookie();
        assertTrue(cookie.startsWith(WebSessions.COOKIE + "=" + s.id + ";"), cookie);
        assertTrue(cookie.contains("; HttpOnly"), cookie);
        assertTrue(cookie.contains("; SameSite=Strict"), cookie);
        assertTrue(cookie.contains("; Path=/"), cookie);
        assertFalse(cookie.contains("Secure"), cookie);
        assertEquals(7L, s.userId);
        assertTrue(s.authenticated());
    }

    @Test
    void secureCookiesWhenConfigured() {
        WebSessions secure = new WebSessions(IDLE, true, now::get);
        Fakes.Response response = new Fakes.Response();
        secure.start(Fakes.request(), response.proxy, null);
        assertTrue(response.lastSetCookie().endsWith("; Secure"), response.lastSetCookie());
        secure.end(Fakes.request(), secure.start(Fakes.request(), response.proxy, null), response.proxy);
        assertTrue(response.lastSetCookie().contains("Max-Age=0"), response.lastSetCookie());
        assertTrue(response.lastSetCookie().endsWith("; Secure"), response.lastSetCookie());
    }

    /** Issue 12, item 9: reached over HTTPS, the cookie is Secure without anyone having to configure it. */
    @Test
    void secureCookiesOverHttps() {
        Fakes.Response response = new Fakes.Response();
        WebSession s = sessions.start(Fakes.request(true), response.proxy, 7L);
        assertTrue(response.lastSetCookie().endsWith("; Secure"), response.lastSetCookie());
        sessions.end(Fakes.request(true), s, response.proxy);
        assertTrue(response.lastSetCookie().endsWith("; Secure"), response.lastSetCookie());
    }

    @Test
    void aRestartAfterAPasswordChangeEndsEverySessionOfTheUserAndContinuesTheLogin() {
        WebSession mine = sessions.start(Fakes.request(), new Fakes.Response().proxy, 1L);
        WebSession other = sessions.start(Fakes.request(), new Fakes.Response().proxy, 1L);
        WebSession fresh = sessions.restart(Fakes.request(), new Fakes.Response().proxy, mine);
        assertTrue(find(mine).isEmpty());
        assertTrue(find(other).isEmpty());
        assertSame(fresh, find(fresh).orElseThrow());
        assertEquals(mine.origin, fresh.origin, "the tokens this login minted stay its own");
        assertNotEquals(mine.origin, other.origin);
        assertNotEquals(mine.csrfToken, fresh.csrfToken);
    }

    @Test
    void idsAndCsrfTokensAreLongRandomAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            WebSession s = sessions.start(Fakes.request(), new Fakes.Response().proxy, null);
            assertTrue(seen.add(s.id), "duplicate id");
            assertTrue(seen.add(s.csrfToken), "duplicate token");
            assertNotEquals(s.id, s.csrfToken);
            // 32 random bytes, base64url without padding
            assertEquals(43, s.id.length());
            assertTrue(s.id.matches("[A-Za-z0-9_-]+"), s.id);
        }
    }

    @Test
    void startRotatesTheIdAndTheOldSessionIsGoneAfterEnd() {
        Fakes.Response response = new Fakes.Response();
        WebSession anonymous = sessions.findOrCreate(Fakes.request(), response.proxy);
        assertFalse(anonymous.authenticated());

        // What the login does: end the anonymous session, start a fresh one for the user.
        sessions.end(Fakes.request(), anonymous, response.proxy);
        WebSession fresh = sessions.start(Fakes.request(), response.proxy, 42L);

        assertNotEquals(anonymous.id, fresh.id);
        assertNotEquals(anonymous.csrfToken, fresh.csrfToken);
        assertTrue(find(anonymous).isEmpty(), "the pre-login id must not stay valid");
        assertSame(fresh, find(fresh).orElseThrow());
        assertTrue(response.setCookies.stream().anyMatch(c -> c.startsWith(WebSessions.COOKIE + "=;")
                && c.contains("Max-Age=0")), response.setCookies.toString());
    }

    @Test
    void findWithoutOrWithUnknownCookieIsEmpty() {
        assertTrue(sessions.find(Fakes.request()).isEmpty());
        assertTrue(sessions.find(Fakes.request("other", "x")).isEmpty());
        assertTrue(sessions.find(Fakes.request(WebSessions.COOKIE, "forged")).isEmpty());
    }

    @Test
    void findOrCreateReusesALiveSession() {
        WebSession s = sessions.start(Fakes.request(), new Fakes.Response().proxy, null);
        Fakes.Response response = new Fakes.Response();
        assertSame(s, sessions.findOrCreate(Fakes.request(WebSessions.COOKIE, s.id), response.proxy));
        assertTrue(response.setCookies.isEmpty(), "no new cookie for a live session");
    }

    @Test
    void sessionExpiresAfterTheIdleTimeout() {
        WebSession s = sessions.start(Fakes.request(), new Fakes.Response().proxy, 1L);
        now.addAndGet(IDLE);
        assertTrue(find(s).isPresent(), "exactly the idle time is still live");
        now.addAndGet(IDLE + 1);
        assertTrue(find(s).isEmpty(), "idle longer than the timeout");
        now.addAndGet(-IDLE); // even if the clock went back, the expired session was dropped
        assertTrue(find(s).isEmpty(), "an expired session is removed, not just hidden");
    }

    @Test
    void activityKeepsTheSessionAlive() {
        WebSession s = sessions.start(Fakes.request(), new Fakes.Response().proxy, 1L);
        for (int i = 0; i < 10; i++) {
            now.addAndGet(IDLE - 1);
            assertTrue(find(s).isPresent(), "request " + i);
        }
        assertEquals(now.get(), s.lastSeenMillis);
    }

    @Test
    void startingASessionPurgesIdleOnes() {
        WebSession old = sessions.start(Fakes.request(), new Fakes.Response().proxy, 1L);
        now.addAndGet(IDLE + 1);
        sessions.start(Fakes.request(), new Fakes.Response().proxy, 2L);
        now.addAndGet(-(IDLE + 1)); // back in time: only a purge explains its absence now
        assertTrue(find(old).isEmpty());
    }

    /**
     * Issue 18: every new anonymous visitor (each respondent of a questionnaire) counted all sessions, and the idle
     * ones were purged at every start, and at the cap the least recently seen was searched for. Now the anonymous ones
     * are counted as they come and go, idle ones are swept once a minute at most, and at the cap the first to come
     * makes room unless seen since; the cap holds as before.
     */
    @Test
    void anonymousSessionsAreCappedWithoutAPassOverAllSessionsAtEachStart() {
        WebSession user = sessions.start(Fakes.request(), new Fakes.Response().proxy, 1L);
        long passes = sessions.passes.get();
        WebSession first = sessions.start(Fakes.request(), new Fakes.Response().proxy, null);
        WebSession second = sessions.start(Fakes.request(), new Fakes.Response().proxy, null);
        for (int i = 2; i < WebSessions.MAX_ANONYMOUS; i++) {
            sessions.start(Fakes.request(), new Fakes.Response().proxy, null);
        }
        assertEquals(WebSessions.MAX_ANONYMOUS, sessions.anonymous());
        assertEquals(passes, sessions.passes.get(), "no pass over the sessions within the minute");
        now.incrementAndGet();
        assertTrue(find(first).isPresent(), "seen again: no longer the least recently seen");
        WebSession more = sessions.start(Fakes.request(), new Fakes.Response().proxy, null);
        assertEquals(WebSessions.MAX_ANONYMOUS, sessions.anonymous());
        assertTrue(find(more).isPresent());
        assertTrue(find(first).isPresent());
        assertEquals(passes, sessions.passes.get(), "nor at the cap");
        assertTrue(find(second).isEmpty(), "the first to come and not seen since made room");
        assertTrue(find(user).isPresent(), "a login never makes room for an anonymous visitor");

        // Ended, expired or swept out, they leave the count.
        sessions.end(Fakes.request(), more, new Fakes.Response().proxy);
        sessions.end(Fakes.request(), more, new Fakes.Response().proxy);
        assertEquals(WebSessions.MAX_ANONYMOUS - 1, sessions.anonymous());
        now.addAndGet(IDLE + 1);
        assertTrue(find(first).isEmpty());
        assertEquals(WebSessions.MAX_ANONYMOUS - 2, sessions.anonymous());
        sessions.start(Fakes.request(), new Fakes.Response().proxy, 2L);
        assertEquals(0, sessions.anonymous());
    }

    @Test
    void endAllOfEndsOnlyThatUsersSessions() {
        WebSession a1 = sessions.start(Fakes.request(), new Fakes.Response().proxy, 1L);
        WebSession a2 = sessions.start(Fakes.request(), new Fakes.Response().proxy, 1L);
        WebSession b = sessions.start(Fakes.request(), new Fakes.Response().proxy, 2L);
        WebSession anonymous = sessions.start(Fakes.request(), new Fakes.Response().proxy, null);
        sessions.endAllOf(1L);
        assertTrue(find(a1).isEmpty());
        assertTrue(find(a2).isEmpty());
        assertTrue(find(b).isPresent());
        assertTrue(find(anonymous).isPresent());
    }

    @Test
    void csrfMatchesOnlyTheExactToken() {
        WebSession s = sessions.start(Fakes.request(), new Fakes.Response().proxy, 1L);
        WebSession other = sessions.start(Fakes.request(), new Fakes.Response().proxy, 1L);
        assertTrue(WebSessions.csrfMatches(s, s.csrfToken));
        assertTrue(WebSessions.csrfMatches(s, new String(s.csrfToken.toCharArray())));
        assertFalse(WebSessions.csrfMatches(s, null));
        assertFalse(WebSessions.csrfMatches(s, ""));
        assertFalse(WebSessions.csrfMatches(s, other.csrfToken));
        assertFalse(WebSessions.csrfMatches(s, s.csrfToken.substring(1)));
        assertFalse(WebSessions.csrfMatches(s, s.csrfToken + "x"));
        assertFalse(WebSessions.csrfMatches(s, s.csrfToken.toUpperCase()));
        assertFalse(WebSessions.csrfMatches(s, s.id), "the session id is not the CSRF token");
    }

    @Test
    void cookieHelperPicksTheNamedCookie() {
        assertNull(WebSessions.cookie(Fakes.request(), "a"));
        assertEquals("2", WebSessions.cookie(Fakes.request("a", "1", "b", "2"), "b"));
        assertNull(WebSessions.cookie(Fakes.request("a", "1"), "A"));
    }
}
