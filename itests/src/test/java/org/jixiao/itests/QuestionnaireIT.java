package org.jixiao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.jixiao.api.store.Store;
import org.jixiao.itests.support.Browser;
import org.jixiao.itests.support.Browser.Response;
import org.jixiao.itests.support.KarafTestSupport;
import org.jixiao.itests.support.Chromium;
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
 * Youth evaluation online, over HTTP: the assessment team builds a questionnaire and a campaign for two counties,
 * issues codes and opens it; anonymous respondents answer on /q without logging in; a used, unknown or closed code
 * is refused with a message and stores nothing; closing feeds the youth score of the county with enough responses
 * into the comprehensive evaluation and flags the other; the stored answers carry nothing that leads back to a code;
 * a county reads only its own scores and no free text; the evaluation run scores the youth evaluation from the
 * campaign. The methods build on each other, in name order.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class QuestionnaireIT extends KarafTestSupport {

    // Answers are taken between the campaign's dates, which lie around its year: the year is this one.
    private static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    private static final String CAMPAIGNS = "/api/v1/perf/years/" + YEAR + "/campaigns";
    private static final String SCALE = "[{\"labelZh\":\"很满意\",\"points\":100},{\"labelZh\":\"满意\",\"points\":80},"
            + "{\"labelZh\":\"一般\",\"points\":60},{\"labelZh\":\"不满意\",\"points\":0}]";

    @Inject
    private Store store;

    private static long countyA;
    private static long countyB;
    private static Browser assessor;
    private static Browser staffA;
    private static long campaignId;
    private static final List<String> codesA = new ArrayList<>();
    private static final List<String> codesB = new ArrayList<>();
    private static String paperCodeA;

    private static JsonObject object(Response r) {
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    @Test
    public void t1_theTeamBuildsAQuestionnaireAndOpensACampaign() throws Exception {
        Browser admin = Node.admin();
        countyA = WebSecurityIT.createUnit(admin, "q-a", "东湖区");
        countyB = WebSecurityIT.createUnit(admin, "q-b", "西湖区");
        WebSecurityIT.createUser(admin, "q-team", 1, "ASSESSOR", "Q-Panel-Pass-1");
        WebSecurityIT.createUser(admin, "q-staff-a", countyA, "STAFF", "Q-Crew-A-Pass-1");
        admin.open("/home");
        assertEquals(201, admin.json("POST", "/api/v1/perf/years", "{\"year\":" + YEAR + "}", null).status());
        assessor = Node.login("q-team", "Q-Panel-Pass-1", "Q-Panel-Pass-2");
        staffA = Node.login("q-staff-a", "Q-Crew-A-Pass-1", "Q-Crew-A-Pass-2");
        assessor.open("/questionnaires");

        Response q = assessor.json("POST", "/api/v1/questionnaires", "{\"type\":\"YOUTH\",\"titleZh\":\"青年评价问卷\","
                + "\"sections\":[{\"titleZh\":\"工作评价\",\"items\":["
                + "{\"kind\":\"RATING\",\"textZh\":\"对团组织服务青年的总体评价\",\"weight\":2,\"required\":true,"
                + "\"choices\":" + SCALE + "},"
                + "{\"kind\":\"RATING\",\"textZh\":\"对青年就业创业服务的评价\",\"weight\":1,\"required\":true,"
                + "\"choices\":" + SCALE + "},"
                + "{\"kind\":\"TEXT\",\"textZh\":\"意见和建议\",\"weight\":0,\"required\":false}]}]}", null);
        assertEquals(q.body(), 201, q.status());
        long questionnaireId = object(q).get("id").getAsLong();
        // A county may not build questionnaires.
        staffA.open("/home");
        assertEquals(403, staffA.json("POST", "/api/v1/questionnaires", "{\"type\":\"YOUTH\",\"titleZh\":\"x\"}",
                null).status());

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Response c = assessor.json("POST", CAMPAIGNS, "{\"name\":\"" + YEAR + " 年青年评价\",\"questionnaireId\":"
                + questionnaireId + ",\"orgUnitIds\":[" + countyA + "," + countyB + "],\"quotas\":["
                + "{\"category\":\"STUDENT\",\"quota\":4},{\"category\":\"URBAN_YOUTH\",\"quota\":1}],"
                + "\"minResponses\":3,\"opens\":\"" + today.minusDays(1) + "\",\"closes\":\"" + today.plusDays(30)
                + "\"}", null);
        assertEquals(c.body(), 201, c.status());
        campaignId = object(c).get("id").getAsLong();
        String campaign = CAMPAIGNS + "/" + campaignId;
        // The questionnaire is frozen by its campaign.
        assertTrue(assessor.json("GET", "/api/v1/questionnaires/" + questionnaireId, null, null).body()
                .contains("\"frozen\":true"));

        int issued = assessor.json("POST", campaign + "/codes", null, null).status();
        assertTrue(String.valueOf(issued), issued == 200 || issued == 201);
        JsonArray codes = JsonParser.parseString(assessor.json("GET", campaign + "/codes", null, null).body())
                .getAsJsonArray();
        assertEquals(10, codes.size());
        for (JsonElement e : codes) {
            JsonObject code = e.getAsJsonObject();
            String text = code.get("code").getAsString();
            assertTrue(text, text.matches("[34679ACDEFGHJKMNPQRTUVWXY]{12,}"));
            if (!"STUDENT".equals(code.get("category").getAsString())) {
                if (code.get("orgUnitId").getAsLong() == countyA) {
                    paperCodeA = text;
                }
                continue;
            }
            (code.get("orgUnitId").getAsLong() == countyA ? codesA : codesB).add(text);
        }
        assertEquals(4, codesA.size());
        assertEquals(4, codesB.size());
        // Slips and CSV for printing and SMS.
        Response slips = assessor.get("/perf/" + YEAR + "/campaigns/" + campaignId + "/slips");
        assertEquals(200, slips.status());
        assertTrue(slips.body().contains("<svg"));
        assertTrue(slips.body().contains("/q/" + codesA.get(0)));
        Browser.Download csv = assessor.download("/perf/" + YEAR + "/campaigns/" + campaignId + "/codes.csv");
        assertEquals(200, csv.status());
        assertTrue(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8).contains(codesB.get(3)));
        // Counties never see codes.
        int refused = staffA.json("GET", campaign + "/codes", null, null).status();
        assertTrue(String.valueOf(refused), refused == 403 || refused == 404);

        Response opened = assessor.json("POST", campaign + "/open", null, null);
        assertEquals(opened.body(), 200, opened.status());
    }

    /** Answers a ballot as an anonymous respondent on a phone would: open the link, choose, submit. */
    private static Response answer(String code, int first, int second, String text) throws Exception {
        Browser phone = new Browser(Node.port());
        Response ballot = phone.open("/q/" + code);
        assertEquals(ballot.body(), 200, ballot.status());
        Map<String, String> form = new HashMap<>();
        form.put("a.1.1", String.valueOf(first));
        form.put("a.1.2", String.valueOf(second));
        form.put("a.1.3", text);
        return phone.post("/q/" + code, form);
    }

    @Test
    public void t2_respondentsAnswerOnceWithoutLoggingIn() throws Exception {
        Browser phone = new Browser(Node.port());
        Response ballot = phone.open("/q/" + codesA.get(0));
        assertEquals(200, ballot.status());
        assertTrue(ballot.body().contains("东湖区"));
        assertFalse("no script on the ballot", ballot.body().contains("<script"));
        // Typed in lower case with spaces, the code still finds its ballot.
        Browser typed = new Browser(Node.port());
        typed.open("/q");
        String spaced = codesA.get(0).toLowerCase().replaceAll("(.{4})", "$1 ");
        Response found = typed.post("/q", Map.of("code", spaced));
        assertTrue(found.status() + " " + found.location(), found.redirectsTo("/q/" + codesA.get(0)));

        assertTrue(answer(codesA.get(0), 1, 2, "希望多组织招聘会").redirectsTo("/q/thanks"));
        assertTrue(answer(codesA.get(1), 2, 2, "").redirectsTo("/q/thanks"));
        assertTrue(answer(codesA.get(2), 3, 1, "<script>alert(1)</script>").redirectsTo("/q/thanks"));
        assertTrue(answer(codesB.get(0), 4, 4, "").redirectsTo("/q/thanks"));
        // A paper questionnaire, entered by staff by its printed code; the same code then answers no more.
        String paper = "/perf/" + YEAR + "/campaigns/" + campaignId + "/paper";
        assessor.open(paper);
        Response loaded = assessor.post(paper, Map.of("op", "load", "code", paperCodeA));
        assertEquals(loaded.body(), 200, loaded.status());
        assertTrue(loaded.body().contains("东湖区"));
        assertTrue(assessor.post(paper, Map.of("op", "submit", "code", paperCodeA, "a.1.1", "1", "a.1.2", "1"))
                .redirectsTo("?saved=1"));
        assertEquals(400, assessor.post(paper, Map.of("op", "load", "code", paperCodeA)).status());
        assertTrue(new Browser(Node.port()).open("/q/" + paperCodeA).body().contains("已经使用"));
        long stored = count("JX_QNR_RESPONSE");

        // A used code: refused with a message, nothing stored.
        Browser again = new Browser(Node.port());
        Response used = again.open("/q/" + codesA.get(0));
        assertTrue(used.body(), used.body().contains("已使用") || used.body().contains("已经使用"));
        // An unknown code: a message, not a 500.
        Response unknown = new Browser(Node.port()).open("/q/ACDEFGHJKMNP");
        assertTrue(unknown.status() == 404 || unknown.status() == 400);
        assertEquals(stored, count("JX_QNR_RESPONSE"));
        // A missing required answer keeps the code unused.
        Browser partial = new Browser(Node.port());
        partial.open("/q/" + codesA.get(3));
        Response missing = partial.post("/q/" + codesA.get(3), Map.of("a.1.1", "1"));
        assertEquals(400, missing.status());
        assertEquals(stored, count("JX_QNR_RESPONSE"));
    }

    private long count(String table) throws Exception {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    public void t3_theStoredAnswersCarryNothingThatLeadsBackToACode() throws Exception {
        List<String> allCodes = new ArrayList<>(codesA);
        allCodes.addAll(codesB);
        store.read(c -> {
            DatabaseMetaData meta = c.getMetaData();
            for (String table : List.of("JX_QNR_RESPONSE", "JX_QNR_ANSWER")) {
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = meta.getColumns(null, null, table, null)) {
                    while (rs.next()) {
                        String name = rs.getString("COLUMN_NAME");
                        columns.add(name);
                        int type = rs.getInt("DATA_TYPE");
                        assertFalse(table + "." + name + " holds a time finer than a day",
                                type == Types.TIMESTAMP || type == Types.TIME);
                        assertFalse(table + "." + name, name.contains("CODE") || name.contains("IP")
                                || name.contains("CLIENT"));
                    }
                }
                assertFalse(columns.isEmpty());
                try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table);
                        ResultSet rs = ps.executeQuery()) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            String v = rs.getString(i);
                            for (String code : allCodes) {
                                assertFalse(table + " holds a code", v != null && v.contains(code));
                            }
                        }
                    }
                }
            }
            // No audit line for an answer.
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM JX_AUDIT WHERE ACTION LIKE 'answer%' OR TARGET LIKE '%/q/%'");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getLong(1));
            }
            return null;
        });
    }

    @Test
    public void t4_closingFeedsTheYouthScoreAndFlagsTooFewResponses() throws Exception {
        String campaign = CAMPAIGNS + "/" + campaignId;
        // Counties do not close campaigns.
        assertEquals(403, staffA.json("POST", campaign + "/close", null, null).status());
        Response closed = assessor.json("POST", campaign + "/close", null, null);
        assertEquals(closed.body(), 200, closed.status());

        // (2×100 + 80)/3, (2×80 + 80)/3, (2×60 + 100)/3 and the paper one's 100 → mean 1040/12 = 86.67; B has 1
        // response, below the minimum of 3.
        assertEquals(0, new BigDecimal("86.67").compareTo(youthScore(countyA)));
        assertEquals(null, youthScore(countyB));
        JsonArray scores = JsonParser.parseString(assessor.json("GET", campaign + "/scores", null, null).body())
                .getAsJsonArray();
        for (JsonElement e : scores) {
            JsonObject unit = e.getAsJsonObject();
            if (unit.get("orgUnitId").getAsLong() == countyB) {
                assertTrue(unit.get("belowMinimum").getAsBoolean());
                assertFalse(unit.get("fed").getAsBoolean());
            } else {
                assertEquals(0, new BigDecimal("86.67").compareTo(unit.get("score").getAsBigDecimal()));
                assertEquals(4, unit.get("responses").getAsInt());
                assertTrue(unit.get("fed").getAsBoolean());
            }
        }
        // The free texts reach the city, escaped on its page.
        Response texts = assessor.json("GET", campaign + "/free-texts", null, null);
        assertTrue(texts.body(), texts.body().contains("希望多组织招聘会"));
        Response page = assessor.get("/perf/" + YEAR + "/campaigns/" + campaignId);
        assertTrue(page.body().contains("希望多组织招聘会"));
        assertFalse(page.body().contains("<script>alert(1)"));

        // The team uses B's score after all: it is fed.
        Response decided = assessor.json("POST", campaign + "/units/" + countyB + "/decision",
                "{\"decision\":\"USE\",\"reason\":\"农村青年集中外出务工，样本少但有代表性\"}", null);
        assertEquals(decided.body(), 200, decided.status());
        assertEquals(0, BigDecimal.ZERO.compareTo(youthScore(countyB)));

        // A closed campaign answers no more, and stores nothing.
        long stored = count("JX_QNR_RESPONSE");
        Browser late = new Browser(Node.port());
        Response ballot = late.open("/q/" + codesA.get(3));
        assertTrue(ballot.body(), ballot.body().contains("结束") || ballot.body().contains("关闭"));
        assertEquals(stored, count("JX_QNR_RESPONSE"));
    }

    private BigDecimal youthScore(long unit) throws Exception {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT SCORE FROM JX_EVAL_SCORE WHERE PERF_YEAR = ? AND ORG_UNIT_ID = ? AND KIND = 'YOUTH'")) {
                ps.setInt(1, YEAR);
                ps.setLong(2, unit);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getBigDecimal(1) : null;
                }
            }
        });
    }

    @Test
    public void t5_aCountyReadsItsOwnScoresAndNoFreeText() throws Exception {
        String campaign = CAMPAIGNS + "/" + campaignId;
        Response own = staffA.json("GET", campaign + "/scores", null, null);
        assertEquals(own.body(), 200, own.status());
        JsonArray units = JsonParser.parseString(own.body()).getAsJsonArray();
        assertEquals(1, units.size());
        assertEquals(countyA, units.get(0).getAsJsonObject().get("orgUnitId").getAsLong());
        int texts = staffA.json("GET", campaign + "/free-texts", null, null).status();
        assertTrue(String.valueOf(texts), texts == 403 || texts == 404);
        assertFalse(staffA.get("/perf/" + YEAR + "/campaigns/" + campaignId).body().contains("希望多组织招聘会"));
    }

    /**
     * The results report prints from Chromium to an A4 PDF (kept under target/it/browser): a county's has its own
     * scores, no other county and no free text; the city's has both counties and the free text.
     */
    @Test
    public void t5b_theResultsReportPrintsForTheCountyWithoutFreeTextAndForTheCityWithIt() throws Exception {
        String report = "/perf/" + YEAR + "/campaigns/" + campaignId + "/report";
        String city = assessor.get(report).body();
        assertTrue(city, city.contains("东湖区") && city.contains("西湖区") && city.contains("希望多组织招聘会"));
        java.nio.file.Path out = Chromium.out();
        JsonObject printed = Chromium.run("print.mjs", "q-staff-a", "Q-Crew-A-Pass-2", out.toString(),
                "campaign-report=" + report + "?number=3");
        assertEquals(printed.toString(), 200, printed.getAsJsonObject("campaign-report").get("status").getAsInt());
        Chromium.Pdf pdf = Chromium.pdf(out.resolve("campaign-report.pdf"));
        String text = pdf.text().replaceAll("\\s+", "");
        assertTrue(text, text.contains("东湖区") && text.contains("〔" + YEAR + "〕3号")
                && text.contains("第1页，共" + pdf.pages() + "页"));
        assertFalse(text, text.contains("西湖区") || text.contains("希望多组织招聘会"));
    }

    @Test
    public void t6_theEvaluationRunScoresTheYouthEvaluationFromTheCampaign() throws Exception {
        Browser admin = Node.admin();
        org.jixiao.itests.support.Perf.advance(admin, YEAR, 6);
        assertEquals("COMPREHENSIVE_EVALUATION", org.jixiao.itests.support.Perf.step(admin, YEAR));
        org.jixiao.itests.support.Perf.pin(admin, YEAR, "standard@1.0");
        String runPath = org.jixiao.itests.support.Perf.run(assessor, YEAR);
        JsonObject run = org.jixiao.itests.support.Perf.runJson(assessor, runPath);
        Map<Long, BigDecimal> youth = new HashMap<>();
        for (JsonElement u : run.getAsJsonObject("input").getAsJsonArray("units")) {
            JsonObject unit = u.getAsJsonObject();
            // Units of other classes on this node have no youth evaluation this year.
            JsonElement score = unit.get("youthScore");
            youth.put(unit.get("orgUnitId").getAsLong(), score == null || score.isJsonNull() ? null
                    : score.getAsBigDecimal());
        }
        assertEquals(run.toString(), 0, new BigDecimal("86.67").compareTo(youth.get(countyA)));
        assertEquals(run.toString(), 0, BigDecimal.ZERO.compareTo(youth.get(countyB)));
    }
}
