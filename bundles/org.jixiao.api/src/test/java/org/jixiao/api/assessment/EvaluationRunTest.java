package org.jixiao.api.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class EvaluationRunTest {

    private static UnitInput unit(long id, String name) {
        return new UnitInput(id, name, List.of(), 0, 0, false, null, null, null, BigDecimal.ZERO);
    }

    private static UnitScore score(long id, String total) {
        return new UnitScore(id, new BigDecimal(total), List.of());
    }

    @Test
    void equalTotalsShareARankTheNextSkipsAndTiesKeepTheRunsOrder() {
        EvaluationRun run = new EvaluationRun(1, 2031, "m", "1", Instant.EPOCH, "t", false, null,
                new EvaluationInput(2031, List.of(unit(1, "甲"), unit(2, "乙"), unit(3, "丙"), unit(4, "丁"))),
                new EvaluationResult(List.of(score(1, "80.00"), score(2, "90.0"), score(3, "90.00"),
                        score(4, "70"))));
        List<RankedScore> ranking = run.ranking();
        assertEquals(List.of(2L, 3L, 1L, 4L), ranking.stream().map(RankedScore::orgUnitId).toList());
        assertEquals(List.of(1, 1, 3, 4), ranking.stream().map(RankedScore::rank).toList(),
                "90.0 and 90.00 are the same total");
        assertEquals("乙", ranking.get(0).orgUnitName());
        assertEquals(1L, ranking.get(2).input().orgUnitId());
    }
}
