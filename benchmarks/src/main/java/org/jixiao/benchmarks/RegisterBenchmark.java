package org.jixiao.benchmarks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
 * The register engine's dashboard figures for a city: {@code actualsAsOf} of {@link RegisterProject}'s 15 indicators
 * for the 10 counties, from its running totals, at 100,000 and 1,000,000 records of ten years' history. Sample time
 * rather than average time, for the percentiles a dashboard's slowest answers are judged by.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class RegisterBenchmark {

    /** Records of history; the database is built once (minutes for a million) and reused from target/. */
    @Param({"100000", "1000000"})
    public int records;

    /** YEAR_END: 31 December of the last year (whole months only); MID_MONTH: 15 June (months and days). */
    @Param({"YEAR_END", "MID_MONTH"})
    public String day;

    private RegisterFixture fixture;
    private LocalDate asOf;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = new RegisterFixture(records, false);
        asOf = day(day);
    }

    static LocalDate day(String name) {
        return switch (name) {
            case "YEAR_END" -> LocalDate.of(RegisterFixture.LAST_YEAR, 12, 31);
            case "MID_MONTH" -> LocalDate.of(RegisterFixture.LAST_YEAR, 6, 15);
            default -> throw new IllegalArgumentException("day is YEAR_END or MID_MONTH: " + name);
        };
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    @Benchmark
    public Map<Long, Map<String, BigDecimal>> dashboard() {
        return fixture.engine.actualsAsOf(fixture.project, RegisterFixture.COUNTY_IDS, RegisterFixture.LAST_YEAR,
                asOf);
    }
}
