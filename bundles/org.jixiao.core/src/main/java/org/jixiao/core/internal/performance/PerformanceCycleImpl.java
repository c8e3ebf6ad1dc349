package org.jixiao.core.internal.performance;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.federation.Outbox;
import org.jixiao.api.performance.Lock;
import org.jixiao.api.performance.PerformanceCycle;
import org.jixiao.api.performance.PerformanceYear;
import org.jixiao.api.performance.Step;
import org.jixiao.api.performance.StepWindow;
import org.jixiao.api.store.Store;
import org.jixiao.core.internal.audit.AuditRecords;
import org.jixiao.core.internal.schema.CoreSchema;
import org.jixiao.core.internal.schema.Jdbc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The yearly cycle in JX_PERF_YEAR and JX_PERF_WINDOW. Every change is made by an admin of the root unit and
 * audited in its own transaction. Reads go to the database each time: a year has eight windows and changes a
 * few times a year, so there is nothing worth caching.
 */
@Component(service = PerformanceCycle.class)
public final class PerformanceCycleImpl implements PerformanceCycle {

    static final int YEAR_MIN = 2000;
    static final int YEAR_MAX = 2100;
    static final int REASON_MAX = 500;
    static final int USERNAME_MAX = 40;

    static final String UNLOCK_CITY_ADMIN = "lock.unlock.cityAdmin";

    private final Store store;
    private final Clock clock;
    // Serialises this node's changes, so that a step check and the update it guards cannot interleave.
    private final Object writeLock = new Object();
    /** The federation's outbox on a county or city node: the years are the city's, a county holds a copy. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile Outbox outbox;

    @Activate
    public PerformanceCycleImpl(@Reference Store store, @Reference CoreSchema schema) {
        // The zone decides which calendar day "today" is; the node runs with -Duser.timezone (Asia/Shanghai).
        this(store, Clock.systemDefaultZone());
    }

    PerformanceCycleImpl(Store store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The windows a year is opened with; each can be moved later with {@link #setWindow}. */
    static List<StepWindow> defaultWindows(int y) {
        List<StepWindow> w = new ArrayList<>();
        w.add(new StepWindow(Step.TARGET_SETTING, LocalDate.of(y, 1, 1), LocalDate.of(y, 3, 31)));
        w.add(new StepWindow(Step.EXECUTION, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
        w.add(new StepWindow(Step.TRACKING, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
        w.add(new StepWindow(Step.SELF_ASSESSMENT, LocalDate.of(y, 12, 1), LocalDate.of(y, 12, 31)));
        w.add(new StepWindow(Step.YOUTH_EVALUATION, LocalDate.of(y + 1, 1, 1), LocalDate.of(y + 1, 1, 20)));
        w.add(new StepWindow(Step.LEADER_EVALUATION, LocalDate.of(y + 1, 1, 1), LocalDate.of(y + 1, 1, 20)));
        w.add(new StepWindow(Step.COMPREHENSIVE_EVALUATION, LocalDate.of(y + 1, 1, 21), LocalDate.of(y + 1, 2, 28)));
        w.add(new StepWindow(Step.PUBLISHED, LocalDate.of(y + 1, 3, 1), LocalDate.of(y + 1, 12, 31)));
        return w;
    }

    // ---------------------------------------------------------------- reads

    /** Newest year first. */
    @Override
    public List<PerformanceYear> years() {
        return store.read(c -> {
            Map<Integer, Step> steps = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT PERF_YEAR, STEP FROM JX_PERF_YEAR ORDER BY PERF_YEAR DESC");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    steps.put(rs.getInt("PERF_YEAR"), Step.valueOf(rs.getString("STEP")));
                }
            }
            Map<Integer, List<StepWindow>> windows = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT PERF_YEAR, STEP, OPENS, CLOSES FROM JX_PERF_WINDOW");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    windows.computeIfAbsent(rs.getInt("PERF_YEAR"), k -> new ArrayList<>()).add(window(rs));
                }
            }
            List<PerformanceYear> out = new ArrayList<>(steps.size());
            steps.forEach((y, step) -> out.add(new PerformanceYear(y, step, sorted(windows.get(y)))));
            return out;
        });
    }

    @Override
    public Optional<PerformanceYear> year(int year) {
        return Optional.ofNullable(store.read(c -> load(c, year)));
    }

    @Override
    public Optional<Lock> lock(int year, Step step, LocalDate day) {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(day, "day");
        PerformanceYear y = year(year).orElse(null);
        if (y == null) {
            return Optional.of(new Lock("lock.yearNotOpen", List.of(year), UNLOCK_CITY_ADMIN));
        }
        if (y.step() != step) {
            return Optional.of(new Lock("lock.otherStep", List.of(y.step().name()), UNLOCK_CITY_ADMIN));
        }
        StepWindow w = y.window(step).orElse(null);
        if (w == null) {
            // Every year is opened with all eight windows; a missing one is closed.
            return Optional.of(new Lock("lock.windowClosed", List.of("", ""), UNLOCK_CITY_ADMIN));
        }
        if (!w.contains(day)) {
            return Optional.of(new Lock("lock.windowClosed", List.of(w.opens().toString(), w.closes().toString()),
                    UNLOCK_CITY_ADMIN));
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- writes

    @Override
    public PerformanceYear open(Actor actor, int year) {
        requireCityAdmin(actor);
        if (year < YEAR_MIN || year > YEAR_MAX) {
            throw ValidationException.of("year", "cycle.year.range");
        }
        synchronized (writeLock) {
            if (year(year).isPresent()) {
                throw ValidationException.of("year", "cycle.year.exists");
            }
            List<StepWindow> windows = defaultWindows(year);
            // Only another node could slip past the check above.
            Jdbc.unlessTaken(() -> store.inTransaction(c -> {
                Jdbc.update(c, "INSERT INTO JX_PERF_YEAR (PERF_YEAR, STEP, OPENED_AT, OPENED_BY)"
                        + " VALUES (?, ?, ?, ?)", year, Step.TARGET_SETTING.name(), clock.instant(),
                        Jdbc.truncate(actor.username(), USERNAME_MAX));
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO JX_PERF_WINDOW (PERF_YEAR, STEP, OPENS, CLOSES) VALUES (?, ?, ?, ?)")) {
                    for (StepWindow w : windows) {
                        ps.setInt(1, year);
                        ps.setString(2, w.step().name());
                        ps.setDate(3, Date.valueOf(w.opens()));
                        ps.setDate(4, Date.valueOf(w.closes()));
                        ps.executeUpdate();
                    }
                }
                AuditRecords.insert(c, clock.instant(), actor, "cycle.open", target(year),
                        "step=" + Step.TARGET_SETTING.name(), null);
                Outbox.rowChanged(outbox, c, "JX_PERF_YEAR", Map.of("PERF_YEAR", year));
                for (StepWindow w : windows) {
                    replicateWindow(c, year, w.step());
                }
                return null;
            }), () -> ValidationException.of("year", "cycle.year.exists"));
            return new PerformanceYear(year, Step.TARGET_SETTING, windows);
        }
    }

    @Override
    public PerformanceYear setWindow(Actor actor, int year, Step step, LocalDate opens, LocalDate closes) {
        requireCityAdmin(actor);
        synchronized (writeLock) {
            PerformanceYear existing = require(year);
            ValidationException.Collector errors = new ValidationException.Collector();
            if (step == null) {
                errors.add("step", "cycle.step.required");
            }
            if (opens == null) {
                errors.add("opens", "cycle.window.required");
            }
            if (closes == null) {
                errors.add("closes", "cycle.window.required");
            }
            if (opens != null && closes != null && opens.isAfter(closes)) {
                errors.add("closes", "cycle.window.order");
            }
            errors.throwIfAny();

            StepWindow before = existing.window(step).orElse(null);
            store.inTransaction(c -> {
                int n = Jdbc.update(c, "UPDATE JX_PERF_WINDOW SET OPENS = ?, CLOSES = ? WHERE PERF_YEAR = ?"
                        + " AND STEP = ?", opens, closes, year, step.name());
                if (n == 0) {
                    Jdbc.update(c, "INSERT INTO JX_PERF_WINDOW (PERF_YEAR, STEP, OPENS, CLOSES) VALUES (?, ?, ?, ?)",
                            year, step.name(), opens, closes);
                }
                String was = before == null ? "-" : before.opens() + ".." + before.closes();
                AuditRecords.insert(c, clock.instant(), actor, "cycle.window", target(year),
                        "step=" + step.name() + "; " + was + "->" + opens + ".." + closes, null);
                replicateWindow(c, year, step);
                return null;
            });
            return require(year);
        }
    }

    @Override
    public PerformanceYear advance(Actor actor, int year) {
        return advance(actor, year, null);
    }

    @Override
    public PerformanceYear advance(Actor actor, int year, String reason) {
        requireCityAdmin(actor);
        synchronized (writeLock) {
            PerformanceYear existing = require(year);
            Step from = existing.step();
            if (from == Step.PUBLISHED) {
                throw ValidationException.of("step", "cycle.step.last");
            }
            Step to = from.next();
            String why = reason == null ? "" : reason.strip();
            String detail = from.name() + "->" + to.name();
            // Targets never approved are not skipped silently: the admin confirms with a reason, kept in the audit.
            if (from == Step.TARGET_SETTING && store.read(c -> TargetServiceImpl.loadApproval(c, year)) == null) {
                if (why.isEmpty()) {
                    throw ValidationException.of("reason", "cycle.targets.unapproved");
                }
                if (why.codePointCount(0, why.length()) > REASON_MAX) {
                    throw ValidationException.of("reason", "cycle.reason.required");
                }
                detail += "; targets not approved; reason=" + why;
            }
            move(actor, year, from, to, "cycle.advance", detail);
            return require(year);
        }
    }

    @Override
    public PerformanceYear reopen(Actor actor, int year, Step step, String reason) {
        requireCityAdmin(actor);
        synchronized (writeLock) {
            PerformanceYear existing = require(year);
            Step from = existing.step();
            ValidationException.Collector errors = new ValidationException.Collector();
            if (step == null) {
                errors.add("step", "cycle.step.required");
            } else if (step.compareTo(from) >= 0) {
                errors.add("step", "cycle.step.notEarlier");
            }
            String why = reason == null ? "" : reason.strip();
            if (why.isEmpty() || why.length() > REASON_MAX) {
                // One key for both: its message names the limit.
                errors.add("reason", "cycle.reason.required");
            }
            errors.throwIfAny();
            move(actor, year, from, step, "cycle.reopen", from.name() + "->" + step.name() + "; reason=" + why);
            return require(year);
        }
    }

    /** Moves the year from {@code from} to {@code to}, refusing when another node moved it meanwhile. */
    private void move(Actor actor, int year, Step from, Step to, String action, String detail) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE JX_PERF_YEAR SET STEP = ? WHERE PERF_YEAR = ? AND STEP = ?")) {
                ps.setString(1, to.name());
                ps.setInt(2, year);
                ps.setString(3, from.name());
                if (ps.executeUpdate() != 1) {
                    throw ValidationException.of("step", "cycle.step.stale");
                }
            }
            AuditRecords.insert(c, clock.instant(), actor, action, target(year), detail, null);
            Outbox.rowChanged(outbox, c, "JX_PERF_YEAR", Map.of("PERF_YEAR", year));
            return null;
        });
    }

    private void replicateWindow(Connection c, int year, Step step) throws SQLException {
        Outbox.rowChanged(outbox, c, "JX_PERF_WINDOW", Map.of("PERF_YEAR", year, "STEP", step.name()));
    }

    // ---------------------------------------------------------------- helpers

    private PerformanceYear require(int year) {
        return year(year).orElseThrow(() -> new NotFoundException(target(year)));
    }

    static String target(int year) {
        return "year:" + year;
    }

    /**
     * Only an admin of the root unit: a county admin administers their county, not the city's calendar. On a county
     * node the calendar is a copy of the city's, which the city changes.
     */
    private void requireCityAdmin(Actor actor) {
        requireRootAdmin(actor);
        if (Outbox.isCopy(outbox, "JX_PERF_YEAR")) {
            throw ValidationException.of("year", "federation.cityOwned");
        }
    }

    static void requireRootAdmin(Actor actor) {
        if (actor == null || !actor.has(Role.ADMIN) || actor.orgUnit() == null || actor.orgUnit().parentId() != null) {
            throw new AccessDeniedException("cycle.write");
        }
    }

    private static PerformanceYear load(Connection c, int year) throws SQLException {
        Step step = Jdbc.one(c, "SELECT STEP FROM JX_PERF_YEAR WHERE PERF_YEAR = ?",
                rs -> Step.valueOf(rs.getString("STEP")), year);
        if (step == null) {
            return null;
        }
        List<StepWindow> windows = Jdbc.list(c, "SELECT PERF_YEAR, STEP, OPENS, CLOSES FROM JX_PERF_WINDOW"
                + " WHERE PERF_YEAR = ?", PerformanceCycleImpl::window, year);
        return new PerformanceYear(year, step, sorted(windows));
    }

    private static StepWindow window(ResultSet rs) throws SQLException {
        // java.sql.Date converts through the JVM's zone both ways, so the calendar day survives the round trip.
        return new StepWindow(Step.valueOf(rs.getString("STEP")), rs.getDate("OPENS").toLocalDate(),
                rs.getDate("CLOSES").toLocalDate());
    }

    private static List<StepWindow> sorted(List<StepWindow> windows) {
        if (windows == null) {
            return List.of();
        }
        Map<Step, StepWindow> byStep = new EnumMap<>(Step.class);
        windows.forEach(w -> byStep.put(w.step(), w));
        // An EnumMap iterates in the steps' order.
        return new ArrayList<>(byStep.values());
    }
}
