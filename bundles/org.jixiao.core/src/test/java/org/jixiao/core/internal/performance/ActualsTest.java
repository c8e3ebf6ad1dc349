package org.jixiao.core.internal.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.junit.jupiter.api.Test;

class ActualsTest {

    private static final OrgUnit CITY = new OrgUnit(1, null, "city", "团市委", OrgLevel.CITY, "/1/");
    private static final OrgUnit COUNTY = new OrgUnit(2, 1L, "c", "县", OrgLevel.COUNTY, "/1/2/");
    private static final OrgUnit TOWN = new OrgUnit(3, 2L, "t", "镇团委", OrgLevel.DEPARTMENT, "/1/2/3/");
    private static final OrgUnit ZONE = new OrgUnit(4, 2L, "z", "园区", OrgLevel.ZONE, "/1/2/4/");
    private static final OrgUnit ZONE_DEPT = new OrgUnit(5, 4L, "zd", "园区部门", OrgLevel.DEPARTMENT, "/1/2/4/5/");
    private static final List<OrgUnit> ALL = List.of(CITY, COUNTY, TOWN, ZONE, ZONE_DEPT);

    @Test
    void aUnitCountsItsOwnSubtreeButNotAnotherEvaluatedUnitBelowIt() {
        assertEquals(List.of(2L, 3L), Actuals.counted(COUNTY, ALL));
        assertEquals(List.of(4L, 5L), Actuals.counted(ZONE, ALL));
    }

    @Test
    void sumsByIndicatorOverTheCountedUnitsSkippingGaps() {
        Map<Long, Map<String, BigDecimal>> values = new HashMap<>();
        values.put(2L, Map.of("a", new BigDecimal("1.5"), "b", BigDecimal.ONE));
        values.put(3L, Map.of("a", new BigDecimal("2")));
        values.put(4L, Map.of("a", new BigDecimal("100")));
        Map<String, BigDecimal> sum = Actuals.sum(values, List.of(2L, 3L, 9L));
        assertEquals(Map.of("a", new BigDecimal("3.5"), "b", BigDecimal.ONE), sum);
    }
}
