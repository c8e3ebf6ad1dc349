package org.jixiao.api.assessment;

/**
 * A unit's place in a run's ranking, with its score and the inputs behind it.
 *
 * @param rank its place among every unit the run scored, also when the reader sees only some of them
 * @param of   how many units the run ranked ("2 of 3")
 */
public record RankedScore(int rank, long orgUnitId, String orgUnitName, UnitScore score, UnitInput input, int of) {

    /** A place in a run whose units are all shown: out of as many as it ranked. */
    public RankedScore(int rank, long orgUnitId, String orgUnitName, UnitScore score, UnitInput input) {
        this(rank, orgUnitId, orgUnitName, score, input, 0);
    }
}
