package org.jixiao.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Manual indicators over HTTP: a city department defines a city indicator, which joins every county's target table;
 * a county answers it with a value and uploads evidence (a real multipart form), downloads it back, and is refused
 * files that are not what they claim; another county neither sees nor touches any of it; a county's local indicator
 * stays out of the city's tables; after approval the city's indicators are locked. The methods build on each other.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ManualIndicatorsIT extends KarafTestSupport {

    private static final int YEAR = 2034;
    private static final String M = "/perf/" + YEAR + "/manual";
    private static final byte[] PDF = "%PDF-1.4\n青年之家 12 次活动签到表\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    private static final Pattern FILE_LINK = Pattern.compile("href=\"/perf/" + YEAR + "/evidence/(\\d+)\"");

    private static long countyA;
    private static long countyB;
    private static Browser dept;
    private static Browser orgDept;
    private static Browser a;
    private static Browser b;
    private static long indicatorId;
    private static long fileId;

    private static Browser login(String username, String password) throws Exception {
        Browser browser = new Browser(Node.port());
        browser.login(username, password, password + "x");
        return browser;
    }

    private static JsonObject object(Response r) {
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    @Test
    public void t1_aCityDepartmentDefinesACityIndicatorThatJoinsEveryTargetTable() throws Exception {
        Browser admin = Node.admin();
        countyA = WebSecurityIT.createUnit(admin, "man-a", "南山区");
        countyB = WebSecurityIT.createUnit(admin, "man-b", "北山区");
        WebSecurityIT.createUser(admin, "man-dept", 1, "TARGET_SETTER", "Mayor-Bureau-Pass-1");
        WebSecurityIT.createUser(admin, "man-org", 1, "TARGET_APPROVER", "Mayor-Org-Pass-1");
        WebSecurityIT.createUser(admin, "man-a", countyA, "ADMIN", "Mayor-A-Pass-1");
        WebSecurityIT.createUser(admin, "man-b", countyB, "STAFF", "Mayor-B-Pass-1");
        admin.open("/home");
        assertEquals(201, admin.json("POST", "/api/v1/perf/years", "{\"year\":" + YEAR + "}", null).status());
        assertEquals(200, admin.json("PUT", "/api/v1/perf/years/" + YEAR + "/windows/TARGET_SETTING",
                "{\"opens\":\"2020-01-01\",\"closes\":\"2040-12-31\"}", null).status());
        dept = login("man-dept", "Mayor-Bureau-Pass-1");
        orgDept = login("man-org", "Mayor-Org-Pass-1");
        a = login("man-a", "Mayor-A-Pass-1");
        b = login("man-b", "Mayor-B-Pass-1");
        b.open("/home");

        Response page = dept.open(M);
        assertEquals(page.body(), 200, page.status());
        assertTrue(page.body().contains("value=\"define\""));
        // Bad input is explained in Chinese and writes nothing.
        Response bad = dept.post(M, Map.of("action", "define", "nameZh", " ", "unitZh", "次", "clause", "",
                "kind", "ABSOLUTE", "comparison", "AT_LEAST", "value", "-3"));
        assertEquals(bad.body(), 400, bad.status());
        assertTrue(bad.body(), bad.body().contains("请填写指标名称"));
        assertTrue(bad.body(), bad.body().contains("本年度没有市级指标"));
        // A county may not define city indicators.
        a.open(M);
        assertFalse(a.get(M).body().contains("value=\"define\""));
        assertEquals(403, a.post(M, Map.of("action", "define", "nameZh", "x", "unitZh", "次", "clause", "x",
                "kind", "ABSOLUTE", "comparison", "AT_LEAST", "value", "1")).status());

        Response ok = dept.post(M, Map.of("action", "define", "nameZh", "青年之家活动", "nameEn", "Youth home events",
                "unitZh", "次", "unitEn", "events", "clause", "附件1 第7项", "kind", "ABSOLUTE",
                "comparison", "AT_LEAST", "value", "12"));
        assertTrue(ok.status() + ok.body(), ok.redirectsTo("?saved=1"));
        JsonObject first = JsonParser.parseString(dept.json("GET", "/api/v1/perf/years/" + YEAR + "/manual", null,
                null).body()).getAsJsonArray().get(0).getAsJsonObject();
        indicatorId = first.get("id").getAsLong();
        assertEquals("青年之家活动", first.get("nameZh").getAsString());

        Response table = dept.get("/perf/" + YEAR + "/targets/" + countyA);
        assertTrue(table.body(), table.body().contains("青年之家活动"));
        assertTrue(table.body(), table.body().contains("附件1 第7项"));
        assertTrue(dept.get("/perf/" + YEAR + "/targets/" + countyB).body().contains("青年之家活动"));
        // The city's indicators are a project page of their own.
        assertTrue(a.get("/p/city/?year=" + YEAR).body().contains("青年之家活动"));
    }

    @Test
    public void t2_aCountyAnswersWithAValueAndUploadsEvidence() throws Exception {
        String unit = M + "/" + countyA;
        Response page = a.open(unit);
        assertEquals(page.body(), 200, page.status());
        assertTrue(page.body().contains("enctype=\"multipart/form-data\""));
        Response answered = a.post(unit, Map.of("action", "answer", "indicator", String.valueOf(indicatorId),
                "value", "13", "note", "全年 13 次，见签到表"));
        assertTrue(answered.status() + answered.body(), answered.redirectsTo("?saved=1"));
        assertEquals(400, a.post(unit, Map.of("action", "answer", "indicator", String.valueOf(indicatorId),
                "value", "many")).status());

        Response uploaded = a.upload(unit, Map.of("action", "attach", "indicator", String.valueOf(indicatorId)),
                "file", "签到表.pdf", PDF);
        assertTrue(uploaded.status() + uploaded.body(), uploaded.redirectsTo("?saved=1"));
        Response shown = a.open(unit);
        assertTrue(shown.body(), shown.body().contains("签到表.pdf"));
        Matcher link = FILE_LINK.matcher(shown.body());
        assertTrue(shown.body(), link.find());
        fileId = Long.parseLong(link.group(1));

        Browser.Download d = a.download("/perf/" + YEAR + "/evidence/" + fileId);
        assertEquals(200, d.status());
        assertArrayEquals(PDF, d.body());
        assertTrue(d.headers().firstValue("Content-Disposition").orElse(""), d.headers()
                .firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
        assertEquals("application/pdf", d.headers().firstValue("Content-Type").orElse(""));
        // The city reads it too.
        assertEquals(200, dept.download("/perf/" + YEAR + "/evidence/" + fileId).status());

        // Files that are not what they claim, or no file at all, are refused with a message; nothing is kept.
        Response exe = a.upload(unit, Map.of("action", "attach", "indicator", String.valueOf(indicatorId)),
                "file", "setup.exe", PDF);
        assertEquals(400, exe.status());
        assertTrue(exe.body(), exe.body().contains("只接受 PDF"));
        Response disguised = a.upload(unit, Map.of("action", "attach", "indicator", String.valueOf(indicatorId)),
                "file", "report.pdf", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, disguised.status());
        assertTrue(disguised.body(), disguised.body().contains("文件内容与其类型不符"));
        // An upload without the session's token is refused like any POST.
        Browser noToken = login("man-a", "Mayor-A-Pass-1x");
        assertEquals(403, noToken.upload(unit, Map.of("action", "attach", "indicator",
                String.valueOf(indicatorId)), "file", "x.pdf", PDF).status());
        assertEquals(1, countLinks(a.get(unit).body()));

        String apiAnswer = "/api/v1/perf/years/" + YEAR + "/manual/units/" + countyA + "/answers/" + indicatorId;
        assertEquals(400, a.json("PUT", apiAnswer, "{\"value\":\"many\"}", null).status());
        assertEquals(404, b.json("PUT", apiAnswer, "{\"value\":1}", null).status());
        // The answer reaches the JSON API and the content sits in the node's data directory.
        Response api = a.json("GET", "/api/v1/perf/years/" + YEAR + "/manual/units/" + countyA, null, null);
        assertEquals(api.body(), 200, api.status());
        JsonObject answer = object(api).getAsJsonArray("answers").get(0).getAsJsonObject();
        assertEquals(13, answer.get("value").getAsInt());
        assertEquals(1, answer.getAsJsonArray("files").size());
        try (Stream<Path> files = Files.walk(Node.data().resolve("evidence"))) {
            assertEquals(1, files.filter(Files::isRegularFile).count());
        }
    }

    private static int countLinks(String html) {
        Matcher m = FILE_LINK.matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    public void t3_anotherCountyNeitherSeesNorTouchesIt() throws Exception {
        String unitA = M + "/" + countyA;
        b.open(M + "/" + countyB);
        assertEquals(404, b.get(unitA).status());
        assertEquals(404, b.download("/perf/" + YEAR + "/evidence/" + fileId).status());
        assertEquals(404, b.post(unitA, Map.of("action", "answer", "indicator", String.valueOf(indicatorId),
                "value", "1")).status());
        assertEquals(404, b.post(M + "/" + countyB, Map.of("action", "remove", "file", String.valueOf(fileId)))
                .status());
        assertEquals(404, b.json("GET", "/api/v1/perf/years/" + YEAR + "/manual/units/" + countyA, null, null)
                .status());
        assertEquals(404, b.json("GET", "/api/v1/perf/years/" + YEAR + "/manual/files/" + fileId, null, null)
                .status());
        // B's own page offers the city indicator, unanswered.
        Response own = b.get(M + "/" + countyB);
        assertEquals(200, own.status());
        assertTrue(own.body().contains("青年之家活动"));
        assertFalse(own.body().contains("签到表.pdf"));
    }

    @Test
    public void t4_aCountysLocalIndicatorStaysOutOfTheCitysTables() throws Exception {
        String unit = M + "/" + countyA;
        a.open(unit);
        Response defined = a.post(unit, Map.of("action", "define", "nameZh", "乡镇团委书记走访", "unitZh", "次",
                "kind", "ABSOLUTE", "comparison", "AT_LEAST", "value", "24"));
        assertTrue(defined.status() + defined.body(), defined.redirectsTo("?saved=1"));
        assertTrue(a.get(unit).body().contains("乡镇团委书记走访"));
        assertFalse(dept.get("/perf/" + YEAR + "/targets/" + countyA).body().contains("乡镇团委书记走访"));
        assertFalse(dept.get(M).body().contains("乡镇团委书记走访"));
        assertFalse(b.get(M + "/" + countyB).body().contains("乡镇团委书记走访"));
        // Staff of another county cannot define one for A.
        assertEquals(404, b.post(unit, Map.of("action", "define", "nameZh", "x", "unitZh", "次", "kind", "ABSOLUTE",
                "comparison", "AT_LEAST", "value", "1")).status());
    }

    @Test
    public void t5_approvalLocksTheCitysIndicators() throws Exception {
        orgDept.open("/perf/" + YEAR);
        assertTrue(orgDept.post("/perf/" + YEAR + "/approve", Map.of()).redirectsTo("?saved=1"));
        dept.open(M);
        Response withdraw = dept.post(M, Map.of("action", "withdraw", "indicator", String.valueOf(indicatorId)));
        assertEquals(withdraw.body(), 400, withdraw.status());
        Response define = dept.post(M, Map.of("action", "define", "nameZh", "迟到的指标", "unitZh", "次",
                "clause", "x", "kind", "ABSOLUTE", "comparison", "AT_LEAST", "value", "1"));
        assertEquals(400, define.status());
        assertFalse(dept.get(M).body().contains("迟到的指标"));
        // Answers stay open until the comprehensive evaluation.
        a.open(M + "/" + countyA);
        assertTrue(a.post(M + "/" + countyA, Map.of("action", "answer", "indicator", String.valueOf(indicatorId),
                "value", "14")).redirectsTo("?saved=1"));
        assertNotNull(Node.data());
    }
}
