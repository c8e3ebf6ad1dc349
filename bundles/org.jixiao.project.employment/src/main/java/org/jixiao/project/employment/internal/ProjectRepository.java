package org.jixiao.project.employment.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What the registers not yet on the register engine still look up about a youth or a project (the project database
 * itself is the engine's, {@code project.ProjectRegister}): the county of a live record, on the caller's connection.
 */
final class ProjectRepository {

    /** The county of a live youth record, empty when there is none. */
    Optional<Long> liveYouthCounty(Connection c, long youthId) throws SQLException {
        return liveCounty(c, "EMP_YOUTH", youthId);
    }

    /** The county of a live entrepreneurship project, empty when there is none. */
    Optional<Long> liveProjectCounty(Connection c, long projectId) throws SQLException {
        return liveCounty(c, "EMP_PROJECT", projectId);
    }

    private static Optional<Long> liveCounty(Connection c, String table, long id) throws SQLException {
        // The table is one of the constants above, never input.
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNTY_ID FROM " + table + " WHERE ID = ? AND DELETED_AT IS NULL")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }
}
