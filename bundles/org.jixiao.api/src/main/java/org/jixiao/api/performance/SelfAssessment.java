package org.jixiao.api.performance;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A unit's year-end self-assessment (自我评估, POLICY.md §1): for each indicator of its target table the claimed
 * value and an explanation, the problems found and how they were rectified; returned by the city with comments
 * or accepted.
 *
 * @param claims one per indicator of the unit's target table, in the table's order
 * @param cityComment the city's comment with its last decision (a return or an acceptance), or null
 * @param submittedAt the last submission, or null
 * @param decidedAt the city's last decision, or null
 */
public record SelfAssessment(int year, long orgUnitId, String orgUnitName, State state,
        List<SelfAssessmentClaim> claims, String problems, String rectification, String cityComment,
        Instant submittedAt, String submittedBy, Instant decidedAt, String decidedBy) {

    /** Where a report stands. */
    public enum State {
        /** Being written by the unit; also a report nothing was saved of yet. */
        DRAFT,
        /** Submitted by the unit; waiting for the city. */
        SUBMITTED,
        /** Sent back by the city with comments; the unit revises and submits again. */
        RETURNED,
        /** Accepted by the city; final. */
        ACCEPTED;

        /** The unit may change the report. */
        public boolean editable() {
            return this == DRAFT || this == RETURNED;
        }
    }

    public SelfAssessment {
        Objects.requireNonNull(state);
        claims = List.copyOf(claims);
    }

    /** Every indicator has a claimed value. */
    public boolean complete() {
        return claims.stream().allMatch(c -> c.claimed() != null);
    }

    /** How many claims disagree with the records. */
    public long mismatches() {
        return claims.stream().filter(SelfAssessmentClaim::mismatch).count();
    }
}
