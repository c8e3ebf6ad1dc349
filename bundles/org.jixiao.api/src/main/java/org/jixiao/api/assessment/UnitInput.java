package org.jixiao.api.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything the evaluation knows of one unit. Scores are 0–100; null where the input does not exist (no
 * questionnaire yet, no team score entered).
 *
 * @param milestonesDue time nodes due in the year
 * @param milestonesOnTime of those, done by their date
 * @param selfAssessmentAccepted the unit's self-assessment was accepted by the city
 * @param bonus bonus points approved by the Secretaries' Office (the module caps them)
 */
public record UnitInput(long orgUnitId, String orgUnitName, List<IndicatorInput> indicators, int milestonesDue,
        int milestonesOnTime, boolean selfAssessmentAccepted, BigDecimal youthScore, BigDecimal leaderScore,
        BigDecimal teamScore, BigDecimal bonus) {

    public UnitInput {
        indicators = List.copyOf(indicators);
    }
}
