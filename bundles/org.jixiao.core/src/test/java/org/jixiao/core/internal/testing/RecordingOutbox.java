package org.jixiao.core.internal.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jixiao.api.federation.Outbox;

/**
 * A county or city node's outbox as the core's services see it: records each row handed over, as
 * {@code "TABLE COLUMN=value,…"}, and whether the row was there on the write's own connection (its transaction, not
 * yet committed) when it was.
 */
public final class RecordingOutbox implements Outbox {

    private final List<String> rows = new ArrayList<>();
    private final java.util.Set<String> copies;

    /** A city's outbox, or a county's for the county's own tables: this node owns every table it writes. */
    public RecordingOutbox() {
        this(java.util.Set.of());
    }

    /** A county node's: {@code copies} are the city's tables, which it holds as read-only copies. */
    public RecordingOutbox(java.util.Set<String> copies) {
        this.copies = java.util.Set.copyOf(copies);
    }

    @Override
    public boolean isCopy(String table) {
        return copies.contains(table);
    }

    @Override
    public void registerChanged(Connection connection, String project, String register, String table, long id) {
        throw new UnsupportedOperationException("the core writes no register");
    }

    @Override
    public synchronized void rowChanged(Connection c, String table, Map<String, ?> key) throws SQLException {
        Map<String, ?> sorted = new TreeMap<>(key);
        String where = String.join(" = ? AND ", sorted.keySet()) + " = ?";
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + where)) {
            int i = 1;
            for (Object v : sorted.values()) {
                ps.setObject(i++, v);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                rows.add(table + " " + sorted.toString().replace(" ", "").replaceAll("[{}]", "")
                        + (rs.getLong(1) == 1 ? "" : " (not in the write's transaction)"));
            }
        }
    }

    public synchronized List<String> rows() {
        return List.copyOf(rows);
    }
}
