package org.jixiao.project.employment.internal;

import java.time.LocalDate;
import java.util.regex.Pattern;

import org.jixiao.api.ValidationException;

/**
 * Field rules the training and hometown registers share: bounded text, small counts, the year a record belongs to
 * and a date inside it. Each adds one message key per bad field and returns null for it, so a form shows every
 * problem at once.
 */
final class TrainingFields {

    /** A mainland mobile number; separators typed between digit groups are dropped before the check. */
    private static final Pattern MOBILE = Pattern.compile("1\\d{10}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-]");

    private TrainingFields() {
    }

    /** Stripped text of at most {@code max} code points; required when {@code requiredKey} is not null. */
    static String text(String raw, int max, String field, String requiredKey, String tooLongKey,
            ValidationException.Collector errors) {
        String s = raw == null ? null : raw.strip();
        if (s == null || s.isEmpty()) {
            if (requiredKey != null) {
                errors.add(field, requiredKey);
            }
            return null;
        }
        if (s.codePointCount(0, s.length()) > max) {
            errors.add(field, tooLongKey);
            return null;
        }
        return s;
    }

    /** A whole number from 0 to {@code max}; required. */
    static Integer count(String raw, int max, String field, String invalidKey, ValidationException.Collector errors) {
        String s = raw == null ? "" : raw.strip();
        if (!s.matches("\\d{1,9}") || Integer.parseInt(s) > max) {
            errors.add(field, invalidKey);
            return null;
        }
        return Integer.parseInt(s);
    }

    /**
     * The year a record belongs to: from the first year of the action to this year; this year when blank. Records of
     * a year to come are not kept: what is planned ahead is the annual plan's content.
     */
    static Integer year(String raw, LocalDate today, String field, String invalidKey,
            ValidationException.Collector errors) {
        if (raw == null || raw.isBlank()) {
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
     * A required ISO date in {@code year} and not after today. With no valid year only the format and today are
     * checked (the year's own error is already shown).
     */
    static LocalDate dateInYear(String raw, Integer year, LocalDate today, String field, String invalidKey,
            String futureKey, String outsideYearKey, ValidationException.Collector errors) {
        LocalDate d = Dates.parse(raw);
        if (d == null) {
            errors.add(field, invalidKey);
            return null;
        }
        if (d.isAfter(today)) {
            errors.add(field, futureKey);
            return null;
        }
        if (d.isBefore(ProjectValidator.EARLIEST) || (year != null && d.getYear() != year)) {
            errors.add(field, outsideYearKey);
            return null;
        }
        return d;
    }

    /** An optional mobile number, normalised to its 11 digits. */
    static String phone(String raw, String field, String invalidKey, ValidationException.Collector errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = SEPARATORS.matcher(raw.strip()).replaceAll("");
        if (!MOBILE.matcher(s).matches()) {
            errors.add(field, invalidKey);
            return null;
        }
        return s;
    }

    /** A record id typed by a user: blank is {@code requiredKey} (when given), a non-id is {@code unknownKey}. */
    static Long id(String raw, String field, String requiredKey, String unknownKey,
            ValidationException.Collector errors) {
        if (raw == null || raw.isBlank()) {
            if (requiredKey != null) {
                errors.add(field, requiredKey);
            }
            return null;
        }
        Long id = ProjectValidator.positiveId(raw);
        if (id == null) {
            errors.add(field, unknownKey);
        }
        return id;
    }

    /** The year shown by a list page: a valid {@code year} parameter, else this year. */
    static int shownYear(String raw, LocalDate today) {
        Integer y = year(raw, today, "year", "-", new ValidationException.Collector());
        return y == null ? today.getYear() : y;
    }
}
