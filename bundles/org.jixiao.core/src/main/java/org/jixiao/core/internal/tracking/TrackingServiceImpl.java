package org.jixiao.core.internal.tracking;

import static org.jixiao.core.internal.performance.FormText.optional;
import static org.jixiao.core.internal.performance.FormText.required;
import static org.jixiao.core.internal.performance.FormText.text;
import static org.jixiao.core.internal.performance.UnitYearScope.atRoot;

import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.MonthlyProgress;
import org.jixiao.api.performance.PerformanceCycle;
import org.jixiao.api.performance.ProcedureNote;
import org.jixiao.api.performance.Problem;
import org.jixiao.api.performance.Target;
import org.jixiao.api.performance.TargetService;
import org.jixiao.api.performance.TargetTable;
import org.jixiao.api.performance.TrackingService;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.store.Store;
import org.jixiao.core.internal.audit.AuditRecords;
import org.jixiao.core.internal.performance.Actuals;
import org.jixiao.core.internal.schema.CoreSchema;
import org.jixiao.core.internal.schema.Jdbc;
import org.jixiao.core.internal.performance.UnitYearService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Tracking (POLICY.md §1, 跟踪管理) in JX_PROBLEM and JX_PROCEDURE_NOTE: problems found in an evaluated unit's work,
 * from recording through analysis and measure to rectification and the city's closing, and the versioned
 * corrections of the projects' procedures. Month-end progress is read live from the projects and never stored.
 *
 * <p>Every check is made before anything is written; every change is audited in its own transaction. Free text may
 * name people, so the audit trail keeps its size only.
 */
@Component(service = TrackingService.class)
public final class TrackingServiceImpl extends UnitYearService implements TrackingService {

    private static final System.Logger LOG = System.getLogger(TrackingServiceImpl.class.getName());


    static final int USERNAME_MAX = 40;
    static final int PROJECT_ID_MAX = 64;

    /** Pending first, then by due day (none last), then by id. */
    private static final Comparator<Problem> ORDER = Comparator
            .comparing((Problem p) -> !p.state().pending())
            .thenComparing(Problem::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(Problem::id);

    private final TargetService targets;
    private final ProjectRegistry projects;

    @Activate
    public TrackingServiceImpl(@Reference Store store, @Reference CoreSchema schema,
            @Reference OrgUnitService orgUnits, @Reference PerformanceCycle cycle, @Reference TargetService targets,
            @Reference ProjectRegistry projects) {
        this(store, orgUnits, cycle, targets, projects, nodeClock());
    }

    TrackingServiceImpl(Store store, OrgUnitService orgUnits, PerformanceCycle cycle, TargetService targets,
            ProjectRegistry projects, Clock clock) {
        super(store, orgUnits, cycle, clock);
        this.targets = Objects.requireNonNull(targets, "targets");
        this.projects = Objects.requireNonNull(projects, "projects");
    }

    // ---------------------------------------------------------------- problems: reads

    @Override
    public List<Problem> problems(Actor actor, int year, Long orgUnitId) {
        Objects.requireNonNull(actor, "actor");
        Map<Long, OrgUnit> units = new HashMap<>();
        if (orgUnitId != null) {
            OrgUnit unit = scope.evaluatedUnit(actor, orgUnitId);
            units.put(unit.id(), unit);
        } else {
            for (OrgUnit u : orgUnits.visibleTo(actor)) {
                if (Actuals.EVALUATED.contains(u.level())) {
                    units.put(u.id(), u);
                }
            }
        }
        scope.requireOpen(year);
        List<Problem> out = new ArrayList<>();
        for (Problem p : store.read(c -> TrackingRepository.list(c, year, orgUnitId))) {
            OrgUnit u = units.get(p.orgUnitId());
            if (u != null) {
                out.add(named(p, u));
            }
        }
        out.sort(ORDER);
        return out;
    }

    // ---------------------------------------------------------------- problems: writes

    @Override
    public Problem record(Actor actor, int year, long orgUnitId, String projectId, String title, String description,
            String owner, LocalDate dueOn) {
        Objects.requireNonNull(actor, "actor");
        OrgUnit unit = scope.evaluatedUnit(actor, orgUnitId);
        scope.requireOpen(year);
        if (!mayWrite(actor)) {
            throw new AccessDeniedException("problem.record");
        }
        ValidationException.Collector errors = new ValidationException.Collector();
        String project = text(projectId);
        if (project != null && (project.length() > PROJECT_ID_MAX || projects.active(project).isEmpty())) {
            errors.add("projectId", "problem.project.unknown");
        }
        String t = required(errors, "title", title, TITLE_MAX, "problem.title.required", "problem.title.tooLong");
        String d = required(errors, "description", description, TEXT_MAX, "problem.description.required",
                "problem.text.tooLong");
        String o = optional(errors, "owner", owner, OWNER_MAX, "problem.owner.tooLong");
        checkDue(errors, year, dueOn);
        errors.throwIfAny();

        Instant now = clock.instant();
        String by = Jdbc.truncate(actor.username(), USERNAME_MAX);
        long id = store.inTransaction(c -> {
            long newId = TrackingRepository.insert(c, year, orgUnitId, project, t, d, o, dueOn, now, by);
            replicate(c, "JX_PROBLEM", Map.of("ID", newId));
            AuditRecords.insert(c, now, actor, "problem.record", target(newId),
                    "year=" + year + "; orgUnit=" + orgUnitId + "; project=" + (project == null ? "-" : project)
                            + "; dueOn=" + (dueOn == null ? "-" : dueOn) + "; title=" + t.length() + " chars",
                    null);
            return newId;
        });
        return named(store.read(c -> TrackingRepository.find(c, id)), unit);
    }

    @Override
    public Problem update(Actor actor, long problemId, String analysis, String measure, String owner,
            LocalDate dueOn) {
        Objects.requireNonNull(actor, "actor");
        Scoped before = scoped(actor, problemId);
        if (!mayWrite(actor)) {
            throw new AccessDeniedException("problem.update");
        }
        ValidationException.Collector errors = new ValidationException.Collector();
        String a = optional(errors, "analysis", analysis, TEXT_MAX, "problem.text.tooLong");
        String m = optional(errors, "measure", measure, TEXT_MAX, "problem.text.tooLong");
        String o = optional(errors, "owner", owner, OWNER_MAX, "problem.owner.tooLong");
        checkDue(errors, before.problem().year(), dueOn);
        Problem.State from = before.problem().state();
        if (!from.pending()) {
            errors.add("state", "problem.state.notPending");
        }
        errors.throwIfAny();
        Problem.State to = from == Problem.State.OPEN && m != null ? Problem.State.RECTIFYING : from;

        return move(actor, before, "problem.update", from.name() + "->" + to.name() + "; dueOn="
                + (dueOn == null ? "-" : dueOn) + "; analysis=" + length(a) + " chars; measure=" + length(m) + " chars",
                (c, now, by) -> TrackingRepository.update(c, problemId, from, to, a, m, o, dueOn, now, by));
    }

    @Override
    public Problem rectified(Actor actor, long problemId, String evidence) {
        Objects.requireNonNull(actor, "actor");
        Scoped before = scoped(actor, problemId);
        if (!mayWrite(actor)) {
            throw new AccessDeniedException("problem.rectified");
        }
        ValidationException.Collector errors = new ValidationException.Collector();
        String e = required(errors, "evidence", evidence, TEXT_MAX, "problem.evidence.required",
                "problem.text.tooLong");
        Problem.State from = before.problem().state();
        if (!from.pending()) {
            errors.add("state", "problem.state.notPending");
        }
        errors.throwIfAny();

        return move(actor, before, "problem.rectified",
                from.name() + "->" + Problem.State.RECTIFIED.name() + "; evidence=" + e.length() + " chars",
                (c, now, by) -> TrackingRepository.rectified(c, problemId, from, e, now, by));
    }

    @Override
    public Problem close(Actor actor, long problemId) {
        requireCityDecider(actor, "problem.close");
        Scoped before = scoped(actor, problemId);
        if (before.problem().state() != Problem.State.RECTIFIED) {
            throw ValidationException.of("state", "problem.state.notRectified");
        }
        return move(actor, before, "problem.close",
                Problem.State.RECTIFIED.name() + "->" + Problem.State.CLOSED.name(),
                (c, now, by) -> TrackingRepository.close(c, problemId, now, by));
    }

    @Override
    public Problem reopen(Actor actor, long problemId, String reason) {
        requireCityDecider(actor, "problem.reopen");
        Scoped before = scoped(actor, problemId);
        ValidationException.Collector errors = new ValidationException.Collector();
        String r = required(errors, "reason", reason, REASON_MAX, "problem.reason.required",
                "problem.reason.tooLong");
        Problem.State from = before.problem().state();
        if (from.pending()) {
            errors.add("state", "problem.state.pending");
        }
        errors.throwIfAny();
        return move(actor, before, "problem.reopen",
                from.name() + "->" + Problem.State.RECTIFYING.name() + "; reason=" + r.length() + " chars",
                (c, now, by) -> TrackingRepository.reopen(c, problemId, from, r, now, by));
    }

    /**
     * A change of a problem's row on the caller's connection, given the time and who, guarded by the state it was
     * read in: false when another writer moved the problem meanwhile.
     */
    @FunctionalInterface
    private interface Change {
        boolean apply(java.sql.Connection c, Instant now, String by) throws java.sql.SQLException;
    }

    /** Applies {@code change} and audits it as {@code action} with {@code detail}; stale if the problem moved. */
    private Problem move(Actor actor, Scoped before, String action, String detail, Change change) {
        long problemId = before.problem().id();
        synchronized (writeLock) {
            Instant now = clock.instant();
            String by = Jdbc.truncate(actor.username(), USERNAME_MAX);
            store.inTransaction(c -> {
                if (!change.apply(c, now, by)) {
                    throw stale();
                }
                AuditRecords.insert(c, now, actor, action, target(problemId), detail, null);
                replicate(c, "JX_PROBLEM", Map.of("ID", before.problem().id()));
                return null;
            });
        }
        return named(store.read(c -> TrackingRepository.find(c, before.problem().id())), before.unit());
    }

    // ---------------------------------------------------------------- procedures

    @Override
    public List<ProcedureNote> procedure(String projectId) {
        if (projectId == null || projectId.length() > PROJECT_ID_MAX) {
            return List.of();
        }
        return store.read(c -> TrackingRepository.notes(c, projectId));
    }

    @Override
    public ProcedureNote reviseProcedure(Actor actor, String projectId, String text, String reason,
            Long problemId) {
        if (actor == null || !(actor.has(Role.ADMIN) || actor.has(Role.TARGET_SETTER)) || !atRoot(actor)) {
            throw new AccessDeniedException("procedure.revise");
        }
        ValidationException.Collector errors = new ValidationException.Collector();
        if (projectId == null || projectId.length() > PROJECT_ID_MAX || projects.active(projectId).isEmpty()) {
            errors.add("projectId", "procedure.project.unknown");
        }
        String t = required(errors, "text", text, PROCEDURE_MAX, "procedure.text.required", "procedure.text.tooLong");
        String r = required(errors, "reason", reason, REASON_MAX, "procedure.reason.required",
                "procedure.reason.tooLong");
        if (problemId != null) {
            Problem p = store.read(c -> TrackingRepository.find(c, problemId));
            if (p == null || (p.projectId() != null && !p.projectId().equals(projectId))) {
                errors.add("problemId", "procedure.problem.unknown");
            }
        }
        errors.throwIfAny();

        synchronized (writeLock) {
            Instant now = clock.instant();
            String by = Jdbc.truncate(actor.username(), USERNAME_MAX);
            // Another node may keep the same version meanwhile.
            return Jdbc.unlessTaken(() -> store.inTransaction(c -> {
                int version = TrackingRepository.latestVersion(c, projectId) + 1;
                ProcedureNote note = new ProcedureNote(projectId, version, t, r, problemId, by, now);
                TrackingRepository.insertNote(c, note);
                AuditRecords.insert(c, now, actor, "procedure.revise", "procedure:" + projectId,
                        "version=" + version + "; problem=" + (problemId == null ? "-" : problemId) + "; text="
                                + t.length() + " chars; reason=" + r.length() + " chars", null);
                return note;
            }), () -> ValidationException.of("version", "procedure.version.stale"));
        }
    }

    // ---------------------------------------------------------------- progress

    @Override
    public List<MonthlyProgress> progress(Actor actor, int year, long orgUnitId) {
        Objects.requireNonNull(actor, "actor");
        OrgUnit unit = scope.evaluatedUnit(actor, orgUnitId);
        scope.requireOpen(year);
        TargetTable table = targets.table(actor, year, orgUnitId);
        LocalDate today = LocalDate.now(clock);
        Set<String> projectIds = new LinkedHashSet<>();
        table.targets().forEach(t -> projectIds.add(t.indicator().projectId()));
        List<Long> counted = counted(unit);

        // project → month (0..11) → indicator → actual; absent when unknown.
        Map<String, List<Map<String, BigDecimal>>> byProject = new HashMap<>();
        for (String projectId : projectIds) {
            byProject.put(projectId, months(projectId, counted, year, today, unit));
        }
        List<MonthlyProgress> out = new ArrayList<>(table.targets().size());
        for (Target t : table.targets()) {
            List<Map<String, BigDecimal>> months = byProject.get(t.indicator().projectId());
            List<BigDecimal> actual = new ArrayList<>(12);
            List<BigDecimal> completion = new ArrayList<>(12);
            for (int m = 0; m < 12; m++) {
                Map<String, BigDecimal> values = months.get(m);
                // A project that reports nothing for an indicator has no records of it: zero.
                BigDecimal v = values == null ? null
                        : values.getOrDefault(t.indicator().indicatorId(), BigDecimal.ZERO);
                actual.add(v);
                completion.add(v == null ? null : t.rule().completion(v, t.baseline()));
            }
            out.add(new MonthlyProgress(t.indicator(), t.indicatorName(), t.unit(), t.resolved(), actual,
                    completion));
        }
        return out;
    }

    /**
     * One project's sums over {@code counted} as of each month's end of the year (the current month as of today),
     * null for months not reached and where the project cannot tell or fails.
     */
    private List<Map<String, BigDecimal>> months(String projectId, List<Long> counted, int year, LocalDate today,
            OrgUnit unit) {
        List<Map<String, BigDecimal>> out = new ArrayList<>(12);
        KeyProject project = projects.active(projectId).orElse(null);
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            if (project == null || month.atDay(1).isAfter(today)) {
                out.add(null);
                continue;
            }
            LocalDate asOf = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
            try {
                Map<Long, Map<String, BigDecimal>> values = project.actualsAsOf(counted, year, asOf);
                if (values == null || values.isEmpty()) {
                    out.add(null);
                    continue;
                }
                Map<String, BigDecimal> sum = Actuals.sum(values, counted);
                out.add(sum);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Key project " + projectId + " failed to compute its actuals as of " + asOf
                        + " for org unit " + unit.id() + "; shown as unknown", e);
                out.add(null);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- scope and roles

    private record Scoped(Problem problem, OrgUnit unit) {
    }

    /** The problem when its unit lies in the actor's scope; 404 otherwise, revealing nothing. */
    private Scoped scoped(Actor actor, long problemId) {
        Objects.requireNonNull(actor, "actor");
        Problem p = store.read(c -> TrackingRepository.find(c, problemId));
        if (p == null) {
            throw new NotFoundException("problem:" + problemId);
        }
        OrgUnit unit = orgUnits.findVisible(actor, p.orgUnitId()).filter(u -> Actuals.EVALUATED.contains(u.level()))
                .orElseThrow(() -> new NotFoundException("problem:" + problemId));
        return new Scoped(p, unit);
    }

    /**
     * Who records, updates and marks rectified: the city (a user of the root unit with any role but VIEWER), or
     * staff and admins whose scope covers the unit (the caller checked the scope).
     */
    static boolean mayWrite(Actor actor) {
        if (actor.canWrite()) {
            return true;
        }
        return atRoot(actor) && actor.roles().stream().anyMatch(r -> r != Role.VIEWER);
    }

    private static void requireCityDecider(Actor actor, String action) {
        if (actor == null || !(actor.has(Role.ADMIN) || actor.has(Role.ASSESSOR)) || !atRoot(actor)) {
            throw new AccessDeniedException(action);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Problem named(Problem p, OrgUnit unit) {
        return new Problem(p.id(), p.year(), p.orgUnitId(), unit.name(), p.projectId(), p.title(), p.description(),
                p.analysis(), p.measure(), p.owner(), p.dueOn(), p.state(), p.rectificationEvidence(), p.recordedBy(),
                p.recordedAt(), p.updatedBy(), p.updatedAt(), p.closedBy(), p.closedAt(), p.reopenReason());
    }

    private static void checkDue(ValidationException.Collector errors, int year, LocalDate dueOn) {
        if (dueOn != null && (dueOn.isBefore(LocalDate.of(year, 1, 1)) || dueOn.getYear() > year + 1)) {
            errors.add("dueOn", "problem.dueOn.range");
        }
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    static String target(long problemId) {
        return "problem:" + problemId;
    }

    private static ValidationException stale() {
        return ValidationException.of("state", "problem.state.stale");
    }
}
