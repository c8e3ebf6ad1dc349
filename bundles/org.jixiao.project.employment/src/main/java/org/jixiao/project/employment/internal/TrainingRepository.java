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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The SQL of classified training; portable, on the caller's connection. */
final class TrainingRepository {

    static final String PLAN = "EMP_TRAINING_PLAN";
    static final String SESSION = "EMP_TRAINING_SESSION";
    static final String ATTENDEE = "EMP_TRAINING_ATTENDEE";

    private static final String PLAN_COLUMNS = "ID, COUNTY_ID, PLAN_YEAR, PLANNED_SESSIONS, PLANNED_TRAINEES, "
            + "CONTENT, PLANNED_ON, CREATED_AT, UPDATED_AT";
    private static final String SESSION_COLUMNS = "S.ID, S.COUNTY_ID, S.HELD_ON, S.TOPIC, S.CATEGORY, S.PARTNER, "
            + "S.PLACE, S.SATISFACTION, S.FEEDBACK, (SELECT COUNT(*) FROM EMP_TRAINING_ATTENDEE A WHERE "
            + "A.SESSION_ID = S.ID AND A.DELETED_AT IS NULL), S.CREATED_AT, S.UPDATED_AT";

    /** The search of the session list: the year and, optionally, a category and text in the topic or partner. */
    record Filter(int year, String query, TrainingCategory category) {
    }

    /** The county of a live youth record, empty when there is none. */
    static Optional<Long> liveYouthCounty(Connection c, long youthId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNTY_ID FROM EMP_YOUTH WHERE ID = ? AND DELETED_AT IS NULL")) {
            ps.setLong(1, youthId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    // ---------------------------------------------------------------- plans

    long insertPlan(Connection c, TrainingService.PlanData d, YouthRepository.Stamp stamp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO EMP_TRAINING_PLAN (COUNTY_ID, PLAN_YEAR, "
                + "PLANNED_SESSIONS, PLANNED_TRAINEES, CONTENT, PLANNED_ON, LIVE_KEY, CREATED_AT, CREATED_BY, "
                + "UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            int i = bindPlan(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i, stamp.userId());
            ps.executeUpdate();
            return generatedId(ps, PLAN);
        }
    }

    void updatePlan(Connection c, long id, TrainingService.PlanData d, YouthRepository.Stamp stamp)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE EMP_TRAINING_PLAN SET COUNTY_ID = ?, PLAN_YEAR = ?, "
                + "PLANNED_SESSIONS = ?, PLANNED_TRAINEES = ?, CONTENT = ?, PLANNED_ON = ?, LIVE_KEY = ?, "
                + "UPDATED_AT = ?, UPDATED_BY = ? WHERE ID = ? AND DELETED_AT IS NULL")) {
            int i = bindPlan(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setLong(i, id);
            ps.executeUpdate();
        }
    }

    private static int bindPlan(PreparedStatement ps, TrainingService.PlanData d) throws SQLException {
        int i = 1;
        ps.setLong(i++, d.countyId());
        ps.setInt(i++, d.year());
        ps.setInt(i++, d.plannedSessions());
        ps.setInt(i++, d.plannedTrainees());
        ps.setString(i++, d.content());
        ps.setDate(i++, Date.valueOf(d.plannedOn()));
        ps.setString(i++, d.countyId() + ":" + d.year());
        return i;
    }

    Optional<Training.Plan> findPlan(Connection c, long id) throws SQLException {
        return Jdbc.first(c, "SELECT " + PLAN_COLUMNS
                + " FROM EMP_TRAINING_PLAN WHERE ID = ? AND DELETED_AT IS NULL", List.of(id), rs -> plan(rs));
    }

    /** The live plan of the county and year other than {@code exceptId} (0: any), if there is one. */
    Optional<Long> otherPlan(Connection c, long countyId, int year, long exceptId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM EMP_TRAINING_PLAN WHERE COUNTY_ID = ? AND "
                + "PLAN_YEAR = ? AND DELETED_AT IS NULL AND ID <> ?")) {
            ps.setLong(1, countyId);
            ps.setInt(2, year);
            ps.setLong(3, exceptId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The live plans of the counties for the year (all years when null), by county. */
    List<Training.Plan> plans(Connection c, Collection<Long> counties, Integer year) throws SQLException {
        List<Training.Plan> out = new ArrayList<>();
        if (counties.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>(counties);
        String sql = "SELECT " + PLAN_COLUMNS + " FROM EMP_TRAINING_PLAN WHERE DELETED_AT IS NULL AND COUNTY_ID IN ("
                + placeholders(counties.size()) + ")" + (year == null ? "" : " AND PLAN_YEAR = ?")
                + " ORDER BY PLAN_YEAR DESC, COUNTY_ID, ID";
        if (year != null) {
            args.add(year);
        }
        out.addAll(Jdbc.all(c, sql, args, rs -> plan(rs)));
        return out;
    }

    boolean deletePlan(Connection c, long id, YouthRepository.Stamp stamp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE EMP_TRAINING_PLAN SET DELETED_AT = ?, DELETED_BY = ?, "
                + "LIVE_KEY = NULL WHERE ID = ? AND DELETED_AT IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(stamp.at()));
            ps.setLong(2, stamp.userId());
            ps.setLong(3, id);
            return ps.executeUpdate() == 1;
        }
    }

    private static Training.Plan plan(ResultSet rs) throws SQLException {
        return new Training.Plan(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                rs.getString(6), rs.getDate(7).toLocalDate(), rs.getTimestamp(8).toInstant(),
                rs.getTimestamp(9).toInstant());
    }

    // ---------------------------------------------------------------- sessions

    long insertSession(Connection c, TrainingService.SessionData d, YouthRepository.Stamp stamp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO EMP_TRAINING_SESSION (COUNTY_ID, HELD_ON, TOPIC, "
                + "CATEGORY, PARTNER, PLACE, SATISFACTION, FEEDBACK, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            int i = bindSession(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i, stamp.userId());
            ps.executeUpdate();
            return generatedId(ps, SESSION);
        }
    }

    void updateSession(Connection c, long id, TrainingService.SessionData d, YouthRepository.Stamp stamp)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE EMP_TRAINING_SESSION SET COUNTY_ID = ?, HELD_ON = ?, "
                + "TOPIC = ?, CATEGORY = ?, PARTNER = ?, PLACE = ?, SATISFACTION = ?, FEEDBACK = ?, UPDATED_AT = ?, "
                + "UPDATED_BY = ? WHERE ID = ? AND DELETED_AT IS NULL")) {
            int i = bindSession(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setLong(i, id);
            ps.executeUpdate();
        }
        // The attendances carry the session's county and day for the actuals; keep them in step.
        try (PreparedStatement ps = c.prepareStatement("UPDATE EMP_TRAINING_ATTENDEE SET COUNTY_ID = ?, HELD_ON = ? "
                + "WHERE SESSION_ID = ?")) {
            ps.setLong(1, d.countyId());
            ps.setDate(2, Date.valueOf(d.heldOn()));
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    /** Soft-deletes a live session and its live attendances, which then no longer count. */
    boolean deleteSession(Connection c, long id, YouthRepository.Stamp stamp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE EMP_TRAINING_ATTENDEE SET DELETED_AT = ?, "
                + "DELETED_BY = ?, LIVE_KEY = NULL WHERE SESSION_ID = ? AND DELETED_AT IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(stamp.at()));
            ps.setLong(2, stamp.userId());
            ps.setLong(3, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE EMP_TRAINING_SESSION SET DELETED_AT = ?, "
                + "DELETED_BY = ? WHERE ID = ? AND DELETED_AT IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(stamp.at()));
            ps.setLong(2, stamp.userId());
            ps.setLong(3, id);
            return ps.executeUpdate() == 1;
        }
    }

    private static int bindSession(PreparedStatement ps, TrainingService.SessionData d) throws SQLException {
        int i = 1;
        ps.setLong(i++, d.countyId());
        ps.setDate(i++, Date.valueOf(d.heldOn()));
        ps.setString(i++, d.topic());
        ps.setString(i++, d.category().name());
        setNullableString(ps, i++, d.partner());
        setNullableString(ps, i++, d.place());
        if (d.satisfaction() == null) {
            ps.setNull(i++, Types.SMALLINT);
        } else {
            ps.setInt(i++, d.satisfaction());
        }
        setNullableString(ps, i++, d.feedback());
        return i;
    }

    Optional<Training.Session> findSession(Connection c, long id) throws SQLException {
        return Jdbc.first(c, "SELECT " + SESSION_COLUMNS
                + " FROM EMP_TRAINING_SESSION S WHERE S.ID = ? AND S.DELETED_AT IS NULL",
                List.of(id), rs -> session(rs));
    }

    long countSessions(Connection c, Collection<Long> counties, Filter f) throws SQLException {
        if (counties.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        return Jdbc.count(c, "SELECT COUNT(*) FROM EMP_TRAINING_SESSION S WHERE "
                + where(counties, f, args), args);
    }

    List<Training.Session> sessions(Connection c, Collection<Long> counties, Filter f, int offset, int size)
            throws SQLException {
        List<Training.Session> out = new ArrayList<>();
        if (counties.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>();
        String where = where(counties, f, args);
        args.add(offset);
        args.add(size);
        out.addAll(Jdbc.all(c, "SELECT " + SESSION_COLUMNS + " FROM EMP_TRAINING_SESSION S "
                + "WHERE " + where + " ORDER BY S.HELD_ON DESC, S.ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                args, rs -> session(rs)));
        return out;
    }

    private static String where(Collection<Long> counties, Filter f, List<Object> args) {
        StringBuilder w = new StringBuilder("S.DELETED_AT IS NULL AND S.COUNTY_ID IN (")
                .append(placeholders(counties.size())).append(") AND S.HELD_ON >= ? AND S.HELD_ON <= ?");
        args.addAll(counties);
        args.add(Date.valueOf(LocalDate.of(f.year(), 1, 1)));
        args.add(Date.valueOf(LocalDate.of(f.year(), 12, 31)));
        if (f.query() != null && !f.query().isBlank()) {
            String like = "%" + YouthRepository.escapeLike(f.query().strip().toLowerCase(Locale.ROOT)) + "%";
            w.append(" AND (LOWER(S.TOPIC) LIKE ? ESCAPE '!' OR LOWER(S.PARTNER) LIKE ? ESCAPE '!')");
            args.add(like);
            args.add(like);
        }
        if (f.category() != null) {
            w.append(" AND S.CATEGORY = ?");
            args.add(f.category().name());
        }
        return w.toString();
    }

    private static Training.Session session(ResultSet rs) throws SQLException {
        int satisfaction = rs.getInt(8);
        Integer rating = rs.wasNull() ? null : satisfaction;
        return new Training.Session(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getString(4),
                Enums.parse(TrainingCategory.class, rs.getString(5)).orElse(TrainingCategory.OTHER), rs.getString(6),
                rs.getString(7), rating, rs.getString(9), rs.getLong(10), rs.getTimestamp(11).toInstant(),
                rs.getTimestamp(12).toInstant());
    }

    // ---------------------------------------------------------------- attendees

    /** @throws SQLException with state {@link YouthRepository#UNIQUE_VIOLATION} when the youth already attends */
    long insertAttendee(Connection c, Training.Session session, long youthId, String followUp,
            YouthRepository.Stamp stamp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO EMP_TRAINING_ATTENDEE (SESSION_ID, YOUTH_ID, "
                + "COUNTY_ID, HELD_ON, LIVE_KEY, FOLLOW_UP, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, session.id());
            ps.setLong(2, youthId);
            ps.setLong(3, session.countyId());
            ps.setDate(4, Date.valueOf(session.heldOn()));
            ps.setString(5, session.id() + ":" + youthId);
            setNullableString(ps, 6, followUp);
            ps.setTimestamp(7, Timestamp.from(stamp.at()));
            ps.setLong(8, stamp.userId());
            ps.setTimestamp(9, Timestamp.from(stamp.at()));
            ps.setLong(10, stamp.userId());
            ps.executeUpdate();
            return generatedId(ps, ATTENDEE);
        }
    }

    /** Sets the follow-up note of a live attendee of the session; false when there is none. */
    boolean updateFollowUp(Connection c, long sessionId, long attendeeId, String followUp,
            YouthRepository.Stamp stamp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE EMP_TRAINING_ATTENDEE SET FOLLOW_UP = ?, "
                + "UPDATED_AT = ?, UPDATED_BY = ? WHERE ID = ? AND SESSION_ID = ? AND DELETED_AT IS NULL")) {
            setNullableString(ps, 1, followUp);
            ps.setTimestamp(2, Timestamp.from(stamp.at()));
            ps.setLong(3, stamp.userId());
            ps.setLong(4, attendeeId);
            ps.setLong(5, sessionId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Soft-deletes a live attendee of the session; false when there is none. */
    boolean deleteAttendee(Connection c, long sessionId, long attendeeId, YouthRepository.Stamp stamp)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE EMP_TRAINING_ATTENDEE SET DELETED_AT = ?, "
                + "DELETED_BY = ?, LIVE_KEY = NULL WHERE ID = ? AND SESSION_ID = ? AND DELETED_AT IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(stamp.at()));
            ps.setLong(2, stamp.userId());
            ps.setLong(3, attendeeId);
            ps.setLong(4, sessionId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Whether the youth is already a live attendee of the session. */
    boolean attends(Connection c, long sessionId, long youthId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM EMP_TRAINING_ATTENDEE WHERE "
                + "SESSION_ID = ? AND YOUTH_ID = ? AND DELETED_AT IS NULL")) {
            ps.setLong(1, sessionId);
            ps.setLong(2, youthId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    List<Training.Attendee> attendees(Connection c, long sessionId) throws SQLException {
        List<Training.Attendee> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT A.ID, A.SESSION_ID, A.YOUTH_ID, Y.NAME, A.FOLLOW_UP "
                + "FROM EMP_TRAINING_ATTENDEE A JOIN EMP_YOUTH Y ON Y.ID = A.YOUTH_ID WHERE A.SESSION_ID = ? "
                + "AND A.DELETED_AT IS NULL ORDER BY A.ID")) {
            ps.setLong(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Training.Attendee(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- indicators

    /**
     * Per county: the distinct sessions and the distinct youth among the live attendances from {@code from} to
     * {@code to} (a session nobody is recorded at has none). One pass over the covering index, counted here: Derby
     * admits one DISTINCT aggregate per query, and two queries each sorting the year's attendances took twice as
     * long on a city's data.
     */
    Map<Long, long[]> countsByCounty(Connection c, Collection<Long> counties, LocalDate from, LocalDate to)
            throws SQLException {
        Map<Long, long[]> out = new HashMap<>();
        if (counties.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>(counties);
        args.add(Date.valueOf(from));
        args.add(Date.valueOf(to));
        Map<Long, Set<Long>> sessions = new HashMap<>();
        Map<Long, Set<Long>> youth = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNTY_ID, SESSION_ID, YOUTH_ID FROM "
                + "EMP_TRAINING_ATTENDEE WHERE DELETED_AT IS NULL AND COUNTY_ID IN (" + placeholders(counties.size())
                + ") AND HELD_ON >= ? AND HELD_ON <= ?")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long county = rs.getLong(1);
                    sessions.computeIfAbsent(county, k -> new HashSet<>()).add(rs.getLong(2));
                    youth.computeIfAbsent(county, k -> new HashSet<>()).add(rs.getLong(3));
                }
            }
        }
        sessions.forEach((county, ids) -> out.put(county, new long[] {ids.size(), youth.get(county).size()}));
        return out;
    }

    // ---------------------------------------------------------------- shared

    static long generatedId(PreparedStatement ps, String table) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("the database returned no generated id for " + table);
            }
            return keys.getLong(1);
        }
    }
}
