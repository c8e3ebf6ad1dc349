package org.jixiao.core.internal.questionnaire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.questionnaire.AnswerService;
import org.jixiao.api.questionnaire.QuestionnaireService;
import org.junit.jupiter.api.Test;

class CodesTest {

    private final Codes codes = new Codes();

    @Test
    void codesAreTwelveCharactersOfTheAlphabetWithoutLookAlikes() {
        String alphabet = QuestionnaireService.CODE_ALPHABET;
        for (char ch : "0O1IL2Z5S8B".toCharArray()) {
            assertEquals(-1, alphabet.indexOf(ch), "look-alike " + ch);
        }
        Set<String> seen = new HashSet<>();
        Map<Character, Integer> counts = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            String code = codes.next();
            assertEquals(QuestionnaireService.CODE_LENGTH, code.length());
            assertTrue(QuestionnaireService.CODE_LENGTH >= 10);
            for (char ch : code.toCharArray()) {
                assertTrue(alphabet.indexOf(ch) >= 0, code);
                counts.merge(ch, 1, Integer::sum);
            }
            assertTrue(seen.add(code), "duplicate " + code);
            // What a respondent would type comes back the same.
            assertEquals(code, AnswerService.normalise(code.toLowerCase().substring(0, 4) + "-" + code.substring(4)));
        }
        // Every character of the alphabet turns up, none wildly more than another (120,000 draws, 4,800 each).
        assertEquals(alphabet.length(), counts.size());
        counts.values().forEach(n -> assertTrue(n > 4_000 && n < 5_600, counts.toString()));
    }

    @Test
    void responseIdsAre32RandomHexDigits() {
        String a = codes.responseId();
        String b = codes.responseId();
        assertTrue(a.matches("[0-9a-f]{32}"), a);
        assertNotEquals(a, b);
    }
}
