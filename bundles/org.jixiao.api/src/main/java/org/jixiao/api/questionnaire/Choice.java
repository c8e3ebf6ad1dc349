package org.jixiao.api.questionnaire;

import java.math.BigDecimal;

/**
 * A level of a rating scale or an option of a single choice.
 *
 * @param points 0–100: what choosing it scores
 * @param labelEn optional
 */
public record Choice(String labelZh, String labelEn, BigDecimal points) {
}
