package org.jixiao.api.project;

import java.math.BigDecimal;

/**
 * One indicator's live standing for an org unit: its actual against its target.
 *
 * @param actual null when the project could not compute it just now
 * @param target the unit's target for the year as the city set it (for a scope of several units, the sum of their
 *        targets, or for a share or rate their mean); null when it cannot be judged, such as growth over a unit
 *        without last year's figure
 * @param basis  where the target comes from
 */
public record IndicatorStatus(IndicatorDefinition definition, String name, String unit, BigDecimal actual,
        BigDecimal target, Basis basis) {

    /** Where a target comes from. */
    public enum Basis {
        /** The policy's default: the year is not open, so the city has set nothing yet. */
        POLICY_DEFAULT,
        /** The city's targets for the year, not yet approved. */
        DRAFT,
        /** The city's targets for the year, approved and locked. */
        APPROVED,
        /** No target: nothing to judge against (growth without last year's figure). */
        NOT_JUDGED
    }

    /** How the unit stands. */
    public enum State { MET, NOT_MET, NOT_JUDGED }

    public IndicatorStatus {
        basis = target == null ? Basis.NOT_JUDGED : basis == null ? Basis.POLICY_DEFAULT : basis;
    }

    /** A standing against the policy's default (or nothing). */
    public IndicatorStatus(IndicatorDefinition definition, String name, String unit, BigDecimal actual,
            BigDecimal target) {
        this(definition, name, unit, actual, target, Basis.POLICY_DEFAULT);
    }

    public boolean met() {
        return actual != null && target != null && definition.comparison().met(actual, target);
    }

    /** Met, not met, or not judged (no target, or no actual just now). */
    public State state() {
        return actual == null || target == null ? State.NOT_JUDGED : met() ? State.MET : State.NOT_MET;
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
