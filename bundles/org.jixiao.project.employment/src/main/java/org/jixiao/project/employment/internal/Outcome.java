package org.jixiao.project.employment.internal;

import java.time.Instant;
import java.time.LocalDate;

/** A stored employment outcome as read back, with the youth's name from the youth database. */
record Outcome(long id, long youthId, String youthName, long countyId, String employer, String post, int year,
        LocalDate employedOn, OutcomeChannel channel, String note, Instant createdAt, Instant updatedAt) {
}
