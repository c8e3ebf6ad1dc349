package org.jixiao.api.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Values a numeric field must refuse quickly, as JSON fragments: huge and tiny exponents, digit strings of up to
 * 100,000 characters, other scripts' digits, hex, separators in odd places, special values, and JSON of the wrong
 * kind. The same seed gives the same values, so a failure can be replayed.
 */
public final class MalformedNumbers {

    private static final String[] FIXED = {
        "1e999999999", "-1e999999999", "1e-999999999", "1e20000000", "1E+2147483648", "9e9999", "0.1e-2147483647",
        "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"0x1F\"", "\"1_000\"", "\"١٢٣\"", "\"１２３\"", "\"1,2,3\"",
        "\"1.2.3\"", "\"--1\"", "\"+-1\"", "\".\"", "\"e5\"", "\"1e\"", "\"12元元\"", "\"万\"", "\"\u202E12\"",
        "\"1\u200B2\"", "\"1\\u00002\"", "\" \"", "true", "false", "[]", "{}", "[1,2]", "{\"a\":1}", "[[[[1]]]]",
        "\"1e999999999\"", "\"-0.0000000000000000000000000000000000000000000000001\"",
        "\"12.5万万\"", "\"1e5万\"", "\"0b101\"", "\"1/2\"", "\"½\"", "\"Ⅻ\"",
    };

    /** No digit, sign, point or separator among them: each makes a number malformed wherever it stands. */
    private static final String SYMBOLS = "!#$%&*/:;<=>?@^_`|~ xX元万";

    private MalformedNumbers() {
    }

    /** {@code n} values: the fixed ones first, then random variations of their kinds. */
    public static List<String> values(int n, long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(n);
        for (String f : FIXED) {
            if (out.size() < n) {
                out.add(f);
            }
        }
        while (out.size() < n) {
            out.add(switch (random.nextInt(8)) {
                case 0 -> (random.nextBoolean() ? "-" : "") + "1e" + (random.nextBoolean() ? "-" : "")
                        + (1_000_000 + random.nextInt(Integer.MAX_VALUE - 1_000_000));
                case 1 -> "9".repeat(50 + random.nextInt(100_000));
                case 2 -> "0." + "0".repeat(50 + random.nextInt(50_000)) + "1";
                case 3 -> "\"" + "9".repeat(40 + random.nextInt(60_000)) + "\"";
                case 4 -> "\"" + (random.nextInt(2000) - 1000) + "e" + random.nextInt(Integer.MAX_VALUE) + "\"";
                case 5 -> "\"" + "1,".repeat(1 + random.nextInt(5_000)) + "\"";
                case 6 -> "\"" + Character.toString(0x0660 + random.nextInt(10)) + random.nextInt(1000) + "\"";
                default -> "\"" + random.nextInt(1000) + SYMBOLS.charAt(random.nextInt(SYMBOLS.length()))
                        + random.nextInt(1000) + "\"";
            });
        }
        return out;
    }
}
