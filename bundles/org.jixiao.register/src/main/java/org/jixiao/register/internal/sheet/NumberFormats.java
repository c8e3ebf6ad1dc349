package org.jixiao.register.internal.sheet;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Excel's number formats as far as a reader must know them (is this number a date?) and the day serials
 * both ways. Excel stores a date as a plain number, days since 1900-01-00, and only the cell's number format
 * says it is a date; so a reader that ignores styles turns every birthday into 32874.
 */
final class NumberFormats {

    /** What a number format shows, and so how the reader prints the number. */
    enum Kind {
        NUMBER, DATE, DATE_TIME, TIME, ELAPSED
    }

    /** A number format's kind, and whether it shows seconds. */
    record Shape(Kind kind, boolean seconds) {
        static final Shape NUMBER = new Shape(Kind.NUMBER, false);
    }

    private static final LocalDate BASE_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate BASE_1900_EARLY = LocalDate.of(1899, 12, 31);
    private static final LocalDate BASE_1904 = LocalDate.of(1904, 1, 1);
    private static final LocalDate FIRST_1900 = LocalDate.of(1900, 1, 1);
    private static final LocalDate MARCH_1900 = LocalDate.of(1900, 3, 1);
    private static final long LAST_SERIAL = 2_958_465; // 9999-12-31
    private static final BigDecimal SECONDS_A_DAY = BigDecimal.valueOf(86_400);
    /** Excel shows and calculates with 15 significant digits; more in the file is binary noise. */
    private static final MathContext EXCEL_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);

    private NumberFormats() {
    }

    /**
     * The built-in formats (ECMA-376 part 1, 18.8.30 and the East Asian ids 27-36 and 50-58 Excel uses in
     * zh, ja and ko) that are dates or times. Ids 32-35, 55 and 56 are times in all three locales.
     */
    static Shape builtIn(int id) {
        return switch (id) {
            case 14, 15, 16, 17, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58 -> new Shape(Kind.DATE, false);
            case 22 -> new Shape(Kind.DATE_TIME, false);
            case 18, 20, 32, 34, 55 -> new Shape(Kind.TIME, false);
            case 19, 21, 33, 35, 45, 47, 56 -> new Shape(Kind.TIME, true);
            case 46 -> new Shape(Kind.ELAPSED, true);
            default -> Shape.NUMBER;
        };
    }

    /**
     * The kind of a custom format code, from its first section: letters y, m, d, h, s outside quotes,
     * escapes and brackets make it a date or time; "m" is minutes right after h or before s, else the month;
     * [h], [m] or [s] make it an elapsed time; "General", AM/PM and exponents ("0.0E+00") are not date parts.
     */
    static Shape custom(String code) {
        List<Character> tokens = new ArrayList<>();
        boolean elapsed = false;
        int n = code.length();
        for (int i = 0; i < n; i++) {
            char c = code.charAt(i);
            if (c == ';') {
                break;
            } else if (c == '"') {
                int end = code.indexOf('"', i + 1);
                i = end < 0 ? n : end;
            } else if (c == '\\' || c == '_' || c == '*') {
                i++; // the next character is literal (\x), a space as wide as x (_x), or fill (*x)
            } else if (c == '[') {
                int end = code.indexOf(']', i + 1);
                String inside = (end < 0 ? code.substring(i + 1) : code.substring(i + 1, end)).toLowerCase();
                if (!inside.isEmpty() && inside.chars().allMatch(ch -> ch == 'h' || ch == 'm' || ch == 's')) {
                    elapsed = true;
                    tokens.add(inside.charAt(0));
                }
                i = end < 0 ? n : end;
            } else if (code.regionMatches(true, i, "General", 0, 7)) {
                i += 6;
            } else if (code.regionMatches(true, i, "AM/PM", 0, 5)) {
                i += 4;
            } else if (code.regionMatches(true, i, "A/P", 0, 3)) {
                i += 2;
            } else if ((c == 'E' || c == 'e') && i + 1 < n && (code.charAt(i + 1) == '+' || code.charAt(i + 1) == '-')) {
                i++;
            } else {
                char l = Character.toLowerCase(c);
                boolean part = l == 'y' || l == 'm' || l == 'd' || l == 'h' || l == 's';
                if (part && (i == 0 || Character.toLowerCase(code.charAt(i - 1)) != l)) {
                    tokens.add(l); // "yyyy" is one token
                }
            }
        }
        boolean date = false;
        boolean time = false;
        boolean seconds = false;
        for (int i = 0; i < tokens.size(); i++) {
            char t = tokens.get(i);
            switch (t) {
                case 'y', 'd' -> date = true;
                case 'h' -> time = true;
                case 's' -> {
                    time = true;
                    seconds = true;
                }
                default -> { // 'm'
                    boolean minutes = (i > 0 && tokens.get(i - 1) == 'h')
                            || (i + 1 < tokens.size() && tokens.get(i + 1) == 's');
                    if (minutes) {
                        time = true;
                    } else {
                        date = true;
                    }
                }
            }
        }
        if (elapsed) {
            return new Shape(Kind.ELAPSED, seconds);
        }
        if (date) {
            return new Shape(time ? Kind.DATE_TIME : Kind.DATE, seconds);
        }
        return time ? new Shape(Kind.TIME, seconds) : Shape.NUMBER;
    }

    /**
     * A number as a user sees it in a General cell, without float noise: an integer exactly as stored; a
     * fraction rounded to Excel's 15 significant digits (so a stored 0.30000000000000004 reads "0.3");
     * never in scientific notation. A value outside a double's range is no number Excel wrote; it comes
     * back as stored rather than as a million zeros.
     */
    static String plain(String stored) {
        BigDecimal d;
        try {
            d = new BigDecimal(stored.trim());
        } catch (NumberFormatException e) {
            return stored;
        }
        if (d.signum() == 0) {
            return "0";
        }
        if (d.precision() - d.scale() > 309 || d.scale() > 400) {
            return stored;
        }
        d = d.stripTrailingZeros();
        if (d.scale() > 0 && d.precision() > 15) {
            d = d.round(EXCEL_DIGITS).stripTrailingZeros();
        }
        return d.toPlainString();
    }

    /** A serial number shown in a date or time format, or null if it is no date (negative, past 9999). */
    static String fromSerial(String stored, Shape shape, boolean date1904) {
        BigDecimal serial;
        try {
            serial = new BigDecimal(stored.trim());
        } catch (NumberFormatException e) {
            return null;
        }
        if (serial.signum() < 0 || serial.compareTo(BigDecimal.valueOf(LAST_SERIAL + 1)) >= 0) {
            return null;
        }
        // Round to the second first: 0.99999999 of a day is a time of 24:00 that Excel shows as next day 00:00.
        long totalSeconds = serial.multiply(SECONDS_A_DAY).setScale(0, RoundingMode.HALF_UP).longValueExact();
        long days = totalSeconds / 86_400;
        LocalTime time = LocalTime.ofSecondOfDay(totalSeconds % 86_400);
        String clock = two(time.getHour()) + ":" + two(time.getMinute())
                + (shape.seconds() ? ":" + two(time.getSecond()) : "");
        switch (shape.kind()) {
            case TIME:
                return clock;
            case ELAPSED: {
                long h = totalSeconds / 3600;
                String s = h + ":" + two((totalSeconds / 60) % 60);
                return shape.seconds() ? s + ":" + two(totalSeconds % 60) : s;
            }
            case DATE:
                return date(days, date1904).toString();
            case DATE_TIME:
                return date(days, date1904) + " " + clock;
            default:
                return null;
        }
    }

    private static LocalDate date(long days, boolean date1904) {
        if (date1904) {
            return BASE_1904.plusDays(days);
        }
        // Excel counts the 29 February 1900 that never was (Lotus 1-2-3's bug): serial 60 is that day,
        // and serials below it are a day earlier than the 1899-12-30 base gives. 60 reads as 1900-02-28.
        return days < 60 ? BASE_1900_EARLY.plusDays(days) : BASE_1900.plusDays(days);
    }

    private static String two(long v) {
        return v < 10 ? "0" + v : Long.toString(v);
    }

    /** The 1900-system serial of a day, or -1 before 1900-01-01, which Excel cannot hold as a date. */
    static long serial(LocalDate d) {
        if (d.isBefore(FIRST_1900)) {
            return -1;
        }
        return d.toEpochDay() - (d.isBefore(MARCH_1900) ? BASE_1900_EARLY : BASE_1900).toEpochDay();
    }

    /** The 1900-system serial of a moment, as the text of a cell's value, or null before 1900. */
    static String serial(LocalDateTime t) {
        long day = serial(t.toLocalDate());
        if (day < 0) {
            return null;
        }
        BigDecimal fraction = BigDecimal.valueOf(t.toLocalTime().toSecondOfDay())
                .divide(SECONDS_A_DAY, 10, RoundingMode.HALF_UP);
        return BigDecimal.valueOf(day).add(fraction).stripTrailingZeros().toPlainString();
    }
}
