package org.jixiao.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor under a durable write: plain Derby, embedded in the harness with the node's Derby version, on the disk
 * of the node's data, one connection per client, each {@code INSERT} of a row shaped like a youth record (ten
 * columns, two indexes) committed on its own with Derby's durable defaults. No validation, no scope, no audit, no
 * HTTP: what the node's write is compared against.
 */
final class DerbyInserts implements AutoCloseable {

    private final String url;
    private final AtomicLong ids = new AtomicLong();

    DerbyInserts(Path directory) throws SQLException {
        System.setProperty("derby.stream.error.file", directory.resolveSibling("derby-baseline.log").toString());
        this.url = "jdbc:derby:" + directory.toAbsolutePath();
        try (Connection c = DriverManager.getConnection(url + ";create=true"); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE BASE_YOUTH (ID BIGINT NOT NULL PRIMARY KEY, UNIT_ID BIGINT NOT NULL, "
                    + "NAME VARCHAR(100) NOT NULL, GENDER VARCHAR(8), BIRTH_DATE DATE, ID_CIPHER VARCHAR(200), "
                    + "ID_HASH VARCHAR(64), EDUCATION VARCHAR(32), YOUTH_TYPE VARCHAR(32), CREATED_AT TIMESTAMP)");
            s.executeUpdate("CREATE INDEX BASE_YOUTH_UNIT_IX ON BASE_YOUTH (UNIT_ID, YOUTH_TYPE)");
            s.executeUpdate("CREATE UNIQUE INDEX BASE_YOUTH_HASH_IX ON BASE_YOUTH (ID_HASH)");
        }
    }

    /** Inserts and commits back to back on {@code clients} connections, as {@link LoadRun#closed} counts them. */
    LoadRun.Result run(int clients, int warmupSeconds, int windowSeconds) throws Exception {
        Connection[] connections = new Connection[clients];
        PreparedStatement[] inserts = new PreparedStatement[clients];
        try {
            for (int i = 0; i < clients; i++) {
                connections[i] = DriverManager.getConnection(url);
                connections[i].setAutoCommit(false);
                inserts[i] = connections[i].prepareStatement("INSERT INTO BASE_YOUTH VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            }
            return LoadRun.closed("plain Derby INSERT+COMMIT", clients, warmupSeconds, windowSeconds, user -> {
                long id = ids.incrementAndGet();
                PreparedStatement ps = inserts[user];
                ps.setLong(1, id);
                ps.setLong(2, 2 + id % 10);
                ps.setString(3, "青年" + id);
                ps.setString(4, id % 2 == 0 ? "F" : "M");
                ps.setDate(5, java.sql.Date.valueOf("1995-04-01"));
                ps.setString(6, "v1:" + Long.toHexString(id * 0x9E3779B97F4A7C15L) + "0123456789abcdef0123456789abcdef");
                ps.setString(7, Long.toHexString(id) + "-" + Long.toHexString(id * 31));
                ps.setString(8, "BACHELOR");
                ps.setString(9, "JOB_SEEKING");
                ps.setTimestamp(10, new Timestamp(System.currentTimeMillis()));
                ps.executeUpdate();
                connections[user].commit();
                return true;
            });
        } finally {
            for (Connection c : connections) {
                if (c != null) {
                    c.close();
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            DriverManager.getConnection(url + ";shutdown=true");
        } catch (SQLException expected) {
            // Derby reports a database shut down cleanly as an exception; the node's store is not this one.
        }
    }
}
