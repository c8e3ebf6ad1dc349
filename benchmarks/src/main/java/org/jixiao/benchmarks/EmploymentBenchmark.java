package org.jixiao.benchmarks;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jixiao.api.project.ProjectRegistry.ProjectIndicators;
import org.jixiao.core.internal.project.DashboardAccess;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The employment project's indicators on a city-sized year (ten counties, about 100,000 records across its
 * registers): {@code dashboard} is what the city's home page computes for the project (every indicator's actual for
 * the city and its counties, with its status against the policy default); {@code trackingAsOf} is the project's
 * actuals on a day of the year, as tracking asks for them. Goal of the issue: the dashboard under 200 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class EmploymentBenchmark {

    private EmploymentFixture fixture;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = EmploymentFixture.create();
        System.out.printf("%n[fixture] %d counties, %,d records loaded in %,d ms: %s%n", EmploymentFixture.COUNTIES,
                fixture.records(), fixture.loadMillis, fixture.rows);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    @Benchmark
    public ProjectIndicators dashboard() {
        return DashboardAccess.indicators(fixture.project, fixture.unitIds, fixture.countyIds,
                EmploymentFixture.YEAR, Locale.SIMPLIFIED_CHINESE);
    }

    @Benchmark
    public Map<Long, Map<String, java.math.BigDecimal>> trackingAsOf() {
        return fixture.project.actualsAsOf(fixture.countyIds, EmploymentFixture.YEAR,
                LocalDate.of(EmploymentFixture.YEAR, 6, 30));
    }

    /** A quick look without JMH: the fixture's figures, one dashboard's values and 20 timed runs. */
    public static void main(String[] args) {
        try (EmploymentFixture f = EmploymentFixture.create()) {
            System.out.printf("%,d records in %,d ms: %s%n", f.records(), f.loadMillis, f.rows);
            ProjectIndicators first = DashboardAccess.indicators(f.project, f.unitIds, f.countyIds,
                    EmploymentFixture.YEAR, Locale.ENGLISH);
            first.indicators().forEach(s -> System.out.println("  " + s));
            for (int i = 0; i < 10; i++) {
                DashboardAccess.indicators(f.project, f.unitIds, f.countyIds, EmploymentFixture.YEAR,
                        Locale.SIMPLIFIED_CHINESE);
            }
            long[] ms = new long[20];
            for (int i = 0; i < ms.length; i++) {
                long t = System.nanoTime();
                DashboardAccess.indicators(f.project, f.unitIds, f.countyIds, EmploymentFixture.YEAR,
                        Locale.SIMPLIFIED_CHINESE);
                ms[i] = (System.nanoTime() - t) / 1_000;
            }
            java.util.Arrays.sort(ms);
            System.out.println("median microseconds per register: " + org.jixiao.project.employment.internal
                    .RegisterTimes.medianMicros(f.project, f.unitIds, EmploymentFixture.YEAR, 10));
            System.out.printf("dashboard: min %.1f ms, median %.1f ms, max %.1f ms%n", ms[0] / 1000.0,
                    ms[ms.length / 2] / 1000.0, ms[ms.length - 1] / 1000.0);
        }
    }
}
