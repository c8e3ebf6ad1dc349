package org.jixiao.core.internal.performance;

import static org.jixiao.core.internal.performance.UnitYearScope.atRoot;

import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.IndicatorRef;
import org.jixiao.api.performance.PerformanceCycle;
import org.jixiao.api.performance.PerformanceYear;
import org.jixiao.api.performance.Step;
import org.jixiao.api.performance.Target;
import org.jixiao.api.performance.TargetChange;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.performance.TargetRule;
import org.jixiao.api.performance.TargetService;
import org.jixiao.api.performance.TargetTable;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.project.ProjectState;
import org.jixiao.api.project.ProjectStatus;
import org.jixiao.api.store.Store;
import org.jixiao.core.internal.audit.AuditRecords;
import org.jixiao.core.internal.evaluation.EvaluationRepository;
import org.jixiao.core.internal.schema.CoreSchema;
import org.jixiao.core.internal.schema.Jdbc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Targets per year, evaluated unit and indicator (JX_TARGET), their history (JX_TARGET_CHANGE) and the year's
 * approval (JX_TARGET_APPROVAL). Only explicitly set targets are stored; every other indicator of an active
 * project shows its policy default. Targets are set at the city level: by a {@link Role#TARGET_SETTER} during
 * the target-setting window until the year is approved, afterwards only by a {@link Role#TARGET_APPROVER} and
 * with a reason.
 */
@Component(service = TargetService.class)
public final class TargetServiceImpl extends UnitYearService implements TargetService {

    private static final System.Logger LOG = System.getLogger(TargetServiceImpl.class.getName());


    static final BigDecimal VALUE_MAX = BigDecimal.TEN.pow(12);
    static final int VALUE_SCALE_MAX = 4;
    static final BigDecimal PERCENT_MAX = BigDecimal.valueOf(100);
    static final int REASON_MAX = 500;
    static final int USERNAME_MAX = 40;
    static final int PROJECT_ID_MAX = 64;
    static final int INDICATOR_ID_MAX = 100;
    static final String TARGET = "JX_TARGET";

    // Sets and approvals hold writeLock, so that an approval cannot slip between a set's checks and its write.
    private final ProjectRegistry projects;
    /** Approved actuals of published runs, by run id; see {@link #approvedLastYear}. */
    private final Map<Long, Map<Long, Map<String, BigDecimal>>> approvedByRun = new ConcurrentHashMap<>();

    @Activate
    public TargetServiceImpl(@Reference Store store, @Reference CoreSchema schema, @Reference ProjectRegistry projects,
            @Reference OrgUnitService orgUnits, @Reference PerformanceCycle cycle) {
        this(store, projects, orgUnits, cycle, nodeClock());
    }

    TargetServiceImpl(Store store, ProjectRegistry projects, OrgUnitService orgUnits, PerformanceCycle cycle,
            Clock clock) {
        super(store, orgUnits, cycle, clock);
        this.projects = Objects.requireNonNull(projects, "projects");
    }

    /** A stored (explicitly set) target. */
    private record Stored(TargetRule rule, Instant updatedAt, String updatedBy) {
    }

    record Approval(Instant at, String by) {
    }

    // ---------------------------------------------------------------- reads

    @Override
    public TargetTable table(Actor actor, int year, long orgUnitId) {
        Objects.requireNonNull(actor, "actor");
        OrgUnit unit = scope.evaluatedUnit(actor, orgUnitId);
        scope.requireOpen(year);
        Locale locale = locale(actor);
        Map<IndicatorRef, Stored> stored = store.read(c -> loadTargets(c, year, orgUnitId));
        Approval approval = store.read(c -> loadApproval(c, year));
        Supplier<Map<String, BigDecimal>> approved = approvedLastYear(year, orgUnitId);
        List<Target> rows = new ArrayList<>();
        for (String projectId : activeProjectIds(locale)) {
            KeyProject project = projects.active(projectId).orElse(null);
            if (project == null) {
                continue;
            }
            try {
                rows.addAll(rowsOf(projectId, project, year, orgUnitId, locale, stored, approved));
            } catch (RuntimeException e) {
                // One broken project must not take the whole table down; its rows are missing until it recovers.
                LOG.log(Level.WARNING, "Key project " + projectId + " failed while building the target table of "
                        + "org unit " + orgUnitId + " for " + year + "; its targets are left out", e);
            }
        }
        return new TargetTable(year, orgUnitId, unit.name(), rows, approval == null ? null : approval.at(),
                approval == null ? null : approval.by());
    }

    @Override
    public List<TargetChange> history(Actor actor, int year, long orgUnitId, IndicatorRef indicator) {
        Objects.requireNonNull(actor, "actor");
        scope.evaluatedUnit(actor, orgUnitId);
        scope.requireOpen(year);
        if (indicator == null) {
            throw new NotFoundException("indicator");
        }
        return store.read(c -> {
            return Jdbc.list(c, "SELECT CHANGED_AT, BY_USER, BEFORE_KIND,"
                    + " BEFORE_COMPARISON, BEFORE_VALUE, AFTER_KIND, AFTER_COMPARISON, AFTER_VALUE, REASON"
                    + " FROM JX_TARGET_CHANGE WHERE PERF_YEAR = ? AND ORG_UNIT_ID = ? AND PROJECT_ID = ?"
                    + " AND INDICATOR_ID = ? ORDER BY CHANGED_AT DESC, ID DESC",
                    rs -> new TargetChange(Jdbc.getInstant(rs, "CHANGED_AT"), rs.getString("BY_USER"),
                            rule(rs, "BEFORE_KIND", "BEFORE_COMPARISON", "BEFORE_VALUE"),
                            rule(rs, "AFTER_KIND", "AFTER_COMPARISON", "AFTER_VALUE"), rs.getString("REASON")),
                    year, orgUnitId, indicator.projectId(), indicator.indicatorId());
        });
    }

    // ---------------------------------------------------------------- writes

    @Override
    public Target set(Actor actor, int year, long orgUnitId, IndicatorRef indicator, TargetRule rule, String reason) {
        if (actor == null || !(actor.has(Role.TARGET_SETTER) || actor.has(Role.TARGET_APPROVER)) || !atRoot(actor)) {
            throw new AccessDeniedException("target.set");
        }
        scope.evaluatedUnit(actor, orgUnitId);
        requireOwned(TARGET);
        synchronized (writeLock) {
            Approval approval = store.read(c -> loadApproval(c, year));
            if (approval != null && !actor.has(Role.TARGET_APPROVER)) {
                // Approved targets are locked for the whole year; only the Organisation Department changes them.
                throw new AccessDeniedException("target.locked");
            }
            ValidationException.Collector errors = new ValidationException.Collector();
            IndicatorDefinition definition = definition(indicator, year);
            if (definition == null) {
                errors.add("indicator", "target.indicator.unknown");
            }
            if (rule == null) {
                errors.add("value", "target.value.invalid");
            } else {
                validateValue(rule, errors);
                if (definition != null && rule.kind() != definition.kind()) {
                    errors.add("kind", "target.kind.mismatch");
                }
            }
            String why = reason == null || reason.isBlank() ? null : reason.strip();
            if (why != null && why.length() > REASON_MAX) {
                errors.add("reason", "target.reason.tooLong");
            }
            if (approval != null) {
                if (why == null) {
                    errors.add("reason", "target.reason.required");
                }
            } else {
                cycle.lock(year, Step.TARGET_SETTING, LocalDate.now(clock))
                        .ifPresent(lock -> errors.add("year", lock.reasonKey()));
            }
            errors.throwIfAny();

            TargetRule after = new TargetRule(rule.kind(), rule.comparison(), normal(rule.value()));
            store.inTransaction(c -> {
                write(c, actor, year, orgUnitId, indicator, after, why);
                return null;
            });
        }
        return targetAfterSet(actor, year, orgUnitId, indicator);
    }

    @Override
    public void approve(Actor actor, int year) {
        if (actor == null || !actor.has(Role.TARGET_APPROVER) || !atRoot(actor)) {
            throw new AccessDeniedException("target.approve");
        }
        requireOwned(TARGET);
        synchronized (writeLock) {
            PerformanceYear y = scope.requireOpen(year);
            if (store.read(c -> loadApproval(c, year)) != null) {
                throw ValidationException.of("year", "target.approved.already");
            }
            if (y.step() != Step.TARGET_SETTING) {
                throw ValidationException.of("year", "target.approve.step");
            }
            // Only another node could slip past the check above.
            Jdbc.unlessTaken(() -> store.inTransaction(c -> {
                Jdbc.update(c, "INSERT INTO JX_TARGET_APPROVAL (PERF_YEAR, APPROVED_AT, APPROVED_BY)"
                        + " VALUES (?, ?, ?)", year, clock.instant(), Jdbc.truncate(actor.username(), USERNAME_MAX));
                long set = Jdbc.one(c, "SELECT COUNT(*) FROM JX_TARGET WHERE PERF_YEAR = ?", rs -> rs.getLong(1),
                        year);
                AuditRecords.insert(c, clock.instant(), actor, "target.approve", PerformanceCycleImpl.target(year),
                        "explicit targets=" + set, null);
                // The federation sends the year's targets with their approval: each county those of its own units.
                replicate(c, "JX_TARGET_APPROVAL", Map.of("PERF_YEAR", year));
                return null;
            }), () -> ValidationException.of("year", "target.approved.already"));
        }
    }

    /** Upsert without MERGE (portable): UPDATE, and INSERT when no row was there; then history and audit. */
    private void write(Connection c, Actor actor, int year, long orgUnitId, IndicatorRef ref, TargetRule after,
            String reason) throws SQLException {
        Instant now = clock.instant();
        String by = Jdbc.truncate(actor.username(), USERNAME_MAX);
        Stored before = loadTarget(c, year, orgUnitId, ref);
        int n = Jdbc.update(c, "UPDATE JX_TARGET SET KIND = ?, COMPARISON = ?,"
                + " TARGET_VALUE = ?, UPDATED_AT = ?, UPDATED_BY = ? WHERE PERF_YEAR = ? AND ORG_UNIT_ID = ?"
                + " AND PROJECT_ID = ? AND INDICATOR_ID = ?", after.kind().name(), after.comparison().name(),
                after.value(), now, by, year, orgUnitId, ref.projectId(), ref.indicatorId());
        if (n == 0) {
            Jdbc.update(c, "INSERT INTO JX_TARGET (PERF_YEAR, ORG_UNIT_ID, PROJECT_ID,"
                    + " INDICATOR_ID, KIND, COMPARISON, TARGET_VALUE, UPDATED_AT, UPDATED_BY)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", year, orgUnitId, ref.projectId(), ref.indicatorId(),
                    after.kind().name(), after.comparison().name(), after.value(), now, by);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO JX_TARGET_CHANGE (PERF_YEAR, ORG_UNIT_ID,"
                + " PROJECT_ID, INDICATOR_ID, CHANGED_AT, BY_USER, BEFORE_KIND, BEFORE_COMPARISON, BEFORE_VALUE,"
                + " AFTER_KIND, AFTER_COMPARISON, AFTER_VALUE, REASON) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, year);
            ps.setLong(2, orgUnitId);
            ps.setString(3, ref.projectId());
            ps.setString(4, ref.indicatorId());
            Jdbc.setInstant(ps, 5, now);
            ps.setString(6, by);
            TargetRule b = before == null ? null : before.rule();
            ps.setString(7, b == null ? null : b.kind().name());
            ps.setString(8, b == null ? null : b.comparison().name());
            ps.setBigDecimal(9, b == null ? null : b.value());
            ps.setString(10, after.kind().name());
            ps.setString(11, after.comparison().name());
            ps.setBigDecimal(12, after.value());
            ps.setString(13, reason);
            ps.executeUpdate();
        }
        String detail = "before=" + (before == null ? "default" : describe(before.rule())) + "; after="
                + describe(after) + (reason == null ? "" : "; reason=" + reason);
        AuditRecords.insert(c, now, actor, "target.set",
                "target:" + year + ":" + orgUnitId + ":" + ref.key(), detail, null);
        // Sent to the unit's county only once the year's targets are approved (the federation checks).
        replicate(c, TARGET, Map.of("PERF_YEAR", year, "ORG_UNIT_ID", orgUnitId, "PROJECT_ID", ref.projectId(),
                "INDICATOR_ID", ref.indicatorId()));
    }

    // ---------------------------------------------------------------- validation

    private static void validateValue(TargetRule rule, ValidationException.Collector errors) {
        BigDecimal v = rule.value();
        if (v.signum() < 0 || v.compareTo(VALUE_MAX) > 0 || v.stripTrailingZeros().scale() > VALUE_SCALE_MAX) {
            errors.add("value", "target.value.invalid");
        } else if ((rule.kind() == TargetKind.SHARE || rule.kind() == TargetKind.RATE)
                && v.compareTo(PERCENT_MAX) > 0) {
            errors.add("value", "target.value.percent");
        }
    }

    /** The indicator's definition when it belongs to an active project, else null. */
    private IndicatorDefinition definition(IndicatorRef ref, int year) {
        if (ref == null || ref.projectId().length() > PROJECT_ID_MAX
                || ref.indicatorId().length() > INDICATOR_ID_MAX) {
            return null;
        }
        KeyProject project = projects.active(ref.projectId()).orElse(null);
        if (project == null) {
            return null;
        }
        try {
            for (IndicatorDefinition d : project.indicators(year)) {
                if (d.id().equals(ref.indicatorId())) {
                    return d;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Key project " + ref.projectId() + " cannot list its indicators", e);
        }
        return null;
    }

    // ---------------------------------------------------------------- table rows

    private List<String> activeProjectIds(Locale locale) {
        Set<String> ids = new TreeSet<>();
        for (ProjectStatus status : projects.projects(locale)) {
            if (status.state() == ProjectState.ACTIVE) {
                ids.add(status.id());
            }
        }
        return List.copyOf(ids);
    }

    /** One project's rows, in its declaration order. Throws whatever the project throws. */
    private static List<Target> rowsOf(String projectId, KeyProject project, int year, long orgUnitId, Locale locale,
            Map<IndicatorRef, Stored> stored, Supplier<Map<String, BigDecimal>> approved) {
        ResourceBundle messages = project.messages(locale);
        Map<String, BigDecimal> lastYear = null;
        List<Target> rows = new ArrayList<>();
        for (IndicatorDefinition d : project.indicators(year)) {
            IndicatorRef ref = new IndicatorRef(projectId, d.id());
            Stored s = stored.get(ref);
            TargetRule rule = s == null ? d.defaultRule() : s.rule();
            BigDecimal baseline = null;
            if (rule.kind() == TargetKind.BASELINE_RELATIVE) {
                // Last year's approved actual: the figure its published evaluation scored. Until that exists (or
                // when the indicator was not in it), the live actual of last year's records stands in.
                baseline = approved.get().get(ref.key());
                if (baseline == null) {
                    if (lastYear == null) {
                        Map<Long, Map<String, BigDecimal>> all = project.actuals(List.of(orgUnitId), year - 1);
                        Map<String, BigDecimal> mine = all == null ? null : all.get(orgUnitId);
                        lastYear = mine == null ? Map.of() : mine;
                    }
                    // A unit the project has no figure for has no baseline: its target cannot be judged yet.
                    baseline = lastYear.get(d.id());
                }
            }
            rows.add(new Target(year, orgUnitId, ref, text(messages, d.nameKey()), text(messages, d.unitKey()),
                    d.clause(), d.defaultRule(), rule, s != null, baseline, s == null ? null : s.updatedAt(),
                    s == null ? null : s.updatedBy()));
        }
        return rows;
    }

    /** The target just written, as the table shows it; the write stands even if the project then fails. */
    private Target targetAfterSet(Actor actor, int year, long orgUnitId, IndicatorRef ref) {
        Map<IndicatorRef, Stored> stored = store.read(c -> {
            Map<IndicatorRef, Stored> m = new HashMap<>();
            Stored s = loadTarget(c, year, orgUnitId, ref);
            if (s != null) {
                m.put(ref, s);
            }
            return m;
        });
        KeyProject project = projects.active(ref.projectId()).orElse(null);
        if (project != null) {
            try {
                for (Target t : rowsOf(ref.projectId(), project, year, orgUnitId, locale(actor), stored,
                        approvedLastYear(year, orgUnitId))) {
                    if (t.indicator().equals(ref)) {
                        return t;
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Key project " + ref.projectId() + " failed after a target was set", e);
            }
        }
        Stored s = stored.get(ref);
        IndicatorDefinition d = definition(ref, year);
        TargetRule policy = d == null ? s.rule() : d.defaultRule();
        return new Target(year, orgUnitId, ref, d == null ? ref.indicatorId() : d.nameKey(),
                d == null ? "" : d.unitKey(), d == null ? "" : d.clause(), policy, s.rule(), true, null, s.updatedAt(),
                s.updatedBy());
    }

    /**
     * The unit's approved actuals of the year before, by indicator key, read when first asked. A published run
     * never changes, so its figures are kept by run id: every unit's table would otherwise parse the same document.
     */
    private Supplier<Map<String, BigDecimal>> approvedLastYear(int year, long orgUnitId) {
        return new Supplier<>() {
            private Map<String, BigDecimal> value;

            @Override
            public Map<String, BigDecimal> get() {
                if (value == null) {
                    Long runId = store.read(c -> EvaluationRepository.publishedRunId(c, year - 1));
                    Map<Long, Map<String, BigDecimal>> all = runId == null ? Map.of() : approvedByRun.get(runId);
                    if (all == null) {
                        all = store.read(c -> EvaluationRepository.approvedActuals(c, runId));
                        if (approvedByRun.size() >= 8) {
                            approvedByRun.clear();
                        }
                        approvedByRun.put(runId, all);
                    }
                    value = all.getOrDefault(orgUnitId, Map.of());
                }
                return value;
            }
        };
    }

    private static String text(ResourceBundle messages, String key) {
        return messages != null && messages.containsKey(key) ? messages.getString(key) : key;
    }

    private static Locale locale(Actor actor) {
        return actor.locale() == null ? Locale.ROOT : actor.locale();
    }

    // ---------------------------------------------------------------- SQL

    private static Map<IndicatorRef, Stored> loadTargets(Connection c, int year, long orgUnitId) throws SQLException {
        Map<IndicatorRef, Stored> out = new HashMap<>();
        Jdbc.each(c, "SELECT PROJECT_ID, INDICATOR_ID, KIND, COMPARISON, TARGET_VALUE, UPDATED_AT, UPDATED_BY"
                + " FROM JX_TARGET WHERE PERF_YEAR = ? AND ORG_UNIT_ID = ?",
                rs -> out.put(new IndicatorRef(rs.getString("PROJECT_ID"), rs.getString("INDICATOR_ID")), stored(rs)),
                year, orgUnitId);
        return out;
    }

    private static Stored loadTarget(Connection c, int year, long orgUnitId, IndicatorRef ref) throws SQLException {
        return Jdbc.one(c, "SELECT KIND, COMPARISON, TARGET_VALUE, UPDATED_AT, UPDATED_BY"
                + " FROM JX_TARGET WHERE PERF_YEAR = ? AND ORG_UNIT_ID = ? AND PROJECT_ID = ? AND INDICATOR_ID = ?",
                TargetServiceImpl::stored, year, orgUnitId, ref.projectId(), ref.indicatorId());
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        return new Stored(rule(rs, "KIND", "COMPARISON", "TARGET_VALUE"), Jdbc.getInstant(rs, "UPDATED_AT"),
                rs.getString("UPDATED_BY"));
    }

    @Override
    public Instant approvedAt(int year) {
        Approval a = store.read(c -> loadApproval(c, year));
        return a == null ? null : a.at();
    }

    /** Also read by the cycle: leaving target setting without this row needs a reason. */
    static Approval loadApproval(Connection c, int year) throws SQLException {
        return Jdbc.one(c, "SELECT APPROVED_AT, APPROVED_BY FROM JX_TARGET_APPROVAL WHERE PERF_YEAR = ?",
                rs -> new Approval(Jdbc.getInstant(rs, "APPROVED_AT"), rs.getString("APPROVED_BY")), year);
    }

    /** A rule from three columns; null when the kind is null (no "before" on a first set). */
    private static TargetRule rule(ResultSet rs, String kind, String comparison, String value) throws SQLException {
        String k = rs.getString(kind);
        if (k == null) {
            return null;
        }
        return new TargetRule(TargetKind.valueOf(k), Comparison.valueOf(rs.getString(comparison)),
                normal(rs.getBigDecimal(value)));
    }

    /** 200.0000 as 200 and 12.5000 as 12.5: the stored scale is the column's, not the figure's. */
    static BigDecimal normal(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static String describe(TargetRule r) {
        return r.kind().name() + " " + r.comparison().symbol() + " " + r.value().toPlainString();
    }
}
