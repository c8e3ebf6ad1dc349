package org.jixiao.api.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluation run: which module (id and version) scored which snapshot of inputs, and the result. A run
 * never changes; re-running with another module makes a new run on the same snapshot.
 *
 * @param basedOnRunId the run whose snapshot this one re-used, or null for a run on fresh inputs
 */
public record EvaluationRun(long id, int year, String moduleId, String moduleVersion, Instant at, String by,
        boolean published, Long basedOnRunId, EvaluationInput input, EvaluationResult result) {

    /**
     * The units by total, highest first; equal totals share a rank and the next rank skips (1, 1, 3), and keep
     * the run's order (by unit code) among themselves.
     */
    public List<RankedScore> ranking() {
        Map<Long, UnitInput> inputs = new HashMap<>();
        for (UnitInput u : input.units()) {
            inputs.put(u.orgUnitId(), u);
        }
        List<UnitScore> sorted = new ArrayList<>(result.scores());
        sorted.sort((a, b) -> b.total().compareTo(a.total()));
        List<RankedScore> ranked = new ArrayList<>(sorted.size());
        int rank = 0;
        BigDecimal previous = null;
        for (int i = 0; i < sorted.size(); i++) {
            UnitScore s = sorted.get(i);
            if (previous == null || s.total().compareTo(previous) != 0) {
                rank = i + 1;
                previous = s.total();
            }
            UnitInput in = inputs.get(s.orgUnitId());
            ranked.add(new RankedScore(rank, s.orgUnitId(), in == null ? null : in.orgUnitName(), s, in));
        }
        return ranked;
    }
}
