package org.jixiao.api.performance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A unit's answer to a manual indicator for its year: the value, how it was arrived at, and the evidence.
 *
 * @param value null while unanswered
 */
public record ManualAnswer(long indicatorId, long orgUnitId, BigDecimal value, String note, Instant updatedAt,
        String updatedBy, List<EvidenceFile> files) {

    public ManualAnswer {
        files = List.copyOf(files);
    }
}
