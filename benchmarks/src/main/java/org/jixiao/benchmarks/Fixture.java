package org.jixiao.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.jixiao.api.Actor;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitDraft;
import org.jixiao.api.Role;
import org.jixiao.api.assessment.Bonus;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.assessment.EvaluationRun;
import org.jixiao.api.assessment.EvaluationService;
import org.jixiao.api.performance.PerformanceCycle;
import org.jixiao.api.assessment.ScoreKind;
import org.jixiao.api.performance.IndicatorRef;
import org.jixiao.api.performance.Step;
import org.jixiao.api.performance.Target;
import org.jixiao.api.performance.TargetChange;
import org.jixiao.api.performance.TargetRule;
import org.jixiao.api.performance.TargetService;
import org.jixiao.api.performance.TargetTable;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.store.Store;
import org.jixiao.assessment.standard.internal.StandardAssessment;
import org.jixiao.core.internal.evaluation.EvaluationAccess;
import org.jixiao.core.internal.evaluation.EvaluationServiceImpl;
import org.jixiao.core.internal.org.OrgUnitServiceImpl;
import org.jixiao.core.internal.schema.CoreSchema;
import org.jixiao.store.internal.DerbyStore;

/**
 * A node's data as the evaluation meets it, built with the real services on a real Derby store in a temporary
 * directory (durable commits, as shipped): a city with {@code units} counties, the benchmark project with 50
 * indicators and its records, a year opened, targets set and approved, moved to the comprehensive evaluation,
 * scores entered, two bonuses approved and the standard module pinned.
 */
public final class Fixture implements AutoCloseable {

    public static final int YEAR = 2030;
    /** Records per county: 90 % of them in {@link #YEAR}, 10 % in the year before (the baselines). */
    public static final int RECORDS_PER_UNIT = 10_000;
    /** Rows per batch, and per transaction, while loading the records. */
    public static final int BATCH = 10_000;
    /** Explicit targets per county; the other indicators keep the policy default. */
    static final int EXPLICIT_TARGETS = 5;

    final Path dir;
    final DerbyStore store;
    final OrgUnitServiceImpl orgUnits;
    final PerformanceCycle cycle;
    final TimedTargets targets;
    final BenchProject project;
    final EvaluationServiceImpl evaluations;
    final Actor actor;
    final int units;
    /** Milliseconds it took to load the records, and how many. */
    final long loadMillis;
    final long records;
    /** Milliseconds it took to build the totals of {@link BenchProject.Actuals#SUMMARY} (0 otherwise). */
    final long totalsMillis;
    /** Milliseconds for everything else of the set-up (units, year, targets, scores). */
    final long prepareMillis;

    private Fixture(int units, BenchProject.Actuals mode) {
        this.units = units;
        try {
            dir = Files.createTempDirectory("jixiao-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        store = new DerbyStore(dir.resolve("db"), 4);
        CoreSchema schema = new CoreSchema(store);
        OrgUnit root = store.inTransaction(c -> OrgUnitServiceImpl.insert(c, null, "city", "团市委", OrgLevel.CITY));
        actor = new Actor(1, "bench", Set.of(Role.ADMIN, Role.ASSESSOR, Role.TARGET_SETTER, Role.TARGET_APPROVER,
                Role.BONUS_APPROVER), root, Locale.SIMPLIFIED_CHINESE);
        project = new BenchProject(store, YEAR, mode);
        Wiring wiring = new Wiring();
        wiring.put(Store.class, store);
        wiring.put(CoreSchema.class, schema);
        wiring.put(ProjectRegistry.class, new BenchRegistry(project));
        orgUnits = (OrgUnitServiceImpl) wiring.get(OrgUnitService.class);
        cycle = wiring.get(PerformanceCycle.class);
        targets = new TimedTargets(
                (TargetService) wiring.create("org.jixiao.core.internal.performance.TargetServiceImpl"),
                project.span);
        wiring.put(TargetService.class, targets);
        evaluations = (EvaluationServiceImpl) wiring.get(EvaluationService.class);
        EvaluationAccess.bind(evaluations, new StandardAssessment());

        long t0 = System.nanoTime();
        List<OrgUnit> counties = new ArrayList<>(units);
        for (int i = 1; i <= units; i++) {
            counties.add(orgUnits.create(actor, new OrgUnitDraft(root.id(), String.format("c%03d", i),
                    String.format("第%03d县团委", i), OrgLevel.COUNTY)));
        }
        store.migrate(BenchProject.ID, project.migrations());
        long t1 = System.nanoTime();
        records = load(counties);
        long t2 = System.nanoTime();
        loadMillis = (t2 - t1) / 1_000_000;
        project.buildTotals();
        totalsMillis = (System.nanoTime() - t2) / 1_000_000;
        t2 = System.nanoTime();
        prepare(counties);
        prepareMillis = ((t1 - t0) + (System.nanoTime() - t2)) / 1_000_000;
    }

    public static Fixture create(int units, BenchProject.Actuals mode) {
        return new Fixture(units, mode);
    }

    /** The records, in batches of {@link #BATCH} rows, each batch its own transaction. */
    private long load(List<OrgUnit> counties) {
        Random random = new Random(42);
        Timestamp now = new Timestamp(System.currentTimeMillis());
        long total = (long) counties.size() * RECORDS_PER_UNIT;
        AtomicLong written = new AtomicLong();
        int baselineShare = RECORDS_PER_UNIT / 10;
        while (written.get() < total) {
            long from = written.get();
            long to = Math.min(total, from + BATCH);
            store.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO BENCH_RECORD"
                        + " (ORG_UNIT_ID, REC_YEAR, INDICATOR_ID, AMOUNT, CREATED_AT) VALUES (?, ?, ?, ?, ?)")) {
                    for (long n = from; n < to; n++) {
                        int unit = (int) (n / RECORDS_PER_UNIT);
                        int within = (int) (n % RECORDS_PER_UNIT);
                        ps.setLong(1, counties.get(unit).id());
                        ps.setInt(2, within < baselineShare ? YEAR - 1 : YEAR);
                        ps.setString(3, BenchProject.indicatorId(1 + within % BenchProject.INDICATORS));
                        ps.setBigDecimal(4, BigDecimal.valueOf(random.nextInt(2000), 2));
                        ps.setTimestamp(5, now);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
            written.set(to);
        }
        return total;
    }

    private void prepare(List<OrgUnit> counties) {
        cycle.open(actor, YEAR);
        LocalDate today = LocalDate.now();
        cycle.setWindow(actor, YEAR, Step.TARGET_SETTING, today.minusDays(30), today.plusDays(30));
        for (OrgUnit county : counties) {
            for (int i = 1; i <= EXPLICIT_TARGETS; i++) {
                IndicatorRef ref = new IndicatorRef(BenchProject.ID, BenchProject.indicatorId(i));
                TargetRule rule = project.indicators().get(i - 1).defaultRule();
                targets.set(actor, YEAR, county.id(), ref,
                        new TargetRule(rule.kind(), rule.comparison(), rule.value().add(BigDecimal.ONE)), null);
            }
        }
        targets.approve(actor, YEAR);
        while (cycle.year(YEAR).orElseThrow().step() != Step.COMPREHENSIVE_EVALUATION) {
            cycle.advance(actor, YEAR, "no targets in this test");
        }
        Random random = new Random(7);
        for (OrgUnit county : counties) {
            for (ScoreKind kind : ScoreKind.values()) {
                evaluations.enterScore(actor, YEAR, county.id(), kind, BigDecimal.valueOf(6000 + random.nextInt(4000), 2));
            }
        }
        for (int i = 0; i < Math.min(2, counties.size()); i++) {
            Bonus b = evaluations.proposeBonus(actor, YEAR, counties.get(i).id(), BigDecimal.valueOf(2), "工作创新");
            evaluations.decideBonus(actor, b.id(), true);
        }
        evaluations.pin(actor, YEAR, "standard", "1.0");
        EvaluationRun check = run();
        if (check.result().scores().size() != counties.size()
                || check.input().units().get(0).indicators().size() != BenchProject.INDICATORS) {
            throw new IllegalStateException("the fixture's run is incomplete");
        }
    }

    /** One evaluation run, end to end: inputs gathered, scored by the module, snapshot and result stored. */
    public EvaluationRun run() {
        return evaluations.run(actor, YEAR);
    }

    @Override
    public void close() {
        store.close();
        delete(dir);
    }

    /** Deletes a fixture's temporary directory with its database. */
    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is no failure of the benchmark
        }
    }

    /** The real target service, with the time its tables take counted (and added to the project's span). */
    static final class TimedTargets implements TargetService {
        private final TargetService delegate;
        private final Span span;
        final AtomicLong tableCalls = new AtomicLong();
        final AtomicLong tableNanos = new AtomicLong();

        TimedTargets(TargetService delegate, Span span) {
            this.delegate = delegate;
            this.span = span;
        }

        @Override
        public TargetTable table(Actor actor, int year, long orgUnitId) {
            long start = System.nanoTime();
            try {
                return delegate.table(actor, year, orgUnitId);
            } finally {
                long end = System.nanoTime();
                tableCalls.incrementAndGet();
                tableNanos.addAndGet(end - start);
                span.add(start, end);
            }
        }

        @Override
        public Target set(Actor actor, int year, long orgUnitId, IndicatorRef indicator, TargetRule rule,
                String reason) {
            return delegate.set(actor, year, orgUnitId, indicator, rule, reason);
        }

        @Override
        public void approve(Actor actor, int year) {
            delegate.approve(actor, year);
        }

        @Override
        public List<TargetChange> history(Actor actor, int year, long orgUnitId, IndicatorRef indicator) {
            return delegate.history(actor, year, orgUnitId, indicator);
        }
    }
}
