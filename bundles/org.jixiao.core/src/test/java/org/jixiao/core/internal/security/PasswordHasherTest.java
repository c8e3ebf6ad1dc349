package org.jixiao.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    // Low count keeps the suite fast; only productionHasher... runs the real one.
    private final PasswordHasher fast = new PasswordHasher(1_000);

    @Test
    void productionConstantMeetsOwaspMinimum() {
        assertTrue(PasswordHasher.ITERATIONS >= 600_000);
    }

    @Test
    void productionHasherUsesTheConstantAndRoundTrips() {
        PasswordHasher hasher = new PasswordHasher();
        String encoded = hasher.hash("Correct-Horse-9".toCharArray());
        assertTrue(encoded.startsWith("pbkdf2-sha256$" + PasswordHasher.ITERATIONS + "$"), encoded);
        assertTrue(hasher.verify("Correct-Horse-9".toCharArray(), encoded));
        assertFalse(hasher.needsRehash(encoded));
    }

    /** Issue 18: what unknown accounts are verified against, made without a PBKDF2 at start-up. */
    @Test
    void decoyMatchesNoPasswordAndCostsAsMuchAsARealHash() {
        PasswordHasher hasher = new PasswordHasher();
        String decoy = hasher.decoy();
        String[] parts = decoy.split("\\$");
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals(String.valueOf(PasswordHasher.ITERATIONS), parts[1], "verified with the production count");
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
        assertFalse(hasher.needsRehash(decoy), "well-formed and current");
        assertNotEquals(decoy, hasher.decoy(), "a new salt and key each time");
        for (String guess : new String[] {"", "admin", "Tr0ub4dor&3"}) {
            assertFalse(fast.verify(guess.toCharArray(), fast.decoy()));
        }
    }

    @Test
    void encodingHasTheDocumentedShape() {
        String[] parts = fast.hash("secret".toCharArray()).split("\\$");
        assertEquals(4, parts.length);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals("1000", parts[1]);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
    }

    @Test
    void roundTrip() {
        String encoded = fast.hash("Tr0ub4dor&3".toCharArray());
        assertTrue(fast.verify("Tr0ub4dor&3".toCharArray(), encoded));
    }

    @Test
    void roundTripWithChinesePassword() {
        String encoded = fast.hash("绩效考核密码2024!".toCharArray());
        assertTrue(fast.verify("绩效考核密码2024!".toCharArray(), encoded));
        assertFalse(fast.verify("绩效考核密码2025!".toCharArray(), encoded));
    }

    @Test
    void wrongPasswordFails() {
        String encoded = fast.hash("Tr0ub4dor&3".toCharArray());
        assertFalse(fast.verify("Tr0ub4dor&4".toCharArray(), encoded));
        assertFalse(fast.verify("tr0ub4dor&3".toCharArray(), encoded));
        assertFalse(fast.verify(new char[0], encoded));
        assertFalse(fast.verify(null, encoded));
    }

    @Test
    void saltsDiffer() {
        String a = fast.hash("same".toCharArray());
        String b = fast.hash("same".toCharArray());
        assertNotEquals(a, b);
        assertNotEquals(a.split("\\$")[2], b.split("\\$")[2]);
    }

    @Test
    void verifiesWithTheIterationCountStoredInTheHash() {
        String old = new PasswordHasher(500).hash("legacy-Pass1".toCharArray());
        assertTrue(fast.verify("legacy-Pass1".toCharArray(), old));
        assertTrue(fast.needsRehash(old));
        assertFalse(fast.needsRehash(fast.hash("x".toCharArray())));
        assertTrue(new PasswordHasher().needsRehash(fast.hash("x".toCharArray())));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "garbage",
        "pbkdf2-sha256",
        "pbkdf2-sha256$1000$c2FsdA==",
        "pbkdf2-sha1$1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2-sha256$abc$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2-sha256$-5$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2-sha256$+5$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2-sha256$0$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2-sha256$999999999$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2-sha256$99999999999999$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2-sha256$1000$not*base64$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==$not*base64",
        "pbkdf2-sha256$1000$$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2-sha256$1000$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", // 8-byte salt
        "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==$",
        "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=$extra",
    })
    void malformedEncodingsAreRejectedWithoutException(String encoded) {
        assertFalse(fast.verify("anything".toCharArray(), encoded));
        assertTrue(fast.needsRehash(encoded));
    }

    @Test
    void nullEncodingIsRejected() {
        assertFalse(fast.verify("anything".toCharArray(), null));
        assertTrue(fast.needsRehash(null));
    }

    // PBKDF2 output is a prefix stream: without an exact length check a truncated hash would verify.
    @Test
    void truncatedHashIsRejected() {
        String encoded = fast.hash("Tr0ub4dor&3".toCharArray());
        assertFalse(fast.verify("Tr0ub4dor&3".toCharArray(), encoded.substring(0, encoded.length() - 4)));
    }

    @Test
    void weaknessRules() {
        assertEquals(Optional.of("password.tooShort"), PasswordHasher.weakness(null, "zhang"));
        assertEquals(Optional.of("password.tooShort"), PasswordHasher.weakness("", "zhang"));
        assertEquals(Optional.of("password.tooShort"), PasswordHasher.weakness("Ab1!Ab1!a", "zhang"));
        assertEquals(Optional.empty(), PasswordHasher.weakness("Ab1!Ab1!ab", "zhang"));

        assertEquals(Optional.of("password.sameAsUser"), PasswordHasher.weakness("Zhang.San-01", "zhang.san-01"));
        assertEquals(Optional.of("password.sameAsUser"), PasswordHasher.weakness("Admin12345", "admin12345"));

        assertEquals(Optional.of("password.tooSimple"), PasswordHasher.weakness("abcdefghijkl", "zhang"));
        assertEquals(Optional.of("password.tooSimple"), PasswordHasher.weakness("1234567890", "zhang"));
        assertEquals(Optional.of("password.tooSimple"), PasswordHasher.weakness("abcdefgh12", "zhang"));
        assertEquals(Optional.of("password.tooSimple"), PasswordHasher.weakness("ABCDEFGH!!", "zhang"));

        assertEquals(Optional.empty(), PasswordHasher.weakness("abcdefgH12", "zhang"));
        assertEquals(Optional.empty(), PasswordHasher.weakness("abcdefgh1!", "zhang"));
        assertEquals(Optional.empty(), PasswordHasher.weakness("ABCDEFGH1!", null));
        // Chinese characters count as "other".
        assertEquals(Optional.empty(), PasswordHasher.weakness("jixiao2024绩效", "zhang"));
    }

    /** Issue 12, item 3: "Password12" passed every rule, and a guesser tries it among the first. */
    @Test
    void commonPasswordsAreRefusedWhateverTheirCase() {
        for (String common : new String[] {"Password12", "PASSWORD12!", "pAssw0rd123", "Qwerty12345", "Woaini1314!",
                "1qaz@WSX", "Zhangwei2025!", "Admin@12345", "Jixiao@2026"}) {
            assertEquals(Optional.of(common.length() < 10 ? "password.tooShort" : "password.common"),
                    PasswordHasher.weakness(common, "li.si"), common);
        }
        assertTrue(CommonPasswords.size() > 2_000, "a list of a few thousand: " + CommonPasswords.size());
        assertEquals(Optional.empty(), PasswordHasher.weakness("Correct-Horse-9", "li.si"));
    }

    @Test
    void aPasswordHoldingTheUserNameIsRefused() {
        assertEquals(Optional.of("password.containsUser"), PasswordHasher.weakness("Zhang.San2024!", "zhang.san"));
        assertEquals(Optional.of("password.containsUser"), PasswordHasher.weakness("xX-WANG-2026-Xx", "wang"));
        // Two letters are no name a guesser could start from.
        assertEquals(Optional.empty(), PasswordHasher.weakness("Lighthouse-17", "li"));
    }
}
