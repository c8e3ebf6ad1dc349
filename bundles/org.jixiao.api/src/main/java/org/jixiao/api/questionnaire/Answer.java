package org.jixiao.api.questionnaire;

/**
 * One answer of a response.
 *
 * @param itemKey {@link Item#key()}
 * @param choice the chosen level or option, from 1, for scored items; null for TEXT
 * @param text for TEXT items; at most {@link QuestionnaireService#TEXT_MAX}
 */
public record Answer(String itemKey, Integer choice, String text) {
}
