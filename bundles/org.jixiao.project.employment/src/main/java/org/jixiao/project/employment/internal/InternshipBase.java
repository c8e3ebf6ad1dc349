package org.jixiao.project.employment.internal;

import java.time.Instant;
import java.time.LocalDate;

/** A stored internship base (work item 6) as read back. */
record InternshipBase(long id, String name, ProjectSector sector, String address, String contact, int capacity,
        long countyId, LocalDate establishedOn, LocalDate enteredOn, LocalDate closedOn, Instant createdAt,
        Instant updatedAt) {

    /** Established on or before {@code day} and not closed on or before it. */
    boolean liveOn(LocalDate day) {
        return !establishedOn.isAfter(day) && (closedOn == null || closedOn.isAfter(day));
    }

    /** Live on {@code day} and entered into the provincial league's system by it: what the indicator counts. */
    boolean countsOn(LocalDate day) {
        return liveOn(day) && enteredOn != null && !enteredOn.isAfter(day);
    }

    /** The bases of one county on a day: live ones, and of them those entered into the provincial system. */
    record Counts(long live, long entered) {
    }
}
