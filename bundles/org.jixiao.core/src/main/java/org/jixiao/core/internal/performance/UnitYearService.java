package org.jixiao.core.internal.performance;

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

    protected UnitYearService(Store store, OrgUnitService orgUnits, PerformanceCycle cycle, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.orgUnits = Objects.requireNonNull(orgUnits, "orgUnits");
        this.cycle = Objects.requireNonNull(cycle, "cycle");
        this.scope = new UnitYearScope(orgUnits, cycle);
        this.clock = Objects.requireNonNull(clock, "clock");
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
