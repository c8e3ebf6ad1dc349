package org.jixiao.core.internal.evaluation;

import static org.jixiao.core.internal.performance.UnitYearScope.atRoot;

import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.assessment.AssessmentModule;
import org.jixiao.api.assessment.Bonus;
import org.jixiao.api.assessment.EvaluationInput;
import org.jixiao.api.assessment.EvaluationResult;
import org.jixiao.api.assessment.EvaluationRun;
import org.jixiao.api.assessment.EvaluationService;
import org.jixiao.api.assessment.IndicatorInput;
import org.jixiao.api.assessment.ModuleInfo;
import org.jixiao.api.assessment.ModulePin;
import org.jixiao.api.assessment.ScoreKind;
import org.jixiao.api.assessment.UnitInput;
import org.jixiao.api.assessment.UnitScore;
import org.jixiao.api.performance.IndicatorRef;
import org.jixiao.api.performance.MilestoneService;
import org.jixiao.api.performance.MilestoneTimeliness;
import org.jixiao.api.performance.PerformanceCycle;
import org.jixiao.api.performance.SelfAssessmentService;
import org.jixiao.api.performance.PerformanceYear;
import org.jixiao.api.performance.Step;
import org.jixiao.api.performance.Target;
import org.jixiao.api.performance.TargetService;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.store.Store;
import org.jixiao.api.store.StoreException;
import org.jixiao.core.internal.audit.AuditRecords;
import org.jixiao.core.internal.evaluation.EvaluationRepository.BonusRow;
import org.jixiao.core.internal.evaluation.EvaluationRepository.NewRun;
import org.jixiao.core.internal.evaluation.EvaluationRepository.RunRow;
import org.jixiao.core.internal.org.OrgUnitServiceImpl;
import org.jixiao.core.internal.performance.Actuals;
import org.jixiao.core.internal.schema.CoreSchema;
import org.jixiao.core.internal.schema.Jdbc;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The comprehensive evaluation (POLICY.md §1, 综合评价). Assessment modules are tracked as they come and go;
 * the city pins one id and version per year. A run gathers the inputs of every evaluated unit, stores them as a
 * JSON snapshot together with the module's result, and never changes afterwards except for being published: a
 * re-run scores the stored snapshot again, so a published ranking can be reproduced exactly as long as its
 * module version is installed.
 *
 * <p>Every write is made by a member of the root unit (the city) and audited in its own transaction; a faulty
 * module is reported as a validation failure and leaves nothing behind.
 */
@Component(service = EvaluationService.class)
public final class EvaluationServiceImpl implements EvaluationService {

    private static final System.Logger LOG = System.getLogger(EvaluationServiceImpl.class.getName());


    static final BigDecimal SCORE_MAX = BigDecimal.valueOf(100);
    static final BigDecimal POINTS_MAX = BigDecimal.TEN;
    /** Code points; the column holds twice as many UTF-16 units. */
    static final int REASON_MAX = 500;
    static final int USERNAME_MAX = 40;
    /** Module ids and versions longer than this cannot be pinned or recorded (VARCHAR(64)). */
    static final int MODULE_KEY_MAX = 64;
    /** A total must fit TOTAL DECIMAL(9, 2). */
    private static final BigDecimal TOTAL_LIMIT = new BigDecimal("10000000");

    /**
     * Threads gathering a run's units at once: the projects' queries are what a run waits for, and they scale
     * with the cores; no more than four, so the store's other users keep most of its connections (eight by
     * default).
     */
    static final int GATHER_THREADS = Math.min(Runtime.getRuntime().availableProcessors(), 4);
    /** Seconds an idle gathering thread lives: between runs the pool holds no threads. */
    private static final long GATHER_IDLE_SECONDS = 30;

    private final Store store;
    private final OrgUnitService orgUnits;
    private final PerformanceCycle cycle;
    private final TargetService targets;
    private final ProjectRegistry projects;
    private final Clock clock;
    private final MilestoneService milestones;
    private final SelfAssessmentService selfAssessments;
    private final Map<ModuleKey, AssessmentModule> modules = new ConcurrentHashMap<>();
    private final Map<ModuleKey, String> digests = new ConcurrentHashMap<>();
    // Serialises this node's publications, so that the checks, the publication and the year's advance go together.
    private final Object publishLock = new Object();
    // Gathers the units of a run; shut down with the component.
    private final ThreadPoolExecutor gatherPool;

    /** An installed module's id and version. */
    record ModuleKey(String id, String version) implements Comparable<ModuleKey> {

        private static final Comparator<ModuleKey> ORDER = Comparator.comparing(ModuleKey::id)
                .thenComparing(ModuleKey::version);

        @Override
        public int compareTo(ModuleKey o) {
            return ORDER.compare(this, o);
        }

        @Override
        public String toString() {
            return id + "@" + version;
        }
    }

    @Activate
    public EvaluationServiceImpl(@Reference Store store, @Reference CoreSchema schema,
            @Reference OrgUnitService orgUnits, @Reference PerformanceCycle cycle, @Reference TargetService targets,
            @Reference ProjectRegistry projects, @Reference MilestoneService milestones,
            @Reference SelfAssessmentService selfAssessments) {
        this(store, orgUnits, cycle, targets, projects, milestones, selfAssessments, Clock.systemUTC());
    }

    EvaluationServiceImpl(Store store, OrgUnitService orgUnits, PerformanceCycle cycle, TargetService targets,
            ProjectRegistry projects, MilestoneService milestones, SelfAssessmentService selfAssessments,
            Clock clock) {
        this(store, orgUnits, cycle, targets, projects, milestones, selfAssessments, clock, GATHER_THREADS);
    }

    EvaluationServiceImpl(Store store, OrgUnitService orgUnits, PerformanceCycle cycle, TargetService targets,
            ProjectRegistry projects, MilestoneService milestones, SelfAssessmentService selfAssessments,
            Clock clock, int gatherThreads) {
        this.milestones = Objects.requireNonNull(milestones, "milestones");
        this.selfAssessments = Objects.requireNonNull(selfAssessments, "selfAssessments");
        this.store = Objects.requireNonNull(store, "store");
        this.orgUnits = Objects.requireNonNull(orgUnits, "orgUnits");
        this.cycle = Objects.requireNonNull(cycle, "cycle");
        this.targets = Objects.requireNonNull(targets, "targets");
        this.projects = Objects.requireNonNull(projects, "projects");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.gatherPool = gatherPool(gatherThreads);
    }

    /** Daemon threads named jixiao-evaluation-N, started as a run needs them and ended when idle. */
    private static ThreadPoolExecutor gatherPool(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, GATHER_IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "jixiao-evaluation-" + n.incrementAndGet());
                    t.setDaemon(true);
                    // Not the loader of whichever request happened to start the thread; each task sets its caller's.
                    t.setContextClassLoader(EvaluationServiceImpl.class.getClassLoader());
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Units already handed to the pool are gathered still; a run started after this gathers on its own thread. */
    @Deactivate
    void deactivate() {
        gatherPool.shutdown();
    }

    // ---------------------------------------------------------------- modules

    @Reference(service = AssessmentModule.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void bindModule(AssessmentModule module, ServiceReference<AssessmentModule> ref) {
        ModuleKey key = keyOf(module);
        if (key != null) {
            // Once, when the module comes: its bundle does not change while it is bound.
            String digest = ref == null || ref.getBundle() == null ? ModuleDigest.of(module.getClass())
                    : ModuleDigest.of(ref.getBundle());
            if (digest == null) {
                digests.remove(key);
            } else {
                digests.put(key, digest);
            }
            AssessmentModule before = modules.put(key, module);
            if (before != null && before != module) {
                LOG.log(Level.WARNING, "Two assessment modules claim {0}; the later one is used", key);
            }
            LOG.log(Level.INFO, "Assessment module {0} is installed", key);
        }
    }

    /** A module outside OSGi (tests): its digest comes from the jar or folder of its class. */
    void bindModule(AssessmentModule module) {
        bindModule(module, null);
    }

    void unbindModule(AssessmentModule module) {
        // By identity: a module on its way out is not asked for its id again.
        modules.entrySet().removeIf(e -> e.getValue() == module);
    }

    private static ModuleKey keyOf(AssessmentModule module) {
        String id;
        String version;
        try {
            id = module.id();
            version = module.version();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "An assessment module cannot tell its id or version; ignored", e);
            return null;
        }
        if (id == null || id.isBlank() || version == null || version.isBlank() || id.length() > MODULE_KEY_MAX
                || version.length() > MODULE_KEY_MAX) {
            LOG.log(Level.ERROR, "An assessment module has no usable id or version (" + id + ", " + version
                    + "); ignored");
            return null;
        }
        return new ModuleKey(id, version);
    }

    @Override
    public List<ModuleInfo> modules(Locale locale) {
        Locale l = locale == null ? Locale.ROOT : locale;
        List<ModuleKey> keys = new ArrayList<>(modules.keySet());
        keys.sort(null);
        List<ModuleInfo> out = new ArrayList<>(keys.size());
        for (ModuleKey key : keys) {
            AssessmentModule m = modules.get(key);
            if (m != null) {
                out.add(new ModuleInfo(key.id(), key.version(), text(() -> m.name(l), key.id()),
                        text(() -> m.method(l), "")));
            }
        }
        return out;
    }

    /** A module's text, or {@code fallback} when it fails to give one: a listing must not break on one module. */
    private static String text(Supplier<String> s, String fallback) {
        try {
            String v = s.get();
            return v == null ? fallback : v;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An assessment module failed to describe itself", e);
            return fallback;
        }
    }

    @Override
    public ModulePin pin(Actor actor, int year, String moduleId, String moduleVersion) {
        requireAtRoot(actor, "evaluation.pin", Role.ADMIN);
        ValidationException.Collector errors = new ValidationException.Collector();
        if (cycle.year(year).isEmpty()) {
            errors.add("year", "evaluation.year.notOpen");
        }
        if (moduleId == null || moduleVersion == null
                || !modules.containsKey(new ModuleKey(moduleId, moduleVersion))) {
            errors.add("module", "evaluation.module.unknown");
        }
        errors.throwIfAny();

        ModulePin pin = new ModulePin(year, moduleId, moduleVersion, clock.instant(), username(actor));
        store.inTransaction(c -> {
            ModulePin before = EvaluationRepository.pin(c, year);
            EvaluationRepository.savePin(c, pin);
            String detail = "module=" + moduleId + "@" + moduleVersion
                    + (before == null ? "" : "; was=" + before.moduleId() + "@" + before.moduleVersion());
            AuditRecords.insert(c, pin.pinnedAt(), actor, "evaluation.pin", yearTarget(year), detail, null);
            return null;
        });
        return pin;
    }

    @Override
    public Optional<ModulePin> pinned(int year) {
        return Optional.ofNullable(store.read(c -> EvaluationRepository.pin(c, year)));
    }

    // ---------------------------------------------------------------- scores

    @Override
    public void enterScore(Actor actor, int year, long orgUnitId, ScoreKind kind, BigDecimal score) {
        requireAtRoot(actor, "evaluation.score", Role.ASSESSOR);
        ValidationException.Collector errors = new ValidationException.Collector();
        checkInputsOpen(year, errors);
        if (evaluatedUnit(orgUnitId) == null) {
            errors.add("orgUnitId", "evaluation.unit.invalid");
        }
        if (kind == null) {
            errors.add("kind", "evaluation.kind.required");
        }
        if (!validDecimal(score, BigDecimal.ZERO, true, SCORE_MAX)) {
            errors.add("score", "evaluation.score.invalid");
        }
        errors.throwIfAny();

        BigDecimal value = score.setScale(2);
        Instant now = clock.instant();
        String by = username(actor);
        retryOnceOnDuplicate(() -> store.inTransaction(c -> {
            BigDecimal before = EvaluationRepository.score(c, year, orgUnitId, kind);
            EvaluationRepository.saveScore(c, year, orgUnitId, kind, value, now, by);
            AuditRecords.insert(c, now, actor, "evaluation.score", "orgUnit:" + orgUnitId,
                    "year=" + year + "; kind=" + kind.name() + "; score=" + value.toPlainString()
                            + (before == null ? "" : "; was=" + before.toPlainString()),
                    null);
            return null;
        }));
    }

    /** Two first entries of the same score at once: the loser's INSERT collides, and its retry UPDATEs. */
    private static void retryOnceOnDuplicate(Runnable work) {
        try {
            work.run();
        } catch (StoreException e) {
            if (!Jdbc.isUniqueViolation(e)) {
                throw e;
            }
            work.run();
        }
    }

    // ---------------------------------------------------------------- bonuses

    @Override
    public Bonus proposeBonus(Actor actor, int year, long orgUnitId, BigDecimal points, String reason) {
        requireAtRoot(actor, "bonus.propose", Role.ASSESSOR);
        ValidationException.Collector errors = new ValidationException.Collector();
        checkInputsOpen(year, errors);
        OrgUnit unit = evaluatedUnit(orgUnitId);
        if (unit == null) {
            errors.add("orgUnitId", "evaluation.unit.invalid");
        }
        if (!validDecimal(points, BigDecimal.ZERO, false, POINTS_MAX)) {
            errors.add("points", "bonus.points.invalid");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            errors.add("reason", "bonus.reason.required");
        } else if (why.codePointCount(0, why.length()) > REASON_MAX) {
            errors.add("reason", "bonus.reason.tooLong");
        }
        errors.throwIfAny();

        BigDecimal value = points.setScale(2);
        Instant now = clock.instant();
        String by = username(actor);
        long id = store.inTransaction(c -> {
            long newId = EvaluationRepository.insertBonus(c, year, orgUnitId, value, why, now, by);
            AuditRecords.insert(c, now, actor, "bonus.propose", "bonus:" + newId,
                    "year=" + year + "; orgUnit=" + orgUnitId + "; points=" + value.toPlainString(), null);
            return newId;
        });
        return new Bonus(id, year, orgUnitId, unit.name(), value, why, now, by, null, null, false);
    }

    @Override
    public Bonus decideBonus(Actor actor, long bonusId, boolean approve) {
        requireAtRoot(actor, "bonus.decide", Role.BONUS_APPROVER);
        BonusRow row = store.read(c -> EvaluationRepository.bonus(c, bonusId));
        if (row == null) {
            throw new NotFoundException("bonus:" + bonusId);
        }
        if (row.decidedAt() != null) {
            throw ValidationException.of("bonus", "bonus.decided.already");
        }
        if (cycle.year(row.year()).map(PerformanceYear::step).orElse(null) == Step.PUBLISHED) {
            throw ValidationException.of("year", "evaluation.year.published");
        }
        String by = username(actor);
        // Four eyes: a user who holds both roles still cannot approve their own proposal.
        if (by.equalsIgnoreCase(row.proposedBy())) {
            throw ValidationException.of("bonus", "bonus.decide.own");
        }
        Instant now = clock.instant();
        store.inTransaction(c -> {
            if (!EvaluationRepository.decideBonus(c, bonusId, approve, now, by)) {
                // Decided by someone else since the check above; nothing was written.
                throw ValidationException.of("bonus", "bonus.decided.already");
            }
            AuditRecords.insert(c, now, actor, "bonus.decide", "bonus:" + bonusId,
                    (approve ? "approved" : "rejected") + "; year=" + row.year() + "; orgUnit=" + row.orgUnitId()
                            + "; points=" + row.points().toPlainString(),
                    null);
            return null;
        });
        return bonus(new BonusRow(row.id(), row.year(), row.orgUnitId(), row.points(), row.reason(),
                row.proposedAt(), row.proposedBy(), now, by, approve));
    }

    @Override
    public List<Bonus> bonuses(Actor actor, int year) {
        Objects.requireNonNull(actor, "actor");
        List<Bonus> out = new ArrayList<>();
        for (BonusRow row : store.read(c -> EvaluationRepository.bonuses(c, year))) {
            if (covers(actor, row.orgUnitId())) {
                out.add(bonus(row));
            }
        }
        return out;
    }

    private Bonus bonus(BonusRow r) {
        String name = orgUnits.find(r.orgUnitId()).map(OrgUnit::name).orElse(null);
        return new Bonus(r.id(), r.year(), r.orgUnitId(), name, r.points(), r.reason(), r.proposedAt(),
                r.proposedBy(), r.decidedAt(), r.decidedBy(), r.approved());
    }

    // ---------------------------------------------------------------- runs

    @Override
    public EvaluationRun run(Actor actor, int year) {
        requireAtRoot(actor, "evaluation.run", Role.ASSESSOR, Role.ADMIN);
        PerformanceYear y = cycle.year(year).orElse(null);
        if (y == null || y.step() != Step.COMPREHENSIVE_EVALUATION) {
            throw ValidationException.of("year", "evaluation.step.wrong");
        }
        ModulePin pin = pinned(year)
                .orElseThrow(() -> ValidationException.of("module", "evaluation.module.notPinned"));
        ModuleKey key = new ModuleKey(pin.moduleId(), pin.moduleVersion());
        // Captured once: a module updated while this run is under way does not change it.
        AssessmentModule module = modules.get(key);
        if (module == null) {
            throw ValidationException.of("module", "evaluation.module.missing");
        }
        EvaluationInput input = gather(actor, year);
        return score(actor, input, key, module, null);
    }

    @Override
    public EvaluationRun rerun(Actor actor, long runId, String moduleId, String moduleVersion) {
        requireAtRoot(actor, "evaluation.run", Role.ASSESSOR, Role.ADMIN);
        RunRow row = store.read(c -> EvaluationRepository.run(c, runId));
        if (row == null) {
            throw new NotFoundException(runTarget(runId));
        }
        ModuleKey key = moduleId == null || moduleVersion == null ? null : new ModuleKey(moduleId, moduleVersion);
        AssessmentModule module = key == null ? null : modules.get(key);
        if (module == null) {
            throw ValidationException.of("module", "evaluation.module.missing");
        }
        EvaluationInput input = load(row).input();
        return score(actor, input, key, module, runId);
    }

    /**
     * The inputs of every evaluated unit now, ordered by unit code. Read with the runner's rights, who is at the
     * root and so sees every unit's targets. The units are gathered on {@link #GATHER_THREADS} threads at once
     * (their projects' queries are most of a run); the snapshot is the same as if gathered one after another.
     */
    private EvaluationInput gather(Actor actor, int year) {
        List<OrgUnit> all = orgUnits.subtree(orgUnits.root().id());
        List<OrgUnit> units = all.stream().filter(u -> Actuals.EVALUATED.contains(u.level()))
                .sorted(OrgUnitServiceImpl.BY_CODE).toList();
        Map<Long, Map<ScoreKind, BigDecimal>> scores = store.read(c -> EvaluationRepository.scores(c, year));
        Map<Long, BigDecimal> bonus = store.read(c -> EvaluationRepository.approvedBonus(c, year));

        // Time nodes count as of the day of the run (in the committee's zone): at year end every due date lies
        // behind, so a node not done by then is overdue.
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault());
        List<Callable<UnitInput>> work = new ArrayList<>(units.size());
        for (OrgUnit unit : units) {
            work.add(() -> unitInput(actor, year, unit, all, day, scores.getOrDefault(unit.id(), Map.of()),
                    bonus.getOrDefault(unit.id(), BigDecimal.ZERO)));
        }
        List<UnitInput> inputs = inOrder(work);
        return new EvaluationInput(year, inputs);
    }

    /** One unit's input: its target table with the actuals of its counted units, time nodes, scores, bonus. */
    private UnitInput unitInput(Actor actor, int year, OrgUnit unit, List<OrgUnit> all, LocalDate day,
            Map<ScoreKind, BigDecimal> s, BigDecimal bonus) {
        List<Long> counted = Actuals.counted(unit, all);
        Map<String, Map<String, BigDecimal>> actualsByProject = new HashMap<>();
        List<IndicatorInput> indicators = new ArrayList<>();
        for (Target t : targets.table(actor, year, unit.id()).targets()) {
            IndicatorRef ref = t.indicator();
            if (!actualsByProject.containsKey(ref.projectId())) {
                actualsByProject.put(ref.projectId(), actuals(ref.projectId(), counted, year));
            }
            Map<String, BigDecimal> values = actualsByProject.get(ref.projectId());
            BigDecimal actual = values == null ? null : values.getOrDefault(ref.indicatorId(), BigDecimal.ZERO);
            indicators.add(new IndicatorInput(ref.key(), t.indicatorName(), actual, t.resolved(),
                    t.rule().met(actual, t.baseline()), t.rule().completion(actual, t.baseline())));
        }
        MilestoneTimeliness timeliness = milestones.timeliness(year, unit.id(), day);
        return new UnitInput(unit.id(), unit.name(), indicators, timeliness.due(), timeliness.onTime(),
                selfAssessments.accepted(year, unit.id()), s.get(ScoreKind.YOUTH), s.get(ScoreKind.LEADER),
                s.get(ScoreKind.TEAM), bonus);
    }

    /**
     * The results of {@code work}, run on the gathering pool, in the order of {@code work} whatever order they
     * finish in. What a task throws is thrown as it is, the first in order first, as if they had run one after
     * another; the tasks not started by then are cancelled. Each task runs with the caller's context class loader.
     */
    private <T> List<T> inOrder(List<Callable<T>> work) {
        ClassLoader callers = Thread.currentThread().getContextClassLoader();
        List<FutureTask<T>> tasks = new ArrayList<>(work.size());
        for (Callable<T> w : work) {
            FutureTask<T> task = new FutureTask<>(() -> {
                Thread t = Thread.currentThread();
                ClassLoader own = t.getContextClassLoader();
                t.setContextClassLoader(callers);
                try {
                    return w.call();
                } finally {
                    t.setContextClassLoader(own);
                }
            });
            tasks.add(task);
            try {
                gatherPool.execute(task);
            } catch (RejectedExecutionException e) {
                // The component is being deactivated: the run still completes, on the caller's thread.
                task.run();
            }
        }
        try {
            List<T> out = new ArrayList<>(tasks.size());
            for (FutureTask<T> task : tasks) {
                out.add(task.get());
            }
            return out;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while gathering the evaluation's inputs", e);
        } finally {
            // Never interrupting: a task inside the database finishes its query (Derby takes interrupts badly).
            tasks.forEach(t -> t.cancel(false));
        }
    }

    /**
     * A project's live actuals summed over {@code unitIds}, by indicator id; an indicator no unit reports is
     * zero (a unit without records may be absent). Null when the project is not active or fails: unknown.
     */
    private Map<String, BigDecimal> actuals(String projectId, List<Long> unitIds, int year) {
        try {
            KeyProject project = projects.active(projectId).orElse(null);
            if (project == null) {
                return null;
            }
            Map<Long, Map<String, BigDecimal>> all = project.actuals(unitIds, year);
            if (all == null) {
                return null;
            }
            Map<String, BigDecimal> sum = Actuals.sum(all, unitIds);
            return sum;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Key project " + projectId + " failed to compute its actuals for the evaluation", e);
            return null;
        }
    }

    /** Scores {@code input} with {@code module} and stores the run; nothing is stored when the module fails. */
    private EvaluationRun score(Actor actor, EvaluationInput input, ModuleKey key, AssessmentModule module,
            Long basedOn) {
        EvaluationResult result;
        try {
            result = module.evaluate(input);
        } catch (RuntimeException | LinkageError e) {
            // A LinkageError too: a module bundle going away mid-run can no longer load its classes.
            LOG.log(Level.ERROR, "Assessment module " + key + " failed to evaluate " + input.year(), e);
            throw ValidationException.of("module", "evaluation.module.failed");
        }
        // Stored only if it reads back exactly; otherwise the run could not be reproduced from it.
        String inputJson = Documents.toJson(input);
        if (!input.equals(Documents.input(inputJson))) {
            throw new IllegalStateException("the input of " + input.year() + " does not survive its JSON round trip");
        }
        String resultJson;
        try {
            checkResult(input, result);
            resultJson = Documents.toJson(result);
            if (!result.equals(Documents.result(resultJson))) {
                throw new IllegalStateException("the result does not survive its JSON round trip");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Assessment module " + key + " returned an unusable result for " + input.year()
                    + ": " + e.getMessage());
            throw ValidationException.of("module", "evaluation.module.badResult");
        }

        List<Long> unitIds = input.units().stream().map(UnitInput::orgUnitId).toList();
        List<BigDecimal> totals = result.scores().stream().map(UnitScore::total).toList();
        int[] ranks = ranks(totals);
        Instant now = clock.instant();
        String by = username(actor);
        String digest = digests.get(key);
        NewRun run = new NewRun(input.year(), key.id(), key.version(), digest, now, by, basedOn, inputJson,
                resultJson, unitIds, totals, ranks);
        long id = store.inTransaction(c -> {
            long newId = EvaluationRepository.insertRun(c, run);
            String detail = "year=" + input.year() + "; module=" + key + "; units=" + unitIds.size()
                    + (basedOn == null ? "" : "; basedOn=" + runTarget(basedOn));
            AuditRecords.insert(c, now, actor, basedOn == null ? "evaluation.run" : "evaluation.rerun",
                    runTarget(newId), detail, null);
            return newId;
        });
        return new EvaluationRun(id, input.year(), key.id(), key.version(), digest, now, by, false, basedOn, input,
                result);
    }

    /** One score per input unit, in the input's order, each with a total the store can hold. */
    private static void checkResult(EvaluationInput input, EvaluationResult result) {
        if (result == null || result.scores().size() != input.units().size()) {
            throw new IllegalStateException("expected " + input.units().size() + " scores");
        }
        for (int i = 0; i < input.units().size(); i++) {
            UnitScore s = result.scores().get(i);
            if (s.orgUnitId() != input.units().get(i).orgUnitId()) {
                throw new IllegalStateException("score " + i + " is not of unit " + input.units().get(i).orgUnitId());
            }
            if (s.total() == null || s.total().abs().compareTo(TOTAL_LIMIT) >= 0) {
                throw new IllegalStateException("score " + i + " has no usable total");
            }
        }
    }

    /** Ranks by total, highest first; equal totals share a rank and the next rank skips (1, 1, 3). */
    static int[] ranks(List<BigDecimal> totals) {
        int[] ranks = new int[totals.size()];
        for (int i = 0; i < ranks.length; i++) {
            int higher = 0;
            for (BigDecimal other : totals) {
                if (other.compareTo(totals.get(i)) > 0) {
                    higher++;
                }
            }
            ranks[i] = higher + 1;
        }
        return ranks;
    }

    @Override
    public List<EvaluationRun> runs(Actor actor, int year) {
        Objects.requireNonNull(actor, "actor");
        List<EvaluationRun> out = new ArrayList<>();
        for (RunRow row : store.read(c -> EvaluationRepository.runs(c, year))) {
            visible(actor, load(row)).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public EvaluationRun get(Actor actor, long runId) {
        Objects.requireNonNull(actor, "actor");
        RunRow row = store.read(c -> EvaluationRepository.run(c, runId));
        if (row == null) {
            throw new NotFoundException(runTarget(runId));
        }
        return visible(actor, load(row)).orElseThrow(() -> new NotFoundException(runTarget(runId)));
    }

    @Override
    public EvaluationRun publish(Actor actor, long runId) {
        requireAtRoot(actor, "evaluation.publish", Role.ADMIN);
        synchronized (publishLock) {
            RunRow row = store.read(c -> EvaluationRepository.run(c, runId));
            if (row == null) {
                throw new NotFoundException(runTarget(runId));
            }
            int year = row.year();
            ValidationException.Collector errors = new ValidationException.Collector();
            // A year stands at the comprehensive evaluation with a published run only after an admin re-opened
            // it (with a reason): publishing again then supersedes the earlier publication.
            Long superseded = store.read(c -> EvaluationRepository.publishedRunId(c, year));
            if (superseded != null && superseded == runId) {
                errors.add("run", "evaluation.published.already");
            }
            PerformanceYear y = cycle.year(year).orElse(null);
            if (y == null || y.step() != Step.COMPREHENSIVE_EVALUATION) {
                errors.add("year", "evaluation.step.wrong");
            }
            errors.throwIfAny();

            Instant now = clock.instant();
            String by = username(actor);
            store.inTransaction(c -> {
                if (superseded != null) {
                    EvaluationRepository.unpublish(c, superseded);
                    AuditRecords.insert(c, now, actor, "evaluation.unpublish", runTarget(superseded),
                            "year=" + year + "; superseded by run " + runId, null);
                }
                if (!EvaluationRepository.publish(c, runId, year, now, by)) {
                    // Another node published meanwhile; nothing was written.
                    throw ValidationException.of("run", "evaluation.published.already");
                }
                AuditRecords.insert(c, now, actor, "evaluation.publish", runTarget(runId),
                        "year=" + year + "; module=" + row.moduleId() + "@" + row.moduleVersion(), null);
                return null;
            });
            try {
                // The cycle audits the move itself, in its own transaction.
                cycle.advance(actor, year);
            } catch (RuntimeException e) {
                // The year stays where it was, so the publication is taken back, audited as well.
                store.inTransaction(c -> {
                    EvaluationRepository.unpublish(c, runId);
                    AuditRecords.insert(c, clock.instant(), actor, "evaluation.unpublish", runTarget(runId),
                            "year=" + year + "; the year could not be moved on", null);
                    return null;
                });
                throw e;
            }
            return get(actor, runId);
        }
    }

    @Override
    public Optional<EvaluationRun> published(Actor actor, int year) {
        Objects.requireNonNull(actor, "actor");
        Long id = store.read(c -> EvaluationRepository.publishedRunId(c, year));
        if (id == null) {
            return Optional.empty();
        }
        RunRow row = store.read(c -> EvaluationRepository.run(c, id));
        return row == null ? Optional.empty() : visible(actor, load(row));
    }

    /** A stored run with its snapshot and result read back from their documents. */
    private EvaluationRun load(RunRow row) {
        String[] docs = store.read(c -> new String[] {
            EvaluationRepository.document(c, row.id(), Documents.INPUT),
            EvaluationRepository.document(c, row.id(), Documents.RESULT) });
        if (docs[0] == null || docs[1] == null) {
            throw new IllegalStateException(runTarget(row.id()) + " has lost its documents");
        }
        return new EvaluationRun(row.id(), row.year(), row.moduleId(), row.moduleVersion(), row.moduleDigest(),
                row.at(), row.by(), row.published(), row.basedOn(), Documents.input(docs[0]),
                Documents.result(docs[1]));
    }

    /**
     * The run as the actor may see it: whole for the city, otherwise only the units the actor covers (with their
     * scores); empty when that leaves nothing.
     */
    private Optional<EvaluationRun> visible(Actor actor, EvaluationRun run) {
        if (atRoot(actor)) {
            return Optional.of(run);
        }
        List<UnitInput> units = run.input().units().stream().filter(u -> covers(actor, u.orgUnitId())).toList();
        if (units.isEmpty()) {
            return Optional.empty();
        }
        Set<Long> ids = new HashSet<>(units.stream().map(UnitInput::orgUnitId).toList());
        List<UnitScore> scores = run.result().scores().stream().filter(s -> ids.contains(s.orgUnitId())).toList();
        return Optional.of(run.narrowedTo(new EvaluationInput(run.input().year(), units), new EvaluationResult(scores)));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Scores and bonuses are inputs of the published ranking: they change only in an open year, and once it is
     * published they are frozen with the ranking until an admin re-opens the year.
     */
    private void checkInputsOpen(int year, ValidationException.Collector errors) {
        PerformanceYear y = cycle.year(year).orElse(null);
        if (y == null) {
            errors.add("year", "evaluation.year.notOpen");
        } else if (y.step() == Step.PUBLISHED) {
            errors.add("year", "evaluation.year.published");
        }
    }

    /** The unit if it exists and is of an evaluated level, else null. */
    private OrgUnit evaluatedUnit(long id) {
        return orgUnits.find(id).filter(u -> Actuals.EVALUATED.contains(u.level())).orElse(null);
    }

    private boolean covers(Actor actor, long orgUnitId) {
        return orgUnits.find(orgUnitId).map(actor::covers).orElse(false);
    }

    /** A member of the root unit (the city) with one of {@code roles}; a county's staff never reach this. */
    private static void requireAtRoot(Actor actor, String what, Role... roles) {
        if (!atRoot(actor)) {
            throw new AccessDeniedException(what);
        }
        for (Role r : roles) {
            if (actor.has(r)) {
                return;
            }
        }
        throw new AccessDeniedException(what);
    }

    /** Present, from {@code min} (inclusive or not) up to {@code max}, with at most two decimals. */
    private static boolean validDecimal(BigDecimal v, BigDecimal min, boolean minInclusive, BigDecimal max) {
        if (v == null) {
            return false;
        }
        int c = v.compareTo(min);
        return (minInclusive ? c >= 0 : c > 0) && v.compareTo(max) <= 0 && v.stripTrailingZeros().scale() <= 2;
    }

    private static String username(Actor actor) {
        return Jdbc.truncate(actor.username(), USERNAME_MAX);
    }

    static String runTarget(long id) {
        return "evaluationRun:" + id;
    }

    private static String yearTarget(int year) {
        return "year:" + year;
    }
}
