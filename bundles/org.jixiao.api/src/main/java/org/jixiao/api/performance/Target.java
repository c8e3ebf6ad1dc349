package org.jixiao.api.performance;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of a unit's target table: the indicator, its policy default, the target set for the year (the
 * default until a department sets one), and, for baseline-relative targets, last year's approved actual.
 *
 * @param set true once a department set this target explicitly
 * @param baseline last year's approved actual, or null
 */
public record Target(int year, long orgUnitId, IndicatorRef indicator, String indicatorName, String unit,
        String clause, TargetRule policyDefault, TargetRule rule, boolean set, BigDecimal baseline,
        Instant updatedAt, String updatedBy) {

    /** The figure the actual is held against, or null when it cannot be known yet. */
    public BigDecimal resolved() {
        return rule.resolve(baseline);
    }
}
