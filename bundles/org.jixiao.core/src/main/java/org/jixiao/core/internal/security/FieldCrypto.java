package org.jixiao.core.internal.security;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Field encryption (AES-256-GCM) and keyed hashing (HMAC-SHA256) with keys kept in a file outside the
 * database, so a database dump alone reveals nothing.
 *
 * <p>The key file is created on first start. Once it exists it is never rewritten: a regenerated key
 * would make every value already encrypted unreadable, so a damaged file stops the start instead.
 */
public final class FieldCrypto {

    public static final String KEY_FILE = "field.key";
    static final String VERSION_PREFIX = "v1:";
    static final byte BYTES_VERSION = 1;

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final String MAC_ALGORITHM = "HmacSHA256";

    private static final Set<PosixFilePermission> DIR_PERMISSIONS = PosixFilePermissions.fromString("rwx------");

    private final SecureRandom random = new SecureRandom();
    private final SecretKey aesKey;
    private final SecretKey hmacKey;
    private final Path keyFile;

    /**
     * Loads {@code field.key} from {@code keyDirectory}, creating directory and key on first start.
     *
     * @throws IllegalStateException when the key file exists but cannot be read or is malformed
     */
    public FieldCrypto(Path keyDirectory) {
        this.keyFile = keyDirectory.resolve(KEY_FILE);
        byte[][] keys;
        try {
            // NOFOLLOW_LINKS: a dangling symlink must count as present and fail loudly, not be replaced.
            keys = Files.exists(keyFile, LinkOption.NOFOLLOW_LINKS) ? null : create(keyDirectory, keyFile);
            if (keys == null) {
                keys = load(keyFile);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the field encryption key " + keyFile + ": " + e, e);
        }
        this.aesKey = new SecretKeySpec(keys[0], "AES");
        this.hmacKey = new SecretKeySpec(keys[1], MAC_ALGORITHM);
        Arrays.fill(keys[0], (byte) 0);
        Arrays.fill(keys[1], (byte) 0);
    }

    /**
     * A SHA-256 of both keys, kept in the database to tell a lost or swapped key file from the right one. One-way over
     * 512 random bits: it tells nothing of the keys.
     */
    public String fingerprint() {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update("jixiao field key v1".getBytes(StandardCharsets.US_ASCII));
            digest.update(aesKey.getEncoded());
            digest.update(hmacKey.getEncoded());
            return HexFormat.of().formatHex(digest.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Where the key lives, for operators' messages (back it up with the database, store it apart). */
    public Path keyFile() {
        return keyFile;
    }

    /** {@code v1:} + base64(nonce ‖ ciphertext ‖ tag); null stays null. */
    public String encrypt(String plaintext) {
        return plaintext == null ? null
                : VERSION_PREFIX + Base64.getEncoder().encodeToString(seal(plaintext.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The plaintext of a value from {@link #encrypt}; null stays null.
     *
     * @throws IllegalArgumentException when the value is not in the expected format, was altered, or was
     *                                  encrypted with another key
     */
    public String decrypt(String token) {
        if (token == null) {
            return null;
        }
        if (!token.startsWith(VERSION_PREFIX)) {
            throw new IllegalArgumentException("not an encrypted field value (expected " + VERSION_PREFIX + "...)");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(token.substring(VERSION_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encrypted field value is not valid base64", e);
        }
        return new String(open(data), StandardCharsets.UTF_8);
    }

    /**
     * A file's content: version byte 1, nonce, ciphertext and tag, with no base64 (files are kept as bytes).
     * Null stays null.
     */
    public byte[] encryptFile(byte[] plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] sealed = seal(plaintext);
        byte[] out = new byte[1 + sealed.length];
        out[0] = BYTES_VERSION;
        System.arraycopy(sealed, 0, out, 1, sealed.length);
        return out;
    }

    /** The content {@link #encryptFile(byte[])} sealed; null stays null. Throws as {@link #decrypt(String)}. */
    public byte[] decryptFile(byte[] sealed) {
        if (sealed == null) {
            return null;
        }
        if (sealed.length == 0 || sealed[0] != BYTES_VERSION) {
            throw new IllegalArgumentException("not encrypted file content (expected version " + BYTES_VERSION + ")");
        }
        return open(Arrays.copyOfRange(sealed, 1, sealed.length));
    }

    /** nonce ‖ ciphertext ‖ tag, with a fresh nonce. */
    private byte[] seal(byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            // A Cipher is stateful and not thread-safe; creating one per call is cheap next to the I/O around it.
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, out, NONCE_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    private byte[] open(byte[] data) {
        if (data.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("encrypted field value is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, aesKey, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            return cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("encrypted field value was altered or encrypted with another key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    /**
     * Lower-case hex HMAC-SHA256 over {@code domain + '\0' + value}; null value gives null. The domain keeps
     * equal values of different kinds (an ID number and a phone number, say) from matching.
     */
    public String keyedHash(String domain, String value) {
        if (domain == null || domain.isEmpty() || domain.indexOf('\0') >= 0) {
            // A NUL inside the domain would let two (domain, value) pairs produce the same input.
            throw new IllegalArgumentException("domain must be non-empty and free of NUL characters");
        }
        if (value == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance(MAC_ALGORITHM);
            mac.init(hmacKey);
            mac.update(domain.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 failed", e);
        }
    }

    private static byte[][] load(Path keyFile) throws IOException {
        Properties props = new Properties();
        props.load(new StringReader(Files.readString(keyFile, StandardCharsets.UTF_8)));
        String version = props.getProperty("version");
        if (version != null && !"1".equals(version.strip())) {
            throw malformed(keyFile, "unsupported version " + version.strip());
        }
        return new byte[][] {decodeKey(keyFile, props, "aes"), decodeKey(keyFile, props, "hmac")};
    }

    private static byte[] decodeKey(Path keyFile, Properties props, String name) {
        String value = props.getProperty(name);
        if (value == null || value.isBlank()) {
            throw malformed(keyFile, "missing '" + name + "'");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw malformed(keyFile, "'" + name + "' is not base64");
        }
        if (key.length != KEY_BYTES) {
            throw malformed(keyFile, "'" + name + "' must be " + KEY_BYTES + " bytes, is " + key.length);
        }
        return key;
    }

    private static IllegalStateException malformed(Path keyFile, String why) {
        return new IllegalStateException("field encryption key file " + keyFile + " is malformed (" + why
                + "). Refusing to start: generating a new key would make every encrypted value unreadable."
                + " Restore the file from backup.");
    }

    /** The new keys, or null when another process created the file first. */
    private byte[][] create(Path dir, Path keyFile) throws IOException {
        boolean posix = Files.getFileStore(existingAncestor(dir)).supportsFileAttributeView("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_PERMISSIONS));
                // createDirectories applies the umask; make sure the key directory really is owner-only.
                Files.setPosixFilePermissions(dir, DIR_PERMISSIONS);
            } else {
                Files.createDirectories(dir);
            }
        }
        byte[] aes = new byte[KEY_BYTES];
        byte[] hmac = new byte[KEY_BYTES];
        random.nextBytes(aes);
        random.nextBytes(hmac);
        Base64.Encoder b64 = Base64.getEncoder();
        String content = "# Jixiao field encryption keys. Back this file up, and keep it apart from the database:\n"
                + "# without it, encrypted fields cannot be read; with the database, they can.\n"
                + "version=1\n"
                + "aes=" + b64.encodeToString(aes) + "\n"
                + "hmac=" + b64.encodeToString(hmac) + "\n";
        // Another start may create it meanwhile; theirs may already be in use, so use it, never replace it.
        if (!OwnerOnlyFiles.write(keyFile, content.getBytes(StandardCharsets.US_ASCII), false)) {
            return null;
        }
        return new byte[][] {aes, hmac};
    }

    private static Path existingAncestor(Path dir) {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no existing ancestor of " + dir);
        }
        return p;
    }
}
