package org.jixiao.api.assessment;

/** A unit's place in a run's ranking, with its score and the inputs behind it. */
public record RankedScore(int rank, long orgUnitId, String orgUnitName, UnitScore score, UnitInput input) {
}
