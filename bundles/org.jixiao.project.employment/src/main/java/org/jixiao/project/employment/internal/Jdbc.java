package org.jixiao.project.employment.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reads the project's repositories make: one record, every row (read or taken in one by one), a count. The
 * arguments are bound as {@link YouthRepository#bind} binds them.
 */
final class Jdbc {

    /** Reads the current row of a result set into a record. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Takes in the current row of a result set. */
    @FunctionalInterface
    interface Each {
        void accept(ResultSet rs) throws SQLException;
    }

    private Jdbc() {
    }

    static <T> Optional<T> first(Connection c, String sql, List<Object> args, Row<T> row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            YouthRepository.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
            }
        }
    }

    static <T> List<T> all(Connection c, String sql, List<Object> args, Row<T> row) throws SQLException {
        List<T> out = new ArrayList<>();
        each(c, sql, args, rs -> out.add(row.read(rs)));
        return out;
    }

    static void each(Connection c, String sql, List<Object> args, Each row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            YouthRepository.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }

    /** The first column of the single row of {@code sql}, such as a {@code COUNT(*)}. */
    static long count(Connection c, String sql, List<Object> args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            YouthRepository.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
