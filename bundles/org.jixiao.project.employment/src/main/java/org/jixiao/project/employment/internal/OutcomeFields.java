package org.jixiao.project.employment.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jixiao.api.ValidationException;

/**
 * Field rules that the outcome, incubation base, YBC and award registers share beyond {@link ProjectValidator}:
 * bounded text, a record's year, a date inside that year. Each adds at most one error per field and returns null
 * for a wrong value, so a caller builds its record only when no field failed.
 */
final class OutcomeFields {

    private OutcomeFields() {
    }

    /** Required text of at most {@code max} code points, stripped. */
    static String required(String raw, int max, String field, String requiredKey, String tooLongKey,
            ValidationException.Collector errors) {
        String s = raw == null ? null : raw.strip();
        if (s == null || s.isEmpty()) {
            errors.add(field, requiredKey);
            return null;
        }
        return bounded(s, max, field, tooLongKey, errors);
    }

    /** Optional text of at most {@code max} code points, stripped; null when blank. */
    static String optional(String raw, int max, String field, String tooLongKey, ValidationException.Collector errors) {
        String s = raw == null ? null : raw.strip();
        if (s == null || s.isEmpty()) {
            return null;
        }
        return bounded(s, max, field, tooLongKey, errors);
    }

    private static String bounded(String s, int max, String field, String tooLongKey,
            ValidationException.Collector errors) {
        if (s.codePointCount(0, s.length()) > max) {
            errors.add(field, tooLongKey);
            return null;
        }
        return s;
    }

    /**
     * The year a record belongs to: from {@link ProjectValidator#EARLIEST} to the current year; the current year
     * when blank. A year still to come has no records yet.
     */
    static Integer year(String raw, LocalDate today, String field, String invalidKey,
            ValidationException.Collector errors) {
        if (ProjectValidator.blank(raw)) {
            return today.getYear();
        }
        String s = raw.strip();
        if (!s.matches("\\d{4}")) {
            errors.add(field, invalidKey);
            return null;
        }
        int y = Integer.parseInt(s);
        if (y < ProjectValidator.EARLIEST.getYear() || y > today.getYear()) {
            errors.add(field, invalidKey);
            return null;
        }
        return y;
    }

    /**
     * A required date, not in the future, in {@code year} when the year is known (null: the year itself was wrong
     * and its error is shown instead, or was left blank: see {@link #yearOf}).
     */
    static LocalDate dateInYear(String raw, Integer year, LocalDate today, String field, String invalidKey,
            String futureKey, String tooEarlyKey, String outsideYearKey, ValidationException.Collector errors) {
        LocalDate d = ProjectValidator.date(raw, null, today, errors, field, invalidKey, futureKey, tooEarlyKey);
        if (d != null && year != null && d.getYear() != year) {
            errors.add(field, outsideYearKey);
            return null;
        }
        return d;
    }

    /**
     * The year of a dated record: the one entered, or when left blank the year of its (valid) date, so that a JSON
     * client sending only the date is not held to the current year.
     */
    static Integer yearOf(String rawYear, Integer entered, LocalDate date) {
        if (ProjectValidator.blank(rawYear)) {
            return date == null ? null : date.getYear();
        }
        return entered;
    }

    /** The year entered, null when blank (then {@link #yearOf} takes it from the date). */
    static Integer enteredYear(String raw, LocalDate today, String field, String invalidKey,
            ValidationException.Collector errors) {
        return ProjectValidator.blank(raw) ? null : year(raw, today, field, invalidKey, errors);
    }

    /**
     * A positive decimal of at most {@code integerDigits} digits before the point and two after; null when blank.
     * Commas and spaces are refused rather than guessed at.
     */
    static BigDecimal positiveDecimal(String raw, int integerDigits, String field, String invalidKey,
            ValidationException.Collector errors) {
        if (ProjectValidator.blank(raw)) {
            return null;
        }
        String s = raw.strip();
        if (!s.matches("\\d{1," + integerDigits + "}(\\.\\d{1,2})?")) {
            errors.add(field, invalidKey);
            return null;
        }
        BigDecimal v = new BigDecimal(s);
        if (v.signum() <= 0) {
            errors.add(field, invalidKey);
            return null;
        }
        return v.setScale(2);
    }

    /** A positive id, or an error: required when blank, unknown when no id. */
    static Long id(String raw, String field, String requiredKey, String unknownKey,
            ValidationException.Collector errors) {
        if (ProjectValidator.blank(raw)) {
            errors.add(field, requiredKey);
            return null;
        }
        Long id = ProjectValidator.positiveId(raw);
        if (id == null) {
            errors.add(field, unknownKey);
        }
        return id;
    }
}
