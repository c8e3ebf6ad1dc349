package org.jixiao.api.assessment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Bonus points or a commendation for an excellent unit: proposed by the assessment team, counted only once the
 * Secretaries' Office approved it.
 *
 * @param decidedAt null while pending
 * @param approved meaningful once decided
 */
public record Bonus(long id, int year, long orgUnitId, String orgUnitName, BigDecimal points, String reason,
        Instant proposedAt, String proposedBy, Instant decidedAt, String decidedBy, boolean approved) {

    public boolean counts() {
        return decidedAt != null && approved;
    }
}
