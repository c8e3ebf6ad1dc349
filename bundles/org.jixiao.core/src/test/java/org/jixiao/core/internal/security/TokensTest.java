package org.jixiao.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void randomIsUrlSafeUnpaddedBase64() {
        String t = Tokens.random(32);
        assertEquals(43, t.length());
        assertTrue(t.matches("[A-Za-z0-9_-]+"), t);
        assertEquals(22, Tokens.random(16).length());
        assertNotEquals(Tokens.random(32), Tokens.random(32));
        assertThrows(IllegalArgumentException.class, () -> Tokens.random(0));
    }

    @Test
    void sha256HexMatchesKnownVectors() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Tokens.sha256Hex(""));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Tokens.sha256Hex("abc"));
    }

    @Test
    void initialPasswordAlwaysPassesWeaknessCheck() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String p = Tokens.initialPassword();
            assertEquals(20, p.length());
            assertEquals(Optional.empty(), PasswordHasher.weakness(p, "admin"), p);
            assertTrue(p.chars().anyMatch(Character::isLowerCase), p);
            assertTrue(p.chars().anyMatch(Character::isUpperCase), p);
            assertTrue(p.chars().anyMatch(Character::isDigit), p);
            assertTrue(seen.add(p), "repeated " + p);
        }
    }

    @Test
    void initialPasswordHasNoLookAlikes() {
        for (int i = 0; i < 1000; i++) {
            String p = Tokens.initialPassword();
            assertTrue(p.chars().allMatch(c -> Tokens.ALPHABET.indexOf(c) >= 0), p);
            assertTrue(p.chars().noneMatch(c -> "0Oo1lI".indexOf(c) >= 0), p);
        }
    }
}
