package org.jixiao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.inject.Inject;

import org.jixiao.api.AuditLog;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.register.RegisterService;
import org.jixiao.api.store.Store;
import org.jixiao.itests.fixture.SampleProject;
import org.jixiao.itests.fixture.SampleWeb;
import org.jixiao.itests.fixture.VolunteerRegister;
import org.jixiao.itests.support.Browser;
import org.jixiao.itests.support.Browser.Response;
import org.jixiao.itests.support.Bundles;
import org.jixiao.itests.support.KarafTestSupport;
import org.jixiao.itests.support.Ids;
import org.jixiao.itests.support.Node;
import org.jixiao.itests.support.Perf;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A whole year from opening to publishing over HTTP, with two counties and a key project installed at run time
 * ({@link SampleProject}, built into a bundle of its own here): its indicators join each county's target table, a
 * city department sets a target and the Organisation Department approves the table, each county records its
 * figures through the project's own JSON endpoint and form (never the other county's), tracking shows the live
 * actuals, the evaluation ranks the county that completed more first, and the city publishes the result. The methods
 * build on each other, in name order.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class PerformanceSampleIT extends KarafTestSupport {

    /** This year: tracking shows the months up to today, and figures may be recorded up to today. */
    private static final int YEAR = LocalDate.now().getYear();
    private static final String REGISTERED = SampleProject.ID + ":" + SampleProject.REGISTERED;
    private static final String RECORDS = "/api/v1/p/sample/records";

    private static long countyA;
    private static long countyB;
    private static String runPath;

    @Inject
    private BundleContext context;

    private void installSampleProject() throws Exception {
        String name = "org.jixiao.itest.sample";
        String xml = Bundles.component(name, SampleProject.class, KeyProject.class.getName(),
                Map.of(KeyProject.PROPERTY_ID, SampleProject.ID),
                Map.of("store", Store.class.getName(), "orgUnits", OrgUnitService.class.getName(),
                        "audit", AuditLog.class.getName(), "engine", RegisterService.class.getName()), null);
        byte[] jar = Bundles.keyProject(name, SampleProject.ID, "org.jixiao.api;version=\"[2.0,3)\","
                + "org.jixiao.api.performance;version=\"[1.2,2)\",org.jixiao.api.project;version=\"[1.5,2)\","
                + "org.jixiao.api.store;version=\"[1.0,2)\",org.jixiao.api.web;version=\"[1.0,2)\","
                + "org.jixiao.api.register;version=\"[1.0,2)\"", xml,
                new Class<?>[] {SampleProject.class, SampleWeb.class, VolunteerRegister.class},
                Bundles.resources("fixture/sample/", "db/migration/V1__sample_record.sql",
                        "db/migration/V2__volunteers.sql", "i18n/messages.properties",
                        "i18n/messages_en.properties", "templates/sample-records.ftlh"));
        Bundle bundle = context.installBundle("itest:" + name, new ByteArrayInputStream(jar));
        bundle.start();
        Node.awaitProject(SampleProject.ID, "ACTIVE", 30_000);
    }

    /** One figure recorded through the project's JSON endpoint; the response. */
    private static Response record(Browser county, long unit, int year, String measure, String amount)
            throws Exception {
        return county.json("POST", RECORDS, "{\"orgUnitId\":" + unit + ",\"year\":" + year + ",\"measure\":\""
                + measure + "\",\"amount\":" + amount + "}", null);
    }

    private static void recorded(Browser county, long unit, int year, String measure, String amount)
            throws Exception {
        Response r = record(county, unit, year, measure, amount);
        assertEquals(r.body(), 201, r.status());
    }

    /** The unit's indicators as the project's JSON list gives them to {@code user} for the year. */
    private static Map<String, String> listed(Browser user, long unit) throws Exception {
        Response r = user.get(RECORDS + "?year=" + YEAR);
        assertEquals(r.body(), 200, r.status());
        for (JsonElement e : JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonArray("units")) {
            JsonObject row = e.getAsJsonObject();
            if (row.get("orgUnitId").getAsLong() == unit) {
                Map<String, String> out = new TreeMap<>();
                row.getAsJsonObject("indicators").entrySet()
                        .forEach(i -> out.put(i.getKey(), i.getValue().getAsString()));
                return out;
            }
        }
        return null;
    }

    private static void assertShows(Response page, String... texts) {
        assertEquals(page.text(), 200, page.status());
        for (String t : texts) {
            assertTrue("'" + t + "' in: " + page.text(), page.text().contains(t));
        }
    }

    @Test
    public void t1_theProjectsIndicatorsJoinEachCountysTargetTable() throws Exception {
        installSampleProject();
        Browser admin = Node.admin();
        countyA = WebSecurityIT.createUnit(admin, "sample-a", "甲县");
        countyB = WebSecurityIT.createUnit(admin, "sample-b", "乙县");
        WebSecurityIT.createUser(admin, "s-dept", 1, "TARGET_SETTER", "S-Bureau-Pass-1");
        WebSecurityIT.createUser(admin, "s-org", 1, "TARGET_APPROVER", "S-Office-Pass-1");
        WebSecurityIT.createUser(admin, "s-assessor", 1, "ASSESSOR", "S-Judge-Pass-1");
        WebSecurityIT.createUser(admin, "s-county-a", countyA, "STAFF", "S-Shire-A-1");
        WebSecurityIT.createUser(admin, "s-county-b", countyB, "STAFF", "S-Shire-B-1");
        WebSecurityIT.createUser(admin, "s-viewer-a", countyA, "VIEWER", "S-Reader-A-1");
        Perf.openYear(admin, YEAR);

        Browser a = Node.login("s-county-a", "S-Shire-A-1", "S-Shire-A-2");
        Browser b = Node.login("s-county-b", "S-Shire-B-1", "S-Shire-B-2");
        for (Browser county : List.of(a, b)) {
            long own = county == a ? countyA : countyB;
            assertShows(county.get("/perf/" + YEAR + "/targets/" + own), "注册青年志愿者人数", "附件9 第1项",
                    "参与服务志愿者占比", "附件9 第2项", "志愿服务时长增长", "附件9 第3项", "≥ 100 人", "≥ 60%", "≥ 10%");
            assertShows(county.get("/perf/" + YEAR + "/milestones/" + own), "完成志愿者注册");
        }
        // The project's own page, in the layout, in either language.
        Response page = a.get("/p/sample/");
        assertTrue(page.status() + " " + page.location(), page.redirectsTo("/p/sample/records"));
        assertShows(a.get("/p/sample/records"), "青年志愿服务记录", "甲县");
        assertFalse(a.get("/p/sample/records").text().contains("乙县"));
        assertTrue(a.get("/lang?to=en&back=/p/sample/records").redirectsTo("/p/sample/records"));
        assertShows(a.get("/p/sample/records"), "Youth volunteering records", "Registered youth volunteers (people)");
        assertShows(a.get("/home"), "Sample project: youth volunteering", "Growth of volunteer service hours");
    }

    @Test
    public void t2_eachCountyRecordsItsOwnFiguresAndNeverTheOtherCountys() throws Exception {
        Browser a = Node.login("s-county-a", "S-Shire-A-2", null);
        a.open("/home");
        // Last year's service hours are the baseline of this year's growth target.
        recorded(a, countyA, YEAR - 1, "HOURS", "100");
        recorded(a, countyA, YEAR, "REGISTERED", "120");
        recorded(a, countyA, YEAR, "ACTIVE", "90");
        recorded(a, countyA, YEAR, "HOURS", "121");

        Browser b = Node.login("s-county-b", "S-Shire-B-2", null);
        b.open("/home");
        recorded(b, countyB, YEAR - 1, "HOURS", "200");
        recorded(b, countyB, YEAR, "ACTIVE", "10");
        recorded(b, countyB, YEAR, "HOURS", "110");
        // The form on the project's page records as well.
        b.open("/p/sample/records");
        Response form = b.post("/p/sample/records", Map.of("orgUnitId", String.valueOf(countyB), "year",
                String.valueOf(YEAR), "measure", "REGISTERED", "amount", "50"));
        assertTrue(form.status() + " " + form.text(), form.redirectsTo("/p/sample/records?year=" + YEAR + "&saved=1"));
        Response bad = b.post("/p/sample/records", Map.of("orgUnitId", String.valueOf(countyB), "year",
                String.valueOf(YEAR), "measure", "REGISTERED", "amount", "-1"));
        assertEquals(400, bad.status());
        assertTrue(bad.text(), bad.text().contains("数量须为不小于 0 的数"));

        // A county may only record for its own unit: the other county does not exist for it.
        assertEquals(404, record(b, countyA, YEAR, "REGISTERED", "999").status());
        assertEquals(404, record(a, countyB, YEAR, "REGISTERED", "999").status());
        assertEquals(404, b.postRaw("/p/sample/records", Map.of("_csrf", b.csrf(), "orgUnitId",
                String.valueOf(countyA), "year", String.valueOf(YEAR), "measure", "REGISTERED", "amount", "999"))
                .status());
        // A viewer reads only; bad input is refused field by field and writes nothing.
        Browser viewer = Node.login("s-viewer-a", "S-Reader-A-1", "S-Reader-A-2");
        viewer.open("/home");
        assertEquals(403, record(viewer, countyA, YEAR, "REGISTERED", "999").status());
        Response invalid = a.json("POST", RECORDS, "{\"orgUnitId\":" + countyA + ",\"year\":" + (YEAR + 1)
                + ",\"measure\":\"NOPE\",\"amount\":1.234}", null);
        assertEquals(invalid.body(), 400, invalid.status());
        for (String field : List.of("year", "measure", "amount")) {
            assertTrue(invalid.body(), invalid.body().contains("\"" + field + "\""));
        }

        assertEquals(Map.of(SampleProject.REGISTERED, "120", SampleProject.ACTIVE_SHARE, "75",
                SampleProject.HOURS, "121"), listed(a, countyA));
        assertNull("the other county is out of scope", listed(a, countyB));
        assertEquals(Map.of(SampleProject.REGISTERED, "50", SampleProject.ACTIVE_SHARE, "20",
                SampleProject.HOURS, "110"), listed(Node.admin(), countyB));
    }

    @Test
    public void t3_aTargetIsSetAndApprovedAndGrowthTargetsStandOnLastYear() throws Exception {
        Browser dept = Node.login("s-dept", "S-Bureau-Pass-1", "S-Bureau-Pass-2");
        Perf.setTarget(dept, YEAR, countyA, REGISTERED, "AT_LEAST", "120");
        Browser org = Node.login("s-org", "S-Office-Pass-1", "S-Office-Pass-2");
        Perf.approve(org, YEAR);
        dept.open("/perf/" + YEAR + "/targets/" + countyA);
        assertEquals(403, dept.post("/perf/" + YEAR + "/targets/" + countyA, Map.of("indicator", REGISTERED,
                "comparison", "AT_LEAST", "value", "10")).status());

        Browser a = Node.login("s-county-a", "S-Shire-A-2", null);
        assertShows(a.get("/perf/" + YEAR + "/targets/" + countyA), "≥ 120 人", "= 110 小时");
        Browser b = Node.login("s-county-b", "S-Shire-B-2", null);
        assertShows(b.get("/perf/" + YEAR + "/targets/" + countyB), "≥ 100 人", "= 220 小时");
        assertEquals(404, b.get("/perf/" + YEAR + "/targets/" + countyA).status());
    }

    @Test
    public void t4_trackingShowsTheLiveActuals() throws Exception {
        Browser a = Node.login("s-county-a", "S-Shire-A-2", null);
        assertShows(a.get("/perf/" + YEAR + "/tracking/" + countyA), "120 人", "75 %", "121 小时");
        Browser b = Node.login("s-county-b", "S-Shire-B-2", null);
        String tracking = "/perf/" + YEAR + "/tracking/" + countyB;
        assertShows(b.get(tracking), "50 人", "20 %", "110 小时");
        assertEquals(404, b.get("/perf/" + YEAR + "/tracking/" + countyA).status());

        // A figure recorded now shows at once.
        b.open("/home");
        recorded(b, countyB, YEAR, "REGISTERED", "30");
        assertShows(b.get(tracking), "80 人", "12.5 %");
    }

    @Test
    public void t5_theEvaluationRanksTheCountyThatCompletedMoreFirst() throws Exception {
        Browser admin = Node.admin();
        // From target setting to the comprehensive evaluation.
        Perf.advance(admin, YEAR, 6);
        assertEquals("COMPREHENSIVE_EVALUATION", Perf.step(admin, YEAR));
        Perf.pin(admin, YEAR, "standard@1.0");

        Browser assessor = Node.login("s-assessor", "S-Judge-Pass-1", "S-Judge-Pass-2");
        runPath = Perf.run(assessor, YEAR);
        JsonObject run = Perf.runJson(assessor, runPath);
        JsonArray ranking = run.getAsJsonArray("ranking");
        assertEquals(run.toString(), 2, ranking.size());
        JsonObject first = ranking.get(0).getAsJsonObject();
        JsonObject second = ranking.get(1).getAsJsonObject();
        assertEquals(run.toString(), countyA, first.get("orgUnitId").getAsLong());
        assertEquals(1, first.get("rank").getAsInt());
        assertEquals(countyB, second.get("orgUnitId").getAsLong());
        assertTrue(run.toString(),
                first.get("total").getAsBigDecimal().compareTo(second.get("total").getAsBigDecimal()) > 0);

        // The run scored the live actuals of the sample project's indicators against the approved targets.
        Map<String, String> completions = new TreeMap<>();
        for (JsonElement u : run.getAsJsonObject("input").getAsJsonArray("units")) {
            JsonObject unit = u.getAsJsonObject();
            for (JsonElement i : unit.getAsJsonArray("indicators")) {
                JsonObject indicator = i.getAsJsonObject();
                if (indicator.get("indicator").getAsString().startsWith(SampleProject.ID + ":")) {
                    completions.put(unit.get("orgUnitName").getAsString() + " " + indicator.get("indicator")
                            .getAsString(), indicator.get("completion").getAsBigDecimal().toPlainString());
                }
            }
        }
        assertEquals(Map.of(
                "甲县 sample:volunteers.registered", "100.00", "甲县 sample:volunteers.active.share", "100.00",
                "甲县 sample:service.hours", "100.00",
                "乙县 sample:volunteers.registered", "80.00", "乙县 sample:volunteers.active.share", "20.83",
                "乙县 sample:service.hours", "50.00"), completions);

        Response csv = assessor.get(runPath + ".csv");
        assertTrue(csv.body(), csv.body().contains("\"1\",\"甲县\"") && csv.body().contains("\"2\",\"乙县\""));
    }

    @Test
    public void t6_theCityPublishesTheYearAndEachCountySeesOnlyItsOwnLine() throws Exception {
        Browser admin = Node.admin();
        Perf.publish(admin, runPath);
        assertEquals("PUBLISHED", Perf.step(admin, YEAR));

        Browser b = Node.login("s-county-b", "S-Shire-B-2", null);
        Response own = b.get(runPath);
        assertShows(own, "乙县");
        assertFalse(own.text().contains("甲县"));
    }

    private static final String VOLUNTEERS = "/api/v1/p/sample/volunteers";

    /**
     * A register added to the sample project by one definition class, one migration and its messages: the engine
     * serves its JSON, pages, county scope, duplicates, import (checked, then written on confirmation) and export.
     */
    @Test
    public void t7_aRegisterAddedToTheSampleProjectIsServedByTheEngine() throws Exception {
        Browser a = Node.login("s-county-a", "S-Shire-A-2", null);
        a.open("/p/sample/volunteers");
        String first = Ids.of("110105", "19990315", "123");
        String body = "{\"name\":\"王小明\",\"idNumber\":\"" + first + "\",\"kind\":\"STUDENT\",\"hours\":12}";
        Response created = a.json("POST", VOLUNTEERS, body, null);
        assertEquals(created.body(), 201, created.status());
        long id = JsonParser.parseString(created.body()).getAsJsonObject().get("id").getAsLong();
        Response twice = a.json("POST", VOLUNTEERS, body, null);
        assertEquals(twice.body(), 400, twice.status());
        assertTrue(twice.body(), twice.body().contains("idNumber"));
        Response page = a.get("/p/sample/volunteers");
        assertShows(page, "志愿者名册", "王小明", "学生");
        assertFalse("the list masks the ID number", page.body().contains(first));

        Browser b = Node.login("s-county-b", "S-Shire-B-2", null);
        b.open("/p/sample/volunteers");
        assertEquals(404, b.json("GET", VOLUNTEERS + "/" + id, null, null).status());
        assertEquals(0, JsonParser.parseString(b.json("GET", VOLUNTEERS, null, null).body()).getAsJsonObject()
                .get("total").getAsInt());
        Browser viewer = Node.login("s-viewer-a", "S-Reader-A-2", null);
        viewer.open("/p/sample/volunteers");
        assertEquals(403, viewer.json("POST", VOLUNTEERS, body.replace(first, Ids.of("110105", "19990316", "125")),
                null).status());

        // Three rows from a spreadsheet, one with a wrong ID number: checked first, nothing written.
        String csv = "姓名,身份证号码,身份,注册日期\n李四," + Ids.of("110105", "19980101", "221") + ",在职青年,\n"
                + "王五," + Ids.broken(Ids.of("110105", "19970101", "331")) + ",学生,\n"
                + "赵六," + Ids.of("110105", "19960101", "441") + ",退休人员,\n";
        Response started = a.upload(VOLUNTEERS + "/import", csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(started.body(), 202, started.status());
        String job = JsonParser.parseString(started.body()).getAsJsonObject().get("job").getAsString();
        JsonObject checked = awaitImport(a, job, "CHECKED");
        assertEquals(checked.toString(), 1, checked.get("problemCount").getAsInt());
        assertEquals(2, checked.get("valid").getAsInt());
        assertEquals(1, total(a));
        assertEquals(202, a.json("POST", VOLUNTEERS + "/import/" + job + "/confirm", null, null).status());
        assertEquals(2, awaitImport(a, job, "WRITTEN").get("written").getAsInt());
        assertEquals(3, total(a));
        // Another county may not see the job, let alone confirm it.
        assertEquals(404, b.json("GET", VOLUNTEERS + "/import/" + job, null, null).status());

        Response export = a.get(VOLUNTEERS + "/export?format=csv");
        assertEquals(200, export.status());
        assertTrue(export.body().startsWith("\uFEFF"));
        assertTrue(export.body(), export.body().contains("赵六") && !export.body().contains(first));
    }

    private static int total(Browser county) throws Exception {
        return JsonParser.parseString(county.json("GET", VOLUNTEERS, null, null).body()).getAsJsonObject()
                .get("total").getAsInt();
    }

    /** The import job once it reached {@code phase}, polled as the progress page polls it. */
    private static JsonObject awaitImport(Browser county, String job, String phase) throws Exception {
        JsonObject state = null;
        for (int i = 0; i < 300; i++) {
            state = JsonParser.parseString(county.json("GET", VOLUNTEERS + "/import/" + job, null, null).body())
                    .getAsJsonObject();
            if (phase.equals(state.get("phase").getAsString())) {
                return state;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + job + " never reached " + phase + ": " + state);
    }
}
