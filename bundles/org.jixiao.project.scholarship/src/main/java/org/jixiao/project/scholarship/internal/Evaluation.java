package org.jixiao.project.scholarship.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.store.Store;

/**
 * The five criteria the city evaluates each county on every November (POLICY.md section 2, evaluation), as
 * indicators with the policy's expectation as default target, which the city changes like any other target:
 * (1) selection, (2) disbursement, (3) beneficiary management, (4) ideological guidance and (5) employment. Each
 * reads the records as they stood at the end of the day asked.
 */
final class Evaluation {

    static final IndicatorDefinition SELECTION = share("selection.compliant", 100);
    static final IndicatorDefinition DISBURSEMENT = share("disbursement.complete", 100);
    static final IndicatorDefinition MANAGEMENT = share("management.followed", 100);
    static final IndicatorDefinition ACTIVITIES = new IndicatorDefinition("guidance.activities",
            "indicator.guidance.activities", "unit.times", Comparison.AT_LEAST, BigDecimal.valueOf(2),
            ScholarshipProject.CLAUSE);
    static final IndicatorDefinition PARTICIPATION = share("guidance.participation", 50);
    static final IndicatorDefinition EMPLOYED = share("employment.employed", 80);
    static final IndicatorDefinition RETURNED = new IndicatorDefinition("employment.returned",
            "indicator.employment.returned", "unit.person", Comparison.AT_LEAST, BigDecimal.ONE,
            ScholarshipProject.CLAUSE);

    static final List<IndicatorDefinition> ALL = List.of(SELECTION, DISBURSEMENT, MANAGEMENT, ACTIVITIES,
            PARTICIPATION, EMPLOYED, RETURNED);

    private static IndicatorDefinition share(String id, int target) {
        return new IndicatorDefinition(id, "indicator." + id, "unit.percent", Comparison.AT_LEAST,
                BigDecimal.valueOf(target), ScholarshipProject.CLAUSE, TargetKind.SHARE);
    }

    /** The applications of the year the city put on the public notice by the day. */
    private static final String PUBLISHED = "FROM SCH_APPLICATION a WHERE a.APPLICATION_YEAR = ?"
            + " AND a.DELETED_AT IS NULL AND EXISTS (SELECT 1 FROM SCH_DECISION d"
            + " WHERE d.REGISTER = 'applications' AND d.RECORD_ID = a.ID AND d.STEP = 'publish' AND d.DECIDED_AT < ?)";
    /** Every rule met: a home visit found the facts as declared, and no objection was upheld. */
    private static final String COMPLIANT = " AND EXISTS (SELECT 1 FROM SCH_VISIT v WHERE v.PARENT_ID = a.ID"
            + " AND v.DELETED_AT IS NULL AND v.FACTS_CONFIRMED = TRUE) AND NOT EXISTS (SELECT 1 FROM SCH_OBJECTION o"
            + " WHERE o.PARENT_ID = a.ID AND o.DELETED_AT IS NULL AND o.STATE = 'UPHELD')";
    private static final String NOT_REJECTED = " AND a.STATE IN ('ON_NOTICE', 'DISBURSED')";
    /** Paid in full against the plan, with the signed receipt. */
    private static final String PAID = " AND a.STATE = 'DISBURSED' AND a.RECEIPT IS NOT NULL AND a.PAID_ON <= ?"
            + " AND a.AMOUNT_PAID >= (SELECT p.GRANT_PER_STUDENT FROM SCH_PLAN p WHERE p.UNIT_ID = a.UNIT_ID"
            + " AND p.PLAN_YEAR = a.APPLICATION_YEAR AND p.DELETED_AT IS NULL)";
    /** The students paid a grant in the last four years (their years of study), by the day. */
    private static final String BENEFICIARIES = "FROM SCH_APPLICATION a WHERE a.STATE = 'DISBURSED'"
            + " AND a.DELETED_AT IS NULL AND a.APPLICATION_YEAR BETWEEN ? AND ? AND a.PAID_ON <= ?";
    private static final String FOLLOWED = " AND EXISTS (SELECT 1 FROM SCH_FOLLOWUP f WHERE f.PARENT_ID = a.ID"
            + " AND f.DELETED_AT IS NULL AND f.FOLLOWED_ON > ? AND f.FOLLOWED_ON <= ?)";
    private static final String TOOK_PART = " AND (EXISTS (SELECT 1 FROM SCH_VOLUNTEER s WHERE s.PARENT_ID = a.ID"
            + " AND s.DELETED_AT IS NULL AND s.SERVED_ON BETWEEN ? AND ?) OR EXISTS (SELECT 1 FROM SCH_PRACTICE s"
            + " WHERE s.PARENT_ID = a.ID AND s.DELETED_AT IS NULL AND s.HELD_ON BETWEEN ? AND ?))";
    private static final String CAREERS = "FROM SCH_CAREER a WHERE a.DELETED_AT IS NULL"
            + " AND a.RECORDED_ON BETWEEN ? AND ?";

    private final Store store;

    Evaluation(Store store) {
        this.store = store;
    }

    /** Every indicator of each unit in {@code year}, as of the end of min(asOf, 31 December). */
    Map<Long, Map<String, BigDecimal>> actualsAsOf(Collection<Long> units, int year, LocalDate asOf) {
        LocalDate day = asOf.isAfter(LocalDate.of(year, 12, 31)) ? LocalDate.of(year, 12, 31) : asOf;
        Date start = Date.valueOf(LocalDate.of(year, 1, 1));
        Date end = Date.valueOf(day);
        Timestamp before = Timestamp.valueOf(day.plusDays(1).atStartOfDay());
        Object[] published = {year, before};
        Object[] beneficiaries = {year - 3, year, end};
        return store.read(c -> {
            Map<Long, Map<String, BigDecimal>> out = new LinkedHashMap<>();
            put(out, units, SELECTION, share(count(c, PUBLISHED + COMPLIANT, units, published),
                    count(c, PUBLISHED, units, published), units));
            put(out, units, DISBURSEMENT, share(count(c, PUBLISHED + NOT_REJECTED + PAID, units, year, before, end),
                    count(c, PUBLISHED + NOT_REJECTED, units, published), units));
            put(out, units, MANAGEMENT, share(count(c, BENEFICIARIES + FOLLOWED, units, year - 3, year, end,
                    Date.valueOf(day.minusMonths(6)), end), count(c, BENEFICIARIES, units, beneficiaries), units));
            put(out, units, ACTIVITIES, whole(count(c, "FROM SCH_SEMINAR a WHERE a.DELETED_AT IS NULL"
                    + " AND a.HELD_ON BETWEEN ? AND ?", units, start, end), units));
            put(out, units, PARTICIPATION, share(count(c, BENEFICIARIES + TOOK_PART, units, year - 3, year, end,
                    start, end, start, end), count(c, BENEFICIARIES, units, beneficiaries), units));
            put(out, units, EMPLOYED, share(count(c, CAREERS + " AND a.OUTCOME IN ('EMPLOYED', 'SELF_EMPLOYED')",
                    units, start, end), count(c, CAREERS, units, start, end), units));
            put(out, units, RETURNED, whole(count(c, CAREERS + " AND a.RETURNED_HOME = TRUE", units, start, end),
                    units));
            return out;
        });
    }

    private static void put(Map<Long, Map<String, BigDecimal>> out, Collection<Long> units, IndicatorDefinition d,
            Map<Long, BigDecimal> values) {
        for (Long u : units) {
            out.computeIfAbsent(u, k -> new LinkedHashMap<>()).put(d.id(), values.get(u));
        }
    }

    /** Per cent, to one decimal; 0 for a unit with nothing to count. */
    private static Map<Long, BigDecimal> share(Map<Long, Long> part, Map<Long, Long> whole, Collection<Long> units) {
        Map<Long, BigDecimal> out = new HashMap<>();
        for (Long u : units) {
            long of = whole.getOrDefault(u, 0L);
            out.put(u, of == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part.getOrDefault(u, 0L) * 100)
                    .divide(BigDecimal.valueOf(of), 1, RoundingMode.HALF_UP));
        }
        return out;
    }

    private static Map<Long, BigDecimal> whole(Map<Long, Long> counts, Collection<Long> units) {
        return units.stream().collect(Collectors.toMap(u -> u, u -> BigDecimal.valueOf(counts.getOrDefault(u, 0L)),
                (x, y) -> x));
    }

    /** {@code SELECT a.UNIT_ID, COUNT(*) <from> AND a.UNIT_ID IN (…) GROUP BY a.UNIT_ID}; the SQL is constant. */
    private static Map<Long, Long> count(Connection c, String from, Collection<Long> units, Object... params)
            throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        if (units.isEmpty()) {
            return out;
        }
        String in = units.stream().map(u -> "?").collect(Collectors.joining(", "));
        try (PreparedStatement ps = c.prepareStatement("SELECT a.UNIT_ID, COUNT(*) " + from + " AND a.UNIT_ID IN ("
                + in + ") GROUP BY a.UNIT_ID")) {
            int i = 1;
            for (Object p : params) {
                ps.setObject(i++, p);
            }
            for (Long u : units) {
                ps.setLong(i++, u);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        return out;
    }
}
