package org.jixiao.store.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jixiao.api.store.AppliedMigration;
import org.jixiao.api.store.Migration;
import org.jixiao.api.store.SqlWork;
import org.jixiao.api.store.Store;
import org.jixiao.api.store.StoreException;

/**
 * Migrated in-memory databases for the tests of other bundles that check neither durability nor a restart.
 * <p>
 * Creating a Derby database and running a bundle's migrations took longer than most tests themselves (on disk, a
 * second or more per test), so each kind of database is migrated once per JVM and lent out again and again. A loan
 * starts on the database exactly as its migrations left it: when a loan ends every row is deleted and every identity
 * restarted, so ids, counts and orderings are those of a fresh database. A database whose tables, columns, indexes,
 * constraints or migration ledger a loan changed cannot be brought back that way; it is dropped instead, and the next
 * loan gets a new one. Idle databases are not dropped when the JVM ends: their memory goes with it, and a Derby drop
 * waits half a second.
 */
public final class MemoryStores {

    private static final int POOL_SIZE = 4;
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final Map<String, Deque<Pooled>> IDLE = new HashMap<>();

    private MemoryStores() {
    }

    /**
     * A database of the caller's own until the loan is closed. {@code migrate} brings a new database to the state
     * every loan of this {@code kind} starts from; it runs only when no such database is idle.
     */
    public static Loan borrow(String kind, Consumer<? super Store> migrate) {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(migrate);
        Pooled p;
        synchronized (IDLE) {
            p = IDLE.computeIfAbsent(kind, k -> new ArrayDeque<>()).pollFirst();
        }
        if (p == null) {
            p = create(kind, migrate);
        }
        return new Loan(p);
    }

    private static Pooled create(String kind, Consumer<? super Store> migrate) {
        // Derby's log is JVM-wide; without this it lands in the working directory.
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file", Path.of("target", "derby.log").toAbsolutePath().toString());
        }
        DerbyStore store = DerbyStore.inMemory(kind.replaceAll("[^A-Za-z0-9]", "_") + "-" + NAMES.incrementAndGet(),
                POOL_SIZE);
        try {
            migrate.accept(store);
            return new Pooled(kind, store, store.read(Snapshot::take));
        } catch (RuntimeException | Error e) {
            store.close();
            throw e;
        }
    }

    private static void giveBack(Pooled p) {
        boolean reusable;
        try {
            reusable = p.store.inTransaction(p.snapshot::restore);
        } catch (RuntimeException | Error e) {
            // Not a changed schema but a failed reset: the test that ends here should hear of it.
            p.store.close();
            throw e;
        }
        if (!reusable) {
            p.store.close();
            return;
        }
        synchronized (IDLE) {
            IDLE.computeIfAbsent(p.kind, k -> new ArrayDeque<>()).addFirst(p);
        }
    }

    private record Pooled(String kind, DerbyStore store, Snapshot snapshot) {
    }

    /** What a freshly migrated database looks like, and the way back to it. */
    private record Snapshot(String shape, List<String> deleteOrder, List<Identity> identities) {

        static Snapshot take(Connection c) throws SQLException {
            Map<String, Set<String>> parents = new LinkedHashMap<>();
            for (String table : tables(c)) {
                if (!table.equals(quote("APP", DerbyStore.LEDGER))) {
                    parents.put(table, new LinkedHashSet<>());
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT cs.SCHEMANAME, ct.TABLENAME, ps.SCHEMANAME, pt.TABLENAME FROM SYS.SYSFOREIGNKEYS f"
                            + " JOIN SYS.SYSCONSTRAINTS fc ON fc.CONSTRAINTID = f.CONSTRAINTID"
                            + " JOIN SYS.SYSTABLES ct ON ct.TABLEID = fc.TABLEID"
                            + " JOIN SYS.SYSSCHEMAS cs ON cs.SCHEMAID = ct.SCHEMAID"
                            + " JOIN SYS.SYSCONSTRAINTS kc ON kc.CONSTRAINTID = f.KEYCONSTRAINTID"
                            + " JOIN SYS.SYSTABLES pt ON pt.TABLEID = kc.TABLEID"
                            + " JOIN SYS.SYSSCHEMAS ps ON ps.SCHEMAID = pt.SCHEMAID")) {
                while (rs.next()) {
                    String child = quote(rs.getString(1), rs.getString(2));
                    String parent = quote(rs.getString(3), rs.getString(4));
                    // A table referring to itself loses all its rows in one statement, which Derby allows.
                    if (!child.equals(parent) && parents.containsKey(child)) {
                        parents.get(child).add(parent);
                    }
                }
            }
            // Children before their parents, so that no delete leaves a reference dangling.
            List<String> order = new ArrayList<>();
            Set<String> placed = new LinkedHashSet<>();
            while (placed.size() < parents.size()) {
                boolean progress = false;
                for (String table : parents.keySet()) {
                    if (!placed.contains(table) && noChildLeft(table, parents, placed)) {
                        order.add(table);
                        placed.add(table);
                        progress = true;
                    }
                }
                if (!progress) {
                    throw new IllegalStateException("foreign keys form a cycle among " + parents.keySet());
                }
            }
            List<Identity> identities = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT sc.SCHEMANAME, t.TABLENAME, col.COLUMNNAME FROM SYS.SYSCOLUMNS col"
                            + " JOIN SYS.SYSTABLES t ON t.TABLEID = col.REFERENCEID"
                            + " JOIN SYS.SYSSCHEMAS sc ON sc.SCHEMAID = t.SCHEMAID"
                            + " WHERE t.TABLETYPE = 'T' AND col.AUTOINCREMENTINC IS NOT NULL")) {
                while (rs.next()) {
                    identities.add(new Identity(rs.getString(1), rs.getString(2), rs.getString(3), 0));
                }
            }
            for (int i = 0; i < identities.size(); i++) {
                Identity id = identities.get(i);
                identities.set(i, new Identity(id.schema(), id.table(), id.column(), id.next(c)));
            }
            return new Snapshot(shape(c), List.copyOf(order), List.copyOf(identities));
        }

        private static boolean noChildLeft(String table, Map<String, Set<String>> parents, Set<String> placed) {
            for (Map.Entry<String, Set<String>> e : parents.entrySet()) {
                if (!placed.contains(e.getKey()) && !e.getKey().equals(table) && e.getValue().contains(table)) {
                    return false;
                }
            }
            return true;
        }

        /** True when the database is back as it was taken; false when it cannot be (its shape changed). */
        boolean restore(Connection c) throws SQLException {
            if (!shape(c).equals(shape)) {
                return false;
            }
            try (Statement s = c.createStatement()) {
                for (String table : deleteOrder) {
                    s.executeUpdate("DELETE FROM " + table);
                }
                for (Identity i : identities) {
                    if (i.next(c) != i.start()) {
                        s.execute("ALTER TABLE " + quote(i.schema(), i.table()) + " ALTER COLUMN " + quote(i.column())
                                + " RESTART WITH " + i.start());
                    }
                }
            }
            return true;
        }

        private static List<String> tables(Connection c) throws SQLException {
            List<String> tables = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT sc.SCHEMANAME, t.TABLENAME FROM SYS.SYSTABLES t"
                            + " JOIN SYS.SYSSCHEMAS sc ON sc.SCHEMAID = t.SCHEMAID WHERE t.TABLETYPE = 'T'"
                            + " ORDER BY sc.SCHEMANAME, t.TABLENAME")) {
                while (rs.next()) {
                    tables.add(quote(rs.getString(1), rs.getString(2)));
                }
            }
            return tables;
        }

        /** Every table, view and column, the number of indexes, constraints and triggers, and the ledger. */
        private static String shape(Connection c) throws SQLException {
            StringBuilder b = new StringBuilder();
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT sc.SCHEMANAME, t.TABLENAME, t.TABLETYPE, col.COLUMNNAME,"
                        + " col.COLUMNNUMBER FROM SYS.SYSCOLUMNS col"
                        + " JOIN SYS.SYSTABLES t ON t.TABLEID = col.REFERENCEID"
                        + " JOIN SYS.SYSSCHEMAS sc ON sc.SCHEMAID = t.SCHEMAID WHERE t.TABLETYPE IN ('T', 'V')"
                        + " ORDER BY 1, 2, 5")) {
                    while (rs.next()) {
                        b.append(rs.getString(1)).append('.').append(rs.getString(2)).append(' ')
                                .append(rs.getString(3)).append(' ').append(rs.getString(4)).append('\n');
                    }
                }
                for (String count : List.of("SYS.SYSCONGLOMERATES", "SYS.SYSCONSTRAINTS", "SYS.SYSTRIGGERS",
                        "SYS.SYSSEQUENCES", "SYS.SYSSCHEMAS")) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + count)) {
                        rs.next();
                        b.append(count).append(' ').append(rs.getLong(1)).append('\n');
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT OWNER, VERSION, CHECKSUM FROM " + DerbyStore.LEDGER
                        + " ORDER BY OWNER, VERSION")) {
                    while (rs.next()) {
                        b.append(rs.getString(1)).append(' ').append(rs.getInt(2)).append(' ')
                                .append(rs.getString(3)).append('\n');
                    }
                }
            }
            return b.toString();
        }

        private static String quote(String schema, String name) {
            return quote(schema) + "." + quote(name);
        }

        private static String quote(String name) {
            return "\"" + name.replace("\"", "\"\"") + "\"";
        }
    }

    /** An identity column and the value it hands out first. */
    private record Identity(String schema, String table, String column, long start) {

        long next(Connection c) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("VALUES SYSCS_UTIL.SYSCS_PEEK_AT_IDENTITY(?, ?)")) {
                ps.setString(1, schema);
                ps.setString(2, table);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }

    /**
     * A database lent to one test. Closing it gives it back; after that it answers like a closed store, so work a
     * test left running cannot reach the next test's rows.
     */
    public static final class Loan implements Store, AutoCloseable {

        private final Pooled pooled;
        private final Object lock = new Object();
        private int running;
        private boolean closed;

        private Loan(Pooled pooled) {
            this.pooled = pooled;
        }

        private DerbyStore enter() {
            synchronized (lock) {
                if (closed) {
                    throw new StoreException("the store is closed");
                }
                running++;
                return pooled.store;
            }
        }

        private void leave() {
            synchronized (lock) {
                running--;
                lock.notifyAll();
            }
        }

        /** Runs a call on the pooled store, counted as running so that closing the loan waits for it. */
        private <R> R borrowed(Function<DerbyStore, R> call) {
            DerbyStore s = enter();
            try {
                return call.apply(s);
            } finally {
                leave();
            }
        }

        @Override
        public <T> T inTransaction(SqlWork<T> work) {
            return borrowed(s -> s.inTransaction(work));
        }

        @Override
        public <T> T read(SqlWork<T> work) {
            return borrowed(s -> s.read(work));
        }

        @Override
        public List<Integer> migrate(String owner, List<Migration> migrations) {
            return borrowed(s -> s.migrate(owner, migrations));
        }

        @Override
        public List<AppliedMigration> applied(String owner) {
            return borrowed(s -> s.applied(owner));
        }

        @Override
        public boolean healthy() {
            synchronized (lock) {
                if (closed) {
                    return false;
                }
            }
            return pooled.store.healthy();
        }

        @Override
        public String engine() {
            return borrowed(DerbyStore::engine);
        }

        /** The first column of the first row a query answers, as a number: a count, in a test's check. */
        public long count(String sql) {
            return read(c -> {
                try (java.sql.PreparedStatement ps = c.prepareStatement(sql);
                        java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        }

        /** The names of a table's columns (upper case, as the table was created), in the order the database gives. */
        public List<String> columns(String table) {
            return read(c -> {
                List<String> out = new ArrayList<>();
                try (ResultSet rs = c.getMetaData().getColumns(null, null, table, null)) {
                    while (rs.next()) {
                        out.add(rs.getString("COLUMN_NAME"));
                    }
                }
                return out;
            });
        }

        /** Runs one statement in a transaction of its own: a test's setup or its tampering with a row. */
        public void execute(String sql) {
            inTransaction(c -> {
                try (java.sql.Statement st = c.createStatement()) {
                    st.executeUpdate(sql);
                }
                return null;
            });
        }

        /** Waits for work still running on the database, then gives it back. A second call does nothing. */
        @Override
        public void close() {
            synchronized (lock) {
                if (closed) {
                    return;
                }
                closed = true;
                boolean interrupted = false;
                while (running > 0) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            giveBack(pooled);
        }
    }
}
