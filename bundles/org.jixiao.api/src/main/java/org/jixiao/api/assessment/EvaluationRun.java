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
 * @param moduleDigest the SHA-256 of the module's bundle that scored the run (its code and texts), or null for a run
 *                     recorded before digests were kept
 * @param basedOnRunId the run whose snapshot this one re-used, or null for a run on fresh inputs
 * @param ranks        each scored unit's rank among all the run scored, kept when the run is narrowed to the units
 *                     a reader may see (see {@link #narrowedTo})
 * @param rankedUnits  how many units the run ranked
 */
public record EvaluationRun(long id, int year, String moduleId, String moduleVersion, String moduleDigest,
        Instant at, String by, boolean published, Long basedOnRunId, EvaluationInput input, EvaluationResult result,
        Map<Long, Integer> ranks, int rankedUnits) {

    public EvaluationRun {
        ranks = ranks == null ? ranksOf(result) : Map.copyOf(ranks);
        rankedUnits = Math.max(rankedUnits, ranks.size());
    }

    /** A whole run: its ranks come from its own scores. */
    public EvaluationRun(long id, int year, String moduleId, String moduleVersion, String moduleDigest, Instant at,
            String by, boolean published, Long basedOnRunId, EvaluationInput input, EvaluationResult result) {
        this(id, year, moduleId, moduleVersion, moduleDigest, at, by, published, basedOnRunId, input, result, null,
                0);
    }

    /** A whole run of a module whose digest is not known. */
    public EvaluationRun(long id, int year, String moduleId, String moduleVersion, Instant at, String by,
            boolean published, Long basedOnRunId, EvaluationInput input, EvaluationResult result) {
        this(id, year, moduleId, moduleVersion, null, at, by, published, basedOnRunId, input, result);
    }

    /**
     * The run showing only some units' inputs and scores, each keeping its place among all: a county sees itself as
     * "2 of 3", not first among the one unit it sees.
     */
    public EvaluationRun narrowedTo(EvaluationInput someInputs, EvaluationResult theirScores) {
        return new EvaluationRun(id, year, moduleId, moduleVersion, moduleDigest, at, by, published, basedOnRunId,
                someInputs, theirScores, ranks, rankedUnits);
    }

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
        for (UnitScore s : sorted) {
            UnitInput in = inputs.get(s.orgUnitId());
            ranked.add(new RankedScore(ranks.getOrDefault(s.orgUnitId(), 0), s.orgUnitId(),
                    in == null ? null : in.orgUnitName(), s, in, rankedUnits));
        }
        return ranked;
    }

    private static Map<Long, Integer> ranksOf(EvaluationResult result) {
        List<UnitScore> sorted = new ArrayList<>(result.scores());
        sorted.sort((a, b) -> b.total().compareTo(a.total()));
        Map<Long, Integer> out = new HashMap<>();
        int rank = 0;
        BigDecimal previous = null;
        for (int i = 0; i < sorted.size(); i++) {
            UnitScore s = sorted.get(i);
            if (previous == null || s.total().compareTo(previous) != 0) {
                rank = i + 1;
                previous = s.total();
            }
            out.put(s.orgUnitId(), rank);
        }
        return out;
    }
}
