package org.jixiao.project.employment.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored internship position (work item 5) as read back, with the name of its base when it names a live one and
 * the number of live placements in it.
 */
record InternshipPosition(long id, long countyId, String employer, String post, boolean gmAssistant, Long baseId,
        String baseName, int places, int year, LocalDate startsOn, LocalDate endsOn, long placed, Instant createdAt,
        Instant updatedAt) {

    boolean full() {
        return placed >= places;
    }
}
