package org.jixiao.core.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random secrets (session ids, API tokens, first passwords) and the digest used to store them. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    // No 0/O/o, 1/l/I: initial passwords are read off paper or a screen and typed by hand.
    static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final String DIGITS = "23456789";
    static final String ALPHABET = LOWER + UPPER + DIGITS;
    static final int INITIAL_PASSWORD_LENGTH = 20;

    private Tokens() {
    }

    /** {@code bytes} random bytes as URL-safe base64 without padding, fit for URLs and cookies. */
    public static String random(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("bytes must be positive: " + bytes);
        }
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * Lower-case hex SHA-256 of the UTF-8 bytes. Random tokens carry enough entropy that an unsalted fast
     * hash suffices to keep a database copy from yielding usable tokens; passwords need {@link PasswordHasher}.
     */
    public static String sha256Hex(String value) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /**
     * A 20-character password without look-alike characters that always has lower case, upper case and
     * a digit, so it passes {@link PasswordHasher#weakness} and the user is not forced to pick again at once.
     */
    public static String initialPassword() {
        char[] p = new char[INITIAL_PASSWORD_LENGTH];
        p[0] = pick(LOWER);
        p[1] = pick(UPPER);
        p[2] = pick(DIGITS);
        for (int i = 3; i < p.length; i++) {
            p[i] = pick(ALPHABET);
        }
        // Fisher-Yates, so the guaranteed classes do not sit at predictable positions.
        for (int i = p.length - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return new String(p);
    }

    private static char pick(String chars) {
        return chars.charAt(RANDOM.nextInt(chars.length()));
    }
}
