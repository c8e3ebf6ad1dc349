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
 * @param from the first day the node can fall due, such as the day its policy was issued; null for no limit
 * @param oneTime a one-time node (a database built, a team set up): it falls due only the first time its day comes
 *             on or after {@code from}, and is behind the units from then on; needs {@code from}
 */
public record MilestoneDefinition(String id, String nameKey, MonthDay due, String clause, LocalDate from,
        boolean oneTime) {

    public MilestoneDefinition {
        Objects.requireNonNull(id);
        Objects.requireNonNull(nameKey);
        Objects.requireNonNull(due);
        Objects.requireNonNull(clause);
        if (oneTime && from == null) {
            throw new IllegalArgumentException(id + ": a one-time node names the day from which it counts");
        }
    }

    /** A yearly node, due on its day every year. */
    public MilestoneDefinition(String id, String nameKey, MonthDay due, String clause) {
        this(id, nameKey, due, clause, null, false);
    }

    /** The same node, falling due on or after {@code day} only (the day its policy was issued, say). */
    public MilestoneDefinition from(LocalDate day) {
        return new MilestoneDefinition(id, nameKey, due, clause, day, oneTime);
    }

    /** The same node, due once: in the first year its day comes on or after {@link #from()}. */
    public MilestoneDefinition once() {
        return new MilestoneDefinition(id, nameKey, due, clause, from, true);
    }

    /** The default day in {@code year}. */
    public LocalDate dueIn(int year) {
        return due.atYear(year);
    }

    /**
     * Whether the node falls due in {@code year} on its default day: not before {@link #from()}, and for a
     * one-time node only in its year.
     */
    public boolean fallsDueIn(int year) {
        if (from == null) {
            return true;
        }
        boolean reached = !dueIn(year).isBefore(from);
        return oneTime ? reached && dueIn(year - 1).isBefore(from) : reached;
    }
}
