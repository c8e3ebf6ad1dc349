package org.jixiao.api.performance;

import java.time.LocalDate;
import java.util.List;

import org.jixiao.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The time nodes (时间节点) of each evaluated unit and year: those every active key project declares
 * ({@link org.jixiao.api.project.KeyProject#milestones()}), on the project's default day unless the city
 * moved it for the year. Units mark them done with a day and evidence; the comprehensive evaluation counts
 * how many were done on time. Every change is audited ({@code milestone.due}, {@code milestone.done}).
 */
@ProviderType
public interface MilestoneService {

    /**
     * The unit's time nodes of the year, ordered by day, each with its state today.
     *
     * @throws org.jixiao.api.NotFoundException when the unit is out of the actor's scope or not evaluated, or
     *         the year is not open
     */
    List<Milestone> milestones(Actor actor, int year, long orgUnitId);

    /**
     * Moves a time node's day for the year, for every unit. Only an admin or a
     * {@link org.jixiao.api.Role#TARGET_SETTER} of the root unit (the city). Setting the project's default day
     * again keeps it explicit (and audited) but shows as not adjusted.
     *
     * @param due a day within {@code year}
     * @throws org.jixiao.api.AccessDeniedException when the actor is not at the city or lacks the role
     * @throws org.jixiao.api.NotFoundException when the year is not open
     * @throws org.jixiao.api.ValidationException unknown time node, missing day or a day outside the year
     *         (nothing written)
     */
    void setDue(Actor actor, int year, String projectId, String milestoneId, LocalDate due);

    /**
     * Marks a time node of a unit done. Staff or admins whose scope covers the unit. Marking again replaces the
     * day and evidence; every marking stays in the {@link #history history}.
     *
     * @param doneOn not in the future, within {@code year} or up to 31 January of the next year
     * @param evidence required, at most 1000 characters: what shows it was done, as text or a link
     * @throws org.jixiao.api.AccessDeniedException when the actor may not write
     * @throws org.jixiao.api.NotFoundException when the unit is out of scope or not evaluated, or the year is not
     *         open
     * @throws org.jixiao.api.ValidationException unknown time node, bad day or evidence (nothing written)
     */
    Milestone markDone(Actor actor, int year, long orgUnitId, String projectId, String milestoneId, LocalDate doneOn,
            String evidence);

    /**
     * Every marking of one time node of a unit, newest first.
     *
     * @throws org.jixiao.api.NotFoundException as {@link #milestones}
     */
    List<MilestoneMark> history(Actor actor, int year, long orgUnitId, String projectId, String milestoneId);

    /**
     * Every time node overdue on {@code today} of every evaluated unit in the actor's scope, earliest day first:
     * what the home page warns about. Empty when the year is not open.
     */
    List<Milestone> overdue(Actor actor, int year, LocalDate today);

    /**
     * How the unit kept its time nodes of the year as of {@code asOf}; for the comprehensive evaluation, which
     * reads every unit whoever runs it.
     *
     * @throws org.jixiao.api.NotFoundException when the unit does not exist
     */
    MilestoneTimeliness timeliness(int year, long orgUnitId, LocalDate asOf);
}
