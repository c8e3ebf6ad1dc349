package org.jixiao.web.internal;

import static org.jixiao.web.internal.QuestionnaireFakes.CITY;
import static org.jixiao.web.internal.QuestionnaireFakes.unused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jixiao.api.Actor;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.security.Authentication;
import org.jixiao.api.security.LoginResult;
import org.jixiao.api.security.UserService;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, items 3, 4 and 9: the login form's throttle per client address and its one answer for every lock, the
 * sessions and tokens a password reset or change through the JSON API ends, and cookies and HSTS over HTTPS.
 */
class LoginHardeningTest {

    private final Actor admin = new Actor(1, "admin", Set.of(Role.ADMIN), CITY, Messages.ZH_CN);
    private final Actor li = new Actor(5, "li.si", Set.of(Role.STAFF), CITY, Messages.ZH_CN);
    /** What the login answers, whatever was typed. */
    private LoginResult.Status loginAnswer = LoginResult.Status.INVALID;
    /** The origins the pages and the API handed the core with a password change or a new token. */
    private final List<String> origins = new ArrayList<>();
    private final List<Long> resets = new ArrayList<>();

    private final WebSessions sessions = new WebSessions(30 * 60_000L, false, System::currentTimeMillis);
    private final Authentication authentication = authentication();
    private final PageServlet pages = AccountServlets.pages(sessions, authentication, users(),
            unused(OrgUnitService.class), unused(ProjectRegistry.class));
    private final ApiServlet api = AccountServlets.api(sessions, authentication, users(),
            unused(OrgUnitService.class), unused(ProjectRegistry.class));

    private Authentication authentication() {
        return (Authentication) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Authentication.class}, (p, m, args) -> switch (m.getName()) {
                    case "login" -> new LoginResult(loginAnswer, loginAnswer == LoginResult.Status.OK ? li : null, false,
                            null);
                    case "actor" -> Optional.of((Long) args[0] == admin.userId() ? admin : li);
                    case "authenticateToken" -> "jx_admin".equals(args[0]) ? Optional.of(admin)
                            : "jx_li".equals(args[0]) ? Optional.of(li) : Optional.empty();
                    case "changePassword" -> {
                        origins.add((String) args[3]);
                        yield null;
                    }
                    case "createToken" -> {
                        origins.add((String) args[2]);
                        yield "jx_new";
                    }
                    case "tokens" -> List.of();
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private UserService users() {
        return (UserService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {UserService.class},
                (p, m, args) -> {
                    if (m.getName().equals("resetPassword")) {
                        resets.add((Long) args[1]);
                        return "Initial-Passw0rd-1";
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    private QuestionnaireFakes.Response send(HttpServlet servlet, QuestionnaireFakes.Request request) throws Exception {
        QuestionnaireFakes.Response response = new QuestionnaireFakes.Response();
        servlet.service(request.proxy(), response.proxy());
        return response;
    }

    private interface HttpServlet {
        void service(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
                throws Exception;
    }

    /** A login attempt from {@code address}, with a live anonymous session's CSRF token as the form carries it. */
    private QuestionnaireFakes.Response login(String address, String username) throws Exception {
        WebSession anonymous = sessions.start(Fakes.request(), new QuestionnaireFakes.Response().proxy(), null);
        QuestionnaireFakes.Request request = new QuestionnaireFakes.Request("POST", "/login")
                .param("_csrf", anonymous.csrfToken).param("username", username).param("password", "Wrong-Passw0rd")
                .cookie(WebSessions.COOKIE, anonymous.id);
        request.remoteAddr = address;
        return send(pages::service, request);
    }

    // ---------------------------------------------------------------- item 3

    @Test
    void oneAddressGetsTenLoginsAMinuteThenA429WithRetryAfterWhileOthersGoOn() throws Exception {
        for (int i = 1; i <= PageServlet.FAILED_LOGINS_PER_MINUTE; i++) {
            assertEquals(401, login("203.0.113.66", i % 2 == 0 ? "admin" : "nobody" + i).status, "attempt " + i);
        }
        QuestionnaireFakes.Response refused = login("203.0.113.66", "admin");
        assertEquals(429, refused.status);
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertTrue(refused.text().contains("登录过于频繁"), "the page says why, in words");
        assertEquals(401, login("198.51.100.20", "admin").status, "the owner, elsewhere, is not slowed down");
    }

    @Test
    void successfulLoginsAreNotThrottled() throws Exception {
        loginAnswer = LoginResult.Status.OK;
        for (int i = 0; i < 3 * PageServlet.FAILED_LOGINS_PER_MINUTE; i++) {
            assertEquals(303, login("192.0.2.99", "staff" + i).status, "a whole office behind one address, " + i);
        }
    }

    @Test
    void aLockReadsTheSameForEveryNameAndSaysNothingOfAnAccount() throws Exception {
        loginAnswer = LoginResult.Status.LOCKED;
        String known = login("192.0.2.1", "admin").text();
        String unknown = login("192.0.2.1", "no.such.user").text();
        assertTrue(known.contains("从此地址以该用户名登录失败次数过多"), known);
        assertFalse(known.contains("账户已锁定"), "the old words said the account exists");
        assertEquals(known.replaceAll("value=\"[^\"]*\"", ""), unknown.replaceAll("value=\"[^\"]*\"", ""),
                "the same page but for the name and the form's token");
    }

    // ---------------------------------------------------------------- item 4

    @Test
    void aResetThroughTheJsonApiEndsTheUsersSessionsAsThePageDoes() throws Exception {
        WebSession lisSession = sessions.start(Fakes.request(), new QuestionnaireFakes.Response().proxy(), li.userId());
        QuestionnaireFakes.Request reset = new QuestionnaireFakes.Request("POST", "/api/v1/users/5/reset-password");
        reset.headers.put("Authorization", "Bearer jx_admin");
        QuestionnaireFakes.Response r = send(api::service, reset);
        assertEquals(200, r.status, r.text());
        assertEquals(List.of(5L), resets);
        assertTrue(sessions.find(Fakes.request(WebSessions.COOKIE, lisSession.id)).isEmpty(),
                "the session of whoever held the old password ended");
    }

    @Test
    void aPasswordChangeThroughTheJsonApiEndsTheOtherSessionsAndKeepsThisLoginsTokens() throws Exception {
        WebSession mine = sessions.start(Fakes.request(), new QuestionnaireFakes.Response().proxy(), li.userId());
        WebSession theirs = sessions.start(Fakes.request(), new QuestionnaireFakes.Response().proxy(), li.userId());
        QuestionnaireFakes.Request change = new QuestionnaireFakes.Request("POST", "/api/v1/me/password")
                .cookie(WebSessions.COOKIE, mine.id);
        change.headers.put(ApiServlet.CSRF_HEADER, mine.csrfToken);
        change.contentType = "application/json";
        change.body = "{\"currentPassword\":\"Old-Passw0rd-1\",\"newPassword\":\"New-Passw0rd-1\"}"
                .getBytes(StandardCharsets.UTF_8);
        QuestionnaireFakes.Response r = send(api::service, change);
        assertEquals(200, r.status, r.text());
        assertEquals(List.of(mine.origin), origins, "the core keeps the tokens this login minted");
        assertTrue(sessions.find(Fakes.request(WebSessions.COOKIE, theirs.id)).isEmpty());
        assertTrue(sessions.find(Fakes.request(WebSessions.COOKIE, mine.id)).isEmpty(), "rotated, as on the page");
        WebSession fresh = sessions.find(Fakes.request(WebSessions.COOKIE, r.sessionCookie())).orElseThrow();
        assertEquals(mine.origin, fresh.origin);
        assertTrue(r.text().contains(fresh.csrfToken), "the caller goes on with the fresh session's token");

        // A token minted later by the fresh session carries the same origin.
        QuestionnaireFakes.Request mint = new QuestionnaireFakes.Request("POST", "/api/v1/tokens")
                .cookie(WebSessions.COOKIE, fresh.id);
        mint.headers.put(ApiServlet.CSRF_HEADER, fresh.csrfToken);
        mint.contentType = "application/json";
        mint.body = "{\"name\":\"ci\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(201, send(api::service, mint).status);
        assertEquals(List.of(mine.origin, mine.origin), origins);
    }

    @Test
    void aBearerTokenChangingThePasswordIsTheOriginThatStays() throws Exception {
        WebSession browser = sessions.start(Fakes.request(), new QuestionnaireFakes.Response().proxy(), li.userId());
        QuestionnaireFakes.Request change = new QuestionnaireFakes.Request("POST", "/api/v1/me/password");
        change.headers.put("Authorization", "Bearer jx_li");
        change.contentType = "application/json";
        change.body = "{\"currentPassword\":\"a\",\"newPassword\":\"b\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(200, send(api::service, change).status);
        assertEquals(List.of("jx_li"), origins);
        assertTrue(sessions.find(Fakes.request(WebSessions.COOKIE, browser.id)).isEmpty());
    }

    // ---------------------------------------------------------------- item 9

    @Test
    void overHttpsCookiesAreSecureAndHstsIsSent() throws Exception {
        QuestionnaireFakes.Request request = new QuestionnaireFakes.Request("GET", "/login");
        request.secure = true;
        QuestionnaireFakes.Response r = send(pages::service, request);
        assertEquals(200, r.status);
        assertEquals(Http.HSTS, r.header("Strict-Transport-Security"));
        assertTrue(r.header("Set-Cookie").endsWith("; Secure"), r.header("Set-Cookie"));

        QuestionnaireFakes.Response plain = send(pages::service, new QuestionnaireFakes.Request("GET", "/login"));
        assertNull(plain.header("Strict-Transport-Security"), "never over plain HTTP");
        assertFalse(plain.header("Set-Cookie").contains("Secure"), plain.header("Set-Cookie"));

        QuestionnaireFakes.Request apiRequest = new QuestionnaireFakes.Request("GET", "/api/v1/me");
        apiRequest.secure = true;
        assertNotNull(send(api::service, apiRequest).header("Strict-Transport-Security"));
    }

    @Test
    void behindAProxyTheConfiguredPublicAddressSaysHttps() {
        assertTrue(Http.https(false, "https://jixiao.example.gov.cn"));
        assertTrue(Http.https(false, " HTTPS://jixiao.example.gov.cn/"));
        assertFalse(Http.https(false, "http://jixiao.example.gov.cn"));
        assertFalse(Http.https(false, null));
        assertTrue(Http.https(true, null));
    }
}
