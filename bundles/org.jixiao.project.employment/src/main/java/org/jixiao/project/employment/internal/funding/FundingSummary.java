package org.jixiao.project.employment.internal.funding;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.store.Store;
import org.jixiao.project.employment.internal.funding.FundingRegister.Result;

/**
 * The funding applications of a year per county: how many by result and the sums applied for and granted. No
 * aggregate says this (the item has no indicator to feed), so it is one grouped read of the register's table.
 */
public final class FundingSummary {

    /** One county's applications of a year; amounts in exact 元. */
    public record Row(long countyId, long applications, long pending, long approved, long rejected,
            BigDecimal applied, BigDecimal granted) {

        static Row empty(long county) {
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            return new Row(county, 0, 0, 0, 0, zero, zero);
        }

        Row plus(Result result, long n, BigDecimal amountApplied, BigDecimal amountGranted) {
            return new Row(countyId, applications + n, pending + (result == Result.PENDING ? n : 0),
                    approved + (result == Result.APPROVED ? n : 0), rejected + (result == Result.REJECTED ? n : 0),
                    applied.add(amountApplied), amountGranted == null ? granted : granted.add(amountGranted));
        }
    }

    private final Store store;

    public FundingSummary(Store store) {
        this.store = store;
    }

    /** Per county, in the order given, its live applications made in {@code year}; a county without any is zeros. */
    public List<Row> of(Collection<Long> counties, int year) {
        Map<Long, Row> found = new HashMap<>();
        if (!counties.isEmpty()) {
            // The ids come from the org unit tree, never from input; one placeholder each.
            String in = String.join(", ", Collections.nCopies(counties.size(), "?"));
            store.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNTY_ID, RESULT, COUNT(*), "
                        + "SUM(AMOUNT_APPLIED), SUM(AMOUNT_GRANTED) FROM " + FundingRegister.TABLE
                        + " WHERE DELETED_AT IS NULL AND COUNTY_ID IN (" + in + ") AND APPLIED_ON BETWEEN ? AND ? "
                        + "GROUP BY COUNTY_ID, RESULT")) {
                    int i = 1;
                    for (Long county : counties) {
                        ps.setLong(i++, county);
                    }
                    ps.setDate(i++, Date.valueOf(LocalDate.of(year, 1, 1)));
                    ps.setDate(i, Date.valueOf(LocalDate.of(year, 12, 31)));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long county = rs.getLong(1);
                            found.put(county, found.getOrDefault(county, Row.empty(county)).plus(
                                    Result.valueOf(rs.getString(2)), rs.getLong(3), rs.getBigDecimal(4),
                                    rs.getBigDecimal(5)));
                        }
                    }
                }
                return null;
            });
        }
        List<Row> out = new ArrayList<>();
        for (Long county : counties) {
            out.add(found.getOrDefault(county, Row.empty(county)));
        }
        return out;
    }
}
