package org.jixiao.api.questionnaire;

/** How many codes (respondents) a campaign issues per evaluated unit for one category. */
public record CategoryQuota(RespondentCategory category, int quota) {
}
