package org.jixiao.project.scholarship.internal.plan;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

/** A county's plan of a year as the application rules read it, and the money raised and paid under it. */
public record Plans(long id, BigDecimal grantPerStudent, Integer minScore, LocalDate noticeFrom, LocalDate noticeTo,
        BigDecimal carriedOver) {

    /** The live plan of the unit and year, if the county has made one. */
    public static Optional<Plans> of(Connection c, long unit, int year) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, GRANT_PER_STUDENT, MIN_SCORE, NOTICE_FROM,"
                + " NOTICE_TO, CARRIED_OVER FROM SCH_PLAN WHERE UNIT_ID = ? AND PLAN_YEAR = ?"
                + " AND DELETED_AT IS NULL")) {
            ps.setLong(1, unit);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int min = rs.getInt(3);
                Integer minScore = rs.wasNull() ? null : min;
                return Optional.of(new Plans(rs.getLong(1), rs.getBigDecimal(2), minScore, day(rs.getDate(4)),
                        day(rs.getDate(5)), rs.getBigDecimal(6)));
            }
        }
    }

    /**
     * The year's money of a county: raised = disbursed + carried over, exact to the fen.
     *
     * @param carriedOver as the county declared it at the year's end, or null before
     */
    public record Balance(long unitId, BigDecimal raised, BigDecimal disbursed, BigDecimal carriedOver) {
        /** What is not accounted for: raised less disbursed less carried over (less nothing before it is declared). */
        public BigDecimal difference() {
            return raised.subtract(disbursed).subtract(carriedOver == null ? BigDecimal.ZERO : carriedOver);
        }

        public boolean reconciled() {
            return carriedOver != null && difference().signum() == 0;
        }
    }

    /** The balance of the plan's year for its county. */
    public Balance balance(Connection c, long unit, int year) throws SQLException {
        return new Balance(unit, raised(c), disbursed(c, unit, year), carriedOver == null ? null
                : carriedOver.setScale(2));
    }

    /** The funds raised under the plan, to the fen. */
    public BigDecimal raised(Connection c) throws SQLException {
        return sum(c, "SELECT COALESCE(SUM(AMOUNT), 0) FROM SCH_FUND WHERE PARENT_ID = ? AND DELETED_AT IS NULL", id);
    }

    /** What was paid to the county's recipients of the year, to the fen. */
    public static BigDecimal disbursed(Connection c, long unit, int year) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(AMOUNT_PAID), 0) FROM SCH_APPLICATION"
                + " WHERE UNIT_ID = ? AND APPLICATION_YEAR = ? AND STATE = 'DISBURSED' AND DELETED_AT IS NULL")) {
            ps.setLong(1, unit);
            ps.setInt(2, year);
            return single(ps);
        }
    }

    private static BigDecimal sum(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            return single(ps);
        }
    }

    private static BigDecimal single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBigDecimal(1).setScale(2);
        }
    }

    private static LocalDate day(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
