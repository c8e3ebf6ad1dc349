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

/** The SQL of the mentor team; portable, on the caller's connection. */
final class MentorRepository {

    private static final String COLUMNS = "M.ID, M.NAME, M.FIELD, M.EMPLOYER, M.COUNTY_ID, M.APPOINTED_ON, "
            + "M.DISMISSED_ON, M.DISMISSAL_REASON, M.CREATED_AT, M.UPDATED_AT";
    /** Appointed on or before the first day bound and not dismissed on or before the second (the same day). */
    private static final String ACTIVE = "M.DELETED_AT IS NULL AND M.APPOINTED_ON <= ? "
            + "AND (M.DISMISSED_ON IS NULL OR M.DISMISSED_ON > ?)";
    private static final String PAIRINGS = "(SELECT COUNT(*) FROM EMP_MENTOR_PAIRING P WHERE P.MENTOR_ID = M.ID "
            + "AND P.DELETED_AT IS NULL AND P.PAIRED_ON <= ?)";
    private static final String ACTIVITIES = "(SELECT COUNT(*) FROM EMP_MENTOR_ACTIVITY A WHERE A.MENTOR_ID = M.ID "
            + "AND A.DELETED_AT IS NULL AND A.HELD_ON >= ? AND A.HELD_ON <= ?)";

    /** A live youth record as a pairing needs it. */
    record YouthRef(long id, long countyId, YouthType type, String name) {
    }

    Optional<YouthRef> liveYouth(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT ID, COUNTY_ID, YOUTH_TYPE, NAME FROM EMP_YOUTH WHERE ID = ? AND DELETED_AT IS NULL")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new YouthRef(rs.getLong(1), rs.getLong(2),
                        Enums.parse(YouthType.class, rs.getString(3)).orElse(YouthType.JOB_SEEKING), rs.getString(4)));
            }
        }
    }

    // ---------------------------------------------------------------- mentors

    long insert(Connection c, MentorService.Data d, YouthRepository.Stamp stamp) throws SQLException {
        String sql = "INSERT INTO EMP_MENTOR (NAME, FIELD, EMPLOYER, COUNTY_ID, APPOINTED_ON, DISMISSED_ON, "
                + "DISMISSAL_REASON, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            int i = bindMentor(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i, stamp.userId());
            ps.executeUpdate();
            return generatedId(ps, "EMP_MENTOR");
        }
    }

    void update(Connection c, long id, MentorService.Data d, YouthRepository.Stamp stamp) throws SQLException {
        String sql = "UPDATE EMP_MENTOR SET NAME = ?, FIELD = ?, EMPLOYER = ?, COUNTY_ID = ?, APPOINTED_ON = ?, "
                + "DISMISSED_ON = ?, DISMISSAL_REASON = ?, UPDATED_AT = ?, UPDATED_BY = ? WHERE ID = ? AND DELETED_AT IS NULL";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bindMentor(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setLong(i, id);
            ps.executeUpdate();
        }
    }

    private static int bindMentor(PreparedStatement ps, MentorService.Data d) throws SQLException {
        int i = 1;
        ps.setString(i++, d.name());
        ps.setString(i++, d.field());
        ps.setString(i++, d.employer());
        ps.setLong(i++, d.countyId());
        ps.setDate(i++, Date.valueOf(d.appointedOn()));
        if (d.dismissedOn() == null) {
            ps.setNull(i++, Types.DATE);
        } else {
            ps.setDate(i++, Date.valueOf(d.dismissedOn()));
        }
        setNullableString(ps, i++, d.dismissalReason());
        return i;
    }

    /** Soft-deletes a row of one of the three tables. */
    boolean softDelete(Connection c, String table, long id, YouthRepository.Stamp stamp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                + " SET DELETED_AT = ?, DELETED_BY = ? WHERE ID = ? AND DELETED_AT IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(stamp.at()));
            ps.setLong(2, stamp.userId());
            ps.setLong(3, id);
            return ps.executeUpdate() == 1;
        }
    }

    Optional<Mentor> findLive(Connection c, long id) throws SQLException {
        return Jdbc.first(c, "SELECT " + COLUMNS
                + " FROM EMP_MENTOR M WHERE M.ID = ? AND M.DELETED_AT IS NULL", List.of(id), rs -> mentor(rs));
    }

    long count(Connection c, Collection<Long> counties, String query) throws SQLException {
        if (counties.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        return Jdbc.count(c, "SELECT COUNT(*) FROM EMP_MENTOR M WHERE "
                + where(counties, query, args), args);
    }

    List<Mentor> list(Connection c, Collection<Long> counties, String query, int offset, int size)
            throws SQLException {
        List<Mentor> out = new ArrayList<>();
        if (counties.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>();
        String where = where(counties, query, args);
        args.add(offset);
        args.add(size);
        out.addAll(Jdbc.all(c, "SELECT " + COLUMNS + " FROM EMP_MENTOR M WHERE " + where
                + " ORDER BY M.APPOINTED_ON DESC, M.ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                args, rs -> mentor(rs)));
        return out;
    }

    private static String where(Collection<Long> counties, String query, List<Object> args) {
        StringBuilder w = new StringBuilder("M.DELETED_AT IS NULL AND M.COUNTY_ID IN (")
                .append(placeholders(counties.size())).append(')');
        args.addAll(counties);
        if (query != null && !query.isBlank()) {
            String like = "%" + YouthRepository.escapeLike(query.strip().toLowerCase(Locale.ROOT)) + "%";
            w.append(" AND (LOWER(M.NAME) LIKE ? ESCAPE '!' OR LOWER(M.FIELD) LIKE ? ESCAPE '!'"
                    + " OR LOWER(M.EMPLOYER) LIKE ? ESCAPE '!')");
            args.add(like);
            args.add(like);
            args.add(like);
        }
        return w.toString();
    }

    // ---------------------------------------------------------------- pairings and activities

    long insertPairing(Connection c, long mentorId, long youthId, LocalDate pairedOn, YouthRepository.Stamp stamp)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO EMP_MENTOR_PAIRING (MENTOR_ID, YOUTH_ID, PAIRED_ON, "
                + "CREATED_AT, CREATED_BY) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, mentorId);
            ps.setLong(2, youthId);
            ps.setDate(3, Date.valueOf(pairedOn));
            ps.setTimestamp(4, Timestamp.from(stamp.at()));
            ps.setLong(5, stamp.userId());
            ps.executeUpdate();
            return generatedId(ps, "EMP_MENTOR_PAIRING");
        }
    }

    long insertActivity(Connection c, long mentorId, long youthId, LocalDate heldOn, String content,
            YouthRepository.Stamp stamp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO EMP_MENTOR_ACTIVITY (MENTOR_ID, YOUTH_ID, HELD_ON, "
                + "CONTENT, CREATED_AT, CREATED_BY) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, mentorId);
            ps.setLong(2, youthId);
            ps.setDate(3, Date.valueOf(heldOn));
            ps.setString(4, content);
            ps.setTimestamp(5, Timestamp.from(stamp.at()));
            ps.setLong(6, stamp.userId());
            ps.executeUpdate();
            return generatedId(ps, "EMP_MENTOR_ACTIVITY");
        }
    }

    List<Mentor.Pairing> pairings(Connection c, long mentorId) throws SQLException {
        List<Mentor.Pairing> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT P.ID, P.MENTOR_ID, P.YOUTH_ID, Y.NAME, P.PAIRED_ON "
                + "FROM EMP_MENTOR_PAIRING P JOIN EMP_YOUTH Y ON Y.ID = P.YOUTH_ID WHERE P.MENTOR_ID = ? "
                + "AND P.DELETED_AT IS NULL ORDER BY P.PAIRED_ON, P.ID")) {
            ps.setLong(1, mentorId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Mentor.Pairing(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                            rs.getDate(5).toLocalDate()));
                }
            }
        }
        return out;
    }

    List<Mentor.Activity> activities(Connection c, long mentorId) throws SQLException {
        List<Mentor.Activity> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT A.ID, A.MENTOR_ID, A.YOUTH_ID, Y.NAME, A.HELD_ON, "
                + "A.CONTENT FROM EMP_MENTOR_ACTIVITY A JOIN EMP_YOUTH Y ON Y.ID = A.YOUTH_ID WHERE A.MENTOR_ID = ? "
                + "AND A.DELETED_AT IS NULL ORDER BY A.HELD_ON DESC, A.ID DESC")) {
            ps.setLong(1, mentorId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Mentor.Activity(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                            rs.getDate(5).toLocalDate(), rs.getString(6)));
                }
            }
        }
        return out;
    }

    /** Live pairings of the mentor with the youth. */
    long countPairings(Connection c, long mentorId, long youthId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM EMP_MENTOR_PAIRING WHERE MENTOR_ID = ? "
                + "AND YOUTH_ID = ? AND DELETED_AT IS NULL")) {
            ps.setLong(1, mentorId);
            ps.setLong(2, youthId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Live pairings and activities of the mentor: a mentor with any cannot move to another county. */
    long countLinks(Connection c, long mentorId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT COUNT(*) FROM EMP_MENTOR_PAIRING WHERE MENTOR_ID = ? "
                + "AND DELETED_AT IS NULL) + (SELECT COUNT(*) FROM EMP_MENTOR_ACTIVITY WHERE MENTOR_ID = ? AND "
                + "DELETED_AT IS NULL) FROM EMP_MENTOR WHERE ID = ?")) {
            ps.setLong(1, mentorId);
            ps.setLong(2, mentorId);
            ps.setLong(3, mentorId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** The mentor of a live pairing or activity row, when it belongs to {@code mentorId}. */
    boolean belongsTo(Connection c, String table, long id, long mentorId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table
                + " WHERE ID = ? AND MENTOR_ID = ? AND DELETED_AT IS NULL")) {
            ps.setLong(1, id);
            ps.setLong(2, mentorId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        }
    }

    // ---------------------------------------------------------------- indicators and review

    /** Per county: active mentors on {@code day}, of them paired by it, of them with enough activities in the year. */
    Map<Long, long[]> countsByCounty(Connection c, Collection<Long> counties, LocalDate yearStart, LocalDate day,
            int minActivities) throws SQLException {
        Map<Long, long[]> out = new HashMap<>();
        if (counties.isEmpty()) {
            return out;
        }
        Date d = Date.valueOf(day);
        // A derived table: Derby admits no subquery inside an aggregate. The minimum is an int, inlined.
        String sql = "SELECT COUNTY_ID, COUNT(*), SUM(CASE WHEN NP > 0 THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN NA >= " + minActivities + " THEN 1 ELSE 0 END) FROM (SELECT M.COUNTY_ID, "
                + PAIRINGS + " AS NP, " + ACTIVITIES + " AS NA FROM EMP_MENTOR M WHERE " + ACTIVE
                + " AND M.COUNTY_ID IN (" + placeholders(counties.size()) + ")) T GROUP BY COUNTY_ID";
        List<Object> args = new ArrayList<>(List.of(d, Date.valueOf(yearStart), d, d, d));
        args.addAll(counties);
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

    /** Every mentor active on {@code day} with its pairings by the day and its activities in the year. */
    List<Mentor.Review> review(Connection c, Collection<Long> counties, LocalDate yearStart, LocalDate day)
            throws SQLException {
        List<Mentor.Review> out = new ArrayList<>();
        if (counties.isEmpty()) {
            return out;
        }
        Date d = Date.valueOf(day);
        String sql = "SELECT " + COLUMNS + ", " + PAIRINGS + ", " + ACTIVITIES + " FROM EMP_MENTOR M WHERE " + ACTIVE
                + " AND M.COUNTY_ID IN (" + placeholders(counties.size()) + ") ORDER BY M.COUNTY_ID, M.NAME, M.ID";
        List<Object> args = new ArrayList<>(List.of(d, Date.valueOf(yearStart), d, d, d));
        args.addAll(counties);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Mentor.Review(mentor(rs), rs.getLong(11), rs.getLong(12)));
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

    private static Mentor mentor(ResultSet rs) throws SQLException {
        Date dismissed = rs.getDate(7);
        return new Mentor(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getDate(6).toLocalDate(), dismissed == null ? null : dismissed.toLocalDate(), rs.getString(8),
                rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant());
    }
}
