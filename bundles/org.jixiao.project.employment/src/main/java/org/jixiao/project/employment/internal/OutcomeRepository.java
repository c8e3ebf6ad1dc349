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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of the employment outcomes; portable, on the caller's connection. Its static helpers (generated ids, soft
 * delete, the county of a live linked record) serve the incubation base, YBC and award repositories too.
 */
final class OutcomeRepository {

    private static final String COLUMNS = "O.ID, O.YOUTH_ID, Y.NAME, O.COUNTY_ID, O.EMPLOYER, O.POST, O.OUTCOME_YEAR, "
            + "O.EMPLOYED_ON, O.CHANNEL, O.NOTE, O.CREATED_AT, O.UPDATED_AT";
    private static final String FROM = " FROM EMP_OUTCOME O JOIN EMP_YOUTH Y ON Y.ID = O.YOUTH_ID";

    /** What the outcome list is narrowed to; a null member is no filter. {@code query}: employer or youth name. */
    record Filter(String query, OutcomeChannel channel, Integer year, Long countyId) {
    }

    /** The county of a live (not deleted) row of EMP_YOUTH or EMP_PROJECT, empty when there is none. */
    static Optional<Long> liveCounty(Connection c, String table, long id) throws SQLException {
        if (!table.equals("EMP_YOUTH") && !table.equals("EMP_PROJECT")) {
            throw new IllegalArgumentException(table);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNTY_ID FROM " + table
                + " WHERE ID = ? AND DELETED_AT IS NULL")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    static long generatedId(PreparedStatement ps, String table) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("the database returned no generated id for " + table);
            }
            return keys.getLong(1);
        }
    }

    /**
     * Soft-deletes a live row; {@code liveColumn} (a uniqueness key kept only while live) is cleared with it, or
     * null when the table has none.
     */
    static boolean softDelete(Connection c, String table, String liveColumn, long id, YouthRepository.Stamp stamp)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET DELETED_AT = ?, DELETED_BY = ?"
                + (liveColumn == null ? "" : ", " + liveColumn + " = NULL") + " WHERE ID = ? AND DELETED_AT IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(stamp.at()));
            ps.setLong(2, stamp.userId());
            ps.setLong(3, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** One number from a query, e.g. a COUNT(*). */
    static long single(Connection c, String sql, List<Object> args) throws SQLException {
        return Jdbc.count(c, sql, args);
    }

    /** Per county, one number from a query whose rows are (COUNTY_ID, value). */
    static Map<Long, Long> perCounty(Connection c, String sql, List<Object> args) throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- outcomes

    long insert(Connection c, OutcomeService.Data d, YouthRepository.Stamp stamp) throws SQLException {
        String sql = "INSERT INTO EMP_OUTCOME (YOUTH_ID, COUNTY_ID, EMPLOYER, POST, OUTCOME_YEAR, EMPLOYED_ON, CHANNEL, "
                + "NOTE, LIVE_YOUTH_ID, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            int i = bindRecord(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i, stamp.userId());
            ps.executeUpdate();
            return generatedId(ps, "EMP_OUTCOME");
        }
    }

    void update(Connection c, long id, OutcomeService.Data d, YouthRepository.Stamp stamp) throws SQLException {
        String sql = "UPDATE EMP_OUTCOME SET YOUTH_ID = ?, COUNTY_ID = ?, EMPLOYER = ?, POST = ?, OUTCOME_YEAR = ?, "
                + "EMPLOYED_ON = ?, CHANNEL = ?, NOTE = ?, LIVE_YOUTH_ID = ?, UPDATED_AT = ?, UPDATED_BY = ? "
                + "WHERE ID = ? AND DELETED_AT IS NULL";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bindRecord(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setLong(i, id);
            ps.executeUpdate();
        }
    }

    private static int bindRecord(PreparedStatement ps, OutcomeService.Data d) throws SQLException {
        int i = 1;
        ps.setLong(i++, d.youthId());
        ps.setLong(i++, d.countyId());
        ps.setString(i++, d.employer());
        setNullableString(ps, i++, d.post());
        ps.setInt(i++, d.year());
        ps.setDate(i++, Date.valueOf(d.employedOn()));
        ps.setString(i++, d.channel().name());
        setNullableString(ps, i++, d.note());
        ps.setLong(i++, d.youthId());
        return i;
    }

    Optional<Outcome> findLive(Connection c, long id) throws SQLException {
        return Jdbc.first(c, "SELECT " + COLUMNS + FROM
                + " WHERE O.ID = ? AND O.DELETED_AT IS NULL", List.of(id), rs -> row(rs));
    }

    /** Live outcomes of the youth in the year other than {@code exceptId} (0: none excepted). */
    long countForYouth(Connection c, long youthId, int year, long exceptId) throws SQLException {
        return single(c, "SELECT COUNT(*) FROM EMP_OUTCOME WHERE LIVE_YOUTH_ID = ? AND OUTCOME_YEAR = ? AND ID <> ?",
                List.of(youthId, year, exceptId));
    }

    long count(Connection c, Collection<Long> counties, Filter f) throws SQLException {
        if (counties.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        String where = where(counties, f, args);
        return single(c, "SELECT COUNT(*)" + FROM + " WHERE " + where, args);
    }

    List<Outcome> list(Connection c, Collection<Long> counties, Filter f, int offset, int size) throws SQLException {
        List<Outcome> out = new ArrayList<>();
        if (counties.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>();
        String where = where(counties, f, args);
        args.add(offset);
        args.add(size);
        out.addAll(Jdbc.all(c, "SELECT " + COLUMNS + FROM + " WHERE " + where
                + " ORDER BY O.EMPLOYED_ON DESC, O.ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", args, rs -> row(rs)));
        return out;
    }

    /** Live outcomes per county of the year employed on or before the day. */
    Map<Long, Long> countByCounty(Connection c, Collection<Long> counties, int year, LocalDate day)
            throws SQLException {
        if (counties.isEmpty()) {
            return new HashMap<>();
        }
        List<Object> args = new ArrayList<>(counties);
        args.add(year);
        args.add(Date.valueOf(day));
        return perCounty(c, "SELECT COUNTY_ID, COUNT(*) FROM EMP_OUTCOME WHERE DELETED_AT IS NULL AND COUNTY_ID IN ("
                + placeholders(counties.size()) + ") AND OUTCOME_YEAR = ? AND EMPLOYED_ON <= ? GROUP BY COUNTY_ID",
                args);
    }

    private static String where(Collection<Long> counties, Filter f, List<Object> args) {
        StringBuilder w = new StringBuilder("O.DELETED_AT IS NULL AND O.COUNTY_ID IN (")
                .append(placeholders(counties.size())).append(')');
        args.addAll(counties);
        if (f.year() != null) {
            w.append(" AND O.OUTCOME_YEAR = ?");
            args.add(f.year());
        }
        if (f.channel() != null) {
            w.append(" AND O.CHANNEL = ?");
            args.add(f.channel().name());
        }
        if (f.query() != null && !f.query().isBlank()) {
            String like = "%" + YouthRepository.escapeLike(f.query().strip().toLowerCase(Locale.ROOT)) + "%";
            w.append(" AND (LOWER(O.EMPLOYER) LIKE ? ESCAPE '!' OR LOWER(Y.NAME) LIKE ? ESCAPE '!')");
            args.add(like);
            args.add(like);
        }
        return w.toString();
    }

    private static Outcome row(ResultSet rs) throws SQLException {
        return new Outcome(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getInt(7), rs.getDate(8).toLocalDate(),
                Enums.parse(OutcomeChannel.class, rs.getString(9)).orElse(OutcomeChannel.OTHER), rs.getString(10),
                rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant());
    }
}
