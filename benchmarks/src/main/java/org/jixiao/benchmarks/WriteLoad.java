package org.jixiao.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.google.gson.Gson;

import org.jixiao.api.Actor;
import org.jixiao.api.AuditLog;
import org.jixiao.api.FieldCipher;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitDraft;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.register.RegisterService;
import org.jixiao.api.security.Authentication;
import org.jixiao.api.store.Store;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;
import org.jixiao.core.internal.org.OrgUnitServiceImpl;
import org.jixiao.core.internal.schema.CoreSchema;
import org.jixiao.core.internal.user.UserRepository;
import org.jixiao.register.internal.RegisterEngine;
import org.jixiao.store.internal.DerbyStore;

/**
 * Durable youth registrations as the JSON API runs them, minus Jetty: the bearer token resolved to an actor, the
 * JSON body parsed, the employment project's web handler answering {@code POST /youth} (the engine's create with its
 * checks, totals, history, audit and the answer's record), the answer printed as JSON; against plain
 * {@code INSERT} + {@code COMMIT} of a similar row on the same Derby, at 1, 4 and 16 threads, back to back.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.jixiao.benchmarks.WriteLoad [seconds per run, default 10]
 *      -Dthreads=1,4,16 -Dpool=8 -Dcounties=1 -Dwarmup=20
 * </pre>
 *
 * {@code counties}: how many counties the clients' clerks belong to (client i writes in county i mod counties); 1
 * puts every write on the same running totals.
 */
public final class WriteLoad {

    private static final Gson GSON = new Gson();
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final Path dir;
    private final DerbyStore store;
    private final KeyProject project;
    private final Authentication auth;
    private final List<String> tokens = new ArrayList<>();
    private final AtomicLong next = new AtomicLong();

    private WriteLoad(int pool, int counties) throws IOException {
        dir = Files.createTempDirectory("jixiao-write-load-");
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        System.setProperty("jixiao.keys", dir.resolve("keys").toString());
        store = new DerbyStore(dir.resolve("db"), pool);
        Wiring wiring = new Wiring();
        wiring.put(Store.class, store);
        wiring.put(CoreSchema.class, new CoreSchema(store));
        OrgUnit root = store.inTransaction(c -> OrgUnitServiceImpl.insert(c, null, "city", "团市委", OrgLevel.CITY));
        Actor admin = new Actor(1, "bench", Set.of(Role.ADMIN), root, ZH);
        OrgUnitService orgUnits = wiring.get(OrgUnitService.class);
        AuditLog audit = wiring.put(AuditLog.class,
                (AuditLog) wiring.create("org.jixiao.core.internal.audit.AuditLogService"));
        wiring.put(guard(), keyGuard(store, dir.resolve("keys")));
        FieldCipher cipher = wiring.put(FieldCipher.class,
                (FieldCipher) wiring.create("org.jixiao.core.internal.security.AesFieldCipher"));
        wiring.put(RegisterService.class, new RegisterEngine(store, orgUnits, audit, cipher));
        project = (KeyProject) wiring.create("org.jixiao.project.employment.internal.EmploymentProject");
        store.migrate(project.id(), EmploymentFixture.migrations(project.getClass()));
        auth = (Authentication) wiring.create("org.jixiao.core.internal.user.AuthenticationImpl");
        for (int i = 1; i <= counties; i++) {
            OrgUnit county = orgUnits.create(admin, new OrgUnitDraft(root.id(), String.format("c%02d", i),
                    String.format("第%02d县团委", i), OrgLevel.COUNTY));
            String name = "clerk" + i;
            long user = store.inTransaction(c -> UserRepository.insert(c, java.time.Instant.now(), name, name,
                    "unused", county.id(), true, false, Set.of(Role.STAFF)));
            tokens.add(auth.createToken(new Actor(user, name, Set.of(Role.STAFF), county, ZH), "load", null));
        }
        store.inTransaction(c -> {
            try (var s = c.createStatement()) {
                s.execute("CREATE TABLE BENCH_ROW (ID BIGINT PRIMARY KEY, NAME VARCHAR(50), GENDER CHAR(1), "
                        + "ID_CIPHER VARCHAR(200), ID_HASH VARCHAR(64), COUNTY_ID BIGINT, REGISTERED_ON DATE, "
                        + "CREATED_AT TIMESTAMP)");
            }
            return null;
        });
    }

    private static Class<Object> guard() throws IOException {
        try {
            @SuppressWarnings("unchecked")
            Class<Object> c = (Class<Object>) Class.forName("org.jixiao.core.internal.security.FieldKeyGuard");
            return c;
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
    }

    /** The core's field-key guard over a key directory, as its tests build it (its DS constructor wants SCR). */
    private static Object keyGuard(Store store, Path keys) throws IOException {
        try {
            var ctor = guard().getDeclaredConstructor(Store.class, Path.class, java.time.Clock.class);
            ctor.setAccessible(true);
            return ctor.newInstance(store, keys, java.time.Clock.systemUTC());
        } catch (ReflectiveOperationException e) {
            throw new IOException(e);
        }
    }

    /** A valid resident ID number (born 1990 to 2006), different for every {@code n} below 3,000,000. */
    static String idNumber(long n) {
        LocalDate born = LocalDate.of(1990, 1, 1).plusDays(n / 500);
        String body = "330102" + born.toString().replace("-", "") + String.format("%03d", n % 500);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** One POST /api/v1/p/employment/youth as the API servlet runs it after reading the body. */
    private void post(int client) {
        long n = next.getAndIncrement();
        String number = idNumber(n);
        String json = "{\"name\":\"青年" + n + "\",\"gender\":\"" + ((number.charAt(16) - '0') % 2 == 1 ? "M" : "F")
                + "\",\"idNumber\":\"" + number + "\",\"education\":\"BACHELOR\",\"type\":\""
                + (n % 5 == 0 ? "ENTREPRENEUR" : "JOB_SEEKING") + "\",\"needCategories\":[\"TRAINING\",\"LOAN\"],"
                + "\"phone\":\"13800000000\"}";
        Actor actor = auth.authenticateToken(tokens.get(client % tokens.size()), ZH)
                .orElseThrow(() -> new IllegalStateException("token refused"));
        WebResult result = project.web().handle(new Post("/youth", actor, json));
        if (result == null || result.status() != 201) {
            throw new IllegalStateException("POST answered " + (result == null ? "nothing" : result.status() + " "
                    + GSON.toJson(result.body())));
        }
        GSON.toJson(result.body()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The baseline: one similar row, INSERT and COMMIT. */
    private void insert(int client) {
        long n = next.getAndIncrement();
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO BENCH_ROW (ID, NAME, GENDER, ID_CIPHER, ID_HASH,"
                    + " COUNTY_ID, REGISTERED_ON, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, n);
                ps.setString(2, "青年" + n);
                ps.setString(3, "M");
                ps.setString(4, "x".repeat(80));
                ps.setString(5, String.format("%064x", n));
                ps.setLong(6, client);
                ps.setDate(7, Date.valueOf(LocalDate.now()));
                ps.setTimestamp(8, new Timestamp(System.currentTimeMillis()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Operations per second of {@code op} on {@code threads} threads for {@code seconds}. */
    private static double run(String what, int threads, int seconds, java.util.function.IntConsumer op)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(threads);
        long t0 = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            int client = i;
            Thread t = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        try {
                            op.accept(client);
                            done.incrementAndGet();
                        } catch (RuntimeException e) {
                            if (errors.incrementAndGet() < 3) {
                                e.printStackTrace();
                            }
                        }
                    }
                } finally {
                    cpu.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                    finished.countDown();
                }
            });
            t.start();
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        finished.await();
        double rate = done.get() / ((System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "  %-8s %2d threads: %7.0f /s  %6.0f us CPU each  (%d done, %d errors, load "
                + "%.2f)%n", what, threads, rate, cpu.get() / 1e3 / Math.max(1, done.get()), done.get(), errors.get(),
                load());
        return rate;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int[] threads = Arrays.stream(System.getProperty("threads", "1,4,16").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        WriteLoad w = new WriteLoad(Integer.getInteger("pool", 8), Integer.getInteger("counties", 1));
        try {
            System.out.printf(Locale.ROOT, "warm-up (load %.2f)%n", load());
            // The engine's path is long: C2 is still compiling it after a few seconds.
            run("engine", 4, Integer.getInteger("warmup", 20), w::post);
            run("insert", 4, 5, w::insert);
            Map<Integer, double[]> out = new LinkedHashMap<>();
            for (int t : threads) {
                double insert = run("insert", t, seconds, w::insert);
                double engine = run("engine", t, seconds, w::post);
                out.put(t, new double[] {engine, insert});
            }
            System.out.println("threads  engine/s  insert/s  ratio");
            out.forEach((t, r) -> System.out.printf(Locale.ROOT, "%7d  %8.0f  %8.0f  %5.2f%n", t, r[0], r[1],
                    r[0] / r[1]));
        } finally {
            w.store.close();
            Fixture.delete(w.dir);
        }
    }

    /** The request the API servlet hands the project: a JSON body, parsed as it parses it. */
    private record Post(String path, Actor actor, String json) implements WebRequest {
        // @formatter:off
        @Override public String method() { return "POST"; }
        @Override public boolean api() { return true; }
        @Override public String param(String name) { return null; }
        @Override public List<String> params(String name) { return List.of(); }
        @Override public Locale locale() { return ZH; }
        @Override public String message(String key, Object... args) { return key; }
        // @formatter:on

        @Override
        public <T> Optional<T> body(Class<T> type) {
            return Optional.ofNullable(GSON.fromJson(com.google.gson.JsonParser.parseString(json), type));
        }
    }
}
