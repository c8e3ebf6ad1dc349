package org.jixiao.project.employment.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What is left of the mentor team's SQL now that the register engine keeps its records: the lookup of a live youth
 * that the internship register (not yet on the engine) shares. It goes with that register's port.
 */
final class MentorRepository {

    /** A live youth record as a placement needs it. */
    record YouthRef(long id, long countyId, YouthType type, String name) {
    }

    Optional<YouthRef> liveYouth(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT ID, COUNTY_ID, YOUTH_TYPE, NAME FROM EMP_YOUTH WHERE ID = ? AND DELETED_AT IS NULL")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new YouthRef(rs.getLong(1), rs.getLong(2),
                        Enums.parse(YouthType.class, rs.getString(3)).orElse(YouthType.JOB_SEEKING), rs.getString(4)));
            }
        }
    }
}
