package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.LoanRepository.generatedId;
import static org.jixiao.project.employment.internal.LoanRepository.setNullableDate;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The SQL of the credit demonstration households; portable, on the caller's connection. */
final class CreditRepository {

    private static final String COLUMNS = "ID, COUNTY_ID, HEAD_NAME, VILLAGE, RATED_ON, RATING, LOAN_AMOUNT, LOAN_ON, "
            + "CREATED_AT, UPDATED_AT";

    /** Households rated in a span and the sum of their credit loans taken by its last day. */
    record Figures(long households, BigDecimal amount) {

        static final Figures NONE = new Figures(0, BigDecimal.ZERO.setScale(2));
    }

    long insert(Connection c, CreditHousehold.Data d, YouthRepository.Stamp stamp) throws SQLException {
        String sql = "INSERT INTO EMP_CREDIT_HOUSEHOLD (COUNTY_ID, HEAD_NAME, VILLAGE, RATED_ON, RATING, LOAN_AMOUNT, "
                + "LOAN_ON, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            int i = bindRecord(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i, stamp.userId());
            ps.executeUpdate();
            return generatedId(ps, "EMP_CREDIT_HOUSEHOLD");
        }
    }

    void update(Connection c, long id, CreditHousehold.Data d, YouthRepository.Stamp stamp) throws SQLException {
        String sql = "UPDATE EMP_CREDIT_HOUSEHOLD SET COUNTY_ID = ?, HEAD_NAME = ?, VILLAGE = ?, RATED_ON = ?, "
                + "RATING = ?, LOAN_AMOUNT = ?, LOAN_ON = ?, UPDATED_AT = ?, UPDATED_BY = ? "
                + "WHERE ID = ? AND DELETED_AT IS NULL";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bindRecord(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setLong(i, id);
            ps.executeUpdate();
        }
    }

    private static int bindRecord(PreparedStatement ps, CreditHousehold.Data d) throws SQLException {
        int i = 1;
        ps.setLong(i++, d.countyId());
        ps.setString(i++, d.headName());
        ps.setString(i++, d.village());
        ps.setDate(i++, Date.valueOf(d.ratedOn()));
        setNullableString(ps, i++, d.rating() == null ? null : d.rating().name());
        ps.setBigDecimal(i++, d.loanAmount());
        setNullableDate(ps, i++, d.loanOn());
        return i;
    }

    boolean softDelete(Connection c, long id, YouthRepository.Stamp stamp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE EMP_CREDIT_HOUSEHOLD SET DELETED_AT = ?, "
                + "DELETED_BY = ? WHERE ID = ? AND DELETED_AT IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(stamp.at()));
            ps.setLong(2, stamp.userId());
            ps.setLong(3, id);
            return ps.executeUpdate() == 1;
        }
    }

    Optional<CreditHousehold> findLive(Connection c, long id) throws SQLException {
        return Jdbc.first(c, "SELECT " + COLUMNS
                + " FROM EMP_CREDIT_HOUSEHOLD WHERE ID = ? AND DELETED_AT IS NULL", List.of(id), rs -> row(rs));
    }

    long count(Connection c, Collection<Long> counties, CreditHousehold.Filter f) throws SQLException {
        if (counties.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        String where = where(counties, f, args);
        return Jdbc.count(c, "SELECT COUNT(*) FROM EMP_CREDIT_HOUSEHOLD WHERE " + where, args);
    }

    List<CreditHousehold> list(Connection c, Collection<Long> counties, CreditHousehold.Filter f, int offset, int size)
            throws SQLException {
        List<CreditHousehold> out = new ArrayList<>();
        if (counties.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>();
        String where = where(counties, f, args);
        args.add(offset);
        args.add(size);
        out.addAll(Jdbc.all(c, "SELECT " + COLUMNS + " FROM EMP_CREDIT_HOUSEHOLD WHERE " + where
                + " ORDER BY RATED_ON DESC, ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", args, rs -> row(rs)));
        return out;
    }

    private static String where(Collection<Long> counties, CreditHousehold.Filter f, List<Object> args) {
        StringBuilder w = new StringBuilder("DELETED_AT IS NULL AND COUNTY_ID IN (")
                .append(placeholders(counties.size())).append(')');
        args.addAll(counties);
        if (f.query() != null && !f.query().isBlank()) {
            w.append(" AND (LOWER(HEAD_NAME) LIKE ? ESCAPE '!' OR LOWER(VILLAGE) LIKE ? ESCAPE '!')");
            String like = "%" + YouthRepository.escapeLike(f.query().strip().toLowerCase(Locale.ROOT)) + "%";
            args.add(like);
            args.add(like);
        }
        if (f.year() != null) {
            w.append(" AND RATED_ON BETWEEN ? AND ?");
            args.add(Date.valueOf(LocalDate.of(f.year(), 1, 1)));
            args.add(Date.valueOf(LocalDate.of(f.year(), 12, 31)));
        }
        if (f.rating() != null) {
            w.append(" AND RATING = ?");
            args.add(f.rating().name());
        }
        return w.toString();
    }

    /** Per county: live households rated from {@code from} to {@code to}, and their loans taken by {@code to}. */
    Map<Long, Figures> figuresByCounty(Connection c, Collection<Long> counties, LocalDate from, LocalDate to)
            throws SQLException {
        Map<Long, Figures> out = new HashMap<>();
        if (counties.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>();
        args.add(Date.valueOf(to));
        args.addAll(counties);
        args.add(Date.valueOf(from));
        args.add(Date.valueOf(to));
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNTY_ID, COUNT(*), "
                + "SUM(CASE WHEN LOAN_ON <= ? THEN LOAN_AMOUNT ELSE 0 END) FROM EMP_CREDIT_HOUSEHOLD "
                + "WHERE DELETED_AT IS NULL AND COUNTY_ID IN (" + placeholders(counties.size()) + ") "
                + "AND RATED_ON BETWEEN ? AND ? GROUP BY COUNTY_ID")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new Figures(rs.getLong(2), rs.getBigDecimal(3).setScale(2)));
                }
            }
        }
        return out;
    }

    private static CreditHousehold row(ResultSet rs) throws SQLException {
        Date loanOn = rs.getDate(8);
        return new CreditHousehold(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getDate(5).toLocalDate(), Enums.parse(CreditRating.class, rs.getString(6)).orElse(null),
                rs.getBigDecimal(7), loanOn == null ? null : loanOn.toLocalDate(), rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10).toInstant());
    }
}
