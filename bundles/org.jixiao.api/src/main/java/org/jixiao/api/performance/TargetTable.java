package org.jixiao.api.performance;

import java.time.Instant;
import java.util.List;

/**
 * A unit's targets for a year.
 *
 * @param approvedAt when the Organisation Department approved and locked the year's table; null while open
 */
public record TargetTable(int year, long orgUnitId, String orgUnitName, List<Target> targets, Instant approvedAt,
        String approvedBy) {

    public TargetTable {
        targets = List.copyOf(targets);
    }

    public boolean locked() {
        return approvedAt != null;
    }
}
