package org.jixiao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.jixiao.itests.support.Browser;
import org.jixiao.itests.support.Browser.Response;
import org.jixiao.itests.support.Ids;
import org.jixiao.itests.support.KarafTestSupport;
import org.jixiao.itests.support.Node;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Every register of the employment project through the real distribution: a county's staff fill each one over
 * HTTP and watch its indicators move on the core's dashboard ({@code /api/v1/indicators}), another county can
 * neither read nor change those records, and uninstalling and reinstalling the project keeps every record. The
 * methods build on each other, in name order.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class EmploymentRegistersIT extends KarafTestSupport {

    private static final Gson GSON = new Gson();
    private static final String API = "/api/v1/p/employment/";
    private static final String TODAY = LocalDate.now().toString();
    private static final int YEAR = LocalDate.now().getYear();

    @Inject
    private FeaturesService features;

    private static long countyC;
    private static long countyD;
    private static long entrepreneur;
    private static long jobSeeker;
    /** Path of each record created by county C (e.g. {@code projects/3}), and its register's list before. */
    private static final Map<String, String> RECORDS = new LinkedHashMap<>();
    private static final Map<String, Integer> TOTALS = new LinkedHashMap<>();

    private static Browser c() throws Exception {
        Browser c = new Browser(Node.port());
        c.login("reg-staff-c", "Staff-C-Pass-2", null);
        // The JSON writes send the session's CSRF token, which a page carries.
        c.open("/p/employment/youth");
        return c;
    }

    private static Browser d() throws Exception {
        Browser d = new Browser(Node.port());
        d.login("reg-staff-d", "Staff-D-Pass-2", null);
        d.open("/p/employment/youth");
        return d;
    }

    @Test
    public void t1_twoCountiesWithStaffAndYouth() throws Exception {
        Browser admin = Node.admin();
        countyC = WebSecurityIT.createUnit(admin, "reg-c", "丙县");
        countyD = WebSecurityIT.createUnit(admin, "reg-d", "丁县");
        WebSecurityIT.createUser(admin, "reg-staff-c", countyC, "STAFF", "Staff-C-Pass-1");
        WebSecurityIT.createUser(admin, "reg-staff-d", countyD, "STAFF", "Staff-D-Pass-1");
        new Browser(Node.port()).login("reg-staff-c", "Staff-C-Pass-1", "Staff-C-Pass-2");
        new Browser(Node.port()).login("reg-staff-d", "Staff-D-Pass-1", "Staff-D-Pass-2");
        Browser c = c();
        entrepreneur = created(c, "youth", Map.of("name", "赵创业", "gender", "M", "birthDate", "1995-04-01",
                "idNumber", Ids.of("110105", "19950401", "135"), "unit", countyC, "education", "BACHELOR",
                "type", "ENTREPRENEUR", "registeredOn", TODAY));
        jobSeeker = created(c, "youth", Map.of("name", "钱求职", "gender", "F", "birthDate", "1998-09-09",
                "idNumber", Ids.of("110105", "19980909", "246"), "unit", countyC, "education", "JUNIOR_COLLEGE",
                "type", "JOB_SEEKING", "registeredOn", TODAY));
        assertTrue(entrepreneur > 0 && jobSeeker > 0);
    }

    @Test
    public void t2_theCountyFillsEachRegisterAndItsIndicatorsMove() throws Exception {
        Browser c = c();
        // Work item 1: the statistics per county, and the refresh, which is closed outside March and September.
        Response stats = c.json("GET", API + "youth/stats", null, null);
        assertEquals(stats.body(), 200, stats.status());
        assertEquals(2, JsonParser.parseString(stats.body()).getAsJsonObject().getAsJsonObject("total")
                .get("total").getAsInt());
        assertEquals(200, c.json("GET", API + "refresh", null, null).status());
        int month = LocalDate.now().getMonthValue();
        if (month != 3 && month != 9) {
            Response closed = c.json("POST", API + "refresh/confirm", GSON.toJson(Map.of("county", countyC)), null);
            assertEquals(closed.body(), 400, closed.status());
            assertFalse(closed.body(), closed.body().contains("refresh.window"));
            JsonArray history = JsonParser.parseString(c.json("GET", API + "refresh/" + countyC + "/history", null,
                    null).body()).getAsJsonObject().getAsJsonArray("items");
            assertEquals("nothing confirmed", 0, history == null ? 0 : history.size());
        }

        // Work item 2: one project moves the project count by one.
        BigDecimal projects = actual(c, "entrepreneurship.projects");
        long project = created(c, "projects", Map.of("name", "丙县电商", "founder", entrepreneur, "sector", "COMMERCE",
                "stage", "STARTUP", "unit", countyC, "registeredOn", TODAY));
        assertMoved(c, "entrepreneurship.projects", projects, "1");
        RECORDS.put("projects", "projects/" + project);

        // Work item 3: a mentor, paired with the entrepreneur.
        BigDecimal mentors = actual(c, "mentors.count");
        long mentor = created(c, "mentors", Map.of("name", "孙导师", "field", "电子商务", "employer", "人社局",
                "unit", countyC, "appointedOn", TODAY));
        assertMoved(c, "mentors.count", mentors, "1");
        assertEquals(0, BigDecimal.ZERO.compareTo(actual(c, "mentors.paired")));
        created(c, "mentor-pairings", Map.of("parent", mentor, "youth", entrepreneur, "pairedOn", TODAY));
        assertEquals(0, new BigDecimal("100").compareTo(actual(c, "mentors.paired")));
        RECORDS.put("mentors", "mentors/" + mentor);

        // Work item 4: a session counts once a youth attended it.
        BigDecimal sessions = actual(c, "training.sessions");
        long session = created(c, "training", Map.of("unit", countyC, "heldOn", TODAY,
                "topic", "电商直播培训", "category", "SKILLS", "partner", "人社局", "place", "青年之家"));
        assertEquals(0, sessions.compareTo(actual(c, "training.sessions")));
        created(c, "training-attendees", Map.of("parent", session, "youth", jobSeeker));
        created(c, "training-attendees", Map.of("parent", session, "youth", entrepreneur));
        assertMoved(c, "training.sessions", sessions, "1");
        assertEquals(0, new BigDecimal("2").compareTo(actual(c, "training.trainees")));
        created(c, "training-plans", Map.of("unit", countyC, "planYear", YEAR, "plannedSessions", 3,
                "plannedTrainees", 400, "content", "创业、技能、就业三类培训", "plannedOn", TODAY));
        RECORDS.put("training", "training/" + session);

        // Work items 5 and 6: an entered base, a general-manager-assistant post and a converted intern.
        long base = created(c, "internship-bases", Map.of("name", "丙县见习基地", "sector", "SERVICES", "address",
                "人民路1号", "contact", "李老师", "capacity", 10, "unit", countyC, "establishedOn", TODAY,
                "enteredOn", TODAY));
        assertEquals(0, BigDecimal.ONE.compareTo(actual(c, "internship.bases")));
        long position = created(c, "internships", Map.of("unit", countyC, "employer", "丙县电商公司",
                "post", "总经理助理", "gmAssistant", true, "base", base, "places", 1, "year", YEAR,
                "startsOn", TODAY, "endsOn", YEAR + "-12-31"));
        created(c, "internship-placements", Map.of("parent", position, "youth", jobSeeker, "startsOn", TODAY,
                "outcome", "CONVERTED", "convertedEmployer", "丙县电商公司", "convertedOn", TODAY));
        assertEquals(0, BigDecimal.ONE.compareTo(actual(c, "internship.interns")));
        assertEquals(0, new BigDecimal("100").compareTo(actual(c, "internship.gmShare")));
        assertEquals(0, new BigDecimal("100").compareTo(actual(c, "internship.conversion")));
        // The one place is taken: a second placement is refused with the register's own message.
        Response full = c.json("POST", API + "internship-placements", GSON.toJson(Map.of("parent", position,
                "youth", entrepreneur, "startsOn", TODAY, "outcome", "IN_PROGRESS")), null);
        assertEquals(full.body(), 400, full.status());
        assertFalse("translated, not a message key: " + full.body(), full.body().contains("\"internship."));
        RECORDS.put("internship-bases", "internship-bases/" + base);
        RECORDS.put("internships", "internships/" + position);

        // Work item 7: a micro-loan entered in 万元, counted exactly; a negative amount writes nothing.
        BigDecimal loans = actual(c, "loans.count");
        BigDecimal lent = actual(c, "loans.amount");
        long loan = created(c, "loans", Map.of("unit", countyC, "borrower", entrepreneur, "bank", "丙县农商银行",
                "amount", "5.5万", "grantedOn", TODAY, "termMonths", 24, "status", "DISBURSED"));
        assertMoved(c, "loans.count", loans, "1");
        assertMoved(c, "loans.amount", lent, "5.5");
        Response negative = c.json("POST", API + "loans", GSON.toJson(Map.of("unit", countyC, "borrower",
                entrepreneur, "bank", "丙县农商银行", "amount", "-1万", "grantedOn", TODAY, "termMonths", 24,
                "status", "DISBURSED")), null);
        assertEquals(negative.body(), 400, negative.status());
        assertMoved(c, "loans.count", loans, "1");
        RECORDS.put("loans", "loans/" + loan);

        // Work item 8: a credit demonstration household with 30,000 元 of credit loans (3 万元).
        BigDecimal households = actual(c, "credit.households");
        BigDecimal credit = actual(c, "credit.amount");
        long household = created(c, "credit-households", Map.of("unit", countyC, "headName", "郑户主",
                "village", "丙县东村", "ratedOn", TODAY, "rating", "AA", "loanAmount", "30000.00", "loanOn", TODAY));
        assertMoved(c, "credit.households", households, "1");
        assertMoved(c, "credit.amount", credit, "3");
        RECORDS.put("credit-households", "credit-households/" + household);

        // Work item 9: a funding application (qualitative: recorded, no indicator).
        long funding = created(c, "funding", Map.of("unit", countyC, "youth", entrepreneur, "project", project,
                "programme", "创业担保贷款贴息", "amountApplied", "20000", "appliedOn", TODAY, "result", "PENDING"));
        RECORDS.put("funding", "funding/" + funding);

        // Work item 10: a base with the project in residence.
        long incubator = created(c, "incubators", Map.of("name", "丙县创业园", "address", "创业路8号",
                "operator", "团县委", "unit", countyC, "openedOn", TODAY));
        created(c, "incubator-residents", Map.of("parent", incubator, "project", project, "movedInOn", TODAY));
        assertEquals(0, BigDecimal.ONE.compareTo(actual(c, "incubator.bases")));
        assertEquals(0, BigDecimal.ONE.compareTo(actual(c, "incubator.residents")));
        RECORDS.put("incubators", "incubators/" + incubator);

        // Work item 11: the station and a demonstration project.
        long station = created(c, "ybc-stations", Map.of("name", "丙县YBC服务站", "unit", countyC, "setUpOn", TODAY,
                "address", "青年之家", "head", "周站长", "contact", "0571-1234567"));
        long demo = created(c, "ybc-projects", Map.of("project", project, "unit", countyC,
                "recognisedOn", TODAY));
        assertEquals(0, BigDecimal.ONE.compareTo(actual(c, "ybc.station")));
        assertEquals(0, BigDecimal.ONE.compareTo(actual(c, "ybc.projects")));
        RECORDS.put("ybc-stations", "ybc-stations/" + station);
        RECORDS.put("ybc-projects", "ybc-projects/" + demo);

        // Work item 12: a student at the county's hometown event.
        long student = created(c, "hometown-students", Map.of("name", "吴同学", "university", "浙江大学",
                "unit", countyC));
        long event = created(c, "hometown", Map.of("unit", countyC, "heldOn", TODAY,
                "title", "千名学子看家乡", "place", "丙县", "organiser", "团县委"));
        BigDecimal students = actual(c, "hometown.students");
        created(c, "hometown-participants", Map.of("parent", event, "student", student));
        assertMoved(c, "hometown.students", students, "1");
        RECORDS.put("hometown-students", "hometown-students/" + student);
        RECORDS.put("hometown", "hometown/" + event);

        // Work item 13: an award with the entrepreneur as its winner (no indicator: the register is qualitative).
        long award = created(c, "awards", Map.of("kind", "TEN_YOUNG_ENTREPRENEURS", "year", YEAR, "level", "CITY",
                "unit", countyC));
        created(c, "award-entrants", Map.of("parent", award, "youth", entrepreneur, "project", project,
                "result", "WINNER", "prize", "十佳创业青年"));
        RECORDS.put("awards", "awards/" + award);

        // Employment outcomes: the city-wide 200 counts them.
        BigDecimal outcomes = actual(c, "employment.outcomes");
        long outcome = created(c, "outcomes", Map.of("youth", jobSeeker, "unit", countyC, "employer",
                "丙县电商公司", "employedOn", TODAY, "channel", "INTERNSHIP"));
        assertMoved(c, "employment.outcomes", outcomes, "1");
        RECORDS.put("outcomes", "outcomes/" + outcome);

        // The youth they name can now be neither deleted nor moved; the refusal names the registers, translated.
        Response linked = c.json("DELETE", API + "youth/" + jobSeeker + "?reason=" + java.net.URLEncoder.encode(
                "重复登记", java.nio.charset.StandardCharsets.UTF_8), null, null);
        assertEquals(linked.body(), 400, linked.status());
        assertTrue(linked.body(), linked.body().contains("见习"));
        assertFalse(linked.body(), linked.body().contains("youth.linked"));
        // The same from the youth's page: an error page listing each register, in the user's language.
        c.open("/p/employment/youth/" + jobSeeker);
        Response page = c.post("/p/employment/youth/" + jobSeeker + "/delete", Map.of("reason", "重复登记"));
        assertEquals(400, page.status());
        assertTrue(page.body(), page.body().contains("仍有见习安排关联该记录") && page.body().contains("仍有就业安置记录关联该记录"));
        assertEquals(200, c.json("GET", API + "youth/" + jobSeeker, null, null).status());
    }

    @Test
    public void t3_anotherCountyCanNeitherReadNorChangeTheRecords() throws Exception {
        Browser d = d();
        for (Map.Entry<String, String> e : RECORDS.entrySet()) {
            String path = API + e.getValue();
            assertEquals(path, 404, d.json("GET", path, null, null).status());
            assertEquals(path, 404, d.json("DELETE", path, null, null).status());
            assertEquals(path, 404, d.get("/p/employment/" + e.getValue()).status());
            assertEquals(path, 0, total(d, e.getKey()));
        }
        // Nor may it register into the other county, or link the other county's youth.
        Response elsewhere = d.json("POST", API + "projects", GSON.toJson(Map.of("name", "越界", "founder",
                entrepreneur, "sector", "COMMERCE", "stage", "IDEA", "county", countyC, "registeredOn", TODAY)), null);
        assertTrue(elsewhere.body(), elsewhere.status() == 400 || elsewhere.status() == 404);
        Browser c = c();
        for (String register : RECORDS.keySet()) {
            TOTALS.put(register, total(c, register));
            assertTrue(register, TOTALS.get(register) > 0);
        }
    }

    @Test
    public void t4_uninstallAndReinstallKeepEveryRecord() throws Exception {
        Browser admin = Node.admin();
        features.uninstallFeature("jixiao-project-employment");
        await(() -> status(admin, "/p/employment/projects") == 404, "pages gone after uninstall");
        features.installFeature("jixiao-project-employment");
        await(() -> status(admin, "/p/employment/projects") == 200, "pages back after install");
        Browser c = c();
        for (Map.Entry<String, Integer> e : TOTALS.entrySet()) {
            assertEquals(e.getKey(), e.getValue().intValue(), total(c, e.getKey()));
            assertEquals(e.getKey(), 200, c.json("GET", API + RECORDS.get(e.getKey()), null, null).status());
        }
        assertFalse(actual(c, "mentors.count").signum() == 0);
    }

    // ---------------------------------------------------------------- helpers

    /** POSTs a record as JSON and answers its id; the register must answer 201. */
    private static long created(Browser b, String register, Map<String, ?> body) throws Exception {
        Response r = b.json("POST", API + register, GSON.toJson(body), null);
        assertEquals(register + ": " + r.body(), 201, r.status());
        return JsonParser.parseString(r.body()).getAsJsonObject().get("id").getAsLong();
    }

    private static int total(Browser b, String register) throws Exception {
        Response r = b.json("GET", API + register, null, null);
        assertEquals(register + ": " + r.body(), 200, r.status());
        return JsonParser.parseString(r.body()).getAsJsonObject().get("total").getAsInt();
    }

    /** The employment indicator's actual over the caller's scope on the dashboard, this year. */
    static BigDecimal actual(Browser b, String indicator) throws Exception {
        Response r = b.json("GET", "/api/v1/indicators", null, null);
        assertEquals(r.body(), 200, r.status());
        for (JsonElement p : JsonParser.parseString(r.body()).getAsJsonArray()) {
            JsonObject project = p.getAsJsonObject();
            if (!project.get("projectId").getAsString().equals("employment")) {
                continue;
            }
            JsonArray indicators = project.getAsJsonArray("indicators");
            for (JsonElement i : indicators) {
                JsonObject status = i.getAsJsonObject();
                if (status.getAsJsonObject("definition").get("id").getAsString().equals(indicator)) {
                    return status.get("actual").getAsBigDecimal();
                }
            }
        }
        throw new AssertionError("no indicator " + indicator + " on the dashboard: " + r.body());
    }

    private static void assertMoved(Browser b, String indicator, BigDecimal before, String by) throws Exception {
        BigDecimal after = actual(b, indicator);
        assertEquals(indicator + ": " + before + " -> " + after, 0, before.add(new BigDecimal(by)).compareTo(after));
    }

    private static int status(Browser b, String path) {
        try {
            return b.get(path).status();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not within 30 s: " + what);
    }
}
