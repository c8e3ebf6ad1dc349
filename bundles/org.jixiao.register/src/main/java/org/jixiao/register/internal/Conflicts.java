package org.jixiao.register.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Registrations refused because another unit holds the key (REG_CONFLICT): kept apart from the refused write, whose
 * transaction is rolled back, so the city can resolve them.
 */
final class Conflicts {

    /** One refused registration. */
    record Row(long id, String register, long recordId, long requestingUnit, long requestedBy, Instant requestedAt) {
    }

    private Conflicts() {
    }

    /** Records the conflict once: the same unit trying the same person again adds nothing while it is open. */
    static void record(Connection c, String project, String register, long recordId, long unit, long userId,
            Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM REG_CONFLICT WHERE PROJECT = ? AND REGISTER = ?"
                + " AND RECORD_ID = ? AND REQUESTING_UNIT = ? AND RESOLVED_AT IS NULL")) {
            RecordSql.bind(ps, List.of(project, register, recordId, unit));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        RecordSql.update(c, "INSERT INTO REG_CONFLICT (PROJECT, REGISTER, RECORD_ID, REQUESTING_UNIT, REQUESTED_BY,"
                + " REQUESTED_AT) VALUES (?, ?, ?, ?, ?, ?)", List.of(project, register, recordId, unit, userId,
                        Timestamp.from(at)));
    }

    /** The project's open conflicts, oldest first. */
    static List<Row> open(Connection c, String project) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, REGISTER, RECORD_ID, REQUESTING_UNIT, REQUESTED_BY,"
                + " REQUESTED_AT FROM REG_CONFLICT WHERE PROJECT = ? AND RESOLVED_AT IS NULL ORDER BY ID")) {
            RecordSql.bind(ps, List.of(project));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getTimestamp(6).toInstant()));
                }
            }
        }
        return out;
    }

    /** @return false when there is no such open conflict of the project */
    static boolean resolve(Connection c, String project, long id, long userId, Instant at, String resolution)
            throws SQLException {
        return RecordSql.update(c, "UPDATE REG_CONFLICT SET RESOLVED_AT = ?, RESOLVED_BY = ?, RESOLUTION = ?"
                + " WHERE ID = ? AND PROJECT = ? AND RESOLVED_AT IS NULL",
                List.of(Timestamp.from(at), userId, resolution, id, project)) == 1;
    }
}
