package org.jixiao.project.scholarship.internal.notice;

import java.time.LocalDate;

import org.jixiao.api.ValidationException;
import org.jixiao.api.web.WebRequest;

/** The {@code year} parameter of a page: four digits, this year when absent. */
public final class Years {

    private Years() {
    }

    public static int param(WebRequest r) {
        String year = r.param("year");
        if (year == null || year.isBlank()) {
            return LocalDate.now().getYear();
        }
        if (!year.strip().matches("(19|20|21)\\d\\d")) {
            throw ValidationException.of("year", "scholarship.year.invalid");
        }
        return Integer.parseInt(year.strip());
    }
}
