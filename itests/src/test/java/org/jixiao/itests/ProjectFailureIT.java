package org.jixiao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

import org.jixiao.api.project.KeyProject;
import org.jixiao.itests.fixture.BadMigrationProject;
import org.jixiao.itests.fixture.BrokenProject;
import org.jixiao.itests.fixture.SwapProject;
import org.jixiao.itests.support.Browser;
import org.jixiao.itests.support.Browser.Response;
import org.jixiao.itests.support.Bundles;
import org.jixiao.itests.support.Clients;
import org.jixiao.itests.support.KarafTestSupport;
import org.jixiao.itests.support.Node;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.FrameworkWiring;

import com.google.gson.JsonObject;

/** A key project that throws on activation, and one whose migration fails, must not take the node down. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ProjectFailureIT extends KarafTestSupport {

    @Inject
    private BundleContext context;

    private static byte[] jar(String symbolicName, String projectId, Class<?> type, boolean failing,
            Map<String, String> files) throws Exception {
        String xml = Bundles.component(symbolicName, type, KeyProject.class.getName(),
                Map.of(KeyProject.PROPERTY_ID, projectId), Map.of(), failing ? "activate" : null);
        return Bundles.keyProject(symbolicName, projectId,
                "org.jixiao.api.project;version=\"[1.0,2)\",org.jixiao.api.web;version=\"[1.0,2)\"", xml,
                new Class<?>[] {type, BadMigrationProject.class}, files);
    }

    private Bundle install(String symbolicName, String projectId, Class<?> type, boolean failing,
            Map<String, String> files) throws Exception {
        byte[] jar = jar(symbolicName, projectId, type, failing, files);
        Bundle bundle = context.installBundle("itest:" + symbolicName, new ByteArrayInputStream(jar));
        bundle.start();
        return bundle;
    }

    /**
     * Requests keep coming, pages and JSON, reads and writes, while a project's bundle is updated and refreshed: they
     * are held or told to come back (503), never "not found".
     */
    @Test
    public void aProjectBeingUpdatedNeverAnswersNotFound() throws Exception {
        byte[] jar = jar("org.jixiao.itest.swap", "swap", SwapProject.class, false, Map.of());
        Bundle bundle = install("org.jixiao.itest.swap", "swap", SwapProject.class, false, Map.of());
        Node.awaitProject("swap", "ACTIVE", 30_000);
        Browser admin = Node.admin();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        try (Clients clients = Clients.start(4, (client, stopped) -> {
            for (int i = 0; !stopped.getAsBoolean(); i++) {
                Response r = switch ((client + i) % 3) {
                    case 0 -> admin.json("GET", "/api/v1/p/swap/ping", null, null);
                    case 1 -> admin.json("POST", "/api/v1/p/swap/ping", "{\"n\":" + i + "}", null);
                    default -> admin.get("/p/swap/ping");
                };
                statuses.computeIfAbsent(r.status(), k -> new AtomicInteger()).incrementAndGet();
            }
        })) {
            FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
            for (int round = 0; round < 5; round++) {
                Thread.sleep(300);
                bundle.update(new ByteArrayInputStream(jar));
                CountDownLatch refreshed = new CountDownLatch(1);
                wiring.refreshBundles(List.of(bundle), event -> refreshed.countDown());
                assertTrue(refreshed.await(30, TimeUnit.SECONDS));
            }
            Node.awaitProject("swap", "ACTIVE", 30_000);
            Thread.sleep(300);
        } finally {
            bundle.uninstall();
        }
        System.out.println("answers while the project was updated 5 times: " + statuses);
        assertEquals(statuses.toString(), null, statuses.get(404));
        statuses.keySet().forEach(status -> assertTrue(statuses.toString(), status == 200 || status == 303
                || status == 503));
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
