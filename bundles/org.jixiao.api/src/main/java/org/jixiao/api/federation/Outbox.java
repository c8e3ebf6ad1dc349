package org.jixiao.api.federation;

import java.sql.Connection;
import java.sql.SQLException;

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
}
