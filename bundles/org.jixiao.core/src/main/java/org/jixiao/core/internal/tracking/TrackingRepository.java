package org.jixiao.core.internal.tracking;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
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
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM JX_PROBLEM WHERE ID = ?", TrackingRepository::problem, id);
    }

    /** The year's problems of one unit, or of every unit when {@code orgUnitId} is null, by id. */
    static List<Problem> list(Connection c, int year, Long orgUnitId) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM JX_PROBLEM WHERE PERF_YEAR = ?"
                + (orgUnitId == null ? "" : " AND ORG_UNIT_ID = ?") + " ORDER BY ID";
        Object[] args = orgUnitId == null ? new Object[] {year} : new Object[] {year, orgUnitId};
        return Jdbc.list(c, sql, TrackingRepository::problem, args);
    }

    static long insert(Connection c, int year, long orgUnitId, String projectId, String title, String description,
            String owner, LocalDate dueOn, Instant now, String by) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO JX_PROBLEM (PERF_YEAR, ORG_UNIT_ID, PROJECT_ID, TITLE, DESCRIPTION,"
                + " OWNER_NAME, DUE_ON, PROBLEM_STATE, RECORDED_BY, RECORDED_AT, UPDATED_BY, UPDATED_AT)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", year, orgUnitId, projectId, title, description, owner,
                dueOn, Problem.State.OPEN.name(), by, now, by, now);
    }

    /** Replaces the working fields when the state is still {@code from}; false when it changed meanwhile. */
    static boolean update(Connection c, long id, Problem.State from, Problem.State to, String analysis,
            String measure, String owner, LocalDate dueOn, Instant now, String by) throws SQLException {
        return Jdbc.update(c, "UPDATE JX_PROBLEM SET ANALYSIS = ?, MEASURE = ?, OWNER_NAME = ?, DUE_ON = ?,"
                + " PROBLEM_STATE = ?, UPDATED_BY = ?, UPDATED_AT = ? WHERE ID = ? AND PROBLEM_STATE = ?", analysis,
                measure, owner, dueOn, to.name(), by, now, id, from.name()) == 1;
    }

    static boolean rectified(Connection c, long id, Problem.State from, String evidence, Instant now, String by)
            throws SQLException {
        return Jdbc.update(c, "UPDATE JX_PROBLEM SET PROBLEM_STATE = ?, EVIDENCE = ?, UPDATED_BY = ?, UPDATED_AT = ?"
                + " WHERE ID = ? AND PROBLEM_STATE = ?", Problem.State.RECTIFIED.name(), evidence, by, now, id,
                from.name()) == 1;
    }

    static boolean close(Connection c, long id, Instant now, String by) throws SQLException {
        return Jdbc.update(c, "UPDATE JX_PROBLEM SET PROBLEM_STATE = ?, CLOSED_BY = ?, CLOSED_AT = ?, UPDATED_BY = ?,"
                + " UPDATED_AT = ? WHERE ID = ? AND PROBLEM_STATE = ?", Problem.State.CLOSED.name(), by, now, by, now,
                id, Problem.State.RECTIFIED.name()) == 1;
    }

    /** Back to RECTIFYING; the evidence stays for the record, the closing is cleared. */
    static boolean reopen(Connection c, long id, Problem.State from, String reason, Instant now, String by)
            throws SQLException {
        return Jdbc.update(c, "UPDATE JX_PROBLEM SET PROBLEM_STATE = ?, REOPEN_REASON = ?, CLOSED_BY = NULL,"
                + " CLOSED_AT = NULL, UPDATED_BY = ?, UPDATED_AT = ? WHERE ID = ? AND PROBLEM_STATE = ?",
                Problem.State.RECTIFYING.name(), reason, by, now, id, from.name()) == 1;
    }

    // ---------------------------------------------------------------- procedures

    static List<ProcedureNote> notes(Connection c, String projectId) throws SQLException {
        return Jdbc.list(c, "SELECT PROJECT_ID, NOTE_VERSION, NOTE_TEXT, REASON, PROBLEM_ID, NOTED_BY, NOTED_AT"
                + " FROM JX_PROCEDURE_NOTE WHERE PROJECT_ID = ? ORDER BY NOTE_VERSION DESC", rs -> {
                    long problem = rs.getLong("PROBLEM_ID");
                    Long problemId = rs.wasNull() ? null : problem;
                    return new ProcedureNote(rs.getString("PROJECT_ID"), rs.getInt("NOTE_VERSION"),
                            rs.getString("NOTE_TEXT"), rs.getString("REASON"), problemId, rs.getString("NOTED_BY"),
                            Jdbc.getInstant(rs, "NOTED_AT"));
                }, projectId);
    }

    static int latestVersion(Connection c, String projectId) throws SQLException {
        // MAX of no rows is NULL, which getInt reads as 0.
        return Jdbc.one(c, "SELECT MAX(NOTE_VERSION) FROM JX_PROCEDURE_NOTE WHERE PROJECT_ID = ?",
                rs -> rs.getInt(1), projectId);
    }

    static void insertNote(Connection c, ProcedureNote note) throws SQLException {
        Jdbc.update(c, "INSERT INTO JX_PROCEDURE_NOTE (PROJECT_ID, NOTE_VERSION, NOTE_TEXT, REASON, PROBLEM_ID,"
                + " NOTED_BY, NOTED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)", note.projectId(), note.version(), note.text(),
                note.reason(), note.problemId(), note.by(), note.at());
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
}
