package org.jixiao.core.internal.performance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;

/**
 * Which units the policy evaluates, and how a unit's actuals are made up from what projects report: the one
 * rule targets, time nodes, tracking, self-assessment and the evaluation all follow.
 */
public final class Actuals {

    /** The units the policy evaluates; the city and its departments are not among them. */
    public static final Set<OrgLevel> EVALUATED = EnumSet.copyOf(java.util.Arrays.stream(OrgLevel.values())
            .filter(OrgLevel::evaluated).toList());

    private Actuals() {
    }

    /**
     * The units whose records make up {@code unit}'s actuals: the unit and every unit below it, except what lies
     * under another evaluated unit, which is evaluated on its own. A project reports each unit's own records
     * only; the total over a subtree is the caller's sum.
     *
     * @param all the whole tree (or at least {@code unit}'s subtree)
     */
    public static List<Long> counted(OrgUnit unit, List<OrgUnit> all) {
        List<OrgUnit> nested = all.stream()
                .filter(u -> EVALUATED.contains(u.level()) && u.id() != unit.id() && unit.covers(u)).toList();
        List<Long> out = new ArrayList<>();
        for (OrgUnit u : all) {
            if (unit.covers(u) && nested.stream().noneMatch(n -> n.covers(u))) {
                out.add(u.id());
            }
        }
        return out;
    }

    /** A project's per-unit answer summed over {@code units}, by indicator id; nulls are skipped. */
    public static Map<String, BigDecimal> sum(Map<Long, Map<String, BigDecimal>> values, Collection<Long> units) {
        Map<String, BigDecimal> sum = new HashMap<>();
        for (Long id : units) {
            Map<String, BigDecimal> v = values.get(id);
            if (v != null) {
                v.forEach((indicator, x) -> {
                    if (indicator != null && x != null) {
                        sum.merge(indicator, x, BigDecimal::add);
                    }
                });
            }
        }
        return sum;
    }
}
