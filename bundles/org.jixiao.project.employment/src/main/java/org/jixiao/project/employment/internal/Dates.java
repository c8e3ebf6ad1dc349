package org.jixiao.project.employment.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** How the registers not yet on the register engine read a typed date. */
final class Dates {

    private Dates() {
    }

    /** ISO yyyy-MM-dd only: a date typed as 03/04/2013 is ambiguous and must be asked again, not guessed. */
    static LocalDate parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
