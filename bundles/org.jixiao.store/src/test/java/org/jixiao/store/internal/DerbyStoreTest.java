package org.jixiao.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jixiao.api.store.StoreBusyException;
import org.jixiao.api.store.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DerbyStoreTest {

    @TempDir
    Path dir;

    private final List<DerbyStore> opened = new ArrayList<>();

    @BeforeAll
    static void derbyLog() {
        TestSupport.derbyLogInTarget();
    }

    @AfterEach
    void closeAll() {
        opened.forEach(DerbyStore::close);
    }

    private DerbyStore open(int poolSize) {
        return open(poolSize, DerbyStore.DEFAULT_BORROW_TIMEOUT);
    }

    private DerbyStore open(int poolSize, Duration timeout) {
        DerbyStore s = new DerbyStore(dir.resolve("db"), poolSize, timeout);
        opened.add(s);
        return s;
    }

    /** The store with an empty table ITEM (ID, NAME) to write to. */
    private static DerbyStore withItems(DerbyStore store) {
        store.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE ITEM (ID INTEGER NOT NULL PRIMARY KEY, NAME VARCHAR(50) NOT NULL)");
            }
            return null;
        });
        return store;
    }

    private static int insert(Connection c, int id, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ITEM (ID, NAME) VALUES (?, ?)")) {
            ps.setInt(1, id);
            ps.setString(2, name);
            return ps.executeUpdate();
        }
    }

    private static int count(DerbyStore store) {
        return first(store, "SELECT COUNT(*) FROM ITEM", Integer.class);
    }

    /** The first column of the first row the query reads. */
    private static <T> T first(DerbyStore store, String query, Class<T> type) {
        return store.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
                rs.next();
                return type.cast(rs.getObject(1));
            }
        });
    }

    @Test
    void commitsWhenTheWorkReturns() {
        DerbyStore store = withItems(open(2));
        int n = store.inTransaction(c -> insert(c, 1, "a") + insert(c, 2, "b"));
        assertEquals(2, n);
        assertEquals(2, count(store));
    }

    @Test
    void rollsBackAndRethrowsAnUncheckedException() {
        DerbyStore store = withItems(open(2));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.inTransaction(c -> {
            insert(c, 1, "a");
            throw new IllegalStateException("boom");
        }));
        assertEquals("boom", e.getMessage());
        assertEquals(0, count(store));
    }

    @Test
    void rollsBackAndWrapsAnSqlException() {
        DerbyStore store = withItems(open(2));
        StoreException e = assertThrows(StoreException.class, () -> store.inTransaction(c -> {
            insert(c, 1, "a");
            return insert(c, 1, "duplicate");
        }));
        assertInstanceOf(SQLException.class, e.getCause());
        assertEquals(0, count(store));
    }

    @Test
    void rollsBackOnAnError() {
        DerbyStore store = withItems(open(1));
        assertThrows(AssertionError.class, () -> store.inTransaction(c -> {
            insert(c, 1, "a");
            throw new AssertionError("error");
        }));
        assertEquals(0, count(store));
        assertEquals(1, store.freePermits());
    }

    @Test
    void returnsConnectionsInAutocommitMode() {
        DerbyStore store = withItems(open(1));
        assertThrows(IllegalStateException.class, () -> store.inTransaction(c -> {
            throw new IllegalStateException();
        }));
        store.inTransaction(c -> insert(c, 1, "a"));
        assertTrue(store.read(Connection::getAutoCommit));
    }

    @Test
    void reusesPooledConnections() {
        DerbyStore store = open(1);
        Set<Connection> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < 100; i++) {
            seen.add(store.read(c -> c));
            seen.add(store.inTransaction(c -> c));
        }
        assertEquals(1, seen.size());
        assertEquals(1, store.openConnections());
    }

    @Test
    void leaksNoConnectionAfterManyCallsIncludingFailures() {
        DerbyStore store = withItems(open(3, Duration.ofMillis(500)));
        for (int i = 0; i < 300; i++) {
            int id = i;
            switch (i % 4) {
                case 0 -> store.inTransaction(c -> insert(c, id, "x"));
                case 1 -> assertThrows(StoreException.class, () -> store.read(c -> insert(c, id - 1, "duplicate")));
                case 2 -> assertThrows(RuntimeException.class, () -> store.inTransaction(c -> {
                    insert(c, -id, "rolled back");
                    throw new RuntimeException();
                }));
                default -> count(store);
            }
        }
        assertEquals(75, count(store));
        assertEquals(3, store.freePermits());
        assertTrue(store.openConnections() <= 3, "open connections: " + store.openConnections());
        assertEquals(store.openConnections(), store.idleConnections());
    }

    @Test
    void boundsConnectionsUnderConcurrency() throws Exception {
        DerbyStore store = withItems(open(3));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        int id = thread * 1000 + i;
                        store.inTransaction(c -> insert(c, id, "t"));
                        assertTrue(store.openConnections() <= 3);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, count(store));
        assertTrue(store.openConnections() <= 3);
        assertEquals(3, store.freePermits());
    }

    @Test
    void borrowTimesOutWhenThePoolIsExhausted() throws Exception {
        DerbyStore store = open(1, Duration.ofMillis(200));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread holder = new Thread(() -> store.read(c -> {
            inside.countDown();
            try {
                done.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holder.start();
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        StoreException e = assertThrows(StoreBusyException.class, () -> store.read(c -> 1));
        assertTrue(e.getMessage().contains("no database connection free"), e.getMessage());
        // Saturated is not down: the node's health must not ask for a restart that would only make it worse.
        assertTrue(store.healthy());
        done.countDown();
        holder.join(10_000);
        assertEquals(Integer.valueOf(1), store.read(c -> 1));
    }

    /**
     * Under more load than the database serves, a caller past the queue is refused at once instead of holding a web
     * thread for the whole timeout (the timeout here is ten minutes: a refusal can only be the queue's).
     */
    @Test
    void aCallerPastTheQueueIsRefusedAtOnce() throws Exception {
        DerbyStore store = open(1, Duration.ofMinutes(10));
        store.maxExpectedWait = Duration.ofHours(1);
        whileTheOnlyConnectionIsHeld(store, (callers, release) -> {
            List<Future<Integer>> waiting = new ArrayList<>();
            for (int i = 0; i < DerbyStore.MAX_WAITING; i++) {
                waiting.add(callers.submit(() -> store.read(c -> 1)));
            }
            while (store.waiting() < DerbyStore.MAX_WAITING) {
                Thread.sleep(5);
            }
            StoreException e = assertThrows(StoreBusyException.class, () -> store.inTransaction(c -> 1));
            assertTrue(e.getMessage().contains("callers waiting already"), e.getMessage());
            release.countDown();
            for (Future<Integer> f : waiting) {
                assertEquals(Integer.valueOf(1), f.get(60, TimeUnit.SECONDS), "the queue is served");
            }
        });
        assertEquals(1, store.freePermits());
    }

    /**
     * A read inside a read (a page gathering many figures) shares its connection, so under load it queues for the pool
     * once; a transaction inside it still gets a connection of its own, and an open cursor survives the inner read.
     */
    @Test
    void aReadInsideAReadSharesItsConnection() throws Exception {
        DerbyStore store = open(1);
        execute(store, "CREATE TABLE SHARED (ID INT PRIMARY KEY)", "INSERT INTO SHARED VALUES (1), (2), (3)");
        List<Integer> seen = store.read(c -> {
            List<Integer> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT ID FROM SHARED ORDER BY ID")) {
                while (rs.next()) {
                    int id = rs.getInt(1);
                    assertTrue(store.<Boolean>read(inner -> inner == c), "the same connection");
                    out.add(id + store.read(inner -> {
                        try (Statement t = inner.createStatement();
                                ResultSet n = t.executeQuery("SELECT COUNT(*) FROM SHARED")) {
                            n.next();
                            return n.getInt(1);
                        }
                    }));
                }
            }
            assertTrue(store.<Boolean>inTransaction(t -> t != c), "a write never runs on a read's connection");
            return out;
        });
        assertEquals(List.of(4, 5, 6), seen);
        assertEquals(1, store.freePermits());
        StoreException e = assertThrows(StoreException.class, () -> store.read(c -> store.read(inner -> {
            throw new SQLException("refused inside", "22001");
        })));
        assertTrue(e.getMessage().contains("refused inside"), e.getMessage());
        assertEquals(1, store.freePermits(), "given back after a failure inside");
    }

    /** A wait the connections' mean hold time says would be too long is refused before it starts. */
    @Test
    void aCallerWhoWouldWaitTooLongIsRefusedAtOnce() throws Exception {
        DerbyStore store = open(1, Duration.ofMinutes(10));
        // A hold takes more than a nanosecond: any wait at all is too long.
        store.maxExpectedWait = Duration.ofNanos(1);
        whileTheOnlyConnectionIsHeld(store, (callers, release) -> {
            StoreException e = assertThrows(StoreBusyException.class, () -> store.read(c -> 1));
            assertTrue(e.getMessage().contains("ms to wait"), e.getMessage());
        });
        assertEquals(Integer.valueOf(1), store.read(c -> 1), "a free connection is never refused");
    }

    interface WhileHeld {
        void run(ExecutorService callers, CountDownLatch release) throws Exception;
    }

    /** Runs {@code body} while another thread holds the pool's only connection, until {@code release} or the end. */
    private static void whileTheOnlyConnectionIsHeld(DerbyStore store, WhileHeld body) throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService callers = Executors.newCachedThreadPool();
        try {
            callers.submit(() -> store.read(c -> {
                inside.countDown();
                await(release);
                return 0;
            }));
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            body.run(callers, release);
        } finally {
            release.countDown();
            callers.shutdown();
            assertTrue(callers.awaitTermination(30, TimeUnit.SECONDS));
        }
    }

    private static void execute(DerbyStore store, String... statements) {
        store.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
            return null;
        });
    }

    /** Inside work, which may throw only SQLException. */
    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A lock another transaction keeps past Derby's wait is the database being busy too, not a failure. */
    @Test
    void aLockWaitedForInVainIsBusy() throws Exception {
        DerbyStore store = open(2);
        execute(store, "CREATE TABLE LOCKED (ID INT PRIMARY KEY, N INT)", "INSERT INTO LOCKED VALUES (1, 0)",
                "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '1')");
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            holder.submit(() -> store.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("UPDATE LOCKED SET N = 1 WHERE ID = 1");
                }
                locked.countDown();
                await(done);
                return null;
            }));
            assertTrue(locked.await(10, TimeUnit.SECONDS));
            // read(), which runs once: inTransaction would first run it again a few times, as a quick lock refusal is.
            assertThrows(StoreBusyException.class, () -> store.read(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("UPDATE LOCKED SET N = 2 WHERE ID = 1");
                }
            }));
        } finally {
            done.countDown();
            holder.shutdown();
            assertTrue(holder.awaitTermination(30, TimeUnit.SECONDS));
        }
    }

    /**
     * Work started inside a transaction (a one-time step every writer meets first, such as the field key's
     * fingerprint) gets a connection of the reserve, not one of the pool that the writers all hold, waiting for it.
     */
    @Test
    void aTransactionStartedInsideAnotherDoesNotWaitForThePoolItsCallerHolds() throws Exception {
        DerbyStore store = open(2, Duration.ofMillis(300));
        CountDownLatch bothInside = new CountDownLatch(2);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        List<Future<Integer>> done = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            done.add(writers.submit(() -> store.inTransaction(c -> {
                bothInside.countDown();
                try {
                    bothInside.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return store.inTransaction(nested -> 1) + 1;
            })));
        }
        for (Future<Integer> f : done) {
            assertEquals(Integer.valueOf(2), f.get(30, TimeUnit.SECONDS));
        }
        writers.shutdown();
        assertEquals(2, store.freePermits());
        assertEquals(Integer.valueOf(1), store.read(c -> 1));
    }

    @Test
    void discardsAConnectionClosedByTheWork() throws SQLException {
        DerbyStore store = open(1);
        Connection first = store.read(c -> {
            c.close();
            return c;
        });
        Connection second = store.read(c -> c);
        assertFalse(first == second, "the closed connection went back to the pool");
        assertFalse(second.isClosed());
        assertTrue(store.healthy());
        assertEquals(1, store.openConnections());
    }

    @Test
    void recognisesConnectionFailures() {
        assertTrue(DerbyStore.isConnectionFailure(new SQLException("gone", "08006")));
        assertTrue(DerbyStore.isConnectionFailure(new StoreException("x", new SQLException("gone", "08003"))));
        SQLException chained = new SQLException("first", "40001");
        chained.setNextException(new SQLException("second", "08001"));
        assertTrue(DerbyStore.isConnectionFailure(chained));
        assertFalse(DerbyStore.isConnectionFailure(new SQLException("duplicate", "23505")));
        assertFalse(DerbyStore.isConnectionFailure(new IllegalStateException()));
    }

    @Test
    void keepsCommittedDataAcrossCloseAndReopen() throws Exception {
        DerbyStore store = withItems(open(2));
        store.inTransaction(c -> insert(c, 1, "kept"));
        assertThrows(IllegalStateException.class, () -> store.inTransaction(c -> {
            insert(c, 2, "lost");
            throw new IllegalStateException();
        }));
        store.close();
        assertFalse(Files.exists(dir.resolve("db").resolve("db.lck")), "lock file removed by the shutdown");

        DerbyStore again = open(2);
        assertEquals(1, count(again));
        assertEquals("kept", first(again, "SELECT NAME FROM ITEM WHERE ID = 1", String.class));
    }

    @Test
    void healthyUntilClosed() {
        DerbyStore store = open(2);
        assertTrue(store.healthy());
        store.close();
        assertFalse(store.healthy());
        assertThrows(StoreException.class, () -> store.read(c -> 1));
        store.close(); // twice is harmless
    }

    @Test
    void namesTheEngine() {
        DerbyStore store = open(1);
        String engine = store.engine();
        assertTrue(engine.startsWith("Apache Derby 10.16"), engine);
    }

    @Test
    void createsTheDatabaseDirectoryAndItsParents() {
        Path deep = dir.resolve("a/b/db");
        DerbyStore store = new DerbyStore(deep, 1);
        opened.add(store);
        assertTrue(store.healthy());
        assertTrue(Files.isDirectory(deep));
        assertEquals(deep.toAbsolutePath().normalize(), store.directory());
    }

    /** Issue 12, item 12: right after a restart, parallel inserts got 500 for 40XL1 (sequence contention). */
    @Test
    void aTransactionThatFailsForATransientReasonRunsAgainAndItsFirstTryLeavesNothing() {
        DerbyStore store = withItems(open(2));
        java.util.concurrent.atomic.AtomicInteger tries = new java.util.concurrent.atomic.AtomicInteger();
        int written = store.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO ITEM VALUES (" + tries.incrementAndGet() + ", 'x')");
            }
            if (tries.get() < 3) {
                throw new java.sql.SQLTransactionRollbackException(tries.get() == 1 ? "deadlock" : "contention",
                        tries.get() == 1 ? "40001" : "40XL1");
            }
            return tries.get();
        });
        assertEquals(3, written);
        assertEquals(List.of(3), store.read(c -> {
            List<Integer> ids = new ArrayList<>();
            try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT ID FROM ITEM")) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
            }
            return ids;
        }), "the failed tries were rolled back");

        // Bounded, and only for transient reasons.
        tries.set(0);
        assertThrows(RuntimeException.class, () -> store.inTransaction(c -> {
            tries.incrementAndGet();
            throw new java.sql.SQLTransactionRollbackException("deadlock", "40001");
        }));
        assertEquals(DerbyStore.TRANSIENT_ATTEMPTS, tries.get());
        tries.set(0);
        assertThrows(RuntimeException.class, () -> store.inTransaction(c -> {
            tries.incrementAndGet();
            throw new java.sql.SQLIntegrityConstraintViolationException("duplicate", "23505");
        }));
        assertEquals(1, tries.get());
        assertFalse(DerbyStore.isTransient(new java.sql.SQLException("waited for a lock", "40XL1"),
                Duration.ofSeconds(60)), "a real lock wait is not tried again");
    }
}
