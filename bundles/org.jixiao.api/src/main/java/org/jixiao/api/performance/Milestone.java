package org.jixiao.api.performance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One time node of one evaluated unit in one year: its day (the city's adjusted day, else the project's
 * default), and whether, when and with what evidence the unit did it.
 *
 * @param projectName the project's localised name
 * @param name the localised name of the time node
 * @param due the day it is due: the city's adjusted day for the year, else {@code defaultDue}
 * @param defaultDue the project's day in this year
 * @param dueSetBy who adjusted the day for the year; null while it is the default
 * @param dueSetAt when the day was adjusted; null while it is the default
 * @param doneOn the day it was done, as the unit reports it; null while not done
 * @param evidence what shows it was done (text or a link); null while not done
 * @param doneBy who marked it done last; null while not done
 * @param doneAt when it was marked done last; null while not done
 * @param state the state on the day the service read it (its "today")
 */
public record Milestone(int year, long orgUnitId, String projectId, String projectName, String milestoneId,
        String name, String clause, LocalDate due, LocalDate defaultDue, String dueSetBy, Instant dueSetAt,
        LocalDate doneOn, String evidence, String doneBy, Instant doneAt, State state) {

    /** Where a time node stands on a given day. */
    public enum State {
        /** Not done, and its day has not passed. */
        PENDING,
        /** Done on or before its day. */
        DONE,
        /** Done, but after its day. */
        DONE_LATE,
        /** Not done, and its day has passed. */
        OVERDUE
    }

    public Milestone {
        Objects.requireNonNull(projectId);
        Objects.requireNonNull(milestoneId);
        Objects.requireNonNull(due);
        Objects.requireNonNull(state);
    }

    /** The state on {@code day}: what {@link #state()} holds for the day it was read. */
    public State stateOn(LocalDate day) {
        return stateOf(due, doneOn, day);
    }

    /** True when the city moved the day away from the project's default. */
    public boolean adjusted() {
        return defaultDue != null && !defaultDue.equals(due);
    }

    /** {@code projectId:milestoneId}, unique within a year and unit. */
    public String key() {
        return projectId + ":" + milestoneId;
    }

    /**
     * The state of a time node due on {@code due} and done on {@code doneOn} (null: not done) as seen on
     * {@code day}. A node is overdue from the day after its day; a node done after {@code day} is not done yet.
     */
    public static State stateOf(LocalDate due, LocalDate doneOn, LocalDate day) {
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(day, "day");
        if (doneOn != null && !doneOn.isAfter(day)) {
            return doneOn.isAfter(due) ? State.DONE_LATE : State.DONE;
        }
        return day.isAfter(due) ? State.OVERDUE : State.PENDING;
    }
}
