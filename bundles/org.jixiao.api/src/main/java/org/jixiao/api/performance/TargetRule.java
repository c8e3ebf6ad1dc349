package org.jixiao.api.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import org.jixiao.api.project.Comparison;

/**
 * A target: its kind, strictness and value. For {@link TargetKind#BASELINE_RELATIVE} the value is the growth
 * in percent and the target proper is computed from the baseline.
 */
public record TargetRule(TargetKind kind, Comparison comparison, BigDecimal value) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public TargetRule {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(comparison);
        Objects.requireNonNull(value);
    }

    /**
     * The figure the actual is held against; null for a baseline-relative target without a baseline, which cannot
     * be judged. A baseline of nothing (zero: a unit's first year, a new unit, a county with no records last year)
     * is no baseline: growth over nothing would be met by nothing.
     */
    public BigDecimal resolve(BigDecimal baseline) {
        if (kind != TargetKind.BASELINE_RELATIVE) {
            return value;
        }
        if (baseline == null || baseline.signum() <= 0) {
            return null;
        }
        return baseline.multiply(HUNDRED.add(value)).divide(HUNDRED, 4, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** Met or not; false when the target cannot be resolved or the actual is unknown. */
    public boolean met(BigDecimal actual, BigDecimal baseline) {
        BigDecimal target = resolve(baseline);
        return target != null && actual != null && comparison.met(actual, target);
    }

    /**
     * Completion in percent, 0 to 100, two decimals: actual over target, capped at 100; a met strict target is
     * 100 and an unmet one stays below 100 even when actual equals target. Null when it cannot be judged.
     */
    public BigDecimal completion(BigDecimal actual, BigDecimal baseline) {
        BigDecimal target = resolve(baseline);
        if (target == null || actual == null) {
            return null;
        }
        if (comparison.met(actual, target)) {
            return HUNDRED.setScale(2);
        }
        if (target.signum() <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal pct = actual.max(BigDecimal.ZERO).multiply(HUNDRED).divide(target, 2, RoundingMode.DOWN);
        BigDecimal cap = new BigDecimal("99.99");
        return pct.min(cap);
    }
}
