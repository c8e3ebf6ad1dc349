package org.jixiao.api.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.jixiao.api.performance.MilestoneDefinition;
import org.jixiao.api.web.WebHandler;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A key project (重點項目), contributed by its own bundle. The core discovers every registered KeyProject,
 * applies its migrations, shows its indicators and routes {@code /p/<id>/…} and {@code /api/v1/p/<id>/…}
 * to its {@link #web() handler}. Removing the bundle removes the pages; its tables and records stay.
 */
@ConsumerType
public interface KeyProject {

    /** Service property carrying {@link #id()}, so the core can match a service to a bundle cheaply. */
    String PROPERTY_ID = "jixiao.project.id";

    /**
     * Manifest header naming the project id; lets the core report a project bundle whose component failed
     * to activate, which registers no service to look at.
     */
    String BUNDLE_HEADER = "Jixiao-Project";

    /** Where migrations live inside the bundle: {@code V<n>__<what>.sql} files, applied in order. */
    String MIGRATIONS_PATH = "/db/migration";

    /** Lower-case letters and digits, stable forever: it names URLs, tables' owner and targets. */
    String id();

    /** The project's messages ({@code i18n/messages*.properties} in its bundle, UTF-8). */
    default ResourceBundle messages(Locale locale) {
        return ResourceBundle.getBundle("i18n.messages", locale, getClass().getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The localised name, message {@code project.name}. */
    default String name(Locale locale) {
        return messages(locale).getString("project.name");
    }

    List<IndicatorDefinition> indicators();

    /**
     * The indicators that apply in {@code year}. The core always asks with a year; a project whose indicators
     * change from one year to the next (a revised policy, indicators defined by the city) overrides this. By
     * default the same every year: {@link #indicators()}.
     *
     * @since 1.4
     */
    default List<IndicatorDefinition> indicators(int year) {
        return indicators();
    }

    /**
     * The project's time nodes (时间节点): what each evaluated unit must have done by a day of the year, e.g. the
     * youth database built by 31 May, with the policy clause each comes from. The city may move a day for a
     * year; units mark each node done with the day and evidence, and the comprehensive evaluation counts how
     * many were done on time. Ids are stable forever (they name stored records) and at most 100 characters.
     * None by default; a project with time nodes overrides this.
     */
    default List<MilestoneDefinition> milestones() {
        return List.of();
    }

    /**
     * The live actual value of every indicator for each of {@code orgUnitIds} in {@code year}, computed from
     * the project's records. Units with no records may be absent or map to zero.
     */
    Map<Long, Map<String, BigDecimal>> actuals(Collection<Long> orgUnitIds, int year);

    /**
     * The actual value of every indicator for each of {@code orgUnitIds} in {@code year} as it stood at the end of
     * {@code asOf}, for tracking the year month by month. A project that can tell overrides this; by default only
     * the year-end figure is known: {@link #actuals} once {@code asOf} is 31 December of {@code year} or later,
     * and an empty map (unknown) before.
     *
     * @since 1.3
     */
    default Map<Long, Map<String, BigDecimal>> actualsAsOf(Collection<Long> orgUnitIds, int year, LocalDate asOf) {
        return asOf.getYear() > year || asOf.equals(LocalDate.of(year, 12, 31)) ? actuals(orgUnitIds, year) : Map.of();
    }

    /** The project's pages and JSON endpoints. */
    WebHandler web();

    /**
     * The project's registers, served by the register engine ({@link org.jixiao.api.register.RegisterService}):
     * a project built on the engine returns them here and {@code engine.web(this, custom)} from {@link #web()}.
     * None by default.
     *
     * @since 1.5
     */
    default List<org.jixiao.api.register.RegisterDefinition> registers() {
        return List.of();
    }

    /**
     * Roles the project adds, granted on the users page like the core's. None by default.
     *
     * @since 1.5
     */
    default List<ProjectRole> roles() {
        return List.of();
    }

    /**
     * Pages shown without a login at {@code /pub/<id>/…}, such as a public notice; null (the default) for none. The
     * request's actor is null there.
     *
     * @since 1.5
     */
    default WebHandler publicWeb() {
        return null;
    }
}
