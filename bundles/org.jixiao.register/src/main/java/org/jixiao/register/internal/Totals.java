package org.jixiao.register.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.register.Aggregate;
import org.jixiao.api.register.Condition;
import org.jixiao.api.register.RegisterDefinition;

/**
 * Running totals of the declared indicators, kept in the transaction of every write: a record's contribution is
 * taken out as it was and put back as it is. A total is stored per unit in day, month and (for stocks) year buckets,
 * so a figure as of any day reads at most a year's months, a month's days and one row per earlier year, whatever the
 * number of records.
 */
final class Totals {

    /** What a record contributes: its unit, state, values and the day it was created (for aggregates without a day). */
    record Snapshot(long unitId, String state, Map<String, Object> values, LocalDate created) {
    }

    private Totals() {
    }

    /** Applies the change from {@code before} to {@code after} (either null for a creation or a deletion). */
    static void apply(Connection c, String project, RegisterDefinition def, Snapshot before, Snapshot after)
            throws SQLException {
        apply(c, project, def, before, after, null);
    }

    /** One bucket of one total. */
    private record Bucket(String project, long unit, String indicator, String part, String grain, int k) {
    }

    /**
     * Bucket changes held back and written once: an import of thousands of records of a few units and days changes
     * the same few buckets thousands of times, in one transaction.
     */
    static final class Buffer {
        private final Map<Bucket, BigDecimal> deltas = new LinkedHashMap<>();

        void add(Buffer other) {
            other.deltas.forEach((b, d) -> deltas.merge(b, d, BigDecimal::add));
        }

        void flush(Connection c) throws SQLException {
            for (Map.Entry<Bucket, BigDecimal> e : deltas.entrySet()) {
                if (e.getValue().signum() != 0) {
                    write(c, e.getKey(), e.getValue());
                }
            }
            deltas.clear();
        }
    }

    /**
     * As {@link #apply(Connection, String, RegisterDefinition, Snapshot, Snapshot)}, the bucket changes held in
     * {@code buffer} (null: written at once). Distinct keys are always written at once: a later record's change
     * depends on them.
     */
    static void apply(Connection c, String project, RegisterDefinition def, Snapshot before, Snapshot after,
            Buffer buffer) throws SQLException {
        for (Aggregate a : def.aggregates()) {
            if (a.kind() == Aggregate.Kind.DISTINCT) {
                distinct(c, project, a, before, -1, buffer);
                distinct(c, project, a, after, 1, buffer);
                continue;
            }
            for (Snapshot s : new Snapshot[] {before, after}) {
                if (s == null) {
                    continue;
                }
                int sign = s == before ? -1 : 1;
                LocalDate day = day(a, s);
                if (day == null) {
                    continue;
                }
                if (a.kind() == Aggregate.Kind.SHARE) {
                    if (matches(a.of(), s)) {
                        add(c, project, a, "D", s.unitId(), day, BigDecimal.valueOf(sign), buffer);
                        if (matches(a.where(), s)) {
                            add(c, project, a, "N", s.unitId(), day, BigDecimal.valueOf(sign), buffer);
                        }
                    }
                } else if (matches(a.where(), s)) {
                    BigDecimal amount = a.kind() == Aggregate.Kind.SUM ? number(s.values().get(a.field())) : BigDecimal.ONE;
                    if (amount != null) {
                        add(c, project, a, "N", s.unitId(), day, sign < 0 ? amount.negate() : amount, buffer);
                    }
                }
            }
        }
    }

    private static LocalDate day(Aggregate a, Snapshot s) {
        if (a.day() == null) {
            return s.created();
        }
        return s.values().get(a.day()) instanceof LocalDate d ? d : null;
    }

    static boolean matches(Condition condition, Snapshot s) {
        for (Condition.Clause clause : condition.clauses()) {
            Object v = clause.field().equals("state") ? s.state() : s.values().get(clause.field());
            List<String> have = v == null ? List.of() : v instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                    : List.of(Values.plain(v));
            boolean any = have.stream().anyMatch(clause.values()::contains);
            boolean ok = switch (clause.op()) {
                case IN -> any;
                case NOT_IN -> !any;
                case PRESENT -> !have.isEmpty();
                case ABSENT -> have.isEmpty();
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal number(Object v) {
        return v instanceof BigDecimal b ? b : v instanceof Long l ? BigDecimal.valueOf(l) : null;
    }

    private static void add(Connection c, String project, Aggregate a, String part, long unit, LocalDate day,
            BigDecimal amount, Buffer buffer) throws SQLException {
        String id = a.indicator().id();
        List<Bucket> buckets = new ArrayList<>(3);
        if (a.period() == Aggregate.Period.CUMULATIVE) {
            buckets.add(new Bucket(project, unit, id, part, "Y", day.getYear()));
        }
        buckets.add(new Bucket(project, unit, id, part, "M", day.getYear() * 100 + day.getMonthValue()));
        buckets.add(new Bucket(project, unit, id, part, "D", dayKey(day)));
        for (Bucket b : buckets) {
            if (buffer == null) {
                write(c, b, amount);
            } else {
                buffer.deltas.merge(b, amount, BigDecimal::add);
            }
        }
    }

    /** Rows a bucket is kept in at most; a reader adds them up. */
    static final int STRIPES = 16;
    private static final Map<Connection, Integer> STRIPE_OF = java.util.Collections.synchronizedMap(
            new java.util.WeakHashMap<>());
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_STRIPE = new java.util.concurrent.atomic
            .AtomicInteger();

    /**
     * The stripe a connection writes: each pooled connection its own (up to {@link #STRIPES} of them), so that two
     * transactions that run at once never wait for each other's total, which each holds until it commits.
     */
    static int stripe(Connection c) {
        return STRIPE_OF.computeIfAbsent(c, x -> Math.floorMod(NEXT_STRIPE.getAndIncrement(), STRIPES));
    }

    private static void write(Connection c, Bucket b, BigDecimal amount) throws SQLException {
        List<Object> key = List.of(b.project(), b.unit(), b.indicator(), b.part(), b.grain(), b.k(), stripe(c));
        List<Object> args = new ArrayList<>();
        args.add(amount);
        args.addAll(key);
        String update = "UPDATE REG_TOTAL SET TOTAL = TOTAL + ? WHERE PROJECT = ? AND UNIT_ID = ? AND INDICATOR_ID = ? "
                + "AND PART = ? AND GRAIN = ? AND K = ? AND STRIPE = ?";
        if (RecordSql.update(c, update, args) == 0) {
            List<Object> insert = new ArrayList<>(key);
            insert.add(amount);
            // PostgreSQL aborts the whole transaction on a failed statement unless a savepoint takes it back; Derby
            // takes back the statement alone. Either way the record's own writes stand.
            java.sql.Savepoint before = c.setSavepoint();
            try {
                RecordSql.update(c, "INSERT INTO REG_TOTAL (PROJECT, UNIT_ID, INDICATOR_ID, PART, GRAIN, K, STRIPE, "
                        + "TOTAL) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", insert);
                c.releaseSavepoint(before);
            } catch (SQLException e) {
                // Another transaction added the row meanwhile (it waited for that one to commit): add to it instead.
                c.rollback(before);
                if (!"23505".equals(e.getSQLState()) || RecordSql.update(c, update, args) != 1) {
                    throw e;
                }
            }
        }
    }

    /** A key counts once per unit and year (or once ever, for a stock), on the first day a live record has it. */
    private static void distinct(Connection c, String project, Aggregate a, Snapshot s, int sign, Buffer buffer)
            throws SQLException {
        if (s == null || !matches(a.where(), s) || s.values().get(a.field()) == null) {
            return;
        }
        LocalDate day = day(a, s);
        if (day == null) {
            return;
        }
        String key = Values.plain(s.values().get(a.field()));
        int scopeYear = a.period() == Aggregate.Period.CUMULATIVE ? 0 : day.getYear();
        List<Object> id = List.of(project, a.indicator().id(), s.unitId(), scopeYear, key);
        LocalDate firstBefore = firstDay(c, id);
        List<Object> args = new ArrayList<>();
        args.add(sign);
        args.addAll(id);
        args.add(dayKey(day));
        if (RecordSql.update(c, "UPDATE REG_TOTAL_KEY SET N = N + ? WHERE PROJECT = ? AND INDICATOR_ID = ? AND "
                + "UNIT_ID = ? AND SCOPE_YEAR = ? AND KEY_VALUE = ? AND DAY_K = ?", args) == 0) {
            List<Object> insert = new ArrayList<>(id);
            insert.add(dayKey(day));
            insert.add(sign);
            RecordSql.update(c, "INSERT INTO REG_TOTAL_KEY (PROJECT, INDICATOR_ID, UNIT_ID, SCOPE_YEAR, KEY_VALUE, DAY_K, "
                    + "N) VALUES (?, ?, ?, ?, ?, ?, ?)", insert);
        }
        LocalDate firstAfter = firstDay(c, id);
        if (firstBefore != null && !firstBefore.equals(firstAfter)) {
            add(c, project, a, "N", s.unitId(), firstBefore, BigDecimal.ONE.negate(), buffer);
        }
        if (firstAfter != null && !firstAfter.equals(firstBefore)) {
            add(c, project, a, "N", s.unitId(), firstAfter, BigDecimal.ONE, buffer);
        }
    }

    private static LocalDate firstDay(Connection c, List<Object> id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(DAY_K) FROM REG_TOTAL_KEY WHERE PROJECT = ? AND "
                + "INDICATOR_ID = ? AND UNIT_ID = ? AND SCOPE_YEAR = ? AND KEY_VALUE = ? AND N > 0")) {
            RecordSql.bind(ps, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int k = rs.getInt(1);
                return rs.wasNull() ? null : LocalDate.of(k / 10000, k / 100 % 100, k % 100);
            }
        }
    }

    static int dayKey(LocalDate d) {
        return d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }

    /**
     * Recomputes the register's totals from its live records when its declared aggregates are not those its totals
     * were kept for: on the first start of a project on the engine, and after an update that changed an indicator.
     *
     * @return whether it rebuilt
     */
    static boolean rebuildIfChanged(Connection c, String project, RegisterDefinition def, java.util.function.Function<
            java.time.Instant, LocalDate> dayOf) throws SQLException {
        String fingerprint = fingerprint(def);
        String stored = null;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT FINGERPRINT FROM REG_TOTAL_STATE WHERE PROJECT = ? AND REGISTER = ?")) {
            ps.setString(1, project);
            ps.setString(2, def.id());
            try (ResultSet rs = ps.executeQuery()) {
                stored = rs.next() ? rs.getString(1) : null;
            }
        }
        if (fingerprint.equals(stored)) {
            return false;
        }
        for (Aggregate a : def.aggregates()) {
            RecordSql.update(c, "DELETE FROM REG_TOTAL WHERE PROJECT = ? AND INDICATOR_ID = ?",
                    List.of(project, a.indicator().id()));
            RecordSql.update(c, "DELETE FROM REG_TOTAL_KEY WHERE PROJECT = ? AND INDICATOR_ID = ?",
                    List.of(project, a.indicator().id()));
        }
        if (!def.aggregates().isEmpty()) {
            Buffer buffer = new Buffer();
            new RecordSql(def).eachLive(c, r -> apply(c, project, def, null,
                    new Snapshot(r.unitId(), r.state(), r.values(), dayOf.apply(r.createdAt())), buffer));
            buffer.flush(c);
        }
        if (stored == null) {
            RecordSql.update(c, "INSERT INTO REG_TOTAL_STATE (PROJECT, REGISTER, FINGERPRINT) VALUES (?, ?, ?)",
                    List.of(project, def.id(), fingerprint));
        } else {
            RecordSql.update(c, "UPDATE REG_TOTAL_STATE SET FINGERPRINT = ? WHERE PROJECT = ? AND REGISTER = ?",
                    List.of(fingerprint, project, def.id()));
        }
        return true;
    }

    /** The aggregates as text (records print every component), hashed. */
    static String fingerprint(RegisterDefinition def) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(def.aggregates().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    // ---------------------------------------------------------------- reading

    /**
     * Every declared indicator of {@code defs} per unit as of the end of {@code asOf} (at most 31 December of
     * {@code year}). Units without records map every indicator to zero; a growth without last year's figure is left
     * out (not judged).
     */
    static Map<Long, Map<String, BigDecimal>> read(Connection c, String project, List<RegisterDefinition> defs,
            Collection<Long> units, int year, LocalDate asOf) throws SQLException {
        LocalDate day = asOf == null || asOf.isAfter(LocalDate.of(year, 12, 31)) ? LocalDate.of(year, 12, 31) : asOf;
        Map<Long, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        List<Aggregate> aggregates = defs.stream().flatMap(d -> d.aggregates().stream()).toList();
        if (units.isEmpty() || aggregates.isEmpty()) {
            units.forEach(u -> out.put(u, new LinkedHashMap<>()));
            return out;
        }
        Map<String, BigDecimal> sums = sums(c, project, units, day);
        Map<String, BigDecimal> lastYear = aggregates.stream().anyMatch(a -> a.kind() == Aggregate.Kind.GROWTH)
                ? sums(c, project, units, day.minusYears(1)) : Map.of();
        for (Long unit : units) {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            for (Aggregate a : aggregates) {
                String id = a.indicator().id();
                BigDecimal n = sums.getOrDefault(unit + "/" + id + "/N", BigDecimal.ZERO);
                switch (a.kind()) {
                    case SHARE -> {
                        BigDecimal d = sums.getOrDefault(unit + "/" + id + "/D", BigDecimal.ZERO);
                        values.put(id, d.signum() == 0 ? BigDecimal.ZERO
                                : n.multiply(BigDecimal.valueOf(100)).divide(d, 2, RoundingMode.HALF_UP));
                    }
                    case GROWTH -> {
                        BigDecimal last = lastYear.get(unit + "/" + id + "/N");
                        if (last != null && last.signum() > 0) {
                            values.put(id, n.subtract(last).multiply(BigDecimal.valueOf(100))
                                    .divide(last, 2, RoundingMode.HALF_UP));
                        }
                    }
                    default -> values.put(id, n.stripTrailingZeros().scale() < 0 ? n.setScale(0) : n.stripTrailingZeros());
                }
            }
            out.put(unit, values);
        }
        return out;
    }

    /**
     * Sums by "unit/indicator/part" as of the end of {@code day}, within its year (plus earlier years of stocks): the
     * day rows of its month, the month rows of its year and the year rows before it, each read by an index range.
     */
    private static Map<String, BigDecimal> sums(Connection c, String project, Collection<Long> units, LocalDate day)
            throws SQLException {
        YearMonth month = YearMonth.from(day);
        boolean monthEnd = day.equals(month.atEndOfMonth());
        int lastFullMonth = day.getYear() * 100 + day.getMonthValue() - (monthEnd ? 0 : 1);
        Map<String, BigDecimal> out = new HashMap<>();
        sum(c, project, units, "Y", 0, day.getYear() - 1, out);
        sum(c, project, units, "M", day.getYear() * 100 + 1, lastFullMonth, out);
        if (!monthEnd) {
            sum(c, project, units, "D", dayKey(month.atDay(1)), dayKey(day), out);
        }
        return out;
    }

    private static void sum(Connection c, String project, Collection<Long> units, String grain, int from, int to,
            Map<String, BigDecimal> out) throws SQLException {
        if (to < from) {
            return;
        }
        // One unit at a time: with every key column but K fixed, the index gives exactly the range asked, where an IN
        // list of units would make Derby read each unit's whole history of that grain.
        try (PreparedStatement ps = c.prepareStatement("SELECT INDICATOR_ID, PART, SUM(TOTAL) FROM REG_TOTAL "
                + "WHERE PROJECT = ? AND GRAIN = ? AND UNIT_ID = ? AND K BETWEEN ? AND ? GROUP BY INDICATOR_ID, PART")) {
            for (Long unit : units) {
                RecordSql.bind(ps, List.of(project, grain, unit, from, to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.merge(unit + "/" + rs.getString(1) + "/" + rs.getString(2), rs.getBigDecimal(3),
                                BigDecimal::add);
                    }
                }
            }
        }
    }
}
