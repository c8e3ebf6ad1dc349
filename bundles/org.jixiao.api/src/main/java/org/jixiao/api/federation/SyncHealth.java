package org.jixiao.api.federation;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where replication stands on this node, for the health report; provided by {@code org.jixiao.federation} on a county
 * or city node only.
 */
@ProviderType
public interface SyncHealth {

    /**
     * @param role    {@code county} or {@code city}
     * @param backlog a county: its changes the city does not hold yet (in its outbox and its broker); the city: 0
     * @param lag     a county: how long its oldest change still in the outbox has waited; the city: the longest time a
     *                county's last applied change took to arrive; null when there is none
     * @param refused the city: changes refused because they concerned what the sending county does not own
     */
    record Summary(String role, long backlog, Duration lag, long refused) {
    }

    Summary summary();
}
