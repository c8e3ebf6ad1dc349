package org.jixiao.api.questionnaire;

/** A free-text answer, shown to the city only, grouped by unit and in random order. */
public record FreeText(long orgUnitId, String orgUnitName, String itemKey, String itemText, String text) {
}
