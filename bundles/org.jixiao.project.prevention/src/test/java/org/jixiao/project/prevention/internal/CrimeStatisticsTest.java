package org.jixiao.project.prevention.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.register.RecordQuery;
import org.jixiao.project.prevention.internal.statistics.CrimeStatistics;
import org.junit.jupiter.api.Test;

/** Step 4: counts by year, source and category from the county's court and police, no person. */
class CrimeStatisticsTest extends PreventionTestBase {

    Map<String, Object> figures(int under25, int minors) {
        return form("year", 2024, "source", "COURT", "offenceCategory", "THEFT", "under25", under25,
                "minors", minors);
    }

    @Test
    void aCountysFiguresAreCountsOnceAYearPerSourceAndCategoryWithTheMinorsAmongThem() {
        engine.create(A_POLICE, project, CrimeStatistics.STATISTICS, figures(12, 3));
        assertEquals(Map.of("minors", "crimeStat.minorsAbove"), refused(() -> engine.create(A_POLICE, project,
                CrimeStatistics.STATISTICS, form("year", 2024, "source", "POLICE", "offenceCategory", "THEFT",
                        "under25", 2, "minors", 3)), "PRV_CRIME_STAT"));
        assertEquals(Map.of("year", "register.error.duplicate"), refused(() -> engine.create(A_OFFICE, project,
                CrimeStatistics.STATISTICS, figures(13, 3)), "PRV_CRIME_STAT"));
        engine.create(B_OFFICE, project, CrimeStatistics.STATISTICS, figures(7, 1));
        assertThrows(AccessDeniedException.class, () -> engine.create(A_VOL, project, CrimeStatistics.STATISTICS,
                figures(1, 0)));
        assertEquals(1, engine.list(A_VOL, project, CrimeStatistics.STATISTICS, RecordQuery.firstPage()).total());
        assertEquals(2, engine.list(CITY_OFFICE, project, CrimeStatistics.STATISTICS, RecordQuery.firstPage())
                .total());
    }
}
