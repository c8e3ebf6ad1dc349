package org.jixiao.api.performance;

import java.time.LocalDate;

/**
 * How a unit kept its time nodes of a year, as of a day: the input of the comprehensive evaluation.
 * {@code due == onTime + late + overdue} always holds.
 *
 * @param due time nodes whose day is on or before {@code asOf}
 * @param onTime of those, done on or before their day
 * @param late of those, done after their day (and on or before {@code asOf})
 * @param overdue of those, not done as of {@code asOf}
 */
public record MilestoneTimeliness(int year, long orgUnitId, LocalDate asOf, int due, int onTime, int late,
        int overdue) {
}
