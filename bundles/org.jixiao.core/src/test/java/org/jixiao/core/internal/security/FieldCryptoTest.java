package org.jixiao.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldCryptoTest {

    @TempDir
    Path tmp;

    private FieldCrypto crypto() {
        return new FieldCrypto(tmp.resolve("keys"));
    }

    @Test
    void roundTrip() {
        FieldCrypto c = crypto();
        for (String s : List.of("", "a", "11010519491231002X", "张三 建档立卡贫困户证明 第0042号", "😀 emoji")) {
            String ct = c.encrypt(s);
            assertTrue(ct.startsWith("v1:"), ct);
            assertEquals(s, c.decrypt(ct));
        }
    }

    @Test
    void fileContentRoundTripsAsBytesAndRefusesTampering() {
        FieldCrypto c = crypto();
        byte[] scan = "%PDF-1.7 贫困证明 扫描件".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] sealed = c.encryptFile(scan);
        // version + nonce + content + tag: no base64 for files
        assertEquals(1 + 12 + scan.length + 16, sealed.length);
        assertTrue(!new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1).contains("%PDF"));
        assertArrayEquals(scan, c.decryptFile(sealed));
        assertNotEquals(Arrays.toString(sealed), Arrays.toString(c.encryptFile(scan)));
        for (int i : new int[] {0, 1, 13, sealed.length - 1}) { // version, nonce, content, tag
            byte[] t = sealed.clone();
            t[i] ^= 1;
            assertThrows(IllegalArgumentException.class, () -> c.decryptFile(t), "byte " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> c.decryptFile(new byte[0]));
        assertNull(c.encryptFile(null));
        assertNull(c.decryptFile(null));
    }

    @Test
    void ciphertextDoesNotContainPlaintext() {
        String ct = crypto().encrypt("11010519491231002X");
        assertTrue(!ct.contains("11010519491231002X"));
        // 12 nonce + 18 plaintext + 16 tag
        assertEquals(12 + 18 + 16, Base64.getDecoder().decode(ct.substring(3)).length);
    }

    @Test
    void nullStaysNull() {
        FieldCrypto c = crypto();
        assertNull(c.encrypt(null));
        assertNull(c.decrypt(null));
        assertNull(c.keyedHash("id", null));
    }

    @Test
    void samePlaintextEncryptsDifferently() {
        FieldCrypto c = crypto();
        String a = c.encrypt("同一个值");
        String b = c.encrypt("同一个值");
        assertNotEquals(a, b);
        assertEquals(c.decrypt(a), c.decrypt(b));
    }

    @Test
    void tamperedCiphertextIsRejected() {
        FieldCrypto c = crypto();
        byte[] raw = Base64.getDecoder().decode(c.encrypt("身份证号").substring(3));
        for (int i : new int[] {0, 12, raw.length - 1}) { // nonce, ciphertext, tag
            byte[] t = raw.clone();
            t[i] ^= 1;
            String tampered = "v1:" + Base64.getEncoder().encodeToString(t);
            assertThrows(IllegalArgumentException.class, () -> c.decrypt(tampered));
        }
    }

    @Test
    void malformedCiphertextIsRejected() {
        FieldCrypto c = crypto();
        for (String bad : List.of("", "plain text", "v2:AAAA", "v1:", "v1:AAAA", "v1:***",
                "v1:" + Base64.getEncoder().encodeToString(new byte[27]))) {
            assertThrows(IllegalArgumentException.class, () -> c.decrypt(bad), bad);
        }
    }

    @Test
    void wrongKeyIsRejected() {
        String ct = new FieldCrypto(tmp.resolve("a")).encrypt("秘密");
        FieldCrypto other = new FieldCrypto(tmp.resolve("b"));
        assertThrows(IllegalArgumentException.class, () -> other.decrypt(ct));
    }

    @Test
    void keyIsPersistedAndReloaded() throws IOException {
        Path dir = tmp.resolve("data").resolve("keys");
        FieldCrypto first = new FieldCrypto(dir);
        String ct = first.encrypt("持久化");
        String hash = first.keyedHash("id", "11010519491231002X");
        byte[] file = Files.readAllBytes(dir.resolve("field.key"));

        FieldCrypto second = new FieldCrypto(dir);
        assertEquals("持久化", second.decrypt(ct));
        assertEquals(hash, second.keyedHash("id", "11010519491231002X"));
        assertEquals(new String(file, StandardCharsets.US_ASCII),
                Files.readString(dir.resolve("field.key"), StandardCharsets.US_ASCII), "key file rewritten");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("field.key")), files.toList(), "temp file left behind");
        }
    }

    @Test
    void keyFileAndDirectoryAreOwnerOnly() throws IOException {
        assumeTrue(Files.getFileStore(tmp).supportsFileAttributeView("posix"));
        Path dir = tmp.resolve("keys");
        new FieldCrypto(dir);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("field.key"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }

    @Test
    void existingDirectoryIsUsed() throws IOException {
        Files.createDirectories(tmp.resolve("keys"));
        FieldCrypto c = crypto();
        assertEquals("x", c.decrypt(c.encrypt("x")));
        assertTrue(Files.isRegularFile(tmp.resolve("keys/field.key")));
    }

    @Test
    void malformedKeyFileIsRefusedAndKept() throws IOException {
        String valid = Base64.getEncoder().encodeToString(new byte[32]);
        List<String> contents = List.of(
                "",
                "garbage",
                "aes=" + valid + "\n",                                   // hmac missing
                "hmac=" + valid + "\n",                                  // aes missing
                "aes=not*base64\nhmac=" + valid + "\n",
                "aes=" + Base64.getEncoder().encodeToString(new byte[16]) + "\nhmac=" + valid + "\n", // short
                "version=2\naes=" + valid + "\nhmac=" + valid + "\n");
        int n = 0;
        for (String content : contents) {
            Path dir = tmp.resolve("k" + n++);
            Files.createDirectories(dir);
            Path file = dir.resolve("field.key");
            Files.writeString(file, content);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new FieldCrypto(dir), content);
            assertTrue(e.getMessage().contains("field.key"), e.getMessage());
            assertEquals(content, Files.readString(file), "malformed key file must not be replaced");
        }
    }

    @Test
    void keyFileThatIsADirectoryIsRefused() throws IOException {
        Files.createDirectories(tmp.resolve("keys/field.key"));
        assertThrows(IllegalStateException.class, this::crypto);
    }

    @Test
    void handWrittenKeyFileIsAccepted() throws IOException {
        Path dir = tmp.resolve("manual");
        Files.createDirectories(dir);
        String k = Base64.getEncoder().encodeToString(new byte[32]);
        Files.writeString(dir.resolve("field.key"), "# comment\nversion = 1\naes = " + k + "\nhmac=" + k + "\n");
        FieldCrypto c = new FieldCrypto(dir);
        assertEquals("ok", c.decrypt(c.encrypt("ok")));
    }

    @Test
    void keyedHashIsStableAndDomainSeparated() {
        FieldCrypto c = crypto();
        String a = c.keyedHash("id", "11010519491231002X");
        assertEquals(a, c.keyedHash("id", "11010519491231002X"));
        assertTrue(a.matches("[0-9a-f]{64}"), a);
        assertNotEquals(a, c.keyedHash("phone", "11010519491231002X"));
        assertNotEquals(a, c.keyedHash("id", "11010519491231003X"));
        // The separator keeps the boundary between domain and value unambiguous.
        assertNotEquals(c.keyedHash("ab", "c"), c.keyedHash("a", "bc"));
        assertThrows(IllegalArgumentException.class, () -> c.keyedHash("a\0b", "c"));
        assertThrows(IllegalArgumentException.class, () -> c.keyedHash(null, "c"));
        assertThrows(IllegalArgumentException.class, () -> c.keyedHash("", "c"));
    }

    @Test
    void keyedHashDependsOnTheKey() {
        assertNotEquals(new FieldCrypto(tmp.resolve("a")).keyedHash("id", "x"),
                new FieldCrypto(tmp.resolve("b")).keyedHash("id", "x"));
    }

    @Test
    void keyedHashMatchesHmacSha256Definition() throws Exception {
        Path dir = tmp.resolve("known");
        Files.createDirectories(dir);
        byte[] hmacKey = new byte[32];
        for (int i = 0; i < 32; i++) {
            hmacKey[i] = (byte) i;
        }
        Files.writeString(dir.resolve("field.key"), "aes=" + Base64.getEncoder().encodeToString(new byte[32])
                + "\nhmac=" + Base64.getEncoder().encodeToString(hmacKey) + "\n");
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(hmacKey, "HmacSHA256"));
        String expected = java.util.HexFormat.of().formatHex(mac.doFinal("id\0值".getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, new FieldCrypto(dir).keyedHash("id", "值"));
    }
}
