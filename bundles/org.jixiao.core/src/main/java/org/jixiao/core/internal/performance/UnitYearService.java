package org.jixiao.core.internal.performance;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.jixiao.api.federation.Outbox;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.performance.PerformanceCycle;
import org.jixiao.api.store.Store;

/**
 * What every service working on evaluated units in a performance year (targets, time nodes, manual indicators,
 * tracking, self-assessment, questionnaires) holds: the store, the org units, the cycle, the scope checks made from
 * them and the clock that tells "today". Kept in one place so that each service is wired and checked alike; the
 * components still take their references in their own {@code @Activate} constructors.
 */
public abstract class UnitYearService {

    protected final Store store;
    protected final OrgUnitService orgUnits;
    protected final PerformanceCycle cycle;
    protected final UnitYearScope scope;
    protected final Clock clock;
    // Serialises this node's writes, so that a state check and the change it guards cannot interleave.
    protected final Object writeLock = new Object();
    /** The federation's outbox on a county or city node; none on a standalone node. */
    private final AtomicReference<Outbox> outbox = new AtomicReference<>();

    protected UnitYearService(Store store, OrgUnitService orgUnits, PerformanceCycle cycle, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.orgUnits = Objects.requireNonNull(orgUnits, "orgUnits");
        this.cycle = Objects.requireNonNull(cycle, "cycle");
        this.scope = new UnitYearScope(orgUnits, cycle);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Bound on a county or city node only (the federation registers its outbox there); every subclass inherits it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, unbind = "unsetOutbox")
    public void setOutbox(Outbox o) {
        outbox.set(o);
    }

    public void unsetOutbox(Outbox o) {
        outbox.compareAndSet(o, null);
    }

    /**
     * The write hook of the federation: on a county or city node, queues the row with this key as it now stands for
     * the other nodes (each outbox takes only the tables its node owns), in the caller's transaction; elsewhere nothing. Call it after the row is written.
     */
    protected void replicate(Connection c, String table, Map<String, ?> key) throws SQLException {
        Outbox.rowChanged(outbox.get(), c, table, key);
    }

    /**
     * Refuses a change of {@code table} on a node that holds its rows only as copies of the city's (a county node):
     * the city changes them, and the change reaches the county.
     */
    protected void requireOwned(String table) {
        if (Outbox.isCopy(outbox.get(), table)) {
            throw org.jixiao.api.ValidationException.of("year", "federation.cityOwned");
        }
    }

    /**
     * The clock of a running node. Its zone decides which calendar day "today" is; the node runs with
     * -Duser.timezone (Asia/Shanghai).
     */
    protected static Clock nodeClock() {
        return Clock.systemDefaultZone();
    }

    /** The units whose records make up {@code unit}'s actuals, as the evaluation sums them. */
    protected List<Long> counted(OrgUnit unit) {
        return Actuals.counted(unit, orgUnits.subtree(orgUnits.root().id()));
    }
}
