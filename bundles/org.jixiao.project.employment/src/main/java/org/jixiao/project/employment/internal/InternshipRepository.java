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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The SQL of the internship positions and placements; portable, on the caller's connection. */
final class InternshipRepository {

    /** Live placements of the position P: how many of its places are taken. */
    private static final String PLACED = "(SELECT COUNT(*) FROM EMP_INTERNSHIP_PLACEMENT L WHERE L.POSITION_ID = P.ID "
            + "AND L.DELETED_AT IS NULL)";
    private static final String COLUMNS = "P.ID, P.COUNTY_ID, P.EMPLOYER, P.POST, P.GM_ASSISTANT, P.BASE_ID, B.NAME, "
            + "P.PLACES, P.PLAN_YEAR, P.STARTS_ON, P.ENDS_ON, " + PLACED + ", P.CREATED_AT, P.UPDATED_AT";
    /** The base's name shows only while the base is live. */
    private static final String FROM = " FROM EMP_INTERNSHIP_POSITION P LEFT JOIN EMP_INTERNSHIP_BASE B "
            + "ON B.ID = P.BASE_ID AND B.DELETED_AT IS NULL";

    // ---------------------------------------------------------------- positions

    long insertPosition(Connection c, InternshipService.PositionData d, YouthRepository.Stamp stamp)
            throws SQLException {
        String sql = "INSERT INTO EMP_INTERNSHIP_POSITION (COUNTY_ID, EMPLOYER, POST, GM_ASSISTANT, BASE_ID, PLACES, "
                + "PLAN_YEAR, STARTS_ON, ENDS_ON, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            int i = bindPosition(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i, stamp.userId());
            ps.executeUpdate();
            return generatedId(ps, "EMP_INTERNSHIP_POSITION");
        }
    }

    /** Also rewrites the post kind its placements carry, so the actuals follow the position. */
    void updatePosition(Connection c, long id, InternshipService.PositionData d, YouthRepository.Stamp stamp)
            throws SQLException {
        String sql = "UPDATE EMP_INTERNSHIP_POSITION SET COUNTY_ID = ?, EMPLOYER = ?, POST = ?, GM_ASSISTANT = ?, "
                + "BASE_ID = ?, PLACES = ?, PLAN_YEAR = ?, STARTS_ON = ?, ENDS_ON = ?, UPDATED_AT = ?, UPDATED_BY = ? "
                + "WHERE ID = ? AND DELETED_AT IS NULL";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bindPosition(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setLong(i, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE EMP_INTERNSHIP_PLACEMENT SET GM_ASSISTANT = ? WHERE POSITION_ID = ?")) {
            ps.setInt(1, d.gmAssistant() ? 1 : 0);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    private static int bindPosition(PreparedStatement ps, InternshipService.PositionData d) throws SQLException {
        int i = 1;
        ps.setLong(i++, d.countyId());
        ps.setString(i++, d.employer());
        ps.setString(i++, d.post());
        ps.setInt(i++, d.gmAssistant() ? 1 : 0);
        if (d.baseId() == null) {
            ps.setNull(i++, Types.BIGINT);
        } else {
            ps.setLong(i++, d.baseId());
        }
        ps.setInt(i++, d.places());
        ps.setInt(i++, d.year());
        ps.setDate(i++, Date.valueOf(d.startsOn()));
        ps.setDate(i++, Date.valueOf(d.endsOn()));
        return i;
    }

    /** Takes the row lock of the position for the rest of the transaction; changes nothing. */
    void lockPosition(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE EMP_INTERNSHIP_POSITION SET PLACES = PLACES WHERE ID = ? AND DELETED_AT IS NULL")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    /** Soft-deletes a row of the position or the placement table. */
    boolean softDelete(Connection c, String table, long id, YouthRepository.Stamp stamp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                + " SET DELETED_AT = ?, DELETED_BY = ? WHERE ID = ? AND DELETED_AT IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(stamp.at()));
            ps.setLong(2, stamp.userId());
            ps.setLong(3, id);
            return ps.executeUpdate() == 1;
        }
    }

    Optional<InternshipPosition> findPosition(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM
                + " WHERE P.ID = ? AND P.DELETED_AT IS NULL")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(position(rs)) : Optional.empty();
            }
        }
    }

    /** A live internship base as a position names it: its county and the day it closed (null while open). */
    record BaseRef(long countyId, LocalDate closedOn) {
    }

    /** A live internship base, empty when there is none. */
    Optional<BaseRef> liveBase(Connection c, long baseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNTY_ID, CLOSED_ON FROM EMP_INTERNSHIP_BASE WHERE ID = ? AND DELETED_AT IS NULL")) {
            ps.setLong(1, baseId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Date closed = rs.getDate(2);
                return Optional.of(new BaseRef(rs.getLong(1), closed == null ? null : closed.toLocalDate()));
            }
        }
    }

    long count(Connection c, Collection<Long> counties, InternshipService.Filter f) throws SQLException {
        if (counties.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        String where = where(counties, f, args);
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM EMP_INTERNSHIP_POSITION P WHERE "
                + where)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    List<InternshipPosition> list(Connection c, Collection<Long> counties, InternshipService.Filter f, int offset,
            int size) throws SQLException {
        List<InternshipPosition> out = new ArrayList<>();
        if (counties.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>();
        String where = where(counties, f, args);
        args.add(offset);
        args.add(size);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM + " WHERE " + where
                + " ORDER BY P.PLAN_YEAR DESC, P.STARTS_ON DESC, P.ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(position(rs));
                }
            }
        }
        return out;
    }

    private static String where(Collection<Long> counties, InternshipService.Filter f, List<Object> args) {
        StringBuilder w = new StringBuilder("P.DELETED_AT IS NULL AND P.COUNTY_ID IN (")
                .append(placeholders(counties.size())).append(')');
        args.addAll(counties);
        if (f.query() != null && !f.query().isBlank()) {
            String like = "%" + YouthRepository.escapeLike(f.query().strip().toLowerCase(Locale.ROOT)) + "%";
            w.append(" AND (LOWER(P.EMPLOYER) LIKE ? ESCAPE '!' OR LOWER(P.POST) LIKE ? ESCAPE '!')");
            args.add(like);
            args.add(like);
        }
        if (f.year() != null) {
            w.append(" AND P.PLAN_YEAR = ?");
            args.add(f.year());
        }
        if (f.gmAssistant() != null) {
            w.append(" AND P.GM_ASSISTANT = ?");
            args.add(f.gmAssistant() ? 1 : 0);
        }
        return w.toString();
    }

    // ---------------------------------------------------------------- placements

    /** The position's county, year and post kind are copied so the actuals read the placements alone. */
    long insertPlacement(Connection c, InternshipPosition p, long youthId, InternshipService.PlacementData d,
            YouthRepository.Stamp stamp) throws SQLException {
        String sql = "INSERT INTO EMP_INTERNSHIP_PLACEMENT (POSITION_ID, YOUTH_ID, COUNTY_ID, PLAN_YEAR, GM_ASSISTANT, "
                + "STARTS_ON, ENDS_ON, OUTCOME, CONVERTED_EMPLOYER, CONVERTED_ON, CREATED_AT, CREATED_BY, UPDATED_AT, "
                + "UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, p.id());
            ps.setLong(2, youthId);
            ps.setLong(3, p.countyId());
            ps.setInt(4, p.year());
            ps.setInt(5, p.gmAssistant() ? 1 : 0);
            int i = bindPlacement(ps, 6, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i, stamp.userId());
            ps.executeUpdate();
            return generatedId(ps, "EMP_INTERNSHIP_PLACEMENT");
        }
    }

    void updatePlacement(Connection c, long id, InternshipService.PlacementData d, YouthRepository.Stamp stamp)
            throws SQLException {
        String sql = "UPDATE EMP_INTERNSHIP_PLACEMENT SET STARTS_ON = ?, ENDS_ON = ?, OUTCOME = ?, "
                + "CONVERTED_EMPLOYER = ?, CONVERTED_ON = ?, UPDATED_AT = ?, UPDATED_BY = ? "
                + "WHERE ID = ? AND DELETED_AT IS NULL";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bindPlacement(ps, 1, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setLong(i, id);
            ps.executeUpdate();
        }
    }

    private static int bindPlacement(PreparedStatement ps, int first, InternshipService.PlacementData d)
            throws SQLException {
        int i = first;
        ps.setDate(i++, Date.valueOf(d.startsOn()));
        setDate(ps, i++, d.endsOn());
        ps.setString(i++, d.outcome().name());
        setNullableString(ps, i++, d.convertedEmployer());
        setDate(ps, i++, d.convertedOn());
        return i;
    }

    private static final String PLACEMENT_COLUMNS = "L.ID, L.POSITION_ID, L.YOUTH_ID, Y.NAME, L.STARTS_ON, L.ENDS_ON, "
            + "L.OUTCOME, L.CONVERTED_EMPLOYER, L.CONVERTED_ON FROM EMP_INTERNSHIP_PLACEMENT L "
            + "JOIN EMP_YOUTH Y ON Y.ID = L.YOUTH_ID";

    List<InternshipPlacement> placements(Connection c, long positionId) throws SQLException {
        List<InternshipPlacement> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + PLACEMENT_COLUMNS
                + " WHERE L.POSITION_ID = ? AND L.DELETED_AT IS NULL ORDER BY L.STARTS_ON, L.ID")) {
            ps.setLong(1, positionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(placement(rs));
                }
            }
        }
        return out;
    }

    /** A live placement, only when it belongs to the position. */
    Optional<InternshipPlacement> findPlacement(Connection c, long positionId, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + PLACEMENT_COLUMNS
                + " WHERE L.ID = ? AND L.POSITION_ID = ? AND L.DELETED_AT IS NULL")) {
            ps.setLong(1, id);
            ps.setLong(2, positionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(placement(rs)) : Optional.empty();
            }
        }
    }

    /** Live placements of the youth in the position. */
    long countPlacements(Connection c, long positionId, long youthId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM EMP_INTERNSHIP_PLACEMENT "
                + "WHERE POSITION_ID = ? AND YOUTH_ID = ? AND DELETED_AT IS NULL")) {
            ps.setLong(1, positionId);
            ps.setLong(2, youthId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Live placements of the youth, other than {@code exceptId}, whose period shares a day with {@code startsOn}
     * to {@code endsOn} (both inclusive). A placement without an end runs to its position's end.
     */
    long countOverlapping(Connection c, long youthId, long exceptId, LocalDate startsOn, LocalDate endsOn)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM EMP_INTERNSHIP_PLACEMENT L "
                + "JOIN EMP_INTERNSHIP_POSITION P ON P.ID = L.POSITION_ID WHERE L.YOUTH_ID = ? AND L.ID <> ? "
                + "AND L.DELETED_AT IS NULL AND L.STARTS_ON <= ? AND COALESCE(L.ENDS_ON, P.ENDS_ON) >= ?")) {
            ps.setLong(1, youthId);
            ps.setLong(2, exceptId);
            ps.setDate(3, Date.valueOf(endsOn));
            ps.setDate(4, Date.valueOf(startsOn));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // ---------------------------------------------------------------- indicators

    /**
     * Per county: the distinct youth with a live placement of {@code year} starting by {@code day}; of them those
     * placed in a general-manager-assistant post; of them those converted to employment by the day.
     */
    Map<Long, long[]> countsByCounty(Connection c, Collection<Long> counties, int year, LocalDate day)
            throws SQLException {
        Map<Long, long[]> out = new HashMap<>();
        if (counties.isEmpty()) {
            return out;
        }
        Date d = Date.valueOf(day);
        // One row per intern first (a youth placed twice is one intern), then per county.
        String sql = "SELECT COUNTY_ID, COUNT(*), SUM(G), SUM(V) FROM (SELECT COUNTY_ID, YOUTH_ID, MAX(GM_ASSISTANT) AS G, "
                + "MAX(CASE WHEN OUTCOME = 'CONVERTED' AND CONVERTED_ON <= ? THEN 1 ELSE 0 END) AS V "
                + "FROM EMP_INTERNSHIP_PLACEMENT WHERE DELETED_AT IS NULL AND COUNTY_ID IN ("
                + placeholders(counties.size()) + ") AND PLAN_YEAR = ? AND STARTS_ON <= ? "
                + "GROUP BY COUNTY_ID, YOUTH_ID) T GROUP BY COUNTY_ID";
        List<Object> args = new ArrayList<>();
        args.add(d);
        args.addAll(counties);
        args.add(year);
        args.add(d);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    private static long generatedId(PreparedStatement ps, String table) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("the database returned no generated id for " + table);
            }
            return keys.getLong(1);
        }
    }

    private static InternshipPosition position(ResultSet rs) throws SQLException {
        long base = rs.getLong(6);
        Long baseId = rs.wasNull() ? null : base;
        return new InternshipPosition(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getInt(5) == 1, baseId, rs.getString(7), rs.getInt(8), rs.getInt(9), rs.getDate(10).toLocalDate(),
                rs.getDate(11).toLocalDate(), rs.getLong(12), rs.getTimestamp(13).toInstant(),
                rs.getTimestamp(14).toInstant());
    }

    private static InternshipPlacement placement(ResultSet rs) throws SQLException {
        Date ends = rs.getDate(6);
        Date converted = rs.getDate(9);
        return new InternshipPlacement(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                rs.getDate(5).toLocalDate(), ends == null ? null : ends.toLocalDate(),
                Enums.parse(InternshipOutcome.class, rs.getString(7)).orElse(InternshipOutcome.IN_PROGRESS),
                rs.getString(8), converted == null ? null : converted.toLocalDate());
    }

    static void setDate(PreparedStatement ps, int index, LocalDate day) throws SQLException {
        if (day == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setDate(index, Date.valueOf(day));
        }
    }
}
