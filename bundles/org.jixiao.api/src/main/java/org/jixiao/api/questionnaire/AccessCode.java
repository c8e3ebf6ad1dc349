package org.jixiao.api.questionnaire;

/**
 * A one-time code as issued and printed: which unit it rates and for which category. Not whether it was used: a
 * manager polling that could learn the order in which codes were used, and match it to the order of the answers.
 * How many were used is {@link UnitScores#responses()}.
 */
public record AccessCode(String code, long campaignId, long orgUnitId, String orgUnitName,
        RespondentCategory category) {
}
