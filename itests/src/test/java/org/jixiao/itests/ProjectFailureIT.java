package org.jixiao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Map;

import javax.inject.Inject;

import org.jixiao.api.project.KeyProject;
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
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import com.google.gson.JsonObject;

/** A key project that throws on activation, and one whose migration fails, must not take the node down. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ProjectFailureIT extends KarafTestSupport {

    @Inject
    private BundleContext context;

    private Bundle install(String symbolicName, String projectId, Class<?> type, boolean failing,
            Map<String, String> files) throws Exception {
        String xml = Bundles.component(symbolicName, type, KeyProject.class.getName(),
                Map.of(KeyProject.PROPERTY_ID, projectId), Map.of(), failing ? "activate" : null);
        byte[] jar = Bundles.keyProject(symbolicName, projectId,
                "org.jixiao.api.project;version=\"[1.0,2)\",org.jixiao.api.web;version=\"[1.0,2)\"", xml,
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

        Node.awaitProject("broken", "FAILED", 30_000);
        JsonObject health = Node.awaitProject("badmigration", "FAILED", 30_000);
        assertEquals(health.toString(), "FAILED", Node.projectState(health, "broken"));
        assertEquals(health.toString(), "FAILED", Node.projectState(health, "badmigration"));
        assertEquals("ACTIVE", Node.projectState(health, "employment"));
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
}
