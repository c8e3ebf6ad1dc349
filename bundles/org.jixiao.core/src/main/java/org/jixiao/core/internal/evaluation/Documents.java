package org.jixiao.core.internal.evaluation;

import java.util.ArrayList;
import java.util.List;

import org.jixiao.api.assessment.EvaluationInput;
import org.jixiao.api.assessment.EvaluationResult;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * A run's input snapshot and result as JSON, and the pieces they are stored in. Gson writes a BigDecimal with
 * its {@code toString()} and reads it back with {@code new BigDecimal(String)}, so values come back with the
 * same scale ({@code 85.00} stays {@code 85.00}, {@code 2.2E+2} stays {@code 2.2E+2}) and a snapshot read back
 * equals the input it was written from; records are written and read through their components.
 */
final class Documents {

    /** Pieces are at most this many UTF-16 units: within a portable VARCHAR(4000) on Derby and PostgreSQL. */
    static final int PIECE_MAX = 4000;

    static final String INPUT = "INPUT";
    static final String RESULT = "RESULT";

    // Thread-safe once built. Nulls are written so that a stored snapshot reads the same to a person.
    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private Documents() {
    }

    static String toJson(EvaluationInput input) {
        return GSON.toJson(input);
    }

    static String toJson(EvaluationResult result) {
        return GSON.toJson(result);
    }

    static EvaluationInput input(String json) {
        return GSON.fromJson(json, EvaluationInput.class);
    }

    static EvaluationResult result(String json) {
        return GSON.fromJson(json, EvaluationResult.class);
    }

    /** {@code text} in pieces of at most {@link #PIECE_MAX} units, never splitting a surrogate pair. */
    static List<String> pieces(String text) {
        List<String> out = new ArrayList<>(text.length() / PIECE_MAX + 1);
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + PIECE_MAX);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            out.add(text.substring(start, end));
            start = end;
        }
        if (out.isEmpty()) {
            out.add("");
        }
        return out;
    }
}
