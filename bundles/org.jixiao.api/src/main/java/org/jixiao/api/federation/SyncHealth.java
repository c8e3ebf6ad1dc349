package org.jixiao.api.federation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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

    /**
     * The city's view of one county, for its status page.
     *
     * @param behind   the changes the county still held behind its last one applied here (its backlog as last heard);
     *                 null before the first
     * @param waiting  changes arrived at the city and not yet applied
     * @param lag      how long its last applied change took from its commit at the county to its arrival; null before
     *                 the first
     * @param refusals its latest refused changes, newest first
     * @since 1.1
     */
    record CountyStatus(String user, String unit, long lastSeq, Instant lastAt, Duration lag, Long behind,
            long waiting, long applied, long duplicates, long refused, List<Refusal> refusals) {
        public CountyStatus {
            refusals = List.copyOf(refusals);
        }
    }

    /**
     * A change the city refused.
     *
     * @param reason a key of the reason ({@code otherNode}, {@code outsideCounty}, {@code heldOutside},
     *               {@code unitUnknown}, {@code unknownKind}, {@code unknownTable}; {@code unapplied} for a change kept
     *               aside because it cannot be written here, its database error in {@code detail}), which a page
     *               translates
     * @param detail the unit, node or kind the reason names
     * @param target what the change was about: {@code project/register:id} or {@code table:key}
     * @since 1.1
     */
    record Refusal(long seq, String reason, String detail, String target, Instant at) {
    }

    /**
     * The city: every county it lists, with what it received from each; a county: none.
     *
     * @since 1.1
     */
    default List<CountyStatus> counties() {
        return List.of();
    }
}
