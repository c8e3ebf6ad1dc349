package org.jixiao.api.performance;

import java.time.Instant;

import org.jixiao.api.OrgLevel;

/**
 * Where one unit's self-assessment stands, for the city's overview.
 *
 * @param state {@link SelfAssessment.State#DRAFT} also when nothing was saved yet
 * @param updatedAt the last save or decision; null when nothing was saved yet
 */
public record SelfAssessmentStatus(int year, long orgUnitId, String orgUnitName, OrgLevel level,
        SelfAssessment.State state, Instant updatedAt, Instant submittedAt, String submittedBy, Instant decidedAt,
        String decidedBy) {

    /** Nothing was saved of this unit's report yet. */
    public boolean started() {
        return updatedAt != null;
    }
}
