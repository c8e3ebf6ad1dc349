package org.jixiao.api.questionnaire;

/**
 * A one-time code as issued and printed: which unit it rates and for which category. Whether it was used is
 * known; by whom and what was answered is not (answers carry no link back to their code).
 */
public record AccessCode(String code, long campaignId, long orgUnitId, String orgUnitName,
        RespondentCategory category, boolean used) {
}
