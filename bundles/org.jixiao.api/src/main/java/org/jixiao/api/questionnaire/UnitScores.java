package org.jixiao.api.questionnaire;

import java.math.BigDecimal;
import java.util.List;

/**
 * One unit's result in a campaign. Scores are 0–100 with two decimals: a response scores the weighted mean of the
 * points of its answered scored items; a unit, a category or an item scores the mean over its responses. Null
 * where nobody answered.
 *
 * @param belowMinimum fewer responses than the campaign's minimum: its score is not used until the team decides
 * @param decision for a unit below the minimum, what the team decided; {@link Decision#NONE} otherwise or before
 * @param fed the score was entered into the comprehensive evaluation
 */
public record UnitScores(long orgUnitId, String orgUnitName, BigDecimal score, int responses, int quota,
        boolean belowMinimum, Decision decision, boolean fed, List<CategoryScores> categories, List<ItemScores> items) {

    public UnitScores {
        categories = List.copyOf(categories);
        items = List.copyOf(items);
    }

    /** What the assessment team decided about a unit below the minimum. */
    public enum Decision {
        NONE, USE, EXCLUDE
    }

    public record CategoryScores(RespondentCategory category, BigDecimal score, int responses, int quota) {
    }

    /** @param answered how many responses answered the item */
    public record ItemScores(String itemKey, String text, BigDecimal score, int answered) {
    }
}
