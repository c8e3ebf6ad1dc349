package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.OutcomeRepository.generatedId;
import static org.jixiao.project.employment.internal.OutcomeRepository.single;
import static org.jixiao.project.employment.internal.YouthRepository.bind;
import static org.jixiao.project.employment.internal.YouthRepository.placeholders;

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

/** The SQL of the incubation bases and their residents; portable, on the caller's connection. */
final class IncubatorRepository {

    /** The projects in residence in base B on a day (bound twice: moved in by it, not moved out by it). */
    private static final String RESIDENTS = "(SELECT COUNT(*) FROM EMP_INCUBATOR_RESIDENT R WHERE R.INCUBATOR_ID = B.ID "
            + "AND R.DELETED_AT IS NULL AND R.MOVED_IN_ON <= ? AND (R.MOVED_OUT_ON IS NULL OR R.MOVED_OUT_ON > ?))";
    private static final String COLUMNS = "B.ID, B.NAME, B.ADDRESS, B.OPERATOR_NAME, B.COUNTY_ID, B.OPENED_ON, "
            + "B.AREA_M2, B.CLOSED_ON, " + RESIDENTS + ", B.CREATED_AT, B.UPDATED_AT";
    /** Open on a day (bound twice): opened by it and not closed by it. */
    private static final String OPEN = "B.DELETED_AT IS NULL AND B.OPENED_ON <= ? AND (B.CLOSED_ON IS NULL OR B.CLOSED_ON > ?)";

    /** Per county: bases open on the day and the residents of the fullest of them. */
    record Counts(long bases, long largest) {
    }

    // ---------------------------------------------------------------- bases

    long insert(Connection c, IncubatorService.Data d, YouthRepository.Stamp stamp) throws SQLException {
        String sql = "INSERT INTO EMP_INCUBATOR (NAME, ADDRESS, OPERATOR_NAME, COUNTY_ID, OPENED_ON, AREA_M2, CLOSED_ON, "
                + "CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            int i = bindBase(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i, stamp.userId());
            ps.executeUpdate();
            return generatedId(ps, "EMP_INCUBATOR");
        }
    }

    void update(Connection c, long id, IncubatorService.Data d, YouthRepository.Stamp stamp) throws SQLException {
        String sql = "UPDATE EMP_INCUBATOR SET NAME = ?, ADDRESS = ?, OPERATOR_NAME = ?, COUNTY_ID = ?, OPENED_ON = ?, "
                + "AREA_M2 = ?, CLOSED_ON = ?, UPDATED_AT = ?, UPDATED_BY = ? WHERE ID = ? AND DELETED_AT IS NULL";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bindBase(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setLong(i, id);
            ps.executeUpdate();
        }
    }

    private static int bindBase(PreparedStatement ps, IncubatorService.Data d) throws SQLException {
        int i = 1;
        ps.setString(i++, d.name());
        ps.setString(i++, d.address());
        ps.setString(i++, d.operator());
        ps.setLong(i++, d.countyId());
        ps.setDate(i++, Date.valueOf(d.openedOn()));
        if (d.areaM2() == null) {
            ps.setNull(i++, Types.DECIMAL);
        } else {
            ps.setBigDecimal(i++, d.areaM2());
        }
        setDate(ps, i++, d.closedOn());
        return i;
    }

    private static void setDate(PreparedStatement ps, int i, LocalDate d) throws SQLException {
        if (d == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setDate(i, Date.valueOf(d));
        }
    }

    /** The live base with its residents on {@code today}. */
    Optional<Incubator> findLive(Connection c, long id, LocalDate today) throws SQLException {
        Date d = Date.valueOf(today);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM EMP_INCUBATOR B WHERE B.ID = ? AND B.DELETED_AT IS NULL")) {
            bind(ps, List.of(d, d, id));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(base(rs)) : Optional.empty();
            }
        }
    }

    long count(Connection c, Collection<Long> counties, String query) throws SQLException {
        if (counties.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        return single(c, "SELECT COUNT(*) FROM EMP_INCUBATOR B WHERE " + where(counties, query, args), args);
    }

    List<Incubator> list(Connection c, Collection<Long> counties, String query, LocalDate today, int offset, int size)
            throws SQLException {
        List<Incubator> out = new ArrayList<>();
        if (counties.isEmpty()) {
            return out;
        }
        Date d = Date.valueOf(today);
        List<Object> args = new ArrayList<>(List.of(d, d));
        String where = where(counties, query, args);
        args.add(offset);
        args.add(size);
        out.addAll(Jdbc.all(c, "SELECT " + COLUMNS + " FROM EMP_INCUBATOR B WHERE " + where
                + " ORDER BY B.OPENED_ON DESC, B.ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", args, rs -> base(rs)));
        return out;
    }

    private static String where(Collection<Long> counties, String query, List<Object> args) {
        StringBuilder w = new StringBuilder("B.DELETED_AT IS NULL AND B.COUNTY_ID IN (")
                .append(placeholders(counties.size())).append(')');
        args.addAll(counties);
        if (query != null && !query.isBlank()) {
            String like = "%" + YouthRepository.escapeLike(query.strip().toLowerCase(Locale.ROOT)) + "%";
            w.append(" AND (LOWER(B.NAME) LIKE ? ESCAPE '!' OR LOWER(B.OPERATOR_NAME) LIKE ? ESCAPE '!'"
                    + " OR LOWER(B.ADDRESS) LIKE ? ESCAPE '!')");
            args.add(like);
            args.add(like);
            args.add(like);
        }
        return w.toString();
    }

    /** Per county: the bases open on the day and the most projects in residence in one of them on that day. */
    Map<Long, Counts> countsByCounty(Connection c, Collection<Long> counties, LocalDate day) throws SQLException {
        Map<Long, Counts> out = new HashMap<>();
        if (counties.isEmpty()) {
            return out;
        }
        Date d = Date.valueOf(day);
        // A derived table: Derby admits no subquery inside an aggregate.
        String sql = "SELECT COUNTY_ID, COUNT(*), MAX(NR) FROM (SELECT B.COUNTY_ID, " + RESIDENTS + " AS NR "
                + "FROM EMP_INCUBATOR B WHERE " + OPEN + " AND B.COUNTY_ID IN (" + placeholders(counties.size())
                + ")) T GROUP BY COUNTY_ID";
        List<Object> args = new ArrayList<>(List.of(d, d, d, d));
        args.addAll(counties);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new Counts(rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- residents

    long insertResident(Connection c, long baseId, long projectId, LocalDate movedInOn, LocalDate movedOutOn,
            YouthRepository.Stamp stamp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO EMP_INCUBATOR_RESIDENT (INCUBATOR_ID, PROJECT_ID, "
                + "MOVED_IN_ON, MOVED_OUT_ON, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, baseId);
            ps.setLong(2, projectId);
            ps.setDate(3, Date.valueOf(movedInOn));
            setDate(ps, 4, movedOutOn);
            ps.setTimestamp(5, Timestamp.from(stamp.at()));
            ps.setLong(6, stamp.userId());
            ps.setTimestamp(7, Timestamp.from(stamp.at()));
            ps.setLong(8, stamp.userId());
            ps.executeUpdate();
            return generatedId(ps, "EMP_INCUBATOR_RESIDENT");
        }
    }

    void moveOut(Connection c, long residentId, LocalDate movedOutOn, YouthRepository.Stamp stamp)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE EMP_INCUBATOR_RESIDENT SET MOVED_OUT_ON = ?, "
                + "UPDATED_AT = ?, UPDATED_BY = ? WHERE ID = ? AND DELETED_AT IS NULL")) {
            ps.setDate(1, Date.valueOf(movedOutOn));
            ps.setTimestamp(2, Timestamp.from(stamp.at()));
            ps.setLong(3, stamp.userId());
            ps.setLong(4, residentId);
            ps.executeUpdate();
        }
    }

    List<Incubator.Resident> residents(Connection c, long baseId) throws SQLException {
        return residents(c, "R.INCUBATOR_ID = ?", baseId);
    }

    Optional<Incubator.Resident> findResident(Connection c, long residentId) throws SQLException {
        List<Incubator.Resident> found = residents(c, "R.ID = ?", residentId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<Incubator.Resident> residents(Connection c, String where, long arg) throws SQLException {
        List<Incubator.Resident> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT R.ID, R.INCUBATOR_ID, R.PROJECT_ID, P.NAME, "
                + "R.MOVED_IN_ON, R.MOVED_OUT_ON FROM EMP_INCUBATOR_RESIDENT R JOIN EMP_PROJECT P ON P.ID = R.PROJECT_ID "
                + "WHERE " + where + " AND R.DELETED_AT IS NULL ORDER BY R.MOVED_IN_ON DESC, R.ID DESC")) {
            ps.setLong(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date out2 = rs.getDate(6);
                    out.add(new Incubator.Resident(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                            rs.getDate(5).toLocalDate(), out2 == null ? null : out2.toLocalDate()));
                }
            }
        }
        return out;
    }

    /**
     * Live residences of the project, in any base, that share a day with [movedIn, movedOut) (movedOut null: open
     * ended), other than {@code exceptId} (0: none excepted).
     */
    long countOverlapping(Connection c, long projectId, LocalDate movedIn, LocalDate movedOut, long exceptId)
            throws SQLException {
        List<Object> args = new ArrayList<>(List.of(projectId, exceptId, Date.valueOf(movedIn)));
        String sql = "SELECT COUNT(*) FROM EMP_INCUBATOR_RESIDENT WHERE PROJECT_ID = ? AND ID <> ? AND DELETED_AT IS NULL "
                + "AND (MOVED_OUT_ON IS NULL OR MOVED_OUT_ON > ?)";
        if (movedOut != null) {
            sql += " AND MOVED_IN_ON < ?";
            args.add(Date.valueOf(movedOut));
        }
        return single(c, sql, args);
    }

    /** Live residences of the base. */
    long countResidents(Connection c, long baseId) throws SQLException {
        return single(c, "SELECT COUNT(*) FROM EMP_INCUBATOR_RESIDENT WHERE INCUBATOR_ID = ? AND DELETED_AT IS NULL",
                List.of(baseId));
    }

    /** Live residences of the base that began before the day (a base cannot open after its residents moved in). */
    long countMovedInBefore(Connection c, long baseId, LocalDate day) throws SQLException {
        return single(c, "SELECT COUNT(*) FROM EMP_INCUBATOR_RESIDENT WHERE INCUBATOR_ID = ? AND DELETED_AT IS NULL "
                + "AND MOVED_IN_ON < ?", List.of(baseId, Date.valueOf(day)));
    }

    /** Live residences of the base still running after the day (a base cannot close with residents inside). */
    long countStayingAfter(Connection c, long baseId, LocalDate day) throws SQLException {
        return single(c, "SELECT COUNT(*) FROM EMP_INCUBATOR_RESIDENT WHERE INCUBATOR_ID = ? AND DELETED_AT IS NULL "
                + "AND (MOVED_OUT_ON IS NULL OR MOVED_OUT_ON > ?)", List.of(baseId, Date.valueOf(day)));
    }

    // ---------------------------------------------------------------- helpers

    private static Incubator base(ResultSet rs) throws SQLException {
        Date closed = rs.getDate(8);
        return new Incubator(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getDate(6).toLocalDate(), rs.getBigDecimal(7), closed == null ? null : closed.toLocalDate(),
                rs.getLong(9), rs.getTimestamp(10).toInstant(), rs.getTimestamp(11).toInstant());
    }
}
