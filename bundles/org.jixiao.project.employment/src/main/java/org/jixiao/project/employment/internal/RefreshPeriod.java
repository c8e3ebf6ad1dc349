package org.jixiao.project.employment.internal;

import java.time.Month;

/**
 * The two refreshes a year of the youth database, each open for its whole month (policy: refreshed each March and
 * September); message keys {@code refresh.period.<NAME>}. Each fulfils its time node of {@link EmploymentProject}.
 */
enum RefreshPeriod {
    MARCH(Month.MARCH, EmploymentProject.MILESTONE_MARCH),
    SEPTEMBER(Month.SEPTEMBER, EmploymentProject.MILESTONE_SEPTEMBER);

    private final Month month;
    private final String milestoneId;

    RefreshPeriod(Month month, String milestoneId) {
        this.month = month;
        this.milestoneId = milestoneId;
    }

    Month month() {
        return month;
    }

    /** The time node a confirmation in this window fulfils. */
    String milestoneId() {
        return milestoneId;
    }
}
