package org.jixiao.core.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;

import org.jixiao.api.store.AppliedMigration;
import org.jixiao.api.store.Migration;
import org.jixiao.api.store.StoreException;
import org.jixiao.store.internal.Catalogue;
import org.jixiao.store.internal.DerbyStore;
import org.jixiao.store.internal.MemoryStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoreSchemaTest {

    @TempDir
    Path tmp;

    @Test
    void theBaselineComesFirstAndTheMigrationsAfterItWithoutGaps() {
        List<Migration> migrations = CoreSchema.migrations();
        assertTrue(migrations.get(0).baseline());
        for (int i = 1; i < migrations.size(); i++) {
            assertFalse(migrations.get(i).baseline());
            assertEquals(migrations.get(0).version() + i, migrations.get(i).version());
        }
    }

    @Test
    void appliesOnceAndThenFindsTheSchemaCurrent() {
        try (DerbyStore store = new DerbyStore(tmp.resolve("db"), 2)) {
            List<Integer> all = CoreSchema.migrations().stream().map(Migration::version).toList();
            assertEquals(all, new CoreSchema(store).appliedNow());
            assertEquals(List.of(), new CoreSchema(store).appliedNow(), "a second activation applies nothing");
            List<AppliedMigration> applied = store.applied(CoreSchema.OWNER);
            assertEquals(all.size(), applied.size());
            for (String table : List.of("JX_ORG_UNIT", "JX_USER", "JX_USER_ROLE", "JX_AUDIT", "JX_API_TOKEN")) {
                assertEquals(0, TestDb.count(store, table), table);
            }
        }
    }

    /**
     * Issue 12, item 10: a node that had users before the key's fingerprint was kept may hold encrypted values, and
     * V12 marked it so (a row without a fingerprint); a new database has no row, so the first key use keeps one.
     */
    @Test
    void aNewDatabaseHasNoFieldKeyRow() {
        try (DerbyStore fresh = new DerbyStore(tmp.resolve("fresh"), 2)) {
            new CoreSchema(fresh);
            assertEquals(0, TestDb.count(fresh, "JX_FIELD_KEY"));
        }
    }

    @Test
    void usernameUniquenessIsTheDatabasesToo() {
        try (MemoryStores.Loan store = TestDb.open()) {
            long root = TestDb.insertRoot(store).id();
            insertUser(store, "Alice", "alice", root);
            StoreException e = assertThrows(StoreException.class, () -> insertUser(store, "ALICE", "alice", root));
            assertTrue(Jdbc.isUniqueViolation(e));
        }
    }

    private static void insertUser(org.jixiao.api.store.Store store, String username, String key, long orgUnitId) {
        Instant now = Instant.now();
        store.inTransaction(c -> Jdbc.update(c, "INSERT INTO JX_USER (USERNAME, USERNAME_KEY, DISPLAY_NAME,"
                + " PASSWORD_HASH, ORG_UNIT_ID, ENABLED, MUST_CHANGE_PASSWORD, CREATED_AT, UPDATED_AT)"
                + " VALUES (?, ?, 'x', 'x', ?, TRUE, FALSE, ?, ?)", username, key, orgUnitId, now, now));
    }

    @Test
    void timestampsRoundTripAsUtc() {
        try (MemoryStores.Loan store = TestDb.open()) {
            // An instant inside a daylight-saving fold in many zones; stored as UTC it cannot shift.
            Instant at = Instant.parse("2025-10-26T01:30:00.123Z");
            store.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO JX_AUDIT (OCCURRED_AT, ACTION) VALUES (?, 'test')")) {
                    Jdbc.setInstant(ps, 1, at);
                    return ps.executeUpdate();
                }
            });
            Instant read = store.read(c -> {
                try (var ps = c.prepareStatement("SELECT OCCURRED_AT FROM JX_AUDIT"); var rs = ps.executeQuery()) {
                    rs.next();
                    return Jdbc.getInstant(rs, "OCCURRED_AT");
                }
            });
            assertEquals(at, read);
        }
    }

    @Test
    void likePatternsTakeWildcardsLiterally() {
        assertEquals("%a!%b!_c!!%", Jdbc.containsPattern("a%b_c!"));
    }

    @Test
    void truncationKeepsSurrogatePairsWhole() {
        assertEquals("ab", Jdbc.truncate("ab\uD83D\uDE00", 3));
        assertEquals("abc", Jdbc.truncate("abc", 3));
        assertEquals(null, Jdbc.truncate(null, 3));
    }

    /** The baseline builds what the migrations V1..V13 built: the catalogue was written once from them, replayed. */
    @Test
    void theBaselineBuildsTheSchemaTheHistoryBuilt() throws Exception {
        Catalogue.assertMigratesTo(CoreSchema.OWNER, CoreSchema.migrations(), CoreSchemaTest.class,
                "/catalogue/core.txt");
    }
}
