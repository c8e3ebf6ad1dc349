package org.jixiao.core.internal.schema;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.function.Supplier;

import org.jixiao.api.store.StoreException;

/** JDBC details shared by the core's SQL. */
public final class Jdbc {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private Jdbc() {
    }

    /** Reads one row of a result set. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Takes one row of a result set, for reads that fill a map or sum as they go. */
    @FunctionalInterface
    public interface RowAction {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Every row of {@code sql} with {@code args} bound (see {@link #bind}), in the order the query gives. */
    public static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        List<T> out = new ArrayList<>();
        each(c, sql, rs -> out.add(row.read(rs)), args);
        return out;
    }

    /** The first row of {@code sql} with {@code args} bound, or null when there is none. */
    public static <T> T one(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? row.read(rs) : null;
            }
        }
    }

    /** True when {@code sql} with {@code args} bound returns a row. */
    public static boolean exists(Connection c, String sql, Object... args) throws SQLException {
        return one(c, sql, rs -> Boolean.TRUE, args) != null;
    }

    /** Hands every row of {@code sql} with {@code args} bound to {@code action}. */
    public static void each(Connection c, String sql, RowAction action, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    action.accept(rs);
                }
            }
        }
    }

    /** Runs an INSERT, UPDATE or DELETE with {@code args} bound; returns the rows it changed. */
    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    /** Runs an INSERT with {@code args} bound; returns the key the database generated for the row. */
    public static long insert(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, args);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated key: " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    /**
     * Binds {@code args} to the parameters from 1 on. A String, Integer, Long, Short, Boolean or BigDecimal goes
     * through {@code setObject}, which the JDBC specification maps to that type's own setter; a LocalDate is bound
     * as a DATE and an Instant as a UTC TIMESTAMP (see {@link #setInstant}). A null is bound as a NULL of the
     * parameter's own SQL type, since Derby refuses a NULL of another type.
     */
    public static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            int index = i + 1;
            Object a = args[i];
            if (a == null) {
                ps.setNull(index, ps.getParameterMetaData().getParameterType(index));
            } else if (a instanceof Instant v) {
                setInstant(ps, index, v);
            } else if (a instanceof LocalDate v) {
                // java.sql.Date converts through the JVM's zone both ways, so the calendar day survives.
                ps.setDate(index, Date.valueOf(v));
            } else {
                ps.setObject(index, a);
            }
        }
    }

    /**
     * Stores {@code value} as a UTC wall-clock TIMESTAMP. Without the calendar the JVM's zone is used, and an
     * instant in a daylight-saving fold would come back an hour off.
     */
    public static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            // A Calendar is mutable, so a fresh one per call keeps this thread-safe.
            ps.setTimestamp(index, Timestamp.from(value), Calendar.getInstance(UTC));
        }
    }

    public static Instant getInstant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column, Calendar.getInstance(UTC));
        return t == null ? null : t.toInstant();
    }

    public static void setNullableLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    /** True when {@code t} or a cause is a unique-constraint violation (SQLState 23505 on Derby and PostgreSQL). */
    public static boolean isUniqueViolation(Throwable t) {
        // Bounded: a cause chain can be made circular.
        int depth = 0;
        for (Throwable x = t; x != null && depth < 20; x = x.getCause(), depth++) {
            if (x instanceof SQLException e) {
                for (SQLException s = e; s != null; s = s.getNextException()) {
                    if ("23505".equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Runs a write whose check for an existing row another writer may slip past: the unique constraint then decides,
     * and the loser gets {@code refusal} (a form error, or "changed meanwhile") instead of a store failure.
     */
    public static <T> T unlessTaken(Supplier<T> write, Supplier<? extends RuntimeException> refusal) {
        try {
            return write.get();
        } catch (StoreException e) {
            if (isUniqueViolation(e)) {
                throw refusal.get();
            }
            throw e;
        }
    }

    /** The escape character for {@link #containsPattern}; used as {@code LIKE ? ESCAPE '!'}. */
    public static final char LIKE_ESCAPE = '!';

    /** A LIKE pattern matching {@code text} anywhere, with its wildcards taken literally. */
    public static String containsPattern(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('%');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                b.append(LIKE_ESCAPE);
            }
            b.append(c);
        }
        return b.append('%').toString();
    }

    /** {@code s} cut to at most {@code max} chars without splitting a surrogate pair; null stays null. */
    public static String truncate(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = max;
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
