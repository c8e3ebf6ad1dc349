package org.jixiao.register.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

import org.jixiao.api.register.RecordId;
import org.jixiao.api.store.Store;

/**
 * Hands out this node's {@link RecordId global ids} per table, from blocks taken in a transaction of their own: a
 * long import holds no lock that another writer of the table would wait for. A block left unused when the node stops
 * is a gap in the sequence, which nothing relies on.
 */
final class Ids {

    static final int BLOCK = 100;

    private record Block(long next, long end) {
    }

    private final Store store;
    private final int node;
    private final Map<String, Block> blocks = new HashMap<>();

    Ids(Store store, int node) {
        this.store = store;
        this.node = node;
    }

    synchronized long next(String table) {
        Block b = blocks.get(table);
        if (b == null || b.next() >= b.end()) {
            long start = take(table);
            b = new Block(start, start + BLOCK);
        }
        blocks.put(table, new Block(b.next() + 1, b.end()));
        return RecordId.of(node, b.next());
    }

    /** Reserves the next block of {@code table}; the first one starts above every id already in the table. */
    private long take(String table) {
        return store.inTransaction(c -> {
            long start;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT NEXT_VALUE FROM REG_SEQUENCE WHERE NAME = ? FOR UPDATE")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    start = rs.next() ? rs.getLong(1) : -1;
                }
            }
            if (start < 0) {
                start = highest(c, table) + 1;
                RecordSql.update(c, "INSERT INTO REG_SEQUENCE (NAME, NEXT_VALUE) VALUES (?, ?)",
                        java.util.List.of(table, start + BLOCK));
            } else {
                RecordSql.update(c, "UPDATE REG_SEQUENCE SET NEXT_VALUE = ? WHERE NAME = ?",
                        java.util.List.of(start + BLOCK, table));
            }
            if (start + BLOCK > RecordId.MAX_SEQUENCE) {
                throw new IllegalStateException("the id sequence of " + table + " is exhausted");
            }
            return start;
        });
    }

    /** The highest sequence this node used in the table (rows made before the engine are node 0's). */
    private long highest(java.sql.Connection c, String table) throws java.sql.SQLException {
        long low = (long) node << RecordId.SEQUENCE_BITS;
        long high = low + RecordId.MAX_SEQUENCE;
        // The table name comes from a definition (plain upper-case identifiers only).
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT MAX(ID) FROM " + table + " WHERE ID BETWEEN ? AND ?")) {
            ps.setLong(1, low);
            ps.setLong(2, high);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long max = rs.getLong(1);
                return rs.wasNull() ? 0 : RecordId.sequence(max);
            }
        }
    }
}
