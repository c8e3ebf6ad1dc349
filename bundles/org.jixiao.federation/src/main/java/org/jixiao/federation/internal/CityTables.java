package org.jixiao.federation.internal;

import java.util.List;
import java.util.Optional;

/**
 * The core's tables the city owns and sends to the counties, which hold them as read-only copies: the org tree, the
 * years and their step windows, and the targets with their approval. A table with a unit column goes only to the
 * county whose subtree holds the row's unit. In the order a first sync sends them, so a row's references arrive
 * before it.
 */
record CityTables(String table, List<String> key, String unitColumn, String order) {

    static final String TARGET = "JX_TARGET";
    static final String APPROVAL = "JX_TARGET_APPROVAL";

    static final List<CityTables> ALL = List.of(
            // A parent's path is shorter than its children's.
            new CityTables("JX_ORG_UNIT", List.of("ID"), null, "LENGTH(PATH), ID"),
            new CityTables("JX_PERF_YEAR", List.of("PERF_YEAR"), null, "PERF_YEAR"),
            new CityTables("JX_PERF_WINDOW", List.of("PERF_YEAR", "STEP"), null, "PERF_YEAR, STEP"),
            // Approved years only: a county sees its targets once the city approved them.
            new CityTables(TARGET, List.of("PERF_YEAR", "ORG_UNIT_ID", "PROJECT_ID", "INDICATOR_ID"), "ORG_UNIT_ID",
                    "PERF_YEAR, ORG_UNIT_ID, PROJECT_ID, INDICATOR_ID"),
            new CityTables(APPROVAL, List.of("PERF_YEAR"), null, "PERF_YEAR"));

    static Optional<CityTables> find(String table) {
        return ALL.stream().filter(t -> t.table().equals(table)).findFirst();
    }
}
