package org.jixiao.core.internal.performance;

import org.jixiao.api.ValidationException;

/**
 * The free text of the forms that tracking and self-assessment take (titles, analyses, evidence, reasons, comments):
 * read alike, so that a text saved on one page reads the same on the others.
 */
public final class FormText {

    private FormText() {
    }

    /** Line breaks as LF (a browser sends CRLF), stripped; null when blank. */
    public static String text(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replace("\r\n", "\n").replace('\r', '\n').strip();
        return t.isEmpty() ? null : t;
    }

    /** The {@link #text} of a field that must be given, refused with {@code requiredKey} or {@code tooLongKey}. */
    public static String required(ValidationException.Collector errors, String field, String value, int max,
            String requiredKey, String tooLongKey) {
        String t = text(value);
        if (t == null) {
            errors.add(field, requiredKey);
        } else if (t.length() > max) {
            errors.add(field, tooLongKey);
        }
        return t;
    }

    /** The {@link #text} of a field that may be left blank, refused with {@code tooLongKey}. */
    public static String optional(ValidationException.Collector errors, String field, String value, int max,
            String tooLongKey) {
        String t = text(value);
        if (t != null && t.length() > max) {
            errors.add(field, tooLongKey);
        }
        return t;
    }
}
