package org.jixiao.project.employment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jixiao.api.ValidationException;

/**
 * Amounts of money as the registers keep them: exact {@link BigDecimal} 元 with two decimals, the scale of the
 * {@code DECIMAL(15,2)} columns. Forms take 元 or 万元 (banks report loans in 万元); both are parsed exactly, never
 * through a double, and converted to 元 by moving the decimal point, so 1.234567 万元 is 12,345.67 元 to the fen.
 */
final class Money {

    /** The unit an amount is typed or shown in. */
    enum Unit {
        /** 元, at most two decimals (fen). */
        YUAN(2, 0),
        /** 万元, at most six decimals, which is again a whole fen. */
        WANYUAN(6, 4);

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
    static final String DECIMALS_WANYUAN = "money.decimals.wanyuan";
    static final String TOO_LARGE = "money.tooLarge";

    // Plain digits, or digits grouped by commas as bank statements print them; an optional fraction.
    private static final Pattern NUMBER = Pattern.compile("(\\d+|\\d{1,3}(,\\d{3})+)(\\.\\d+)?");
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

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
            errors.add(field, unit == Unit.YUAN ? DECIMALS_YUAN : DECIMALS_WANYUAN);
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

    /** Exact 万元 of an amount in 元, without trailing zeros (12,000.00 元 is 1.2, 20,000,000 元 is 2000). */
    static BigDecimal toWanyuan(BigDecimal yuan) {
        BigDecimal w = yuan.movePointLeft(4).stripTrailingZeros();
        return w.scale() < 0 ? w.setScale(0) : w;
    }

    /** The exact amount as a form shows it back, in {@code unit}: "12345.67" 元, "1.234567" 万元, no grouping. */
    static String plain(BigDecimal yuan, Unit unit) {
        if (yuan == null) {
            return null;
        }
        return unit == Unit.YUAN ? yuan.setScale(2, RoundingMode.UNNECESSARY).toPlainString()
                : toWanyuan(yuan).toPlainString();
    }

    /** Grouped number in {@code unit} for lists: "12,345.67" 元; "1.23" 万元 (rounded half up to the hundredth). */
    static String number(BigDecimal yuan, Unit unit) {
        BigDecimal v = unit == Unit.YUAN ? yuan : yuan.divide(TEN_THOUSAND);
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(v.setScale(2, RoundingMode.HALF_UP));
    }

    /** "12,345.67 元". */
    static String yuan(BigDecimal yuan) {
        return number(yuan, Unit.YUAN) + " 元";
    }

    /** "1.23 万元". */
    static String wanyuan(BigDecimal yuan) {
        return number(yuan, Unit.WANYUAN) + " 万元";
    }
}
