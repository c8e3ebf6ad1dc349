package org.jixiao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;

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

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The dashboard through the real node: its JSON keeps to the caller's scope (the city sees its counties side by side,
 * a county itself only), ECharts is served by the node under the page's Content-Security-Policy, and Debian's
 * Chromium draws the charts, or shows the tables alone with JavaScript off. Methods run in name order.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class DashboardIT extends KarafTestSupport {

    private static final String PASSWORD = "Gauge-Harbor-41";
    private static final String CHANGED = "Gauge-Harbor-42";
    private static final int YEAR = Year.now().getValue();

    private static long countyA;
    private static long countyB;

    @Test
    public void t1_theCityAndACounty() throws Exception {
        Browser admin = Node.admin();
        countyA = WebSecurityIT.createUnit(admin, "dash-a", "看板甲县");
        countyB = WebSecurityIT.createUnit(admin, "dash-b", "看板乙县");
        // Ten counties in all, as the city the issue measures.
        for (int i = 3; i <= 10; i++) {
            WebSecurityIT.createUnit(admin, "dash-" + i, "看板" + i + "县");
        }
        WebSecurityIT.createUser(admin, "dash-city", 1L, "VIEWER", PASSWORD);
        WebSecurityIT.createUser(admin, "dash-a", countyA, "VIEWER", PASSWORD);
        Node.login("dash-city", PASSWORD, CHANGED);
        Node.login("dash-a", PASSWORD, CHANGED);
    }

    @Test
    public void t2_theJsonKeepsToTheCallersScope() throws Exception {
        JsonObject city = board(Node.login("dash-city", CHANGED, null));
        assertTrue(city.toString(), names(city).contains("看板甲县") && names(city).contains("看板乙县"));
        assertTrue("every active project's indicators are columns", city.getAsJsonArray("indicators").size() > 0);
        JsonObject a = first(city, countyA);
        assertEquals(4, a.getAsJsonObject("timeNodes").size());
        assertTrue(a.getAsJsonObject("completion").size() > 0);

        JsonObject county = board(Node.login("dash-a", CHANGED, null));
        assertEquals(county.toString(), 1, county.getAsJsonArray("units").size());
        assertFalse(county.toString().contains("看板乙县"));
        assertNull(first(county, countyB));
        JsonObject focus = county.getAsJsonObject("focus");
        assertEquals(county.toString(), "看板甲县", focus.get("name").getAsString());
        assertEquals(city.getAsJsonArray("indicators").size(), focus.getAsJsonArray("indicators").size());
        assertEquals(404, Node.login("dash-a", CHANGED, null).json("GET", "/api/v1/dashboard?year=" + YEAR
                + "&unit=" + countyB, null, null).status());
        JsonObject b = board(Node.login("dash-city", CHANGED, null), "&unit=" + countyB).getAsJsonObject("focus");
        assertEquals("看板乙县", b.get("name").getAsString());
    }

    @Test
    public void t3_theNodeServesEChartsAndThePageNamesItsScripts() throws Exception {
        Browser city = Node.login("dash-city", CHANGED, null);
        Response page = city.get("/dashboard?year=" + YEAR);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<script src=\"/static/echarts.min.js\" defer></script>"));
        assertTrue(page.body(), page.body().contains("id=\"unit-" + countyA + "\""));
        Response echarts = city.get("/static/echarts.min.js");
        assertEquals(200, echarts.status());
        assertTrue(echarts.body().length() > 500_000);
        assertEquals(200, city.get("/static/dashboard.js").status());
        assertEquals(200, city.get("/static/favicon.svg").status());
    }

    /** Chromium draws every chart on a canvas that is not empty; without JavaScript the tables stand alone. */
    @Test
    public void t4_chromiumDrawsTheChartsAndWithoutJavaScriptTheTablesStand() throws Exception {
        Path out = Chromium.out();
        JsonObject seen = Chromium.run("dashboard.mjs", "dash-city", CHANGED, out.toString());
        JsonObject painted = seen.getAsJsonObject("painted");
        for (String chart : new String[] {"heatmap", "nodes"}) {
            assertTrue(seen.toString(), painted.has(chart) && painted.get(chart).getAsInt() > 1000);
        }
        assertEquals(0, seen.get("chartsNoJs").getAsInt());
        assertTrue(seen.toString(), seen.get("rowsNoJs").getAsInt() >= 2);
        assertTrue(Files.size(out.resolve("dashboard.png")) > 10_000);

        // A county's own dashboard: its one row, drawn, and its table without JavaScript.
        Path county = Files.createDirectories(out.resolve("county"));
        JsonObject own = Chromium.run("dashboard.mjs", "dash-a", CHANGED, county.toString());
        assertTrue(own.toString(), own.getAsJsonObject("painted").get("heatmap").getAsInt() > 1000);
        assertTrue(own.toString(), own.getAsJsonObject("painted").get("focus").getAsInt() > 1000);
        assertEquals(own.toString(), 1, own.get("rowsNoJs").getAsInt());
    }

    /** The time a city leader waits for the dashboard: reported in the test output, never asserted. */
    @Test
    public void t5_theTimeToRenderTheCityDashboard() throws Exception {
        Browser city = Node.login("dash-city", CHANGED, null);
        JsonObject board = board(city);
        for (String path : new String[] {"/dashboard?year=" + YEAR + "&project=employment",
            "/dashboard?year=" + YEAR, "/api/v1/dashboard?year=" + YEAR}) {
            long[] millis = new long[21];
            for (int i = 0; i < millis.length; i++) {
                long started = System.nanoTime();
                assertEquals(200, city.get(path).status());
                millis[i] = (System.nanoTime() - started) / 1_000_000;
            }
            java.util.Arrays.sort(millis);
            System.out.printf("dashboard: %s for %d units and %d indicators: median %d ms, max %d ms%n", path,
                    board.getAsJsonArray("units").size(), board.getAsJsonArray("indicators").size(), millis[10],
                    millis[20]);
        }
    }

    private static JsonObject board(Browser b) throws Exception {
        return board(b, "");
    }

    private static JsonObject board(Browser b, String query) throws Exception {
        Response r = b.json("GET", "/api/v1/dashboard?year=" + YEAR + query, null, null);
        assertEquals(r.body(), 200, r.status());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private static String names(JsonObject board) {
        StringBuilder s = new StringBuilder();
        for (JsonElement u : board.getAsJsonArray("units")) {
            s.append(u.getAsJsonObject().get("name").getAsString()).append('|');
        }
        return s.toString();
    }

    private static JsonObject first(JsonObject board, long unitId) {
        JsonArray units = board.getAsJsonArray("units");
        for (JsonElement u : units) {
            if (u.getAsJsonObject().get("id").getAsString().equals(String.valueOf(unitId))) {
                return u.getAsJsonObject();
            }
        }
        return null;
    }
}
