package org.jixiao.benchmarks;

import java.util.concurrent.TimeUnit;

import org.jixiao.api.assessment.EvaluationRun;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One comprehensive evaluation run, end to end ({@code EvaluationService.run}): every county's target table and
 * actuals gathered, the standard module scoring them, the JSON snapshot and result checked and stored with the
 * ranking, audited, committed durably. Goals of the issue: under 200 ms for 10 counties × 50 indicators, under
 * 2 s for 100 × 50 over a million records.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class EvaluationBenchmark {

    /** Counties; each has 50 indicators and {@link Fixture#RECORDS_PER_UNIT} records. */
    @Param({"10", "100"})
    public int units;

    /**
     * How the project computes its actuals: COVERING (an index that covers its actuals query, as a project should
     * be written) by default; run with {@code -p actuals=LIVE,COVERING,SUMMARY} to compare.
     */
    @Param({"COVERING"})
    public BenchProject.Actuals actuals;

    private Fixture fixture;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = Fixture.create(units, actuals);
        System.out.printf("%n[fixture] %d counties x %d indicators, actuals %s: loaded %,d records in %,d ms"
                + " (batches of %,d rows, one transaction each)%s; rest of the set-up %,d ms%n", units,
                BenchProject.INDICATORS, actuals, fixture.records, fixture.loadMillis, Fixture.BATCH,
                fixture.totalsMillis > 0 ? String.format(", totals built in %,d ms", fixture.totalsMillis) : "",
                fixture.prepareMillis);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    @Benchmark
    public EvaluationRun run() {
        return fixture.run();
    }
}
