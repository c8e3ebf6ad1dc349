package org.jixiao.register.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jixiao.api.register.RecordChange;

/** Every write of a record, kept in REG_HISTORY in the write's transaction: names of fields, never their values. */
final class History {

    /** One stored line, before the user's name is looked up. */
    record Line(Instant at, long userId, String action, String fromState, String toState, String reason,
            List<String> fields) {
    }

    private History() {
    }

    static void add(Connection c, String project, String register, long recordId, long userId, Instant at,
            RecordChange.Kind kind, String fromState, String toState, String reason, List<String> fields)
            throws SQLException {
        String names = String.join(",", fields);
        RecordSql.update(c, "INSERT INTO REG_HISTORY (PROJECT, REGISTER, RECORD_ID, OCCURRED_AT, USER_ID, ACTION, "
                + "FROM_STATE, TO_STATE, REASON, FIELDS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                List.of(project, register, recordId, Timestamp.from(at), userId, kind.name(), text(fromState),
                        text(toState), text(reason == null ? null : cut(reason, 1000)), text(cut(names, 2000))));
    }

    static List<Line> of(Connection c, String project, String register, long recordId) throws SQLException {
        List<Line> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT OCCURRED_AT, USER_ID, ACTION, FROM_STATE, TO_STATE, "
                + "REASON, FIELDS FROM REG_HISTORY WHERE PROJECT = ? AND REGISTER = ? AND RECORD_ID = ? "
                + "ORDER BY OCCURRED_AT DESC, ID DESC")) {
            ps.setString(1, project);
            ps.setString(2, register);
            ps.setLong(3, recordId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String fields = rs.getString(7);
                    out.add(new Line(rs.getTimestamp(1).toInstant(), rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6),
                            fields == null || fields.isEmpty() ? List.of() : List.of(fields.split(","))));
                }
            }
        }
        return out;
    }

    private static Object text(String s) {
        return s == null ? new RecordSql.Null(java.sql.Types.VARCHAR) : s;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
