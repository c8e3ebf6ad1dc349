package org.jixiao.federation.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The core's tables a county writes, which the city accepts from it: each with its key, the column naming the unit the
 * row belongs to (which must lie in the sending county), and the columns the city owns in a row the county writes
 * (its decision on a self-assessment, its closing of a problem), which the county's copy never overwrites. Rows keyed
 * by a generated id get the sender's node number in the id's high bits at the city ({@link
 * org.jixiao.api.register.RecordId}), so two counties' problem 1 are two problems there.
 */
record CoreTables(String table, List<String> key, String unitColumn, boolean nodeIds, Set<String> cityColumns) {

    private static final Map<String, CoreTables> ALL = Map.of(
            "JX_MILESTONE_DONE", new CoreTables("JX_MILESTONE_DONE", List.of("ID"), "ORG_UNIT_ID", true, Set.of()),
            "JX_PROBLEM", new CoreTables("JX_PROBLEM", List.of("ID"), "ORG_UNIT_ID", true,
                    Set.of("CLOSED_BY", "CLOSED_AT")),
            "JX_SELF_ASSESSMENT", new CoreTables("JX_SELF_ASSESSMENT", List.of("PERF_YEAR", "ORG_UNIT_ID"),
                    "ORG_UNIT_ID", false, Set.of("CITY_COMMENT", "DECIDED_AT", "DECIDED_BY")),
            "JX_SELF_ASSESSMENT_CLAIM", new CoreTables("JX_SELF_ASSESSMENT_CLAIM", List.of("PERF_YEAR",
                    "ORG_UNIT_ID", "PROJECT_ID", "INDICATOR_ID"), "ORG_UNIT_ID", false, Set.of()),
            "JX_MANUAL_ANSWER", new CoreTables("JX_MANUAL_ANSWER", List.of("INDICATOR_ID", "ORG_UNIT_ID"),
                    "ORG_UNIT_ID", false, Set.of()));

    static Optional<CoreTables> find(String table) {
        return Optional.ofNullable(table == null ? null : ALL.get(table));
    }
}
