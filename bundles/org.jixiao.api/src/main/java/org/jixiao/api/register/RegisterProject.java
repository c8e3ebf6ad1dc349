package org.jixiao.api.register;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jixiao.api.project.KeyProject;
import org.jixiao.api.web.WebHandler;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A key project built on the register engine. Every such project is wired to the core the same way: a fixed id, its
 * registers, the engine's pages and JSON with the project's own pages beside them, and actuals as of a day of which
 * the year's are those of 31 December. That wiring lives here; a subclass declares its indicators and time nodes and
 * passes the rest to the constructor.
 *
 * <p>A subclass calls {@link #serve} once, at the end of its constructor, with its own pages.
 *
 * @since 1.4
 */
@ConsumerType
public abstract class RegisterProject implements KeyProject {

    private final String id;
    private final RegisterService engine;
    private final List<RegisterDefinition> registers;
    private WebHandler web;

    /**
     * @param id        the project's id, see {@link KeyProject#id()}
     * @param engine    the engine that serves the registers and keeps their running totals
     * @param registers the project's registers, in the order of its navigation
     */
    protected RegisterProject(String id, RegisterService engine, List<RegisterDefinition> registers) {
        this.id = id;
        this.engine = engine;
        this.registers = List.copyOf(registers);
    }

    /**
     * Serves the registers, and the paths they do not know from {@code custom}. The engine checks the definitions
     * here, so a project whose registers are wrong fails as it is built rather than on its first request.
     */
    protected final void serve(WebHandler custom) {
        this.web = engine.web(this, custom);
    }

    /** The engine, for the project's own code that reads and writes records as the pages do. */
    protected final RegisterService engine() {
        return engine;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final List<RegisterDefinition> registers() {
        return registers;
    }

    /** @throws IllegalStateException when the constructor did not call {@link #serve} */
    @Override
    public final WebHandler web() {
        if (web == null) {
            throw new IllegalStateException("project " + id + " serves no pages: its constructor must call serve");
        }
        return web;
    }

    /** The actuals as of 31 December of {@code year}. */
    @Override
    public Map<Long, Map<String, BigDecimal>> actuals(Collection<Long> orgUnitIds, int year) {
        return actualsAsOf(orgUnitIds, year, LocalDate.of(year, 12, 31));
    }

    /**
     * The registers' declared {@link Aggregate indicators}, from the engine's running totals. A project with
     * indicators of its own overrides this and merges them.
     */
    @Override
    public Map<Long, Map<String, BigDecimal>> actualsAsOf(Collection<Long> orgUnitIds, int year, LocalDate asOf) {
        return engine.actualsAsOf(this, orgUnitIds, year, asOf);
    }
}
