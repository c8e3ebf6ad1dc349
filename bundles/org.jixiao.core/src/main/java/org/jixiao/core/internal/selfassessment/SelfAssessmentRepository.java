package org.jixiao.core.internal.selfassessment;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.jixiao.api.performance.IndicatorRef;
import org.jixiao.api.performance.SelfAssessment.State;
import org.jixiao.core.internal.schema.Jdbc;

/** The SQL of the self-assessment: JX_SELF_ASSESSMENT and JX_SELF_ASSESSMENT_CLAIM, on a caller's connection. */
final class SelfAssessmentRepository {

    private SelfAssessmentRepository() {
    }

    /** A stored report, without its claims. */
    record Report(State state, String problems, String rectification, String cityComment, Instant updatedAt,
            String updatedBy, Instant submittedAt, String submittedBy, Instant decidedAt, String decidedBy) {
    }

    /** A stored claim. */
    record StoredClaim(BigDecimal claimed, String explanation) {
    }

    private static final String REPORT_COLUMNS = "REPORT_STATE, PROBLEMS, RECTIFICATION, CITY_COMMENT, UPDATED_AT,"
            + " UPDATED_BY, SUBMITTED_AT, SUBMITTED_BY, DECIDED_AT, DECIDED_BY";

    static Report report(Connection c, int year, long orgUnitId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + REPORT_COLUMNS
                + " FROM JX_SELF_ASSESSMENT WHERE PERF_YEAR = ? AND ORG_UNIT_ID = ?")) {
            ps.setInt(1, year);
            ps.setLong(2, orgUnitId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? report(rs) : null;
            }
        }
    }

    /** Every stored report of the year, by unit id. */
    static Map<Long, Report> reports(Connection c, int year) throws SQLException {
        Map<Long, Report> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ORG_UNIT_ID, " + REPORT_COLUMNS
                + " FROM JX_SELF_ASSESSMENT WHERE PERF_YEAR = ?")) {
            ps.setInt(1, year);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong("ORG_UNIT_ID"), report(rs));
                }
            }
        }
        return out;
    }

    private static Report report(ResultSet rs) throws SQLException {
        return new Report(State.valueOf(rs.getString("REPORT_STATE")), rs.getString("PROBLEMS"),
                rs.getString("RECTIFICATION"), rs.getString("CITY_COMMENT"), Jdbc.getInstant(rs, "UPDATED_AT"),
                rs.getString("UPDATED_BY"), Jdbc.getInstant(rs, "SUBMITTED_AT"), rs.getString("SUBMITTED_BY"),
                Jdbc.getInstant(rs, "DECIDED_AT"), rs.getString("DECIDED_BY"));
    }

    static Map<IndicatorRef, StoredClaim> claims(Connection c, int year, long orgUnitId) throws SQLException {
        Map<IndicatorRef, StoredClaim> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT PROJECT_ID, INDICATOR_ID, CLAIMED, EXPLANATION"
                + " FROM JX_SELF_ASSESSMENT_CLAIM WHERE PERF_YEAR = ? AND ORG_UNIT_ID = ?")) {
            ps.setInt(1, year);
            ps.setLong(2, orgUnitId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BigDecimal claimed = rs.getBigDecimal("CLAIMED");
                    out.put(new IndicatorRef(rs.getString("PROJECT_ID"), rs.getString("INDICATOR_ID")),
                            new StoredClaim(claimed == null ? null : normal(claimed), rs.getString("EXPLANATION")));
                }
            }
        }
        return out;
    }

    static boolean accepted(Connection c, int year, long orgUnitId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT REPORT_STATE FROM JX_SELF_ASSESSMENT"
                + " WHERE PERF_YEAR = ? AND ORG_UNIT_ID = ?")) {
            ps.setInt(1, year);
            ps.setLong(2, orgUnitId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && State.ACCEPTED.name().equals(rs.getString(1));
            }
        }
    }

    static void insertReport(Connection c, int year, long orgUnitId, State state, String problems,
            String rectification, Instant now, String by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO JX_SELF_ASSESSMENT (PERF_YEAR, ORG_UNIT_ID,"
                + " REPORT_STATE, PROBLEMS, RECTIFICATION, UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, year);
            ps.setLong(2, orgUnitId);
            ps.setString(3, state.name());
            ps.setString(4, problems);
            ps.setString(5, rectification);
            Jdbc.setInstant(ps, 6, now);
            ps.setString(7, by);
            ps.executeUpdate();
        }
    }

    /** Replaces the texts of a report still in {@code expected}; false when it is no longer. */
    static boolean updateTexts(Connection c, int year, long orgUnitId, State expected, String problems,
            String rectification, Instant now, String by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE JX_SELF_ASSESSMENT SET PROBLEMS = ?,"
                + " RECTIFICATION = ?, UPDATED_AT = ?, UPDATED_BY = ? WHERE PERF_YEAR = ? AND ORG_UNIT_ID = ?"
                + " AND REPORT_STATE = ?")) {
            ps.setString(1, problems);
            ps.setString(2, rectification);
            Jdbc.setInstant(ps, 3, now);
            ps.setString(4, by);
            ps.setInt(5, year);
            ps.setLong(6, orgUnitId);
            ps.setString(7, expected.name());
            return ps.executeUpdate() == 1;
        }
    }

    /** Moves a report from {@code from} to SUBMITTED; false when it no longer stands at {@code from}. */
    static boolean markSubmitted(Connection c, int year, long orgUnitId, State from, Instant now, String by)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE JX_SELF_ASSESSMENT SET REPORT_STATE = ?,"
                + " SUBMITTED_AT = ?, SUBMITTED_BY = ?, UPDATED_AT = ?, UPDATED_BY = ? WHERE PERF_YEAR = ?"
                + " AND ORG_UNIT_ID = ? AND REPORT_STATE = ?")) {
            ps.setString(1, State.SUBMITTED.name());
            Jdbc.setInstant(ps, 2, now);
            ps.setString(3, by);
            Jdbc.setInstant(ps, 4, now);
            ps.setString(5, by);
            ps.setInt(6, year);
            ps.setLong(7, orgUnitId);
            ps.setString(8, from.name());
            return ps.executeUpdate() == 1;
        }
    }

    /** Records the city's decision on a SUBMITTED report; false when it is no longer submitted. */
    static boolean decide(Connection c, int year, long orgUnitId, State to, String comment, Instant now, String by)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE JX_SELF_ASSESSMENT SET REPORT_STATE = ?,"
                + " CITY_COMMENT = ?, DECIDED_AT = ?, DECIDED_BY = ?, UPDATED_AT = ?, UPDATED_BY = ?"
                + " WHERE PERF_YEAR = ? AND ORG_UNIT_ID = ? AND REPORT_STATE = ?")) {
            ps.setString(1, to.name());
            ps.setString(2, comment);
            Jdbc.setInstant(ps, 3, now);
            ps.setString(4, by);
            Jdbc.setInstant(ps, 5, now);
            ps.setString(6, by);
            ps.setInt(7, year);
            ps.setLong(8, orgUnitId);
            ps.setString(9, State.SUBMITTED.name());
            return ps.executeUpdate() == 1;
        }
    }

    /** Upsert without MERGE (portable): UPDATE, and INSERT when no row was there. */
    static void putClaim(Connection c, int year, long orgUnitId, IndicatorRef ref, BigDecimal claimed,
            String explanation) throws SQLException {
        int n;
        try (PreparedStatement ps = c.prepareStatement("UPDATE JX_SELF_ASSESSMENT_CLAIM SET CLAIMED = ?,"
                + " EXPLANATION = ? WHERE PERF_YEAR = ? AND ORG_UNIT_ID = ? AND PROJECT_ID = ? AND INDICATOR_ID = ?")) {
            ps.setBigDecimal(1, claimed);
            ps.setString(2, explanation);
            ps.setInt(3, year);
            ps.setLong(4, orgUnitId);
            ps.setString(5, ref.projectId());
            ps.setString(6, ref.indicatorId());
            n = ps.executeUpdate();
        }
        if (n == 0) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO JX_SELF_ASSESSMENT_CLAIM (PERF_YEAR,"
                    + " ORG_UNIT_ID, PROJECT_ID, INDICATOR_ID, CLAIMED, EXPLANATION) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setInt(1, year);
                ps.setLong(2, orgUnitId);
                ps.setString(3, ref.projectId());
                ps.setString(4, ref.indicatorId());
                ps.setBigDecimal(5, claimed);
                ps.setString(6, explanation);
                ps.executeUpdate();
            }
        }
    }

    /** 200.0000 as 200 and 12.5000 as 12.5: the stored scale is the column's, not the figure's. */
    static BigDecimal normal(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
