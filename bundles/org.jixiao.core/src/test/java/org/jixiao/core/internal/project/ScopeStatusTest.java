package org.jixiao.core.internal.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jixiao.api.performance.IndicatorRef;
import org.jixiao.api.performance.Target;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.performance.TargetRule;
import org.jixiao.api.performance.TargetTable;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.project.IndicatorStatus;
import org.junit.jupiter.api.Test;

/** The home page's standing of an indicator over a scope of several counties, by kind of target. */
class ScopeStatusTest {

    private static final Map<Long, Map<String, BigDecimal>> VALUES = Map.of(
            1L, Map.of("n", new BigDecimal("150"), "share", new BigDecimal("75"), "hours", new BigDecimal("40")),
            2L, Map.of("n", new BigDecimal("90"), "share", new BigDecimal("12.5"), "hours", new BigDecimal("60")));

    private static IndicatorStatus status(String id, TargetKind kind, String target) {
        IndicatorDefinition d = new IndicatorDefinition(id, id, "u", Comparison.AT_LEAST, new BigDecimal(target),
                "x", kind);
        return ProjectRegistryImpl.status(d, VALUES, List.of(1L, 2L, 3L), List.of(1L, 2L, 3L), 3, null);
    }

    @Test
    void countsAddUpAgainstThePerCountyTargetTimesTheCounties() {
        IndicatorStatus s = status("n", TargetKind.ABSOLUTE, "100");
        assertEquals(new BigDecimal("240"), s.actual());
        assertEquals(new BigDecimal("300"), s.target());
        assertEquals(80, s.completion());
    }

    @Test
    void sharesAreAveragedOverTheReportingUnitsAgainstThePerUnitTarget() {
        IndicatorStatus s = status("share", TargetKind.SHARE, "50");
        assertEquals(0, new BigDecimal("43.75").compareTo(s.actual()));
        assertEquals(new BigDecimal("50"), s.target());
        assertFalse(s.met());
    }

    @Test
    void theCityReportingAShareDoesNotPullTheCountiesMeanDown() {
        // Unit 0 is the city, reporting 0% (no records of its own); units 1 and 2 are the evaluated counties.
        Map<Long, Map<String, BigDecimal>> values = Map.of(0L, Map.of("share", BigDecimal.ZERO, "n", BigDecimal.ONE),
                1L, VALUES.get(1L), 2L, VALUES.get(2L));
        IndicatorDefinition share = new IndicatorDefinition("share", "share", "u", Comparison.AT_LEAST,
                new BigDecimal("50"), "x", TargetKind.SHARE);
        IndicatorStatus s = ProjectRegistryImpl.status(share, values, List.of(0L, 1L, 2L), List.of(1L, 2L), 2, null);
        assertEquals(0, new BigDecimal("43.75").compareTo(s.actual()));
        IndicatorDefinition count = new IndicatorDefinition("n", "n", "u", Comparison.AT_LEAST, BigDecimal.TEN, "x");
        IndicatorStatus n = ProjectRegistryImpl.status(count, values, List.of(0L, 1L, 2L), List.of(1L, 2L), 2, null);
        assertEquals(new BigDecimal("241"), n.actual(), "counts still add up over the whole scope, the city included");
        Map<Long, Map<String, BigDecimal>> full = Map.of(1L, Map.of("share", new BigDecimal("100.00")),
                2L, Map.of("share", new BigDecimal("100")));
        assertEquals("100", ProjectRegistryImpl.status(share, full, List.of(1L, 2L), List.of(1L, 2L), 2, null).actual()
                .toString(), "a mean of 100% reads 100, not 1E+2");
    }

    @Test
    void growthHasNoScopeWideTarget() {
        IndicatorStatus s = status("hours", TargetKind.BASELINE_RELATIVE, "10");
        assertEquals(new BigDecimal("100"), s.actual());
        assertNull(s.target());
        assertFalse(s.met());
        assertNull(s.completion());
    }

    @Test
    void aProjectThatCannotComputeShowsUnknown() {
        IndicatorDefinition d = new IndicatorDefinition("n", "n", "u", Comparison.AT_LEAST, BigDecimal.TEN, "x");
        IndicatorStatus s = ProjectRegistryImpl.status(d, null, List.of(1L), List.of(1L), 1, null);
        assertNull(s.actual());
        assertTrue(s.target().compareTo(BigDecimal.TEN) == 0);
    }

    // ---------------------------------------------------------------- the year's targets (issue 11, item 4)

    private static TargetTable table(long unit, String indicator, TargetKind kind, String value, BigDecimal baseline,
            boolean approved) {
        TargetRule rule = new TargetRule(kind, Comparison.AT_LEAST, new BigDecimal(value));
        Target t = new Target(2031, unit, new IndicatorRef("p", indicator), indicator, "u", "x", rule, rule, true,
                baseline, null, null);
        return new TargetTable(2031, unit, "u" + unit, List.of(t), approved ? Instant.EPOCH : null,
                approved ? "org" : null);
    }

    @Test
    void aCountySeesTheTargetTheCitySetForIt() {
        IndicatorStatus defaults = ProjectRegistryImpl.status(new IndicatorDefinition("n", "n", "u",
                Comparison.AT_LEAST, new BigDecimal("100"), "x"), VALUES, List.of(1L), List.of(1L), 1, null);
        IndicatorStatus own = ProjectRegistryImpl.withTargets(defaults, "p", VALUES, List.of(1L),
                Map.of(1L, table(1, "n", TargetKind.ABSOLUTE, "180", null, false)));
        assertEquals(new BigDecimal("180"), own.target(), "the county's own target, not the policy's 100");
        assertEquals(IndicatorStatus.Basis.DRAFT, own.basis());
        assertEquals(IndicatorStatus.State.NOT_MET, own.state());
        assertEquals(83, own.completion());
        IndicatorStatus approved = ProjectRegistryImpl.withTargets(defaults, "p", VALUES, List.of(1L),
                Map.of(1L, table(1, "n", TargetKind.ABSOLUTE, "150", null, true)));
        assertEquals(IndicatorStatus.Basis.APPROVED, approved.basis());
        assertEquals(IndicatorStatus.State.MET, approved.state());
    }

    @Test
    void theCitySumsItsCountiesTargetsAndLeavesOutGrowthWithoutABaseline() {
        IndicatorStatus counts = ProjectRegistryImpl.withTargets(status("n", TargetKind.ABSOLUTE, "100"), "p", VALUES,
                List.of(1L, 2L), Map.of(1L, table(1, "n", TargetKind.ABSOLUTE, "120", null, true),
                        2L, table(2, "n", TargetKind.ABSOLUTE, "80", null, true)));
        assertEquals(new BigDecimal("200"), counts.target(), "120 + 80, not the default 100 times three counties");
        // Hours grow 10% over 50 in unit 1 (target 55, actual 40); unit 2 had nothing last year: not judged.
        IndicatorStatus growth = ProjectRegistryImpl.withTargets(status("hours", TargetKind.BASELINE_RELATIVE, "10"),
                "p", VALUES, List.of(1L, 2L), Map.of(
                        1L, table(1, "hours", TargetKind.BASELINE_RELATIVE, "10", new BigDecimal("50"), false),
                        2L, table(2, "hours", TargetKind.BASELINE_RELATIVE, "10", BigDecimal.ZERO, false)));
        assertEquals(new BigDecimal("55"), growth.target());
        assertEquals(new BigDecimal("40"), growth.actual(), "the judged county's hours only");
        IndicatorStatus none = ProjectRegistryImpl.withTargets(status("hours", TargetKind.BASELINE_RELATIVE, "10"),
                "p", VALUES, List.of(2L), Map.of(2L, table(2, "hours", TargetKind.BASELINE_RELATIVE, "10", null,
                        false)));
        assertNull(none.target());
        assertEquals(IndicatorStatus.State.NOT_JUDGED, none.state());
        assertEquals(IndicatorStatus.Basis.NOT_JUDGED, none.basis());
    }
}
