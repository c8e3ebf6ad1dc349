package org.jixiao.api.project;

import java.math.BigDecimal;

/**
 * One indicator's live standing for an org unit: its actual against its target.
 *
 * @param actual null when the project could not compute it just now
 * @param target the target for the unit (for a unit above the counties, the per-county target times the
 *        number of counties it covers; for a share or rate, the per-unit target); null when there is no single
 *        target for the scope (growth over each unit's own baseline)
 */
public record IndicatorStatus(IndicatorDefinition definition, String name, String unit, BigDecimal actual,
        BigDecimal target) {

    public boolean met() {
        return actual != null && target != null && definition.comparison().met(actual, target);
    }

    /** Completion in whole percent, capped at 100; null when unknown. */
    public Integer completion() {
        if (actual == null || target == null) {
            return null;
        }
        if (target.signum() == 0) {
            return 100;
        }
        return actual.multiply(BigDecimal.valueOf(100)).divide(target, 0, java.math.RoundingMode.DOWN)
                .min(BigDecimal.valueOf(100)).intValue();
    }
}
