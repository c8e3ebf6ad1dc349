package org.jixiao.api.performance;

import java.util.List;

import org.jixiao.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Targets per year, evaluated unit and indicator. Targets of the city's indicators are set by
 * {@link org.jixiao.api.Role#TARGET_SETTER}s of the city during {@link Step#TARGET_SETTING}, approved and
 * locked for the whole year by a {@link org.jixiao.api.Role#TARGET_APPROVER}; a change after the lock needs a
 * reason and keeps the history. Everybody reads the targets of the units in their scope.
 */
@ProviderType
public interface TargetService {

    /** @throws org.jixiao.api.NotFoundException when the unit is out of scope or the year not open */
    TargetTable table(Actor actor, int year, long orgUnitId);

    /**
     * Sets one target.
     *
     * @param reason required once the year's table is approved, otherwise optional
     * @throws org.jixiao.api.ValidationException bad value, unknown indicator, missing reason, step closed
     */
    Target set(Actor actor, int year, long orgUnitId, IndicatorRef indicator, TargetRule rule, String reason);

    /** Approves and locks the year's targets of every unit. */
    void approve(Actor actor, int year);

    List<TargetChange> history(Actor actor, int year, long orgUnitId, IndicatorRef indicator);

    /**
     * When the year's targets were approved, or null while they are not (also for a year that moved on without
     * approval, which its page says).
     *
     * @since 1.4
     */
    default java.time.Instant approvedAt(int year) {
        return null;
    }
}
