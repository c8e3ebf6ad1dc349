package org.jixiao.core.internal.selfassessment;

import static org.jixiao.core.internal.performance.FormText.text;
import static org.jixiao.core.internal.performance.UnitYearScope.atRoot;

import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.IndicatorRef;
import org.jixiao.api.performance.PerformanceCycle;
import org.jixiao.api.performance.SelfAssessment;
import org.jixiao.api.performance.SelfAssessment.State;
import org.jixiao.api.performance.SelfAssessmentClaim;
import org.jixiao.api.performance.SelfAssessmentService;
import org.jixiao.api.performance.SelfAssessmentStatus;
import org.jixiao.api.performance.Step;
import org.jixiao.api.performance.Target;
import org.jixiao.api.performance.TargetService;
import org.jixiao.api.performance.TargetTable;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.store.Store;
import org.jixiao.core.internal.audit.AuditRecords;
import org.jixiao.core.internal.org.OrgUnitServiceImpl;
import org.jixiao.core.internal.performance.Actuals;
import org.jixiao.core.internal.schema.CoreSchema;
import org.jixiao.core.internal.schema.Jdbc;
import org.jixiao.core.internal.selfassessment.SelfAssessmentRepository.Report;
import org.jixiao.core.internal.selfassessment.SelfAssessmentRepository.StoredClaim;
import org.jixiao.core.internal.performance.UnitYearService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The year-end self-assessment (POLICY.md §1, 自我评估) in JX_SELF_ASSESSMENT and JX_SELF_ASSESSMENT_CLAIM. A
 * report has one claim per indicator of the unit's target table; the value computed from the records is the
 * projects' live actual for the unit, summed as the comprehensive evaluation sums it (the unit and everything
 * below it except what lies under another evaluated unit), and is never stored.
 *
 * <p>Staff of the unit (or above it) save and submit; an admin or assessor of the root unit returns or accepts.
 * Every check is made before anything is written, and every change is audited in its own transaction.
 */
@Component(service = SelfAssessmentService.class)
public final class SelfAssessmentServiceImpl extends UnitYearService implements SelfAssessmentService {

    private static final System.Logger LOG = System.getLogger(SelfAssessmentServiceImpl.class.getName());


    /** A claim must fit CLAIMED DECIMAL(19, 4); the same bounds as a target value. */
    static final BigDecimal VALUE_MAX = BigDecimal.TEN.pow(12);
    static final int VALUE_SCALE_MAX = 4;
    static final int USERNAME_MAX = 40;
    /** The report's row, which the county's node hands to the city with each of its writes (issue 15). */
    private static final String REPORT = "JX_SELF_ASSESSMENT";
    static final int PROJECT_ID_MAX = 64;
    static final int INDICATOR_ID_MAX = 100;

    private final TargetService targets;
    private final ProjectRegistry projects;

    @Activate
    public SelfAssessmentServiceImpl(@Reference Store store, @Reference CoreSchema schema,
            @Reference OrgUnitService orgUnits, @Reference PerformanceCycle cycle, @Reference TargetService targets,
            @Reference ProjectRegistry projects) {
        this(store, orgUnits, cycle, targets, projects, nodeClock());
    }

    SelfAssessmentServiceImpl(Store store, OrgUnitService orgUnits, PerformanceCycle cycle, TargetService targets,
            ProjectRegistry projects, Clock clock) {
        super(store, orgUnits, cycle, clock);
        this.targets = Objects.requireNonNull(targets, "targets");
        this.projects = Objects.requireNonNull(projects, "projects");
    }

    // ---------------------------------------------------------------- reads

    private static Map<String, Object> reportKey(int year, long orgUnitId) {
        return Map.of("PERF_YEAR", year, "ORG_UNIT_ID", orgUnitId);
    }

    @Override
    public SelfAssessment get(Actor actor, int year, long orgUnitId) {
        Objects.requireNonNull(actor, "actor");
        OrgUnit unit = scope.evaluatedUnit(actor, orgUnitId);
        scope.requireOpen(year);
        return assemble(actor, unit, year);
    }

    @Override
    public boolean accepted(int year, long orgUnitId) {
        return store.read(c -> SelfAssessmentRepository.accepted(c, year, orgUnitId));
    }

    @Override
    public List<SelfAssessmentStatus> list(Actor actor, int year) {
        Objects.requireNonNull(actor, "actor");
        scope.requireOpen(year);
        List<OrgUnit> units = orgUnits.visibleTo(actor).stream().filter(u -> Actuals.EVALUATED.contains(u.level()))
                .sorted(OrgUnitServiceImpl.BY_CODE).toList();
        Map<Long, Report> reports = store.read(c -> SelfAssessmentRepository.reports(c, year));
        List<SelfAssessmentStatus> out = new ArrayList<>(units.size());
        for (OrgUnit u : units) {
            Report r = reports.get(u.id());
            out.add(r == null
                    ? new SelfAssessmentStatus(year, u.id(), u.name(), u.level(), State.DRAFT, null, null, null, null,
                            null)
                    : new SelfAssessmentStatus(year, u.id(), u.name(), u.level(), r.state(), r.updatedAt(),
                            r.submittedAt(), r.submittedBy(), r.decidedAt(), r.decidedBy()));
        }
        return out;
    }

    // ---------------------------------------------------------------- the unit's writes

    @Override
    public SelfAssessment save(Actor actor, int year, long orgUnitId, Map<IndicatorRef, Claim> claims,
            String problems, String rectification) {
        Objects.requireNonNull(actor, "actor");
        OrgUnit unit = scope.evaluatedUnit(actor, orgUnitId);
        scope.requireOpen(year);
        if (!actor.canWrite()) {
            throw new AccessDeniedException("selfAssessment.save");
        }
        Set<IndicatorRef> known = new LinkedHashSet<>();
        for (Target t : targets.table(actor, year, orgUnitId).targets()) {
            known.add(t.indicator());
        }

        ValidationException.Collector errors = new ValidationException.Collector();
        Map<IndicatorRef, StoredClaim> clean = new LinkedHashMap<>();
        if (claims != null) {
            for (Map.Entry<IndicatorRef, Claim> e : claims.entrySet()) {
                IndicatorRef ref = e.getKey();
                if (ref == null || !known.contains(ref) || ref.projectId().length() > PROJECT_ID_MAX
                        || ref.indicatorId().length() > INDICATOR_ID_MAX) {
                    errors.add("indicator", "selfAssessment.indicator.unknown");
                    continue;
                }
                Claim claim = e.getValue() == null ? new Claim(null, null) : e.getValue();
                BigDecimal value = claim.claimed();
                if (value != null && !validValue(value)) {
                    errors.add("claimed." + ref.key(), "selfAssessment.claimed.invalid");
                }
                String explanation = text(claim.explanation());
                if (tooLong(explanation)) {
                    errors.add("explanation." + ref.key(), "selfAssessment.text.tooLong");
                }
                clean.put(ref, new StoredClaim(value == null ? null : SelfAssessmentRepository.normal(value),
                        explanation));
            }
        }
        String p = text(problems);
        if (tooLong(p)) {
            errors.add("problems", "selfAssessment.text.tooLong");
        }
        String r = text(rectification);
        if (tooLong(r)) {
            errors.add("rectification", "selfAssessment.text.tooLong");
        }

        synchronized (writeLock) {
            Report before = store.read(c -> SelfAssessmentRepository.report(c, year, orgUnitId));
            if (before != null && !before.state().editable()) {
                errors.add("state", "selfAssessment.state.notEditable");
            }
            errors.throwIfAny();

            State state = before == null ? State.DRAFT : before.state();
            Instant now = clock.instant();
            String by = Jdbc.truncate(actor.username(), USERNAME_MAX);
            write(() -> store.inTransaction(c -> {
                if (before == null) {
                    SelfAssessmentRepository.insertReport(c, year, orgUnitId, State.DRAFT, p, r, now, by);
                } else if (!SelfAssessmentRepository.updateTexts(c, year, orgUnitId, state, p, r, now, by)) {
                    throw stale();
                }
                replicate(c, REPORT, reportKey(year, orgUnitId));
                for (Map.Entry<IndicatorRef, StoredClaim> e : clean.entrySet()) {
                    SelfAssessmentRepository.putClaim(c, year, orgUnitId, e.getKey(), e.getValue().claimed(),
                            e.getValue().explanation());
                    replicate(c, "JX_SELF_ASSESSMENT_CLAIM", Map.of("PERF_YEAR", year, "ORG_UNIT_ID", orgUnitId,
                            "PROJECT_ID", e.getKey().projectId(), "INDICATOR_ID", e.getKey().indicatorId()));
                }
                AuditRecords.insert(c, now, actor, "selfAssessment.save", target(year, orgUnitId),
                        "state=" + state.name() + "; claims=" + clean.size(), null);
                return null;
            }));
        }
        return assemble(actor, unit, year);
    }

    @Override
    public SelfAssessment submit(Actor actor, int year, long orgUnitId) {
        Objects.requireNonNull(actor, "actor");
        OrgUnit unit = scope.evaluatedUnit(actor, orgUnitId);
        scope.requireOpen(year);
        if (!actor.canWrite()) {
            throw new AccessDeniedException("selfAssessment.submit");
        }
        List<Target> rows = targets.table(actor, year, orgUnitId).targets();

        synchronized (writeLock) {
            Report before = store.read(c -> SelfAssessmentRepository.report(c, year, orgUnitId));
            Map<IndicatorRef, StoredClaim> stored = store.read(c -> SelfAssessmentRepository.claims(c, year,
                    orgUnitId));
            ValidationException.Collector errors = new ValidationException.Collector();
            if (before != null && !before.state().editable()) {
                errors.add("state", "selfAssessment.state.notEditable");
            }
            cycle.lock(year, Step.SELF_ASSESSMENT, LocalDate.now(clock))
                    .ifPresent(lock -> errors.add("year", lock.reasonKey()));
            List<IndicatorRef> missing = new ArrayList<>();
            for (Target t : rows) {
                StoredClaim s = stored.get(t.indicator());
                if (s == null || s.claimed() == null) {
                    missing.add(t.indicator());
                }
            }
            if (!missing.isEmpty()) {
                errors.add("claims", "selfAssessment.claims.incomplete");
                missing.forEach(ref -> errors.add("claimed." + ref.key(), "selfAssessment.claim.required"));
            }
            errors.throwIfAny();

            State from = before == null ? State.DRAFT : before.state();
            Instant now = clock.instant();
            String by = Jdbc.truncate(actor.username(), USERNAME_MAX);
            write(() -> store.inTransaction(c -> {
                if (before == null) {
                    SelfAssessmentRepository.insertReport(c, year, orgUnitId, State.DRAFT, null, null, now, by);
                }
                if (!SelfAssessmentRepository.markSubmitted(c, year, orgUnitId, from, now, by)) {
                    throw stale();
                }
                replicate(c, REPORT, reportKey(year, orgUnitId));
                AuditRecords.insert(c, now, actor, "selfAssessment.submit", target(year, orgUnitId),
                        from.name() + "->" + State.SUBMITTED.name() + "; claims=" + rows.size(), null);
                return null;
            }));
        }
        return assemble(actor, unit, year);
    }

    // ---------------------------------------------------------------- the city's decisions

    @Override
    public SelfAssessment returnToUnit(Actor actor, int year, long orgUnitId, String comment) {
        return decide(actor, year, orgUnitId, comment, State.RETURNED, "selfAssessment.return");
    }

    @Override
    public SelfAssessment accept(Actor actor, int year, long orgUnitId, String comment) {
        return decide(actor, year, orgUnitId, comment, State.ACCEPTED, "selfAssessment.accept");
    }

    private SelfAssessment decide(Actor actor, int year, long orgUnitId, String comment, State to, String action) {
        if (actor == null || !(actor.has(Role.ADMIN) || actor.has(Role.ASSESSOR)) || !atRoot(actor)) {
            throw new AccessDeniedException(action);
        }
        OrgUnit unit = scope.evaluatedUnit(actor, orgUnitId);
        scope.requireOpen(year);
        ValidationException.Collector errors = new ValidationException.Collector();
        String text = text(comment);
        if (text == null && to == State.RETURNED) {
            errors.add("comment", "selfAssessment.comment.required");
        } else if (tooLong(text)) {
            errors.add("comment", "selfAssessment.text.tooLong");
        }
        synchronized (writeLock) {
            Report before = store.read(c -> SelfAssessmentRepository.report(c, year, orgUnitId));
            if (before == null || before.state() != State.SUBMITTED) {
                errors.add("state", "selfAssessment.state.notSubmitted");
            }
            errors.throwIfAny();

            Instant now = clock.instant();
            String by = Jdbc.truncate(actor.username(), USERNAME_MAX);
            store.inTransaction(c -> {
                if (!SelfAssessmentRepository.decide(c, year, orgUnitId, to, text, now, by)) {
                    throw stale();
                }
                // The comment itself stays in the report; the audit trail records who decided what.
                AuditRecords.insert(c, now, actor, action, target(year, orgUnitId),
                        State.SUBMITTED.name() + "->" + to.name() + "; comment=" + (text == null ? 0 : text.length())
                                + " chars", null);
                return null;
            });
        }
        return assemble(actor, unit, year);
    }

    // ---------------------------------------------------------------- the report

    /** The report as stored, one claim per indicator of the target table, with the computed values beside. */
    private SelfAssessment assemble(Actor actor, OrgUnit unit, int year) {
        TargetTable table = targets.table(actor, year, unit.id());
        Report report = store.read(c -> SelfAssessmentRepository.report(c, year, unit.id()));
        Map<IndicatorRef, StoredClaim> stored = store.read(c -> SelfAssessmentRepository.claims(c, year, unit.id()));
        Set<String> projectIds = new LinkedHashSet<>();
        table.targets().forEach(t -> projectIds.add(t.indicator().projectId()));
        Map<String, Map<String, BigDecimal>> actuals = computed(unit, year, projectIds);

        List<SelfAssessmentClaim> claims = new ArrayList<>(table.targets().size());
        for (Target t : table.targets()) {
            IndicatorRef ref = t.indicator();
            StoredClaim s = stored.get(ref);
            BigDecimal claimed = s == null ? null : s.claimed();
            Map<String, BigDecimal> values = actuals.get(ref.projectId());
            // A project that reports nothing for an indicator has no records of it: zero, as the evaluation reads it.
            BigDecimal computed = values == null ? null
                    : SelfAssessmentRepository.normal(values.getOrDefault(ref.indicatorId(), BigDecimal.ZERO));
            claims.add(new SelfAssessmentClaim(ref, t.indicatorName(), t.unit(), t.resolved(), claimed,
                    s == null ? null : s.explanation(), computed, SelfAssessmentClaim.differs(claimed, computed)));
        }
        if (report == null) {
            return new SelfAssessment(year, unit.id(), unit.name(), State.DRAFT, claims, null, null, null, null, null,
                    null, null);
        }
        return new SelfAssessment(year, unit.id(), unit.name(), report.state(), claims, report.problems(),
                report.rectification(), report.cityComment(), report.submittedAt(), report.submittedBy(),
                report.decidedAt(), report.decidedBy());
    }

    /**
     * Each project's live actuals for {@code unit}, by indicator id: the sum over the unit and every unit below it
     * except what lies under another evaluated unit, as the comprehensive evaluation counts them. A project that
     * is not active or fails is absent: its values are unknown.
     */
    private Map<String, Map<String, BigDecimal>> computed(OrgUnit unit, int year, Set<String> projectIds) {
        Map<String, Map<String, BigDecimal>> out = new HashMap<>();
        if (projectIds.isEmpty()) {
            return out;
        }
        List<Long> counted = counted(unit);
        for (String projectId : projectIds) {
            try {
                KeyProject project = projects.active(projectId).orElse(null);
                if (project == null) {
                    continue;
                }
                Map<Long, Map<String, BigDecimal>> values = project.actuals(counted, year);
                if (values == null) {
                    continue;
                }
                Map<String, BigDecimal> sum = Actuals.sum(values, counted);
                out.put(projectId, sum);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Key project " + projectId + " failed to compute its actuals for the"
                        + " self-assessment of org unit " + unit.id() + " in " + year + "; shown as unknown", e);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    /** Runs a write; a unique violation means another node created the report meanwhile. */
    private static void write(Supplier<?> work) {
        Jdbc.unlessTaken(work, SelfAssessmentServiceImpl::stale);
    }

    private static ValidationException stale() {
        return ValidationException.of("state", "selfAssessment.state.stale");
    }

    static String target(int year, long orgUnitId) {
        return "selfAssessment:" + year + ":" + orgUnitId;
    }

    static boolean validValue(BigDecimal v) {
        return v.signum() >= 0 && v.compareTo(VALUE_MAX) <= 0 && v.stripTrailingZeros().scale() <= VALUE_SCALE_MAX;
    }

    private static boolean tooLong(String s) {
        return s != null && s.length() > TEXT_MAX;
    }
}
