package org.jixiao.api.testing;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.project.KeyProject;

/** A key project without indicators or actuals, for tests of everything else: its pages, registers and messages. */
public abstract class BareProject implements KeyProject {

    @Override
    public List<IndicatorDefinition> indicators() {
        return List.of();
    }

    @Override
    public Map<Long, Map<String, BigDecimal>> actuals(Collection<Long> orgUnitIds, int year) {
        return Map.of();
    }
}
