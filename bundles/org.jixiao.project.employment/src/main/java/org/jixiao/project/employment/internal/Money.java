package org.jixiao.project.employment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jixiao.api.ValidationException;

/**
 * Amounts of money as the legacy registers keep them: exact {@link BigDecimal} 元 with two decimals, the scale of the
 * {@code DECIMAL(15,2)} columns, parsed exactly, never through a double. (Registers on the engine declare money
 * fields instead, which also take 万元.)
 */
final class Money {

    /** The unit an amount is typed or shown in. */
    enum Unit {
        /** 元, at most two decimals (fen). */
        YUAN(2, 0);

        final int maxDecimals;
        /** Powers of ten from this unit to 元. */
        final int toYuan;

        Unit(int maxDecimals, int toYuan) {
            this.maxDecimals = maxDecimals;
            this.toYuan = toYuan;
        }
    }

    /** The largest amount a {@code DECIMAL(15,2)} column holds; anything above is a typing error, never a loan. */
    static final BigDecimal MAX_YUAN = new BigDecimal("9999999999999.99");
    /** Longer text is refused before any parsing, so no input can make the parser work hard. */
    static final int MAX_LENGTH = 30;

    static final String INVALID = "money.invalid";
    static final String NEGATIVE = "money.negative";
    static final String ZERO = "money.zero";
    static final String DECIMALS_YUAN = "money.decimals.yuan";
    static final String TOO_LARGE = "money.tooLarge";

    // Plain digits, or digits grouped by commas as bank statements print them; an optional fraction.
    private static final Pattern NUMBER = Pattern.compile("(\\d+|\\d{1,3}(,\\d{3})+)(\\.\\d+)?");

    private Money() {
    }

    /**
     * The amount in 元 (scale 2) typed in {@code unit}; null when blank (the caller decides whether it is required)
     * or wrong, in which case the problem is added to {@code errors} under {@code field}.
     *
     * @param positive whether zero is refused too
     */
    static BigDecimal parse(String raw, Unit unit, boolean positive, String field,
            ValidationException.Collector errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        if (s.length() > MAX_LENGTH) {
            errors.add(field, s.matches("-?[\\d,.]+") ? TOO_LARGE : INVALID);
            return null;
        }
        boolean negative = s.startsWith("-");
        String digits = negative ? s.substring(1) : s;
        if (!NUMBER.matcher(digits).matches()) {
            // NaN, Infinity, 1e5, 0x10, "12元", "+5", ".5" and "5." all end here.
            errors.add(field, INVALID);
            return null;
        }
        BigDecimal typed = new BigDecimal(digits.replace(",", ""));
        if (negative && typed.signum() != 0) {
            errors.add(field, NEGATIVE);
            return null;
        }
        int dot = digits.indexOf('.');
        if (dot >= 0 && digits.length() - dot - 1 > unit.maxDecimals) {
            errors.add(field, DECIMALS_YUAN);
            return null;
        }
        BigDecimal yuan = typed.movePointRight(unit.toYuan).setScale(2, RoundingMode.UNNECESSARY);
        if (yuan.compareTo(MAX_YUAN) > 0) {
            errors.add(field, TOO_LARGE);
            return null;
        }
        if (positive && yuan.signum() == 0) {
            errors.add(field, ZERO);
            return null;
        }
        return yuan;
    }

    /** The exact amount as a form shows it back: "12345.67", no grouping. */
    static String plain(BigDecimal yuan, Unit unit) {
        return yuan == null ? null : yuan.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** Grouped number for lists: "12,345.67". */
    static String number(BigDecimal yuan, Unit unit) {
        BigDecimal v = yuan;
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(v.setScale(2, RoundingMode.HALF_UP));
    }
}
