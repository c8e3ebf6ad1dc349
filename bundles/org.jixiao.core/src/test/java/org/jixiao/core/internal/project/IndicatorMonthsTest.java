package org.jixiao.core.internal.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.Role;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.project.IndicatorHistory.MonthFigure;
import org.jixiao.api.project.IndicatorStatus;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.project.ProjectStatus;
import org.jixiao.core.internal.schema.TestDb;
import org.jixiao.core.internal.testing.CityTest;
import org.junit.jupiter.api.Test;

/**
 * Month-end figures: each hour's recording replaces its month's row, so a month keeps its last figure and the next
 * month starts its own; only evaluated units are recorded, and a county reads its own trend only.
 */
class IndicatorMonthsTest extends CityTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final IndicatorDefinition JOBS = new IndicatorDefinition("jobs", "x", "y", Comparison.AT_LEAST,
            BigDecimal.valueOf(100), "附件2");

    /** What the projects report now, per unit: the test changes it between recordings. */
    private final Map<Long, BigDecimal> jobs = new HashMap<>();

    private final ProjectRegistry registry = new ProjectRegistry() {
        @Override
        public List<ProjectStatus> projects(Locale locale) {
            return List.of();
        }

        @Override
        public Optional<KeyProject> active(String id) {
            return Optional.empty();
        }

        @Override
        public List<ProjectIndicators> indicators(Actor actor, int year) {
            throw new AssertionError("recorded unit by unit");
        }

        @Override
        public List<ProjectIndicators> indicators(Actor actor, int year, long orgUnitId) {
            return List.of(new ProjectIndicators("employment", "就业", List.of(new IndicatorStatus(JOBS, "jobs", "人",
                    jobs.get(orgUnitId), BigDecimal.valueOf(100)))));
        }
    };

    private static Clock on(LocalDate day) {
        return Clock.fixed(day.atTime(10, 0).atZone(ZONE).toInstant(), ZONE);
    }

    @Test
    void aMonthKeepsItsLastRecordingAndTheNextMonthStartsItsOwn() {
        OrgUnit a = unit(root, "a", OrgLevel.COUNTY);
        OrgUnit b = unit(root, "b", OrgLevel.COUNTY);
        unit(root, "org", OrgLevel.DEPARTMENT);
        jobs.put(a.id(), BigDecimal.valueOf(10));
        assertEquals(2, new IndicatorMonths(store, orgUnits, registry, on(LocalDate.of(2031, 1, 5))).record(),
                "the counties only, not the city nor its department");
        jobs.put(a.id(), new BigDecimal("40.5"));
        new IndicatorMonths(store, orgUnits, registry, on(LocalDate.of(2031, 1, 31))).record();
        jobs.put(a.id(), BigDecimal.valueOf(55));
        IndicatorMonths february = new IndicatorMonths(store, orgUnits, registry, on(LocalDate.of(2031, 2, 3)));
        february.record();

        Map<String, List<MonthFigure>> trend = february.months(cityAdmin, 2031, a.id());
        assertEquals(List.of(new MonthFigure(1, new BigDecimal("40.5"), BigDecimal.valueOf(100)),
                new MonthFigure(2, BigDecimal.valueOf(55), BigDecimal.valueOf(100))), trend.get("employment:jobs"));
        List<MonthFigure> unknown = february.months(cityAdmin, 2031, b.id()).get("employment:jobs");
        assertNull(unknown.get(0).actual(), "a figure the project could not compute stays unknown");
        assertEquals(Map.of(), february.months(cityAdmin, 2030, a.id()));
        assertEquals(4, TestDb.count(store, "JX_INDICATOR_MONTH"), "two counties, two months");

        Actor countyA = TestDb.actor(2, "a", a, Role.VIEWER);
        assertEquals(2, february.months(countyA, 2031, a.id()).get("employment:jobs").size());
        assertThrows(AccessDeniedException.class, () -> february.months(countyA, 2031, b.id()));
        assertEquals(Instant.parse("2031-02-03T02:00:00Z"), TestDb.instant(store,
                "SELECT MAX(RECORDED_AT) FROM JX_INDICATOR_MONTH"));
    }
}
