package org.jixiao.project.employment.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What the registers not yet on the register engine still look up about a youth: the county of a live record, on
 * the caller's connection.
 */
final class ProjectRepository {

    /** The county of a live youth record, empty when there is none. */
    Optional<Long> liveYouthCounty(Connection c, long youthId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNTY_ID FROM EMP_YOUTH WHERE ID = ? AND DELETED_AT IS NULL")) {
            ps.setLong(1, youthId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }
}
