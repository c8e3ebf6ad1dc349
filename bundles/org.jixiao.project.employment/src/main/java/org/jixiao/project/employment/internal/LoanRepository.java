package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthRepository.bind;
import static org.jixiao.project.employment.internal.YouthRepository.placeholders;
import static org.jixiao.project.employment.internal.YouthRepository.setNullableString;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The SQL of the micro-loans' monthly reports page (the loans and checks are the register engine's); portable. */
final class LoanRepository {

    private static final String CHECK_COLUMNS = "ID, COUNTY_ID, CHECK_YEAR, QUARTER, CHECKED_ON, CHECKER, "
            + "LOANS_CHECKED, PROBLEMS, FINDINGS, RECTIFICATION, CREATED_AT";

    /** Live loans per county granted from {@code from} to {@code to}, both included: their number and sum. */
    Map<Long, Loan.Figures> figuresByCounty(Connection c, Collection<Long> counties, LocalDate from, LocalDate to)
            throws SQLException {
        Map<Long, Loan.Figures> out = new HashMap<>();
        granted(c, counties, from, to, "COUNTY_ID", rs -> out.put(rs.getLong(1),
                new Loan.Figures(rs.getLong(2), rs.getBigDecimal(3).setScale(2))));
        return out;
    }

    /**
     * Live loans per county and month of {@code year}. Grouped by day in SQL (month functions differ between
     * databases) and added up to months here: at most 366 rows per county.
     */
    Map<Long, Map<YearMonth, Loan.Figures>> monthlyByCounty(Connection c, Collection<Long> counties, int year)
            throws SQLException {
        Map<Long, Map<YearMonth, Loan.Figures>> out = new HashMap<>();
        granted(c, counties, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), "COUNTY_ID, GRANTED_ON", rs -> {
            YearMonth month = YearMonth.from(rs.getDate(2).toLocalDate());
            Loan.Figures day = new Loan.Figures(rs.getLong(3), rs.getBigDecimal(4));
            out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).merge(month, day,
                    (a, b) -> new Loan.Figures(a.count() + b.count(), a.amount().add(b.amount())));
        });
        return out;
    }

    /**
     * Reads the live loans of the counties granted from {@code from} to {@code to} (both included), grouped by
     * {@code groupBy}: each row has those columns, then the number of loans and their sum.
     */
    private static void granted(Connection c, Collection<Long> counties, LocalDate from, LocalDate to, String groupBy,
            Jdbc.Each row) throws SQLException {
        if (counties.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>(counties);
        args.add(Date.valueOf(from));
        args.add(Date.valueOf(to));
        Jdbc.each(c, "SELECT " + groupBy + ", COUNT(*), SUM(AMOUNT) FROM EMP_LOAN WHERE DELETED_AT IS NULL "
                + "AND COUNTY_ID IN (" + placeholders(counties.size()) + ") AND GRANTED_ON BETWEEN ? AND ? GROUP BY "
                + groupBy, args, row);
    }

    // ---------------------------------------------------------------- monthly reports

    boolean reportExists(Connection c, long countyId, YearMonth month) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM EMP_LOAN_REPORT "
                + "WHERE COUNTY_ID = ? AND REPORT_YEAR = ? AND REPORT_MONTH = ?")) {
            ps.setLong(1, countyId);
            ps.setInt(2, month.getYear());
            ps.setInt(3, month.getMonthValue());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    long insertReport(Connection c, long countyId, YearMonth month, Loan.Figures figures, String note,
            LocalDate submittedOn, YouthRepository.Stamp stamp) throws SQLException {
        String sql = "INSERT INTO EMP_LOAN_REPORT (COUNTY_ID, REPORT_YEAR, REPORT_MONTH, LOAN_COUNT, LOAN_AMOUNT, "
                + "NOTE, SUBMITTED_ON, CREATED_AT, CREATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, countyId);
            ps.setInt(2, month.getYear());
            ps.setInt(3, month.getMonthValue());
            ps.setLong(4, figures.count());
            ps.setBigDecimal(5, figures.amount());
            setNullableString(ps, 6, note);
            ps.setDate(7, Date.valueOf(submittedOn));
            ps.setTimestamp(8, Timestamp.from(stamp.at()));
            ps.setLong(9, stamp.userId());
            ps.executeUpdate();
            return generatedId(ps, "EMP_LOAN_REPORT");
        }
    }

    List<Loan.Report> reports(Connection c, Collection<Long> counties, int year) throws SQLException {
        return ofYear(c, counties, year, "SELECT ID, COUNTY_ID, REPORT_YEAR, REPORT_MONTH, LOAN_COUNT, LOAN_AMOUNT, "
                + "NOTE, SUBMITTED_ON, CREATED_BY FROM EMP_LOAN_REPORT WHERE COUNTY_ID IN (%s) AND REPORT_YEAR = ? "
                + "ORDER BY COUNTY_ID, REPORT_MONTH", rs -> new Loan.Report(rs.getLong(1), rs.getLong(2),
                        YearMonth.of(rs.getInt(3), rs.getInt(4)), rs.getLong(5), rs.getBigDecimal(6), rs.getString(7),
                        rs.getDate(8).toLocalDate(), rs.getLong(9)));
    }

    // ---------------------------------------------------------------- quarterly checks

    List<Loan.Check> checks(Connection c, Collection<Long> counties, int year) throws SQLException {
        return ofYear(c, counties, year, "SELECT " + CHECK_COLUMNS + " FROM EMP_LOAN_CHECK WHERE COUNTY_ID IN (%s) "
                + "AND CHECK_YEAR = ? AND DELETED_AT IS NULL ORDER BY COUNTY_ID, QUARTER", LoanRepository::check);
    }

    /** The rows of {@code sql} for the counties (its {@code %s}) and the year (its one parameter), none for none. */
    private static <T> List<T> ofYear(Connection c, Collection<Long> counties, int year, String sql, Jdbc.Row<T> row)
            throws SQLException {
        if (counties.isEmpty()) {
            return new ArrayList<>();
        }
        List<Object> args = new ArrayList<>(counties);
        args.add(year);
        return Jdbc.all(c, String.format(sql, placeholders(counties.size())), args, row);
    }

    // ---------------------------------------------------------------- rows

    private static Loan.Check check(ResultSet rs) throws SQLException {
        return new Loan.Check(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getDate(5).toLocalDate(),
                rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getString(9), rs.getString(10),
                rs.getTimestamp(11).toInstant());
    }

    static long generatedId(PreparedStatement ps, String table) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("the database returned no generated id for " + table);
            }
            return keys.getLong(1);
        }
    }

    static void setNullableDate(PreparedStatement ps, int index, LocalDate value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setDate(index, Date.valueOf(value));
        }
    }
}
