package org.jixiao.core.internal.questionnaire;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

import org.jixiao.api.questionnaire.QuestionnaireService;

/**
 * One-time codes and response ids, both from a {@link SecureRandom}. A code is
 * {@link QuestionnaireService#CODE_LENGTH} characters of {@link QuestionnaireService#CODE_ALPHABET} (25 letters and
 * digits without look-alikes): 25^12, about 6 × 10^16 codes or 55 bits, so that guessing one of a campaign's few
 * thousand codes is hopeless. Uniqueness is the primary key's: a collision fails the insert, and the caller tries
 * again with fresh codes.
 */
class Codes {

    private static final String ALPHABET = QuestionnaireService.CODE_ALPHABET;
    /** Random bytes of a response id: 128 bits, 32 hex digits. */
    static final int RESPONSE_ID_BYTES = 16;

    private final SecureRandom random;

    Codes() {
        this(new SecureRandom());
    }

    Codes(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A fresh code; unbiased, each character drawn uniformly from the alphabet. */
    String next() {
        char[] out = new char[QuestionnaireService.CODE_LENGTH];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(out);
    }

    /** A response id: random, so that neither it nor the order of ids tells when or from which code a response came. */
    String responseId() {
        byte[] bytes = new byte[RESPONSE_ID_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The random source, for shuffling free texts. */
    SecureRandom random() {
        return random;
    }
}
