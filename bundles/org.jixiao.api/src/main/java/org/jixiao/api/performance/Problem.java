package org.jixiao.api.performance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A problem found while tracking (跟踪管理, POLICY.md §1 "process control") an evaluated unit's work in a year: what
 * was found, the analysis of its cause, the measure taken, who answers for it and by when, and how it was
 * rectified. The city closes it once the rectification is accepted, or reopens it.
 *
 * @param projectId the key project it concerns; null for a problem of the unit's work in general
 * @param description what was found
 * @param analysis why it happened; null until analysed
 * @param measure what is done about it; null until decided
 * @param owner who answers for the rectification (a person or office, as text); null until named
 * @param dueOn the day it must be rectified by; null when none was set
 * @param rectificationEvidence what shows it was rectified (text or a link); null until marked rectified
 * @param closedBy who closed it last; null while not closed
 * @param closedAt when it was closed last; null while not closed
 * @param reopenReason why the city reopened it last; null when it never was
 */
public record Problem(long id, int year, long orgUnitId, String orgUnitName, String projectId, String title,
        String description, String analysis, String measure, String owner, LocalDate dueOn, State state,
        String rectificationEvidence, String recordedBy, Instant recordedAt, String updatedBy, Instant updatedAt,
        String closedBy, Instant closedAt, String reopenReason) {

    /** Where a problem stands. */
    public enum State {
        /** Recorded; no measure decided yet. */
        OPEN,
        /** A measure is decided and under way. */
        RECTIFYING,
        /** The unit reports it rectified, with evidence; the city has yet to close it. */
        RECTIFIED,
        /** The city accepted the rectification. */
        CLOSED;

        /** True while the unit still has to act on it. */
        public boolean pending() {
            return this == OPEN || this == RECTIFYING;
        }
    }

    public Problem {
        Objects.requireNonNull(title);
        Objects.requireNonNull(state);
    }

    /** True when it is still pending on {@code today} and its day has passed. */
    public boolean overdue(LocalDate today) {
        Objects.requireNonNull(today, "today");
        return state.pending() && dueOn != null && today.isAfter(dueOn);
    }
}
