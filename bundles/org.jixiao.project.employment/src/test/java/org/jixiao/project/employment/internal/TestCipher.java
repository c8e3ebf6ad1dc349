package org.jixiao.project.employment.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jixiao.api.Actor;
import org.jixiao.api.AuditLog;
import org.jixiao.api.FieldCipher;

/** Real AES-GCM and HMAC-SHA256 with throwaway keys, auditing reads like the core's cipher does. */
final class TestCipher implements FieldCipher {

    static final String READ_ACTION = "sensitive.read";

    private final SecureRandom random = new SecureRandom();
    private final SecretKey aes;
    private final SecretKey hmac;
    private final AuditLog audit;
    final AtomicInteger decrypts = new AtomicInteger();
    /** Runs inside {@link #encrypt}, i.e. between the duplicate check and the write; lets a test stage a race. */
    volatile Runnable onEncrypt = () -> { };

    TestCipher(AuditLog audit) {
        this.audit = audit;
        try {
            KeyGenerator gen = KeyGenerator.getInstance("AES");
            gen.init(256);
            aes = gen.generateKey();
            byte[] mac = new byte[32];
            random.nextBytes(mac);
            hmac = new SecretKeySpec(mac, "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String encrypt(String plaintext) {
        Runnable hook = onEncrypt;
        onEncrypt = () -> { };
        hook.run();
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, aes, new GCMParameterSpec(128, nonce));
            byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + ct.length).put(nonce).put(ct).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String decrypt(String ciphertext, Actor reader, String target) {
        try {
            byte[] all = Base64.getDecoder().decode(ciphertext.substring(3));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, aes, new GCMParameterSpec(128, all, 0, 12));
            String plain = new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
            decrypts.incrementAndGet();
            audit.record(reader, READ_ACTION, target, null);
            return plain;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String keyedHash(String domain, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hmac);
            mac.update(domain.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
