package org.jixiao.core.internal.tracking;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jixiao.api.performance.ProcedureNote;
import org.jixiao.api.performance.Problem;
import org.jixiao.core.internal.schema.Jdbc;

/** The SQL of JX_PROBLEM and JX_PROCEDURE_NOTE; portable, on the caller's connection. */
final class TrackingRepository {

    private static final String COLUMNS = "ID, PERF_YEAR, ORG_UNIT_ID, PROJECT_ID, TITLE, DESCRIPTION, ANALYSIS,"
            + " MEASURE, OWNER_NAME, DUE_ON, PROBLEM_STATE, EVIDENCE, REOPEN_REASON, RECORDED_BY, RECORDED_AT,"
            + " UPDATED_BY, UPDATED_AT, CLOSED_BY, CLOSED_AT";

    private TrackingRepository() {
    }

    /** A stored problem without its unit's name, which the service adds. */
    static Problem find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM JX_PROBLEM WHERE ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? problem(rs) : null;
            }
        }
    }

    /** The year's problems of one unit, or of every unit when {@code orgUnitId} is null, by id. */
    static List<Problem> list(Connection c, int year, Long orgUnitId) throws SQLException {
        List<Problem> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM JX_PROBLEM WHERE PERF_YEAR = ?"
                + (orgUnitId == null ? "" : " AND ORG_UNIT_ID = ?") + " ORDER BY ID")) {
            ps.setInt(1, year);
            if (orgUnitId != null) {
                ps.setLong(2, orgUnitId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(problem(rs));
                }
            }
        }
        return out;
    }

    static long insert(Connection c, int year, long orgUnitId, String projectId, String title, String description,
            String owner, LocalDate dueOn, Instant now, String by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO JX_PROBLEM (PERF_YEAR, ORG_UNIT_ID, PROJECT_ID,"
                + " TITLE, DESCRIPTION, OWNER_NAME, DUE_ON, PROBLEM_STATE, RECORDED_BY, RECORDED_AT, UPDATED_BY,"
                + " UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setInt(1, year);
            ps.setLong(2, orgUnitId);
            ps.setString(3, projectId);
            ps.setString(4, title);
            ps.setString(5, description);
            ps.setString(6, owner);
            setDate(ps, 7, dueOn);
            ps.setString(8, Problem.State.OPEN.name());
            ps.setString(9, by);
            Jdbc.setInstant(ps, 10, now);
            ps.setString(11, by);
            Jdbc.setInstant(ps, 12, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated key for JX_PROBLEM");
                }
                return keys.getLong(1);
            }
        }
    }

    /** Replaces the working fields when the state is still {@code from}; false when it changed meanwhile. */
    static boolean update(Connection c, long id, Problem.State from, Problem.State to, String analysis,
            String measure, String owner, LocalDate dueOn, Instant now, String by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE JX_PROBLEM SET ANALYSIS = ?, MEASURE = ?,"
                + " OWNER_NAME = ?, DUE_ON = ?, PROBLEM_STATE = ?, UPDATED_BY = ?, UPDATED_AT = ?"
                + " WHERE ID = ? AND PROBLEM_STATE = ?")) {
            ps.setString(1, analysis);
            ps.setString(2, measure);
            ps.setString(3, owner);
            setDate(ps, 4, dueOn);
            ps.setString(5, to.name());
            ps.setString(6, by);
            Jdbc.setInstant(ps, 7, now);
            ps.setLong(8, id);
            ps.setString(9, from.name());
            return ps.executeUpdate() == 1;
        }
    }

    static boolean rectified(Connection c, long id, Problem.State from, String evidence, Instant now, String by)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE JX_PROBLEM SET PROBLEM_STATE = ?, EVIDENCE = ?,"
                + " UPDATED_BY = ?, UPDATED_AT = ? WHERE ID = ? AND PROBLEM_STATE = ?")) {
            ps.setString(1, Problem.State.RECTIFIED.name());
            ps.setString(2, evidence);
            ps.setString(3, by);
            Jdbc.setInstant(ps, 4, now);
            ps.setLong(5, id);
            ps.setString(6, from.name());
            return ps.executeUpdate() == 1;
        }
    }

    static boolean close(Connection c, long id, Instant now, String by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE JX_PROBLEM SET PROBLEM_STATE = ?, CLOSED_BY = ?,"
                + " CLOSED_AT = ?, UPDATED_BY = ?, UPDATED_AT = ? WHERE ID = ? AND PROBLEM_STATE = ?")) {
            ps.setString(1, Problem.State.CLOSED.name());
            ps.setString(2, by);
            Jdbc.setInstant(ps, 3, now);
            ps.setString(4, by);
            Jdbc.setInstant(ps, 5, now);
            ps.setLong(6, id);
            ps.setString(7, Problem.State.RECTIFIED.name());
            return ps.executeUpdate() == 1;
        }
    }

    /** Back to RECTIFYING; the evidence stays for the record, the closing is cleared. */
    static boolean reopen(Connection c, long id, Problem.State from, String reason, Instant now, String by)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE JX_PROBLEM SET PROBLEM_STATE = ?, REOPEN_REASON = ?,"
                + " CLOSED_BY = NULL, CLOSED_AT = NULL, UPDATED_BY = ?, UPDATED_AT = ? WHERE ID = ?"
                + " AND PROBLEM_STATE = ?")) {
            ps.setString(1, Problem.State.RECTIFYING.name());
            ps.setString(2, reason);
            ps.setString(3, by);
            Jdbc.setInstant(ps, 4, now);
            ps.setLong(5, id);
            ps.setString(6, from.name());
            return ps.executeUpdate() == 1;
        }
    }

    // ---------------------------------------------------------------- procedures

    static List<ProcedureNote> notes(Connection c, String projectId) throws SQLException {
        List<ProcedureNote> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT PROJECT_ID, NOTE_VERSION, NOTE_TEXT, REASON,"
                + " PROBLEM_ID, NOTED_BY, NOTED_AT FROM JX_PROCEDURE_NOTE WHERE PROJECT_ID = ?"
                + " ORDER BY NOTE_VERSION DESC")) {
            ps.setString(1, projectId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long problem = rs.getLong("PROBLEM_ID");
                    Long problemId = rs.wasNull() ? null : problem;
                    out.add(new ProcedureNote(rs.getString("PROJECT_ID"), rs.getInt("NOTE_VERSION"),
                            rs.getString("NOTE_TEXT"), rs.getString("REASON"), problemId,
                            rs.getString("NOTED_BY"), Jdbc.getInstant(rs, "NOTED_AT")));
                }
            }
        }
        return out;
    }

    static int latestVersion(Connection c, String projectId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(NOTE_VERSION) FROM JX_PROCEDURE_NOTE"
                + " WHERE PROJECT_ID = ?")) {
            ps.setString(1, projectId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    static void insertNote(Connection c, ProcedureNote note) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO JX_PROCEDURE_NOTE (PROJECT_ID, NOTE_VERSION,"
                + " NOTE_TEXT, REASON, PROBLEM_ID, NOTED_BY, NOTED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, note.projectId());
            ps.setInt(2, note.version());
            ps.setString(3, note.text());
            ps.setString(4, note.reason());
            Jdbc.setNullableLong(ps, 5, note.problemId());
            ps.setString(6, note.by());
            Jdbc.setInstant(ps, 7, note.at());
            ps.executeUpdate();
        }
    }

    // ---------------------------------------------------------------- mapping

    private static Problem problem(ResultSet rs) throws SQLException {
        Date due = rs.getDate("DUE_ON");
        return new Problem(rs.getLong("ID"), rs.getInt("PERF_YEAR"), rs.getLong("ORG_UNIT_ID"), null,
                rs.getString("PROJECT_ID"), rs.getString("TITLE"), rs.getString("DESCRIPTION"),
                rs.getString("ANALYSIS"), rs.getString("MEASURE"), rs.getString("OWNER_NAME"),
                due == null ? null : due.toLocalDate(), Problem.State.valueOf(rs.getString("PROBLEM_STATE")),
                rs.getString("EVIDENCE"), rs.getString("RECORDED_BY"), Jdbc.getInstant(rs, "RECORDED_AT"),
                rs.getString("UPDATED_BY"), Jdbc.getInstant(rs, "UPDATED_AT"), rs.getString("CLOSED_BY"),
                Jdbc.getInstant(rs, "CLOSED_AT"), rs.getString("REOPEN_REASON"));
    }

    private static void setDate(PreparedStatement ps, int index, LocalDate day) throws SQLException {
        if (day == null) {
            ps.setNull(index, Types.DATE);
        } else {
            // java.sql.Date converts through the JVM's zone both ways, so the calendar day survives.
            ps.setDate(index, Date.valueOf(day));
        }
    }
}
