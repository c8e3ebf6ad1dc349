package org.jixiao.core.internal.manual;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

import org.jixiao.api.NotFoundException;
import org.jixiao.api.performance.ManualIndicator;
import org.jixiao.api.performance.PerformanceCycle;
import org.jixiao.api.performance.PerformanceYear;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.store.Store;
import org.jixiao.api.web.WebHandler;
import org.jixiao.api.web.WebResult;
import org.jixiao.core.internal.performance.Actuals;
import org.jixiao.core.internal.schema.CoreSchema;
import org.osgi.annotation.bundle.Header;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The city's manual indicators as a key project of their own ({@value ManualIndicator#CITY_PROJECT_ID}), so that
 * they reach the target tables, tracking, self-assessment and the comprehensive evaluation along the same path
 * as every project's indicators. The indicators differ from year to year; the actual of a unit is its answer.
 */
@Header(name = KeyProject.BUNDLE_HEADER, value = ManualIndicator.CITY_PROJECT_ID)
@Component(service = KeyProject.class, immediate = true,
        property = KeyProject.PROPERTY_ID + "=" + ManualIndicator.CITY_PROJECT_ID)
public final class CityIndicators implements KeyProject {

    private final Store store;
    private final PerformanceCycle cycle;

    @Activate
    public CityIndicators(@Reference Store store, @Reference CoreSchema schema, @Reference PerformanceCycle cycle) {
        this.store = store;
        this.cycle = cycle;
    }

    @Override
    public String id() {
        return ManualIndicator.CITY_PROJECT_ID;
    }

    /** The current calendar year's; the core asks {@link #indicators(int)}. */
    @Override
    public List<IndicatorDefinition> indicators() {
        return indicators(LocalDate.now().getYear());
    }

    @Override
    public List<IndicatorDefinition> indicators(int year) {
        List<IndicatorDefinition> out = new ArrayList<>();
        for (ManualIndicator m : store.read(c -> ManualRepository.cityIndicators(c, year, Locale.ROOT))) {
            if (!m.withdrawn()) {
                String id = ManualIndicator.indicatorId(m.id());
                out.add(new IndicatorDefinition(id, id + ".name", id + ".unit", m.rule().comparison(),
                        m.rule().value(), m.clause() == null ? "" : m.clause(), m.rule().kind()));
            }
        }
        return out;
    }

    @Override
    public Map<Long, Map<String, BigDecimal>> actuals(Collection<Long> orgUnitIds, int year) {
        Set<Long> units = Set.copyOf(orgUnitIds);
        return store.read(c -> ManualRepository.cityActuals(c, year, units));
    }

    /** The project's own messages, with every city indicator's name and unit in the asked language. */
    @Override
    public ResourceBundle messages(Locale locale) {
        ResourceBundle own = ResourceBundle.getBundle("i18n.city", locale, getClass().getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> names = new HashMap<>();
        for (ManualIndicator m : store.read(c -> ManualRepository.cityIndicators(c, null, locale))) {
            String id = ManualIndicator.indicatorId(m.id());
            names.put(id + ".name", m.name());
            names.put(id + ".unit", m.unit());
        }
        return new ResourceBundle() {
            {
                setParent(own);
            }

            @Override
            protected Object handleGetObject(String key) {
                return names.get(key);
            }

            @Override
            public Enumeration<String> getKeys() {
                List<String> keys = new ArrayList<>(names.keySet());
                keys.addAll(own.keySet());
                return Collections.enumeration(keys);
            }
        };
    }

    /** The project page: a year's city indicators, with the way to define and answer them. */
    @Override
    public WebHandler web() {
        return request -> {
            if (!"/".equals(request.path()) || !"GET".equals(request.method()) || request.api()) {
                throw new NotFoundException(request.path());
            }
            List<PerformanceYear> years = cycle.years();
            if (years.isEmpty()) {
                return WebResult.page("city-indicators", Map.of("years", years));
            }
            int year = years.get(0).year();
            String asked = request.param("year");
            if (asked != null) {
                year = years.stream().filter(y -> String.valueOf(y.year()).equals(asked)).findFirst()
                        .orElseThrow(() -> new NotFoundException(request.path())).year();
            }
            int shown = year;
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("years", years);
            model.put("year", shown);
            model.put("indicators", store.read(c -> ManualRepository.cityIndicators(c, shown, request.locale())));
            model.put("ownUnitId", Actuals.EVALUATED.contains(request.actor().orgUnit().level())
                    ? request.actor().orgUnit().id() : null);
            return WebResult.page("city-indicators", model);
        };
    }
}
