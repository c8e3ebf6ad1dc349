package org.jixiao.register.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The access log of need-to-know records (REG_ACCESS) and the openings of sealed records (REG_UNSEAL).
 */
final class Accesses {

    static final String READ = "READ";
    static final String LIST = "LIST";
    static final String BREAK_GLASS = "BREAK_GLASS";
    static final String UNSEALED = "UNSEALED";
    static final String REFUSED = "REFUSED";
    /** How long an approved opening lets its requester read the sealed record. */
    static final Duration OPENING = Duration.ofDays(1);
    static final int LOG_LIMIT = 500;

    /** One line of a record's log. */
    record Line(Instant at, long userId, String kind, String register, long readId, String reason) {
    }

    /** One request to open a sealed record. */
    record Request(long id, String register, long recordId, long unitId, long requestedBy, Instant requestedAt,
            String reason, Long approvedBy) {
    }

    private Accesses() {
    }

    /**
     * @param register the need-to-know register the log belongs to, {@code record} its record
     * @param read     the register read (the same, or a child's), {@code readId} the record read
     */
    static void log(Connection c, String project, String register, long record, String read, long readId,
            long userId, Instant at, String kind, String reason) throws SQLException {
        RecordSql.update(c, "INSERT INTO REG_ACCESS (PROJECT, REGISTER, RECORD_ID, READ_REGISTER, READ_ID, USER_ID, "
                + "ACCESSED_AT, KIND, REASON) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", List.of(project, register, record,
                        read, readId, userId, Timestamp.from(at), kind,
                        reason == null ? new RecordSql.Null(java.sql.Types.VARCHAR) : reason));
    }

    static List<Line> of(Connection c, String project, String register, long record) throws SQLException {
        List<Line> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ACCESSED_AT, USER_ID, KIND, READ_REGISTER, READ_ID, "
                + "REASON FROM REG_ACCESS WHERE PROJECT = ? AND REGISTER = ? AND RECORD_ID = ? ORDER BY ID DESC "
                + "FETCH FIRST " + LOG_LIMIT + " ROWS ONLY")) {
            RecordSql.bind(ps, List.of(project, register, record));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Line(rs.getTimestamp(1).toInstant(), rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getLong(5), rs.getString(6)));
                }
            }
        }
        return out;
    }

    static long request(Connection c, String project, String register, long record, long unit, long userId,
            Instant at, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO REG_UNSEAL (PROJECT, REGISTER, RECORD_ID, UNIT_ID, "
                + "REQUESTED_BY, REQUESTED_AT, REASON) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"ID"})) {
            RecordSql.bind(ps, List.of(project, register, record, unit, userId, Timestamp.from(at), reason));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static Optional<Request> request(Connection c, String project, long id) throws SQLException {
        List<Request> found = requests(c, "ID = ? AND PROJECT = ?", List.of(id, project));
        return found.stream().findFirst();
    }

    static List<Request> open(Connection c, String project) throws SQLException {
        return requests(c, "PROJECT = ? AND APPROVED_AT IS NULL", List.of(project));
    }

    private static List<Request> requests(Connection c, String where, List<Object> args) throws SQLException {
        List<Request> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, REGISTER, RECORD_ID, UNIT_ID, REQUESTED_BY, "
                + "REQUESTED_AT, REASON, APPROVED_BY FROM REG_UNSEAL WHERE " + where + " ORDER BY ID")) {
            RecordSql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long approver = rs.getLong(8);
                    out.add(new Request(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getTimestamp(6).toInstant(), rs.getString(7), rs.wasNull() ? null : approver));
                }
            }
        }
        return out;
    }

    /** @return false when the request was approved already */
    static boolean approve(Connection c, long id, long userId, Instant at) throws SQLException {
        return RecordSql.update(c, "UPDATE REG_UNSEAL SET APPROVED_BY = ?, APPROVED_AT = ? WHERE ID = ? AND "
                + "APPROVED_AT IS NULL", List.of(userId, Timestamp.from(at), id)) == 1;
    }

    /** The reason of the reader's opening of the record approved within the last day, if any. */
    static Optional<String> opened(Connection c, String project, String register, long record, long userId,
            Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT REASON FROM REG_UNSEAL WHERE PROJECT = ? AND "
                + "REGISTER = ? AND RECORD_ID = ? AND REQUESTED_BY = ? AND APPROVED_AT > ? ORDER BY ID DESC")) {
            RecordSql.bind(ps, List.of(project, register, record, userId, Timestamp.from(now.minus(OPENING))));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
