package org.jixiao.api.performance;

import java.time.Instant;

/**
 * An indicator no key project records, answered by hand with a value and evidence files. Two kinds:
 * <ul>
 * <li>a <b>city</b> indicator, defined by the city for a year; it joins the target table of every evaluated
 * unit as the indicator {@link #ref()} (project {@value #CITY_PROJECT_ID}), with {@link #rule()} as its
 * default target, and counts in the comprehensive evaluation like a project's;</li>
 * <li>a <b>local</b> indicator, defined by an evaluated unit (a county) for its own use: {@link #rule()} is
 * the county's own target; it is tracked on the county's pages and never reaches the city's targets or
 * evaluation.</li>
 * </ul>
 *
 * @param ownerOrgUnitId the city (root unit) for a city indicator, the county for a local one
 * @param name in the reader's language: the English name when there is one and English was asked for
 * @param withdrawnAt set when withdrawn; a withdrawn indicator keeps its answers and files but is not counted
 */
public record ManualIndicator(long id, int year, long ownerOrgUnitId, boolean local, String name, String nameZh,
        String nameEn, String unit, String unitZh, String unitEn, String clause, TargetRule rule, Instant createdAt,
        String createdBy, Instant withdrawnAt) {

    /** The project id under which city indicators join the target tables and the evaluation. */
    public static final String CITY_PROJECT_ID = "city";

    /** The indicator id of a city indicator inside {@value #CITY_PROJECT_ID}: {@code m<id>}. */
    public static String indicatorId(long id) {
        return "m" + id;
    }

    /** The manual indicator id inside an indicator id made by {@link #indicatorId}; -1 when it is not one. */
    public static long parseIndicatorId(String indicatorId) {
        if (indicatorId == null || indicatorId.length() < 2 || indicatorId.length() > 19
                || indicatorId.charAt(0) != 'm') {
            return -1;
        }
        for (int i = 1; i < indicatorId.length(); i++) {
            if (indicatorId.charAt(i) < '0' || indicatorId.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(indicatorId.substring(1));
    }

    /** How the indicator is named in target tables; only city indicators are there. */
    public IndicatorRef ref() {
        return new IndicatorRef(CITY_PROJECT_ID, indicatorId(id));
    }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }
}
