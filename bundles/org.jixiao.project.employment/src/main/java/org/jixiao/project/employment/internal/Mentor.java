package org.jixiao.project.employment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A stored entrepreneurship mentor (work item 3) as read back. */
record Mentor(long id, String name, String field, String employer, long countyId, LocalDate appointedOn,
        LocalDate dismissedOn, String dismissalReason, Instant createdAt, Instant updatedAt) {

    /** Appointed on or before {@code day} and not dismissed on or before it. */
    boolean activeOn(LocalDate day) {
        return !appointedOn.isAfter(day) && (dismissedOn == null || dismissedOn.isAfter(day));
    }

    /** A pairing of the mentor with a young entrepreneur. */
    record Pairing(long id, long mentorId, long youthId, String youthName, LocalDate pairedOn) {
    }

    /** One guidance activity of the mentor with a paired youth. */
    record Activity(long id, long mentorId, long youthId, String youthName, LocalDate heldOn, String content) {
    }

    /** A mentor as the year-end review sees it: pairings by the day, activities held in the year. */
    record Review(Mentor mentor, long pairings, long activities) {

        boolean unpaired() {
            return pairings == 0;
        }

        boolean tooFewActivities() {
            return activities < MentorService.MIN_ACTIVITIES;
        }

        boolean qualified() {
            return !unpaired() && !tooFewActivities();
        }
    }

    /** The mentor with its pairings and activities, for the mentor page. */
    record Detail(Mentor mentor, List<Pairing> pairings, List<Activity> activities) {
    }
}
