package org.jixiao.project.employment.internal;

import java.time.Instant;
import java.time.LocalDate;

/** A stored YBC service station of a county (work item 11) as read back. */
record YbcStation(long id, String name, long countyId, LocalDate setUpOn, String address, String head,
        String contact, Instant createdAt, Instant updatedAt) {
}
