package org.jixiao.project.employment.internal.loan;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.store.Store;

/**
 * The policy's money indicators in exact 万元 from tables that keep exact 元. The engine's running totals sum a field
 * in the unit it is stored in, so these few sums stay the project's own; each reads one covering index.
 */
public final class Wanyuan {

    private Wanyuan() {
    }

    /**
     * Per unit (its own records only, zero without any): the sum of {@code amount} over its live rows whose
     * {@code day} falls from 1 January of {@code year} to min(asOf, 31 December), and whose {@code alsoBy} columns
     * (if any) are not after that day either; in 万元 without trailing zeros.
     *
     * <p>Table and column names are the callers' constants, never input.
     */
    public static Map<Long, BigDecimal> sum(Store store, String table, String amount, String day,
            Collection<Long> units, int year, LocalDate asOf, String... alsoBy) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate to = asOf == null || asOf.isAfter(yearEnd) ? yearEnd : asOf;
        LocalDate from = LocalDate.of(year, 1, 1);
        Set<Long> ids = new LinkedHashSet<>(units);
        ids.remove(null);
        Map<Long, BigDecimal> out = new LinkedHashMap<>();
        ids.forEach(id -> out.put(id, BigDecimal.ZERO));
        if (ids.isEmpty() || to.isBefore(from)) {
            return out;
        }
        StringBuilder sql = new StringBuilder("SELECT COUNTY_ID, SUM(").append(amount).append(") FROM ").append(table)
                .append(" WHERE DELETED_AT IS NULL AND COUNTY_ID IN (")
                .append(String.join(", ", Collections.nCopies(ids.size(), "?"))).append(") AND ").append(day)
                .append(" BETWEEN ? AND ?");
        for (String column : alsoBy) {
            sql.append(" AND ").append(column).append(" <= ?");
        }
        sql.append(" GROUP BY COUNTY_ID");
        List<Object> args = new ArrayList<>(ids);
        args.add(Date.valueOf(from));
        args.add(Date.valueOf(to));
        for (int i = 0; i < alsoBy.length; i++) {
            args.add(Date.valueOf(to));
        }
        store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        BigDecimal yuan = rs.getBigDecimal(2);
                        out.put(rs.getLong(1), yuan == null ? BigDecimal.ZERO : of(yuan));
                    }
                }
            }
            return null;
        });
        return out;
    }

    /** Exact 万元 of an amount in 元: 12,000.00 元 is 1.2, 20,000,000 元 is 2000. */
    public static BigDecimal of(BigDecimal yuan) {
        BigDecimal w = yuan.movePointLeft(4).stripTrailingZeros();
        return w.scale() < 0 ? w.setScale(0) : w;
    }
}
