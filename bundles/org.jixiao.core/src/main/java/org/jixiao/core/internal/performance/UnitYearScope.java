package org.jixiao.core.internal.performance;

import java.util.Objects;

import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.performance.PerformanceCycle;
import org.jixiao.api.performance.PerformanceYear;

/**
 * The scope checks of the services that work on one evaluated unit in one performance year (targets, time nodes,
 * manual indicators, tracking, self-assessment): kept in one place so that they answer alike, a 404 that reveals
 * nothing about what the actor may not see.
 */
public final class UnitYearScope {

    private final OrgUnitService orgUnits;
    private final PerformanceCycle cycle;

    public UnitYearScope(OrgUnitService orgUnits, PerformanceCycle cycle) {
        this.orgUnits = Objects.requireNonNull(orgUnits, "orgUnits");
        this.cycle = Objects.requireNonNull(cycle, "cycle");
    }

    /** The unit when the actor sees it and the policy evaluates it; 404 otherwise, revealing nothing. */
    public OrgUnit evaluatedUnit(Actor actor, long orgUnitId) {
        return orgUnits.findVisible(actor, orgUnitId).filter(u -> Actuals.EVALUATED.contains(u.level()))
                .orElseThrow(() -> new NotFoundException("orgUnit:" + orgUnitId));
    }

    /** The year once it has been opened; 404 before. */
    public PerformanceYear requireOpen(int year) {
        return cycle.year(year).orElseThrow(() -> new NotFoundException(PerformanceCycleImpl.target(year)));
    }

    /** The city: a user of the root unit, where departments set, approve, decide and assess. */
    public static boolean atRoot(Actor actor) {
        return actor != null && actor.orgUnit() != null && actor.orgUnit().parentId() == null;
    }
}
