package org.jixiao.federation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where replication stands on this node. A county: its backlog (outbox entries not yet in its broker, and messages its
 * broker still holds for the city) and the age of the oldest. The city: per county, the last change applied, when it
 * came, how late (its commit at the county to its arrival), and what was applied, skipped as a duplicate or refused.
 */
public record SyncStatus(String role, int node, Backlog backlog, List<Sender> senders) {

    record Backlog(long outbox, long inBroker, Instant oldest) {
    }

    /** {@code behind}: the changes the county still held behind its last one applied here; null before any. */
    record Sender(String user, String unit, long lastSeq, Instant lastAt, Duration lag, long applied,
            long duplicates, long refused, Long behind) {
    }

    /** The few figures of the health report: no county's name, since the report needs no login. */
    org.jixiao.api.federation.SyncHealth.Summary summary(Instant now) {
        if (backlog != null) {
            return new org.jixiao.api.federation.SyncHealth.Summary(role, backlog.outbox() + backlog.inBroker(),
                    backlog.oldest() == null ? null : Duration.between(backlog.oldest(), now), 0);
        }
        return new org.jixiao.api.federation.SyncHealth.Summary(role, 0, senders.stream().map(Sender::lag)
                .filter(java.util.Objects::nonNull).max(Duration::compareTo).orElse(null),
                senders.stream().mapToLong(Sender::refused).sum());
    }

    public List<String> lines() {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        out.add("role " + role + (node > 0 ? ", node " + node : ""));
        if (backlog != null) {
            out.add("backlog: " + backlog.outbox() + " in the outbox, " + backlog.inBroker()
                    + " in the broker for the city" + (backlog.oldest() == null ? ""
                            : ", oldest written " + backlog.oldest()));
        }
        for (Sender s : senders) {
            out.add(s.user() + " (" + s.unit() + "): last " + s.lastSeq() + (s.lastAt() == null ? ""
                    : " at " + s.lastAt()) + (s.lag() == null ? "" : ", lag " + s.lag().toMillis() + " ms")
                    + (s.behind() == null ? "" : ", " + s.behind() + " more at the county then")
                    + ", applied " + s.applied() + ", duplicates " + s.duplicates() + ", refused " + s.refused());
        }
        return out;
    }
}
