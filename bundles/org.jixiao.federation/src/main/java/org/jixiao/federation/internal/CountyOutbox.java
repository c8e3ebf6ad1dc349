package org.jixiao.federation.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jixiao.api.federation.Outbox;
import org.jixiao.api.store.Store;

/**
 * A county node's outbox: entries written in the transactions of the changes they carry, numbered without gaps in
 * commit order, read in order by the {@link Relay} and removed once its broker holds them. Each carries the epoch it
 * was written in: this start of the node (see V3__sequence_epoch.sql). The city's {@link CityOutbox} keeps its entries
 * the same way, as node 0, each naming the county it is for, or none for every county.
 */
record CountyOutbox(Store store, int node, Clock clock, long epoch) implements Outbox {

    /** An outbox whose epoch is now: what each start of a county node opens. */
    CountyOutbox(Store store, int node, Clock clock) {
        this(store, node, clock, clock.millis());
    }

    /** {@code recipient}: the one county an entry of the city's is for; null for every county. */
    record Entry(long epoch, long seq, String payload, String recipient) {
    }

    /** The city's org tree, years and targets: a county holds copies, which the city changes. */
    @Override
    public boolean isCopy(String table) {
        return CityTables.find(table).isPresent();
    }

    @Override
    public void registerChanged(Connection c, String project, String register, String table, long recordId)
            throws SQLException {
        var row = Rows.read(c, table, recordId)
                .orElseThrow(() -> new SQLException("no row " + table + " " + recordId + " to replicate"));
        Instant at = clock.instant();
        append(c, Change.REGISTER, new Change(Change.REGISTER, project, register, recordId, row, at.toString()).json(),
                at);
    }

    @Override
    public void rowChanged(Connection c, String table, Map<String, ?> key) throws SQLException {
        Map<String, String> text = text(key);
        row(c, table, text, Rows.read(c, table, text).orElse(null), null);
    }

    /** A key's values as text, as a change carries them. */
    static Map<String, String> text(Map<String, ?> key) {
        Map<String, String> text = new TreeMap<>();
        key.forEach((column, value) -> text.put(column, value == null ? null : value.toString()));
        return text;
    }

    /** Queues a row as it stands ({@code row}; null: gone) for {@code recipient}, or for every node when null. */
    void row(Connection c, String table, Map<String, String> key, Map<String, String> row, String recipient)
            throws SQLException {
        Instant at = clock.instant();
        append(c, Change.ROW, Change.row(table, key, row, at.toString()).json(), at, recipient);
    }

    private void append(Connection c, String kind, String payload, Instant at) throws SQLException {
        append(c, kind, payload, at, null);
    }

    private void append(Connection c, String kind, String payload, Instant at, String recipient) throws SQLException {
        long seq = nextSeq(c);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO JX_OUTBOX (SEQ, NODE, KIND, PAYLOAD, CREATED_AT, EPOCH, RECIPIENT) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, seq);
            ps.setInt(2, node);
            ps.setString(3, kind);
            ps.setString(4, payload);
            ps.setTimestamp(5, Timestamp.from(at));
            ps.setLong(6, epoch);
            ps.setString(7, recipient);
            ps.executeUpdate();
        }
    }

    /**
     * The next number, from a row this transaction now holds locked until it ends: a later writer waits, so numbers
     * are taken in commit order, and a rolled-back write gives its number back.
     */
    private long nextSeq(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE JX_OUTBOX_SEQ SET LAST_SEQ = LAST_SEQ + 1 WHERE NODE = ?")) {
            ps.setInt(1, node);
            if (ps.executeUpdate() == 0) {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO JX_OUTBOX_SEQ (NODE, LAST_SEQ) VALUES (?, 1)")) {
                    insert.setInt(1, node);
                    insert.executeUpdate();
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT LAST_SEQ FROM JX_OUTBOX_SEQ WHERE NODE = ?")) {
            ps.setInt(1, node);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The oldest entries, in order, at most {@code limit}. */
    List<Entry> next(int limit) {
        return store.read(c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT EPOCH, SEQ, PAYLOAD, RECIPIENT FROM JX_OUTBOX ORDER BY SEQ FETCH FIRST " + limit + " ROWS ONLY");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
                }
            }
            return out;
        });
    }

    /** Drops the entries up to {@code seq}: the broker holds them now. */
    void handedOver(long seq) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM JX_OUTBOX WHERE SEQ <= ?")) {
                ps.setLong(1, seq);
                return ps.executeUpdate();
            }
        });
    }

    /** Entries not yet handed to the broker, and when the oldest was written (null when none). */
    record Backlog(long entries, Instant oldest) {
    }

    Backlog backlog() {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MIN(CREATED_AT) FROM JX_OUTBOX");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp t = rs.getTimestamp(2);
                return new Backlog(rs.getLong(1), t == null ? null : t.toInstant());
            }
        });
    }
}
