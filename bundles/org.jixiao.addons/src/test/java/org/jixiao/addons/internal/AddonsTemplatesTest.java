package org.jixiao.addons.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jixiao.api.Actor;
import org.jixiao.api.Role;
import org.jixiao.api.testing.AuditLines;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.api.web.WebResult;
import org.jixiao.store.internal.MemoryStores;
import org.jixiao.web.internal.PluginTemplates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import freemarker.template.Configuration;

/**
 * The pages as the web layer renders them in both languages: an uninstalled project still shows its migrations and
 * records, and is installed again after its confirmation page.
 */
class AddonsTemplatesTest {

    private static final Configuration FTL = PluginTemplates.configuration(AddonsTemplatesTest.class.getClassLoader());

    @TempDir
    Path data;

    private MemoryStores.Loan store;
    private final AuditLines audit = new AuditLines();
    private final FakeKaraf karaf = new FakeKaraf(Set.of())
            .feature("jixiao-project-trial", "1.0.0", "Key project: trial");
    private AddonsProject project;

    @BeforeEach
    void uninstalledTrialWithThreeRecords() {
        store = AddonsPagesTest.trialStore();
        new Ledger(store).remember("jixiao-project-trial", "trial", List.of("TRIAL_RECORD", "TRIAL_VISIT"));
        store.inTransaction(c -> {
            try (var s = c.createStatement()) {
                s.executeUpdate("INSERT INTO TRIAL_RECORD (ID, UNIT_ID) VALUES (1, 2), (2, 3)");
                s.executeUpdate("INSERT INTO TRIAL_VISIT (ID) VALUES (1)");
            }
            return null;
        });
        project = new AddonsProject(null, karaf.service(), FakeKaraf.noProjects(), new FixedOrgUnits(), audit, store, null,
                SignedArchiveTest.config(new String[0], ""));
    }

    @AfterEach
    void giveBack() {
        store.close();
    }

    private String page(String method, String path, Actor actor, Locale locale, String... params) throws Exception {
        var request = AddonsPagesTest.request(method, path, actor).locale(locale);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        WebResult result = project.web().handle(request);
        return PluginTemplates.render(FTL, project, result, actor, locale);
    }

    @Test
    void anUninstalledProjectShowsItsMigrationsAndRecordsAndIsInstalledAgainAfterItsConfirmation() throws Exception {
        Actor admin = AddonsPagesTest.CITY_ADMIN;
        String en = page("GET", "/", admin, Locale.ENGLISH);
        assertTrue(en.contains("data-feature=\"jixiao-project-trial\" data-state=\"UNINSTALLED\""), en);
        assertTrue(en.contains("Uninstalled (data kept)"), en);
        assertTrue(en.contains("V1, V2"), en);
        assertTrue(en.contains("data-records=\"3\""), en);
        assertTrue(en.contains("href=\"/p/addons/install?feature=jixiao-project-trial&amp;version=1.0.0\""), en);
        assertTrue(en.contains("This node trusts no signing certificate yet"), en);
        String zh = page("GET", "/", admin, Locale.SIMPLIFIED_CHINESE);
        assertTrue(zh.contains("已卸载（数据保留）"), zh);

        String confirm = page("GET", "/install", admin, Locale.ENGLISH, "feature", "jixiao-project-trial",
                "version", "1.0.0");
        assertTrue(confirm.contains("action=\"/p/addons/install\""), confirm);
        assertTrue(confirm.contains("name=\"_csrf\""), confirm);
        assertTrue(karaf.calls.isEmpty(), "the confirmation page changes nothing");

        WebResult done = project.web().handle(AddonsPagesTest.request("POST", "/install", admin)
                .param("feature", "jixiao-project-trial").param("version", "1.0.0"));
        assertEquals("/?done=installed&feature=jixiao-project-trial", done.target());
        assertEquals(List.of("installFeature [jixiao-project-trial, 1.0.0, [NoAutoRefreshBundles]]"), karaf.calls);
        assertEquals(List.of("addons.install feature:jixiao-project-trial/1.0.0 "), audit.lines());
        String after = page("GET", "/", admin, Locale.ENGLISH, "done", "installed", "feature", "jixiao-project-trial");
        assertTrue(after.contains("jixiao-project-trial installed."), after);
    }

    @Test
    void aCountyAdminReadsTheListWithItsOwnRecordsAndNoActions() throws Exception {
        Actor county = new Actor(2, "a-admin", Set.of(Role.ADMIN), FixedOrgUnits.COUNTY_A, Locale.ENGLISH);
        String en = page("GET", "/", county, Locale.ENGLISH);
        assertTrue(en.contains("data-records=\"1\""),
                "county A holds one TRIAL_RECORD; TRIAL_VISIT has no unit: " + en);
        assertTrue(en.contains("A county admin can only look"), en);
        assertTrue(!en.contains("/p/addons/install?"), en);
        assertTrue(!en.contains("enctype=\"multipart/form-data\""), en);
    }

    @Test
    void thePreviewShowsTheFeaturesBundlesRolesTablesAndMigrationsToRun(@TempDir Path keys) throws Exception {
        TestArchives archives = new TestArchives(keys);
        Path key = archives.key("city");
        AddonsPages pages = new AddonsPages(new Addons(null, karaf.service(), FakeKaraf.noProjects(),
                new FixedOrgUnits(), audit, store, data, archives.trusting(archives.certificate(key, "city")), null));
        Path kar = archives.sign(archives.kar("trial-1.1.0.kar", "trial", "1.1.0", java.util.Map.of(
                "V1__trial.sql", MigrationPlanTest.V1, "V2__visits.sql", MigrationPlanTest.V2,
                "V3__notes.sql", MigrationPlanTest.V3)), key, "city");
        Actor admin = AddonsPagesTest.CITY_ADMIN;
        pages.handle(AddonsPagesTest.request("POST", "/upload", admin).upload("file", new org.jixiao.api.web.Upload(
                "trial.kar", "application/java-archive", java.nio.file.Files.readAllBytes(kar))));
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            WebResult preview = pages.handle(AddonsPagesTest.request("GET", "/preview", admin).locale(locale)
                    .param("sha256", SignedArchive.sha256(kar)));
            String html = PluginTemplates.render(FTL, project, preview, admin, locale);
            assertTrue(html.contains("jixiao-project-trial 1.1.0"), html);
            assertTrue(html.contains("org.jixiao.test.trial 1.1.0"), html);
            assertTrue(html.contains(locale == Locale.ENGLISH ? "Trial office" : "试点办公室"), html);
            assertTrue(html.contains("TRIAL_RECORD, TRIAL_VISIT, TRIAL_NOTE"), html);
            assertTrue(html.contains("<td class=\"to-run\">V3 notes</td>"), html);
            assertTrue(html.contains("name=\"sha256\" value=\"" + SignedArchive.sha256(kar) + "\""), html);
        }
    }
}
