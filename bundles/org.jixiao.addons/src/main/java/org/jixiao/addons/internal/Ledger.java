package org.jixiao.addons.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jixiao.api.store.Store;

/**
 * The add-ons page's own tables: which features came from an archive, whose migrations a feature's bundles run, which
 * tables those created, and how many records they hold.
 */
final class Ledger {

    private final Store store;

    Ledger(Store store) {
        this.store = store;
    }

    /** Remembers that {@code feature} runs the migrations of {@code owner}, which created {@code tables}. */
    void remember(String feature, String owner, Collection<String> tables) {
        store.inTransaction(c -> {
            insertIfAbsent(c, "SELECT 1 FROM ADDON_OWNER WHERE FEATURE = ? AND OWNER = ?",
                    "INSERT INTO ADDON_OWNER (FEATURE, OWNER) VALUES (?, ?)", feature, owner);
            for (String table : tables) {
                insertIfAbsent(c, "SELECT 1 FROM ADDON_TABLE WHERE OWNER = ? AND TABLE_NAME = ?",
                        "INSERT INTO ADDON_TABLE (OWNER, TABLE_NAME) VALUES (?, ?)", owner, table);
            }
            return null;
        });
    }

    /** Remembers a feature installed from the archive {@code sha256}. */
    void installed(String feature, String sha256) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM ADDON_FEATURE WHERE NAME = ?")) {
                ps.setString(1, feature);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO ADDON_FEATURE (NAME, SHA256, INSTALLED_AT) VALUES (?, ?, ?)")) {
                ps.setString(1, feature);
                ps.setString(2, sha256);
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The features installed from archives, with the SHA-256 of the last one. */
    Map<String, String> archiveFeatures() {
        return store.read(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT NAME, SHA256 FROM ADDON_FEATURE ORDER BY NAME");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    Set<String> owners(String feature) {
        return strings("SELECT OWNER FROM ADDON_OWNER WHERE FEATURE = ?", feature);
    }

    Set<String> tables(String owner) {
        return strings("SELECT TABLE_NAME FROM ADDON_TABLE WHERE OWNER = ?", owner);
    }

    /**
     * The rows of the owner's tables; when {@code units} is not null, only those of these org units (tables without a
     * {@code UNIT_ID} column then count for none). A table that is gone counts for none.
     */
    long records(String owner, List<Long> units) {
        Set<String> tables = tables(owner);
        return store.read(c -> {
            long total = 0;
            DatabaseMetaData meta = c.getMetaData();
            for (String table : tables) {
                if (!exists(meta, table, null)) {
                    continue;
                }
                if (units == null) {
                    total += count(c, "SELECT COUNT(*) FROM " + table, List.of());
                } else if (!units.isEmpty() && exists(meta, table, "UNIT_ID")) {
                    String marks = String.join(",", java.util.Collections.nCopies(units.size(), "?"));
                    total += count(c, "SELECT COUNT(*) FROM " + table + " WHERE UNIT_ID IN (" + marks + ")", units);
                }
            }
            return total;
        });
    }

    /** The table names come from migrations, never from a request; checked against the catalogue before use. */
    private static boolean exists(DatabaseMetaData meta, String table, String column) throws SQLException {
        if (!table.matches("[A-Z0-9_]+")) {
            return false;
        }
        if (column == null) {
            try (ResultSet rs = meta.getTables(null, null, table, new String[] {"TABLE"})) {
                return rs.next();
            }
        }
        try (ResultSet rs = meta.getColumns(null, null, table, column)) {
            return rs.next();
        }
    }

    private static long count(Connection c, String sql, List<Long> args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setLong(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Set<String> strings(String sql, String arg) {
        return store.read(c -> {
            Set<String> out = new TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, arg);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    private static void insertIfAbsent(Connection c, String select, String insert, String a, String b)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(select)) {
            ps.setString(1, a);
            ps.setString(2, b);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            ps.setString(1, a);
            ps.setString(2, b);
            ps.executeUpdate();
        }
    }
}
