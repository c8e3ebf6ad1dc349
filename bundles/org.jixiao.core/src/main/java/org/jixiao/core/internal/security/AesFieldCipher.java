package org.jixiao.core.internal.security;

import java.nio.file.Path;
import java.nio.file.Paths;
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
@Component(service = FieldCipher.class)
public final class AesFieldCipher implements FieldCipher {

    static final String READ_ACTION = "sensitive.read";

    private final FieldCrypto crypto;
    private final AuditLog auditLog;

    @Activate
    public AesFieldCipher(@Reference AuditLog auditLog) {
        this(new FieldCrypto(keyDirectory(System::getProperty)), auditLog);
    }

    AesFieldCipher(FieldCrypto crypto, AuditLog auditLog) {
        this.crypto = Objects.requireNonNull(crypto, "crypto");
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

    @Override
    public byte[] encryptFile(byte[] plaintext) {
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
        return crypto.keyedHash(domain, value);
    }
}
