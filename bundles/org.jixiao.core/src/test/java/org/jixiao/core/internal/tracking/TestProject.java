package org.jixiao.core.internal.tracking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.core.internal.testing.TrainingProject;

/**
 * The shared training project with month-end actuals: they come from a second map keyed by the day asked for; a
 * day not in it is unknown (an empty map). The days asked are kept, to check which months were read.
 */
final class TestProject extends TrainingProject {

    /** as-of day → unit → indicator → actual */
    private final Map<LocalDate, Map<Long, Map<String, BigDecimal>>> asOf = new HashMap<>();
    final List<LocalDate> asked = new ArrayList<>();

    void actualAsOf(LocalDate day, long unit, String indicator, String value) {
        put(asOf, day, unit, indicator, value);
    }

    @Override
    public Map<Long, Map<String, BigDecimal>> actualsAsOf(Collection<Long> orgUnitIds, int year, LocalDate day) {
        asked.add(day);
        if (actualsFailing) {
            throw new IllegalStateException("demo project cannot compute its actuals");
        }
        Map<Long, Map<String, BigDecimal>> of = asOf.get(day);
        return of == null ? Map.of() : select(of, orgUnitIds);
    }
}
