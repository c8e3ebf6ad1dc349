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
 * @param clause the policy clause it comes from, e.g. {@code 附件2 第1項}; shown beside the indicator
 */
public record IndicatorDefinition(String id, String nameKey, String unitKey, Comparison comparison,
        BigDecimal defaultTarget, String clause) {

    public IndicatorDefinition {
        Objects.requireNonNull(id);
        Objects.requireNonNull(nameKey);
        Objects.requireNonNull(unitKey);
        Objects.requireNonNull(comparison);
        Objects.requireNonNull(defaultTarget);
        Objects.requireNonNull(clause);
    }
}
