package org.jixiao.core.internal.project;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.project.IndicatorHistory;
import org.jixiao.api.project.IndicatorStatus;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.project.ProjectRegistry.ProjectIndicators;
import org.jixiao.api.store.Store;
import org.jixiao.core.internal.schema.CoreSchema;
import org.jixiao.core.internal.schema.Jdbc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Records every evaluated unit's indicators once an hour into the month they fall in, so the month's last recording
 * is its month-end figure, and serves them as trends. A dashboard then reads twelve rows per indicator instead of
 * recomputing the past, which the projects could not do anyway: their records hold today, not how things stood.
 * The first recording waits a few minutes after start-up, which has better things to do.
 */
@Component(service = IndicatorHistory.class)
public final class IndicatorMonths implements IndicatorHistory {

    private static final System.Logger LOG = System.getLogger(IndicatorMonths.class.getName());
    static final long FIRST_DELAY_MINUTES = 3;
    static final long EVERY_MINUTES = 60;

    private final Store store;
    private final OrgUnitService orgUnits;
    private final ProjectRegistry projects;
    private final Clock clock;
    private ScheduledExecutorService timer;

    @Activate
    public IndicatorMonths(@Reference Store store, @Reference CoreSchema schema, @Reference OrgUnitService orgUnits,
            @Reference ProjectRegistry projects) {
        this(store, orgUnits, projects, Clock.systemDefaultZone());
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jixiao-indicator-months");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::recordQuietly, FIRST_DELAY_MINUTES, EVERY_MINUTES, TimeUnit.MINUTES);
    }

    IndicatorMonths(Store store, OrgUnitService orgUnits, ProjectRegistry projects, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.orgUnits = Objects.requireNonNull(orgUnits, "orgUnits");
        this.projects = Objects.requireNonNull(projects, "projects");
        this.clock = clock;
    }

    @Deactivate
    void deactivate() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void recordQuietly() {
        try {
            record();
        } catch (RuntimeException e) {
            // A project that fails to compute must not stop the next hour's recording.
            LOG.log(System.Logger.Level.WARNING, "Indicator months could not be recorded this time", e);
        }
    }

    /** Records today's figures of every evaluated unit as its current month's; returns the rows written. */
    int record() {
        LocalDate today = LocalDate.now(clock);
        OrgUnit root = orgUnits.root();
        // The recording reads as the city's system would: every unit, every project, no one's scope.
        Actor system = new Actor(0, "system", Set.of(Role.ADMIN), root, Locale.ROOT);
        int written = 0;
        for (OrgUnit unit : orgUnits.subtree(root.id())) {
            if (!unit.level().evaluated()) {
                continue;
            }
            List<ProjectIndicators> figures = projects.indicators(system, today.getYear(), unit.id());
            written += store.inTransaction(c -> write(c, today, unit.id(), figures));
        }
        return written;
    }

    private int write(Connection c, LocalDate day, long unitId, List<ProjectIndicators> figures)
            throws SQLException {
        int written = 0;
        java.time.Instant now = clock.instant();
        for (ProjectIndicators p : figures) {
            for (IndicatorStatus s : p.indicators()) {
                String key = p.projectId() + ":" + s.definition().id();
                Object[] keyArgs = {day.getYear(), (short) day.getMonthValue(), unitId, key};
                // Portable upsert: the month's row is replaced by the later recording.
                int updated = Jdbc.update(c, "UPDATE JX_INDICATOR_MONTH SET ACTUAL = ?, TARGET = ?, RECORDED_AT = ? "
                        + "WHERE PERF_YEAR = ? AND MONTH_NO = ? AND ORG_UNIT_ID = ? AND INDICATOR_KEY = ?",
                        s.actual(), s.target(), now, keyArgs[0], keyArgs[1], keyArgs[2], keyArgs[3]);
                if (updated == 0) {
                    Jdbc.update(c, "INSERT INTO JX_INDICATOR_MONTH (PERF_YEAR, MONTH_NO, ORG_UNIT_ID, INDICATOR_KEY, "
                            + "ACTUAL, TARGET, RECORDED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)", keyArgs[0], keyArgs[1],
                            keyArgs[2], keyArgs[3], s.actual(), s.target(), now);
                }
                written++;
            }
        }
        return written;
    }

    @Override
    public Map<String, List<MonthFigure>> months(Actor actor, int year, long orgUnitId) {
        OrgUnit unit = orgUnits.find(orgUnitId).orElseThrow(() -> new NotFoundException("org unit " + orgUnitId));
        if (!actor.orgUnit().covers(unit)) {
            throw new AccessDeniedException("indicator months of org unit " + orgUnitId);
        }
        Map<String, List<MonthFigure>> out = new LinkedHashMap<>();
        store.read(c -> {
            Jdbc.each(c, "SELECT INDICATOR_KEY, MONTH_NO, ACTUAL, TARGET FROM JX_INDICATOR_MONTH WHERE PERF_YEAR = ? "
                    + "AND ORG_UNIT_ID = ? ORDER BY INDICATOR_KEY, MONTH_NO", rs -> out.computeIfAbsent(
                            rs.getString("INDICATOR_KEY"), k -> new ArrayList<>()).add(new MonthFigure(rs.getInt(
                                    "MONTH_NO"), plain(rs.getBigDecimal("ACTUAL")), plain(rs.getBigDecimal("TARGET")))),
                    year, orgUnitId);
            return null;
        });
        return out;
    }

    /** 150.0000 as 150, 12.5000 as 12.5. */
    private static BigDecimal plain(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
