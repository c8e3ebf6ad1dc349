package org.jixiao.project.employment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The records of "a thousand students see their hometown" (work item 12) as read back. */
final class Hometown {

    private Hometown() {
    }

    /**
     * A local university student of a county (the hometown credited). No ID number is kept; {@code youthId} links
     * the same person's youth database record when there is one.
     */
    record Student(long id, String name, String university, String major, String phone, long countyId, Long youthId,
            String youthName, Instant createdAt, Instant updatedAt) {
    }

    /** One event of a county; {@code participants} counts its live participants. */
    record Event(long id, long countyId, LocalDate heldOn, String title, String place, String organiser,
            String notes, long participants, Instant createdAt, Instant updatedAt) {
    }

    /** A student taking part in an event. */
    record Participant(long id, long eventId, long studentId, String name, String university, String major) {
    }

    /** An event with its participants, for the event page. */
    record Detail(Event event, List<Participant> participants) {
    }
}
