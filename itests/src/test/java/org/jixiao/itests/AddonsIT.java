package org.jixiao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.assessment.AssessmentModule;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.store.Store;
import org.jixiao.itests.fixture.AddonSample;
import org.jixiao.itests.fixture.BadMigrationProject;
import org.jixiao.itests.fixture.BrokenModule;
import org.jixiao.itests.fixture.FlatModule;
import org.jixiao.itests.fixture.SwapProject;
import org.jixiao.itests.support.Browser;
import org.jixiao.itests.support.Browser.Response;
import org.jixiao.itests.support.Bundles;
import org.jixiao.itests.support.KarafTestSupport;
import org.jixiao.itests.support.Node;
import org.jixiao.itests.support.SignedKars;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * A key project built and signed at test time as a .kar, installed from the add-ons page, listed with its migration
 * and records, uninstalled with its records kept in Derby, installed again with them; unsigned and tampered copies
 * refused; the console commands the same. It leaves the node as it found it: the project uninstalled (its table stays,
 * as every uninstall's does).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class AddonsIT extends KarafTestSupport {

    private static final String FEATURE = "jixiao-project-addonsample";
    private static final Pattern ROW = Pattern.compile(
            "data-feature=\"" + FEATURE + "\" data-state=\"([A-Z_]+)\"[\\s\\S]*?data-records=\"(\\d+)\"");

    @Inject
    private Store store;

    @Inject
    private OrgUnitService orgUnits;

    @Inject
    private SessionFactory console;

    private static String row(Browser admin) throws Exception {
        Response list = admin.open("/p/addons/");
        assertEquals(list.body(), 200, list.status());
        Matcher m = ROW.matcher(list.body());
        return m.find() ? m.group(1) + " " + m.group(2) : "ABSENT";
    }

    /** What a command prints in the node's console. */
    private String console(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Session session = console.create(new ByteArrayInputStream(new byte[0]), print, print);
        try {
            session.execute(command);
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            session.close();
        }
    }

    private long records() {
        return store.read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM ADDON_SAMPLE_RECORD")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * A new key of the city in {@code dir}, whose certificate the node trusts: dropped as {@code pem} into the folder
     * the settings name (etc/addons-trust).
     */
    private static Path trustedKey(SignedKars kars, Path dir, String pem) throws Exception {
        Path key = kars.key("city");
        Path trust = Files.createDirectories(Path.of(System.getProperty("karaf.etc"), "addons-trust"));
        Files.copy(dir.resolve("city.pem"), trust.resolve(pem));
        return key;
    }

    @Test
    public void aSignedArchiveIsInstalledFromThePageAndUninstalledWithItsDataKept() throws Exception {
        Path dir = Files.createTempDirectory(Node.data(), "kars");
        SignedKars kars = new SignedKars(dir);
        Path key = trustedKey(kars, dir, "city.pem");

        String xml = Bundles.component("org.jixiao.itest.addonsample", AddonSample.class, KeyProject.class.getName(),
                Map.of(KeyProject.PROPERTY_ID, AddonSample.ID), Map.of(), null);
        byte[] bundle = Bundles.keyProject("org.jixiao.itest.addonsample", AddonSample.ID,
                "org.jixiao.api.project;version=\"[1.0,2)\",org.jixiao.api.web;version=\"[1.0,2)\"", xml,
                new Class<?>[] {AddonSample.class, SwapProject.class, BadMigrationProject.class},
                Map.of("db/migration/V1__addon_sample.sql",
                        "CREATE TABLE ADDON_SAMPLE_RECORD (ID BIGINT NOT NULL PRIMARY KEY, UNIT_ID BIGINT NOT NULL)"));
        Path unsigned = kars.kar(FEATURE, "org.jixiao.itest", "addonsample", "1.0.0", bundle);
        Path signed = kars.sign(unsigned, key, "city");

        Browser admin = Node.admin();
        String shipped = admin.open("/p/addons/").body();
        assertTrue(shipped, shipped.contains("data-feature=\"jixiao-project-employment\" data-state=\"ACTIVE\""));
        Matcher link = Pattern.compile("href=\"(/p/addons/uninstall\\?feature=jixiao-project-employment&amp;[^\"]+)\"")
                .matcher(shipped);
        assertTrue(shipped, link.find());
        Response asked = admin.open(link.group(1).replace("&amp;", "&"));
        assertEquals(asked.body(), 200, asked.status());

        Response refused = admin.upload("/p/addons/upload", Map.of(), "file", "unsigned.kar",
                Files.readAllBytes(unsigned));
        assertEquals(400, refused.status());
        assertTrue(refused.body(), refused.body().contains("拒绝：插件包未签名"));
        byte[] tampered = Files.readAllBytes(signed);
        tampered[tampered.length / 3] ^= 1;
        refused = admin.upload("/p/addons/upload", Map.of(), "file", "tampered.kar", tampered);
        assertEquals(400, refused.status());
        assertTrue(refused.body(), refused.body().contains("拒绝："));

        long start = System.nanoTime();
        Response uploaded = admin.upload("/p/addons/upload", Map.of(), "file", "addonsample.kar",
                Files.readAllBytes(signed));
        assertEquals(uploaded.body(), 303, uploaded.status());
        Response preview = admin.open(uploaded.location());
        assertEquals(preview.body(), 200, preview.status());
        assertTrue(preview.body(), preview.body().contains("V1 addon sample"));
        assertTrue(preview.body(), preview.body().contains("ADDON_SAMPLE_RECORD"));
        String sha256 = uploaded.location().substring(uploaded.location().indexOf("sha256=") + 7);
        Response installed = admin.post("/p/addons/preview", Map.of("sha256", sha256));
        assertEquals(installed.body(), 303, installed.status());
        Node.awaitProject(AddonSample.ID, "ACTIVE", 60_000);
        while (admin.json("GET", "/api/v1/p/" + AddonSample.ID + "/ping", null, null).status() != 200) {
            Thread.sleep(50);
        }
        System.out.printf("AddonsIT: upload to the project's first answer %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
        assertEquals(1L, (long) store.read(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM JX_AUDIT WHERE ACTION = 'addons.install'"
                    + " AND DETAIL = ?")) {
                ps.setString(1, "sha256=" + sha256);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }));

        long root = orgUnits.root().id();
        store.inTransaction(c -> {
            try (var s = c.createStatement()) {
                s.executeUpdate("INSERT INTO ADDON_SAMPLE_RECORD (ID, UNIT_ID) VALUES (1, " + root + "), (2, "
                        + root + ")");
            }
            return null;
        });
        assertEquals("ACTIVE 2", row(admin));

        Response confirm = admin.open("/p/addons/uninstall?feature=" + FEATURE + "&version=1.0.0");
        assertEquals(confirm.body(), 200, confirm.status());
        assertEquals(303, admin.post("/p/addons/uninstall", Map.of("feature", FEATURE, "version", "1.0.0")).status());
        Node.awaitProject(AddonSample.ID, "ABSENT", 60_000);
        assertEquals(2, records());
        assertEquals("UNINSTALLED 2", row(admin));

        admin.open("/p/addons/install?feature=" + FEATURE + "&version=1.0.0");
        assertEquals(303, admin.post("/p/addons/install", Map.of("feature", FEATURE, "version", "1.0.0")).status());
        Node.awaitProject(AddonSample.ID, "ACTIVE", 60_000);
        assertEquals("ACTIVE 2", row(admin));

        // The console does the same: the list, an archive's preview (installed only with --confirm), an uninstall.
        String listed = console("jixiao:addons");
        assertTrue(listed, listed.contains(FEATURE + "\t1.0.0\tproject\tACTIVE\tV1\t2"));
        String checked = console("jixiao:install " + signed);
        assertTrue(checked, checked.contains("migrations of addonsample: run -, applied V1")
                && checked.contains("(not installed: add --confirm)"));
        String removed = console("jixiao:uninstall --confirm " + FEATURE);
        assertTrue(removed, removed.contains("uninstalled, its data kept"));
        Node.awaitProject(AddonSample.ID, "ABSENT", 60_000);
        assertEquals(2, records());
        assertEquals("UNINSTALLED 2", row(admin));
    }

    /** A module whose component throws when it starts is listed as failed, with the reason, not as "not started". */
    @Test
    public void anAssessmentModuleThatFailsToStartShowsWhyOnThePage() throws Exception {
        Path dir = Files.createTempDirectory(Node.data(), "kars");
        SignedKars kars = new SignedKars(dir);
        Path key = trustedKey(kars, dir, "city-modules.pem");
        String name = "org.jixiao.itest.brokenmodule";
        String xml = Bundles.component(name, BrokenModule.class, AssessmentModule.class.getName(),
                Map.of("jixiao.assessment.id", "broken"), Map.of(), "activate");
        byte[] bundle = Bundles.build(Map.of("Bundle-SymbolicName", name, "Bundle-Version", "1.0.0",
                "Service-Component", "OSGI-INF/module.xml",
                "Import-Package", "org.jixiao.api.assessment;version=\"[1.0,2)\",org.osgi.framework"),
                new Class<?>[] {BrokenModule.class, FlatModule.class}, Map.of("OSGI-INF/module.xml", xml));
        String feature = "jixiao-assessment-broken";
        Path signed = kars.sign(kars.kar(feature, "org.jixiao.itest", "brokenmodule", "1.0.0", bundle), key, "city");
        String installed = console("jixiao:install --confirm " + signed);
        assertFalse(installed, installed.contains("(not installed"));

        Browser admin = Node.admin();
        Pattern failed = Pattern.compile("data-feature=\"" + feature + "\" data-state=\"FAILED\"");
        long deadline = System.currentTimeMillis() + 60_000;
        String page = admin.open("/p/addons/").body();
        while (!failed.matcher(page).find() && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            page = admin.open("/p/addons/").body();
        }
        assertTrue(page, failed.matcher(page).find());
        assertTrue(page, page.contains("module broken on purpose by the integration test"));
        assertTrue(console("jixiao:addons"), console("jixiao:addons").contains(feature + "\t1.0.0\tmodule\tFAILED"));
        console("jixiao:uninstall --confirm " + feature);
    }
}
