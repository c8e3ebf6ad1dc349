package org.jixiao.addons.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Stream;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.store.Migration;
import org.jixiao.api.testing.AuditLines;
import org.jixiao.api.testing.FakeWebRequest;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.api.web.Upload;
import org.jixiao.api.web.WebResult;
import org.jixiao.store.internal.MemoryStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upload, preview and install of an archive through the page, on a real store whose ledger holds the trial
 * project's V1 and V2; Karaf's features service is a recording stand-in (an empty node), so what the page asks of it
 * is what is checked.
 */
class AddonsPagesTest {

    @TempDir
    static Path keys;
    static TestArchives archives;
    static Path cityKey;
    static X509Certificate city;

    @TempDir
    Path data;

    private MemoryStores.Loan store;
    private final AuditLines audit = new AuditLines();
    private final FakeKaraf karaf = new FakeKaraf(Set.of());
    private final List<String> karafCalls = karaf.calls;
    private Addons addons;
    private AddonsPages pages;

    static final Actor CITY_ADMIN = new Actor(1, "admin", Set.of(Role.ADMIN), FixedOrgUnits.CITY, Locale.ENGLISH);
    static final Actor COUNTY_ADMIN = new Actor(2, "a-admin", Set.of(Role.ADMIN), FixedOrgUnits.COUNTY_A,
            Locale.ENGLISH);

    @BeforeAll
    static void key() throws Exception {
        archives = new TestArchives(keys);
        cityKey = archives.key("city");
        city = archives.certificate(cityKey, "city");
    }

    @BeforeEach
    void node() {
        store = trialStore();
        addons = new Addons(null, karaf.service(), FakeKaraf.noProjects(), new FixedOrgUnits(), audit, store, data,
                archives.trusting(city), null);
        pages = new AddonsPages(addons);
    }

    @AfterEach
    void giveBack() {
        store.close();
    }

    /** A store with the add-ons tables and the trial project's V1 and V2 applied. */
    static MemoryStores.Loan trialStore() {
        return MemoryStores.borrow("addons-pages", s -> {
            s.migrate("trial", List.of(new Migration(1, "trial", MigrationPlanTest.V1),
                    new Migration(2, "visits", MigrationPlanTest.V2)));
            s.migrate(AddonsProject.ID, List.of(new Migration(1, "addons", resource("db/migration/V1__addons.sql"))));
        });
    }

    static String resource(String path) {
        try (var in = AddonsPagesTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static FakeWebRequest request(String method, String path, Actor actor) {
        return FakeWebRequest.html(method, path, actor).locale(Locale.ENGLISH).messages((locale, key, args) ->
                MessageFormat.format(ResourceBundle.getBundle("i18n.messages", locale).getString(key), args));
    }

    private WebResult upload(Path file, Actor actor) throws Exception {
        return pages.handle(request("POST", "/upload", actor).upload("file",
                new Upload(file.getFileName().toString(), "application/octet-stream", Files.readAllBytes(file))));
    }

    private Path signedTrial(String version, String... migrations) throws Exception {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        String[] sql = {MigrationPlanTest.V1, MigrationPlanTest.V2, MigrationPlanTest.V3};
        for (int i = 0; i < migrations.length; i++) {
            files.put(migrations[i], sql[Integer.parseInt(migrations[i].substring(1, 2)) - 1]);
        }
        return archives.sign(archives.kar("trial-" + version + ".kar", "trial", version, files), cityKey, "city");
    }

    private long keptFiles() throws Exception {
        if (!Files.isDirectory(data.resolve("addons/pending"))) {
            return 0;
        }
        try (Stream<Path> files = Files.list(data.resolve("addons/pending"))) {
            return files.count();
        }
    }

    @Test
    void anUnsignedUploadIsRefusedWithItsReasonAuditedAndNotKept() throws Exception {
        Path unsigned = archives.kar("plain.kar", "trial", "1.1.0", Map.of("V1__trial.sql", MigrationPlanTest.V1));
        WebResult r = upload(unsigned, CITY_ADMIN);
        assertEquals(400, r.status());
        assertEquals("addons", r.target());
        assertTrue(((String) r.model().get("refusal")).startsWith("Refused: the archive is not signed"),
                String.valueOf(r.model().get("refusal")));
        assertEquals(1, audit.lines().size());
        assertTrue(audit.lines().get(0).matches("addons\\.refused archive:plain\\.kar sha256=[0-9a-f]{64} "
                + "addons\\.refused\\.unsigned"), audit.lines().get(0));
        assertEquals(0, keptFiles());
        assertTrue(karafCalls.isEmpty());
    }

    @Test
    void anUpdatePreviewsItsMigrationsThenInstallsThroughTheFeaturesServiceWithItsSha256Audited() throws Exception {
        Path kar = signedTrial("1.1.0", "V1__trial.sql", "V2__visits.sql", "V3__notes.sql");
        String sha256 = SignedArchive.sha256(kar);
        WebResult uploaded = upload(kar, CITY_ADMIN);
        assertEquals("/preview?sha256=" + sha256, uploaded.target());

        WebResult preview = pages.handle(request("GET", "/preview", CITY_ADMIN).param("sha256", sha256));
        assertEquals(200, preview.status());
        MigrationPlan.Owner trial = ((List<?>) preview.model().get("owners")).stream()
                .map(MigrationPlan.Owner.class::cast).findFirst().orElseThrow();
        assertEquals(List.of(3), trial.toRun().stream().map(Migration::version).toList());
        assertTrue(karafCalls.isEmpty(), "nothing installed before the confirmation");

        WebResult installed = pages.handle(request("POST", "/preview", CITY_ADMIN).param("sha256", sha256));
        assertEquals(303, installed.status(), String.valueOf(installed.model()));
        assertEquals(2, karafCalls.size(), karafCalls.toString());
        assertTrue(karafCalls.get(0).startsWith("addRepository [" + data.resolve("kar").toUri() + "addon-"),
                karafCalls.get(0));
        assertEquals("installFeatures [[jixiao-project-trial/1.1.0], [NoAutoRefreshBundles, Upgrade]]",
                karafCalls.get(1));
        String descriptor = karafCalls.get(0).substring("addRepository [".length(), karafCalls.get(0).length() - 1);
        assertTrue(descriptor.endsWith("-features-node.xml"), descriptor);
        String xml = Files.readString(Path.of(java.net.URI.create(descriptor)));
        Path jar = data.resolve("kar").resolve("addon-" + sha256.substring(0, 16))
                .resolve("org/jixiao/test/trial/1.1.0/trial-1.1.0.jar");
        assertTrue(Files.isRegularFile(jar));
        assertTrue(xml.contains(">" + jar.toUri() + "</"), "the bundle is the verified file: " + xml);
        assertTrue(audit.lines().contains("addons.install feature:jixiao-project-trial/1.1.0 sha256=" + sha256),
                audit.lines().toString());
        assertEquals(Map.of("jixiao-project-trial", sha256), new Ledger(store).archiveFeatures());
        assertEquals(0, keptFiles());
    }

    @Test
    void aDowngradeIsRefusedAtTheConfirmationWithItsReasonAndNothingInstalled() throws Exception {
        Path kar = signedTrial("0.9.0", "V1__trial.sql");
        String sha256 = SignedArchive.sha256(kar);
        upload(kar, CITY_ADMIN);
        WebResult preview = pages.handle(request("GET", "/preview", CITY_ADMIN).param("sha256", sha256));
        assertEquals(400, preview.status());
        assertTrue(((String) preview.model().get("refusal")).contains("migrations V2 of trial"),
                String.valueOf(preview.model().get("refusal")));

        WebResult refused = pages.handle(request("POST", "/preview", CITY_ADMIN).param("sha256", sha256));
        assertEquals(400, refused.status());
        assertTrue(karafCalls.isEmpty(), karafCalls.toString());
        assertFalse(Files.exists(data.resolve("kar")), "nothing extracted");
        assertTrue(audit.lines().contains("addons.refused archive:" + sha256 + " sha256=" + sha256
                + " addons.refused.downgrade"), audit.lines().toString());
    }

    @Test
    void aFailureOfTheFeaturesServiceShowsItsReasonAndIsAudited() throws Exception {
        karaf.failure = new IllegalStateException("Unable to resolve root: missing requirement");
        Path kar = signedTrial("1.2.0", "V1__trial.sql", "V2__visits.sql");
        String sha256 = SignedArchive.sha256(kar);
        upload(kar, CITY_ADMIN);
        WebResult failed = pages.handle(request("POST", "/preview", CITY_ADMIN).param("sha256", sha256));
        assertEquals(409, failed.status());
        assertEquals("jixiao-project-trial failed, the node runs on: Unable to resolve root: missing requirement",
                failed.model().get("refusal"));
        assertTrue(audit.lines().contains("addons.install.failed feature:jixiao-project-trial/1.2.0 sha256=" + sha256
                + " Unable to resolve root: missing requirement"), audit.lines().toString());
    }

    @Test
    void aCountyAdminSeesTheListButChangesNothing() throws Exception {
        WebResult list = pages.handle(request("GET", "/", COUNTY_ADMIN));
        assertEquals(false, list.model().get("manage"));
        Path kar = signedTrial("1.1.0", "V1__trial.sql", "V2__visits.sql", "V3__notes.sql");
        assertThrows(AccessDeniedException.class, () -> upload(kar, COUNTY_ADMIN));
        assertThrows(AccessDeniedException.class, () -> pages.handle(request("GET", "/uninstall", COUNTY_ADMIN)
                .param("feature", "jixiao-project-employment")));
        assertThrows(AccessDeniedException.class, () -> pages.handle(request("POST", "/uninstall", COUNTY_ADMIN)
                .param("feature", "jixiao-project-employment")));
        Actor user = new Actor(3, "clerk", Set.of(Role.STAFF), FixedOrgUnits.CITY, Locale.ENGLISH);
        assertThrows(AccessDeniedException.class, () -> pages.handle(request("GET", "/", user)));
        assertTrue(karafCalls.isEmpty());
    }

    @Test
    void anUploadWithoutAFileIsAFieldError() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> pages.handle(request("POST", "/upload", CITY_ADMIN)));
        assertEquals(Map.of("file", "addons.file.missing"), e.fieldErrors());
    }

    @Test
    void aCountyAdminCountsOnlyTheRecordsOfItsOwnUnits() {
        store.inTransaction(c -> {
            try (var s = c.createStatement()) {
                s.executeUpdate("INSERT INTO TRIAL_RECORD (ID, UNIT_ID) VALUES (1, 2), (2, 2), (3, 3)");
                s.executeUpdate("INSERT INTO TRIAL_VISIT (ID) VALUES (1)");
            }
            return null;
        });
        Ledger ledger = new Ledger(store);
        ledger.remember("jixiao-project-trial", "trial", List.of("TRIAL_RECORD", "TRIAL_VISIT", "TRIAL_GONE"));
        assertEquals(4, ledger.records("trial", null));
        assertEquals(2, ledger.records("trial", List.of(FixedOrgUnits.COUNTY_A.id())));
        assertEquals(0, ledger.records("trial", List.of()));
        OrgUnit unused = FixedOrgUnits.COUNTY_B;
        assertEquals(1, ledger.records("trial", List.of(unused.id())));
    }

    @Test
    void theConsolePrintsThePreviewAndADowngradeRefusalInTheProductsLanguage() throws Exception {
        Path kar = signedTrial("0.9.0", "V1__trial.sql");
        String sha256 = addons.upload(CITY_ADMIN, "trial.kar", Files.readAllBytes(kar));
        Addons.Pending pending = addons.pending(CITY_ADMIN, sha256, AddonsCommand.LOCALE);
        String preview = AddonsCommand.preview(pending);
        assertTrue(preview.contains("feature jixiao-project-trial 0.9.0\n"), preview);
        assertTrue(preview.contains("bundle org.jixiao.test.trial 0.9.0 roles [TRIAL_OFFICE] tables [TRIAL_RECORD]"),
                preview);
        assertTrue(preview.contains("migrations of trial: run -, applied V1, missing V2\n"), preview);
        assertEquals("拒绝：数据库已为 trial 执行了迁移 V2，而该插件包中没有这些迁移（降级或不同的插件），"
                + "安装后其数据无法使用。",
                AddonsCommand.text(ResourceBundle.getBundle("i18n.messages", AddonsCommand.LOCALE,
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)),
                        pending.plan().refusal()));
    }
}
