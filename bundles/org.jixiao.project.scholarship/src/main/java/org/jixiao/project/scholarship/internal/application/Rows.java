package org.jixiao.project.scholarship.internal.application;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.jixiao.api.ValidationException;
import org.jixiao.api.register.RecordChange;

/** Small reads the rules make inside the write's transaction. */
final class Rows {

    private Rows() {
    }

    /** A new child record of an application is refused, under {@code field}, unless it is in {@code state}. */
    static void requireParentIn(RecordChange change, String state, String field, String key,
            ValidationException.Collector errors) throws SQLException {
        if (change.kind() == RecordChange.Kind.CREATE
                && !state.equals(applicationState(change.connection(), change.parentId().orElseThrow()))) {
            errors.add(field, key);
        }
    }

    /** The workflow state of a live application, or null. */
    static String applicationState(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT STATE FROM SCH_APPLICATION WHERE ID = ? AND DELETED_AT IS NULL")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** How many live children of the application match the extra condition (constant SQL, never input). */
    static int children(Connection c, String table, long parent, String condition) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table
                + " WHERE PARENT_ID = ? AND DELETED_AT IS NULL AND " + condition)) {
            ps.setLong(1, parent);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
