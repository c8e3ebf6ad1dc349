package org.jixiao.core.internal.schema;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;

/** JDBC details shared by the core's SQL. */
public final class Jdbc {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private Jdbc() {
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
