package org.jixiao.api.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.jixiao.api.project.Comparison;
import org.junit.jupiter.api.Test;

class TargetRuleTest {

    private static final TargetRule GROWTH_10 = new TargetRule(TargetKind.BASELINE_RELATIVE, Comparison.AT_LEAST,
            BigDecimal.TEN);

    @Test
    void growthOverLastYearsActualIsJudged() {
        assertEquals(0, new BigDecimal("110").compareTo(GROWTH_10.resolve(BigDecimal.valueOf(100))));
        assertTrue(GROWTH_10.met(BigDecimal.valueOf(110), BigDecimal.valueOf(100)));
        assertFalse(GROWTH_10.met(BigDecimal.valueOf(109), BigDecimal.valueOf(100)));
        assertEquals(new BigDecimal("99.09"), GROWTH_10.completion(BigDecimal.valueOf(109), BigDecimal.valueOf(100)));
    }

    /** Issue 11, item 1: an inactive county got target 0, met and 100% on credit growth. */
    @Test
    void aBaselineOfNothingIsNotATargetAndIsNotJudged() {
        for (BigDecimal nothing : new BigDecimal[] {null, BigDecimal.ZERO, new BigDecimal("0.00")}) {
            assertNull(GROWTH_10.resolve(nothing));
            assertFalse(GROWTH_10.met(BigDecimal.ZERO, nothing));
            assertNull(GROWTH_10.completion(BigDecimal.ZERO, nothing), "left out of the score, not 100%");
            assertNull(GROWTH_10.completion(BigDecimal.valueOf(5), nothing));
        }
    }

    @Test
    void anAbsoluteTargetNeedsNoBaseline() {
        TargetRule atLeast200 = new TargetRule(TargetKind.ABSOLUTE, Comparison.AT_LEAST, BigDecimal.valueOf(200));
        assertEquals(BigDecimal.valueOf(200), atLeast200.resolve(null));
        assertTrue(atLeast200.met(BigDecimal.valueOf(200), BigDecimal.ZERO));
    }
}
