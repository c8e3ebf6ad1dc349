package org.jixiao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Map;

import javax.inject.Inject;

import org.jixiao.itests.fixture.BadMigrationProject;
import org.jixiao.itests.fixture.BrokenProject;
import org.jixiao.itests.support.Browser;
import org.jixiao.itests.support.Browser.Response;
import org.jixiao.itests.support.Bundles;
import org.jixiao.itests.support.KarafTestSupport;
import org.jixiao.itests.support.Node;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** A key project that throws on activation, and one whose migration fails, must not take the node down. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProjectFailureIT extends KarafTestSupport {

    @Inject
    private BundleContext context;

    private static String component(String name, Class<?> type, String id, boolean failing) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"" + name
                + "\" immediate=\"true\"" + (failing ? " activate=\"activate\"" : "") + ">\n"
                + "  <implementation class=\"" + type.getName() + "\"/>\n"
                + "  <service><provide interface=\"org.jixiao.api.project.KeyProject\"/></service>\n"
                + "  <property name=\"jixiao.project.id\" value=\"" + id + "\"/>\n"
                + "</scr:component>\n";
    }

    private Bundle install(String symbolicName, String projectId, Class<?> type, boolean failing,
            Map<String, String> extra) throws Exception {
        Map<String, String> files = new java.util.HashMap<>(extra);
        files.put("OSGI-INF/project.xml", component(symbolicName, type, projectId, failing));
        byte[] jar = Bundles.build(Map.of(
                "Bundle-SymbolicName", symbolicName,
                "Bundle-Version", "1.0.0",
                "Jixiao-Project", projectId,
                "Service-Component", "OSGI-INF/project.xml",
                "Import-Package", "org.jixiao.api.project;version=\"[1.0,2)\",org.jixiao.api.web;version=\"[1.0,2)\""),
                new Class<?>[] {type, BadMigrationProject.class}, files);
        Bundle bundle = context.installBundle("itest:" + symbolicName, new ByteArrayInputStream(jar));
        bundle.start();
        return bundle;
    }

    @Test
    public void failingProjectsAreReportedAndTheNodeKeepsServing() throws Exception {
        install("org.jixiao.itest.broken", "broken", BrokenProject.class, true, Map.of());
        install("org.jixiao.itest.badmigration", "badmigration", BadMigrationProject.class, false,
                Map.of("db/migration/V1__bad.sql", "CREATE TABLE BAD_MIGRATION (ID NOT_A_TYPE);\n"));

        Browser anonymous = new Browser(Node.port());
        JsonObject health = null;
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            health = JsonParser.parseString(anonymous.get("/api/v1/health").body()).getAsJsonObject();
            if (state(health, "broken").equals("FAILED") && state(health, "badmigration").equals("FAILED")) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals(health.toString(), "FAILED", state(health, "broken"));
        assertEquals(health.toString(), "FAILED", state(health, "badmigration"));
        assertEquals("ACTIVE", state(health, "employment"));
        assertEquals("DEGRADED", health.get("status").getAsString());

        Browser admin = Node.admin();
        Response home = admin.get("/home");
        assertEquals(200, home.status());
        assertTrue(home.body().contains("broken on purpose"));
        assertTrue(home.body().contains("badmigration"));
        assertEquals(404, admin.get("/p/broken/").status());
        assertEquals(404, admin.get("/p/badmigration/").status());
        assertEquals(200, admin.get("/p/employment/youth").status());
    }

    private static String state(JsonObject health, String id) {
        for (JsonElement e : health.getAsJsonArray("projects")) {
            JsonObject p = e.getAsJsonObject();
            if (p.get("id").getAsString().equals(id)) {
                return p.get("state").getAsString();
            }
        }
        return "ABSENT";
    }
}
