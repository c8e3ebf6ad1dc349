package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.LoanRepository.generatedId;
import static org.jixiao.project.employment.internal.LoanRepository.setNullableDate;
import static org.jixiao.project.employment.internal.LoanRepository.setNullableDecimal;
import static org.jixiao.project.employment.internal.YouthRepository.bind;
import static org.jixiao.project.employment.internal.YouthRepository.placeholders;

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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The SQL of the funding applications; portable, on the caller's connection. */
final class FundingRepository {

    private static final String COLUMNS = "F.ID, F.COUNTY_ID, F.YOUTH_ID, Y.NAME, F.PROJECT_ID, P.NAME, F.PROGRAMME, "
            + "F.AMOUNT_APPLIED, F.APPLIED_ON, F.RESULT, F.AMOUNT_GRANTED, F.RESULT_ON, F.CREATED_AT, F.UPDATED_AT";
    private static final String FROM = " FROM EMP_FUNDING F LEFT JOIN EMP_YOUTH Y ON Y.ID = F.YOUTH_ID"
            + " LEFT JOIN EMP_PROJECT P ON P.ID = F.PROJECT_ID";

    long insert(Connection c, Funding.Data d, YouthRepository.Stamp stamp) throws SQLException {
        String sql = "INSERT INTO EMP_FUNDING (COUNTY_ID, YOUTH_ID, PROJECT_ID, PROGRAMME, AMOUNT_APPLIED, APPLIED_ON, "
                + "RESULT, AMOUNT_GRANTED, RESULT_ON, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            int i = bindRecord(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i, stamp.userId());
            ps.executeUpdate();
            return generatedId(ps, "EMP_FUNDING");
        }
    }

    void update(Connection c, long id, Funding.Data d, YouthRepository.Stamp stamp) throws SQLException {
        String sql = "UPDATE EMP_FUNDING SET COUNTY_ID = ?, YOUTH_ID = ?, PROJECT_ID = ?, PROGRAMME = ?, "
                + "AMOUNT_APPLIED = ?, APPLIED_ON = ?, RESULT = ?, AMOUNT_GRANTED = ?, RESULT_ON = ?, UPDATED_AT = ?, "
                + "UPDATED_BY = ? WHERE ID = ? AND DELETED_AT IS NULL";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bindRecord(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setLong(i, id);
            ps.executeUpdate();
        }
    }

    private static int bindRecord(PreparedStatement ps, Funding.Data d) throws SQLException {
        int i = 1;
        ps.setLong(i++, d.countyId());
        setNullableLong(ps, i++, d.youthId());
        setNullableLong(ps, i++, d.projectId());
        ps.setString(i++, d.programme());
        ps.setBigDecimal(i++, d.amountApplied());
        ps.setDate(i++, Date.valueOf(d.appliedOn()));
        ps.setString(i++, d.result().name());
        setNullableDecimal(ps, i++, d.amountGranted());
        setNullableDate(ps, i++, d.resultOn());
        return i;
    }

    private static void setNullableLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    boolean softDelete(Connection c, long id, YouthRepository.Stamp stamp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE EMP_FUNDING SET DELETED_AT = ?, DELETED_BY = ? "
                + "WHERE ID = ? AND DELETED_AT IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(stamp.at()));
            ps.setLong(2, stamp.userId());
            ps.setLong(3, id);
            return ps.executeUpdate() == 1;
        }
    }

    Optional<Funding> findLive(Connection c, long id) throws SQLException {
        return Jdbc.first(c, "SELECT " + COLUMNS + FROM
                + " WHERE F.ID = ? AND F.DELETED_AT IS NULL", List.of(id), rs -> row(rs));
    }

    long count(Connection c, Collection<Long> counties, Funding.Filter f) throws SQLException {
        if (counties.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        String where = where(counties, f, args);
        return Jdbc.count(c, "SELECT COUNT(*) FROM EMP_FUNDING F WHERE " + where, args);
    }

    List<Funding> list(Connection c, Collection<Long> counties, Funding.Filter f, int offset, int size)
            throws SQLException {
        List<Funding> out = new ArrayList<>();
        if (counties.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>();
        String where = where(counties, f, args);
        args.add(offset);
        args.add(size);
        out.addAll(Jdbc.all(c, "SELECT " + COLUMNS + FROM + " WHERE " + where
                + " ORDER BY F.APPLIED_ON DESC, F.ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", args, rs -> row(rs)));
        return out;
    }

    private static String where(Collection<Long> counties, Funding.Filter f, List<Object> args) {
        StringBuilder w = new StringBuilder("F.DELETED_AT IS NULL AND F.COUNTY_ID IN (")
                .append(placeholders(counties.size())).append(')');
        args.addAll(counties);
        if (f.query() != null && !f.query().isBlank()) {
            w.append(" AND LOWER(F.PROGRAMME) LIKE ? ESCAPE '!'");
            args.add("%" + YouthRepository.escapeLike(f.query().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (f.year() != null) {
            w.append(" AND F.APPLIED_ON BETWEEN ? AND ?");
            args.add(Date.valueOf(LocalDate.of(f.year(), 1, 1)));
            args.add(Date.valueOf(LocalDate.of(f.year(), 12, 31)));
        }
        if (f.result() != null) {
            w.append(" AND F.RESULT = ?");
            args.add(f.result().name());
        }
        return w.toString();
    }

    /** Per county: the live applications made from {@code from} to {@code to}, by result, with their sums. */
    Map<Long, Funding.Summary> summaries(Connection c, Collection<Long> counties, LocalDate from, LocalDate to)
            throws SQLException {
        Map<Long, Funding.Summary> out = new HashMap<>();
        if (counties.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>(counties);
        args.add(Date.valueOf(from));
        args.add(Date.valueOf(to));
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNTY_ID, RESULT, COUNT(*), SUM(AMOUNT_APPLIED), "
                + "SUM(AMOUNT_GRANTED) FROM EMP_FUNDING WHERE DELETED_AT IS NULL AND COUNTY_ID IN ("
                + placeholders(counties.size()) + ") AND APPLIED_ON BETWEEN ? AND ? GROUP BY COUNTY_ID, RESULT")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long county = rs.getLong(1);
                    FundingResult result = Enums.parse(FundingResult.class, rs.getString(2))
                            .orElse(FundingResult.PENDING);
                    long n = rs.getLong(3);
                    BigDecimal applied = rs.getBigDecimal(4);
                    BigDecimal granted = rs.getBigDecimal(5);
                    Funding.Summary s = out.getOrDefault(county, empty(county));
                    out.put(county, new Funding.Summary(county, s.applications() + n,
                            s.pending() + (result == FundingResult.PENDING ? n : 0),
                            s.approved() + (result == FundingResult.APPROVED ? n : 0),
                            s.rejected() + (result == FundingResult.REJECTED ? n : 0),
                            s.applied().add(applied), granted == null ? s.granted() : s.granted().add(granted)));
                }
            }
        }
        return out;
    }

    static Funding.Summary empty(long county) {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return new Funding.Summary(county, 0, 0, 0, 0, zero, zero);
    }

    private static Funding row(ResultSet rs) throws SQLException {
        long youth = rs.getLong(3);
        Long youthId = rs.wasNull() ? null : youth;
        long project = rs.getLong(5);
        Long projectId = rs.wasNull() ? null : project;
        Date resultOn = rs.getDate(12);
        return new Funding(rs.getLong(1), rs.getLong(2), youthId, rs.getString(4), projectId, rs.getString(6),
                rs.getString(7), rs.getBigDecimal(8), rs.getDate(9).toLocalDate(),
                Enums.parse(FundingResult.class, rs.getString(10)).orElse(FundingResult.PENDING),
                rs.getBigDecimal(11), resultOn == null ? null : resultOn.toLocalDate(),
                rs.getTimestamp(13).toInstant(), rs.getTimestamp(14).toInstant());
    }
}
