package org.jixiao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import org.jixiao.itests.support.Browser;
import org.jixiao.itests.support.Browser.Response;
import org.jixiao.itests.support.KarafTestSupport;
import org.jixiao.itests.support.Node;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Login, lockout, CSRF, administration and the JSON API, over real HTTP against the booted distribution. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class WebSecurityIT extends KarafTestSupport {

    @Test
    public void rootRedirectsToAChineseLoginPageWithAnEnglishSwitch() throws Exception {
        Browser b = new Browser(Node.port());
        assertTrue(b.get("/").redirectsTo("/login"));
        Response login = b.get("/login");
        assertEquals(200, login.status());
        assertTrue(login.body().contains("lang=\"zh-CN\""));
        assertTrue(login.body().contains("登录"));
        Response switched = b.get("/lang?to=en&back=/login");
        assertTrue(switched.redirectsTo("/login"));
        assertTrue(b.get("/login").body().contains("Log in"));
        // An open redirect is refused: only local paths are followed.
        assertTrue(b.get("/lang?to=en&back=//evil.example/").redirectsTo("/"));
    }

    @Test
    public void initialAdminMustChangePasswordAndThenReachesHome() throws Exception {
        Browser admin = Node.admin();
        Response home = admin.get("/home");
        assertEquals(200, home.status());
        assertTrue(home.body().contains("employment"));
    }

    @Test
    public void wrongPasswordIsRefusedAndFiveFailuresLockTheAccount() throws Exception {
        Browser admin = Node.admin();
        long unit = createUnit(admin, "lock-county", "锁定测试县");
        createUser(admin, "locky", unit, "STAFF", "Latch-Pass-123");

        Browser b = new Browser(Node.port());
        Response ok = b.login("locky", "Latch-Pass-123", null);
        assertTrue(ok.redirectsTo("/password"));

        Browser attacker = new Browser(Node.port());
        for (int i = 0; i < 5; i++) {
            Response wrong = attacker.login("locky", "wrong-password-" + i, null);
            assertEquals(401, wrong.status());
        }
        Response locked = attacker.login("locky", "Latch-Pass-123", null);
        assertEquals(401, locked.status());
        // Locked for this address and name only (issue 12, item 3; RestartIT measures it from two addresses).
        assertTrue(locked.text(), locked.body().contains("失败次数过多"));
        // An unknown user gets the same answer as a wrong password: nothing reveals which accounts exist.
        Response unknown = attacker.login("nobody-here", "whatever-123", null);
        assertEquals(401, unknown.status());
        assertTrue(unknown.body().contains("用户名或密码错误"));
    }

    @Test
    public void postsWithoutTheCsrfTokenAreRefusedAndWriteNothing() throws Exception {
        Browser admin = Node.admin();
        Response refused = admin.postRaw("/admin/units", Map.of("parentId", "1", "code", "no-csrf", "name",
                "无令牌县", "level", "COUNTY"));
        assertEquals(403, refused.status());
        Response forged = admin.postRaw("/admin/units", Map.of("_csrf", "forged", "parentId", "1", "code",
                "no-csrf", "name", "无令牌县", "level", "COUNTY"));
        assertEquals(403, forged.status());
        assertFalse(admin.get("/admin/units").body().contains("no-csrf"));

        // The JSON API with the browser session needs the token in a header.
        Browser headerless = new Browser(Node.port());
        headerless.login("admin", Node.ADMIN_PASSWORD, null);
        Response api = headerless.json("POST", "/api/v1/org-units",
                "{\"parentId\":1,\"code\":\"no-csrf\",\"name\":\"x\",\"level\":\"COUNTY\"}", null);
        assertEquals(403, api.status());
        // The login form itself is protected.
        Browser fresh = new Browser(Node.port());
        assertEquals(403, fresh.postRaw("/login", Map.of("username", "admin", "password", "x")).status());
    }

    @Test
    public void badInputIsExplainedInChineseAndWritesNothing() throws Exception {
        Browser admin = Node.admin();
        admin.open("/admin/units");
        Response bad = admin.post("/admin/units", Map.of("parentId", "1", "code", "has space", "name", "",
                "level", "COUNTY"));
        assertEquals(400, bad.status());
        assertTrue(bad.body(), bad.body().contains("单位代码只能包含"));
        assertTrue(bad.body(), bad.body().contains("请填写单位名称"));
        assertFalse(admin.get("/admin/units").body().contains("has space"));

        Response api = admin.json("POST", "/api/v1/users", "{\"username\":\"x\",\"roles\":[\"STAFF\"]}", null);
        assertEquals(400, api.status());
        JsonObject error = JsonParser.parseString(api.body()).getAsJsonObject();
        assertEquals("validation", error.get("error").getAsString());
        assertTrue(error.getAsJsonObject("fields").has("username"));

        Response malformed = admin.json("POST", "/api/v1/org-units", "{not json", null);
        assertEquals(400, malformed.status());
    }

    @Test
    public void countyAdminsAndUsersSeeOnlyTheirOwnCounty() throws Exception {
        Browser admin = Node.admin();
        long a = createUnit(admin, "scope-a", "甲县");
        long b = createUnit(admin, "scope-b", "乙县");
        long userB = createUser(admin, "admin-b", b, "ADMIN", "Birch-B-Pass-1");
        createUser(admin, "staff-a", a, "STAFF", "Crew-A-Pass-1");

        Browser countyB = new Browser(Node.port());
        assertTrue(countyB.login("admin-b", "Birch-B-Pass-1", "Birch-B-Pass-2").redirectsTo("/home?changed=1"));
        Response users = countyB.get("/admin/users");
        assertEquals(200, users.status());
        assertTrue(users.body().contains("admin-b"));
        assertFalse(users.body().contains("staff-a"));
        Response units = countyB.json("GET", "/api/v1/org-units", null, null);
        assertFalse(units.body().contains("scope-a"));
        assertEquals(404, countyB.json("GET", "/api/v1/org-units/" + a, null, null).status());
        // Creating a unit under another county is refused, and so is a user there.
        countyB.open("/admin/units");
        Response elsewhere = countyB.json("POST", "/api/v1/org-units",
                "{\"parentId\":" + a + ",\"code\":\"b-in-a\",\"name\":\"越权\",\"level\":\"ZONE\"}", null);
        assertTrue(String.valueOf(elsewhere.status()), elsewhere.status() == 404 || elsewhere.status() == 400);
        assertFalse(admin.get("/admin/units").body().contains("b-in-a"));
        assertEquals(200, countyB.get("/admin/users/" + userB).status());
    }

    @Test
    public void personalApiTokensWorkUntilRevoked() throws Exception {
        Browser admin = Node.admin();
        admin.open("/account/tokens");
        Response created = admin.post("/account/tokens", Map.of("name", "报表脚本"));
        assertEquals(200, created.status());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(jx_[A-Za-z0-9_\\-]+)").matcher(created.body());
        assertTrue(m.find());
        String token = m.group(1);

        Browser program = new Browser(Node.port());
        Response me = program.json("GET", "/api/v1/me", null, token);
        assertEquals(200, me.status());
        assertTrue(me.body().contains("\"username\":\"admin\""));
        assertEquals(401, program.json("GET", "/api/v1/me", null, "jx_not-a-token").status());
        assertEquals(401, program.json("GET", "/api/v1/me", null, null).status());

        // The admin's other tokens (other classes on this node make some) are not this test's to revoke.
        JsonObject listed = null;
        for (JsonElement t : JsonParser.parseString(admin.json("GET", "/api/v1/tokens", null, null).body())
                .getAsJsonArray()) {
            if (t.getAsJsonObject().get("name").getAsString().equals("报表脚本")) {
                assertNull("one token of that name", listed);
                listed = t.getAsJsonObject();
            }
        }
        assertNotNull(listed);
        Response revoked = admin.json("DELETE", "/api/v1/tokens/" + listed.get("id").getAsLong(), null, null);
        assertEquals(200, revoked.status());
        assertEquals(401, program.json("GET", "/api/v1/me", null, token).status());
    }

    @Test
    public void healthAnswersWithoutLoginAndCarriesNoPersonalData() throws Exception {
        Response health = new Browser(Node.port()).get("/api/v1/health");
        assertEquals(200, health.status());
        JsonObject body = JsonParser.parseString(health.body()).getAsJsonObject();
        assertEquals("UP", body.get("status").getAsString());
        assertEquals("UP", body.getAsJsonObject("store").get("status").getAsString());
        assertNotNull(body.getAsJsonArray("projects"));
        assertFalse(health.body().contains("admin"));
    }

    static long createUnit(Browser admin, String code, String name) throws Exception {
        Response r = admin.json("POST", "/api/v1/org-units",
                "{\"parentId\":1,\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"level\":\"COUNTY\"}", null);
        assertEquals(r.body(), 201, r.status());
        return JsonParser.parseString(r.body()).getAsJsonObject().get("id").getAsLong();
    }

    static long createUser(Browser admin, String username, long unit, String role, String password)
            throws Exception {
        Response r = admin.json("POST", "/api/v1/users", "{\"username\":\"" + username + "\",\"displayName\":\""
                + username + "\",\"roles\":[\"" + role + "\"],\"orgUnitId\":" + unit + ",\"password\":\""
                + password + "\"}", null);
        assertEquals(r.body(), 201, r.status());
        return JsonParser.parseString(r.body()).getAsJsonObject().get("id").getAsLong();
    }
}
