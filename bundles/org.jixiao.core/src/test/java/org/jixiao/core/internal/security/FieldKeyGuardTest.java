package org.jixiao.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jixiao.api.AuditLog;
import org.jixiao.api.FieldKeyStatus.State;
import org.jixiao.core.internal.schema.TestDb;
import org.jixiao.store.internal.MemoryStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 10: a lost {@code var/keys} was silent. The node made a new key, reported UP, every record answered
 * 500 and what was written meanwhile stayed unreadable after the old key came back. On a real Derby database and real
 * key files.
 */
class FieldKeyGuardTest {

    @TempDir
    Path keys;
    @TempDir
    Path elsewhere;

    private final MemoryStores.Loan store = TestDb.open();
    private final AuditLog audit = new AuditLog() {
        @Override
        public void record(org.jixiao.api.Actor a, String action, String target, String detail) {
            // reads are audited elsewhere; not what these tests look at
        }

        @Override
        public void record(java.sql.Connection c, org.jixiao.api.Actor a, String action, String target,
                String detail) {
            // as above
        }
    };

    @AfterEach
    void close() {
        store.close();
    }

    private FieldKeyGuard guard() {
        return new FieldKeyGuard(store, keys, Clock.systemUTC());
    }

    private AesFieldCipher cipher(FieldKeyGuard guard) {
        return new AesFieldCipher(guard.crypto(), guard::aboutToUse, audit);
    }

    private Path keyFile() {
        return keys.resolve(FieldCrypto.KEY_FILE);
    }

    private List<Map<String, Object>> fingerprints() {
        return TestDb.rows(store, "SELECT FINGERPRINT FROM JX_FIELD_KEY");
    }

    @Test
    void aLostKeyIsNotReplacedOnceValuesWereEncryptedAndTheOldOneServesThemAgain() throws Exception {
        FieldKeyGuard first = guard();
        assertEquals(State.OK, first.state());
        assertNull(first.problem(Locale.ENGLISH));
        assertEquals(List.of(), fingerprints(), "nothing encrypted yet, nothing to protect");
        String stored = cipher(first).encrypt("11010519491231002X");
        assertEquals(List.of(Map.of("FINGERPRINT", first.crypto().fingerprint())), fingerprints());

        Path backup = elsewhere.resolve("field.key.backup");
        Files.move(keyFile(), backup);
        FieldKeyGuard lost = guard();
        assertEquals(State.MISSING, lost.state());
        assertFalse(Files.exists(keyFile()), "no new key over existing values");
        assertThrows(IllegalStateException.class, lost::crypto, "nothing can encrypt or decrypt");
        String zh = lost.problem(Locale.SIMPLIFIED_CHINESE);
        String en = lost.problem(Locale.ENGLISH);
        assertTrue(zh.contains("缺失") && zh.contains(keyFile().toAbsolutePath().toString()), zh);
        assertTrue(en.contains("missing") && en.contains("Restore the file from backup"), en);

        Files.move(backup, keyFile());
        FieldKeyGuard restored = guard();
        assertEquals(State.OK, restored.state());
        assertEquals("11010519491231002X", cipher(restored).decrypt(stored, null, "youth:1"));
    }

    @Test
    void anotherKeyIsNotUsedOverTheValuesOfTheFirst() throws Exception {
        cipher(guard()).keyedHash("id", "11010519491231002X");
        Path original = elsewhere.resolve("original.key");
        Files.move(keyFile(), original);
        // Another node's key, or one made by a start before this fix.
        new FieldCrypto(elsewhere.resolve("other"));
        Files.copy(elsewhere.resolve("other").resolve(FieldCrypto.KEY_FILE), keyFile());

        FieldKeyGuard other = guard();
        assertEquals(State.DIFFERENT, other.state());
        assertTrue(other.problem(Locale.ENGLISH).contains("not the key"), other.problem(Locale.ENGLISH));
        assertTrue(other.problem(Locale.SIMPLIFIED_CHINESE).contains("不符"));

        Files.move(original, keyFile(), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(State.OK, guard().state());
    }

    @Test
    void anUnreadableKeyFileIsReportedWithWhy() throws Exception {
        Files.writeString(keyFile(), "version=1\naes=short\n");
        FieldKeyGuard guard = guard();
        assertEquals(State.UNREADABLE, guard.state());
        assertTrue(guard.problem(Locale.ENGLISH).contains("malformed"), guard.problem(Locale.ENGLISH));
    }

    @Test
    void aKeyLostBeforeItEncryptedAnythingIsSimplyMadeAgain() throws Exception {
        String before = guard().crypto().fingerprint();
        Files.delete(keyFile());
        FieldKeyGuard again = guard();
        assertEquals(State.OK, again.state());
        assertNotEquals(before, again.crypto().fingerprint());
    }

    /** A database from before fingerprints, that already had users: it may hold encrypted values. */
    @Test
    void aDatabaseFromBeforeFingerprintsTrustsItsKeyOnceAndNeverReplacesAMissingOne() throws Exception {
        store.inTransaction(c -> org.jixiao.core.internal.schema.Jdbc.update(c,
                "INSERT INTO JX_FIELD_KEY (ID, FINGERPRINT, RECORDED_AT) VALUES (1, NULL, CURRENT_TIMESTAMP)"));
        assertEquals(State.MISSING, guard().state());
        assertFalse(Files.exists(keyFile()));

        String fingerprint = new FieldCrypto(keys).fingerprint();
        assertEquals(State.OK, guard().state());
        assertEquals(List.of(Map.of("FINGERPRINT", fingerprint)), fingerprints(), "fingerprinted from now on");
    }
}
