package org.jixiao.api.performance;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One row of a unit's self-assessment: an indicator of its target table, the value the unit claims with its
 * explanation, and beside it the value computed from the records (the project's live actual for the unit and
 * year).
 *
 * @param target the resolved target the actual is held against; null when it cannot be known yet (a
 *        baseline-relative target without a baseline)
 * @param claimed null until the unit claims a value
 * @param explanation null when none was given
 * @param computed null when the project could not compute it (not active, failing): shown as unknown
 * @param mismatch the claimed value differs from the computed one; false when either is unknown
 */
public record SelfAssessmentClaim(IndicatorRef indicator, String indicatorName, String unit, BigDecimal target,
        BigDecimal claimed, String explanation, BigDecimal computed, boolean mismatch) {

    public SelfAssessmentClaim {
        Objects.requireNonNull(indicator);
    }

    /** Whether a claim disagrees with the records: |claimed − computed| &gt; 0, false when either is null. */
    public static boolean differs(BigDecimal claimed, BigDecimal computed) {
        return claimed != null && computed != null && claimed.compareTo(computed) != 0;
    }
}
