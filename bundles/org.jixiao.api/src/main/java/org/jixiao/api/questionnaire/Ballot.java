package org.jixiao.api.questionnaire;

import java.time.LocalDate;

/**
 * What a respondent sees after opening a valid code: the questionnaire and the unit to rate. No answers.
 *
 * @param closes the last day answers are accepted
 */
public record Ballot(String code, Questionnaire questionnaire, String orgUnitName, RespondentCategory category,
        String campaignName, LocalDate closes) {
}
