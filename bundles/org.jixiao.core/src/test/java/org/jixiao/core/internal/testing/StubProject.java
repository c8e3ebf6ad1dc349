package org.jixiao.core.internal.testing;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.jixiao.api.performance.MilestoneDefinition;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.web.WebHandler;

/**
 * A key project made of what a test gives it: its messages, indicators and time nodes, and actuals from a map the
 * test fills in. Each part can be made to throw, as a broken project's would, so that a service's tests can check
 * that one broken project does not take the others down.
 */
public class StubProject implements KeyProject {

    private final String id;
    private final Map<String, String> messages;
    private final List<IndicatorDefinition> indicators;
    /** year → unit → indicator → actual */
    private final Map<Integer, Map<Long, Map<String, BigDecimal>>> actuals = new HashMap<>();
    public volatile List<MilestoneDefinition> milestones = List.of();
    public volatile boolean indicatorsFailing;
    public volatile boolean milestonesFailing;
    public volatile boolean actualsFailing;
    /** How often {@link #actuals} was asked, to check that a caller batches its questions. */
    public int actualsCalls;

    public StubProject(String id, Map<String, String> messages, List<IndicatorDefinition> indicators) {
        this.id = id;
        this.messages = Map.copyOf(messages);
        this.indicators = List.copyOf(indicators);
    }

    public void actual(int year, long unit, String indicator, String value) {
        put(actuals, year, unit, indicator, value);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ResourceBundle messages(Locale locale) {
        Object[][] contents = messages.entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue()})
                .toArray(Object[][]::new);
        return new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return contents;
            }
        };
    }

    @Override
    public List<IndicatorDefinition> indicators() {
        if (indicatorsFailing) {
            throw new IllegalStateException(id + " project cannot list its indicators");
        }
        return indicators;
    }

    @Override
    public List<MilestoneDefinition> milestones() {
        if (milestonesFailing) {
            throw new IllegalStateException(id + " project cannot list its time nodes");
        }
        return milestones;
    }

    @Override
    public Map<Long, Map<String, BigDecimal>> actuals(Collection<Long> orgUnitIds, int year) {
        actualsCalls++;
        if (actualsFailing) {
            throw new IllegalStateException(id + " project cannot compute its actuals");
        }
        return select(actuals.getOrDefault(year, Map.of()), orgUnitIds);
    }

    @Override
    public WebHandler web() {
        return null;
    }

    /** {@code base} and {@code more} in one map, for a project that adds to another's messages. */
    protected static Map<String, String> with(Map<String, String> base, Map<String, String> more) {
        Map<String, String> out = new HashMap<>(base);
        out.putAll(more);
        return out;
    }

    /** Files {@code value} under {@code key} → unit → indicator. */
    protected static <K> void put(Map<K, Map<Long, Map<String, BigDecimal>>> byKey, K key, long unit,
            String indicator, String value) {
        byKey.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(unit, u -> new HashMap<>())
                .put(indicator, new BigDecimal(value));
    }

    /** The actuals of the units asked for that have any, as copies the caller cannot change. */
    protected static Map<Long, Map<String, BigDecimal>> select(Map<Long, Map<String, BigDecimal>> byUnit,
            Collection<Long> orgUnitIds) {
        Map<Long, Map<String, BigDecimal>> out = new HashMap<>();
        for (Long unit : orgUnitIds) {
            if (byUnit.containsKey(unit)) {
                out.put(unit, Map.copyOf(byUnit.get(unit)));
            }
        }
        return out;
    }
}
