package org.jixiao.project.scholarship.internal.application;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.jixiao.api.ValidationException;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterHooks;

/**
 * The applicant's ID number is given with the application, once, for the application's year; a student funded in an
 * earlier year, in any county, is then recognised as returning by its keyed hash, never by the number itself.
 */
final class IdentityRules implements RegisterHooks {

    @Override
    public void validate(RecordChange change, ValidationException.Collector errors) throws SQLException {
        if (change.kind() == RecordChange.Kind.DELETE) {
            return;
        }
        Connection c = change.connection();
        long application = change.before().map(b -> b.parentId()).orElseGet(() -> change.parentId().orElseThrow());
        if (!ApplicationRegister.APPLIED.equals(Rows.applicationState(c, application))) {
            errors.add("idNumber", "identity.notApplied");
            return;
        }
        if (change.kind() == RecordChange.Kind.CREATE
                && Rows.children(c, "SCH_IDENTITY", application, "1 = 1") > 0) {
            errors.add("idNumber", "identity.one");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT APPLICATION_YEAR FROM SCH_APPLICATION WHERE ID = ?")) {
            ps.setLong(1, application);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && change.values().get("year") instanceof Long year && year != rs.getInt(1)) {
                    errors.add("year", "identity.year");
                }
            }
        }
    }

    @Override
    public void afterWrite(RecordChange change) throws SQLException {
        if (change.kind() == RecordChange.Kind.CREATE || change.kind() == RecordChange.Kind.UPDATE) {
            markReturning(change.connection(), change.before().map(b -> b.parentId())
                    .orElseGet(() -> change.parentId().orElseThrow()));
        }
    }

    /** Whether the applicant was paid a grant in an earlier year, in any county, kept on the application. */
    static void markReturning(Connection c, long application) throws SQLException {
        boolean returning;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM SCH_IDENTITY i JOIN SCH_IDENTITY e"
                + " ON e.ID_NUMBER_HASH = i.ID_NUMBER_HASH AND e.IDENTITY_YEAR < i.IDENTITY_YEAR"
                + " AND e.DELETED_AT IS NULL JOIN SCH_APPLICATION ea ON ea.ID = e.PARENT_ID"
                + " AND ea.STATE = 'DISBURSED' AND ea.DELETED_AT IS NULL"
                + " WHERE i.PARENT_ID = ? AND i.DELETED_AT IS NULL")) {
            ps.setLong(1, application);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                returning = rs.getInt(1) > 0;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE SCH_APPLICATION SET RETURNING = ? WHERE ID = ?")) {
            ps.setBoolean(1, returning);
            ps.setLong(2, application);
            ps.executeUpdate();
        }
    }
}
