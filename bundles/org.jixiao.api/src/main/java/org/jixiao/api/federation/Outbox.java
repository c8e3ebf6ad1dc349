package org.jixiao.api.federation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A node's outbox towards the other nodes, provided by {@code org.jixiao.federation} only on a county or city node; a
 * standalone node has none, and writers then have nothing to do. A county's carries what the county owns to the city;
 * the city's carries what the city owns (its org tree, years and targets) to the counties, and takes no other table.
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
     * Queues a core record as it now stands, or its deletion when no row has this key any more, on the write's own
     * connection: on a county node a record the county writes (a time-node mark, a problem, a self-assessment and its
     * claims, a manual indicator's answer), on the city node a record the city owns (an org unit, a year and its step
     * windows, a target and the year's approval). An outbox ignores a table its node does not send. Call it after the
     * row is written.
     *
     * @param table the core's table
     * @param key   the row's primary key, column by column (upper case)
     * @since 1.1
     */
    void rowChanged(Connection connection, String table, Map<String, ?> key) throws SQLException;

    /**
     * Whether this node holds the rows of {@code table} only as read-only copies of another node's (on a county node,
     * the city's org tree, years and targets): the services that write the table refuse to change them here.
     *
     * @since 1.2
     */
    default boolean isCopy(String table) {
        return false;
    }

    /**
     * {@link #isCopy}, false where there is no outbox ({@code outbox} null): a standalone node owns everything.
     *
     * @since 1.2
     */
    static boolean isCopy(Outbox outbox, String table) {
        return outbox != null && outbox.isCopy(table);
    }

    /**
     * {@link #rowChanged} on a county or city node; nothing where there is no outbox ({@code outbox} null), so a writer holding
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
