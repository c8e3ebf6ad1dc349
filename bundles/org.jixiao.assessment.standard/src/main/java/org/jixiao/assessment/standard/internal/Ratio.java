package org.jixiao.assessment.standard.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A raw score kept as an exact fraction. A mean of three completions or one time node of three on time has no
 * finite decimal; keeping the fraction lets the points be rounded once, at the end, instead of rounding the
 * raw score first and the points again.
 *
 * @param numerator any value
 * @param denominator positive
 */
record Ratio(BigDecimal numerator, BigDecimal denominator) {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static Ratio of(BigDecimal value) {
        return new Ratio(value, BigDecimal.ONE);
    }

    boolean inRange() {
        return numerator.signum() >= 0 && numerator.compareTo(HUNDRED.multiply(denominator)) <= 0;
    }

    /** Into 0–100: raw scores are percentages, and an input outside that range must not over- or under-count. */
    Ratio clamp() {
        if (numerator.signum() < 0) {
            return of(BigDecimal.ZERO);
        }
        if (numerator.compareTo(HUNDRED.multiply(denominator)) > 0) {
            return of(HUNDRED);
        }
        return this;
    }

    /** The value for display, two decimals. */
    BigDecimal rounded() {
        return numerator.divide(denominator, 2, RoundingMode.HALF_UP);
    }

    /**
     * {@code this × weight / presentWeights}, which is {@code raw × effectiveWeight / 100} with the effective
     * weight {@code weight × 100 / presentWeights} left unrounded; rounded HALF_UP to two decimals only here.
     */
    BigDecimal points(BigDecimal weight, BigDecimal presentWeights) {
        return numerator.multiply(weight).divide(denominator.multiply(presentWeights), 2, RoundingMode.HALF_UP);
    }
}
