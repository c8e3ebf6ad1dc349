package org.jixiao.core.internal.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.Role;
import org.jixiao.api.assessment.AssessmentModule;
import org.jixiao.api.assessment.EvaluationInput;
import org.jixiao.api.assessment.EvaluationResult;
import org.jixiao.api.assessment.IndicatorInput;
import org.jixiao.api.assessment.ScorePart;
import org.jixiao.api.assessment.UnitInput;
import org.jixiao.api.assessment.UnitScore;
import org.jixiao.api.performance.IndicatorRef;
import org.jixiao.api.performance.Lock;
import org.jixiao.api.performance.PerformanceCycle;
import org.jixiao.api.performance.PerformanceYear;
import org.jixiao.api.performance.Step;
import org.jixiao.api.performance.Target;
import org.jixiao.api.performance.TargetChange;
import org.jixiao.api.performance.TargetRule;
import org.jixiao.api.performance.TargetService;
import org.jixiao.api.performance.TargetTable;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.web.WebHandler;

/** Small stand-ins for the services the evaluation uses, and tiny assessment modules. */
final class Fakes {

    private Fakes() {
    }

    /** A cycle whose years stand at whatever step a test sets. */
    static final class Cycle implements PerformanceCycle {
        final Map<Integer, Step> steps = new HashMap<>();
        RuntimeException failAdvance;
        final AtomicInteger advances = new AtomicInteger();

        @Override
        public List<PerformanceYear> years() {
            List<PerformanceYear> out = new ArrayList<>();
            steps.keySet().forEach(y -> out.add(year(y).orElseThrow()));
            return out;
        }

        @Override
        public Optional<PerformanceYear> year(int year) {
            Step s = steps.get(year);
            return s == null ? Optional.empty() : Optional.of(new PerformanceYear(year, s, List.of()));
        }

        @Override
        public PerformanceYear open(Actor actor, int year) {
            steps.put(year, Step.TARGET_SETTING);
            return year(year).orElseThrow();
        }

        @Override
        public PerformanceYear setWindow(Actor actor, int year, Step step, LocalDate opens, LocalDate closes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PerformanceYear advance(Actor actor, int year) {
            if (!actor.has(Role.ADMIN) || actor.orgUnit().parentId() != null) {
                throw new AccessDeniedException("cycle.write");
            }
            if (failAdvance != null) {
                throw failAdvance;
            }
            Step s = steps.get(year);
            if (s == null) {
                throw new NotFoundException("year:" + year);
            }
            steps.put(year, s.next());
            advances.incrementAndGet();
            return year(year).orElseThrow();
        }

        @Override
        public PerformanceYear reopen(Actor actor, int year, Step step, String reason) {
            steps.put(year, step);
            return year(year).orElseThrow();
        }

        @Override
        public Optional<Lock> lock(int year, Step step, LocalDate day) {
            return Optional.empty();
        }
    }

    /** The same targets for every unit, from a list a test may change. */
    static final class Targets implements TargetService {
        final List<Function<Long, Target>> rows = new ArrayList<>();

        @Override
        public TargetTable table(Actor actor, int year, long orgUnitId) {
            List<Target> targets = new ArrayList<>();
            for (Function<Long, Target> row : rows) {
                Target t = row.apply(orgUnitId);
                targets.add(new Target(year, t.orgUnitId(), t.indicator(), t.indicatorName(), t.unit(), t.clause(),
                        t.policyDefault(), t.rule(), t.set(), t.baseline(), t.updatedAt(), t.updatedBy()));
            }
            return new TargetTable(year, orgUnitId, "unit " + orgUnitId, targets, null, null);
        }

        @Override
        public Target set(Actor actor, int year, long orgUnitId, IndicatorRef indicator, TargetRule rule,
                String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void approve(Actor actor, int year) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<TargetChange> history(Actor actor, int year, long orgUnitId, IndicatorRef indicator) {
            throw new UnsupportedOperationException();
        }
    }

    static Target target(long orgUnitId, String project, String indicator, String name, TargetRule rule,
            BigDecimal baseline) {
        return new Target(0, orgUnitId, new IndicatorRef(project, indicator), name, "人", "附件2", rule, rule, false,
                baseline, null, null);
    }

    /**
     * A key project reporting actuals from a map a test fills: unit id to indicator to value. Asked from several
     * threads at once, as the evaluation gathers its units.
     */
    static final class Project implements KeyProject {
        final String id;
        final Map<Long, Map<String, BigDecimal>> actuals = new HashMap<>();
        final List<Collection<Long>> calls = Collections.synchronizedList(new ArrayList<>());
        /** The threads it was asked on. */
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        /** Answers after a random 0 to this many milliseconds, so that units asked at once finish in any order. */
        volatile int jitterMillis;
        /** Milliseconds to wait before answering about a unit, by unit id. */
        final Map<Long, Integer> delayMillis = new ConcurrentHashMap<>();
        /** What it throws when asked about a unit, by unit id: an error, which no caller catches. */
        final Map<Long, Error> errors = new ConcurrentHashMap<>();
        boolean fail;

        Project(String id) {
            this.id = id;
        }

        void put(long unit, String indicator, String value) {
            actuals.computeIfAbsent(unit, k -> new LinkedHashMap<>()).put(indicator, new BigDecimal(value));
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public List<IndicatorDefinition> indicators() {
            return List.of();
        }

        @Override
        public Map<Long, Map<String, BigDecimal>> actuals(Collection<Long> orgUnitIds, int year) {
            calls.add(List.copyOf(orgUnitIds));
            threads.add(Thread.currentThread());
            int wait = jitterMillis > 0 ? ThreadLocalRandom.current().nextInt(jitterMillis + 1) : 0;
            for (Long id : orgUnitIds) {
                wait += delayMillis.getOrDefault(id, 0);
            }
            if (wait > 0) {
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            for (Long id : orgUnitIds) {
                Error e = errors.get(id);
                if (e != null) {
                    throw e;
                }
            }
            if (fail) {
                throw new IllegalStateException("the project's database is away");
            }
            Map<Long, Map<String, BigDecimal>> out = new HashMap<>();
            for (Long id : orgUnitIds) {
                Map<String, BigDecimal> m = actuals.get(id);
                if (m != null) {
                    out.put(id, Map.copyOf(m));
                }
            }
            return out;
        }

        @Override
        public WebHandler web() {
            return null;
        }
    }

    /**
     * Sums each unit's completions, team score and bonus, times a factor: a different factor is a different
     * version of the arithmetic.
     */
    static class SumModule implements AssessmentModule {
        final String version;
        final BigDecimal factor;
        final AtomicInteger evaluations = new AtomicInteger();

        SumModule(String version, String factor) {
            this.version = version;
            this.factor = new BigDecimal(factor);
        }

        @Override
        public String id() {
            return "sum";
        }

        @Override
        public String version() {
            return version;
        }

        @Override
        public String name(Locale locale) {
            return "Sum " + version;
        }

        @Override
        public String method(Locale locale) {
            return "completions + team + bonus, times " + factor;
        }

        @Override
        public EvaluationResult evaluate(EvaluationInput input) {
            evaluations.incrementAndGet();
            List<UnitScore> scores = new ArrayList<>();
            for (UnitInput u : input.units()) {
                BigDecimal sum = BigDecimal.ZERO;
                for (IndicatorInput i : u.indicators()) {
                    if (i.completion() != null) {
                        sum = sum.add(i.completion());
                    }
                }
                if (u.teamScore() != null) {
                    sum = sum.add(u.teamScore());
                }
                sum = sum.add(u.bonus());
                BigDecimal total = sum.multiply(factor).setScale(2, RoundingMode.HALF_UP);
                scores.add(new UnitScore(u.orgUnitId(), total,
                        List.of(new ScorePart("sum", new BigDecimal("100"), null, total, "Σ × " + factor))));
            }
            return new EvaluationResult(scores);
        }
    }

    /** Gives each unit, in input order, the next of fixed totals. */
    static final class FixedModule implements AssessmentModule {
        final List<BigDecimal> totals;

        FixedModule(String... totals) {
            this.totals = java.util.Arrays.stream(totals).map(BigDecimal::new).toList();
        }

        @Override
        public String id() {
            return "fixed";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public String name(Locale locale) {
            return "Fixed";
        }

        @Override
        public String method(Locale locale) {
            return "";
        }

        @Override
        public EvaluationResult evaluate(EvaluationInput input) {
            List<UnitScore> scores = new ArrayList<>();
            for (int i = 0; i < input.units().size(); i++) {
                scores.add(new UnitScore(input.units().get(i).orgUnitId(), totals.get(i), List.of()));
            }
            return new EvaluationResult(scores);
        }
    }

    /** A module misbehaving in a given way. */
    static final class BrokenModule implements AssessmentModule {
        private final String version;
        private final Function<EvaluationInput, EvaluationResult> behaviour;

        BrokenModule(String version, Function<EvaluationInput, EvaluationResult> behaviour) {
            this.version = version;
            this.behaviour = behaviour;
        }

        @Override
        public String id() {
            return "broken";
        }

        @Override
        public String version() {
            return version;
        }

        @Override
        public String name(Locale locale) {
            throw new IllegalStateException("no name either");
        }

        @Override
        public String method(Locale locale) {
            return null;
        }

        @Override
        public EvaluationResult evaluate(EvaluationInput input) {
            return behaviour.apply(input);
        }
    }

    /** Time nodes per unit as (due, on time); every other call is not the evaluation's business. */
    static final class Milestones {
        final java.util.Map<Long, int[]> counts = new java.util.concurrent.ConcurrentHashMap<>();

        org.jixiao.api.performance.MilestoneService service() {
            return (org.jixiao.api.performance.MilestoneService) java.lang.reflect.Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {org.jixiao.api.performance.MilestoneService.class},
                    (proxy, method, args) -> {
                        if (!method.getName().equals("timeliness")) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        int year = (Integer) args[0];
                        long unit = (Long) args[1];
                        int[] c = counts.getOrDefault(unit, new int[] {0, 0});
                        return new org.jixiao.api.performance.MilestoneTimeliness(year, unit,
                                (java.time.LocalDate) args[2], c[0], c[1], 0, c[0] - c[1]);
                    });
        }
    }

    /** Which units' self-assessments the city accepted. */
    static final class SelfAssessments {
        final java.util.Set<Long> accepted = java.util.concurrent.ConcurrentHashMap.newKeySet();

        org.jixiao.api.performance.SelfAssessmentService service() {
            return (org.jixiao.api.performance.SelfAssessmentService) java.lang.reflect.Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {org.jixiao.api.performance.SelfAssessmentService.class},
                    (proxy, method, args) -> {
                        if (!method.getName().equals("accepted")) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        return accepted.contains((Long) args[1]);
                    });
        }
    }
}
