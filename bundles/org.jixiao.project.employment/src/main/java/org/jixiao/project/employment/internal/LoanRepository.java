package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthRepository.bind;
import static org.jixiao.project.employment.internal.YouthRepository.placeholders;
import static org.jixiao.project.employment.internal.YouthRepository.setNullableString;

import java.math.BigDecimal;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The SQL of the micro-loan register, its monthly reports and quarterly checks; portable, on the caller's connection. */
final class LoanRepository {

    private static final String COLUMNS = "L.ID, L.COUNTY_ID, L.BORROWER_ID, Y.NAME, L.BANK, L.AMOUNT, L.GRANTED_ON, "
            + "L.TERM_MONTHS, L.STATUS, L.ENTERED_ON, L.CREATED_AT, L.UPDATED_AT";
    private static final String FROM = " FROM EMP_LOAN L JOIN EMP_YOUTH Y ON Y.ID = L.BORROWER_ID";
    private static final String CHECK_COLUMNS = "ID, COUNTY_ID, CHECK_YEAR, QUARTER, CHECKED_ON, CHECKER, "
            + "LOANS_CHECKED, PROBLEMS, FINDINGS, RECTIFICATION, CREATED_AT";

    // ---------------------------------------------------------------- loans

    long insert(Connection c, Loan.Data d, YouthRepository.Stamp stamp) throws SQLException {
        String sql = "INSERT INTO EMP_LOAN (COUNTY_ID, BORROWER_ID, BANK, AMOUNT, GRANTED_ON, TERM_MONTHS, STATUS, "
                + "ENTERED_ON, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            int i = bindLoan(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i, stamp.userId());
            ps.executeUpdate();
            return generatedId(ps, "EMP_LOAN");
        }
    }

    void update(Connection c, long id, Loan.Data d, YouthRepository.Stamp stamp) throws SQLException {
        String sql = "UPDATE EMP_LOAN SET COUNTY_ID = ?, BORROWER_ID = ?, BANK = ?, AMOUNT = ?, GRANTED_ON = ?, "
                + "TERM_MONTHS = ?, STATUS = ?, ENTERED_ON = ?, UPDATED_AT = ?, UPDATED_BY = ? "
                + "WHERE ID = ? AND DELETED_AT IS NULL";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bindLoan(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setLong(i, id);
            ps.executeUpdate();
        }
    }

    private static int bindLoan(PreparedStatement ps, Loan.Data d) throws SQLException {
        int i = 1;
        ps.setLong(i++, d.countyId());
        ps.setLong(i++, d.borrowerId());
        ps.setString(i++, d.bank());
        ps.setBigDecimal(i++, d.amount());
        ps.setDate(i++, Date.valueOf(d.grantedOn()));
        ps.setInt(i++, d.termMonths());
        ps.setString(i++, d.status().name());
        setNullableDate(ps, i++, d.enteredOn());
        return i;
    }

    /** Soft delete of a live row of {@code table} (one of this register's own tables). */
    boolean softDelete(Connection c, String table, long id, YouthRepository.Stamp stamp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                + " SET DELETED_AT = ?, DELETED_BY = ? WHERE ID = ? AND DELETED_AT IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(stamp.at()));
            ps.setLong(2, stamp.userId());
            ps.setLong(3, id);
            return ps.executeUpdate() == 1;
        }
    }

    Optional<Loan> findLive(Connection c, long id) throws SQLException {
        return Jdbc.first(c, "SELECT " + COLUMNS + FROM
                + " WHERE L.ID = ? AND L.DELETED_AT IS NULL", List.of(id), rs -> loan(rs));
    }

    long count(Connection c, Collection<Long> counties, Loan.Filter f) throws SQLException {
        if (counties.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        String where = where(counties, f, args);
        return Jdbc.count(c, "SELECT COUNT(*)" + FROM + " WHERE " + where, args);
    }

    List<Loan> list(Connection c, Collection<Long> counties, Loan.Filter f, int offset, int size) throws SQLException {
        List<Loan> out = new ArrayList<>();
        if (counties.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>();
        String where = where(counties, f, args);
        args.add(offset);
        args.add(size);
        out.addAll(Jdbc.all(c, "SELECT " + COLUMNS + FROM + " WHERE " + where
                + " ORDER BY L.GRANTED_ON DESC, L.ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", args, rs -> loan(rs)));
        return out;
    }

    private static String where(Collection<Long> counties, Loan.Filter f, List<Object> args) {
        StringBuilder w = new StringBuilder("L.DELETED_AT IS NULL AND L.COUNTY_ID IN (")
                .append(placeholders(counties.size())).append(')');
        args.addAll(counties);
        if (f.query() != null && !f.query().isBlank()) {
            w.append(" AND (LOWER(Y.NAME) LIKE ? ESCAPE '!' OR LOWER(L.BANK) LIKE ? ESCAPE '!')");
            String like = "%" + YouthRepository.escapeLike(f.query().strip().toLowerCase(Locale.ROOT)) + "%";
            args.add(like);
            args.add(like);
        }
        if (f.year() != null) {
            w.append(" AND L.GRANTED_ON BETWEEN ? AND ?");
            args.add(Date.valueOf(LocalDate.of(f.year(), 1, 1)));
            args.add(Date.valueOf(LocalDate.of(f.year(), 12, 31)));
        }
        if (f.status() != null) {
            w.append(" AND L.STATUS = ?");
            args.add(f.status().name());
        }
        return w.toString();
    }

    /** Live loans per county granted from {@code from} to {@code to}, both included: their number and sum. */
    Map<Long, Loan.Figures> figuresByCounty(Connection c, Collection<Long> counties, LocalDate from, LocalDate to)
            throws SQLException {
        Map<Long, Loan.Figures> out = new HashMap<>();
        if (counties.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>(counties);
        args.add(Date.valueOf(from));
        args.add(Date.valueOf(to));
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNTY_ID, COUNT(*), SUM(AMOUNT) FROM EMP_LOAN "
                + "WHERE DELETED_AT IS NULL AND COUNTY_ID IN (" + placeholders(counties.size()) + ") "
                + "AND GRANTED_ON BETWEEN ? AND ? GROUP BY COUNTY_ID")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new Loan.Figures(rs.getLong(2), rs.getBigDecimal(3).setScale(2)));
                }
            }
        }
        return out;
    }

    /**
     * Live loans per county and month of {@code year}. Grouped by day in SQL (month functions differ between
     * databases) and added up to months here: at most 366 rows per county.
     */
    Map<Long, Map<YearMonth, Loan.Figures>> monthlyByCounty(Connection c, Collection<Long> counties, int year)
            throws SQLException {
        Map<Long, Map<YearMonth, Loan.Figures>> out = new HashMap<>();
        if (counties.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>(counties);
        args.add(Date.valueOf(LocalDate.of(year, 1, 1)));
        args.add(Date.valueOf(LocalDate.of(year, 12, 31)));
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNTY_ID, GRANTED_ON, COUNT(*), SUM(AMOUNT) "
                + "FROM EMP_LOAN WHERE DELETED_AT IS NULL AND COUNTY_ID IN (" + placeholders(counties.size()) + ") "
                + "AND GRANTED_ON BETWEEN ? AND ? GROUP BY COUNTY_ID, GRANTED_ON")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    YearMonth month = YearMonth.from(rs.getDate(2).toLocalDate());
                    Loan.Figures day = new Loan.Figures(rs.getLong(3), rs.getBigDecimal(4));
                    out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).merge(month, day,
                            (a, b) -> new Loan.Figures(a.count() + b.count(), a.amount().add(b.amount())));
                }
            }
        }
        return out;
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
        List<Loan.Report> out = new ArrayList<>();
        if (counties.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>(counties);
        args.add(year);
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, COUNTY_ID, REPORT_YEAR, REPORT_MONTH, LOAN_COUNT, "
                + "LOAN_AMOUNT, NOTE, SUBMITTED_ON, CREATED_BY FROM EMP_LOAN_REPORT WHERE COUNTY_ID IN ("
                + placeholders(counties.size()) + ") AND REPORT_YEAR = ? ORDER BY COUNTY_ID, REPORT_MONTH")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Loan.Report(rs.getLong(1), rs.getLong(2), YearMonth.of(rs.getInt(3), rs.getInt(4)),
                            rs.getLong(5), rs.getBigDecimal(6), rs.getString(7), rs.getDate(8).toLocalDate(),
                            rs.getLong(9)));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- quarterly checks

    /** Whether the county has a live check of the quarter other than {@code exceptId}. */
    boolean checkExists(Connection c, long countyId, int year, int quarter, long exceptId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM EMP_LOAN_CHECK WHERE COUNTY_ID = ? "
                + "AND CHECK_YEAR = ? AND QUARTER = ? AND DELETED_AT IS NULL AND ID <> ?")) {
            ps.setLong(1, countyId);
            ps.setInt(2, year);
            ps.setInt(3, quarter);
            ps.setLong(4, exceptId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    long insertCheck(Connection c, Loan.Check k, YouthRepository.Stamp stamp) throws SQLException {
        String sql = "INSERT INTO EMP_LOAN_CHECK (COUNTY_ID, CHECK_YEAR, QUARTER, CHECKED_ON, CHECKER, LOANS_CHECKED, "
                + "PROBLEMS, FINDINGS, RECTIFICATION, CREATED_AT, CREATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            int i = bindCheck(ps, k);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i, stamp.userId());
            ps.executeUpdate();
            return generatedId(ps, "EMP_LOAN_CHECK");
        }
    }

    void updateCheck(Connection c, long id, Loan.Check k) throws SQLException {
        String sql = "UPDATE EMP_LOAN_CHECK SET COUNTY_ID = ?, CHECK_YEAR = ?, QUARTER = ?, CHECKED_ON = ?, "
                + "CHECKER = ?, LOANS_CHECKED = ?, PROBLEMS = ?, FINDINGS = ?, RECTIFICATION = ? "
                + "WHERE ID = ? AND DELETED_AT IS NULL";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bindCheck(ps, k);
            ps.setLong(i, id);
            ps.executeUpdate();
        }
    }

    private static int bindCheck(PreparedStatement ps, Loan.Check k) throws SQLException {
        int i = 1;
        ps.setLong(i++, k.countyId());
        ps.setInt(i++, k.year());
        ps.setInt(i++, k.quarter());
        ps.setDate(i++, Date.valueOf(k.checkedOn()));
        ps.setString(i++, k.checker());
        ps.setInt(i++, k.loansChecked());
        ps.setInt(i++, k.problems());
        ps.setString(i++, k.findings());
        setNullableString(ps, i++, k.rectification());
        return i;
    }

    Optional<Loan.Check> findCheck(Connection c, long id) throws SQLException {
        return Jdbc.first(c, "SELECT " + CHECK_COLUMNS
                + " FROM EMP_LOAN_CHECK WHERE ID = ? AND DELETED_AT IS NULL", List.of(id), rs -> check(rs));
    }

    List<Loan.Check> checks(Connection c, Collection<Long> counties, int year) throws SQLException {
        List<Loan.Check> out = new ArrayList<>();
        if (counties.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>(counties);
        args.add(year);
        out.addAll(Jdbc.all(c, "SELECT " + CHECK_COLUMNS + " FROM EMP_LOAN_CHECK "
                + "WHERE COUNTY_ID IN (" + placeholders(counties.size()) + ") AND CHECK_YEAR = ? "
                + "AND DELETED_AT IS NULL ORDER BY COUNTY_ID, QUARTER", args, rs -> check(rs)));
        return out;
    }

    // ---------------------------------------------------------------- rows

    private static Loan loan(ResultSet rs) throws SQLException {
        Date entered = rs.getDate(10);
        return new Loan(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getBigDecimal(6), rs.getDate(7).toLocalDate(), rs.getInt(8),
                Enums.parse(LoanStatus.class, rs.getString(9)).orElse(LoanStatus.DISBURSED),
                entered == null ? null : entered.toLocalDate(), rs.getTimestamp(11).toInstant(),
                rs.getTimestamp(12).toInstant());
    }

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
