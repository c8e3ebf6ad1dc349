package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.TrainingRepository.generatedId;
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

/** The SQL of the hometown students, events and participants; portable, on the caller's connection. */
final class HometownRepository {

    static final String STUDENT = "EMP_HOMETOWN_STUDENT";
    static final String EVENT = "EMP_HOMETOWN_EVENT";

    private static final String STUDENT_COLUMNS = "S.ID, S.NAME, S.UNIVERSITY, S.MAJOR, S.PHONE, S.COUNTY_ID, "
            + "S.YOUTH_ID, Y.NAME, S.CREATED_AT, S.UPDATED_AT";
    private static final String STUDENT_FROM = " FROM EMP_HOMETOWN_STUDENT S LEFT JOIN EMP_YOUTH Y ON Y.ID = S.YOUTH_ID";
    private static final String EVENT_COLUMNS = "E.ID, E.COUNTY_ID, E.HELD_ON, E.TITLE, E.PLACE, E.ORGANISER, "
            + "E.NOTES, (SELECT COUNT(*) FROM EMP_HOMETOWN_PARTICIPANT P WHERE P.EVENT_ID = E.ID AND "
            + "P.DELETED_AT IS NULL), E.CREATED_AT, E.UPDATED_AT";

    // ---------------------------------------------------------------- students

    long insertStudent(Connection c, HometownService.StudentData d, YouthRepository.Stamp stamp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO EMP_HOMETOWN_STUDENT (NAME, UNIVERSITY, MAJOR, "
                + "PHONE, COUNTY_ID, YOUTH_ID, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            int i = bindStudent(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i, stamp.userId());
            ps.executeUpdate();
            return generatedId(ps, STUDENT);
        }
    }

    void updateStudent(Connection c, long id, HometownService.StudentData d, YouthRepository.Stamp stamp)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE EMP_HOMETOWN_STUDENT SET NAME = ?, UNIVERSITY = ?, "
                + "MAJOR = ?, PHONE = ?, COUNTY_ID = ?, YOUTH_ID = ?, UPDATED_AT = ?, UPDATED_BY = ? "
                + "WHERE ID = ? AND DELETED_AT IS NULL")) {
            int i = bindStudent(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setLong(i, id);
            ps.executeUpdate();
        }
    }

    private static int bindStudent(PreparedStatement ps, HometownService.StudentData d) throws SQLException {
        int i = 1;
        ps.setString(i++, d.name());
        ps.setString(i++, d.university());
        setNullableString(ps, i++, d.major());
        setNullableString(ps, i++, d.phone());
        ps.setLong(i++, d.countyId());
        if (d.youthId() == null) {
            ps.setNull(i++, Types.BIGINT);
        } else {
            ps.setLong(i++, d.youthId());
        }
        return i;
    }

    Optional<Hometown.Student> findStudent(Connection c, long id) throws SQLException {
        return Jdbc.first(c, "SELECT " + STUDENT_COLUMNS + STUDENT_FROM
                + " WHERE S.ID = ? AND S.DELETED_AT IS NULL", List.of(id), rs -> student(rs));
    }

    /**
     * Another live student of the county with the same name, university and phone (both without a phone counts as
     * the same): registering them again would count one person twice.
     */
    boolean sameStudent(Connection c, HometownService.StudentData d, long exceptId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM EMP_HOMETOWN_STUDENT WHERE COUNTY_ID = ? "
                + "AND DELETED_AT IS NULL AND NAME = ? AND UNIVERSITY = ? AND ID <> ? AND "
                + (d.phone() == null ? "PHONE IS NULL" : "PHONE = ?"))) {
            ps.setLong(1, d.countyId());
            ps.setString(2, d.name());
            ps.setString(3, d.university());
            ps.setLong(4, exceptId);
            if (d.phone() != null) {
                ps.setString(5, d.phone());
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    long countStudents(Connection c, Collection<Long> counties, String query) throws SQLException {
        if (counties.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        return Jdbc.count(c, "SELECT COUNT(*) FROM EMP_HOMETOWN_STUDENT S WHERE "
                + studentWhere(counties, query, args), args);
    }

    List<Hometown.Student> students(Connection c, Collection<Long> counties, String query, int offset, int size)
            throws SQLException {
        List<Hometown.Student> out = new ArrayList<>();
        if (counties.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>();
        String where = studentWhere(counties, query, args);
        args.add(offset);
        args.add(size);
        out.addAll(Jdbc.all(c, "SELECT " + STUDENT_COLUMNS + STUDENT_FROM + " WHERE " + where
                + " ORDER BY S.NAME, S.ID OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", args, rs -> student(rs)));
        return out;
    }

    private static String studentWhere(Collection<Long> counties, String query, List<Object> args) {
        StringBuilder w = new StringBuilder("S.DELETED_AT IS NULL AND S.COUNTY_ID IN (")
                .append(placeholders(counties.size())).append(')');
        args.addAll(counties);
        if (query != null && !query.isBlank()) {
            String like = "%" + YouthRepository.escapeLike(query.strip().toLowerCase(Locale.ROOT)) + "%";
            w.append(" AND (LOWER(S.NAME) LIKE ? ESCAPE '!' OR LOWER(S.UNIVERSITY) LIKE ? ESCAPE '!')");
            args.add(like);
            args.add(like);
        }
        return w.toString();
    }

    /** Live participations of the student: a student who took part cannot move to another county. */
    long countParticipations(Connection c, long studentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM EMP_HOMETOWN_PARTICIPANT WHERE "
                + "STUDENT_ID = ? AND DELETED_AT IS NULL")) {
            ps.setLong(1, studentId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Soft-deletes every live participation of the student, as the student record goes. */
    void deleteParticipations(Connection c, long studentId, YouthRepository.Stamp stamp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE EMP_HOMETOWN_PARTICIPANT SET DELETED_AT = ?, "
                + "DELETED_BY = ?, LIVE_KEY = NULL WHERE STUDENT_ID = ? AND DELETED_AT IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(stamp.at()));
            ps.setLong(2, stamp.userId());
            ps.setLong(3, studentId);
            ps.executeUpdate();
        }
    }

    private static Hometown.Student student(ResultSet rs) throws SQLException {
        long youth = rs.getLong(7);
        Long youthId = rs.wasNull() ? null : youth;
        return new Hometown.Student(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getLong(6), youthId, rs.getString(8), rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10).toInstant());
    }

    // ---------------------------------------------------------------- events

    long insertEvent(Connection c, HometownService.EventData d, YouthRepository.Stamp stamp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO EMP_HOMETOWN_EVENT (COUNTY_ID, HELD_ON, TITLE, "
                + "PLACE, ORGANISER, NOTES, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            int i = bindEvent(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i, stamp.userId());
            ps.executeUpdate();
            return generatedId(ps, EVENT);
        }
    }

    void updateEvent(Connection c, long id, HometownService.EventData d, YouthRepository.Stamp stamp)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE EMP_HOMETOWN_EVENT SET COUNTY_ID = ?, HELD_ON = ?, "
                + "TITLE = ?, PLACE = ?, ORGANISER = ?, NOTES = ?, UPDATED_AT = ?, UPDATED_BY = ? "
                + "WHERE ID = ? AND DELETED_AT IS NULL")) {
            int i = bindEvent(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setLong(i, id);
            ps.executeUpdate();
        }
        // The participations carry the event's county and day for the actuals; keep them in step.
        try (PreparedStatement ps = c.prepareStatement("UPDATE EMP_HOMETOWN_PARTICIPANT SET COUNTY_ID = ?, "
                + "HELD_ON = ? WHERE EVENT_ID = ?")) {
            ps.setLong(1, d.countyId());
            ps.setDate(2, Date.valueOf(d.heldOn()));
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    /** Soft-deletes a live event and its live participations, which then no longer count. */
    boolean deleteEvent(Connection c, long id, YouthRepository.Stamp stamp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE EMP_HOMETOWN_PARTICIPANT SET DELETED_AT = ?, "
                + "DELETED_BY = ?, LIVE_KEY = NULL WHERE EVENT_ID = ? AND DELETED_AT IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(stamp.at()));
            ps.setLong(2, stamp.userId());
            ps.setLong(3, id);
            ps.executeUpdate();
        }
        return softDelete(c, EVENT, id, stamp);
    }

    private static int bindEvent(PreparedStatement ps, HometownService.EventData d) throws SQLException {
        int i = 1;
        ps.setLong(i++, d.countyId());
        ps.setDate(i++, Date.valueOf(d.heldOn()));
        ps.setString(i++, d.title());
        ps.setString(i++, d.place());
        ps.setString(i++, d.organiser());
        setNullableString(ps, i++, d.notes());
        return i;
    }

    Optional<Hometown.Event> findEvent(Connection c, long id) throws SQLException {
        return Jdbc.first(c, "SELECT " + EVENT_COLUMNS
                + " FROM EMP_HOMETOWN_EVENT E WHERE E.ID = ? AND E.DELETED_AT IS NULL", List.of(id), rs -> event(rs));
    }

    long countEvents(Connection c, Collection<Long> counties, int year, String query) throws SQLException {
        if (counties.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        return Jdbc.count(c, "SELECT COUNT(*) FROM EMP_HOMETOWN_EVENT E WHERE "
                + eventWhere(counties, year, query, args), args);
    }

    List<Hometown.Event> events(Connection c, Collection<Long> counties, int year, String query, int offset, int size)
            throws SQLException {
        List<Hometown.Event> out = new ArrayList<>();
        if (counties.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>();
        String where = eventWhere(counties, year, query, args);
        args.add(offset);
        args.add(size);
        out.addAll(Jdbc.all(c, "SELECT " + EVENT_COLUMNS + " FROM EMP_HOMETOWN_EVENT E WHERE "
                + where + " ORDER BY E.HELD_ON DESC, E.ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                args, rs -> event(rs)));
        return out;
    }

    private static String eventWhere(Collection<Long> counties, int year, String query, List<Object> args) {
        StringBuilder w = new StringBuilder("E.DELETED_AT IS NULL AND E.COUNTY_ID IN (")
                .append(placeholders(counties.size())).append(") AND E.HELD_ON >= ? AND E.HELD_ON <= ?");
        args.addAll(counties);
        args.add(Date.valueOf(LocalDate.of(year, 1, 1)));
        args.add(Date.valueOf(LocalDate.of(year, 12, 31)));
        if (query != null && !query.isBlank()) {
            String like = "%" + YouthRepository.escapeLike(query.strip().toLowerCase(Locale.ROOT)) + "%";
            w.append(" AND (LOWER(E.TITLE) LIKE ? ESCAPE '!' OR LOWER(E.PLACE) LIKE ? ESCAPE '!'"
                    + " OR LOWER(E.ORGANISER) LIKE ? ESCAPE '!')");
            args.add(like);
            args.add(like);
            args.add(like);
        }
        return w.toString();
    }

    private static Hometown.Event event(ResultSet rs) throws SQLException {
        return new Hometown.Event(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10).toInstant());
    }

    // ---------------------------------------------------------------- participants

    /** @throws SQLException with state {@link YouthRepository#UNIQUE_VIOLATION} when the student already takes part */
    long insertParticipant(Connection c, Hometown.Event event, long studentId, YouthRepository.Stamp stamp)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO EMP_HOMETOWN_PARTICIPANT (EVENT_ID, STUDENT_ID, "
                + "COUNTY_ID, HELD_ON, LIVE_KEY, CREATED_AT, CREATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, event.id());
            ps.setLong(2, studentId);
            ps.setLong(3, event.countyId());
            ps.setDate(4, Date.valueOf(event.heldOn()));
            ps.setString(5, event.id() + ":" + studentId);
            ps.setTimestamp(6, Timestamp.from(stamp.at()));
            ps.setLong(7, stamp.userId());
            ps.executeUpdate();
            return generatedId(ps, "EMP_HOMETOWN_PARTICIPANT");
        }
    }

    boolean takesPart(Connection c, long eventId, long studentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM EMP_HOMETOWN_PARTICIPANT WHERE "
                + "EVENT_ID = ? AND STUDENT_ID = ? AND DELETED_AT IS NULL")) {
            ps.setLong(1, eventId);
            ps.setLong(2, studentId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /** Soft-deletes a live participant of the event; false when there is none. */
    boolean deleteParticipant(Connection c, long eventId, long participantId, YouthRepository.Stamp stamp)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE EMP_HOMETOWN_PARTICIPANT SET DELETED_AT = ?, "
                + "DELETED_BY = ?, LIVE_KEY = NULL WHERE ID = ? AND EVENT_ID = ? AND DELETED_AT IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(stamp.at()));
            ps.setLong(2, stamp.userId());
            ps.setLong(3, participantId);
            ps.setLong(4, eventId);
            return ps.executeUpdate() == 1;
        }
    }

    List<Hometown.Participant> participants(Connection c, long eventId) throws SQLException {
        List<Hometown.Participant> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT P.ID, P.EVENT_ID, P.STUDENT_ID, S.NAME, S.UNIVERSITY, "
                + "S.MAJOR FROM EMP_HOMETOWN_PARTICIPANT P JOIN EMP_HOMETOWN_STUDENT S ON S.ID = P.STUDENT_ID "
                + "WHERE P.EVENT_ID = ? AND P.DELETED_AT IS NULL ORDER BY S.NAME, P.ID")) {
            ps.setLong(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Hometown.Participant(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- indicator

    /**
     * Per county: distinct students among its live participations from {@code from} to {@code to}. A deleted event's
     * or student's participations are deleted with it, so this table alone answers. Counted here in one pass over
     * the covering index, which on a city's data took half the time of Derby's sort for COUNT(DISTINCT).
     */
    Map<Long, Long> studentsByCounty(Connection c, Collection<Long> counties, LocalDate from, LocalDate to)
            throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        if (counties.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>(counties);
        args.add(Date.valueOf(from));
        args.add(Date.valueOf(to));
        Map<Long, Set<Long>> students = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNTY_ID, STUDENT_ID FROM EMP_HOMETOWN_PARTICIPANT "
                + "WHERE DELETED_AT IS NULL AND COUNTY_ID IN (" + placeholders(counties.size())
                + ") AND HELD_ON >= ? AND HELD_ON <= ?")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    students.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
                }
            }
        }
        students.forEach((county, ids) -> out.put(county, (long) ids.size()));
        return out;
    }

    // ---------------------------------------------------------------- shared

    boolean softDelete(Connection c, String table, long id, YouthRepository.Stamp stamp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                + " SET DELETED_AT = ?, DELETED_BY = ? WHERE ID = ? AND DELETED_AT IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(stamp.at()));
            ps.setLong(2, stamp.userId());
            ps.setLong(3, id);
            return ps.executeUpdate() == 1;
        }
    }
}
