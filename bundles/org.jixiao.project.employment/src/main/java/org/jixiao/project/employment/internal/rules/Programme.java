package org.jixiao.project.employment.internal.rules;

import java.time.LocalDate;

/** The Yangfan action's bounds that the dates and years of every record and page of the project share. */
public final class Programme {

    /** No record of the programme is older: an earlier date or year is a typing error. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private Programme() {
    }
}
