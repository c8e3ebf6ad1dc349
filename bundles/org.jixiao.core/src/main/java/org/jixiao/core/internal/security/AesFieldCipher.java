package org.jixiao.core.internal.security;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jixiao.api.Actor;
import org.jixiao.api.AuditLog;
import org.jixiao.api.FieldCipher;
import org.jixiao.core.internal.schema.NodeFiles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link FieldCipher} service: {@link FieldCrypto} plus the audit line every decryption owes.
 *
 * <p>Key directory: system property {@code jixiao.keys}; else {@code <data>/keys} where {@code <data>} is
 * {@code jixiao.data}, else {@code ${karaf.data}/jixiao}, else {@code ./var}.
 */
// Disabled until the FieldKeyGuard found the key to be the one the stored values were written with.
@Component(service = FieldCipher.class, enabled = false)
public final class AesFieldCipher implements FieldCipher {

    static final String READ_ACTION = "sensitive.read";

    private final FieldCrypto crypto;
    private final Runnable beforeUse;
    private final AuditLog auditLog;

    @Activate
    public AesFieldCipher(@Reference FieldKeyGuard guard, @Reference AuditLog auditLog) {
        this(guard.crypto(), guard::aboutToUse, auditLog);
    }

    /** With {@code beforeUse} run before each encryption or keyed hash (the guard keeps the key's fingerprint). */
    AesFieldCipher(FieldCrypto crypto, Runnable beforeUse, AuditLog auditLog) {
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.beforeUse = Objects.requireNonNull(beforeUse, "beforeUse");
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
    }

    /** Resolves the key directory from the given property lookup (System::getProperty in production). */
    static Path keyDirectory(UnaryOperator<String> properties) {
        String keys = nonBlank(properties.apply("jixiao.keys"));
        if (keys != null) {
            return Paths.get(keys);
        }
        return NodeFiles.dataDirectory(properties).resolve("keys");
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String encrypt(String plaintext) {
        beforeUse.run();
        return crypto.encrypt(plaintext);
    }

    /**
     * Records the read only after decryption succeeded, but before returning: if the audit write fails,
     * the plaintext is not handed out.
     */
    @Override
    public String decrypt(String ciphertext, Actor reader, String target) {
        if (ciphertext == null) {
            return null;
        }
        String plaintext = crypto.decrypt(ciphertext);
        auditLog.record(reader, READ_ACTION, target, null);
        return plaintext;
    }

    /** One audit line for the lot, written before any value is handed out, and only if one was there to read. */
    @Override
    public List<String> decryptAll(List<String> ciphertexts, Actor reader, String target) {
        List<String> out = new ArrayList<>(ciphertexts.size());
        for (String c : ciphertexts) {
            out.add(c == null ? null : crypto.decrypt(c));
        }
        if (out.stream().anyMatch(Objects::nonNull)) {
            auditLog.record(reader, READ_ACTION, target, null);
        }
        return out;
    }

    @Override
    public byte[] encryptFile(byte[] plaintext) {
        beforeUse.run();
        return crypto.encryptFile(plaintext);
    }

    /** As {@link #decrypt(String, Actor, String)}: the read is recorded before the content is handed out. */
    @Override
    public byte[] decryptFile(byte[] ciphertext, Actor reader, String target) {
        if (ciphertext == null) {
            return null;
        }
        byte[] plaintext = crypto.decryptFile(ciphertext);
        auditLog.record(reader, READ_ACTION, target, null);
        return plaintext;
    }

    @Override
    public String keyedHash(String domain, String value) {
        beforeUse.run();
        return crypto.keyedHash(domain, value);
    }
}
