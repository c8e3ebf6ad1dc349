package org.jixiao.api.performance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One indicator of a unit's target table tracked through a year: the actual as of the end of each month, and the
 * completion against the target. The current month counts as of the day it was read.
 *
 * @param target the resolved target; null when it cannot be known yet
 * @param monthEnd 12 entries, January first: the actual as of the month's end; null for months not reached yet, or
 *        when the project cannot tell (a project that reports only its year-end figure)
 * @param completion 12 entries: completion in percent as {@link TargetRule#completion} computes it; null where the
 *        actual or the target is unknown
 */
public record MonthlyProgress(IndicatorRef indicator, String name, String unit, BigDecimal target,
        List<BigDecimal> monthEnd, List<BigDecimal> completion) {

    public MonthlyProgress {
        Objects.requireNonNull(indicator);
        monthEnd = twelve(monthEnd);
        completion = twelve(completion);
    }

    private static List<BigDecimal> twelve(List<BigDecimal> values) {
        if (values == null || values.size() != 12) {
            throw new IllegalArgumentException("12 monthly values expected");
        }
        // Nulls are meaningful, so not List.copyOf.
        return Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** The latest known month-end actual; null when none is known. */
    public BigDecimal current() {
        int m = latestMonth();
        return m < 0 ? null : monthEnd.get(m);
    }

    /** The completion of the latest known month; null when unknown. */
    public BigDecimal currentCompletion() {
        int m = latestMonth();
        return m < 0 ? null : completion.get(m);
    }

    private int latestMonth() {
        for (int m = 11; m >= 0; m--) {
            if (monthEnd.get(m) != null) {
                return m;
            }
        }
        return -1;
    }
}
