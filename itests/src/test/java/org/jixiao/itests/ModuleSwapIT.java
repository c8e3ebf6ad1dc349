package org.jixiao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.jixiao.api.assessment.AssessmentModule;
import org.jixiao.itests.fixture.FlatModule;
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

/**
 * Assessment modules swapped while the node runs: a module installed at run time scores new runs at once, a
 * run re-scored with another module shows both results side by side, and a published run is reproduced
 * exactly after its module was removed and brought back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ModuleSwapIT extends KarafTestSupport {

    private static final int YEAR = 2032;

    @Inject
    private BundleContext context;

    private Bundle install(String symbolicName, String version) throws Exception {
        String xml = Bundles.component(symbolicName, FlatModule.class, AssessmentModule.class.getName(),
                Map.of("jixiao.assessment.id", "flat"), Map.of(), null);
        byte[] jar = Bundles.build(Map.of(
                "Bundle-SymbolicName", symbolicName,
                "Bundle-Version", version,
                "Service-Component", "OSGI-INF/module.xml",
                "Import-Package", "org.jixiao.api.assessment;version=\"[1.0,2)\",org.osgi.framework"),
                new Class<?>[] {FlatModule.class}, Map.of("OSGI-INF/module.xml", xml));
        Bundle bundle = context.installBundle("itest:" + symbolicName + "/" + version, new ByteArrayInputStream(jar));
        bundle.start();
        return bundle;
    }

    private static String runOf(Response r) {
        assertTrue(r.status() + " " + r.body(), r.location() != null && r.location().contains("/runs/"));
        return r.location();
    }

    @Test
    public void modulesSwapAtRunTimeAndPublishedRunsReproduceExactly() throws Exception {
        Browser admin = Node.admin();
        long a = WebSecurityIT.createUnit(admin, "swap-a", "南区");
        long b = WebSecurityIT.createUnit(admin, "swap-b", "北区");
        WebSecurityIT.createUser(admin, "swap-assessor", 1, "ASSESSOR", "Swap-Judge-1");
        admin.open("/perf");
        assertTrue(admin.post("/perf", Map.of("year", String.valueOf(YEAR))).redirectsTo("/perf/" + YEAR));
        admin.open("/perf/" + YEAR);
        for (int i = 0; i < 6; i++) {
            assertTrue(admin.post("/perf/" + YEAR + "/advance", Map.of("reason", "module swap only"))
                    .redirectsTo("?saved=1"));
        }

        Bundle v1 = install("org.jixiao.itest.flat", "1.0.0");
        await(() -> page(admin, "/perf/" + YEAR + "/evaluation").contains("flat@1.0.0"), "module 1.0.0 offered");
        admin.open("/perf/" + YEAR + "/evaluation");
        assertTrue(admin.post("/perf/" + YEAR + "/evaluation/pin", Map.of("module", "flat@1.0.0"))
                .redirectsTo("?saved=1"));

        Browser assessor = new Browser(Node.port());
        assessor.login("swap-assessor", "Swap-Judge-1", "Swap-Judge-2");
        assessor.open("/perf/" + YEAR + "/evaluation");
        assessor.post("/perf/" + YEAR + "/evaluation/score", Map.of("orgUnitId", String.valueOf(a), "kind", "TEAM",
                "score", "60"));
        assessor.post("/perf/" + YEAR + "/evaluation/score", Map.of("orgUnitId", String.valueOf(b), "kind", "TEAM",
                "score", "70"));
        String first = runOf(assessor.post("/perf/" + YEAR + "/evaluation/runs", Map.of()));
        Response firstPage = assessor.open(first);
        assertTrue(firstPage.body().contains("70.00"));
        assertTrue(firstPage.body().contains("60.00"));

        // A second version installed while the node runs is offered at once and scores differently.
        install("org.jixiao.itest.flat.two", "2.0.0");
        await(() -> page(assessor, first).contains("flat@2.0.0"), "module 2.0.0 offered");
        assessor.open(first);
        String rescored = runOf(assessor.post(first + "/rerun", Map.of("module", "flat@2.0.0")));
        Response side = assessor.get(rescored);
        assertTrue(side.body().contains("140.00"));
        assertTrue(side.body().contains("120.00"));
        assertTrue("the original totals stand beside", side.body().contains("70.00"));

        // Publishing freezes run 1; once its module is gone it cannot be re-scored, once back it reproduces.
        admin.open(first);
        assertTrue(admin.post(first + "/publish", Map.of()).redirectsTo(first));
        v1.uninstall();
        await(() -> !page(assessor, first).contains("flat@1.0.0"), "module 1.0.0 gone");
        assessor.open(first);
        Response missing = assessor.post(first + "/rerun", Map.of("module", "flat@1.0.0"));
        assertEquals(400, missing.status());
        install("org.jixiao.itest.flat", "1.0.0");
        await(() -> page(assessor, first).contains("flat@1.0.0"), "module 1.0.0 back");
        assessor.open(first);
        String reproduced = runOf(assessor.post(first + "/rerun", Map.of("module", "flat@1.0.0")));
        Response again = assessor.get(reproduced);
        assertTrue(again.body().contains("70.00"));
        assertTrue(again.body().contains("60.00"));
        assertTrue(!again.body().contains("140.00"));
    }

    private static String page(Browser b, String path) {
        try {
            return b.get(path).body();
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
