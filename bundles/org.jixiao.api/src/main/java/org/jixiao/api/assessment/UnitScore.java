package org.jixiao.api.assessment;

import java.math.BigDecimal;
import java.util.List;

/** A unit's total with its breakdown. */
public record UnitScore(long orgUnitId, BigDecimal total, List<ScorePart> parts) {

    public UnitScore {
        parts = List.copyOf(parts);
    }
}
