package org.jixiao.register.internal.sheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/**
 * One cell to write, to .xlsx ({@link SheetWriter}) or CSV ({@link CsvWriter}). Text is the default and
 * the safe choice: an ID number or "0012" stays exactly as given. A typed cell lets Excel sum numbers and
 * sort dates, and tells the CSV writer a leading minus is a sign, not a formula.
 *
 * @param kind  what the text holds
 * @param text  the value in canonical form: a plain decimal for {@link Kind#NUMBER} ("-12.5", never
 *              "1E+3"), "yyyy-MM-dd" for {@link Kind#DATE}, "yyyy-MM-dd HH:mm" or "yyyy-MM-dd HH:mm:ss" for
 *              {@link Kind#DATE_TIME}, "true" / "false" for {@link Kind#BOOLEAN}; the forms
 *              {@link SheetReader} gives back
 * @param error whether to mark the cell as wrong (a pink fill in .xlsx; nothing in CSV)
 */
public record Cell(Kind kind, String text, boolean error) {

    public enum Kind {
        TEXT, NUMBER, DATE, DATE_TIME, BOOLEAN
    }

    public static final Cell BLANK = new Cell(Kind.TEXT, "", false);

    public Cell {
        if (kind == null) {
            throw new IllegalArgumentException("no kind");
        }
        text = text == null ? "" : text;
        if (kind != Kind.TEXT && text.isEmpty()) {
            kind = Kind.TEXT; // an empty typed cell is a blank
        }
        switch (kind) {
            case NUMBER -> text = canonical(new BigDecimal(text));
            case DATE -> date(text);
            case DATE_TIME -> dateTime(text);
            case BOOLEAN -> {
                if (!text.equals("true") && !text.equals("false")) {
                    throw new IllegalArgumentException("not true or false: " + text);
                }
            }
            default -> {
            }
        }
    }

    public static Cell text(String text) {
        return text == null || text.isEmpty() ? BLANK : new Cell(Kind.TEXT, text, false);
    }

    /** A number; null is a blank. Excel keeps 15 significant digits, so an ID is a {@link #text}. */
    public static Cell number(BigDecimal n) {
        return n == null ? BLANK : new Cell(Kind.NUMBER, canonical(n), false);
    }

    public static Cell number(long n) {
        return new Cell(Kind.NUMBER, Long.toString(n), false);
    }

    /** A double by its shortest decimal form (0.1 stays 0.1); NaN and infinities are refused. */
    public static Cell number(double n) {
        if (Double.isNaN(n) || Double.isInfinite(n)) {
            throw new IllegalArgumentException("not a finite number: " + n);
        }
        return number(BigDecimal.valueOf(n));
    }

    public static Cell date(LocalDate d) {
        return d == null ? BLANK : new Cell(Kind.DATE, d.toString(), false);
    }

    /** A moment to the second; written with seconds only when it has some. */
    public static Cell dateTime(LocalDateTime t) {
        if (t == null) {
            return BLANK;
        }
        LocalDateTime s = t.withNano(0);
        String text = s.toLocalDate() + " " + two(s.getHour()) + ":" + two(s.getMinute())
                + (s.getSecond() == 0 ? "" : ":" + two(s.getSecond()));
        return new Cell(Kind.DATE_TIME, text, false);
    }

    public static Cell bool(boolean b) {
        return new Cell(Kind.BOOLEAN, Boolean.toString(b), false);
    }

    /** This cell marked as wrong. */
    public Cell asError() {
        return error ? this : new Cell(kind, text, true);
    }

    public boolean isBlank() {
        return text.isEmpty();
    }

    /** The value of a {@link Kind#DATE_TIME} cell. */
    LocalDateTime dateTimeValue() {
        return dateTime(text);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not yyyy-MM-dd: " + text, e);
        }
    }

    private static LocalDateTime dateTime(String text) {
        try {
            return LocalDateTime.parse(text.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not yyyy-MM-dd HH:mm[:ss]: " + text, e);
        }
    }

    private static String canonical(BigDecimal n) {
        // Far outside a double's range Excel cannot hold it, and toPlainString would spell out every zero.
        if (n.signum() != 0 && (n.precision() - n.scale() > 309 || n.scale() > 400)) {
            throw new IllegalArgumentException("out of Excel's range: " + n);
        }
        return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }
}
