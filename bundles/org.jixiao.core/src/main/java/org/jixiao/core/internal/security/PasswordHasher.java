package org.jixiao.core.internal.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password storage with PBKDF2-HMAC-SHA256. The encoding carries its own iteration count and salt, so
 * the count can be raised later and old hashes still verify (and are flagged by {@link #needsRehash}).
 *
 * <p>Format: {@code pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>}.
 */
public final class PasswordHasher {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 600_000;

    static final String ALGORITHM_ID = "pbkdf2-sha256";
    static final int SALT_BYTES = 16;
    static final int KEY_BYTES = 32;
    static final int MIN_PASSWORD_LENGTH = 10;
    static final int MIN_CONTAINED_USERNAME = 3;

    // Stored hashes are trusted input only up to a point: a doctored row must not pin a CPU for minutes.
    private static final int MAX_ITERATIONS = 10_000_000;

    private static final String JCA_ALGORITHM = "PBKDF2WithHmacSHA256";

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher() {
        this(ITERATIONS);
    }

    /** Only tests should lower the count; production must use {@link #ITERATIONS}. */
    PasswordHasher(int iterations) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations out of range: " + iterations);
        }
        this.iterations = iterations;
    }

    public String hash(char[] password) {
        if (password == null) {
            throw new IllegalArgumentException("password is required");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] key = derive(password, salt, iterations, KEY_BYTES);
        Base64.Encoder b64 = Base64.getEncoder();
        return ALGORITHM_ID + '$' + iterations + '$' + b64.encodeToString(salt) + '$' + b64.encodeToString(key);
    }

    /**
     * A stored hash that no password matches, of the same form and iteration count as {@link #hash}: verifying
     * against it costs what verifying a real one does, and making it derives nothing (a random salt and random key
     * bytes), so that a service holding one for unknown accounts does not spend a PBKDF2 on starting.
     */
    public String decoy() {
        byte[] salt = new byte[SALT_BYTES];
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(salt);
        random.nextBytes(key);
        Base64.Encoder b64 = Base64.getEncoder();
        return ALGORITHM_ID + '$' + iterations + '$' + b64.encodeToString(salt) + '$' + b64.encodeToString(key);
    }

    /** False for a wrong password and for anything that is not a well-formed hash; never throws on input. */
    public boolean verify(char[] password, String encoded) {
        if (password == null) {
            return false;
        }
        Parsed p = parse(encoded);
        if (p == null) {
            return false;
        }
        byte[] actual = derive(password, p.salt, p.iterations, p.hash.length);
        return MessageDigest.isEqual(actual, p.hash);
    }

    /**
     * True when the hash was made with fewer iterations than this hasher uses (or cannot be read), so the
     * caller should store a fresh hash after the next successful login.
     */
    public boolean needsRehash(String encoded) {
        Parsed p = parse(encoded);
        return p == null || p.iterations < iterations;
    }

    /**
     * The first reason {@code password} is too weak, as a message key, or empty when acceptable:
     * {@code password.tooShort}, {@code password.sameAsUser}, {@code password.containsUser},
     * {@code password.tooSimple} (fewer than three of lower case, upper case, digit, other) or
     * {@code password.common} (in the list of common passwords, whatever its case).
     */
    public static Optional<String> weakness(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            return Optional.of("password.tooShort");
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        String user = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!user.isEmpty() && lower.equals(user)) {
            return Optional.of("password.sameAsUser");
        }
        // The user name is the first thing a guesser who knows it tries, with digits around it. Two letters would
        // refuse half of all passwords for nothing; three already name somebody ("li1", "wang").
        if (user.length() >= MIN_CONTAINED_USERNAME && lower.contains(user)) {
            return Optional.of("password.containsUser");
        }
        boolean lowerCase = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); ) {
            int cp = password.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLowerCase(cp)) {
                lowerCase = true;
            } else if (Character.isUpperCase(cp)) {
                upper = true;
            } else if (Character.isDigit(cp)) {
                digit = true;
            } else {
                other = true;
            }
        }
        int classes = (lowerCase ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        if (classes < 3) {
            return Optional.of("password.tooSimple");
        }
        return CommonPasswords.contains(password) ? Optional.of("password.common") : Optional.empty();
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int keyBytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, keyBytes * 8);
        try {
            return SecretKeyFactory.getInstance(JCA_ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // Every Java 17 runtime ships this algorithm; its absence is a broken JVM, not bad input.
            throw new IllegalStateException(JCA_ALGORITHM + " unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static Parsed parse(String encoded) {
        if (encoded == null) {
            return null;
        }
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 4 || !ALGORITHM_ID.equals(parts[0])) {
            return null;
        }
        try {
            // Digits only: Integer.parseInt would also take a sign.
            if (parts[1].isEmpty() || parts[1].length() > 9 || !parts[1].chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            // Exact hash length: PBKDF2 output is a prefix stream, so a truncated stored hash would still
            // verify against its own shorter derivation and silently weaken the check.
            if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length < SALT_BYTES || hash.length != KEY_BYTES) {
                return null;
            }
            return new Parsed(iterations, salt, hash);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }
}
