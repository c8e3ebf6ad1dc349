package org.jixiao.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jixiao.api.Actor;
import org.jixiao.api.AuditLog;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AesFieldCipherTest {

    record Entry(Actor actor, String action, String target, String detail) {
    }

    @TempDir
    Path tmp;

    private final List<Entry> audit = new ArrayList<>();
    private final AuditLog log = new AuditLog() {
        @Override
        public void record(Actor a, String action, String target, String detail) {
            audit.add(new Entry(a, action, target, detail));
        }

        @Override
        public void record(java.sql.Connection c, Actor a, String action, String target, String detail) {
            record(a, action, target, detail);
        }
    };
    private final Actor reader = new Actor(7, "li.si", Set.of(Role.STAFF),
            new OrgUnit(1, null, "320100", "市本级", OrgLevel.CITY, "/1/"), Locale.SIMPLIFIED_CHINESE);

    @Test
    void decryptWritesAuditRecord() {
        AesFieldCipher cipher = new AesFieldCipher(new FieldCrypto(tmp), () -> { }, log);
        String ct = cipher.encrypt("11010519491231002X");
        assertTrue(audit.isEmpty(), "encrypting is not a read");

        assertEquals("11010519491231002X", cipher.decrypt(ct, reader, "youth:42"));
        assertEquals(List.of(new Entry(reader, "sensitive.read", "youth:42", null)), audit);

        cipher.decrypt(ct, reader, "youth:42");
        assertEquals(2, audit.size(), "every read is recorded");
    }

    /** A record's personal fields read together are one read in the audit, and nothing to read is none. */
    @Test
    void valuesReadTogetherAreOneAuditedRead() {
        AesFieldCipher cipher = new AesFieldCipher(new FieldCrypto(tmp), () -> { }, log);
        List<String> sealed = java.util.Arrays.asList(cipher.encrypt("张三"), null, cipher.encrypt("13800138000"));
        assertEquals(java.util.Arrays.asList("张三", null, "13800138000"),
                cipher.decryptAll(sealed, reader, "prevention/youth/7/name,guardianPhone"));
        assertEquals(List.of(new Entry(reader, "sensitive.read", "prevention/youth/7/name,guardianPhone", null)), audit);
        cipher.decryptAll(java.util.Arrays.asList(null, null), reader, "prevention/youth/8/name");
        assertEquals(1, audit.size(), "no value, no read");
    }

    @Test
    void fileContentReadIsAuditedLikeText() {
        AesFieldCipher cipher = new AesFieldCipher(new FieldCrypto(tmp), () -> { }, log);
        byte[] scan = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};
        byte[] sealed = cipher.encryptFile(scan);
        assertTrue(audit.isEmpty(), "encrypting is not a read");
        assertArrayEquals(scan, cipher.decryptFile(sealed, reader, "scholarship/applicants/9/poverty"));
        assertEquals(List.of(new Entry(reader, "sensitive.read", "scholarship/applicants/9/poverty", null)), audit);
    }

    @Test
    void nullCiphertextIsNotARead() {
        AesFieldCipher cipher = new AesFieldCipher(new FieldCrypto(tmp), () -> { }, log);
        assertNull(cipher.decrypt(null, reader, "youth:42"));
        assertTrue(audit.isEmpty());
    }

    @Test
    void failedDecryptionIsNotRecordedAsARead() {
        AesFieldCipher cipher = new AesFieldCipher(new FieldCrypto(tmp), () -> { }, log);
        assertThrows(IllegalArgumentException.class, () -> cipher.decrypt("v1:AAAA", reader, "youth:42"));
        assertTrue(audit.isEmpty());
    }

    @Test
    void auditFailureWithholdsPlaintext() {
        AesFieldCipher cipher = new AesFieldCipher(new FieldCrypto(tmp), () -> { }, new AuditLog() {
            @Override
            public void record(Actor a, String action, String target, String detail) {
                throw new IllegalStateException("audit store down");
            }

            @Override
            public void record(java.sql.Connection c, Actor a, String action, String target, String detail) {
                record(a, action, target, detail);
            }
        });
        String ct = cipher.encrypt("secret");
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(ct, reader, "youth:1"));
    }

    @Test
    void keyedHashDelegates() {
        FieldCrypto crypto = new FieldCrypto(tmp);
        AesFieldCipher cipher = new AesFieldCipher(crypto, () -> { }, log);
        assertEquals(crypto.keyedHash("id", "x"), cipher.keyedHash("id", "x"));
        assertTrue(audit.isEmpty());
    }

    @Test
    void keyDirectoryResolution() {
        assertEquals(Paths.get("/etc/jixiao/keys"),
                AesFieldCipher.keyDirectory(Map.of("jixiao.keys", "/etc/jixiao/keys", "jixiao.data", "/d",
                        "karaf.data", "/k")::get));
        assertEquals(Paths.get("/d/keys"),
                AesFieldCipher.keyDirectory(Map.of("jixiao.data", "/d", "karaf.data", "/k")::get));
        assertEquals(Paths.get("/k/jixiao/keys"), AesFieldCipher.keyDirectory(Map.of("karaf.data", "/k")::get));
        assertEquals(Paths.get("./var/keys"), AesFieldCipher.keyDirectory(Map.<String, String>of()::get));
        assertEquals(Paths.get("./var/keys"), AesFieldCipher.keyDirectory(Map.of("jixiao.keys", " ")::get));
    }
}
