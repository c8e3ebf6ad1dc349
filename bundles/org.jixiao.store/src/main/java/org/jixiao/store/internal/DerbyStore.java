package org.jixiao.store.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.derby.jdbc.EmbeddedDriver;
import org.jixiao.api.store.AppliedMigration;
import org.jixiao.api.store.Migration;
import org.jixiao.api.store.MigrationException;
import org.jixiao.api.store.SqlWork;
import org.jixiao.api.store.Store;
import org.jixiao.api.store.StoreBusyException;
import org.jixiao.api.store.StoreException;

/**
 * The embedded Derby database with a small bounded connection pool and the per-owner migration ledger.
 * Free of OSGi so that it can be tested as a plain object; {@link StoreComponent} publishes it.
 */
public final class DerbyStore implements Store, AutoCloseable {

    static final String LEDGER = "JX_MIGRATION";
    static final Duration DEFAULT_BORROW_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Callers that may wait for a pooled connection at once. Jetty serves with 64 threads by default: beyond this many
     * waiting for the database, the rest are kept for pages that need none (static files, the health probe), and the
     * next caller is refused at once.
     */
    static final int MAX_WAITING = 48;

    /**
     * The longest wait a caller is queued for, as the queue's length and the connections' mean hold time foretell it.
     * A burst of quick requests (a class of fifty answering at once) waits a few milliseconds and is served; under more
     * load than the database can serve the queue would only grow, and a refusal now beats one after the timeout.
     */
    static final Duration MAX_EXPECTED_WAIT = Duration.ofSeconds(2);

    // A health probe must answer quickly even when the pool is busy; a saturated pool is not "down".
    private static final Duration HEALTH_BORROW_TIMEOUT = Duration.ofSeconds(2);
    private static final System.Logger LOG = System.getLogger(DerbyStore.class.getName());

    private final Path directory;
    private final String url;
    private final int poolSize;
    private final Duration borrowTimeout;
    // DriverManager filters drivers by the caller's class loader, which fails inside OSGi; use the driver directly.
    private final EmbeddedDriver driver;
    private final ArrayBlockingQueue<Connection> idle;
    private final Semaphore permits;
    /**
     * Connections for work a thread starts while it already holds one (a transaction inside a transaction: the field
     * key's first fingerprint, an id block, a conflict noted apart). From the pool, such work waits for a connection
     * that the threads holding all of them, each waiting for the same one-time step, never give back: every write
     * stalls for the borrow timeout. A small reserve of its own lets it go on.
     */
    private final Semaphore nestedPermits = new Semaphore(NESTED_RESERVE, true);
    /** The connection of the read the current thread is in, outside any transaction; shared by reads inside it. */
    private final ThreadLocal<Connection> reading = new ThreadLocal<>();
    /** Connections the current thread holds. */
    private final ThreadLocal<int[]> held = ThreadLocal.withInitial(() -> new int[1]);
    private final AtomicInteger open = new AtomicInteger();
    /** How long a pooled connection is held on average (a moving mean), to foretell a queue's wait. */
    private final AtomicLong meanHoldNanos = new AtomicLong(TimeUnit.MILLISECONDS.toNanos(5));
    /** When the current thread took its pooled connection. */
    private final ThreadLocal<long[]> takenAt = ThreadLocal.withInitial(() -> new long[1]);
    /** {@link #MAX_EXPECTED_WAIT}, shorter in a test. */
    volatile Duration maxExpectedWait = MAX_EXPECTED_WAIT;
    private volatile boolean closed;

    public DerbyStore(Path directory, int poolSize) {
        this(directory, poolSize, DEFAULT_BORROW_TIMEOUT);
    }

    DerbyStore(Path directory, int poolSize, Duration borrowTimeout) {
        this(directory.toAbsolutePath().normalize(), null, poolSize, borrowTimeout);
    }

    /**
     * A database held in memory only and dropped on {@link #close()}: for tests that check neither durability nor a
     * restart, where creating files and waiting for each commit's disk write is most of the time. A node never runs
     * on one.
     */
    static DerbyStore inMemory(String name, int poolSize) {
        return new DerbyStore(null, Objects.requireNonNull(name), poolSize, DEFAULT_BORROW_TIMEOUT);
    }

    private DerbyStore(Path directory, String memoryName, int poolSize, Duration borrowTimeout) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
        }
        this.directory = directory;
        this.url = directory != null ? "jdbc:derby:" + directory : "jdbc:derby:memory:" + memoryName;
        this.poolSize = poolSize;
        this.borrowTimeout = Objects.requireNonNull(borrowTimeout);
        this.idle = new ArrayBlockingQueue<>(poolSize + NESTED_RESERVE);
        this.permits = new Semaphore(poolSize, true);
        // Derby looks for a deadlock only once a lock has been waited for this long (its default: 20 s). Meanwhile both
        // transactions hold their pooled connections, and under a burst of answers or writes the pool runs dry before
        // Derby picks its victim, which the store then runs again (isTransient).
        if (System.getProperty(DEADLOCK_TIMEOUT) == null) {
            System.setProperty(DEADLOCK_TIMEOUT, "2");
        }
        try {
            Path parent = directory == null ? null : directory.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
                // Derby reads this once, when the engine boots; otherwise derby.log lands in the working directory.
                if (System.getProperty("derby.stream.error.file") == null) {
                    System.setProperty("derby.stream.error.file", parent.resolve("derby.log").toString());
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the data directory of " + this.directory, e);
        }
        // Only now: loading the driver boots the engine, which is when derby.stream.error.file is read.
        this.driver = new EmbeddedDriver();
        try {
            inTransaction(this::createLedgerIfMissing);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Null for an in-memory database. */
    Path directory() {
        return directory;
    }

    private String location() {
        return directory != null ? directory.toString() : url;
    }

    // ---------------------------------------------------------------- work

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        for (int attempt = 1;; attempt++) {
            long started = System.nanoTime();
            try {
                return run(work, true, borrowTimeout);
            } catch (RuntimeException e) {
                // Rolled back as a whole, so the work can run again; a client never sees a deadlock or a burst of
                // contention on an identity sequence right after a restart.
                if (attempt >= TRANSIENT_ATTEMPTS || !isTransient(e, Duration.ofNanos(System.nanoTime() - started))) {
                    throw refused(e);
                }
                pause(attempt);
            }
        }
    }

    /** Connections beyond the pool, for work a thread starts while it holds one; see {@link #nestedPermits}. */
    static final int NESTED_RESERVE = 2;

    /** Seconds a lock is waited for before Derby checks whether the wait is a deadlock. */
    static final String DEADLOCK_TIMEOUT = "derby.locks.deadlockTimeout";

    /** Attempts of a transaction that failed for a transient reason, the first included. */
    static final int TRANSIENT_ATTEMPTS = 4;

    /**
     * A deadlock (40001: Derby rolled this transaction back to let another go on), or a lock not granted (40XL1,
     * 40XL2) quickly, as Derby's identity sequences report contention, rather than after a real wait for a lock that
     * another transaction holds, which retrying would only repeat.
     */
    static boolean isTransient(Throwable t, Duration took) {
        String state = sqlState(t);
        return "40001".equals(state)
                || ("40XL1".equals(state) || "40XL2".equals(state)) && took.compareTo(Duration.ofSeconds(5)) < 0;
    }

    /** A deadlock's victim, or a lock waited for until Derby gave up: another transaction held what this one needed. */
    private static boolean isLockWait(String state) {
        return "40001".equals(state) || "40XL1".equals(state) || "40XL2".equals(state);
    }

    /** Refusals for want of a connection or a lock since the last warning, which says how many there were. */
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicLong lastWarned = new AtomicLong();

    private static StoreBusyException busy(String message, Throwable cause) {
        return new StoreBusyException(message, cause);
    }

    /** Counts a refusal for want of a connection or a lock, and says so in the log once a minute at most. */
    private RuntimeException refused(RuntimeException e) {
        if (!(e instanceof StoreBusyException)) {
            return e;
        }
        int count = refused.incrementAndGet();
        long now = System.nanoTime();
        long last = lastWarned.get();
        // Under overload every request would log its own line.
        if ((last == 0 || now - last >= TimeUnit.MINUTES.toNanos(1)) && lastWarned.compareAndSet(last, now)) {
            refused.addAndGet(-count);
            LOG.log(Level.WARNING, "the database is saturated: " + count + " request(s) refused since the last warning ("
                    + e.getMessage() + "); callers are told to retry. A node that is often here needs a larger"
                    + " poolSize in etc/org.jixiao.store.cfg, or more processors");
        }
        return e;
    }

    private static String sqlState(Throwable t) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable x = t; x != null && seen.add(x); x = x.getCause()) {
            if (x instanceof SQLException e && e.getSQLState() != null) {
                return e.getSQLState();
            }
        }
        return null;
    }

    private static void pause(int attempt) {
        try {
            // A little longer each time, and not in step with the other transaction that is retrying too.
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(5, 25L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while retrying a transaction", e);
        }
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        Connection outer = reading.get();
        try {
            if (outer != null) {
                // A read inside a read shares its connection: a page that gathers a dozen figures, each read on its
                // own, waits for the pool once, not a dozen times behind everyone else under load.
                Objects.requireNonNull(work);
                try {
                    return work.run(outer);
                } catch (Throwable t) {
                    throw unchecked(t);
                }
            }
            return run(work, false, borrowTimeout);
        } catch (RuntimeException e) {
            throw refused(e);
        }
    }

    private <T> T run(SqlWork<T> work, boolean transactional, Duration timeout) {
        Objects.requireNonNull(work);
        Connection c = borrow(timeout);
        boolean broken = false;
        try {
            if (transactional) {
                c.setAutoCommit(false);
            }
            boolean outermostRead = !transactional && held.get()[0] == 1;
            if (outermostRead) {
                reading.set(c);
            }
            T result;
            try {
                result = work.run(c);
            } finally {
                if (outermostRead) {
                    reading.remove();
                }
            }
            if (transactional) {
                c.commit();
            }
            return result;
        } catch (Throwable t) {
            broken = isConnectionFailure(t);
            if (transactional && !rollback(c, t)) {
                broken = true;
            }
            throw unchecked(t);
        } finally {
            try {
                // The next borrower must not inherit an open transaction.
                if (!c.isClosed() && !c.getAutoCommit()) {
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                broken = true;
            }
            release(c, broken);
        }
    }

    private static RuntimeException unchecked(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        // SqlWork only declares SQLException, but a checked exception may still be thrown sneakily.
        String message = t instanceof SQLException e ? describe(e) : String.valueOf(t);
        return isLockWait(sqlState(t)) ? busy(message, t) : new StoreException(message, t);
    }

    private static boolean rollback(Connection c, Throwable cause) {
        try {
            if (!c.isClosed()) {
                c.rollback();
            }
            return true;
        } catch (SQLException e) {
            cause.addSuppressed(e);
            return false;
        }
    }

    // ---------------------------------------------------------------- pool

    private Connection borrow(Duration timeout) {
        if (closed) {
            throw new StoreException("the store is closed");
        }
        boolean nested = held.get()[0] > 0;
        Semaphore permits = nested ? nestedPermits : this.permits;
        try {
            // Past a short queue the caller is refused at once: under more load than the database can serve, waiting
            // callers would hold every web thread for the whole timeout, and even a static file would wait behind them.
            // tryAcquire(0, …) and not tryAcquire(): the latter jumps the queue of a fair semaphore.
            if (!permits.tryAcquire(0, TimeUnit.MILLISECONDS)) {
                if (!nested) {
                    refuseALongQueue();
                }
                if (!permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw busy("no database connection free within " + timeout.toMillis() + " ms (pool size "
                            + poolSize + ")", null);
                }
            }
            if (!nested) {
                takenAt.get()[0] = System.nanoTime();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a database connection", e);
        }
        if (closed) {
            permits.release();
            throw new StoreException("the store is closed");
        }
        try {
            Connection c;
            while ((c = idle.poll()) != null) {
                if (!c.isClosed()) {
                    held.get()[0]++;
                    return c;
                }
                discard(c);
            }
            c = connect();
            held.get()[0]++;
            return c;
        } catch (SQLException e) {
            permits.release();
            throw new StoreException("cannot open the database " + location() + ": " + describe(e), e);
        } catch (RuntimeException | Error e) {
            permits.release();
            throw e;
        }
    }

    private void refuseALongQueue() {
        int waiting = permits.getQueueLength();
        long expected = (waiting + 1) * meanHoldNanos.get() / poolSize;
        if (waiting >= MAX_WAITING || expected > maxExpectedWait.toNanos()) {
            throw busy("all " + poolSize + " database connections in use, " + waiting + " callers waiting already"
                    + " (about " + TimeUnit.NANOSECONDS.toMillis(expected) + " ms to wait)", null);
        }
    }

    private Connection connect() throws SQLException {
        Connection c = driver.connect(url + ";create=true", new Properties());
        if (c == null) {
            throw new SQLException("the Derby driver refused " + url);
        }
        open.incrementAndGet();
        return c;
    }

    private void release(Connection c, boolean broken) {
        // The outermost connection goes back to the pool, one taken while holding another to the reserve.
        boolean nested = --held.get()[0] > 0;
        Semaphore permits = nested ? nestedPermits : this.permits;
        if (!nested) {
            long took = System.nanoTime() - takenAt.get()[0];
            // A mean over about the last sixteen holds: quick to follow a change of load, steady against one outlier.
            meanHoldNanos.accumulateAndGet(took, (mean, x) -> mean + (x - mean) / 16);
        }
        try {
            if (broken || closed || c.isClosed() || !idle.offer(c)) {
                discard(c);
            }
        } catch (SQLException e) {
            discard(c);
        } finally {
            permits.release();
        }
    }

    private void discard(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // Closing a connection whose transaction is still open fails; nothing else can be done with it.
            try {
                c.rollback();
                c.close();
            } catch (SQLException ignored) {
                LOG.log(Level.DEBUG, "discarding a database connection failed", e);
            }
        }
        open.decrementAndGet();
    }

    /** SQLState class 08 is "connection exception": the connection is no longer usable. */
    static boolean isConnectionFailure(Throwable t) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> todo = new ArrayList<>(List.of(t));
        while (!todo.isEmpty()) {
            Throwable x = todo.remove(todo.size() - 1);
            if (x == null || !seen.add(x)) {
                continue;
            }
            if (x instanceof SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                    return true;
                }
                todo.add(e.getNextException());
            }
            todo.add(x.getCause());
            todo.addAll(List.of(x.getSuppressed()));
        }
        return false;
    }

    /** Connections currently open (idle or borrowed). */
    int openConnections() {
        return open.get();
    }

    int idleConnections() {
        return idle.size();
    }

    int freePermits() {
        return permits.availablePermits();
    }

    /** Callers waiting for a pooled connection now (an estimate, as the semaphore's). */
    int waiting() {
        return permits.getQueueLength();
    }

    // ---------------------------------------------------------------- health

    @Override
    public boolean healthy() {
        if (closed) {
            return false;
        }
        try {
            return run(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("VALUES 1")) {
                    return rs.next() && rs.getInt(1) == 1;
                }
            }, false, HEALTH_BORROW_TIMEOUT);
        } catch (StoreBusyException e) {
            // Every connection is at work: the database is up, only saturated; a restart would make it worse.
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "health probe failed", e);
            return false;
        }
    }

    @Override
    public String engine() {
        return read(c -> {
            DatabaseMetaData md = c.getMetaData();
            return md.getDatabaseProductName() + " " + md.getDatabaseProductVersion();
        });
    }

    // ---------------------------------------------------------------- backup

    /**
     * Derby's online backup into {@code folder}: a transaction-consistent image of the database as of one moment,
     * taken while other connections go on writing (they wait only while it copies the log), into
     * {@code folder/<the database folder's name>}.
     */
    void backupTo(Path folder) {
        read(c -> {
            try (java.sql.CallableStatement call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                call.setString(1, folder.toAbsolutePath().toString());
                call.execute();
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- close

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean drained = false;
        try {
            // Let work in progress finish instead of killing it with the shutdown.
            drained = permits.tryAcquire(poolSize, borrowTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!drained) {
            LOG.log(Level.WARNING, "closing the store while database work is still running");
        }
        Connection c;
        while ((c = idle.poll()) != null) {
            discard(c);
        }
        // Shutting an in-memory database down would keep its pages; dropping it frees them.
        String end = directory != null ? ";shutdown=true" : ";drop=true";
        try {
            driver.connect(url + end, new Properties());
            LOG.log(Level.WARNING, "Derby did not confirm the shutdown of " + location());
        } catch (SQLException e) {
            // 08006 is Derby's way of reporting a successful database shutdown (and drop).
            if (!"08006".equals(e.getSQLState())) {
                LOG.log(Level.WARNING, "shutting down the database " + location() + " failed: " + describe(e), e);
            }
        }
    }

    // ---------------------------------------------------------------- migrations

    private Void createLedgerIfMissing(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, LEDGER, new String[] {"TABLE"})) {
            if (rs.next()) {
                return null;
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + LEDGER + " ("
                    + "OWNER VARCHAR(100) NOT NULL, "
                    + "VERSION INTEGER NOT NULL, "
                    + "DESCRIPTION VARCHAR(200) NOT NULL, "
                    + "CHECKSUM VARCHAR(64) NOT NULL, "
                    + "APPLIED_AT TIMESTAMP NOT NULL, "
                    + "PRIMARY KEY (OWNER, VERSION))");
        }
        return null;
    }

    @Override
    public List<AppliedMigration> applied(String owner) {
        Objects.requireNonNull(owner);
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT OWNER, VERSION, DESCRIPTION, CHECKSUM, APPLIED_AT FROM "
                    + LEDGER + " WHERE OWNER = ? ORDER BY VERSION")) {
                ps.setString(1, owner);
                List<AppliedMigration> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new AppliedMigration(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                                rs.getTimestamp(5).toInstant()));
                    }
                }
                return rows;
            }
        });
    }

    // Serialised so that two bundles starting at once cannot both see a version as pending.
    @Override
    public synchronized List<Integer> migrate(String owner, List<Migration> migrations) {
        Objects.requireNonNull(owner);
        Objects.requireNonNull(migrations);
        if (owner.isBlank() || owner.length() > 100) {
            throw new MigrationException("a migration owner must be 1 to 100 characters: '" + owner + "'");
        }
        List<Migration> sorted = new ArrayList<>(migrations);
        sorted.sort(Comparator.comparingInt(Migration::version));
        Map<Integer, Migration> byVersion = new HashMap<>();
        Migration baseline = null;
        for (Migration m : sorted) {
            if (byVersion.put(m.version(), m) != null) {
                throw new MigrationException("owner " + owner + " has two migrations with version " + m.version());
            }
            if (m.description().length() > 200) {
                throw new MigrationException("the description of migration " + m.version() + " of owner " + owner
                        + " is longer than 200 characters");
            }
            if (m.baseline()) {
                if (baseline != null) {
                    throw new MigrationException("owner " + owner + " has two baselines, " + baseline.version()
                            + " and " + m.version());
                }
                baseline = m;
            }
        }
        // Versions up to the baseline's are what it replaces: none of them can run any more.
        int covered = baseline == null ? 0 : baseline.version();
        if (covered > 0 && sorted.get(0).version() < covered) {
            throw new MigrationException("migration " + sorted.get(0).version() + " of owner " + owner
                    + " is older than its baseline " + covered + ", which replaces it; it would never run");
        }

        // Everything is checked before anything is applied, so a refusal leaves the database as it was.
        List<AppliedMigration> recorded = applied(owner);
        refuseDowngrade(owner, recorded, sorted);
        refuseSkippedSteps(owner, recorded, covered);
        Map<Integer, AppliedMigration> ledger = new HashMap<>();
        for (AppliedMigration a : recorded) {
            ledger.put(a.version(), a);
            if (a.version() <= covered) {
                continue;
            }
            Migration m = byVersion.get(a.version());
            if (m == null) {
                throw new MigrationException("migration " + a.version() + " (" + a.description() + ") of owner " + owner
                        + " was applied but is missing from the migrations given now; applied migrations must not be"
                        + " removed");
            }
            String checksum = checksum(m.sql());
            if (!checksum.equals(a.checksum())) {
                throw new MigrationException("migration " + a.version() + " (" + a.description() + ") of owner " + owner
                        + " was edited after it was applied (checksum " + a.checksum() + " in the ledger, " + checksum
                        + " now); an applied migration must not be changed - add a new migration instead");
            }
        }

        List<Integer> done = new ArrayList<>();
        for (Migration m : sorted) {
            // A baseline only starts an empty ledger; over a ledger that reached its version it is history already.
            boolean due = m.baseline() ? recorded.isEmpty() : m.version() > covered && !ledger.containsKey(m.version());
            if (due) {
                apply(owner, m);
                done.add(m.version());
            }
        }
        return done;
    }

    /**
     * A database whose ledger stopped between its first migration and the baseline: the steps it lacks were folded
     * into the baseline, which only starts an empty database, and this version no longer ships them.
     */
    private static void refuseSkippedSteps(String owner, List<AppliedMigration> recorded, int covered) {
        if (recorded.isEmpty()) {
            return;
        }
        AppliedMigration newest = recorded.get(recorded.size() - 1);
        if (newest.version() < covered) {
            throw new MigrationException("upgrade refused: the database of " + owner + " is at migration "
                    + newest.version() + " (" + newest.description() + "), and this version starts new databases from a"
                    + " baseline of migrations up to " + covered + " but no longer ships migrations "
                    + (newest.version() + 1) + " to " + covered + ". Start a version that still ships them (any"
                    + " version from before the baseline) on this database once, then this one");
        }
    }

    /**
     * An older version of a bundle over a database that a newer one migrated: its code would run on tables it does
     * not know. Said in those words, before any of it runs, rather than as one missing migration.
     */
    private static void refuseDowngrade(String owner, List<AppliedMigration> recorded, List<Migration> given) {
        if (recorded.isEmpty()) {
            return;
        }
        AppliedMigration newest = recorded.get(recorded.size() - 1);
        int known = given.isEmpty() ? 0 : given.get(given.size() - 1).version();
        if (newest.version() > known) {
            throw new MigrationException("downgrade refused: the database of " + owner + " is at migration "
                    + newest.version() + " (" + newest.description() + ", applied " + newest.appliedAt()
                    + "), newer than this version's newest migration, " + (known == 0 ? "none" : known)
                    + "; this version is not started on it. Install the version that brought migration "
                    + newest.version() + " or a later one, or restore a backup taken before it");
        }
    }

    private void apply(String owner, Migration m) {
        List<String> statements = split(m.sql());
        String[] current = {null};
        try {
            inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    for (String sql : statements) {
                        current[0] = sql;
                        s.execute(sql);
                    }
                }
                current[0] = null;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + LEDGER
                        + " (OWNER, VERSION, DESCRIPTION, CHECKSUM, APPLIED_AT) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, owner);
                    ps.setInt(2, m.version());
                    ps.setString(3, m.description());
                    ps.setString(4, checksum(m.sql()));
                    ps.setTimestamp(5, Timestamp.from(Instant.now()));
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (StoreException e) {
            String where = current[0] == null ? "recording it in the ledger" : "statement: " + abbreviate(current[0]);
            Throwable cause = e.getCause() instanceof SQLException ? e.getCause() : e;
            String what = cause instanceof SQLException sql ? describe(sql) : e.getMessage();
            throw new MigrationException("migration " + m.version() + " (" + m.description() + ") of owner " + owner
                    + " failed and was rolled back: " + what + "; " + where, cause);
        }
        LOG.log(Level.INFO, "applied " + (m.baseline() ? "baseline " : "migration ") + m.version() + " ("
                + m.description() + ") of " + owner);
    }

    /** SHA-256 (lower-case hex) of the script with line endings normalised, so a checkout's CRLF is no edit. */
    static String checksum(String sql) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(normaliseLineEndings(sql).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String normaliseLineEndings(String s) {
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * Splits a script into statements at a {@code ;} that ends a line (outside quotes). A {@code ;} inside a
     * line is left to the statement: the rule stays predictable for scripts that later target PostgreSQL.
     * {@code --} comments are dropped, since Derby rejects a statement that is only a comment.
     */
    static List<String> split(String script) {
        String text = normaliseLineEndings(script);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        char quote = 0;
        for (String line : text.split("\n", -1)) {
            if (quote == 0 && line.trim().startsWith("--")) {
                continue;
            }
            StringBuilder kept = new StringBuilder(line.length());
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quote != 0) {
                    if (ch == quote) {
                        quote = 0; // a doubled quote ('') closes and reopens, which comes out the same
                    }
                } else if (ch == '\'' || ch == '"') {
                    quote = ch;
                } else if (ch == '-' && i + 1 < line.length() && line.charAt(i + 1) == '-') {
                    break;
                }
                kept.append(ch);
            }
            String content = strip(kept);
            if (quote == 0 && content.endsWith(";")) {
                statement.append(content, 0, content.length() - 1);
                flush(statement, statements);
            } else {
                statement.append(kept).append('\n');
            }
        }
        flush(statement, statements);
        return statements;
    }

    private static String strip(CharSequence s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.subSequence(0, end).toString();
    }

    private static void flush(StringBuilder statement, List<String> statements) {
        String s = statement.toString().strip();
        if (!s.isEmpty()) {
            statements.add(s);
        }
        statement.setLength(0);
    }

    private static String abbreviate(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }

    static String describe(SQLException e) {
        return e.getMessage() + " (SQLState " + e.getSQLState() + ")";
    }
}
