package org.jixiao.api.assessment;

import java.math.BigDecimal;

/**
 * One indicator of one unit.
 *
 * @param target the resolved target, null when it cannot be judged (no baseline yet)
 * @param completion 0–100, null when it cannot be judged
 */
public record IndicatorInput(String indicator, String name, BigDecimal actual, BigDecimal target, boolean met,
        BigDecimal completion) {
}
