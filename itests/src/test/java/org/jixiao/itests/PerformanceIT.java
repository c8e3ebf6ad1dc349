package org.jixiao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.jixiao.itests.support.Browser;
import org.jixiao.itests.support.Browser.Response;
import org.jixiao.itests.support.Chromium;
import org.jixiao.itests.support.KarafTestSupport;
import org.jixiao.itests.support.Node;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.google.gson.JsonObject;

/**
 * The yearly cycle and the target tables over HTTP: the city admin opens a year and sets its windows, a city
 * department sets a county's target, the Organisation Department approves and locks the table, and a county
 * reads only its own targets. The methods build on each other, in name order.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class PerformanceIT extends KarafTestSupport {

    private static final int YEAR = 2031;
    private static final String JOBSEEKERS = "employment:youth.jobseekers";
    private static long countyA;
    private static long countyB;

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    @Test
    public void t1_theCityAdminOpensAYearAndSetsItsWindow() throws Exception {
        Browser admin = Node.admin();
        countyA = WebSecurityIT.createUnit(admin, "perf-a", "东区");
        countyB = WebSecurityIT.createUnit(admin, "perf-b", "西区");
        WebSecurityIT.createUser(admin, "dept", 1, "TARGET_SETTER", "Bureau-Pass-2031");
        WebSecurityIT.createUser(admin, "orgdept", 1, "TARGET_APPROVER", "Org-Dept-Pass-2031");
        WebSecurityIT.createUser(admin, "perf-county", countyA, "STAFF", "County-Pass-2031");

        admin.open("/perf");
        Response opened = admin.post("/perf", Map.of("year", String.valueOf(YEAR)));
        assertTrue(opened.status() + opened.body(), opened.redirectsTo("/perf/" + YEAR));
        assertEquals(400, admin.post("/perf", Map.of("year", String.valueOf(YEAR))).status());
        assertEquals(400, admin.post("/perf", Map.of("year", "1999")).status());

        Response page = admin.open("/perf/" + YEAR);
        assertTrue(page.body().contains("确定目标"));
        Response window = admin.post("/perf/" + YEAR + "/window", Map.of("step", "TARGET_SETTING",
                "opens", "2020-01-01", "closes", "2040-12-31"));
        assertTrue(window.redirectsTo("?saved=1"));
        Response backwards = admin.post("/perf/" + YEAR + "/window", Map.of("step", "TARGET_SETTING",
                "opens", "2040-01-01", "closes", "2020-12-31"));
        assertEquals(400, backwards.status());
        assertEquals(400, admin.post("/perf/" + YEAR + "/window", Map.of("step", "TARGET_SETTING",
                "opens", "not-a-date", "closes", "2020-12-31")).status());

        // Only the city admin moves the cycle.
        Browser county = new Browser(Node.port());
        county.login("perf-county", "County-Pass-2031", "County-Pass-2032");
        county.open("/perf/" + YEAR);
        assertEquals(403, county.post("/perf/" + YEAR + "/advance", Map.of()).status());
    }

    @Test
    public void t2_aCityDepartmentSetsACountysTargetAndTheCountyReadsOnlyItsOwn() throws Exception {
        Browser dept = new Browser(Node.port());
        dept.login("dept", "Bureau-Pass-2031", "Bureau-Pass-2032");
        Response table = dept.open("/perf/" + YEAR + "/targets/" + countyA);
        assertEquals(200, table.status());
        assertTrue(table.body().contains("求职青年登记人数"));
        assertTrue(table.body().contains("附件2"));
        Response set = dept.post("/perf/" + YEAR + "/targets/" + countyA, Map.of("indicator", JOBSEEKERS,
                "comparison", "AT_LEAST", "value", "250"));
        assertTrue(set.status() + set.body(), set.redirectsTo("?saved=1"));
        assertTrue(dept.get("/perf/" + YEAR + "/targets/" + countyA).body().contains("250"));
        Response bad = dept.post("/perf/" + YEAR + "/targets/" + countyA, Map.of("indicator", JOBSEEKERS,
                "comparison", "AT_LEAST", "value", "-5"));
        assertEquals(400, bad.status());
        assertEquals(400, dept.post("/perf/" + YEAR + "/targets/" + countyA, Map.of("indicator", "nope:nope",
                "value", "5")).status());

        Browser county = new Browser(Node.port());
        county.login("perf-county", "County-Pass-2032", null);
        Response own = county.open("/perf/" + YEAR + "/targets/" + countyA);
        assertEquals(200, own.status());
        assertTrue(own.body().contains("250"));
        assertEquals(404, county.get("/perf/" + YEAR + "/targets/" + countyB).status());
        assertEquals(403, county.post("/perf/" + YEAR + "/targets/" + countyA, Map.of("indicator", JOBSEEKERS,
                "comparison", "AT_LEAST", "value", "1")).status());
        assertTrue(county.get("/perf/" + YEAR + "/targets/" + countyA).body().contains("250"));
    }

    @Test
    public void t3_approvalLocksTheTableAndLaterChangesNeedAReason() throws Exception {
        Browser orgDept = new Browser(Node.port());
        orgDept.login("orgdept", "Org-Dept-Pass-2031", "Org-Dept-Pass-2032");
        orgDept.open("/perf/" + YEAR);
        assertTrue(orgDept.post("/perf/" + YEAR + "/approve", Map.of()).redirectsTo("?saved=1"));
        assertEquals(400, orgDept.post("/perf/" + YEAR + "/approve", Map.of()).status());

        Browser dept = new Browser(Node.port());
        dept.login("dept", "Bureau-Pass-2032", null);
        dept.open("/perf/" + YEAR + "/targets/" + countyA);
        Response refused = dept.post("/perf/" + YEAR + "/targets/" + countyA, Map.of("indicator", JOBSEEKERS,
                "comparison", "AT_LEAST", "value", "300"));
        assertEquals(403, refused.status());

        orgDept.open("/perf/" + YEAR + "/targets/" + countyA);
        Response noReason = orgDept.post("/perf/" + YEAR + "/targets/" + countyA, Map.of("indicator", JOBSEEKERS,
                "comparison", "AT_LEAST", "value", "300"));
        assertEquals(400, noReason.status());
        assertTrue(noReason.body().contains("须填写理由"));
        Response withReason = orgDept.post("/perf/" + YEAR + "/targets/" + countyA, Map.of("indicator",
                JOBSEEKERS, "comparison", "AT_LEAST", "value", "300", "reason", "市委常委会调整"));
        assertTrue(withReason.status() + withReason.body(), withReason.redirectsTo("?saved=1"));
        Response history = orgDept.get("/perf/" + YEAR + "/targets/" + countyA + "?history=" + JOBSEEKERS);
        assertTrue(history.body().contains("市委常委会调整"));
        assertTrue(history.body().contains("250"));
    }

    @Test
    public void t4_theCycleMovesOnAndGoingBackNeedsAReason() throws Exception {
        Browser admin = Node.admin();
        admin.open("/perf/" + YEAR);
        assertTrue(admin.post("/perf/" + YEAR + "/advance", Map.of()).redirectsTo("?saved=1"));
        assertTrue(admin.get("/perf/" + YEAR).body().contains("class=\"current\""));
        Response noReason = admin.post("/perf/" + YEAR + "/reopen", Map.of("step", "TARGET_SETTING"));
        assertEquals(400, noReason.status());
        Response back = admin.post("/perf/" + YEAR + "/reopen", Map.of("step", "TARGET_SETTING", "reason",
                "目标需要补充"));
        assertTrue(back.redirectsTo("?saved=1"));
        assertFalse(today().isEmpty());
    }

    @Test
    public void t5_theTeamScoresUnitsAndBonusesCountOnlyOnceApproved() throws Exception {
        Browser admin = Node.admin();
        WebSecurityIT.createUser(admin, "assessor", 1, "ASSESSOR", "Judge-Pass-2031");
        WebSecurityIT.createUser(admin, "secretary", 1, "BONUS_APPROVER", "Scribe-Pass-2031");
        admin.open("/perf/" + YEAR);
        // From target setting to the comprehensive evaluation.
        for (int i = 0; i < 6; i++) {
            assertTrue(admin.post("/perf/" + YEAR + "/advance", Map.of()).redirectsTo("?saved=1"));
        }
        admin.open("/perf/" + YEAR + "/evaluation");
        assertTrue(admin.post("/perf/" + YEAR + "/evaluation/pin", Map.of("module", "standard@1.0"))
                .redirectsTo("?saved=1"));
        assertEquals(400, admin.post("/perf/" + YEAR + "/evaluation/pin", Map.of("module", "nope@9")).status());

        Browser assessor = new Browser(Node.port());
        assessor.login("assessor", "Judge-Pass-2031", "Judge-Pass-2032");
        assessor.open("/perf/" + YEAR + "/evaluation");
        for (String kind : new String[] {"YOUTH", "LEADER", "TEAM"}) {
            assertTrue(assessor.post("/perf/" + YEAR + "/evaluation/score", Map.of("orgUnitId",
                    String.valueOf(countyA), "kind", kind, "score", "90")).redirectsTo("?saved=1"));
            assertTrue(assessor.post("/perf/" + YEAR + "/evaluation/score", Map.of("orgUnitId",
                    String.valueOf(countyB), "kind", kind, "score", "80")).redirectsTo("?saved=1"));
        }
        assertEquals(400, assessor.post("/perf/" + YEAR + "/evaluation/score", Map.of("orgUnitId",
                String.valueOf(countyA), "kind", "TEAM", "score", "101")).status());
        assertTrue(assessor.post("/perf/" + YEAR + "/evaluation/bonus", Map.of("orgUnitId",
                String.valueOf(countyA), "points", "3", "reason", "工作创新")).redirectsTo("?saved=1"));

        Browser county = new Browser(Node.port());
        county.login("perf-county", "County-Pass-2032", null);
        county.open("/perf/" + YEAR + "/evaluation");
        assertEquals(403, county.post("/perf/" + YEAR + "/evaluation/score", Map.of("orgUnitId",
                String.valueOf(countyA), "kind", "TEAM", "score", "100")).status());

        Browser secretary = new Browser(Node.port());
        secretary.login("secretary", "Scribe-Pass-2031", "Scribe-Pass-2032");
        Response pending = secretary.open("/perf/" + YEAR + "/evaluation");
        assertTrue(pending.body().contains("工作创新"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"bonusId\" value=\"(\\d+)\"")
                .matcher(pending.body());
        assertTrue(m.find());
        assertTrue(secretary.post("/perf/" + YEAR + "/evaluation/decide", Map.of("bonusId", m.group(1),
                "decision", "approve")).redirectsTo("?saved=1"));
        assertEquals(400, secretary.post("/perf/" + YEAR + "/evaluation/decide", Map.of("bonusId", m.group(1),
                "decision", "approve")).status());
    }

    private static String runId;

    @Test
    public void t6_aRunRanksTheUnitsWithTheirBreakdownAndExportsCsv() throws Exception {
        Browser assessor = new Browser(Node.port());
        assessor.login("assessor", "Judge-Pass-2032", null);
        assessor.open("/perf/" + YEAR + "/evaluation");
        Response run = assessor.post("/perf/" + YEAR + "/evaluation/runs", Map.of());
        assertTrue(run.status() + run.body(), run.location() != null && run.location().contains("/runs/"));
        runId = run.location().substring(run.location().lastIndexOf('/') + 1);
        Response page = assessor.open(run.location());
        assertEquals(200, page.status());
        assertTrue(page.body().contains("东区"));
        assertTrue(page.body().contains("西区"));
        assertTrue(page.body().contains("standard"));
        assertTrue(page.body().contains("加分"));
        assertTrue("东区 ranks first with its bonus", page.body().indexOf("东区") < page.body().indexOf("西区"));

        Response csv = assessor.get(run.location() + ".csv");
        assertEquals(200, csv.status());
        assertTrue(csv.body().contains("\"1\",\"东区\""));

        Response rerun = assessor.post(run.location() + "/rerun", Map.of("module", "standard@1.0"));
        assertTrue(rerun.location() != null && rerun.location().contains("/runs/"));
        Response again = assessor.get(rerun.location());
        assertTrue(again.body().contains("原结果"));

        // A county sees its own line of the run, never the other county's.
        Browser county = new Browser(Node.port());
        county.login("perf-county", "County-Pass-2032", null);
        Response own = county.get(run.location());
        assertEquals(200, own.status());
        assertTrue(own.body().contains("东区"));
        assertFalse(own.body().contains("西区"));
        assertEquals(403, county.postRaw(run.location() + "/publish", Map.of("_csrf", "x")).status());
    }

    /**
     * The results report, the target responsibility document and a self-assessment report print from Chromium to A4
     * PDF files (kept under target/it/browser): red header, the units, the module, numbered pages; the targets with
     * signature lines; the claims with the unit's signature line.
     */
    @Test
    public void t6b_theReportAndTheTargetDocumentPrintToPdf() throws Exception {
        Browser admin = Node.admin();
        String run = "/perf/" + YEAR + "/evaluation/runs/" + runId;
        // The city's admin sets the red header on its page; a county's admin may not, and bad text writes nothing.
        assertEquals(400, admin.post("/admin/documents", Map.of("committee", "共青团测试市委员会", "numberPrefix",
                "团\n测")).status());
        assertTrue(admin.post("/admin/documents", Map.of("committee", "共青团测试市委员会", "numberPrefix", "团测"))
                .redirectsTo("/admin/documents?saved=1"));
        assertTrue(admin.get("/admin/documents").body().contains("value=\"共青团测试市委员会\""));
        WebSecurityIT.createUser(admin, "perf-county-admin", countyA, "ADMIN", "County-Admin-2031");
        Browser countyAdmin = Node.login("perf-county-admin", "County-Admin-2031", "County-Admin-2032");
        assertEquals(404, countyAdmin.get("/admin/documents").status());
        countyAdmin.open("/home");
        assertEquals(404, countyAdmin.post("/admin/documents", Map.of("committee", "某县")).status());
        assertTrue(admin.get("/admin/documents").body().contains("value=\"共青团测试市委员会\""));
        // Config Admin hands the change to the header a moment later.
        for (int i = 0; i < 50 && !admin.get(run + "/report").body().contains("共青团测试市委员会"); i++) {
            Thread.sleep(100);
        }
        Path out = Chromium.out();
        JsonObject printed = Chromium.run("print.mjs", "admin", Node.ADMIN_PASSWORD, out.toString(),
                "evaluation-report=" + run + "/report?number=7",
                "target-document=/perf/" + YEAR + "/targets/" + countyA + "/document",
                "self-assessment=/perf/" + YEAR + "/self-assessment/" + countyA + "/document");
        for (String name : new String[] {"evaluation-report", "target-document", "self-assessment"}) {
            assertEquals(printed.toString(), 200, printed.getAsJsonObject(name).get("status").getAsInt());
        }
        Chromium.Pdf report = Chromium.pdf(out.resolve("evaluation-report.pdf"));
        String text = report.text().replaceAll("\\s+", "");
        assertTrue(text, text.contains("综合考评结果的通报") && text.contains("团测〔" + YEAR + "〕7号")
                && text.contains("共青团测试市委员会"));
        assertTrue(text, text.contains("东区") && text.contains("西区") && text.contains("standard"));
        assertTrue(text, text.contains("第1页，共" + report.pages() + "页"));
        Chromium.Pdf document = Chromium.pdf(out.resolve("target-document.pdf"));
        String doc = document.text().replaceAll("\\s+", "");
        assertTrue(doc, doc.contains("目标责任书") && doc.contains("求职青年登记人数≥300人"));
        assertEquals(doc, 2, doc.split("负责人（签字）", -1).length - 1);
        assertTrue(document.pages() >= 1);
        String self = Chromium.pdf(out.resolve("self-assessment.pdf")).text().replaceAll("\\s+", "");
        assertTrue(self, self.contains("东区" + YEAR + "年度重点工作自我评估报告") && self.contains("求职青年登记人数"));
        assertEquals(self, 1, self.split("负责人（签字）", -1).length - 1);
        assertTrue(admin.post("/admin/documents", Map.of("committee", "", "numberPrefix", "")).redirectsTo(
                "/admin/documents?saved=1"));
    }

    /** The ranking and a target table as Excel workbooks, written by the register engine's writer. */
    @Test
    public void t6c_theRankingAndATargetTableExportToExcel() throws Exception {
        Browser admin = Node.admin();
        String run = "/perf/" + YEAR + "/evaluation/runs/" + runId;
        assertTrue(admin.get(run).body().contains(run + ".xlsx"));
        for (String path : new String[] {run + ".xlsx", "/perf/" + YEAR + "/targets/" + countyA + ".xlsx"}) {
            Browser.Download xlsx = admin.download(path);
            assertEquals(path, 200, xlsx.status());
            assertTrue(path, xlsx.body().length > 1000 && xlsx.body()[0] == 'P' && xlsx.body()[1] == 'K');
        }
        Browser county = new Browser(Node.port());
        county.login("perf-county", "County-Pass-2032", null);
        assertEquals(404, county.download("/perf/" + YEAR + "/targets/" + countyB + ".xlsx").status());
    }

    @Test
    public void t7_publishingFreezesTheYear() throws Exception {
        Browser admin = Node.admin();
        String path = "/perf/" + YEAR + "/evaluation/runs/" + runId;
        admin.open(path);
        assertTrue(admin.post(path + "/publish", Map.of()).redirectsTo(path));
        assertEquals("PUBLISHED", org.jixiao.itests.support.Perf.step(admin, YEAR));
        assertEquals(400, admin.post(path + "/publish", Map.of()).status());
    }

    @Test
    public void t8_aCountyRecordsAProblemTheCityFollowsItAndOtherCountiesNeverSeeIt() throws Exception {
        Browser county = new Browser(Node.port());
        county.login("perf-county", "County-Pass-2032", null);
        String page = "/perf/" + YEAR + "/tracking/" + countyA;
        Response tracking = county.open(page);
        assertEquals(200, tracking.status());
        assertTrue("twelve month columns", tracking.body().contains("12"));
        Response recorded = county.post(page, Map.of("action", "record", "projectId", "employment", "title",
                "求职青年登记进度落后", "description", "三月底仅登记 40 人", "owner", "张主任"));
        assertTrue(recorded.status() + recorded.body(), recorded.redirectsTo("?saved=1"));
        assertEquals(400, county.post(page, Map.of("action", "record", "title", "", "description", "")).status());

        Browser admin = Node.admin();
        Response all = admin.get("/perf/" + YEAR + "/problems");
        assertEquals(200, all.status());
        assertTrue(all.body().contains("求职青年登记进度落后"));

        WebSecurityIT.createUser(admin, "perf-county-b", countyB, "STAFF", "County-B-Pass-1");
        Browser other = new Browser(Node.port());
        other.login("perf-county-b", "County-B-Pass-1", "County-B-Pass-2");
        assertEquals(404, other.get(page).status());
        assertFalse(other.get("/perf/" + YEAR + "/problems").body().contains("求职青年登记进度落后"));
    }

    @Test
    public void t9_aCountyReadsItsOwnSelfAssessmentButNeverAnotherCountys() throws Exception {
        Browser county = new Browser(Node.port());
        county.login("perf-county", "County-Pass-2032", null);
        Response own = county.get("/perf/" + YEAR + "/self-assessment/" + countyA);
        assertEquals(200, own.status());
        assertTrue(own.body().contains("求职青年登记人数"));
        assertEquals(404, county.get("/perf/" + YEAR + "/self-assessment/" + countyB).status());
        Browser other = new Browser(Node.port());
        other.login("perf-county-b", "County-B-Pass-2", null);
        assertEquals(404, other.get("/perf/" + YEAR + "/self-assessment/" + countyA).status());
        assertEquals(404, other.get("/perf/" + YEAR + "/targets/" + countyA).status());
    }
}
