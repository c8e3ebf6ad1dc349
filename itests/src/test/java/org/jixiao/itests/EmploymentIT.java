package org.jixiao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.jixiao.api.store.AppliedMigration;
import org.jixiao.api.store.Store;
import org.jixiao.itests.support.Browser;
import org.jixiao.itests.support.Browser.Response;
import org.jixiao.itests.support.Bundles;
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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The employment key project through the real distribution: county staff register youth, other counties
 * cannot reach them, the indicators move, and the project survives uninstall, reinstall and an update
 * that brings a new migration. The methods build on each other, in name order.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class EmploymentIT extends KarafTestSupport {

    private static final String PERSON = Ids.of("110105", "19990315", "123");

    @Inject
    private FeaturesService features;

    @Inject
    private BundleContext context;

    @Inject
    private Store store;

    private static long countyA;
    private static long countyB;
    private static long youthId;

    private static Map<String, String> youth(String name, String id, long county) {
        Map<String, String> form = new HashMap<>();
        form.put("name", name);
        form.put("gender", "M");
        form.put("birthDate", "1999-03-15");
        form.put("idNumber", id);
        form.put("unit", String.valueOf(county));
        form.put("education", "BACHELOR");
        form.put("type", "JOB_SEEKING");
        form.put("needs", "希望参加技能培训");
        return form;
    }

    @Test
    public void t1_countyStaffRegisterYouthThatOtherCountiesCannotReach() throws Exception {
        Browser admin = Node.admin();
        countyA = WebSecurityIT.createUnit(admin, "emp-a", "甲区");
        countyB = WebSecurityIT.createUnit(admin, "emp-b", "乙区");
        WebSecurityIT.createUser(admin, "emp-staff-a", countyA, "STAFF", "Crew-A-Pass-1");
        WebSecurityIT.createUser(admin, "emp-staff-b", countyB, "STAFF", "Staff-B-Pass-1");
        Browser a = new Browser(Node.port());
        a.login("emp-staff-a", "Crew-A-Pass-1", "Crew-A-Pass-2");
        Browser b = new Browser(Node.port());
        b.login("emp-staff-b", "Staff-B-Pass-1", "Staff-B-Pass-2");

        assertEquals(200, a.open("/p/employment/youth/new").status());
        Response created = a.post("/p/employment/youth/new", youth("张三", PERSON, countyA));
        assertTrue(created.status() + " " + created.body(), created.redirectsTo("/p/employment/youth?saved=saved"));
        Response list = a.get("/p/employment/youth");
        assertTrue(list.body().contains("张三"));
        assertFalse("the list shows the ID number masked", list.body().contains(PERSON));
        // The mask keeps the last four characters only.
        assertTrue(list.body().contains("*" + PERSON.substring(14)));

        JsonObject page = JsonParser.parseString(a.json("GET", "/api/v1/p/employment/youth", null, null).body())
                .getAsJsonObject();
        assertEquals(1, page.get("total").getAsInt());
        youthId = page.getAsJsonArray("items").get(0).getAsJsonObject().get("id").getAsLong();

        // Another county: no page, no edit, no delete, no JSON, and an empty list.
        assertEquals(404, b.get("/p/employment/youth/" + youthId).status());
        b.open("/p/employment/youth/new");
        assertEquals(404, b.post("/p/employment/youth/" + youthId + "/delete", Map.of("reason", "x")).status());
        assertEquals(404, b.post("/p/employment/youth/" + youthId + "/edit", youth("改名", PERSON, countyB)).status());
        assertEquals(404, b.json("GET", "/api/v1/p/employment/youth/" + youthId, null, null).status());
        assertFalse(b.get("/p/employment/youth").body().contains("张三"));
        // Nor may a county register into another county.
        Response elsewhere = b.post("/p/employment/youth/new", youth("李四", Ids.of("110105", "19980101", "222"),
                countyA));
        assertTrue(String.valueOf(elsewhere.status()), elsewhere.status() == 400 || elsewhere.status() == 404);
        assertEquals(1, total(a));
    }

    @Test
    public void t2_badInputAndDuplicatesAreRefusedWithClearMessagesAndWriteNothing() throws Exception {
        Browser a = new Browser(Node.port());
        a.login("emp-staff-a", "Crew-A-Pass-2", null);
        a.open("/p/employment/youth/new");
        Response badId = a.post("/p/employment/youth/new", youth("王五", Ids.broken(Ids.of("110105", "19970101",
                "333")), countyA));
        assertEquals(400, badId.status());
        assertTrue(badId.body().contains("校验位"));
        Response duplicate = a.post("/p/employment/youth/new", youth("张三", PERSON, countyA));
        assertEquals(400, duplicate.status());
        Response missing = a.post("/p/employment/youth/new", Map.of("name", ""));
        assertEquals(400, missing.status());
        Response json = a.json("POST", "/api/v1/p/employment/youth", "{\"name\":\"\"}", null);
        assertEquals(400, json.status());
        assertTrue(JsonParser.parseString(json.body()).getAsJsonObject().getAsJsonObject("fields").has("name"));
        // The same person in another county is the same person.
        Browser b = new Browser(Node.port());
        b.login("emp-staff-b", "Staff-B-Pass-2", null);
        b.open("/p/employment/youth/new");
        assertEquals(400, b.post("/p/employment/youth/new", youth("张三", PERSON, countyB)).status());
        assertEquals(1, total(a));
        assertEquals(0, total(b));
    }

    @Test
    public void t3_indicatorsMoveOnTheHomePage() throws Exception {
        Browser a = new Browser(Node.port());
        a.login("emp-staff-a", "Crew-A-Pass-2", null);
        Response home = a.get("/home");
        assertTrue(home.body().contains("甲区"));
        assertTrue(home.body(), home.body().contains("1 人"));
        // Projects without indicators this year (the city's, before it defines any) are left out; the other key
        // projects of the distribution (scholarship) are listed beside employment.
        com.google.gson.JsonArray projects = JsonParser.parseString(a.json("GET", "/api/v1/indicators", null, null)
                .body()).getAsJsonArray();
        List<String> ids = new java.util.ArrayList<>();
        projects.forEach(p -> ids.add(p.getAsJsonObject().get("projectId").getAsString()));
        assertTrue(ids.toString(), ids.contains("employment") && !ids.contains("city"));
        JsonObject indicators = projects.get(ids.indexOf("employment")).getAsJsonObject();
        assertEquals("employment", indicators.get("projectId").getAsString());
    }

    @Test
    public void t4_uninstallAnswers404AndReinstallBringsEveryRecordBack() throws Exception {
        Browser admin = Node.admin();
        features.uninstallFeature("jixiao-project-employment");
        await(() -> status(admin, "/p/employment/youth") == 404, "pages gone after uninstall");
        assertEquals(404, status(admin, "/api/v1/p/employment/youth"));
        Response home = admin.get("/home");
        assertEquals(200, home.status());
        assertFalse(home.body().contains("求职青年"));
        assertEquals(200, status(admin, "/admin/users"));

        features.installFeature("jixiao-project-employment");
        await(() -> status(admin, "/p/employment/youth") == 200, "pages back after install");
        Browser a = new Browser(Node.port());
        a.login("emp-staff-a", "Crew-A-Pass-2", null);
        assertEquals(1, total(a));
        assertTrue(a.get("/p/employment/youth").body().contains("张三"));
    }

    @Test
    public void t5_anUpdateWithANewMigrationAppliesItOnceAndKeepsTheData() throws Exception {
        Bundle bundle = employmentBundle();
        int before = store.applied("employment").size();
        // Versions need not be contiguous (a number reserved for a change that needed no schema stays unused).
        int next = store.applied("employment").stream().mapToInt(AppliedMigration::version).max().orElse(0) + 1;
        Map<String, String> migration = Map.of("db/migration/V" + next + "__itest_marker.sql",
                "CREATE TABLE EMP_ITEST_MARKER (ID INTEGER NOT NULL);\n");
        bundle.update(new ByteArrayInputStream(Bundles.nextVersion(bundle, "9.0.0.itest", migration)));
        Browser admin = Node.admin();
        await(() -> health(admin).contains("9.0.0.itest") && health(admin).contains("ACTIVE"), "updated");
        List<AppliedMigration> applied = store.applied("employment");
        assertEquals(before + 1, applied.size());
        int count = store.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM EMP_ITEST_MARKER")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertEquals(0, count);

        // Updating again with the same migrations applies nothing twice.
        bundle.update(new ByteArrayInputStream(Bundles.nextVersion(employmentBundle(), "9.0.1.itest", migration)));
        await(() -> health(admin).contains("9.0.1.itest"), "updated twice");
        assertEquals(before + 1, store.applied("employment").size());
        Browser a = new Browser(Node.port());
        a.login("emp-staff-a", "Crew-A-Pass-2", null);
        assertEquals(1, total(a));
    }

    private Bundle employmentBundle() {
        for (Bundle b : context.getBundles()) {
            if ("org.jixiao.project.employment".equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("employment bundle not installed");
    }

    private static int total(Browser b) throws Exception {
        Response r = b.json("GET", "/api/v1/p/employment/youth", null, null);
        assertEquals(r.body(), 200, r.status());
        return JsonParser.parseString(r.body()).getAsJsonObject().get("total").getAsInt();
    }

    private static int status(Browser b, String path) {
        try {
            return b.get(path).status();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String health(Browser b) {
        try {
            return b.get("/api/v1/health").body();
        } catch (Exception e) {
            return "";
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
