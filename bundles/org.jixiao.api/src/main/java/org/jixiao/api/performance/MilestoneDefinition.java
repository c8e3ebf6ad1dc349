package org.jixiao.api.performance;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;

/**
 * A time node (时间节点) a key project declares: something each evaluated unit must have done by a day of the
 * year, e.g. the youth database built by 31 May. The city may move the day for a year; the project's day is
 * the default.
 *
 * @param id stable within the project, e.g. {@code youth.database.built}; at most 100 characters
 * @param nameKey message key of its name in the project's resource bundle
 * @param due the default day in every year (29 February falls on the 28th in other years)
 * @param clause the policy clause it comes from, e.g. {@code 附件2 第1项}; shown beside the time node
 */
public record MilestoneDefinition(String id, String nameKey, MonthDay due, String clause) {

    public MilestoneDefinition {
        Objects.requireNonNull(id);
        Objects.requireNonNull(nameKey);
        Objects.requireNonNull(due);
        Objects.requireNonNull(clause);
    }

    /** The default day in {@code year}. */
    public LocalDate dueIn(int year) {
        return due.atYear(year);
    }
}
