package org.jixiao.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bad input: one message key per offending field. Thrown before anything is written, so a caller that
 * catches it knows the store is unchanged. The web layer translates the keys and answers 400.
 */
public class ValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> fieldErrors;

    public ValidationException(Map<String, String> fieldErrors) {
        super("invalid " + fieldErrors.keySet());
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    public static ValidationException of(String field, String messageKey) {
        return new ValidationException(Map.of(field, messageKey));
    }

    /** Field name to message key. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /** Collects field errors and throws once at the end, so a form shows every problem at once. */
    public static final class Collector {
        private final Map<String, String> errors = new LinkedHashMap<>();

        public Collector add(String field, String messageKey) {
            errors.putIfAbsent(field, messageKey);
            return this;
        }

        public boolean has(String field) {
            return errors.containsKey(field);
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
        }
    }
}
