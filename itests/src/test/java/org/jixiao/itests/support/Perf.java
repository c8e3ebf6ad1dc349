package org.jixiao.itests.support;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.Map;

import org.jixiao.itests.support.Browser.Response;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The moves of the performance procedure over HTTP as the city's users make them on the pages, each checked to
 * succeed. Tests that check the refusals around a move make it by hand.
 */
public final class Perf {

    private Perf() {
    }

    /** The city admin opens {@code year} and opens its target-setting window over the year before to the year after. */
    public static void openYear(Browser admin, int year) throws IOException, InterruptedException {
        admin.open("/perf");
        Response opened = admin.post("/perf", Map.of("year", String.valueOf(year)));
        assertTrue(opened.status() + " " + opened.text(), opened.redirectsTo("/perf/" + year));
        admin.open("/perf/" + year);
        Response window = admin.post("/perf/" + year + "/window", Map.of("step", "TARGET_SETTING",
                "opens", (year - 1) + "-01-01", "closes", (year + 1) + "-12-31"));
        assertTrue(window.status() + " " + window.text(), window.redirectsTo("?saved=1"));
    }

    /** The city admin moves the year on by {@code steps} steps. */
    public static void advance(Browser admin, int year, int steps) throws IOException, InterruptedException {
        admin.open("/perf/" + year);
        for (int i = 0; i < steps; i++) {
            // A reason confirms leaving target setting when the test has not approved the targets.
            Response r = admin.post("/perf/" + year + "/advance", Map.of("reason", "targets are not what this test is about"));
            assertTrue(r.status() + " " + r.text(), r.redirectsTo("?saved=1"));
        }
    }

    /** The step the year stands at, e.g. {@code PUBLISHED}. */
    public static String step(Browser user, int year) throws IOException, InterruptedException {
        Response r = user.get("/api/v1/perf/years/" + year);
        assertTrue(r.status() + " " + r.body(), r.status() == 200);
        return JsonParser.parseString(r.body()).getAsJsonObject().get("step").getAsString();
    }

    /** The city admin pins the assessment module ({@code id@version}) that scores the year. */
    public static void pin(Browser admin, int year, String module) throws IOException, InterruptedException {
        admin.open("/perf/" + year + "/evaluation");
        Response r = admin.post("/perf/" + year + "/evaluation/pin", Map.of("module", module));
        assertTrue(r.status() + " " + r.text(), r.redirectsTo("?saved=1"));
    }

    /** A city department sets one target of a unit; {@code indicator} is {@code project:indicator}. */
    public static void setTarget(Browser setter, int year, long unit, String indicator, String comparison,
            String value) throws IOException, InterruptedException {
        String path = "/perf/" + year + "/targets/" + unit;
        setter.open(path);
        Response r = setter.post(path, Map.of("indicator", indicator, "comparison", comparison, "value", value));
        assertTrue(r.status() + " " + r.text(), r.redirectsTo("?saved=1"));
    }

    /** The Organisation Department approves and locks the year's targets. */
    public static void approve(Browser approver, int year) throws IOException, InterruptedException {
        approver.open("/perf/" + year);
        Response r = approver.post("/perf/" + year + "/approve", Map.of());
        assertTrue(r.status() + " " + r.text(), r.redirectsTo("?saved=1"));
    }

    /** An assessor runs the comprehensive evaluation; the run's page path. */
    public static String run(Browser assessor, int year) throws IOException, InterruptedException {
        assessor.open("/perf/" + year + "/evaluation");
        Response r = assessor.post("/perf/" + year + "/evaluation/runs", Map.of());
        assertTrue(r.status() + " " + r.text(), r.location() != null && r.location().contains("/runs/"));
        return r.location().substring(r.location().indexOf("/perf/"));
    }

    /** A run as the JSON API gives it: its ranking and the inputs it scored. */
    public static JsonObject runJson(Browser user, String runPath) throws IOException, InterruptedException {
        String id = runPath.substring(runPath.lastIndexOf('/') + 1);
        Response r = user.get("/api/v1/perf/evaluation/runs/" + id);
        assertTrue(r.status() + " " + r.body(), r.status() == 200);
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    /** The city admin publishes a run. */
    public static void publish(Browser admin, String runPath) throws IOException, InterruptedException {
        admin.open(runPath);
        Response r = admin.post(runPath + "/publish", Map.of());
        assertTrue(r.status() + " " + r.text(), r.redirectsTo(runPath));
    }
}
