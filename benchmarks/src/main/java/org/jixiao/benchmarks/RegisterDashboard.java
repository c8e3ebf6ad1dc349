package org.jixiao.benchmarks;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A plain harness around {@link RegisterBenchmark}'s call, for what JMH does not show: the rebuild, a check of the
 * figures against the records, the size of REG_TOTAL, percentiles over many calls and, with {@code -Dplan=true}, the
 * plan Derby runs the totals query with.
 *
 * <pre>
 * java -cp benchmarks.jar org.jixiao.benchmarks.RegisterDashboard 100000 1000000
 * java -Drebuild=true -cp benchmarks.jar org.jixiao.benchmarks.RegisterDashboard 100000   # time the rebuild again
 * </pre>
 */
public final class RegisterDashboard {

    private static final int WARMUP_CALLS = Integer.getInteger("warmup", 2_000);
    private static final int TIMED_CALLS = Integer.getInteger("calls", 2_000);

    private RegisterDashboard() {
    }

    public static void main(String[] args) throws Exception {
        boolean rebuild = Boolean.getBoolean("rebuild");
        if (args.length > 0 && args[0].equals("compare")) {
            for (String arg : List.of(args).subList(1, args.length)) {
                compare(Integer.parseInt(arg.replace("_", "")));
            }
            return;
        }
        for (String arg : args) {
            int records = Integer.parseInt(arg.replace("_", ""));
            System.out.printf("%n== %,d records (load %s)%n", records, load());
            try (RegisterFixture f = new RegisterFixture(records, rebuild)) {
                System.out.println("database " + f.dir + ": " + f.marker().orElse("?"));
                System.out.printf("first use of the project in this run: %,d ms%s%n", f.firstUseMillis,
                        f.rebuildMillis.isEmpty() ? " (totals current, nothing rebuilt)"
                                : " (rebuilt, per register " + f.rebuildMillis + " ms)");
                f.rebuildLog().forEach(l -> System.out.println("  rebuild so far: " + l));
                sizes(f);
                check(f);
                for (String day : List.of("YEAR_END", "MID_MONTH")) {
                    time(f, day);
                }
                if (Boolean.getBoolean("plan")) {
                    for (String day : List.of("YEAR_END", "MID_MONTH")) {
                        plan(f, RegisterBenchmark.day(day));
                    }
                }
                if (Boolean.getBoolean("whatif")) {
                    whatIf(f);
                }
            }
        }
    }

    private static void time(RegisterFixture f, String day) {
        LocalDate asOf = RegisterBenchmark.day(day);
        for (int i = 0; i < WARMUP_CALLS; i++) {
            f.engine.actualsAsOf(f.project, RegisterFixture.COUNTY_IDS, RegisterFixture.LAST_YEAR, asOf);
        }
        String before = load();
        long[] nanos = new long[TIMED_CALLS];
        for (int i = 0; i < TIMED_CALLS; i++) {
            long t0 = System.nanoTime();
            f.engine.actualsAsOf(f.project, RegisterFixture.COUNTY_IDS, RegisterFixture.LAST_YEAR, asOf);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        System.out.printf("%-9s %s: mean %.2f ms, p50 %.2f, p95 %.2f, p99 %.2f, max %.2f (%d calls after %d; load %s"
                + " -> %s)%n", day, asOf, mean, pct(nanos, 50), pct(nanos, 95), pct(nanos, 99),
                nanos[nanos.length - 1] / 1e6, TIMED_CALLS, WARMUP_CALLS, before, load());
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)] / 1e6;
    }

    /** REG_TOTAL's rows of the project by grain: what the totals query has to look through. */
    private static void sizes(RegisterFixture f) {
        f.store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT GRAIN, COUNT(*) FROM REG_TOTAL WHERE PROJECT = ? "
                    + "GROUP BY GRAIN ORDER BY GRAIN")) {
                ps.setString(1, RegisterProject.ID);
                StringBuilder out = new StringBuilder("REG_TOTAL rows:");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.append(String.format(" %s %,d", rs.getString(1), rs.getLong(2)));
                    }
                }
                System.out.println(out);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM REG_TOTAL_KEY WHERE PROJECT = ?")) {
                ps.setString(1, RegisterProject.ID);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    System.out.printf("REG_TOTAL_KEY rows: %,d%n", rs.getLong(1));
                }
            }
            return null;
        });
        try (var files = Files.walk(f.dir.resolve("db"))) {
            long bytes = files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
            System.out.printf("database on disk: %,d MB%n", bytes >> 20);
        } catch (IOException e) {
            System.out.println("database size unknown: " + e);
        }
    }

    /** A few figures against the records themselves, so that a broken load or rebuild does not time nonsense. */
    private static void check(RegisterFixture f) {
        long county = RegisterFixture.COUNTY_IDS.get(0);
        Map<String, BigDecimal> mid = f.engine.actualsAsOf(f.project, List.of(county), RegisterFixture.LAST_YEAR,
                RegisterBenchmark.day("MID_MONTH")).get(county);
        LocalDate yearStart = LocalDate.of(RegisterFixture.LAST_YEAR, 1, 1);
        LocalDate asOf = RegisterBenchmark.day("MID_MONTH");
        Map<String, String> sql = Map.of(
                "youth.jobseekers", "SELECT COUNT(*) FROM RB_YOUTH WHERE UNIT_ID = ? AND DELETED_AT IS NULL AND "
                        + "YOUTH_TYPE = 'JOB_SEEKING' AND REGISTERED_ON <= ? AND REGISTERED_ON >= ?",
                "loans.amount", "SELECT SUM(AMOUNT) FROM RB_LOAN WHERE UNIT_ID = ? AND DELETED_AT IS NULL AND "
                        + "GRANTED_ON <= ? AND GRANTED_ON >= ?",
                "loans.borrowers", "SELECT COUNT(DISTINCT BORROWER) FROM RB_LOAN WHERE UNIT_ID = ? AND DELETED_AT "
                        + "IS NULL AND GRANTED_ON <= ? AND GRANTED_ON >= ?");
        for (Map.Entry<String, String> e : sql.entrySet()) {
            LocalDate from = e.getKey().equals("youth.jobseekers") ? LocalDate.of(1900, 1, 1) : yearStart;
            BigDecimal expected = f.store.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(e.getValue())) {
                    ps.setLong(1, county);
                    ps.setDate(2, java.sql.Date.valueOf(asOf));
                    ps.setDate(3, java.sql.Date.valueOf(from));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getBigDecimal(1);
                    }
                }
            });
            BigDecimal got = mid.get(e.getKey());
            boolean same = expected != null && got != null && expected.compareTo(got) == 0;
            System.out.printf("check %s of unit %d on %s: engine %s, records %s%s%n", e.getKey(), county, asOf, got,
                    expected, same ? "" : "  <-- DIFFERENT");
        }
        System.out.println("figures of unit " + county + " on " + asOf + ": " + mid);
    }

    /** The engine's totals query (Totals.sums) and its arguments for a day. */
    private record Query(String sql, List<Object> args) {
        static Query engine(LocalDate day) {
            return of(day, false);
        }

        /** One range per grain, so that an index led by (PROJECT, GRAIN, K) reads only the rows summed. */
        static Query perGrain(LocalDate day) {
            return of(day, true);
        }

        private static Query of(LocalDate day, boolean perGrain) {
            YearMonth month = YearMonth.from(day);
            boolean monthEnd = day.equals(month.atEndOfMonth());
            int firstMonth = day.getYear() * 100 + 1;
            int lastFullMonth = day.getYear() * 100 + day.getMonthValue() - (monthEnd ? 0 : 1);
            List<Long> units = RegisterFixture.COUNTY_IDS;
            String in = "UNIT_ID IN (" + "?, ".repeat(units.size() - 1) + "?)";
            List<Object> args = new java.util.ArrayList<>();
            if (!perGrain) {
                args.add(RegisterProject.ID);
                args.addAll(units);
                args.addAll(List.of(day.getYear(), firstMonth, lastFullMonth, dayKey(month.atDay(1)),
                        monthEnd ? 0 : dayKey(day)));
                return new Query("SELECT UNIT_ID, INDICATOR_ID, PART, SUM(TOTAL) FROM REG_TOTAL WHERE PROJECT = ? AND "
                        + in + " AND ((GRAIN = 'Y' AND K < ?) OR (GRAIN = 'M' AND K BETWEEN ? AND ?) OR "
                        + "(GRAIN = 'D' AND K BETWEEN ? AND ?)) GROUP BY UNIT_ID, INDICATOR_ID, PART", args);
            }
            String part = "SELECT UNIT_ID, INDICATOR_ID, PART, TOTAL FROM REG_TOTAL WHERE PROJECT = ? AND GRAIN = ? "
                    + "AND K BETWEEN ? AND ? AND " + in;
            int[][] ranges = {{0, day.getYear() - 1}, {firstMonth, lastFullMonth},
                {dayKey(month.atDay(1)), monthEnd ? 0 : dayKey(day)}};
            String[] grains = {"Y", "M", "D"};
            for (int i = 0; i < 3; i++) {
                args.addAll(List.of(RegisterProject.ID, grains[i], ranges[i][0], ranges[i][1]));
                args.addAll(units);
            }
            return new Query("SELECT UNIT_ID, INDICATOR_ID, PART, SUM(TOTAL) FROM (" + part + " UNION ALL " + part
                    + " UNION ALL " + part + ") T GROUP BY UNIT_ID, INDICATOR_ID, PART", args);
        }

        int run(java.sql.Connection c) throws java.sql.SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    Object a = args.get(i);
                    if (a instanceof String s) {
                        ps.setString(i + 1, s);
                    } else if (a instanceof Long l) {
                        ps.setLong(i + 1, l);
                    } else {
                        ps.setInt(i + 1, (Integer) a);
                    }
                }
                int rows = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                    }
                }
                return rows;
            }
        }
    }

    /**
     * What an index led by the grain and day would give: inside one transaction that is rolled back (Derby's DDL is
     * transactional, so the benchmark's database keeps the engine's schema), times the engine's query against the
     * same sums read one grain at a time with the index, and prints the latter's plan.
     */
    private static void whatIf(RegisterFixture f) {
        f.store.inTransaction(c -> {
            long t0 = System.nanoTime();
            try (var st = c.createStatement()) {
                st.executeUpdate("CREATE INDEX REG_TOTAL_GRAIN_IX ON REG_TOTAL (PROJECT, GRAIN, K, UNIT_ID)");
            }
            System.out.printf("%nwhat if: index (PROJECT, GRAIN, K, UNIT_ID) created in %,d ms%n",
                    (System.nanoTime() - t0) / 1_000_000);
            for (String name : List.of("YEAR_END", "MID_MONTH")) {
                LocalDate day = RegisterBenchmark.day(name);
                for (Query q : List.of(Query.engine(day), Query.perGrain(day))) {
                    int rows = 0;
                    for (int i = 0; i < WARMUP_CALLS / 4; i++) {
                        rows = q.run(c);
                    }
                    long[] nanos = new long[TIMED_CALLS / 4];
                    for (int i = 0; i < nanos.length; i++) {
                        long s = System.nanoTime();
                        q.run(c);
                        nanos[i] = System.nanoTime() - s;
                    }
                    Arrays.sort(nanos);
                    System.out.printf("what if %-9s %-9s query: mean %.2f ms, p50 %.2f, p95 %.2f (%d rows, %d calls)%n",
                            name, q.sql().contains("UNION") ? "per-grain" : "engine's",
                            Arrays.stream(nanos).average().orElse(0) / 1e6, pct(nanos, 50), pct(nanos, 95), rows,
                            nanos.length);
                }
            }
            try (CallableStatement cs = c.prepareCall("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)")) {
                cs.execute();
            }
            Query.perGrain(RegisterBenchmark.day("MID_MONTH")).run(c);
            try (PreparedStatement ps = c.prepareStatement("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                System.out.println("-- plan of the per-grain query as of 15 June with the index\n" + rs.getString(1));
            }
            try (CallableStatement cs = c.prepareCall("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(0)")) {
                cs.execute();
            }
            c.rollback();
            return null;
        });
    }

    /**
     * The totals query exactly as Totals.sums writes it, run with Derby's runtime statistics on: the plan, the
     * index used and the rows it visited.
     */
    private static void plan(RegisterFixture f, LocalDate day) {
        f.store.read(c -> {
            try (CallableStatement cs = c.prepareCall("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)")) {
                cs.execute();
            }
            int rows = Query.engine(day).run(c);
            System.out.printf("%n-- plan of the totals query as of %s (%d result rows)%n", day, rows);
            try (PreparedStatement ps = c.prepareStatement("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                System.out.println(rs.getString(1));
            }
            try (CallableStatement cs = c.prepareCall("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(0)")) {
                cs.execute();
            }
            return null;
        });
    }

    /** SqlTotals against the engine's own rebuild of the same records: both tables must hold the same rows. */
    private static void compare(int records) {
        try (RegisterFixture f = new RegisterFixture(records, false)) {
            f.store.inTransaction(c -> {
                try (var st = c.createStatement()) {
                    st.executeUpdate("CREATE TABLE CMP_TOTAL AS SELECT * FROM REG_TOTAL WITH NO DATA");
                    st.executeUpdate("CREATE TABLE CMP_TOTAL_KEY AS SELECT * FROM REG_TOTAL_KEY WITH NO DATA");
                }
                SqlTotals.build(c, RegisterProject.ID, f.project.registers(), "CMP_TOTAL", "CMP_TOTAL_KEY", false);
                String p = " WHERE PROJECT = '" + RegisterProject.ID + "'";
                for (String[] t : new String[][] {{"REG_TOTAL", "CMP_TOTAL"}, {"REG_TOTAL_KEY", "CMP_TOTAL_KEY"}}) {
                    // A distinct key whose first day moves back as the rebuild meets an earlier record (records
                    // come in id order) leaves a zero bucket at the later day: the same sums, one row more.
                    String zero = t[0].equals("REG_TOTAL") ? "TOTAL = 0" : "N = 0";
                    long[] n = new long[5];
                    String[] q = {"SELECT COUNT(*) FROM " + t[0] + p, "SELECT COUNT(*) FROM " + t[1],
                        "SELECT COUNT(*) FROM (SELECT * FROM " + t[0] + p + " AND NOT " + zero + " EXCEPT SELECT * FROM "
                                + t[1] + ") X",
                        "SELECT COUNT(*) FROM (SELECT * FROM " + t[1] + " EXCEPT SELECT * FROM " + t[0] + p + ") X",
                        "SELECT COUNT(*) FROM " + t[0] + p + " AND " + zero};
                    for (int i = 0; i < 5; i++) {
                        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(q[i])) {
                            rs.next();
                            n[i] = rs.getLong(1);
                        }
                    }
                    System.out.printf("%s: engine %,d rows (%,d of them zero), SQL %,d rows; non-zero rows only in the "
                            + "engine's %,d, only in SQL's %,d%s%n", t[0], n[0], n[4], n[1], n[2], n[3],
                            n[2] == 0 && n[3] == 0 ? " (same)" : "  <-- DIFFERENT");
                }
                // Nothing of the comparison stays in the benchmark's database.
                c.rollback();
                return null;
            });
        }
    }

    private static int dayKey(LocalDate d) {
        return d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }

    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
