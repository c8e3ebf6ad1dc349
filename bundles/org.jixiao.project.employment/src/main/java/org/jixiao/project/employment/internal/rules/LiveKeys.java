package org.jixiao.project.employment.internal.rules;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.jixiao.api.ValidationException;

/**
 * "One live record per key", kept by a UNIQUE column that a register's {@code afterWrite} hook fills while the
 * record is live and clears once it is deleted: of two clerks who save the same key at once, the second meets the
 * constraint.
 */
public final class LiveKeys {

    /** The SQLState of a unique-constraint violation (Derby and PostgreSQL). */
    public static final String UNIQUE_VIOLATION = "23505";

    private LiveKeys() {
    }

    /** Runs {@code update}, which sets or clears the key; a unique violation is {@code error} on {@code field}. */
    public static void write(PreparedStatement update, String field, String error) throws SQLException {
        try {
            update.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw ValidationException.of(field, error);
            }
            throw e;
        }
    }

    /**
     * Derby 10.16 lets a row take back a UNIQUE value whose index entry it left behind (edit A to B, someone
     * registers A, edit back to A) without a violation. {@code count} counts the live rows holding the key of the row
     * whose id is its one parameter; more than one means the other one won, and this write is {@code error} on
     * {@code field}.
     */
    public static void requireAlone(Connection c, String count, long id, String field, String error)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(count)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getLong(1) > 1) {
                    throw ValidationException.of(field, error);
                }
            }
        }
    }
}
