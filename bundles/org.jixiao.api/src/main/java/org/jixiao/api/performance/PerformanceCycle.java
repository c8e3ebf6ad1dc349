package org.jixiao.api.performance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jixiao.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The yearly cycle. Only an admin of the root unit (the city) opens a year, sets its windows and moves it on;
 * every change is audited.
 */
@ProviderType
public interface PerformanceCycle {

    List<PerformanceYear> years();

    Optional<PerformanceYear> year(int year);

    /**
     * Opens a year at {@link Step#TARGET_SETTING} with default windows (target setting in the first quarter,
     * self-assessment in December, evaluations in the following January).
     *
     * @throws org.jixiao.api.ValidationException when the year exists or is out of range
     */
    PerformanceYear open(Actor actor, int year);

    PerformanceYear setWindow(Actor actor, int year, Step step, LocalDate opens, LocalDate closes);

    /**
     * Moves the year to its next step. Leaving target setting before the year's targets were approved is refused
     * with {@code cycle.targets.unapproved}: it needs {@link #advance(Actor, int, String)} with a reason.
     */
    PerformanceYear advance(Actor actor, int year);

    /**
     * Moves the year to its next step, confirming with {@code reason} (audited) a move that skips something, such as
     * leaving target setting with the targets never approved.
     *
     * @since 1.4
     */
    default PerformanceYear advance(Actor actor, int year, String reason) {
        return advance(actor, year);
    }

    /** Moves a year back to an earlier step; needs a reason, which is audited. */
    PerformanceYear reopen(Actor actor, int year, Step step, String reason);

    /**
     * Whether work of {@code step} may be done in {@code year} on {@code day}: empty when it may, else why not
     * (the year is not open, stands at another step, the window is closed).
     */
    Optional<Lock> lock(int year, Step step, LocalDate day);
}
