package org.jixiao.api.project;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jixiao.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Each indicator's figure per evaluated unit as it stood at each month's end (while a month runs, its latest
 * recording): the trend a dashboard draws, whose cost does not grow with the records behind it.
 *
 * @since 1.6
 */
@ProviderType
public interface IndicatorHistory {

    /**
     * The months of {@code year} recorded so far for the unit, per indicator ({@code project:indicator}), in month
     * order.
     *
     * @throws org.jixiao.api.AccessDeniedException when the unit is outside the actor's subtree
     * @throws org.jixiao.api.NotFoundException when there is no such unit
     */
    Map<String, List<MonthFigure>> months(Actor actor, int year, long orgUnitId);

    /**
     * @param month  1 to 12
     * @param actual null when the project could not compute it then
     * @param target null when there was nothing to judge against
     */
    record MonthFigure(int month, BigDecimal actual, BigDecimal target) {
    }
}
