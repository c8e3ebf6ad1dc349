package org.jixiao.project.employment.internal.mentor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jixiao.api.store.Store;

/**
 * What the mentor team is judged on: the mentors active on a day (appointed by it, not dismissed by it), whether
 * each is paired by the day, and how many activities each held from 1 January to the day. The indicators and the
 * year-end review read the same figures.
 */
public final class MentorTeam {

    /** Appointed on or before the first day bound and not dismissed on or before the second (the same day). */
    private static final String ACTIVE = "M.DELETED_AT IS NULL AND M.APPOINTED_ON <= ? "
            + "AND (M.DISMISSED_ON IS NULL OR M.DISMISSED_ON > ?)";
    private static final String PAIRINGS = "(SELECT COUNT(*) FROM EMP_MENTOR_PAIRING P WHERE P.PARENT_ID = M.ID "
            + "AND P.DELETED_AT IS NULL AND P.PAIRED_ON <= ?)";
    private static final String ACTIVITIES = "(SELECT COUNT(*) FROM EMP_MENTOR_ACTIVITY A WHERE A.PARENT_ID = M.ID "
            + "AND A.DELETED_AT IS NULL AND A.HELD_ON >= ? AND A.HELD_ON <= ?)";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A mentor as the year-end review sees it: pairings by the day, activities held in the year. */
    public record Review(long id, String name, String employer, long countyId, long pairings, long activities) {

        public boolean unpaired() {
            return pairings == 0;
        }

        public boolean tooFewActivities() {
            return activities < MentorRegister.MIN_ACTIVITIES;
        }

        public boolean qualified() {
            return !unpaired() && !tooFewActivities();
        }
    }

    private final Store store;

    public MentorTeam(Store store) {
        this.store = Objects.requireNonNull(store);
    }

    /**
     * Per unit (its own county only), on min(asOf, 31 December of year): mentors active; the percentage of them
     * paired by the day; the percentage of them with at least {@link MentorRegister#MIN_ACTIVITIES} activities in
     * the year. Shares are 0 where there is no mentor (nothing to hold up against "every mentor"), rounded down to
     * two decimals so that 99.995% never shows as met.
     */
    public Map<Long, Map<String, BigDecimal>> actualsAsOf(Collection<Long> orgUnitIds, int year, LocalDate asOf) {
        LocalDate day = day(year, asOf);
        Set<Long> ids = new LinkedHashSet<>(orgUnitIds);
        ids.remove(null);
        Map<Long, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Map<Long, long[]> counts = store.read(c -> countsByCounty(c, ids, LocalDate.of(year, 1, 1), day));
        for (Long id : ids) {
            long[] n = counts.getOrDefault(id, new long[3]);
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            values.put(MentorRegister.INDICATOR_MENTORS, BigDecimal.valueOf(n[0]));
            values.put(MentorRegister.INDICATOR_PAIRED, percent(n[1], n[0]));
            values.put(MentorRegister.INDICATOR_ACTIVE, percent(n[2], n[0]));
            out.put(id, values);
        }
        return out;
    }

    /** Every mentor of the counties active on min(today, 31 December of year), by county and name. */
    public List<Review> review(Collection<Long> counties, int year, LocalDate today) {
        if (counties.isEmpty()) {
            return List.of();
        }
        LocalDate day = day(year, today);
        return store.read(c -> {
            List<Review> out = new ArrayList<>();
            String sql = "SELECT M.ID, M.NAME, M.EMPLOYER, M.COUNTY_ID, " + PAIRINGS + ", " + ACTIVITIES
                    + " FROM EMP_MENTOR M WHERE " + ACTIVE + " AND M.COUNTY_ID IN (" + placeholders(counties.size())
                    + ") ORDER BY M.COUNTY_ID, M.NAME, M.ID";
            try (PreparedStatement ps = prepare(c, sql, LocalDate.of(year, 1, 1), day, counties);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Review(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6)));
                }
            }
            return out;
        });
    }

    private static Map<Long, long[]> countsByCounty(Connection c, Collection<Long> counties, LocalDate yearStart,
            LocalDate day) throws SQLException {
        Map<Long, long[]> out = new HashMap<>();
        // A derived table: Derby admits no subquery inside an aggregate. The minimum is a constant, inlined.
        String sql = "SELECT COUNTY_ID, COUNT(*), SUM(CASE WHEN NP > 0 THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN NA >= " + MentorRegister.MIN_ACTIVITIES + " THEN 1 ELSE 0 END) FROM (SELECT "
                + "M.COUNTY_ID, " + PAIRINGS + " AS NP, " + ACTIVITIES + " AS NA FROM EMP_MENTOR M WHERE " + ACTIVE
                + " AND M.COUNTY_ID IN (" + placeholders(counties.size()) + ")) T GROUP BY COUNTY_ID";
        try (PreparedStatement ps = prepare(c, sql, yearStart, day, counties); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
            }
        }
        return out;
    }

    /** Binds the pairings' day, the activities' year, the active day twice, then the counties. */
    private static PreparedStatement prepare(Connection c, String sql, LocalDate yearStart, LocalDate day,
            Collection<Long> counties) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        Date d = Date.valueOf(day);
        ps.setDate(1, d);
        ps.setDate(2, Date.valueOf(yearStart));
        ps.setDate(3, d);
        ps.setDate(4, d);
        ps.setDate(5, d);
        int i = 6;
        for (Long county : counties) {
            ps.setLong(i++, county);
        }
        return ps;
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static LocalDate day(int year, LocalDate asOf) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        return asOf == null || asOf.isAfter(yearEnd) ? yearEnd : asOf;
    }

    /** Rounded down to two decimals so that 99.995% never shows as met; 0 when there is nothing to share. */
    public static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.DOWN);
    }
}
