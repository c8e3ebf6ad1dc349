package org.jixiao.core.internal.selfassessment;

import java.math.BigDecimal;
import java.sql.Connection;
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
        return Jdbc.one(c, "SELECT " + REPORT_COLUMNS + " FROM JX_SELF_ASSESSMENT WHERE PERF_YEAR = ?"
                + " AND ORG_UNIT_ID = ?", SelfAssessmentRepository::report, year, orgUnitId);
    }

    /** Every stored report of the year, by unit id. */
    static Map<Long, Report> reports(Connection c, int year) throws SQLException {
        Map<Long, Report> out = new HashMap<>();
        Jdbc.each(c, "SELECT ORG_UNIT_ID, " + REPORT_COLUMNS + " FROM JX_SELF_ASSESSMENT WHERE PERF_YEAR = ?",
                rs -> out.put(rs.getLong("ORG_UNIT_ID"), report(rs)), year);
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
        Jdbc.each(c, "SELECT PROJECT_ID, INDICATOR_ID, CLAIMED, EXPLANATION FROM JX_SELF_ASSESSMENT_CLAIM"
                + " WHERE PERF_YEAR = ? AND ORG_UNIT_ID = ?", rs -> {
                    BigDecimal claimed = rs.getBigDecimal("CLAIMED");
                    out.put(new IndicatorRef(rs.getString("PROJECT_ID"), rs.getString("INDICATOR_ID")),
                            new StoredClaim(claimed == null ? null : normal(claimed), rs.getString("EXPLANATION")));
                }, year, orgUnitId);
        return out;
    }

    static boolean accepted(Connection c, int year, long orgUnitId) throws SQLException {
        return Jdbc.exists(c, "SELECT 1 FROM JX_SELF_ASSESSMENT WHERE PERF_YEAR = ? AND ORG_UNIT_ID = ?"
                + " AND REPORT_STATE = ?", year, orgUnitId, State.ACCEPTED.name());
    }

    static void insertReport(Connection c, int year, long orgUnitId, State state, String problems,
            String rectification, Instant now, String by) throws SQLException {
        Jdbc.update(c, "INSERT INTO JX_SELF_ASSESSMENT (PERF_YEAR, ORG_UNIT_ID, REPORT_STATE, PROBLEMS, RECTIFICATION,"
                + " UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?)", year, orgUnitId, state.name(), problems,
                rectification, now, by);
    }

    /** Replaces the texts of a report still in {@code expected}; false when it is no longer. */
    static boolean updateTexts(Connection c, int year, long orgUnitId, State expected, String problems,
            String rectification, Instant now, String by) throws SQLException {
        return Jdbc.update(c, "UPDATE JX_SELF_ASSESSMENT SET PROBLEMS = ?, RECTIFICATION = ?, UPDATED_AT = ?,"
                + " UPDATED_BY = ? WHERE PERF_YEAR = ? AND ORG_UNIT_ID = ? AND REPORT_STATE = ?", problems,
                rectification, now, by, year, orgUnitId, expected.name()) == 1;
    }

    /** Moves a report from {@code from} to SUBMITTED; false when it no longer stands at {@code from}. */
    static boolean markSubmitted(Connection c, int year, long orgUnitId, State from, Instant now, String by)
            throws SQLException {
        return Jdbc.update(c, "UPDATE JX_SELF_ASSESSMENT SET REPORT_STATE = ?, SUBMITTED_AT = ?, SUBMITTED_BY = ?,"
                + " UPDATED_AT = ?, UPDATED_BY = ? WHERE PERF_YEAR = ? AND ORG_UNIT_ID = ? AND REPORT_STATE = ?",
                State.SUBMITTED.name(), now, by, now, by, year, orgUnitId, from.name()) == 1;
    }

    /** Records the city's decision on a SUBMITTED report; false when it is no longer submitted. */
    static boolean decide(Connection c, int year, long orgUnitId, State to, String comment, Instant now, String by)
            throws SQLException {
        return Jdbc.update(c, "UPDATE JX_SELF_ASSESSMENT SET REPORT_STATE = ?, CITY_COMMENT = ?, DECIDED_AT = ?,"
                + " DECIDED_BY = ?, UPDATED_AT = ?, UPDATED_BY = ? WHERE PERF_YEAR = ? AND ORG_UNIT_ID = ?"
                + " AND REPORT_STATE = ?", to.name(), comment, now, by, now, by, year, orgUnitId,
                State.SUBMITTED.name()) == 1;
    }

    /** Upsert without MERGE (portable): UPDATE, and INSERT when no row was there. */
    static void putClaim(Connection c, int year, long orgUnitId, IndicatorRef ref, BigDecimal claimed,
            String explanation) throws SQLException {
        int n = Jdbc.update(c, "UPDATE JX_SELF_ASSESSMENT_CLAIM SET CLAIMED = ?, EXPLANATION = ? WHERE PERF_YEAR = ?"
                + " AND ORG_UNIT_ID = ? AND PROJECT_ID = ? AND INDICATOR_ID = ?", claimed, explanation, year,
                orgUnitId, ref.projectId(), ref.indicatorId());
        if (n == 0) {
            Jdbc.update(c, "INSERT INTO JX_SELF_ASSESSMENT_CLAIM (PERF_YEAR, ORG_UNIT_ID, PROJECT_ID, INDICATOR_ID,"
                    + " CLAIMED, EXPLANATION) VALUES (?, ?, ?, ?, ?, ?)", year, orgUnitId, ref.projectId(),
                    ref.indicatorId(), claimed, explanation);
        }
    }

    /** 200.0000 as 200 and 12.5000 as 12.5: the stored scale is the column's, not the figure's. */
    static BigDecimal normal(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
