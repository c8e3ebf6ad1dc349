package org.jixiao.api.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jixiao.api.Actor;
import org.jixiao.api.FieldCipher;

/**
 * A field cipher for tests: reversible and visibly not the plaintext (reversed Base64), a hash that tells values
 * apart. The node's cipher is AES-GCM with an HMAC; tests of what is stored where need only tell cipher from clear.
 */
public class ReversibleCipher implements FieldCipher {

    @Override
    public String encrypt(String plaintext) {
        return new StringBuilder(Base64.getEncoder().encodeToString(plaintext.getBytes(StandardCharsets.UTF_8)))
                .reverse().toString();
    }

    @Override
    public String decrypt(String ciphertext, Actor reader, String target) {
        return new String(Base64.getDecoder().decode(new StringBuilder(ciphertext).reverse().toString()),
                StandardCharsets.UTF_8);
    }

    @Override
    public String keyedHash(String domain, String value) {
        return Long.toHexString(((long) domain.hashCode() << 32) ^ value.hashCode());
    }
}
