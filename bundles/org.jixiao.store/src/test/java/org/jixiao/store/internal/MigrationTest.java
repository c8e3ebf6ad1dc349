package org.jixiao.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jixiao.api.store.AppliedMigration;
import org.jixiao.api.store.Migration;
import org.jixiao.api.store.MigrationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationTest {

    private static final String OWNER = "org.jixiao.test";

    private static final Migration V1 = new Migration(1, "create person",
            "CREATE TABLE PERSON (\n  ID INTEGER NOT NULL PRIMARY KEY,\n  NAME VARCHAR(100) NOT NULL\n);\n");
    private static final Migration V2 = new Migration(2, "seed person",
            "-- two people to start with\nINSERT INTO PERSON (ID, NAME) VALUES (1, 'Li; Wei');\n"
                    + "INSERT INTO PERSON (ID, NAME) VALUES (2, 'O''Brien');\n");
    private static final Migration V3 = new Migration(3, "add email",
            "ALTER TABLE PERSON ADD COLUMN EMAIL VARCHAR(200)\n;\n");

    @TempDir
    Path dir;

    private DerbyStore store;

    @BeforeAll
    static void derbyLog() {
        TestSupport.derbyLogInTarget();
    }

    @BeforeEach
    void open() {
        store = new DerbyStore(dir.resolve("db"), 2);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private boolean tableExists(String name) {
        return store.read(c -> {
            try (ResultSet rs = c.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
                return rs.next();
            }
        });
    }

    private List<String> names() {
        return store.read(c -> {
            List<String> names = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT NAME FROM PERSON ORDER BY ID")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }

    private static List<Integer> versions(List<AppliedMigration> rows) {
        return rows.stream().map(AppliedMigration::version).toList();
    }

    @Test
    void createsTheLedgerTable() {
        assertTrue(tableExists(DerbyStore.LEDGER));
        assertEquals(List.of(), store.applied(OWNER));
    }

    @Test
    void appliesInVersionOrderAndOnlyOnce() {
        Instant before = Instant.now().minusSeconds(1);
        assertEquals(List.of(1, 2, 3), store.migrate(OWNER, List.of(V3, V1, V2)));
        assertEquals(List.of("Li; Wei", "O'Brien"), names());

        List<AppliedMigration> applied = store.applied(OWNER);
        assertEquals(List.of(1, 2, 3), versions(applied));
        AppliedMigration first = applied.get(0);
        assertEquals(OWNER, first.owner());
        assertEquals("create person", first.description());
        assertEquals(DerbyStore.checksum(V1.sql()), first.checksum());
        assertEquals(64, first.checksum().length());
        assertFalse(first.appliedAt().isBefore(before));

        assertEquals(List.of(), store.migrate(OWNER, List.of(V1, V2, V3)));
        assertEquals(List.of("Li; Wei", "O'Brien"), names());
    }

    @Test
    void appliesOnlyTheNewMigrationsLater() {
        assertEquals(List.of(1), store.migrate(OWNER, List.of(V1)));
        assertEquals(List.of(2, 3), store.migrate(OWNER, List.of(V1, V2, V3)));
        assertEquals(List.of(1, 2, 3), versions(store.applied(OWNER)));
    }

    @Test
    void keepsOwnersApart() {
        store.migrate(OWNER, List.of(V1));
        assertEquals(List.of(1), store.migrate("other", List.of(new Migration(1, "other table",
                "CREATE TABLE OTHER_THING (ID INTEGER NOT NULL PRIMARY KEY);"))));
        assertEquals(List.of(1), versions(store.applied(OWNER)));
        assertEquals(List.of(1), versions(store.applied("other")));
    }

    @Test
    void refusesAnEditedAppliedMigrationAndAppliesNothing() {
        store.migrate(OWNER, List.of(V1, V2));
        Migration edited = new Migration(2, "seed person", V2.sql().replace("O''Brien", "Zhang"));
        MigrationException e = assertThrows(MigrationException.class,
                () -> store.migrate(OWNER, List.of(V1, edited, V3)));
        assertTrue(e.getMessage().contains(OWNER), e.getMessage());
        assertTrue(e.getMessage().contains("migration 2 "), e.getMessage());
        assertTrue(e.getMessage().contains("edited"), e.getMessage());
        assertTrue(e.getMessage().contains("must not be changed"), e.getMessage());
        assertTrue(e.getMessage().contains("add a new migration"), e.getMessage());
        assertEquals(List.of(1, 2), versions(store.applied(OWNER)));
        assertEquals(List.of("Li; Wei", "O'Brien"), names());
    }

    @Test
    void refusesWhenAnAppliedVersionIsMissing() {
        store.migrate(OWNER, List.of(V1, V2));
        MigrationException e = assertThrows(MigrationException.class, () -> store.migrate(OWNER, List.of(V1, V3)));
        assertTrue(e.getMessage().contains("migration 2 "), e.getMessage());
        assertTrue(e.getMessage().contains(OWNER), e.getMessage());
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        assertEquals(List.of(1, 2), versions(store.applied(OWNER)));
    }

    @Test
    void anOlderVersionOverANewerSchemaIsRefusedAsADowngrade() {
        store.migrate(OWNER, List.of(V1, V2, V3));
        MigrationException e = assertThrows(MigrationException.class, () -> store.migrate(OWNER, List.of(V1, V2)));
        assertTrue(e.getMessage().startsWith("downgrade refused: the database of " + OWNER + " is at migration 3 (add"
                + " email, applied "), e.getMessage());
        assertTrue(e.getMessage().contains("newer than this version's newest migration, 2;"), e.getMessage());
        assertTrue(e.getMessage().contains("Install the version that brought migration 3"), e.getMessage());
        assertEquals(List.of(1, 2, 3), versions(store.applied(OWNER)));
    }

    @Test
    void refusesDuplicateVersions() {
        Migration other = new Migration(1, "also one", "CREATE TABLE ALSO_ONE (ID INTEGER);");
        MigrationException e = assertThrows(MigrationException.class, () -> store.migrate(OWNER, List.of(V1, other)));
        assertTrue(e.getMessage().contains("version 1"), e.getMessage());
        assertEquals(List.of(), store.applied(OWNER));
        assertFalse(tableExists("PERSON"));
    }

    @Test
    void aFailingMigrationRollsBackOnlyItself() {
        Migration broken = new Migration(3, "broken",
                "CREATE TABLE HALF_DONE (ID INTEGER NOT NULL);\nINSERT INTO PERSON (ID, NAME) VALUES (9, 'x');\n"
                        + "INSERT INTO NO_SUCH_TABLE (ID) VALUES (1);\n");
        Migration after = new Migration(4, "after", "CREATE TABLE AFTER_BROKEN (ID INTEGER);");
        MigrationException e = assertThrows(MigrationException.class,
                () -> store.migrate(OWNER, List.of(V1, V2, broken, after)));
        assertTrue(e.getMessage().contains(OWNER), e.getMessage());
        assertTrue(e.getMessage().contains("migration 3 "), e.getMessage());
        assertTrue(e.getMessage().contains("NO_SUCH_TABLE"), e.getMessage());
        assertTrue(e.getMessage().contains("42X05"), e.getMessage());
        assertInstanceOf(SQLException.class, e.getCause());

        assertEquals(List.of(1, 2), versions(store.applied(OWNER)));
        assertEquals(List.of("Li; Wei", "O'Brien"), names());
        assertFalse(tableExists("HALF_DONE"), "DDL of the failed migration rolled back");
        assertFalse(tableExists("AFTER_BROKEN"), "nothing after the failed migration applied");

        Migration fixed = new Migration(3, "fixed", "CREATE TABLE HALF_DONE (ID INTEGER NOT NULL);");
        assertEquals(List.of(3, 4), store.migrate(OWNER, List.of(V1, V2, fixed, after)));
        assertTrue(tableExists("HALF_DONE"));
        assertEquals(2, store.freePermits());
    }

    @Test
    void lineEndingsDoNotCountAsAnEdit() {
        Migration crlf = new Migration(1, "create person", V1.sql().replace("\n", "\r\n"));
        Migration cr = new Migration(1, "create person", V1.sql().replace("\n", "\r"));
        assertEquals(DerbyStore.checksum(V1.sql()), DerbyStore.checksum(crlf.sql()));
        assertEquals(DerbyStore.checksum(V1.sql()), DerbyStore.checksum(cr.sql()));
        assertFalse(DerbyStore.checksum(V1.sql()).equals(DerbyStore.checksum(V1.sql() + " ")));

        assertEquals(List.of(1), store.migrate(OWNER, List.of(crlf)));
        assertEquals(List.of(2), store.migrate(OWNER, List.of(V1, V2)));
    }

    @Test
    void checksumIsTheSha256HexOfTheNormalisedText() {
        // sha256("abc\n")
        assertEquals("edeaaff3f1774ad2888673770c6d64097e391bc362d7d6fb34982ddf0efd18cb",
                DerbyStore.checksum("abc\r\n"));
    }

    @Test
    void survivesReopening() {
        store.migrate(OWNER, List.of(V1, V2));
        store.close();
        store = new DerbyStore(dir.resolve("db"), 2);
        assertEquals(List.of(3), store.migrate(OWNER, List.of(V1, V2, V3)));
        assertEquals(List.of("Li; Wei", "O'Brien"), names());
    }

    @Test
    void serialisesConcurrentCalls() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Integer>>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit(() -> store.migrate(OWNER, List.of(V1, V2, V3))));
            }
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> f : futures) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            all.sort(null);
            assertEquals(List.of(1, 2, 3), all);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void acceptsMigrationsReadFromFiles() {
        Migration m = Migration.fromFile("V1__create_person.sql", V1.sql());
        assertEquals(List.of(1), store.migrate(OWNER, List.of(m)));
        assertEquals("create person", store.applied(OWNER).get(0).description());
    }

    // ---- baselines: B3 creates at once what V1..V3 built; V4 comes after it

    /** The old steps, written the way they were: the person table, its seed rows, a column added later. */
    private static final Migration B3 = Migration.fromFile("B3__baseline.sql",
            "-- what V1 to V3 built\nCREATE TABLE PERSON (\n  ID INTEGER NOT NULL PRIMARY KEY,\n"
                    + "  NAME VARCHAR(100) NOT NULL,\n  EMAIL VARCHAR(200)\n);\n"
                    + "INSERT INTO PERSON (ID, NAME) VALUES (1, 'Li; Wei');\n"
                    + "INSERT INTO PERSON (ID, NAME) VALUES (2, 'O''Brien');\n");
    private static final Migration V4 = new Migration(4, "add phone",
            "ALTER TABLE PERSON ADD COLUMN PHONE VARCHAR(20);");

    private List<String> columns() {
        return store.read(c -> {
            List<String> out = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getColumns(null, null, "PERSON", null)) {
                while (rs.next()) {
                    out.add(rs.getString("COLUMN_NAME"));
                }
            }
            return out;
        });
    }

    @Test
    void aFreshDatabaseGetsTheBaselineThenTheLaterMigrations() {
        assertTrue(B3.baseline());
        assertEquals(List.of(3, 4), store.migrate(OWNER, List.of(V4, B3)));
        assertEquals(List.of("Li; Wei", "O'Brien"), names());
        assertEquals(List.of("ID", "NAME", "EMAIL", "PHONE"), columns());
        List<AppliedMigration> applied = store.applied(OWNER);
        assertEquals(List.of(3, 4), versions(applied));
        assertEquals("baseline", applied.get(0).description());
        assertEquals(DerbyStore.checksum(B3.sql()), applied.get(0).checksum());

        assertEquals(List.of(), store.migrate(OWNER, List.of(B3, V4)));
    }

    @Test
    void aDatabaseMigratedStepByStepKeepsItsLedgerAndGetsOnlyWhatComesAfterTheBaseline() {
        assertEquals(List.of(1, 2, 3), store.migrate(OWNER, List.of(V1, V2, V3)));

        // V1..V3 are gone from what is given now: not a downgrade, not an edit, and the baseline does not run.
        assertEquals(List.of(4), store.migrate(OWNER, List.of(B3, V4)));
        assertEquals(List.of("Li; Wei", "O'Brien"), names());
        assertEquals(List.of("ID", "NAME", "EMAIL", "PHONE"), columns());
        assertEquals(List.of(1, 2, 3, 4), versions(store.applied(OWNER)));
        assertEquals(List.of(), store.migrate(OWNER, List.of(B3, V4)));
    }

    @Test
    void aMigrationAfterTheBaselineIsStillCheckedForEdits() {
        store.migrate(OWNER, List.of(B3, V4));
        Migration edited = new Migration(4, "add phone", V4.sql().replace("20", "30"));
        MigrationException e = assertThrows(MigrationException.class, () -> store.migrate(OWNER, List.of(B3, edited)));
        assertTrue(e.getMessage().contains("migration 4 (add phone) of owner " + OWNER + " was edited"),
                e.getMessage());
    }

    @Test
    void aDatabaseThatStoppedBeforeTheBaselineIsRefusedNamingTheStepsItLacks() {
        store.migrate(OWNER, List.of(V1));
        MigrationException e = assertThrows(MigrationException.class, () -> store.migrate(OWNER, List.of(B3, V4)));
        assertTrue(e.getMessage().startsWith("upgrade refused: the database of " + OWNER + " is at migration 1 (create"
                + " person)"), e.getMessage());
        assertTrue(e.getMessage().contains("no longer ships migrations 2 to 3"), e.getMessage());
        assertTrue(e.getMessage().contains("Start a version that still ships them"), e.getMessage());
        assertEquals(List.of(1), versions(store.applied(OWNER)));
        assertEquals(List.of("ID", "NAME"), columns());
    }

    @Test
    void anOlderVersionOverABaselineIsStillADowngrade() {
        store.migrate(OWNER, List.of(B3, V4));
        MigrationException e = assertThrows(MigrationException.class, () -> store.migrate(OWNER, List.of(B3)));
        assertTrue(e.getMessage().startsWith("downgrade refused: the database of " + OWNER + " is at migration 4"),
                e.getMessage());
    }

    @Test
    void refusesTwoBaselinesAndAMigrationTheBaselineReplaces() {
        Migration b1 = Migration.fromFile("B1__baseline.sql", V1.sql());
        assertTrue(assertThrows(MigrationException.class, () -> store.migrate(OWNER, List.of(b1, B3)))
                .getMessage().contains("two baselines, 1 and 3"));
        assertTrue(assertThrows(MigrationException.class, () -> store.migrate(OWNER, List.of(V2, B3)))
                .getMessage().contains("migration 2 of owner " + OWNER + " is older than its baseline 3"));
        assertEquals(List.of(), store.applied(OWNER));
        assertFalse(tableExists("PERSON"));
    }
}
