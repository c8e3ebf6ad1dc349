package org.jixiao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jixiao.api.OrgLevel;
import org.jixiao.itests.support.Browser;
import org.jixiao.itests.support.Browser.Response;
import org.jixiao.itests.support.KarafTestSupport;
import org.jixiao.itests.support.Node;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The performance procedure over the JSON API with personal tokens: the city admin opens and moves a year, a
 * city department sets targets, the Organisation Department approves them, the assessment team scores and runs
 * the evaluation, the Secretaries' Office decides a bonus and the admin publishes. A county's token reads its
 * own targets and its own line of a run, and is refused everywhere else. Bad input answers 400 with a message
 * per field, never 500. The methods build on each other, in name order.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class PerformanceApiIT extends KarafTestSupport {

    private static final int YEAR = 2033;
    private static final String Y = "/api/v1/perf/years/" + YEAR;
    private static final String JOBSEEKERS = "employment:youth.jobseekers";

    private static long countyA;
    private static long countyB;
    private static String adminToken;
    private static String setterToken;
    private static String approverToken;
    private static String assessorToken;
    private static String secretaryToken;
    private static String countyToken;
    private static long runId;

    /** Logs in (changing the initial password) and creates a personal token through the API, session + CSRF. */
    private static String token(String username, String password, String newPassword) throws Exception {
        Browser b = new Browser(Node.port());
        b.login(username, password, newPassword);
        return tokenOf(b, username);
    }

    private static String tokenOf(Browser b, String name) throws Exception {
        b.open("/home");
        Response r = b.json("POST", "/api/v1/tokens", "{\"name\":\"api-it-" + name + "\"}", null);
        assertEquals(r.body(), 201, r.status());
        String token = object(r).get("token").getAsString();
        assertTrue(token, token.startsWith("jx_"));
        return token;
    }

    private static Response call(String token, String method, String path, String body) throws Exception {
        return new Browser(Node.port()).json(method, path, body, token);
    }

    private static JsonObject object(Response r) {
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private static JsonArray array(Response r) {
        return JsonParser.parseString(r.body()).getAsJsonArray();
    }

    /** The ids of the units the policy evaluates, as the admin lists them. */
    private static Set<Long> evaluatedUnits() throws Exception {
        Set<Long> ids = new HashSet<>();
        for (JsonElement u : array(call(adminToken, "GET", "/api/v1/org-units", null))) {
            if (OrgLevel.valueOf(u.getAsJsonObject().get("level").getAsString()).evaluated()) {
                ids.add(u.getAsJsonObject().get("id").getAsLong());
            }
        }
        return ids;
    }

    /** A 400 naming {@code field} among its translated field errors. */
    private static void assertFieldError(Response r, String field) {
        assertEquals(r.body(), 400, r.status());
        JsonObject body = object(r);
        assertEquals(r.body(), "validation", body.get("error").getAsString());
        assertTrue(r.body(), body.getAsJsonObject("fields").has(field));
        assertFalse("translated, not a key: " + r.body(),
                body.getAsJsonObject("fields").get(field).getAsString().matches("[a-zA-Z.]+"));
    }

    @Test
    public void t1_theCityAdminOpensAYearAndSetsItsWindowsByApi() throws Exception {
        Browser admin = Node.admin();
        countyA = WebSecurityIT.createUnit(admin, "api-a", "东城区");
        countyB = WebSecurityIT.createUnit(admin, "api-b", "西城区");
        WebSecurityIT.createUser(admin, "api-dept", 1, "TARGET_SETTER", "Api-Bureau-Pass-1");
        WebSecurityIT.createUser(admin, "api-orgdept", 1, "TARGET_APPROVER", "Api-Org-Pass-1");
        WebSecurityIT.createUser(admin, "api-assessor", 1, "ASSESSOR", "Api-Judge-Pass-1");
        WebSecurityIT.createUser(admin, "api-secretary", 1, "BONUS_APPROVER", "Api-Scribe-Pass-1");
        WebSecurityIT.createUser(admin, "api-county", countyA, "STAFF", "Api-Shire-Pass-1");
        adminToken = tokenOf(admin, "admin");
        setterToken = token("api-dept", "Api-Bureau-Pass-1", "Api-Bureau-Pass-2");
        approverToken = token("api-orgdept", "Api-Org-Pass-1", "Api-Org-Pass-2");
        assessorToken = token("api-assessor", "Api-Judge-Pass-1", "Api-Judge-Pass-2");
        secretaryToken = token("api-secretary", "Api-Scribe-Pass-1", "Api-Scribe-Pass-2");
        countyToken = token("api-county", "Api-Shire-Pass-1", "Api-Shire-Pass-2");

        Response opened = call(adminToken, "POST", "/api/v1/perf/years", "{\"year\":" + YEAR + "}");
        assertEquals(opened.body(), 201, opened.status());
        assertEquals("TARGET_SETTING", object(opened).get("step").getAsString());
        assertEquals(8, object(opened).getAsJsonArray("windows").size());
        assertFieldError(call(adminToken, "POST", "/api/v1/perf/years", "{\"year\":" + YEAR + "}"), "year");
        assertFieldError(call(adminToken, "POST", "/api/v1/perf/years", "{\"year\":\"soon\"}"), "year");
        assertFieldError(call(adminToken, "POST", "/api/v1/perf/years", "{\"year\":1999}"), "year");
        assertEquals(400, call(adminToken, "POST", "/api/v1/perf/years", "[2033]").status());
        assertEquals(403, call(countyToken, "POST", "/api/v1/perf/years", "{\"year\":2034}").status());

        Response years = call(countyToken, "GET", "/api/v1/perf/years", null);
        assertEquals(200, years.status());
        // Other classes on this node open years of their own.
        List<Integer> listed = new ArrayList<>();
        array(years).forEach(y -> listed.add(y.getAsJsonObject().get("year").getAsInt()));
        assertTrue(listed.toString(), listed.contains(YEAR));
        assertEquals(200, call(countyToken, "GET", Y, null).status());
        assertEquals(404, call(adminToken, "GET", "/api/v1/perf/years/2099", null).status());
        assertEquals(404, call(adminToken, "GET", "/api/v1/perf/years/soon", null).status());

        Response window = call(adminToken, "PUT", Y + "/windows/TARGET_SETTING",
                "{\"opens\":\"2020-01-01\",\"closes\":\"2040-12-31\"}");
        assertEquals(window.body(), 200, window.status());
        assertTrue(window.body(), window.body().contains("\"opens\":\"2020-01-01\""));
        assertFieldError(call(adminToken, "PUT", Y + "/windows/TARGET_SETTING",
                "{\"opens\":\"2040-01-01\",\"closes\":\"2020-12-31\"}"), "closes");
        assertFieldError(call(adminToken, "PUT", Y + "/windows/TARGET_SETTING",
                "{\"opens\":\"not-a-date\",\"closes\":\"2020-12-31\"}"), "opens");
        assertFieldError(call(adminToken, "PUT", Y + "/windows/TARGET_SETTING", "{\"opens\":\"2020-01-01\"}"),
                "closes");
        assertFieldError(call(adminToken, "PUT", Y + "/windows/SOMETIME",
                "{\"opens\":\"2020-01-01\",\"closes\":\"2020-12-31\"}"), "step");

        // Only the city admin moves the cycle.
        assertEquals(403, call(countyToken, "POST", Y + "/advance", null).status());
        assertEquals(403, call(setterToken, "POST", Y + "/advance", null).status());
        assertEquals(403, call(countyToken, "PUT", Y + "/windows/TARGET_SETTING",
                "{\"opens\":\"2020-01-01\",\"closes\":\"2040-12-31\"}").status());
    }

    @Test
    public void t2_aDepartmentSetsTargetsAndACountyReadsOnlyItsOwn() throws Exception {
        Response table = call(setterToken, "GET", Y + "/targets/" + countyA, null);
        assertEquals(table.body(), 200, table.status());
        assertTrue(table.body(), table.body().contains("\"indicator\":\"" + JOBSEEKERS + "\""));
        assertTrue(table.body(), table.body().contains("求职青年登记人数"));

        String put = Y + "/targets/" + countyA + "/" + JOBSEEKERS;
        Response set = call(setterToken, "PUT", put, "{\"comparison\":\"AT_LEAST\",\"value\":250}");
        assertEquals(set.body(), 200, set.status());
        assertEquals(250, object(set).get("target").getAsInt());
        assertTrue(object(set).get("set").getAsBoolean());
        // The key may come percent-encoded.
        Response encoded = call(setterToken, "PUT", Y + "/targets/" + countyA + "/employment%3Ayouth.jobseekers",
                "{\"value\":\"260\"}");
        assertEquals(encoded.body(), 200, encoded.status());
        assertEquals(260, object(encoded).get("target").getAsInt());

        assertFieldError(call(setterToken, "PUT", put, "{\"value\":-5}"), "value");
        assertFieldError(call(setterToken, "PUT", put, "{\"value\":\"many\"}"), "value");
        assertFieldError(call(setterToken, "PUT", put, "{\"value\":1e-99}"), "value");
        assertFieldError(call(setterToken, "PUT", put, "{}"), "value");
        assertFieldError(call(setterToken, "PUT", put, "{\"comparison\":\"ROUGHLY\",\"value\":5}"), "comparison");
        assertFieldError(call(setterToken, "PUT", Y + "/targets/" + countyA + "/nope:nope", "{\"value\":5}"),
                "indicator");
        assertEquals(400, call(setterToken, "PUT", put, "{\"value\":").status());

        Response own = call(countyToken, "GET", Y + "/targets/" + countyA, null);
        assertEquals(200, own.status());
        assertTrue(own.body(), own.body().contains("\"target\":260"));
        // Another county's targets do not exist for this token, neither to read nor to write.
        assertEquals(404, call(countyToken, "GET", Y + "/targets/" + countyB, null).status());
        assertEquals(404, call(countyToken, "PUT", Y + "/targets/" + countyB + "/" + JOBSEEKERS,
                "{\"value\":1}").status());
        assertEquals(403, call(countyToken, "PUT", put, "{\"value\":1}").status());
        assertTrue(call(countyToken, "GET", Y + "/targets/" + countyA, null).body().contains("\"target\":260"));
        assertEquals(404, call(setterToken, "GET", Y + "/targets/999999", null).status());
    }

    @Test
    public void t3_approvalLocksTheTargetsAndLaterChangesNeedAReason() throws Exception {
        assertEquals(403, call(setterToken, "POST", Y + "/targets/approve", null).status());
        assertEquals(403, call(countyToken, "POST", Y + "/targets/approve", null).status());
        Response approved = call(approverToken, "POST", Y + "/targets/approve", null);
        assertEquals(approved.body(), 200, approved.status());
        assertFieldError(call(approverToken, "POST", Y + "/targets/approve", null), "year");
        assertTrue(call(setterToken, "GET", Y + "/targets/" + countyA, null).body().contains("\"locked\":true"));

        String put = Y + "/targets/" + countyA + "/" + JOBSEEKERS;
        assertEquals(403, call(setterToken, "PUT", put, "{\"value\":300}").status());
        assertFieldError(call(approverToken, "PUT", put, "{\"value\":300}"), "reason");
        assertFieldError(call(approverToken, "PUT", put, "{\"value\":300,\"reason\":42}"), "reason");
        Response withReason = call(approverToken, "PUT", put, "{\"value\":300,\"reason\":\"市委常委会调整\"}");
        assertEquals(withReason.body(), 200, withReason.status());
        assertEquals(300, object(withReason).get("target").getAsInt());
    }

    @Test
    public void t4_theCycleMovesOnAndGoingBackNeedsAReason() throws Exception {
        Response advanced = call(adminToken, "POST", Y + "/advance", null);
        assertEquals(advanced.body(), 200, advanced.status());
        assertEquals("EXECUTION", object(advanced).get("step").getAsString());
        assertFieldError(call(adminToken, "POST", Y + "/reopen", "{\"step\":\"TARGET_SETTING\"}"), "reason");
        assertFieldError(call(adminToken, "POST", Y + "/reopen", "{\"step\":\"BACK\",\"reason\":\"x\"}"), "step");
        assertFieldError(call(adminToken, "POST", Y + "/reopen", "{\"reason\":\"x\"}"), "step");
        assertEquals(403, call(countyToken, "POST", Y + "/reopen",
                "{\"step\":\"TARGET_SETTING\",\"reason\":\"x\"}").status());
        Response back = call(adminToken, "POST", Y + "/reopen",
                "{\"step\":\"TARGET_SETTING\",\"reason\":\"目标需要补充\"}");
        assertEquals(back.body(), 200, back.status());
        assertEquals("TARGET_SETTING", object(back).get("step").getAsString());

        // From target setting to the comprehensive evaluation.
        for (int i = 0; i < 6; i++) {
            assertEquals(200, call(adminToken, "POST", Y + "/advance", null).status());
        }
        assertEquals("COMPREHENSIVE_EVALUATION",
                object(call(adminToken, "GET", Y, null)).get("step").getAsString());

        Response pin = call(adminToken, "PUT", Y + "/evaluation/pin", "{\"module\":\"standard@1.0\"}");
        assertEquals(pin.body(), 200, pin.status());
        assertEquals("standard", object(pin).get("moduleId").getAsString());
        assertEquals(200, call(countyToken, "GET", Y + "/evaluation/pin", null).status());
        assertFieldError(call(adminToken, "PUT", Y + "/evaluation/pin", "{\"module\":\"nope@9\"}"), "module");
        assertFieldError(call(adminToken, "PUT", Y + "/evaluation/pin", "{\"module\":\"standard\"}"), "module");
        assertEquals(403, call(assessorToken, "PUT", Y + "/evaluation/pin", "{\"module\":\"standard@1.0\"}")
                .status());
        assertEquals("standard", object(call(adminToken, "GET", Y, null)).getAsJsonObject("pin")
                .get("moduleId").getAsString());
    }

    @Test
    public void t5_theTeamScoresUnitsAndABonusCountsOnceApproved() throws Exception {
        for (String kind : new String[] {"YOUTH", "LEADER", "TEAM"}) {
            Response a = call(assessorToken, "PUT", Y + "/evaluation/scores/" + countyA + "/" + kind,
                    "{\"score\":90}");
            assertEquals(a.body(), 200, a.status());
            assertEquals(200, call(assessorToken, "PUT", Y + "/evaluation/scores/" + countyB + "/" + kind,
                    "{\"score\":\"80.5\"}").status());
        }
        String teamA = Y + "/evaluation/scores/" + countyA + "/TEAM";
        assertFieldError(call(assessorToken, "PUT", teamA, "{\"score\":101}"), "score");
        assertFieldError(call(assessorToken, "PUT", teamA, "{\"score\":\"high\"}"), "score");
        assertFieldError(call(assessorToken, "PUT", teamA, "{}"), "score");
        assertFieldError(call(assessorToken, "PUT", Y + "/evaluation/scores/" + countyA + "/FRIENDS",
                "{\"score\":50}"), "kind");
        assertFieldError(call(assessorToken, "PUT", Y + "/evaluation/scores/1/TEAM", "{\"score\":50}"), "orgUnitId");
        // A county scores nobody: neither itself nor another county.
        assertEquals(403, call(countyToken, "PUT", teamA, "{\"score\":100}").status());
        assertEquals(403, call(countyToken, "PUT", Y + "/evaluation/scores/" + countyB + "/TEAM",
                "{\"score\":0}").status());

        Response proposed = call(assessorToken, "POST", Y + "/evaluation/bonuses",
                "{\"orgUnitId\":" + countyA + ",\"points\":3,\"reason\":\"工作创新\"}");
        assertEquals(proposed.body(), 201, proposed.status());
        long bonusId = object(proposed).get("id").getAsLong();
        assertFieldError(call(assessorToken, "POST", Y + "/evaluation/bonuses",
                "{\"orgUnitId\":" + countyA + ",\"points\":30,\"reason\":\"太多\"}"), "points");
        assertFieldError(call(assessorToken, "POST", Y + "/evaluation/bonuses",
                "{\"orgUnitId\":\"east\",\"points\":1,\"reason\":\"x\"}"), "orgUnitId");
        assertEquals(403, call(countyToken, "POST", Y + "/evaluation/bonuses",
                "{\"orgUnitId\":" + countyA + ",\"points\":3,\"reason\":\"自荐\"}").status());

        String decide = "/api/v1/perf/evaluation/bonuses/" + bonusId + "/decision";
        assertEquals(403, call(assessorToken, "POST", decide, "{\"approve\":true}").status());
        assertFieldError(call(secretaryToken, "POST", decide, "{\"approve\":\"maybe\"}"), "approve");
        Response decided = call(secretaryToken, "POST", decide, "{\"approve\":true}");
        assertEquals(decided.body(), 200, decided.status());
        assertTrue(object(decided).get("approved").getAsBoolean());
        assertFieldError(call(secretaryToken, "POST", decide, "{\"approve\":true}"), "bonus");
        assertEquals(404, call(secretaryToken, "POST", "/api/v1/perf/evaluation/bonuses/999999/decision",
                "{\"approve\":true}").status());

        // The county sees the bonus of its own unit.
        assertEquals(1, array(call(countyToken, "GET", Y + "/evaluation/bonuses", null)).size());
    }

    @Test
    public void t6_aRunRanksTheUnitsAndACountySeesOnlyItsOwnLine() throws Exception {
        assertEquals(403, call(countyToken, "POST", Y + "/evaluation/runs", null).status());
        Response run = call(assessorToken, "POST", Y + "/evaluation/runs", null);
        assertEquals(run.body(), 201, run.status());
        JsonObject body = object(run);
        runId = body.get("id").getAsLong();
        assertEquals("standard", body.get("moduleId").getAsString());
        JsonArray ranking = body.getAsJsonArray("ranking");
        // Every evaluated unit on the node is ranked, those of other classes on this node too.
        Set<Long> ranked = new HashSet<>();
        ranking.forEach(r -> ranked.add(r.getAsJsonObject().get("orgUnitId").getAsLong()));
        assertEquals(evaluatedUnits(), ranked);
        assertEquals(ranked.size(), ranking.size());
        JsonObject first = ranking.get(0).getAsJsonObject();
        assertEquals("东城区 ranks first with its bonus", countyA, first.get("orgUnitId").getAsLong());
        assertEquals(1, first.get("rank").getAsInt());
        assertTrue(first.getAsJsonArray("parts").size() > 0);
        assertNotNull(body.getAsJsonObject("input"));

        JsonArray runs = array(call(assessorToken, "GET", Y + "/evaluation/runs", null));
        assertEquals(runId, runs.get(0).getAsJsonObject().get("id").getAsLong());
        Response got = call(assessorToken, "GET", "/api/v1/perf/evaluation/runs/" + runId, null);
        assertEquals(200, got.status());
        assertTrue(got.body().contains("西城区"));

        Response rerun = call(assessorToken, "POST", "/api/v1/perf/evaluation/runs/" + runId + "/rerun",
                "{\"module\":\"standard@1.0\"}");
        assertEquals(rerun.body(), 201, rerun.status());
        assertEquals(runId, object(rerun).get("basedOnRunId").getAsLong());
        assertFieldError(call(assessorToken, "POST", "/api/v1/perf/evaluation/runs/" + runId + "/rerun",
                "{\"module\":\"standard@0.1\"}"), "module");
        assertEquals(404, call(assessorToken, "GET", "/api/v1/perf/evaluation/runs/999999", null).status());

        // The county reads its own line of the run and nothing of the other county's.
        Response own = call(countyToken, "GET", "/api/v1/perf/evaluation/runs/" + runId, null);
        assertEquals(own.body(), 200, own.status());
        assertTrue(own.body().contains("东城区"));
        assertFalse(own.body().contains("西城区"));
        for (JsonElement r : array(call(countyToken, "GET", Y + "/evaluation/runs", null))) {
            assertEquals(1, r.getAsJsonObject().get("units").getAsInt());
        }
        assertEquals(403, call(countyToken, "POST", "/api/v1/perf/evaluation/runs/" + runId + "/publish", null)
                .status());
        assertEquals(403, call(assessorToken, "POST", "/api/v1/perf/evaluation/runs/" + runId + "/publish", null)
                .status());
    }

    @Test
    public void t7_publishingFreezesTheYear() throws Exception {
        String publish = "/api/v1/perf/evaluation/runs/" + runId + "/publish";
        Response published = call(adminToken, "POST", publish, null);
        assertEquals(published.body(), 200, published.status());
        assertTrue(object(published).get("published").getAsBoolean());
        assertEquals("PUBLISHED", object(call(adminToken, "GET", Y, null)).get("step").getAsString());
        assertEquals(400, call(adminToken, "POST", publish, null).status());
        assertFieldError(call(adminToken, "POST", Y + "/advance", null), "step");
        // The browser session reads the same; without a session or token nothing answers.
        Browser admin = Node.admin();
        admin.open("/home");
        assertEquals(200, admin.json("GET", Y, null, null).status());
        assertEquals(401, new Browser(Node.port()).json("GET", Y, null, null).status());
        assertEquals(401, call("jx_not-a-token", "GET", Y, null).status());
    }

    /**
     * A target's history, time nodes, tracking and the self-assessment, each route once over HTTP: the county works
     * on its own unit and finds nothing of the other county's, the city decides. Time nodes are marked done in the
     * past year, the last one whose days have come.
     */
    @Test
    public void t8_historyTimeNodesTrackingAndSelfAssessment() throws Exception {
        Response history = call(countyToken, "GET", Y + "/targets/" + countyA + "/" + JOBSEEKERS + "/history", null);
        assertEquals(history.body(), 200, history.status());
        JsonObject last = array(history).get(0).getAsJsonObject();
        assertEquals(history.body(), "市委常委会调整", last.get("reason").getAsString());
        assertEquals(300, last.getAsJsonObject("after").get("value").getAsInt());
        assertTrue(history.body(), array(history).size() >= 3);
        assertEquals(404, call(countyToken, "GET", Y + "/targets/" + countyB + "/" + JOBSEEKERS + "/history", null)
                .status());

        int past = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() - 1;
        String p = "/api/v1/perf/years/" + past;
        assertEquals(201, call(adminToken, "POST", "/api/v1/perf/years", "{\"year\":" + past + "}").status());

        // Time nodes: listed, moved by the city, marked done by the county with a day and evidence.
        Response nodes = call(countyToken, "GET", p + "/milestones/" + countyA, null);
        assertEquals(nodes.body(), 200, nodes.status());
        JsonObject node = array(nodes).get(0).getAsJsonObject();
        String key = node.get("projectId").getAsString() + ":" + node.get("milestoneId").getAsString();
        assertEquals(404, call(countyToken, "GET", p + "/milestones/" + countyB, null).status());
        Response moved = call(adminToken, "PUT", p + "/milestones/" + key + "/due", "{\"due\":\"" + past + "-06-30\"}");
        assertEquals(moved.body(), 200, moved.status());
        assertEquals(403, call(countyToken, "PUT", p + "/milestones/" + key + "/due",
                "{\"due\":\"" + past + "-07-31\"}").status());
        String done = p + "/milestones/" + countyA + "/" + key + "/done";
        assertFieldError(call(countyToken, "POST", done, "{\"doneOn\":\"" + past + "-13-01\",\"evidence\":\"x\"}"),
                "doneOn");
        assertFieldError(call(countyToken, "POST", done, "{\"doneOn\":\"" + past + "-06-15\"}"), "evidence");
        Response marked = call(countyToken, "POST", done,
                "{\"doneOn\":\"" + past + "-06-15\",\"evidence\":\"会议纪要第3号\"}");
        assertEquals(marked.body(), 200, marked.status());
        assertEquals("DONE", object(marked).get("state").getAsString());
        assertEquals(past + "-06-30", object(marked).get("due").getAsString());
        assertEquals(404, call(countyToken, "POST", p + "/milestones/" + countyB + "/" + key + "/done",
                "{\"doneOn\":\"" + past + "-06-15\",\"evidence\":\"x\"}").status());
        assertEquals(1, array(call(countyToken, "GET", p + "/milestones/" + countyA + "/" + key + "/history", null))
                .size());
        assertEquals(200, call(countyToken, "GET", p + "/milestones/overdue", null).status());

        // Tracking: a problem recorded, analysed, rectified, closed and reopened; the procedure corrected.
        assertEquals(200, call(countyToken, "GET", p + "/tracking/" + countyA + "/progress", null).status());
        assertEquals(404, call(countyToken, "GET", p + "/tracking/" + countyB + "/progress", null).status());
        String problems = p + "/tracking/" + countyA + "/problems";
        assertFieldError(call(countyToken, "POST", problems, "{\"title\":\"台账不全\",\"description\":\"缺\","
                + "\"dueOn\":\"soon\"}"), "dueOn");
        assertFieldError(call(countyToken, "POST", problems, "{\"description\":\"缺\"}"), "title");
        Response recorded = call(countyToken, "POST", problems, "{\"projectId\":\"employment\",\"title\":"
                + "\"台账不全\",\"description\":\"缺少三月数据\",\"dueOn\":\"" + past + "-09-30\"}");
        assertEquals(recorded.body(), 201, recorded.status());
        long problemId = object(recorded).get("id").getAsLong();
        assertEquals(404, call(countyToken, "POST", p + "/tracking/" + countyB + "/problems",
                "{\"title\":\"x\",\"description\":\"y\"}").status());
        String problem = problems + "/" + problemId;
        Response analysed = call(countyToken, "PUT", problem, "{\"analysis\":\"人手不足\",\"measure\":\"补录\"}");
        assertEquals(analysed.body(), 200, analysed.status());
        assertEquals("RECTIFYING", object(analysed).get("state").getAsString());
        assertEquals("RECTIFIED", object(call(countyToken, "POST", problem + "/rectified",
                "{\"evidence\":\"补录清单\"}")).get("state").getAsString());
        assertEquals(403, call(countyToken, "POST", problem + "/close", null).status());
        assertEquals(404, call(assessorToken, "POST", p + "/tracking/" + countyB + "/problems/" + problemId + "/close",
                null).status());
        assertEquals("CLOSED", object(call(assessorToken, "POST", problem + "/close", null)).get("state")
                .getAsString());
        assertFieldError(call(assessorToken, "POST", problem + "/reopen", "{}"), "reason");
        assertEquals("RECTIFYING", object(call(assessorToken, "POST", problem + "/reopen",
                "{\"reason\":\"仍缺数据\"}")).get("state").getAsString());
        assertEquals(1, array(call(countyToken, "GET", p + "/problems", null)).size());
        assertEquals(1, array(call(countyToken, "GET", problems, null)).size());
        Response revised = call(adminToken, "POST", "/api/v1/perf/procedures/employment",
                "{\"text\":\"每月5日前补录\",\"reason\":\"台账不全\",\"problemId\":" + problemId + "}");
        assertEquals(revised.body(), 201, revised.status());
        assertEquals(403, call(countyToken, "POST", "/api/v1/perf/procedures/employment",
                "{\"text\":\"x\",\"reason\":\"y\"}").status());
        assertEquals(problemId, array(call(countyToken, "GET", "/api/v1/perf/procedures/employment", null)).get(0)
                .getAsJsonObject().get("problemId").getAsLong());

        // Self-assessment: the year moves on to it with its window open today.
        assertEquals(200, call(approverToken, "POST", p + "/targets/approve", null).status());
        assertEquals(200, call(adminToken, "PUT", p + "/windows/SELF_ASSESSMENT",
                "{\"opens\":\"" + past + "-01-01\",\"closes\":\"" + (past + 3) + "-12-31\"}").status());
        for (int i = 0; i < 3; i++) {
            assertEquals(200, call(adminToken, "POST", p + "/advance", null).status());
        }
        String report = p + "/self-assessment/" + countyA;
        Response draft = call(countyToken, "GET", report, null);
        assertEquals(draft.body(), 200, draft.status());
        assertEquals(404, call(countyToken, "GET", p + "/self-assessment/" + countyB, null).status());
        JsonObject claims = new JsonObject();
        String firstKey = null;
        for (JsonElement c : object(draft).getAsJsonArray("claims")) {
            JsonObject ref = c.getAsJsonObject().getAsJsonObject("indicator");
            String k = ref.get("projectId").getAsString() + ":" + ref.get("indicatorId").getAsString();
            firstKey = firstKey == null ? k : firstKey;
            JsonObject claim = new JsonObject();
            claim.addProperty("claimed", 0);
            claim.addProperty("explanation", "据台账");
            claims.add(k, claim);
        }
        assertNotNull("the report lists the target table's indicators", firstKey);
        assertFieldError(call(countyToken, "PUT", report, "{\"claims\":{\"" + firstKey + "\":{\"claimed\":\"many\"}}}"),
                "claimed." + firstKey);
        assertFieldError(call(countyToken, "POST", report + "/submit", null), "claims");
        JsonObject body = new JsonObject();
        body.add("claims", claims);
        body.addProperty("problems", "无");
        Response saved = call(countyToken, "PUT", report, body.toString());
        assertEquals(saved.body(), 200, saved.status());
        assertEquals(404, call(countyToken, "PUT", p + "/self-assessment/" + countyB, body.toString()).status());
        assertEquals("SUBMITTED", object(call(countyToken, "POST", report + "/submit", null)).get("state")
                .getAsString());
        assertEquals(403, call(countyToken, "POST", report + "/accept", "{}").status());
        assertFieldError(call(assessorToken, "POST", report + "/return", "{}"), "comment");
        assertEquals("RETURNED", object(call(assessorToken, "POST", report + "/return",
                "{\"comment\":\"请补充说明\"}")).get("state").getAsString());
        assertEquals("SUBMITTED", object(call(countyToken, "POST", report + "/submit", null)).get("state")
                .getAsString());
        assertEquals("ACCEPTED", object(call(assessorToken, "POST", report + "/accept", "{}")).get("state")
                .getAsString());
        boolean listed = false;
        for (JsonElement s : array(call(assessorToken, "GET", p + "/self-assessment", null))) {
            listed |= s.getAsJsonObject().get("orgUnitId").getAsLong() == countyA
                    && "ACCEPTED".equals(s.getAsJsonObject().get("state").getAsString());
        }
        assertTrue(listed);
    }
}
