package org.jixiao.project.employment.internal.incubator;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jixiao.api.store.Store;

/**
 * What item 10 is judged on, per county on a day: the live bases open that day (opened on or before it, not closed
 * on or before it) and the projects in residence that day (moved in on or before it, not moved out on or before it)
 * in the fullest of them; 0 without an open base.
 */
public final class Incubation {

    /** The projects in residence in base B on a day (bound twice). */
    private static final String RESIDENTS = "(SELECT COUNT(*) FROM " + IncubatorRegister.RESIDENT_TABLE
            + " R WHERE R.PARENT_ID = B.ID AND R.DELETED_AT IS NULL AND R.MOVED_IN_ON <= ? "
            + "AND (R.MOVED_OUT_ON IS NULL OR R.MOVED_OUT_ON > ?))";
    /** Open on a day (bound twice). */
    private static final String OPEN = "B.DELETED_AT IS NULL AND B.OPENED_ON <= ? "
            + "AND (B.CLOSED_ON IS NULL OR B.CLOSED_ON > ?)";

    private final Store store;

    public Incubation(Store store) {
        this.store = Objects.requireNonNull(store);
    }

    /** Per unit (its own county only), on min(asOf, 31 December of year). */
    public Map<Long, Map<String, BigDecimal>> actualsAsOf(Collection<Long> orgUnitIds, int year, LocalDate asOf) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        Date day = Date.valueOf(asOf == null || asOf.isAfter(yearEnd) ? yearEnd : asOf);
        Set<Long> ids = new LinkedHashSet<>(orgUnitIds);
        ids.remove(null);
        Map<Long, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        // A derived table: Derby admits no subquery inside an aggregate.
        String sql = "SELECT COUNTY_ID, COUNT(*), MAX(NR) FROM (SELECT B.COUNTY_ID, " + RESIDENTS + " AS NR FROM "
                + IncubatorRegister.TABLE + " B WHERE " + OPEN + " AND B.COUNTY_ID IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")) T GROUP BY COUNTY_ID";
        Map<Long, long[]> counts = store.read(c -> {
            Map<Long, long[]> byCounty = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 1; i <= 4; i++) {
                    ps.setDate(i, day);
                }
                int i = 5;
                for (Long id : ids) {
                    ps.setLong(i++, id);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byCounty.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                    }
                }
            }
            return byCounty;
        });
        for (Long id : ids) {
            long[] n = counts.getOrDefault(id, new long[2]);
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            values.put(IncubatorRegister.INDICATOR_BASES, BigDecimal.valueOf(n[0]));
            values.put(IncubatorRegister.INDICATOR_RESIDENTS, BigDecimal.valueOf(n[1]));
            out.put(id, values);
        }
        return out;
    }
}
