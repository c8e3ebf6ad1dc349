package org.jixiao.api.performance;

import java.time.LocalDate;
import java.util.List;

import org.jixiao.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Tracking (跟踪管理, POLICY.md §1): the city follows each evaluated unit's progress through the year, records the
 * problems it finds, has them analysed and rectified, and corrects the projects' operating procedures, keeping
 * every version ("process control"). Problems are read by everybody whose scope covers the unit; every change is
 * audited ({@code problem.record}, {@code problem.update}, {@code problem.rectified}, {@code problem.close},
 * {@code problem.reopen}, {@code procedure.revise}). Checks are made before anything is written.
 */
@ProviderType
public interface TrackingService {

    /** Longest title, in UTF-16 units. */
    int TITLE_MAX = 200;
    /** Longest description, analysis, measure and evidence. */
    int TEXT_MAX = 2000;
    /** Longest owner. */
    int OWNER_MAX = 100;
    /** Longest reason (reopening, procedure revision). */
    int REASON_MAX = 500;
    /** Longest procedure text. */
    int PROCEDURE_MAX = 4000;

    /**
     * The problems of the year, of one unit or (null) of every evaluated unit in the actor's scope; pending ones
     * first, then by due day and id.
     *
     * @throws org.jixiao.api.NotFoundException when the unit is out of scope or not evaluated, or the year is not
     *         open
     */
    List<Problem> problems(Actor actor, int year, Long orgUnitId);

    /**
     * Records a problem, {@link Problem.State#OPEN}. By the city (a user of the root unit with any role but
     * {@link org.jixiao.api.Role#VIEWER}) or by staff and admins of the unit.
     *
     * @param projectId an active key project, or null for the unit's work in general
     * @param owner optional
     * @param dueOn optional; not before the year
     * @throws org.jixiao.api.AccessDeniedException when the actor may not write
     * @throws org.jixiao.api.NotFoundException as {@link #problems}
     * @throws org.jixiao.api.ValidationException {@code title}, {@code description} missing or too long,
     *         {@code owner} too long, {@code dueOn} before the year, {@code projectId} unknown; nothing written
     */
    Problem record(Actor actor, int year, long orgUnitId, String projectId, String title, String description,
            String owner, LocalDate dueOn);

    /**
     * Replaces the analysis, measure, owner and due day of a pending problem; with a measure an OPEN problem
     * becomes {@link Problem.State#RECTIFYING}. Who may record may update.
     *
     * @throws org.jixiao.api.NotFoundException unknown problem or out of scope
     * @throws org.jixiao.api.ValidationException too long, bad day, or not pending ({@code state})
     */
    Problem update(Actor actor, long problemId, String analysis, String measure, String owner, LocalDate dueOn);

    /**
     * Marks a pending problem {@link Problem.State#RECTIFIED}, with the evidence. Staff and admins of the unit, or
     * the city as for {@link #record}.
     *
     * @throws org.jixiao.api.ValidationException evidence missing or too long, or not pending ({@code state})
     */
    Problem rectified(Actor actor, long problemId, String evidence);

    /**
     * Closes a rectified problem: the city accepts the rectification. Only an ADMIN or ASSESSOR of the root unit.
     *
     * @throws org.jixiao.api.ValidationException not rectified ({@code state})
     */
    Problem close(Actor actor, long problemId);

    /**
     * Sends a rectified or closed problem back to {@link Problem.State#RECTIFYING}, with the reason. Only an ADMIN
     * or ASSESSOR of the root unit.
     *
     * @throws org.jixiao.api.ValidationException reason missing or too long, or still pending ({@code state})
     */
    Problem reopen(Actor actor, long problemId, String reason);

    /** Every version of a project's corrected procedure, newest first; empty when never revised. */
    List<ProcedureNote> procedure(String projectId);

    /**
     * Keeps a new version of a project's procedure. Only an ADMIN or TARGET_SETTER of the root unit.
     *
     * @param problemId the problem that led to it, or null; when given it must exist and concern this project or
     *        the unit's work in general
     * @throws org.jixiao.api.ValidationException project not active ({@code projectId}), text or reason missing or
     *         too long, unknown problem ({@code problemId}); nothing written
     */
    ProcedureNote reviseProcedure(Actor actor, String projectId, String text, String reason, Long problemId);

    /**
     * Each target of the unit's table through the year: the actual as of each month's end up to today, from the
     * projects' {@link org.jixiao.api.project.KeyProject#actualsAsOf}, summed over the unit as the evaluation sums
     * it, with its completion.
     *
     * @throws org.jixiao.api.NotFoundException as {@link #problems}
     */
    List<MonthlyProgress> progress(Actor actor, int year, long orgUnitId);
}
