package org.jixiao.project.employment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The records of classified training (work item 4) as read back. */
final class Training {

    private Training() {
    }

    /** A county's annual training plan, made at the start of the year. */
    record Plan(long id, long countyId, int year, int plannedSessions, int plannedTrainees, String content,
            LocalDate plannedOn, Instant createdAt, Instant updatedAt) {
    }

    /** One training session with its feedback; {@code attendees} counts its live attendees. */
    record Session(long id, long countyId, LocalDate heldOn, String topic, TrainingCategory category, String partner,
            String place, Integer satisfaction, String feedback, long attendees, Instant createdAt,
            Instant updatedAt) {
    }

    /** A registered youth who attended a session, with the follow-up noted afterwards. */
    record Attendee(long id, long sessionId, long youthId, String youthName, String followUp) {
    }

    /** A session with its attendees, for the session page. */
    record Detail(Session session, List<Attendee> attendees) {
    }

    /** A county's year at a glance: its plan (null when none) and its two indicators on the day. */
    record Summary(long countyId, Plan plan, long sessions, long trainees) {
    }
}
