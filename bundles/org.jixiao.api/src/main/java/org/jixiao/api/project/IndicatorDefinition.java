package org.jixiao.api.project;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An indicator a key project contributes, with the policy's default target.
 *
 * @param id stable within the project, e.g. {@code youth.jobseekers}
 * @param nameKey message key of its name in the project's resource bundle
 * @param unitKey message key of its unit of measure ("人", "萬元")
 * @param comparison how the actual is held against the target
 * @param defaultTarget the policy figure, for each evaluated unit
 * @param clause the policy clause it comes from, e.g. {@code 附件2 第1项}; shown beside the indicator
 * @param kind what the default target means: a count or amount, a share or rate in percent, or growth in
 *        percent over last year's approved actual
 */
public record IndicatorDefinition(String id, String nameKey, String unitKey, Comparison comparison,
        BigDecimal defaultTarget, String clause, org.jixiao.api.performance.TargetKind kind) {

    public IndicatorDefinition {
        Objects.requireNonNull(id);
        Objects.requireNonNull(nameKey);
        Objects.requireNonNull(unitKey);
        Objects.requireNonNull(comparison);
        Objects.requireNonNull(defaultTarget);
        Objects.requireNonNull(clause);
        Objects.requireNonNull(kind);
    }

    /** An indicator whose target is an absolute count or amount, the common case. */
    public IndicatorDefinition(String id, String nameKey, String unitKey, Comparison comparison,
            BigDecimal defaultTarget, String clause) {
        this(id, nameKey, unitKey, comparison, defaultTarget, clause, org.jixiao.api.performance.TargetKind.ABSOLUTE);
    }

    /** The policy default as a target rule. */
    public org.jixiao.api.performance.TargetRule defaultRule() {
        return new org.jixiao.api.performance.TargetRule(kind, comparison, defaultTarget);
    }
}
