package org.jixiao.core.internal.tracking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.web.WebHandler;

/**
 * A tiny key project with two absolute indicators (≥200 people trained, ≥400 loans) whose actuals come from a map
 * the test fills in, and a registry holding it (a copy of the self-assessment tests' helper). Month-end actuals
 * come from a second map keyed by the day asked for; a day not in it is unknown (an empty map).
 */
final class TestProject implements KeyProject {

    static final String ID = "demo";
    static final String TRAINED = "trained";
    static final String LOANS = "loans";

    /** year → unit → indicator → actual */
    final Map<Integer, Map<Long, Map<String, BigDecimal>>> actuals = new HashMap<>();
    volatile boolean actualsFailing;
    /** as-of day → unit → indicator → actual */
    final Map<LocalDate, Map<Long, Map<String, BigDecimal>>> asOf = new HashMap<>();
    final List<LocalDate> asked = new ArrayList<>();

    void actualAsOf(LocalDate day, long unit, String indicator, String value) {
        asOf.computeIfAbsent(day, d -> new HashMap<>()).computeIfAbsent(unit, u -> new HashMap<>())
                .put(indicator, new BigDecimal(value));
    }

    @Override
    public Map<Long, Map<String, BigDecimal>> actualsAsOf(Collection<Long> orgUnitIds, int year, LocalDate day) {
        asked.add(day);
        if (actualsFailing) {
            throw new IllegalStateException("demo project cannot compute its actuals");
        }
        Map<Long, Map<String, BigDecimal>> of = asOf.get(day);
        if (of == null) {
            return Map.of();
        }
        Map<Long, Map<String, BigDecimal>> out = new HashMap<>();
        for (Long unit : orgUnitIds) {
            if (of.containsKey(unit)) {
                out.put(unit, Map.copyOf(of.get(unit)));
            }
        }
        return out;
    }

    void actual(int year, long unit, String indicator, String value) {
        actuals.computeIfAbsent(year, y -> new HashMap<>()).computeIfAbsent(unit, u -> new HashMap<>())
                .put(indicator, new BigDecimal(value));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ResourceBundle messages(Locale locale) {
        return new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {
                    {"project.name", "示范项目"},
                    {"indicator.trained", "培训青年"},
                    {"indicator.loans", "小额贷款"},
                    {"unit.person", "人"},
                    {"unit.loan", "笔"},
                };
            }
        };
    }

    @Override
    public List<IndicatorDefinition> indicators() {
        return List.of(
                new IndicatorDefinition(TRAINED, "indicator.trained", "unit.person", Comparison.AT_LEAST,
                        BigDecimal.valueOf(200), "附件2 第4项"),
                new IndicatorDefinition(LOANS, "indicator.loans", "unit.loan", Comparison.AT_LEAST,
                        BigDecimal.valueOf(400), "附件2 第7项"));
    }

    @Override
    public Map<Long, Map<String, BigDecimal>> actuals(Collection<Long> orgUnitIds, int year) {
        if (actualsFailing) {
            throw new IllegalStateException("demo project cannot compute its actuals");
        }
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
