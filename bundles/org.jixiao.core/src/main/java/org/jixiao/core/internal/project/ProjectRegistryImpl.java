package org.jixiao.core.internal.project;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.Actor;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.performance.IndicatorRef;
import org.jixiao.api.performance.Target;
import org.jixiao.api.performance.TargetService;
import org.jixiao.api.performance.TargetTable;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.project.IndicatorStatus;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.project.ProjectState;
import org.jixiao.api.project.ProjectStatus;
import org.jixiao.api.store.Migration;
import org.jixiao.api.store.Store;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Tracks key projects as they come and go. A project is only served once its migrations are applied; one
 * whose migrations or activation fail is reported and skipped, so it never takes the node down. Projects are
 * never uninstalled from the database: removing a bundle removes its pages, its tables stay.
 */
@Component(service = ProjectRegistry.class, immediate = true)
public final class ProjectRegistryImpl implements ProjectRegistry {

    private static final System.Logger LOG = System.getLogger(ProjectRegistryImpl.class.getName());

    private final BundleContext context;
    private final Store store;
    private final OrgUnitService orgUnits;
    private final ServiceComponentRuntime scr;
    private volatile TargetService targets;

    /** Migrated, serving projects by id. */
    private final Map<String, Registered> active = new ConcurrentHashMap<>();
    /** {@link #headerId} by bundle id. */
    private final Map<Long, HeaderId> headerIds = new ConcurrentHashMap<>();
    /** Projects whose migrations failed, by id. */
    private final Map<String, Registered> failed = new ConcurrentHashMap<>();

    private record Registered(KeyProject project, long bundleId, String problem) {
    }

    @Activate
    public ProjectRegistryImpl(BundleContext context, @Reference Store store, @Reference OrgUnitService orgUnits,
            @Reference ServiceComponentRuntime scr) {
        this.context = context;
        this.store = store;
        this.orgUnits = orgUnits;
        this.scr = scr;
    }

    /**
     * The year's targets, for the dashboard. Optional and dynamic: the target service itself needs this registry,
     * and the dashboard falls back to the policy's defaults while it is away.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindTargets(TargetService service) {
        targets = service;
    }

    void unbindTargets(TargetService service) {
        if (targets == service) {
            targets = null;
        }
    }

    @Reference(service = KeyProject.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void bindProject(ServiceReference<KeyProject> reference, KeyProject project) {
        String id;
        try {
            id = project.id();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "A key project of bundle " + reference.getBundle().getSymbolicName()
                    + " cannot tell its id; ignored", e);
            return;
        }
        Bundle bundle = reference.getBundle();
        try {
            List<Integer> applied = store.migrate(id, migrationsOf(bundle));
            if (!applied.isEmpty()) {
                LOG.log(Level.INFO, "Key project {0}: applied migrations {1}", id, applied);
            }
            failed.remove(id);
            active.put(id, new Registered(project, bundle.getBundleId(), null));
            LOG.log(Level.INFO, "Key project {0} {1} is active", id, bundle.getVersion());
        } catch (RuntimeException e) {
            failed.put(id, new Registered(project, bundle.getBundleId(),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            LOG.log(Level.ERROR, "Key project " + id + " failed its migrations and is not served", e);
        }
    }

    void unbindProject(KeyProject project) {
        active.values().removeIf(r -> r.project() == project);
        failed.values().removeIf(r -> r.project() == project);
    }

    static List<Migration> migrationsOf(Bundle bundle) {
        String path = KeyProject.MIGRATIONS_PATH;
        // V<n>__*.sql and a baseline B<n>__*.sql; other names are not migrations (fromFile answers null).
        Enumeration<URL> entries = bundle.findEntries(path, "*.sql", false);
        List<Migration> migrations = new ArrayList<>();
        if (entries == null) {
            return migrations;
        }
        for (URL url : Collections.list(entries)) {
            String file = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
            try (InputStream in = url.openStream()) {
                Migration m = Migration.fromFile(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                if (m != null) {
                    migrations.add(m);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read migration " + file, e);
            }
        }
        migrations.sort(Comparator.comparingInt(Migration::version));
        return migrations;
    }

    /**
     * The key-project id a bundle declares in its manifest. Felix copies every header of a bundle on each
     * {@code getHeaders} call, and the dashboard and every project page ask for all bundles' ids: the answer is kept
     * per bundle until the bundle is updated (its last-modified time moves).
     */
    private String headerId(Bundle bundle) {
        if (bundle == null) {
            return null;
        }
        long modified = bundle.getLastModified();
        HeaderId known = headerIds.get(bundle.getBundleId());
        if (known == null || known.modified() != modified) {
            known = new HeaderId(modified, bundle.getHeaders("").get(KeyProject.BUNDLE_HEADER));
            headerIds.put(bundle.getBundleId(), known);
        }
        return known.id();
    }

    private record HeaderId(long modified, String id) {
    }

    @Override
    public List<ProjectStatus> projects(Locale locale) {
        List<ProjectStatus> result = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String id = headerId(bundle);
            if (id == null) {
                continue;
            }
            result.add(statusOf(bundle, id.trim(), locale));
        }
        result.sort(Comparator.comparing(ProjectStatus::id));
        return result;
    }

    private ProjectStatus statusOf(Bundle bundle, String id, Locale locale) {
        String version = bundle.getVersion().toString();
        Registered registered = active.get(id);
        if (registered != null && registered.bundleId() == bundle.getBundleId()) {
            return new ProjectStatus(id, safeName(registered.project(), locale, id), version, ProjectState.ACTIVE,
                    null);
        }
        String name = nameFromEntries(bundle, id, locale);
        Registered migrationFailure = failed.get(id);
        if (migrationFailure != null && migrationFailure.bundleId() == bundle.getBundleId()) {
            return new ProjectStatus(id, name, version, ProjectState.FAILED, migrationFailure.problem());
        }
        if (bundle.getState() != Bundle.ACTIVE) {
            return new ProjectStatus(id, name, version, ProjectState.STOPPED, null);
        }
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    return new ProjectStatus(id, name, version, ProjectState.FAILED, firstLine(configuration.failure));
                }
            }
        }
        return new ProjectStatus(id, name, version, ProjectState.WAITING, null);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return null;
        }
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).trim();
    }

    private static String safeName(KeyProject project, Locale locale, String fallback) {
        try {
            return project.name(locale);
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    /** A project that is not running has no service to ask; its bundle still carries its messages. */
    private static String nameFromEntries(Bundle bundle, String fallback, Locale locale) {
        for (String candidate : List.of("i18n/messages_" + locale.getLanguage() + ".properties",
                "i18n/messages.properties")) {
            URL url;
            try {
                url = bundle.getEntry(candidate);
            } catch (RuntimeException e) {
                // Felix has no content for a bundle in the middle of an update (a NullPointerException inside it).
                return fallback;
            }
            if (url == null) {
                continue;
            }
            try (InputStream in = url.openStream()) {
                ResourceBundle rb = new PropertyResourceBundle(in);
                if (rb.containsKey("project.name")) {
                    return rb.getString("project.name");
                }
            } catch (IOException | RuntimeException e) {
                return fallback;
            }
        }
        return fallback;
    }

    @Override
    public Optional<KeyProject> active(String id) {
        Registered registered = active.get(id);
        return registered == null ? Optional.empty() : Optional.of(registered.project());
    }

    @Override
    public List<ProjectIndicators> indicators(Actor actor, int year) {
        return indicatorsBelow(actor, year, actor.orgUnit().id());
    }

    @Override
    public List<ProjectIndicators> indicators(Actor actor, int year, long orgUnitId) {
        OrgUnit unit = orgUnits.find(orgUnitId).orElseThrow(() -> new NotFoundException("org unit " + orgUnitId));
        if (!actor.orgUnit().covers(unit)) {
            throw new AccessDeniedException("indicators of org unit " + orgUnitId);
        }
        return indicatorsBelow(actor, year, orgUnitId);
    }

    private List<ProjectIndicators> indicatorsBelow(Actor actor, int year, long rootId) {
        List<OrgUnit> scope = orgUnits.subtree(rootId);
        List<Long> ids = scope.stream().map(OrgUnit::id).toList();
        List<Long> evaluated = scope.stream().filter(u -> u.level().evaluated()).map(OrgUnit::id).toList();
        long counties = Math.max(1, scope.stream().filter(u -> u.level() == OrgLevel.COUNTY).count());
        Map<Long, TargetTable> tables = tables(actor, year, evaluated);
        List<ProjectIndicators> result = new ArrayList<>();
        List<String> projectIds = new ArrayList<>(active.keySet());
        Collections.sort(projectIds);
        for (String id : projectIds) {
            Registered registered = active.get(id);
            if (registered == null) {
                continue;
            }
            ProjectIndicators indicators = indicatorsOf(registered.project(), ids, evaluated, counties, year,
                    actor.locale(), tables);
            if (!indicators.indicators().isEmpty()) {
                // Nothing to show, such as the city's indicators before it defines any.
                result.add(indicators);
            }
        }
        return result;
    }

    /**
     * The target tables of the evaluated units in scope for the year, as the city set them; empty while the year is
     * not open (or the target service is away), when the policy's defaults stand.
     */
    private Map<Long, TargetTable> tables(Actor actor, int year, List<Long> evaluated) {
        TargetService service = targets;
        Map<Long, TargetTable> out = new HashMap<>();
        if (service == null) {
            return out;
        }
        try {
            for (Long unit : evaluated) {
                out.put(unit, service.table(actor, year, unit));
            }
        } catch (NotFoundException | AccessDeniedException e) {
            return Map.of();
        }
        return out;
    }

    static ProjectIndicators indicatorsOf(KeyProject project, Collection<Long> unitIds, Collection<Long> evaluated,
            long counties, int year, Locale locale) {
        return indicatorsOf(project, unitIds, evaluated, counties, year, locale, Map.of());
    }

    static ProjectIndicators indicatorsOf(KeyProject project, Collection<Long> unitIds, Collection<Long> evaluated,
            long counties, int year, Locale locale, Map<Long, TargetTable> tables) {
        Map<Long, Map<String, BigDecimal>> values;
        try {
            values = project.actuals(unitIds, year);
        } catch (RuntimeException e) {
            // A project that cannot compute just now shows "unknown", it does not break the home page.
            LOG.log(Level.WARNING, "Key project " + project.id() + " failed to compute its indicators", e);
            values = null;
        }
        ResourceBundle messages;
        try {
            messages = project.messages(locale);
        } catch (RuntimeException e) {
            messages = null;
        }
        List<IndicatorStatus> statuses = new ArrayList<>();
        for (IndicatorDefinition definition : project.indicators(year)) {
            IndicatorStatus status = status(definition, values, unitIds, evaluated, counties, messages);
            statuses.add(tables.isEmpty() ? status : withTargets(status, project.id(), values, evaluated, tables));
        }
        return new ProjectIndicators(project.id(), safeName(project, locale, project.id()), statuses);
    }

    /**
     * One indicator over the scope. Counts and amounts add up, against the per-county default times the counties.
     * Shares and rates do not add up: the scope shows the mean of the evaluated units that report one, against the
     * per-unit default. A project may report a share for the city itself (0% of no mentors), which must not pull
     * the counties' mean down; only a scope without evaluated units (none below it) takes the mean of all. Growth over last year has no scope-wide target here (each unit's comes from its own baseline, in its
     * target table), so only the total shows.
     */
    static IndicatorStatus status(IndicatorDefinition definition, Map<Long, Map<String, BigDecimal>> values,
            Collection<Long> unitIds, Collection<Long> evaluated, long counties, ResourceBundle messages) {
        boolean mean = definition.kind() == TargetKind.SHARE || definition.kind() == TargetKind.RATE;
        Collection<Long> counted = mean && !evaluated.isEmpty() ? evaluated : unitIds;
        BigDecimal actual = null;
        int reporting = 0;
        if (values != null) {
            actual = BigDecimal.ZERO;
            for (Long unit : counted) {
                BigDecimal v = values.getOrDefault(unit, Map.of()).get(definition.id());
                if (v != null) {
                    actual = actual.add(v);
                    reporting++;
                }
            }
        }
        BigDecimal target;
        switch (definition.kind()) {
            case SHARE, RATE -> {
                target = definition.defaultTarget();
                if (actual != null && reporting > 1) {
                    actual = plain(actual.divide(BigDecimal.valueOf(reporting), 2, java.math.RoundingMode.HALF_UP)
                            .stripTrailingZeros());
                }
            }
            case BASELINE_RELATIVE -> target = null;
            default -> target = definition.defaultTarget().multiply(BigDecimal.valueOf(counties));
        }
        return new IndicatorStatus(definition, text(messages, definition.nameKey()),
                text(messages, definition.unitKey()), actual, target);
    }

    /**
     * The standing against the targets the city set for each unit this year: a unit's own; for several, the sum of
     * theirs (a share or rate: their mean). Units whose target cannot be judged (growth without last year's figure)
     * are left out of both sides of a growth; when none can be judged, neither can the scope.
     */
    static IndicatorStatus withTargets(IndicatorStatus status, String projectId,
            Map<Long, Map<String, BigDecimal>> values, Collection<Long> evaluated, Map<Long, TargetTable> tables) {
        IndicatorDefinition d = status.definition();
        IndicatorRef ref = new IndicatorRef(projectId, d.id());
        boolean mean = d.kind() == TargetKind.SHARE || d.kind() == TargetKind.RATE;
        BigDecimal target = BigDecimal.ZERO;
        BigDecimal judgedActual = BigDecimal.ZERO;
        int judged = 0;
        boolean approved = true;
        for (Long unit : evaluated) {
            TargetTable table = tables.get(unit);
            Target row = table == null ? null
                    : table.targets().stream().filter(t -> t.indicator().equals(ref)).findFirst().orElse(null);
            BigDecimal resolved = row == null ? null : row.resolved();
            if (resolved == null) {
                continue;
            }
            approved &= table.locked();
            target = target.add(resolved);
            BigDecimal v = values == null ? null : values.getOrDefault(unit, Map.of()).get(d.id());
            judgedActual = judgedActual.add(v == null ? BigDecimal.ZERO : v);
            judged++;
        }
        if (judged == 0) {
            return new IndicatorStatus(d, status.name(), status.unit(), status.actual(), null,
                    IndicatorStatus.Basis.NOT_JUDGED);
        }
        if (mean) {
            target = plain(target.divide(BigDecimal.valueOf(judged), 2, java.math.RoundingMode.HALF_UP)
                    .stripTrailingZeros());
        }
        BigDecimal actual = d.kind() == TargetKind.BASELINE_RELATIVE && status.actual() != null
                ? plain(judgedActual.stripTrailingZeros()) : status.actual();
        return new IndicatorStatus(d, status.name(), status.unit(), actual, plain(target.stripTrailingZeros()),
                approved ? IndicatorStatus.Basis.APPROVED : IndicatorStatus.Basis.DRAFT);
    }

    /** 100.00 stripped is 1E+2, which JSON and pages would print as such; keep the scale at least 0. */
    private static BigDecimal plain(BigDecimal v) {
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    private static String text(ResourceBundle messages, String key) {
        return messages != null && messages.containsKey(key) ? messages.getString(key) : key;
    }
}
