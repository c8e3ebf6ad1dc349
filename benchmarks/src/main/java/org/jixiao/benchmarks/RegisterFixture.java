package org.jixiao.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import org.jixiao.api.Actor;
import org.jixiao.api.AuditLog;
import org.jixiao.api.FieldCipher;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitDraft;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.store.AppliedMigration;
import org.jixiao.api.store.Migration;
import org.jixiao.api.store.SqlWork;
import org.jixiao.api.store.Store;
import org.jixiao.register.internal.RegisterEngine;
import org.jixiao.store.internal.DerbyStore;

/**
 * Ten years of history of {@link RegisterProject} in a real Derby database on disk (durable commits, as shipped),
 * with the register engine on top as a node runs it.
 *
 * <p>Writing a million records through the engine one at a time would take hours, so the records are inserted with
 * JDBC batches straight into the register tables (the columns the engine writes, ids from 1 up, which are node 0's),
 * and the engine then builds its running totals the way it does when a project first starts on it: the first use of
 * the project finds no fingerprint in REG_TOTAL_STATE and rebuilds every register from its live records. That
 * rebuild is timed.
 *
 * <p>The database is kept under {@code target/register-bench/n<N>} and reused while its marker file says it was
 * loaded completely, since loading and rebuilding a million records takes many minutes.
 */
public final class RegisterFixture implements AutoCloseable {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final int FIRST_YEAR = 2016;
    public static final int LAST_YEAR = 2025;
    public static final int COUNTIES = 10;
    public static final long CITY_ID = 1;
    /** Counties are units 2 to 11. */
    public static final List<Long> COUNTY_IDS = Stream.iterate(2L, i -> i + 1).limit(COUNTIES).toList();

    private static final String MARKER = "loaded.txt";
    private static final String REBUILD_LOG = "rebuilds.txt";
    private static final int BATCH = 5_000;
    /** Rows per transaction while loading: large, as a bulk load would be, but not the whole table at once. */
    private static final int ROWS_PER_TRANSACTION = 100_000;

    public final int records;
    public final Path dir;
    public final DerbyStore store;
    public final RegisterProject project = new RegisterProject();
    public final RegisterEngine engine;
    /** Loading the rows in this run, or -1 when an earlier run's database was reused. */
    public final long loadMillis;
    /** The engine's first use of the project in this run (its totals rebuilt when needed), in ms. */
    public final long firstUseMillis;
    /** Each register's rebuild transaction in this run, in ms, in declaration order; empty when nothing was rebuilt. */
    public final List<Long> rebuildMillis;

    /**
     * @param rebuild forget the totals' fingerprints first, so that the engine rebuilds them all again (to time a
     *                rebuild on a reused database)
     */
    public RegisterFixture(int records, boolean rebuild) {
        this.records = records;
        this.dir = baseDir().resolve("n" + records);
        boolean reuse = Files.exists(dir.resolve(MARKER));
        if (!reuse) {
            deleteTree(dir);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // -Dderby.stream.error.file=… with -Dderby.language.logQueryPlan=true keeps the plans for reading.
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        }
        store = new DerbyStore(dir.resolve("db"), 4);
        store.migrate(RegisterProject.ID, List.of(new Migration(1, "registers", RegisterProject.SCHEMA)));
        long loaded = -1;
        if (!reuse) {
            // The engine's schema first: its constructor would create it anyway, but REG_TOTAL_STATE must exist empty.
            store.migrate(RegisterEngine.OWNER, RegisterEngine.migrations());
            long t0 = System.nanoTime();
            load();
            loaded = (System.nanoTime() - t0) / 1_000_000;
            log("loaded %,d records in %,d ms", records, loaded);
            String totals = "engine";
            if ("sql".equals(System.getProperty("register.totals"))) {
                // The engine's rebuild of a million records takes hours when the machine is shared; see SqlTotals.
                long s0 = System.nanoTime();
                store.inTransaction(c -> {
                    SqlTotals.build(c, RegisterProject.ID, project.registers(), "REG_TOTAL", "REG_TOTAL_KEY", true);
                    return null;
                });
                long sqlMillis = (System.nanoTime() - s0) / 1_000_000;
                totals = "sql (" + sqlMillis + " ms)";
                log("totals computed by SQL in %,d ms", sqlMillis);
            }
            write(MARKER, "records=" + records + "\nloadMillis=" + loaded + "\ntotals=" + totals + "\n");
        } else if (rebuild) {
            store.migrate(RegisterEngine.OWNER, RegisterEngine.migrations());
            store.inTransaction(c -> {
                try (var st = c.createStatement()) {
                    return st.executeUpdate("DELETE FROM REG_TOTAL_STATE WHERE PROJECT = '" + RegisterProject.ID + "'");
                }
            });
        }
        this.loadMillis = loaded;
        // The engine opens one transaction per register on first use whether or not it rebuilds: a rebuild is told
        // by the fingerprints missing beforehand.
        boolean rebuilds = store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM REG_TOTAL_STATE WHERE PROJECT = ?")) {
                ps.setString(1, RegisterProject.ID);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) < project.registers().size();
                }
            }
        });
        TimingStore timing = new TimingStore(store);
        engine = new RegisterEngine(timing, new Tree(), new NoAudit(), new NoCipher(),
                Clock.fixed(LocalDate.of(LAST_YEAR + 1, 1, 15).atTime(10, 0).atZone(ZONE).toInstant(), ZONE), 0);
        timing.transactions.clear();
        long t0 = System.nanoTime();
        engine.actualsAsOf(project, COUNTY_IDS, LAST_YEAR, LocalDate.of(LAST_YEAR, 12, 31));
        firstUseMillis = (System.nanoTime() - t0) / 1_000_000;
        rebuildMillis = rebuilds ? List.copyOf(timing.transactions) : List.of();
        timing.transactions.clear();
        if (!rebuildMillis.isEmpty()) {
            String line = String.format("%s records=%d rebuildMillis=%d perRegister=%s%n", java.time.Instant.now(),
                    records, firstUseMillis, rebuildMillis);
            append(REBUILD_LOG, line);
            log("rebuilt the totals of %,d records in %,d ms (per register %s)", records, firstUseMillis,
                    rebuildMillis);
        }
    }

    /** Where the databases live: beside the benchmark jar (target/), or -Dregister.bench.dir. */
    static Path baseDir() {
        String dirProperty = System.getProperty("register.bench.dir");
        if (dirProperty != null) {
            return Path.of(dirProperty).toAbsolutePath();
        }
        try {
            Path code = Path.of(RegisterFixture.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // target/benchmarks.jar or target/classes: either way the parent is target/.
            return code.getParent().resolve("register-bench");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The reused database's load time, from its marker. */
    public Optional<String> marker() {
        try {
            return Optional.of(Files.readString(dir.resolve(MARKER)).strip().replace('\n', ' '));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Every timed rebuild of this size so far, one line each. */
    public List<String> rebuildLog() {
        try {
            return Files.readAllLines(dir.resolve(REBUILD_LOG));
        } catch (IOException e) {
            return List.of();
        }
    }

    // ---------------------------------------------------------------- loading

    /**
     * The records, uniformly over the ten years' days and the counties: 40 % youth, 10 % loans, 25 % training
     * attendances, 5 % internship bases, 20 % placements, 2 % of each deleted (the rebuild must skip them).
     */
    private void load() {
        Random random = new Random(42 + records);
        int youth = records * 40 / 100;
        int loans = records * 10 / 100;
        int training = records * 25 / 100;
        int bases = records * 5 / 100;
        int placements = records - youth - loans - training - bases;
        LocalDate first = LocalDate.of(FIRST_YEAR, 1, 1);
        int days = (int) (LocalDate.of(LAST_YEAR, 12, 31).toEpochDay() - first.toEpochDay() + 1);
        // Youth ids by county, so that a loan names a borrower of its own county.
        List<List<Long>> youthOf = new ArrayList<>();
        for (int i = 0; i < COUNTIES; i++) {
            youthOf.add(new ArrayList<>());
        }

        insert("RB_YOUTH", "NAME, GENDER, EDUCATION, YOUTH_TYPE, REGISTERED_ON", youth, random, first, days,
                (ps, id, county, day) -> {
                    ps.setString(3, "青年" + id);
                    ps.setString(4, random.nextBoolean() ? "M" : "F");
                    ps.setString(5, pick(random, RegisterProject.Education.values()));
                    ps.setString(6, random.nextInt(5) == 0 ? "ENTREPRENEUR" : "JOB_SEEKING");
                    ps.setDate(7, Date.valueOf(day));
                    youthOf.get(county).add(id);
                });
        insert("RB_LOAN", "BORROWER, KIND, AMOUNT, GRANTED_ON", loans, random, first, days, (ps, id, county, day) -> {
            List<Long> pool = youthOf.get(county);
            // Borrowers come from a fifth of the county's youth, so that some borrow twice in a year.
            ps.setLong(3, pool.get(random.nextInt(Math.max(1, pool.size() / 5))));
            ps.setString(4, random.nextInt(3) == 0 ? "GUARANTEED" : "STARTUP");
            ps.setBigDecimal(5, BigDecimal.valueOf(100 + random.nextInt(4_900), 2));
            ps.setDate(6, Date.valueOf(day));
        });
        insert("RB_TRAINING", "NAME, COURSE, TRAINED_ON, EMPLOYED_AFTER", training, random, first, days,
                (ps, id, county, day) -> {
                    ps.setString(3, "学员" + id);
                    ps.setString(4, pick(random, RegisterProject.Course.values()));
                    ps.setDate(5, Date.valueOf(day));
                    ps.setBoolean(6, random.nextInt(10) < 6);
                });
        insert("RB_BASE", "NAME, BASE_LEVEL, POSITIONS, OPENED_ON", bases, random, first, days,
                (ps, id, county, day) -> {
                    ps.setString(3, "见习基地" + id);
                    ps.setString(4, pick(random, RegisterProject.BaseLevel.values()));
                    ps.setLong(5, 1 + random.nextInt(30));
                    ps.setDate(6, Date.valueOf(day));
                });
        insert("RB_PLACEMENT", "NAME, SECTOR, PLACED_ON, STABLE", placements, random, first, days,
                (ps, id, county, day) -> {
                    ps.setString(3, "就业" + id);
                    ps.setString(4, pick(random, RegisterProject.Sector.values()));
                    ps.setDate(5, Date.valueOf(day));
                    ps.setBoolean(6, random.nextInt(4) != 0);
                });
    }

    /** Sets a register's own columns, which follow ID and UNIT_ID (from parameter 3 on). */
    @FunctionalInterface
    private interface Columns {
        void set(PreparedStatement ps, long id, int county, LocalDate day) throws SQLException;
    }

    private void insert(String table, String columns, int rows, Random random, LocalDate first, int days,
            Columns values) {
        int n = columns.split(",").length;
        String sql = "INSERT INTO " + table + " (ID, UNIT_ID, " + columns + ", VERSION, CREATED_AT, CREATED_BY, "
                + "UPDATED_AT, UPDATED_BY, DELETED_AT, DELETED_BY, DELETE_REASON) VALUES (?, ?, " + "?, ".repeat(n)
                + "0, ?, 1, ?, 1, ?, ?, ?)";
        long t0 = System.nanoTime();
        for (int from = 0; from < rows; from += ROWS_PER_TRANSACTION) {
            int start = from;
            int end = Math.min(rows, from + ROWS_PER_TRANSACTION);
            store.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = start; i < end; i++) {
                        long id = i + 1;
                        int county = random.nextInt(COUNTIES);
                        LocalDate day = first.plusDays(random.nextInt(days));
                        Timestamp created = Timestamp.from(day.atTime(9, 0).atZone(ZONE).toInstant());
                        ps.setLong(1, id);
                        ps.setLong(2, COUNTY_IDS.get(county));
                        values.set(ps, id, county, day);
                        ps.setTimestamp(3 + n, created);
                        ps.setTimestamp(4 + n, created);
                        boolean deleted = random.nextInt(50) == 0;
                        if (deleted) {
                            ps.setTimestamp(5 + n, created);
                            ps.setLong(6 + n, 1);
                            ps.setString(7 + n, "录入错误");
                        } else {
                            ps.setNull(5 + n, java.sql.Types.TIMESTAMP);
                            ps.setNull(6 + n, java.sql.Types.BIGINT);
                            ps.setNull(7 + n, java.sql.Types.VARCHAR);
                        }
                        ps.addBatch();
                        if ((i - start + 1) % BATCH == 0) {
                            ps.executeBatch();
                        }
                    }
                    ps.executeBatch();
                }
                return null;
            });
        }
        log("%s: %,d rows in %,d ms", table, rows, (System.nanoTime() - t0) / 1_000_000);
    }

    private static String pick(Random random, Enum<?>[] values) {
        return values[random.nextInt(values.length)].name();
    }

    // ---------------------------------------------------------------- plumbing

    @Override
    public void close() {
        store.close();
    }

    static void log(String format, Object... args) {
        System.out.printf("[register fixture] " + format + "%n", args);
    }

    private void write(String name, String text) {
        try {
            Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void append(String name, String text) {
        try {
            Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Times each transaction: during the first use of a project, the engine rebuilds one register per transaction. */
    static final class TimingStore implements Store {
        private final Store delegate;
        final List<Long> transactions = java.util.Collections.synchronizedList(new ArrayList<>());

        TimingStore(Store delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> T inTransaction(SqlWork<T> work) {
            long t0 = System.nanoTime();
            try {
                return delegate.inTransaction(work);
            } finally {
                transactions.add((System.nanoTime() - t0) / 1_000_000);
            }
        }

        @Override
        public <T> T read(SqlWork<T> work) {
            return delegate.read(work);
        }

        @Override
        public List<Integer> migrate(String owner, List<Migration> migrations) {
            return delegate.migrate(owner, migrations);
        }

        @Override
        public List<AppliedMigration> applied(String owner) {
            return delegate.applied(owner);
        }

        @Override
        public boolean healthy() {
            return delegate.healthy();
        }

        @Override
        public String engine() {
            return delegate.engine();
        }
    }

    /** The city and its ten counties; the engine's totals never ask the tree, its pages do. */
    private static final class Tree implements OrgUnitService {
        private static final OrgUnit CITY = new OrgUnit(CITY_ID, null, "city", "市团委", OrgLevel.CITY, "/1/");
        private static final List<OrgUnit> ALL = Stream.concat(Stream.of(CITY), COUNTY_IDS.stream()
                .map(id -> new OrgUnit(id, CITY_ID, "c" + id, "县" + id, OrgLevel.COUNTY, "/1/" + id + "/"))).toList();

        @Override
        public OrgUnit root() {
            return CITY;
        }

        @Override
        public OrgUnit create(Actor actor, OrgUnitDraft draft) {
            throw new UnsupportedOperationException("the tree is fixed here");
        }

        @Override
        public OrgUnit update(Actor actor, long id, OrgUnitDraft draft) {
            throw new UnsupportedOperationException("the tree is fixed here");
        }

        @Override
        public Optional<OrgUnit> find(long id) {
            return ALL.stream().filter(u -> u.id() == id).findFirst();
        }

        @Override
        public List<OrgUnit> subtree(long rootId) {
            return find(rootId).map(root -> ALL.stream().filter(root::covers).toList()).orElse(List.of());
        }
    }

    private static final class NoAudit implements AuditLog {
        @Override
        public void record(Actor actor, String action, String target, String detail) {
        }

        @Override
        public void record(Connection connection, Actor actor, String action, String target, String detail) {
        }
    }

    /** The project declares no resident-ID field, so nothing is ever sealed. */
    private static final class NoCipher implements FieldCipher {
        @Override
        public String encrypt(String plaintext) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String decrypt(String ciphertext, Actor reader, String target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String keyedHash(String domain, String value) {
            throw new UnsupportedOperationException();
        }
    }
}
