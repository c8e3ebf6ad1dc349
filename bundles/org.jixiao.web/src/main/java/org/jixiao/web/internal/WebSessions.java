package org.jixiao.web.internal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Sessions kept in memory: a restart logs everybody out, which is the safe default for a node that holds
 * personal data. The cookie is HttpOnly and SameSite=Strict; ids are 256-bit random and rotated at login. It is
 * Secure whenever the node is reached over HTTPS (or configured so), so it never travels in clear text after.
 */
@Component(service = WebSessions.class, configurationPid = WebConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = WebConfig.class)
public final class WebSessions {

    static final String COOKIE = "JX_SESSION";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** How often idle sessions are swept out at most: {@link #find} refuses an idle one anyway; this bounds memory. */
    static final long SWEEP_MILLIS = 60_000L;

    private final Map<String, WebSession> sessions = new ConcurrentHashMap<>();
    /** The anonymous sessions in {@link #sessions}, kept as they come and go rather than counted at each start. */
    private final AtomicInteger anonymous = new AtomicInteger();
    private final AtomicLong nextSweep = new AtomicLong();
    /** Anonymous sessions in the order they came: the first to make room in a flood, see {@link #makeRoom}. */
    private final Queue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    /** Passes over all sessions so far: a test checks that a session's start does not make one each time. */
    final AtomicLong passes = new AtomicLong();
    private final long idleMillis;
    private final boolean secure;
    private final LongSupplier clock;

    @Activate
    public WebSessions(WebConfig config) {
        this(config.sessionIdleMinutes() * 60_000L, config.secureCookies(), System::currentTimeMillis);
    }

    WebSessions(long idleMillis, boolean secure, LongSupplier clock) {
        this.idleMillis = idleMillis;
        this.secure = secure;
        this.clock = clock;
    }

    /** The live session the request's cookie names; an idle one is dropped and not returned. */
    Optional<WebSession> find(HttpServletRequest request) {
        String id = cookie(request, COOKIE);
        if (id == null) {
            return Optional.empty();
        }
        WebSession session = sessions.get(id);
        long now = clock.getAsLong();
        if (session == null) {
            return Optional.empty();
        }
        if (now - session.lastSeenMillis > idleMillis) {
            drop(session);
            return Optional.empty();
        }
        session.lastSeenMillis = now;
        return Optional.of(session);
    }

    /** The request's session, or a new anonymous one whose cookie is set on the response. */
    WebSession findOrCreate(HttpServletRequest request, HttpServletResponse response) {
        return find(request).orElseGet(() -> start(request, response, null));
    }

    /** Anonymous sessions only carry a login form's CSRF token; a flood of them must not fill the heap. */
    static final int MAX_ANONYMOUS = 10_000;

    /** Starts a fresh session (new id, new CSRF token), for a login or an anonymous visitor. */
    WebSession start(HttpServletRequest request, HttpServletResponse response, Long userId) {
        return start(request, response, userId, random());
    }

    /**
     * After the user's password changed: ends every session of theirs, this one included, and starts a fresh one
     * (new id, new CSRF token) that continues the same login, so the tokens it minted stay.
     */
    WebSession restart(HttpServletRequest request, HttpServletResponse response, WebSession current) {
        endAllOf(current.userId);
        return start(request, response, current.userId, current.origin);
    }

    private WebSession start(HttpServletRequest request, HttpServletResponse response, Long userId, String origin) {
        long now = clock.getAsLong();
        sweepIfDue(now);
        if (userId == null && anonymous.get() >= MAX_ANONYMOUS) {
            makeRoom();
        }
        WebSession session = new WebSession(random(), random(), userId, origin, now);
        sessions.put(session.id, session);
        if (userId == null) {
            anonymous.incrementAndGet();
            arrivals.add(new Arrival(session, now));
        }
        response.addHeader("Set-Cookie", COOKIE + "=" + session.id + "; Path=/; HttpOnly; SameSite=Strict"
                + secureFlag(request));
        return session;
    }

    void end(HttpServletRequest request, WebSession session, HttpServletResponse response) {
        drop(session);
        response.addHeader("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                + secureFlag(request));
    }

    /** Ends every session of a user, e.g. after their password changed elsewhere. */
    void endAllOf(long userId) {
        sessions.values().stream().filter(s -> s.userId != null && s.userId == userId).toList().forEach(this::drop);
    }

    /** How many anonymous sessions are live or not yet swept out. */
    int anonymous() {
        return anonymous.get();
    }

    /**
     * A flood of anonymous sessions: the one that came first makes room, unless it was seen again since it joined
     * the queue; then it goes to the back (a second chance), so a respondent still answering outlives one who left.
     * No pass over all sessions: each is put back at most once for each time it was seen.
     */
    private void makeRoom() {
        for (Arrival a; (a = arrivals.poll()) != null;) {
            WebSession s = a.session();
            if (sessions.get(s.id) != s) {
                continue;
            }
            if (s.lastSeenMillis != a.seen()) {
                arrivals.add(new Arrival(s, s.lastSeenMillis));
                continue;
            }
            drop(s);
            return;
        }
    }

    /** An anonymous session in {@link #arrivals}, with when it was last seen as it joined. */
    private record Arrival(WebSession session, long seen) {
    }

    private void drop(WebSession session) {
        if (sessions.remove(session.id, session) && !session.authenticated()) {
            anonymous.decrementAndGet();
        }
    }

    /** "; Secure" for a cookie set over HTTPS (see {@link Http#https}) or when configured, else nothing. */
    String secureFlag(HttpServletRequest request) {
        return secure || Http.https(request) ? "; Secure" : "";
    }

    static boolean csrfMatches(WebSession session, String token) {
        return token != null && MessageDigest.isEqual(session.csrfToken.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    /** Drops the idle sessions, once a {@link #SWEEP_MILLIS} (or an idle timeout, when shorter) at most. */
    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        if (now >= due && nextSweep.compareAndSet(due, now + Math.min(SWEEP_MILLIS, idleMillis))) {
            passes.incrementAndGet();
            sessions.values().stream().filter(s -> now - s.lastSeenMillis > idleMillis).toList().forEach(this::drop);
            arrivals.removeIf(a -> sessions.get(a.session().id) != a.session());
        }
    }

    static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (name.equals(c.getName())) {
                return c.getValue();
            }
        }
        return null;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
