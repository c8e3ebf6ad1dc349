package org.jixiao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.jixiao.api.store.Store;
import org.jixiao.itests.support.Browser;
import org.jixiao.itests.support.Browser.Response;
import org.jixiao.itests.support.Ids;
import org.jixiao.itests.support.KarafTestSupport;
import org.jixiao.itests.support.Node;
import org.jixiao.itests.support.Registers;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The scholarship project through the real distribution: a county's Hope Project office takes 30 applicants over
 * HTTP from application (with the three documents) through its review, the city's home visit and re-check, the
 * public notice with one objection upheld, to the disbursement with signed receipts; the decision chain checks
 * intact, then a decision row edited in Derby breaks it; another county sees none of it. Methods run in name order.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ScholarshipIT extends KarafTestSupport {

    private static final Gson GSON = new Gson();
    private static final String API = "/api/v1/p/scholarship/";
    private static final LocalDate DAY = LocalDate.now();
    private static final String TODAY = DAY.toString();
    private static final int YEAR = DAY.getYear();
    private static final int APPLICANTS = 30;
    private static final byte[] PDF = "%PDF-1.7 证明".getBytes(StandardCharsets.UTF_8);
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 'J', 'F', 'I', 'F'};

    @Inject
    private Store store;

    @Inject
    private SessionFactory console;

    /** Neither holds a user name, which the node refuses; the first is changed at the first login. */
    private static final String FIRST_PASSWORD = "Yuanmeng#Kite-31";
    private static final String SECOND_PASSWORD = "Yuanmeng#Kite-32";

    private static long countyE;
    private static long countyF;
    private static long plan;
    private static final List<Long> APPLICATIONS = new ArrayList<>();

    private static Browser as(String user) throws Exception {
        Browser b = new Browser(Node.port());
        b.login(user, SECOND_PASSWORD, null);
        // The writes send the session's CSRF token, which a page carries.
        b.open("/p/scholarship/applications");
        return b;
    }

    @Test
    public void t1_twoCountyOfficesAndTheCitys() throws Exception {
        Browser admin = Node.admin();
        countyE = WebSecurityIT.createUnit(admin, "sch-e", "戊县");
        countyF = WebSecurityIT.createUnit(admin, "sch-f", "己县");
        for (Object[] u : new Object[][] {{"hope-e", countyE}, {"hope-f", countyF}, {"hope-city", 1L}}) {
            String name = (String) u[0];
            Response r = admin.json("POST", "/api/v1/users", GSON.toJson(Map.of("username", name, "displayName", name,
                    "roles", List.of("VIEWER"), "grants", List.of("HOPE_OFFICE"), "orgUnitId", u[1],
                    "password", FIRST_PASSWORD)), null);
            assertEquals(r.body(), 201, r.status());
            new Browser(Node.port()).login(name, FIRST_PASSWORD, SECOND_PASSWORD);
        }
    }

    @Test
    public void t2_theCountyTakesThirtyApplicantsToTheNotice() throws Exception {
        Browser e = as("hope-e");
        Browser city = as("hope-city");
        long started = System.nanoTime();
        plan = created(e, "plans", Map.of("unit", countyE, "year", YEAR, "grantPerStudent", "5000",
                "noticeFrom", TODAY, "noticeTo", TODAY));
        created(e, "funds", Map.of("parent", plan, "donor", "戊县爱心企业", "amount", APPLICANTS * 5000 + ".00",
                "receivedOn", TODAY, "restricted", false));
        // One who does not qualify is refused in words, and nothing is written.
        Map<String, String> other = form(0);
        other.put("familyType", "OTHER");
        Response refused = e.multipart(API + "applications", other, documents());
        assertEquals(refused.body(), 400, refused.status());
        assertFalse(refused.body(), refused.body().contains("application.rule"));
        for (int i = 1; i <= APPLICANTS; i++) {
            Response r = e.multipart(API + "applications", form(i), documents());
            assertEquals(r.body(), 201, r.status());
            long id = id(r);
            APPLICATIONS.add(id);
            created(e, "identities", Map.of("parent", id, "year", YEAR, "idNumber",
                    Ids.of("330106", "20070315", String.format("%03d", i))));
            step(e, id, "review", Map.of("reviewedOn", TODAY));
            if (i == 1) {
                Response visit = city.multipart(API + "visits", Map.of("parent", String.valueOf(id), "visitedOn",
                        TODAY, "visitors", "王老师、李老师", "findings", "家中确实困难", "factsConfirmed", "true"),
                        Map.of("photo", Map.entry("家访.jpg", JPEG)));
                assertEquals(visit.body(), 201, visit.status());
            } else {
                created(city, "visits", Map.of("parent", id, "visitedOn", TODAY, "visitors", "王老师",
                        "findings", "属实", "factsConfirmed", true));
            }
            step(city, id, "recheck", Map.of("checkedOn", TODAY));
            step(city, id, "publish", Map.of());
        }
        System.out.printf("scholarship: %d applicants to the notice over HTTP in %d ms%n", APPLICANTS,
                (System.nanoTime() - started) / 1_000_000);
        // The documents are there for the office, never for another county.
        assertEquals(200, e.download(API + "applications/" + APPLICATIONS.get(0) + "/files/admissionNotice")
                .status());
    }

    @Test
    public void t3_theNoticeIsPublicMaskedAndAnObjectionIsUpheld() throws Exception {
        Response notice = new Browser(Node.port()).get("/pub/scholarship/notice?year=" + YEAR);
        assertEquals(notice.body(), 200, notice.status());
        assertTrue(notice.body(), notice.body().contains("张*伟"));
        assertFalse(notice.body().contains("张一伟"));
        assertFalse(notice.body().contains("20070315"));
        assertFalse(notice.body().contains("父母务农"));
        Browser e = as("hope-e");
        Browser city = as("hope-city");
        String head = chain(city).get("head").getAsString();
        assertTrue(notice.body().contains(head));

        long first = APPLICATIONS.get(0);
        long objection = created(e, "objections", Map.of("parent", first, "receivedOn", TODAY, "channel", "PUBLIC",
                "content", "该生家庭有经营性收入"));
        Response upheld = city.json("POST", API + "objections/" + objection + "/transitions/uphold",
                GSON.toJson(Map.of("finding", "经核实属实")), null);
        assertEquals(upheld.body(), 200, upheld.status());
        Response noReason = city.json("POST", API + "applications/" + first + "/transitions/refuse", "{}", null);
        assertEquals(noReason.body(), 400, noReason.status());
        step(city, first, "refuse", Map.of("reason", "异议查实"));
    }

    @Test
    public void t4_theNoticeClosesAndTheGrantsArePaidWithReceipts() throws Exception {
        Browser e = as("hope-e");
        // The window closed yesterday (moved back here: the test cannot wait a day).
        Response moved = e.json("PUT", API + "plans/" + plan, GSON.toJson(Map.of("year", YEAR, "grantPerStudent",
                "5000", "noticeFrom", DAY.minusDays(2).toString(), "noticeTo", DAY.minusDays(1).toString())), null);
        assertEquals(moved.body(), 200, moved.status());
        for (long id : APPLICATIONS.subList(1, APPLICATIONS.size())) {
            Response paid = e.multipart(API + "applications/" + id + "/transitions/disburse", Map.of("amountPaid",
                    "5000", "paidOn", TODAY), Map.of("receipt", Map.entry("签收单.pdf", PDF)));
            assertEquals(paid.body(), 200, paid.status());
        }
        Response list = e.json("GET", API + "disbursement?year=" + YEAR, null, null);
        assertEquals(list.body(), 200, list.status());
        assertEquals(APPLICANTS - 1, JsonParser.parseString(list.body()).getAsJsonObject().getAsJsonArray("rows")
                .size());
        // 29 × 5,000 paid of 150,000 raised: 5,000 carried over, exact to the fen.
        Response closed = e.json("PUT", API + "plans/" + plan, GSON.toJson(Map.of("year", YEAR, "grantPerStudent",
                "5000", "noticeFrom", DAY.minusDays(2).toString(), "noticeTo", DAY.minusDays(1).toString(),
                "carriedOver", "5000.00")), null);
        assertEquals(closed.body(), 200, closed.status());
        JsonObject row = JsonParser.parseString(e.json("GET", API + "reconciliation?year=" + YEAR, null, null).body())
                .getAsJsonObject().getAsJsonArray("rows").get(0).getAsJsonObject();
        assertTrue(row.toString(), row.get("reconciled").getAsBoolean());
        Response indicators = as("hope-city").json("GET", "/api/v1/indicators?year=" + YEAR, null, null);
        assertEquals(indicators.body(), 200, indicators.status());
        assertTrue(indicators.body().contains("disbursement.complete"));
    }

    @Test
    public void t5_anotherCountySeesNoneOfIt() throws Exception {
        Browser f = as("hope-f");
        Response list = f.json("GET", API + "applications", null, null);
        assertEquals(list.body(), 200, list.status());
        assertEquals(0, JsonParser.parseString(list.body()).getAsJsonObject().get("total").getAsInt());
        long first = APPLICATIONS.get(1);
        assertEquals(404, f.json("GET", API + "applications/" + first, null, null).status());
        assertEquals(404, f.download(API + "applications/" + first + "/files/povertyCertificate").status());
        assertEquals(0, JsonParser.parseString(f.json("GET", API + "disbursement?year=" + YEAR, null, null).body())
                .getAsJsonObject().getAsJsonArray("rows").size());
    }

    @Test
    public void t6_theChainChecksIntactThenAnEditedDecisionIsNamed() throws Exception {
        Browser city = as("hope-city");
        JsonObject ok = chain(city);
        assertTrue(ok.toString(), ok.get("intact").getAsBoolean());
        String intact = verifyChain();
        assertTrue(intact, intact.contains(ok.get("head").getAsString()));
        // 30 × (review, recheck, publish) + the objection upheld + the refusal + 29 payments.
        assertEquals(APPLICANTS * 3 + 2 + APPLICANTS - 1, ok.get("entries").getAsInt());
        store.inTransaction(c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("UPDATE SCH_DECISION SET REASON = '材料齐全' WHERE STEP = 'refuse'");
            }
            return null;
        });
        JsonObject broken = chain(city);
        assertFalse(broken.get("intact").getAsBoolean());
        assertEquals(APPLICANTS * 3 + 2, broken.get("brokenSeq").getAsInt());
        String named = verifyChain();
        assertTrue(named, named.contains(String.valueOf(APPLICANTS * 3 + 2)) && !named.contains(ok.get("head")
                .getAsString()));
        assertEquals(403, as("hope-e").json("GET", API + "chain", null, null).status());
    }

    /** {@code jixiao:verify-chain scholarship} in the node's console: what it prints. */
    private String verifyChain() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
        Session session = console.create(new java.io.ByteArrayInputStream(new byte[0]), print, print);
        try {
            Object answer = session.execute("jixiao:verify-chain scholarship");
            return answer + out.toString(StandardCharsets.UTF_8);
        } finally {
            session.close();
        }
    }

    private static JsonObject chain(Browser city) throws Exception {
        Response r = city.json("GET", API + "chain", null, null);
        assertEquals(r.body(), 200, r.status());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private static Map<String, String> form(int i) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("unit", String.valueOf(countyE));
        m.put("year", String.valueOf(YEAR));
        m.put("name", i == 1 ? "张一伟" : "学生" + i);
        m.put("familyType", i % 2 == 0 ? "URBAN_DIBAO" : "RURAL_POOR");
        m.put("university", "浙江大学");
        m.put("major", "计算机科学与技术");
        m.put("fullTimeUndergraduate", "true");
        m.put("examScore", String.valueOf(600 + i));
        m.put("household", "父母务农");
        m.put("appliedOn", TODAY);
        return m;
    }

    private static Map<String, Map.Entry<String, byte[]>> documents() {
        return Map.of("admissionNotice", Map.entry("录取通知书.pdf", PDF), "idCard", Map.entry("身份证.pdf", PDF),
                "povertyCertificate", Map.entry("贫困证明.pdf", PDF));
    }

    private static void step(Browser b, long id, String transition, Map<String, ?> body) throws Exception {
        Registers.step(b, API, "applications", id, transition, body);
    }

    private static long created(Browser b, String register, Map<String, ?> body) throws Exception {
        return Registers.created(b, API, register, body);
    }

    private static long id(Response r) {
        return Registers.id(r);
    }
}
