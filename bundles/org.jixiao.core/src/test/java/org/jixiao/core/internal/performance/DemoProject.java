package org.jixiao.core.internal.performance;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.web.WebHandler;

/**
 * A tiny key project: one absolute indicator (≥200 people trained) and one baseline-relative one (≥ last year
 * + 10%), whose actuals come from a map the test fills in.
 */
final class DemoProject implements KeyProject {

    static final String ID = "demo";
    static final String TRAINED = "trained";
    static final String GROWTH = "growth";

    private final String id;
    /** year → unit → indicator → actual */
    final Map<Integer, Map<Long, Map<String, BigDecimal>>> actuals = new HashMap<>();
    volatile boolean failing;
    int actualsCalls;

    DemoProject() {
        this(ID);
    }

    DemoProject(String id) {
        this.id = id;
    }

    void actual(int year, long unit, String indicator, String value) {
        actuals.computeIfAbsent(year, y -> new HashMap<>()).computeIfAbsent(unit, u -> new HashMap<>())
                .put(indicator, new BigDecimal(value));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ResourceBundle messages(Locale locale) {
        return new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {
                    {"project.name", "示范项目"},
                    {"indicator.trained", "培训青年"},
                    {"indicator.growth", "增长"},
                    {"unit.person", "人"},
                    {"unit.percent", "%"},
                };
            }
        };
    }

    @Override
    public List<IndicatorDefinition> indicators() {
        if (failing) {
            throw new IllegalStateException("demo project is broken");
        }
        return List.of(
                new IndicatorDefinition(TRAINED, "indicator.trained", "unit.person", Comparison.AT_LEAST,
                        BigDecimal.valueOf(200), "附件2 第1项"),
                new IndicatorDefinition(GROWTH, "indicator.growth", "unit.percent", Comparison.AT_LEAST,
                        BigDecimal.valueOf(10), "附件3 第2项", TargetKind.BASELINE_RELATIVE));
    }

    @Override
    public Map<Long, Map<String, BigDecimal>> actuals(Collection<Long> orgUnitIds, int year) {
        actualsCalls++;
        Map<Long, Map<String, BigDecimal>> out = new HashMap<>();
        Map<Long, Map<String, BigDecimal>> ofYear = actuals.getOrDefault(year, Map.of());
        for (Long unit : orgUnitIds) {
            if (ofYear.containsKey(unit)) {
                out.put(unit, Map.copyOf(ofYear.get(unit)));
            }
        }
        return out;
    }

    @Override
    public WebHandler web() {
        return null;
    }
}
