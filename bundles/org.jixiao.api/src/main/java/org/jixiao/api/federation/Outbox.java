package org.jixiao.api.federation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A county node's outbox towards the city, provided by {@code org.jixiao.federation} only while the node is a county;
 * a standalone or city node has none, and writers then have nothing to do.
 */
@ProviderType
public interface Outbox {

    /**
     * Queues the record's state as it now stands in {@code table} (a deletion is a row marked deleted) on the write's
     * own connection, so the entry commits or rolls back with the write. Call it after the row is written.
     *
     * @param project  the key project that declares the register
     * @param register the register's id within the project, by which the city finds its own table
     */
    void registerChanged(Connection connection, String project, String register, String table, long recordId)
            throws SQLException;

    /**
     * Queues a core record a county writes (a time-node mark, a problem, a self-assessment and its claims, a manual
     * indicator's answer) as it now stands, or its deletion when no row has this key any more, on the write's own
     * connection. Call it after the row is written.
     *
     * @param table the core's table
     * @param key   the row's primary key, column by column (upper case)
     * @since 1.1
     */
    void rowChanged(Connection connection, String table, Map<String, ?> key) throws SQLException;

    /**
     * {@link #rowChanged} on a county node; nothing where there is no outbox ({@code outbox} null), so a writer holding
     * an optional reference calls this without a test of its own.
     *
     * @since 1.1
     */
    static void rowChanged(Outbox outbox, Connection connection, String table, Map<String, ?> key)
            throws SQLException {
        if (outbox != null) {
            outbox.rowChanged(connection, table, key);
        }
    }
}
