package org.jixiao.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jixiao.api.assessment.EvaluationRun;
import org.jixiao.assessment.standard.internal.StandardAssessment;
import org.jixiao.core.internal.evaluation.EvaluationAccess;

/**
 * A plain harness beside the JMH benchmark: warms up, times single runs and says where a run's time goes
 * (gathering the inputs: target tables and actuals queries, on the evaluation's threads; the module, the JSON
 * round trip, the rest: the store's inserts and commit).
 *
 * <pre>java -cp target/benchmarks.jar org.jixiao.benchmarks.Breakdown 10 100</pre>
 *
 * The project's way of computing actuals is {@code -Dactuals=COVERING} (default), {@code LIVE} or {@code SUMMARY}.
 */
public final class Breakdown {

    private Breakdown() {
    }

    public static void main(String[] args) {
        int warmup = Integer.getInteger("warmup", 5);
        int runs = Integer.getInteger("runs", 10);
        for (String arg : args.length == 0 ? new String[] {"10", "100"} : args) {
            int units = Integer.parseInt(arg);
            BenchProject.Actuals mode = BenchProject.Actuals.valueOf(System.getProperty("actuals", "COVERING"));
            try (Fixture f = Fixture.create(units, mode)) {
                System.out.printf("%d counties x %d indicators, actuals %s: loaded %,d records in %,d ms%s;"
                        + " rest of the set-up %,d ms%n", units, BenchProject.INDICATORS, mode, f.records,
                        f.loadMillis, f.totalsMillis > 0 ? String.format(", totals built in %,d ms", f.totalsMillis)
                                : "", f.prepareMillis);
                for (int i = 0; i < warmup; i++) {
                    f.run();
                }
                f.targets.tableCalls.set(0);
                f.targets.tableNanos.set(0);
                f.project.actualsCalls.set(0);
                f.project.actualsNanos.set(0);
                f.project.baselineCalls.set(0);
                f.project.baselineNanos.set(0);
                List<Double> millis = new ArrayList<>();
                EvaluationRun last = null;
                long gatherNanos = 0;
                for (int i = 0; i < runs; i++) {
                    f.project.span.reset();
                    long start = System.nanoTime();
                    last = f.run();
                    millis.add((System.nanoTime() - start) / 1e6);
                    gatherNanos += f.project.span.reset();
                }
                double gather = gatherNanos / 1e6 / runs;
                double total = millis.stream().mapToDouble(Double::doubleValue).sum();
                Collections.sort(millis);
                double tables = f.targets.tableNanos.get() / 1e6 / runs;
                double baselines = f.project.baselineNanos.get() / 1e6 / runs;
                double actuals = f.project.actualsNanos.get() / 1e6 / runs;

                StandardAssessment module = new StandardAssessment();
                long m0 = System.nanoTime();
                for (int i = 0; i < runs; i++) {
                    module.evaluate(last.input());
                }
                double moduleMs = (System.nanoTime() - m0) / 1e6 / runs;
                long j0 = System.nanoTime();
                int pieces = 0;
                for (int i = 0; i < runs; i++) {
                    pieces = EvaluationAccess.roundTrip(last.input(), last.result());
                }
                double jsonMs = (System.nanoTime() - j0) / 1e6 / runs;

                double mean = total / runs;
                System.out.printf("  run: mean %.1f ms, median %.1f, min %.1f, max %.1f (%d runs after %d warm-up)%n",
                        mean, millis.get(runs / 2), millis.get(0), millis.get(runs - 1), runs, warmup);
                System.out.printf("  gathering the inputs on %d threads: %.1f ms of the run (first target table to"
                        + " last actuals); summed over the threads:%n", EvaluationAccess.gatherThreads(), gather);
                System.out.printf("    target tables: %.1f ms (%d calls), of which last year's actuals for the"
                        + " baselines %.1f ms (%d queries)%n", tables, f.targets.tableCalls.get() / runs, baselines,
                        f.project.baselineCalls.get() / runs);
                System.out.printf("    this year's actuals: %.1f ms (%d grouped queries, one per county)%n", actuals,
                        f.project.actualsCalls.get() / runs);
                System.out.printf("  module: %.1f ms; JSON write + read-back of snapshot and result: %.1f ms"
                        + " (%,d characters of input, %d pieces)%n", moduleMs, jsonMs,
                        EvaluationAccess.jsonLength(last.input()), pieces);
                System.out.printf("  the rest (reads of year, pin, scores, bonuses; inserts of the run, its pieces,"
                        + " ranking rows and audit; the durable commit): about %.1f ms%n",
                        mean - gather - moduleMs - jsonMs);
                parallelActuals(f);
            }
        }
    }

    /**
     * The counties' actuals alone on one thread against two, outside a run (a run gathers on
     * {@code min(cores, 4)} threads; the store has four connections): the same calls the run makes, sequential and
     * then split over two threads.
     */
    private static void parallelActuals(Fixture f) {
        List<Long> ids = f.orgUnits.subtree(f.orgUnits.root().id()).stream()
                .filter(u -> u.parentId() != null).map(u -> u.id()).toList();
        double sequential = Double.MAX_VALUE;
        double parallel = Double.MAX_VALUE;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                long s0 = System.nanoTime();
                for (Long id : ids) {
                    f.project.actuals(List.of(id), Fixture.YEAR);
                }
                sequential = Math.min(sequential, (System.nanoTime() - s0) / 1e6);
                long p0 = System.nanoTime();
                List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
                for (Long id : ids) {
                    futures.add(pool.submit(() -> f.project.actuals(List.of(id), Fixture.YEAR)));
                }
                for (java.util.concurrent.Future<?> future : futures) {
                    future.get();
                }
                parallel = Math.min(parallel, (System.nanoTime() - p0) / 1e6);
            }
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
        System.out.printf("  this year's actuals of all %d counties outside a run (best of 3): one thread %.0f ms,"
                + " two threads %.0f ms%n", ids.size(), sequential, parallel);
    }
}
