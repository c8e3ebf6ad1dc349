package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthRepository.bind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL helpers that the incubation base, YBC and award repositories share (generated ids, soft delete, the county of
 * a live linked record); portable, on the caller's connection. The employment outcomes themselves are on the
 * register engine.
 */
final class OutcomeRepository {

    /** The county of a live (not deleted) row of EMP_YOUTH or EMP_PROJECT, empty when there is none. */
    static Optional<Long> liveCounty(Connection c, String table, long id) throws SQLException {
        if (!table.equals("EMP_YOUTH") && !table.equals("EMP_PROJECT")) {
            throw new IllegalArgumentException(table);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNTY_ID FROM " + table
                + " WHERE ID = ? AND DELETED_AT IS NULL")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    static long generatedId(PreparedStatement ps, String table) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("the database returned no generated id for " + table);
            }
            return keys.getLong(1);
        }
    }

    /**
     * Soft-deletes a live row; {@code liveColumn} (a uniqueness key kept only while live) is cleared with it, or
     * null when the table has none.
     */
    static boolean softDelete(Connection c, String table, String liveColumn, long id, YouthRepository.Stamp stamp)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET DELETED_AT = ?, DELETED_BY = ?"
                + (liveColumn == null ? "" : ", " + liveColumn + " = NULL") + " WHERE ID = ? AND DELETED_AT IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(stamp.at()));
            ps.setLong(2, stamp.userId());
            ps.setLong(3, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** One number from a query, e.g. a COUNT(*). */
    static long single(Connection c, String sql, List<Object> args) throws SQLException {
        return Jdbc.count(c, sql, args);
    }

    /** Per county, one number from a query whose rows are (COUNTY_ID, value). */
    static Map<Long, Long> perCounty(Connection c, String sql, List<Object> args) throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        return out;
    }
}
