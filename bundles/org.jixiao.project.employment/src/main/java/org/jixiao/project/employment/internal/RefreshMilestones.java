package org.jixiao.project.employment.internal;

import java.util.function.Supplier;

import org.jixiao.api.Actor;
import org.jixiao.api.performance.MilestoneService;

/**
 * Tells the core that a county's confirmation fulfilled its refresh time node ({@code youth.refresh.march} or
 * {@code youth.refresh.september}). The {@link org.jixiao.api.project.KeyProject} SPI has no way to report a time
 * node done, so this goes through the core's {@link MilestoneService}, as the county's user would on the time-node
 * page: marked done on the day of the confirmation, with the refresh page as evidence.
 */
@FunctionalInterface
interface RefreshMilestones {

    /** For tests and for a node without the core's time-node service: nothing is reported. */
    RefreshMilestones NONE = (actor, confirmation, evidence) -> false;

    /**
     * @return whether the time node was marked done
     * @throws RuntimeException when the core refuses (year not open, unit not evaluated); the caller keeps the
     *         confirmation, which stands on its own
     */
    boolean confirmed(Actor actor, RefreshConfirmation confirmation, String evidence);

    /** Through the core's service while one is bound; {@code service} may return null. */
    static RefreshMilestones through(Supplier<MilestoneService> service) {
        return (actor, confirmation, evidence) -> {
            MilestoneService milestones = service.get();
            if (milestones == null) {
                return false;
            }
            milestones.markDone(actor, confirmation.window().year(), confirmation.countyId(), EmploymentProject.ID,
                    confirmation.window().period().milestoneId(), confirmation.confirmedOn(), evidence);
            return true;
        };
    }
}
