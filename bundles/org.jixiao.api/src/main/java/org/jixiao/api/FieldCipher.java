package org.jixiao.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Per-field encryption of sensitive personal data (ID numbers, poverty certificates, key-youth records).
 * The key lives apart from the database, so a copy of the database alone reveals nothing.
 */
@ProviderType
public interface FieldCipher {

    /** AES-GCM with a fresh nonce; the same plaintext encrypts differently every time. */
    String encrypt(String plaintext);

    /** Decrypts and writes an audit line naming the reader and the target, as every read must. */
    String decrypt(String ciphertext, Actor reader, String target);

    /**
     * A keyed hash (HMAC-SHA256) of the normalised value, stable across calls, for duplicate detection
     * without decrypting. {@code domain} separates hashes of different kinds of values.
     */
    String keyedHash(String domain, String value);
}
