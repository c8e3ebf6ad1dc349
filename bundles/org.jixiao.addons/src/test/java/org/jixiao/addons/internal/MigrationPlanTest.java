package org.jixiao.addons.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.store.Migration;
import org.jixiao.store.internal.MemoryStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an archive would do to a real (in-memory Derby) store whose ledger already holds the trial project's V1 and
 * V2: an update runs only what is new, an archive without an applied migration (a downgrade) or with an applied one
 * changed is refused.
 */
class MigrationPlanTest {

    static final String V1 = "CREATE TABLE TRIAL_RECORD (ID BIGINT NOT NULL PRIMARY KEY, UNIT_ID BIGINT)";
    static final String V2 = "-- CREATE TABLE NOT_THIS (ID INTEGER)\nCREATE TABLE TRIAL_VISIT (ID BIGINT NOT NULL)";
    static final String V3 = "CREATE TABLE TRIAL_NOTE (ID BIGINT NOT NULL, UNIT_ID BIGINT)";

    @TempDir
    Path dir;

    private MemoryStores.Loan store;

    @BeforeEach
    void storeWithV1AndV2Applied() {
        store = MemoryStores.borrow("addons-trial", s -> s.migrate("trial",
                List.of(new Migration(1, "trial", V1), new Migration(2, "visits", V2))));
    }

    @AfterEach
    void giveBack() {
        store.close();
    }

    private KarArchive kar(String version, Map<String, String> migrations) throws Exception {
        return KarArchive.read(new TestArchives(dir).kar("trial-" + version + ".kar", "trial", version, migrations),
                "en");
    }

    private static Map<String, String> files(String... nameThenSql) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < nameThenSql.length; i += 2) {
            out.put(nameThenSql[i], nameThenSql[i + 1]);
        }
        return out;
    }

    @Test
    void anUpdateRunsOnlyTheMigrationsTheStoreHasNotApplied() throws Exception {
        KarArchive kar = kar("1.1.0", files("V1__trial.sql", V1, "V2__visits.sql", V2, "V3__notes.sql", V3));
        assertEquals(List.of("jixiao-project-trial"), kar.features().stream().map(KarArchive.Feature::name).toList());
        BundleJar bundle = kar.bundles().get(0);
        assertEquals("trial", bundle.projectId());
        assertEquals("1.1.0", bundle.version());
        assertEquals(List.of("TRIAL_RECORD", "TRIAL_VISIT", "TRIAL_NOTE"), bundle.tables());
        assertEquals(Map.of("TRIAL_OFFICE", "Trial office"), bundle.roles());

        MigrationPlan plan = MigrationPlan.of(kar, store);
        MigrationPlan.Owner trial = plan.owners().get(0);
        assertEquals("trial", trial.owner());
        assertEquals(List.of(3), trial.toRun().stream().map(Migration::version).toList());
        assertEquals(List.of(1, 2), trial.applied());
        assertNull(plan.refusal());
    }

    @Test
    void aDowngradeThatLacksAnAppliedMigrationIsRefused() throws Exception {
        MigrationPlan plan = MigrationPlan.of(kar("0.9.0", files("V1__trial.sql", V1)), store);
        assertEquals(List.of(2), plan.owners().get(0).unknown());
        Refusal refusal = plan.refusal();
        assertEquals("addons.refused.downgrade", refusal.key());
        assertEquals(List.of("trial", "V2"), List.of(refusal.args()));
    }

    @Test
    void anArchiveThatChangesAnAppliedMigrationIsRefused() throws Exception {
        MigrationPlan plan = MigrationPlan.of(kar("1.0.1", files("V1__trial.sql", V1 + ", NAME VARCHAR(10)",
                "V2__visits.sql", V2.replace("\n", "\r\n"))), store);
        assertEquals(List.of(1), plan.owners().get(0).changed(), "a CRLF checkout is no change, an edit is");
        assertEquals("addons.refused.changedMigration", plan.refusal().key());
    }

    @Test
    void aNewProjectRunsAllItsMigrations() throws Exception {
        KarArchive kar = KarArchive.read(new TestArchives(dir).kar("fresh.kar", "fresh", "1.0.0",
                files("V1__fresh.sql", V1.replace("TRIAL", "FRESH"))), "zh");
        MigrationPlan plan = MigrationPlan.of(kar, store);
        assertEquals("fresh", plan.owners().get(0).owner());
        assertEquals(1, plan.owners().get(0).toRun().size());
        assertTrue(plan.owners().get(0).applied().isEmpty());
        assertEquals(Map.of("TRIAL_OFFICE", "试点办公室"), kar.bundles().get(0).roles());
        assertNull(plan.refusal());
    }

    /** What V1 and V2 built, at once. */
    static final String B2 = V1 + ";\n" + V2;

    @Test
    void anArchiveWithABaselineOverAStepByStepLedgerRunsOnlyWhatFollowsTheBaseline() throws Exception {
        KarArchive kar = kar("2.0.0", files("B2__baseline.sql", B2, "V3__notes.sql", V3));
        assertEquals(List.of("TRIAL_RECORD", "TRIAL_VISIT", "TRIAL_NOTE"), kar.bundles().get(0).tables());
        MigrationPlan.Owner trial = MigrationPlan.of(kar, store).owners().get(0);
        assertEquals(List.of(3), trial.toRun().stream().map(Migration::version).toList());
        assertEquals(List.of(1, 2), trial.applied(), "V1 and V2 are gone from the archive, yet applied, not missing");
        assertTrue(trial.unknown().isEmpty());
        assertTrue(trial.changed().isEmpty());
        assertNull(MigrationPlan.of(kar, store).refusal());
    }

    @Test
    void aNewProjectWithABaselineRunsTheBaselineThenWhatFollows() throws Exception {
        KarArchive kar = KarArchive.read(new TestArchives(dir).kar("fresh.kar", "fresh", "2.0.0",
                files("B2__baseline.sql", B2.replace("TRIAL", "FRESH"), "V3__notes.sql", V3.replace("TRIAL", "FRESH"))),
                "en");
        MigrationPlan.Owner fresh = MigrationPlan.of(kar, store).owners().get(0);
        assertEquals(List.of(true, false), fresh.toRun().stream().map(Migration::baseline).toList());
        assertEquals(List.of(2, 3), fresh.toRun().stream().map(Migration::version).toList());
    }

    @Test
    void anArchiveWhoseBaselineIsAheadOfTheLedgerIsRefused() throws Exception {
        MigrationPlan plan = MigrationPlan.of(kar("3.0.0", files("B3__baseline.sql", B2 + ";\n" + V3)), store);
        assertEquals(List.of(3), plan.owners().get(0).lacking());
        assertEquals(List.of(), plan.owners().get(0).toRun(), "the baseline only starts an empty ledger");
        Refusal refusal = plan.refusal();
        assertEquals("addons.refused.belowBaseline", refusal.key());
        assertEquals(List.of("trial", "V3"), List.of(refusal.args()));
    }

    @Test
    void onlyMavenLocationsLieInTheArchiveRepository() {
        assertEquals("org/x/a/1.0/a-1.0.jar", KarArchive.repositoryPath("mvn:org.x/a/1.0"));
        assertEquals("org/x/a/1.0/a-1.0-features.xml", KarArchive.repositoryPath("mvn:org.x/a/1.0/xml/features"));
        assertNull(KarArchive.repositoryPath("file:/etc/passwd"));
        assertNull(KarArchive.repositoryPath("wrap:mvn:org.x/a/1.0"));
    }
}
