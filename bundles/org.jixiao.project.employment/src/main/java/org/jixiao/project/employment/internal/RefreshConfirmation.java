package org.jixiao.project.employment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One county's confirmation of its records in one refresh window: the header of a frozen snapshot. A county that
 * confirms again in the same window adds a higher {@code version}; the newest version is the one that counts.
 *
 * @param confirmedOn the day of the confirmation in the server's calendar, within the window
 * @param total the live records of the county at that moment, {@code jobSeeking + entrepreneurs}
 */
record RefreshConfirmation(long id, long countyId, RefreshWindow window, int version, Instant confirmedAt,
        LocalDate confirmedOn, long confirmedBy, String confirmedByName, int total, int jobSeeking,
        int entrepreneurs) {

    static LocalDate day(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }
}
