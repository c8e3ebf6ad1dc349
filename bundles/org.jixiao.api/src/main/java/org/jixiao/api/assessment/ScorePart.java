package org.jixiao.api.assessment;

import java.math.BigDecimal;

/**
 * One part of a unit's score.
 *
 * @param part a stable key such as {@code indicators}, {@code timeliness}, {@code bonus}
 * @param weight the share of the total this part carries, in percent (0 for bonus points)
 * @param raw the part's own score, 0–100, or null when its input is missing
 * @param points what the part adds to the total
 * @param explanation how the points came about, in the module's words
 */
public record ScorePart(String part, BigDecimal weight, BigDecimal raw, BigDecimal points, String explanation) {
}
