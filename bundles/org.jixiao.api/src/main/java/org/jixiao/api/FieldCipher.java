package org.jixiao.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

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
     * Decrypts several values one reader reads at once (the personal fields of a record) and writes one audit line for
     * them all, naming the reader and the target; a null stays null. The default decrypts them one by one, a line
     * each; the node's cipher writes the one line, so a list of records costs a line a record, not one a field.
     *
     * @since 2.4
     */
    default List<String> decryptAll(List<String> ciphertexts, Actor reader, String target) {
        List<String> out = new ArrayList<>(ciphertexts.size());
        for (String c : ciphertexts) {
            out.add(c == null ? null : decrypt(c, reader, target));
        }
        return out;
    }

    /**
     * A keyed hash (HMAC-SHA256) of the normalised value, stable across calls, for duplicate detection
     * without decrypting. {@code domain} separates hashes of different kinds of values.
     */
    String keyedHash(String domain, String value);

    /**
     * A file's content, encrypted as {@link #encrypt(String)} encrypts text. This default goes through text; the
     * node's cipher overrides it to skip the base64 round trip.
     */
    default byte[] encryptFile(byte[] plaintext) {
        return plaintext == null ? null
                : encrypt(Base64.getEncoder().encodeToString(plaintext)).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Decrypts what {@link #encryptFile(byte[])} gave and audits the read, as {@link #decrypt(String, Actor, String)}
     * does.
     */
    default byte[] decryptFile(byte[] ciphertext, Actor reader, String target) {
        return ciphertext == null ? null
                : Base64.getDecoder().decode(decrypt(new String(ciphertext, StandardCharsets.US_ASCII), reader, target));
    }
}
