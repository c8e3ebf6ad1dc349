package org.jixiao.addons.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.AuditLog;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.assessment.AssessmentModule;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.project.ProjectStatus;
import org.jixiao.api.store.AppliedMigration;
import org.jixiao.api.store.Store;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The plugins of the node and what may be done with them. A plugin is a Karaf feature: a shipped key project or
 * assessment module ({@code jixiao-project-*}, {@code jixiao-assessment-*}) or one installed from a signed archive.
 * Every read needs the ADMIN role; every change needs an admin of the node's root unit (see {@link #mayManage}).
 * Uninstalling removes the feature's bundles and keeps every table and record.
 */
public final class Addons {

    private static final System.Logger LOG = System.getLogger(Addons.class.getName());
    private static final List<String> SHIPPED_PREFIXES = List.of("jixiao-project-", "jixiao-assessment-");
    /** The features service must not refresh the web layer or the core under a running request. */
    private static final EnumSet<FeaturesService.Option> OPTIONS =
            EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    public enum State { ACTIVE, FAILED, NOT_STARTED, UNINSTALLED }

    /**
     * One plugin as the page lists it: {@code version} is what runs (the bundle's or the module's own), {@code
     * featureVersion} the feature's, which the features service is asked by.
     */
    public record Addon(String feature, String featureVersion, String version, String kind, String id, String name,
            State state, String problem, List<AppliedMigration> migrations, long records, String sha256) {
    }

    private final BundleContext context;
    private final FeaturesService features;
    private final ProjectRegistry projects;
    private final OrgUnitService orgUnits;
    private final AuditLog audit;
    private final Store store;
    private final Ledger ledger;
    private final Path data;
    private final Trust trust;
    /** Why a bundle's component did not start; null where there is no component runtime (unit tests). */
    private final ServiceComponentRuntime scr;

    Addons(BundleContext context, FeaturesService features, ProjectRegistry projects, OrgUnitService orgUnits,
            AuditLog audit, Store store, Path data, Trust trust, ServiceComponentRuntime scr) {
        this.context = context;
        this.features = features;
        this.projects = projects;
        this.orgUnits = orgUnits;
        this.audit = audit;
        this.store = store;
        this.ledger = new Ledger(store);
        this.data = data;
        this.trust = trust;
        this.scr = scr;
    }

    /**
     * Any admin reads the list. Only an admin of the node's root unit changes the code the node runs: one plugin serves
     * every unit of the node, so a county admin on a node shared with other counties (or the city's) must not remove
     * what they use. On a county's own node the county's IT admin holds the node's root admin account.
     */
    boolean mayManage(Actor actor) {
        return actor.has(Role.ADMIN) && actor.orgUnit().id() == orgUnits.root().id();
    }

    private void requireRead(Actor actor) {
        if (actor == null || !actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("add-ons");
        }
    }

    private void requireManage(Actor actor) {
        requireRead(actor);
        if (!mayManage(actor)) {
            throw new AccessDeniedException("add-ons: change");
        }
    }

    boolean trustsAnyone() {
        return !trust.empty();
    }

    List<Addon> list(Actor actor) {
        requireRead(actor);
        List<Long> units = mayManage(actor) ? null
                : orgUnits.subtree(actor.orgUnit().id()).stream().map(OrgUnit::id).toList();
        Map<String, String> archives = ledger.archiveFeatures();
        Map<String, ProjectStatus> statuses = new TreeMap<>();
        for (ProjectStatus s : projects.projects(actor.locale())) {
            statuses.put(s.id(), s);
        }
        List<Addon> out = new ArrayList<>();
        for (Feature f : pluginFeatures(archives.keySet())) {
            try {
                out.add(addon(f, actor.locale(), statuses, units, archives.get(f.getName())));
            } catch (RuntimeException e) {
                // One plugin that cannot be read must not hide the others.
                LOG.log(System.Logger.Level.WARNING, "Add-on " + f.getName() + " cannot be listed", e);
                out.add(new Addon(f.getName(), f.getVersion(), f.getVersion(), "project", f.getName(), f.getName(),
                        State.FAILED, e.getClass().getSimpleName(), List.of(), 0, archives.get(f.getName())));
            }
        }
        return out;
    }

    /** The plugin features: of each name the installed version, else the newest. */
    private List<Feature> pluginFeatures(Set<String> fromArchives) {
        Map<String, Feature> byName = new TreeMap<>();
        Feature[] all;
        try {
            all = features.listFeatures();
        } catch (Exception e) {
            throw new IllegalStateException("the features service cannot list its features", e);
        }
        for (Feature f : all) {
            if (!plugin(f.getName(), fromArchives)) {
                continue;
            }
            Feature seen = byName.get(f.getName());
            boolean installed = features.isInstalled(f);
            if (seen == null || installed || (!features.isInstalled(seen)
                    && org.osgi.framework.Version.parseVersion(f.getVersion())
                            .compareTo(org.osgi.framework.Version.parseVersion(seen.getVersion())) > 0)) {
                byName.put(f.getName(), f);
            }
        }
        return new ArrayList<>(byName.values());
    }

    private static boolean plugin(String name, Set<String> fromArchives) {
        return fromArchives.contains(name) || SHIPPED_PREFIXES.stream().anyMatch(name::startsWith);
    }

    private Addon addon(Feature f, Locale locale, Map<String, ProjectStatus> statuses, List<Long> units,
            String sha256) {
        boolean installed = features.isInstalled(f);
        String kind = f.getName().startsWith("jixiao-assessment-") ? "module" : "project";
        String id = null;
        String name = null;
        String version = f.getVersion();
        State state = installed ? State.NOT_STARTED : State.UNINSTALLED;
        String problem = null;
        for (Bundle bundle : installed ? bundlesOf(f) : List.<Bundle>of()) {
            String projectId = bundle.getHeaders("").get(KeyProject.BUNDLE_HEADER);
            if (projectId != null) {
                kind = "project";
                id = projectId.trim();
                ProjectStatus s = statuses.get(id);
                rememberProject(f.getName(), id, bundle);
                if (s != null) {
                    name = s.name();
                    version = s.version();
                    switch (s.state()) {
                        case ACTIVE -> state = State.ACTIVE;
                        case FAILED -> {
                            state = State.FAILED;
                            problem = s.problem();
                        }
                        default -> state = State.NOT_STARTED;
                    }
                }
                continue;
            }
            Optional<AssessmentModule> module = moduleOf(bundle);
            if (module.isPresent()) {
                kind = "module";
                id = module.get().id();
                name = module.get().name(locale);
                version = module.get().version();
                state = State.ACTIVE;
            } else if (componentFailure(bundle) != null) {
                // An assessment module whose component threw: the reason is what the admin needs to act on it.
                state = State.FAILED;
                problem = componentFailure(bundle);
            } else if (bundle.getState() == Bundle.INSTALLED) {
                state = State.NOT_STARTED;
            }
        }
        if (id == null) {
            Set<String> owners = ledger.owners(f.getName());
            id = owners.isEmpty() ? f.getName() : owners.iterator().next();
        }
        List<AppliedMigration> applied = "project".equals(kind) ? store.applied(id) : List.of();
        long records = "project".equals(kind) ? ledger.records(id, units) : 0;
        return new Addon(f.getName(), f.getVersion(), version, kind, id, name == null ? description(f) : name, state,
                problem, applied, records, sha256);
    }

    /** The first line of why a component of the bundle failed to activate, or null. */
    private String componentFailure(Bundle bundle) {
        if (scr == null || bundle.getState() != Bundle.ACTIVE) {
            return null;
        }
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    return configuration.failure == null ? description.name : firstLine(configuration.failure);
                }
            }
        }
        return null;
    }

    private static String description(Feature f) {
        return f.getDescription() == null || f.getDescription().isBlank() ? f.getName() : f.getDescription();
    }

    /** The installed bundles the feature itself names (not its dependencies). */
    private List<Bundle> bundlesOf(Feature f) {
        Set<String> locations = new LinkedHashSet<>();
        for (BundleInfo b : f.getBundles()) {
            if (!b.isDependency()) {
                locations.add(b.getLocation().trim());
            }
        }
        List<Bundle> out = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (locations.contains(bundle.getLocation())) {
                out.add(bundle);
            }
        }
        return out;
    }

    private Optional<AssessmentModule> moduleOf(Bundle bundle) {
        ServiceReference<?>[] refs = bundle.getRegisteredServices();
        if (refs == null) {
            return Optional.empty();
        }
        for (ServiceReference<?> ref : refs) {
            String[] classes = (String[]) ref.getProperty("objectClass");
            if (classes != null && List.of(classes).contains(AssessmentModule.class.getName())) {
                Object service = context.getService(ref);
                try {
                    if (service instanceof AssessmentModule m) {
                        return Optional.of(m);
                    }
                } finally {
                    context.ungetService(ref);
                }
            }
        }
        return Optional.empty();
    }

    /** Remembers the project's tables (from its migrations) so its records still count once it is uninstalled. */
    private void rememberProject(String feature, String id, Bundle bundle) {
        Set<String> tables = new LinkedHashSet<>();
        // Its migrations and its baseline (B<n>__*.sql), which creates the tables its V-files once did.
        Enumeration<URL> entries = bundle.findEntries(KeyProject.MIGRATIONS_PATH, "*.sql", false);
        if (entries != null) {
            for (URL url : Collections.list(entries)) {
                try (InputStream in = url.openStream()) {
                    tables.addAll(BundleJar.tables(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "Migration " + url + " cannot be read", e);
                }
            }
        }
        ledger.remember(feature, id, tables);
    }

    // ---- changes ---------------------------------------------------------------------------------------------

    /** The plugin feature of this name and version, or 404. */
    Feature feature(String name, String version) {
        if (name == null || !plugin(name, ledger.archiveFeatures().keySet())) {
            throw new NotFoundException("add-on " + name);
        }
        try {
            Feature f = version == null ? features.getFeature(name) : features.getFeature(name, version);
            if (f == null) {
                throw new NotFoundException("add-on " + name);
            }
            return f;
        } catch (NotFoundException e) {
            throw e;
        } catch (Exception e) {
            throw new NotFoundException("add-on " + name);
        }
    }

    void uninstall(Actor actor, String name, String version) {
        requireManage(actor);
        Feature f = feature(name, version);
        if (!features.isInstalled(f)) {
            throw new Refusal("addons.refused.notInstalled", f.getName());
        }
        // The tables the project's records are in are remembered before its bundle goes.
        list(actor);
        change(actor, "addons.uninstall", f.getName(), f.getVersion(), null,
                () -> features.uninstallFeature(f.getName(), f.getVersion(), OPTIONS));
    }

    void install(Actor actor, String name, String version) {
        requireManage(actor);
        Feature f = feature(name, version);
        if (features.isInstalled(f)) {
            throw new Refusal("addons.refused.installed", f.getName());
        }
        change(actor, "addons.install", f.getName(), f.getVersion(), null,
                () -> features.installFeature(f.getName(), f.getVersion(), OPTIONS));
    }

    interface KarafWork {
        void run() throws Exception;
    }

    /** Runs one change of the features service, audited either way; a failure is reported, the node goes on. */
    private synchronized void change(Actor actor, String action, String name, String version, String sha256,
            KarafWork work) {
        String target = "feature:" + name + "/" + version;
        String hash = sha256 == null ? "" : "sha256=" + sha256;
        try {
            work.run();
        } catch (Exception e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
            LOG.log(System.Logger.Level.ERROR, action + " of " + target + " failed", e);
            audit.record(actor, action + ".failed", target, (hash + " " + reason).trim());
            throw new Refusal("addons.failed", name, reason);
        }
        audit.record(actor, action, target, hash);
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).trim();
    }

    // ---- archives --------------------------------------------------------------------------------------------

    /** An archive waiting for its confirmation, kept under the data folder by its SHA-256. */
    record Pending(SignedArchive.Verified verified, KarArchive kar, MigrationPlan plan) {
    }

    private Path pendingFolder() {
        return data.resolve("addons").resolve("pending");
    }

    /** Checks an upload and keeps it for the preview; a refused archive is audited and not kept. */
    String upload(Actor actor, String fileName, byte[] bytes) throws IOException {
        requireManage(actor);
        Files.createDirectories(pendingFolder());
        Path tmp = Files.createTempFile(pendingFolder(), "upload-", ".kar");
        try {
            Files.write(tmp, bytes);
            SignedArchive.Verified v = verify(actor, tmp, fileName);
            KarArchive.read(tmp, actor.locale().getLanguage());
            Path kept = pendingFolder().resolve(v.sha256() + ".kar");
            Files.move(tmp, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            audit.record(actor, "addons.upload", "archive:" + safeName(fileName), "sha256=" + v.sha256());
            return v.sha256();
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private SignedArchive.Verified verify(Actor actor, Path file, String fileName) {
        try {
            return SignedArchive.verify(file, trust);
        } catch (Refusal r) {
            audit.record(actor, "addons.refused", "archive:" + safeName(fileName),
                    "sha256=" + SignedArchive.sha256(file) + " " + r.key());
            throw r;
        }
    }

    private static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    /** The archive kept under {@code sha256}, checked again, with what installing it would change. */
    Pending pending(Actor actor, String sha256, Locale locale) {
        requireManage(actor);
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new NotFoundException("archive");
        }
        Path file = pendingFolder().resolve(sha256 + ".kar");
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("archive " + sha256);
        }
        SignedArchive.Verified v = verify(actor, file, sha256 + ".kar");
        if (!v.sha256().equals(sha256)) {
            throw new Refusal("addons.refused.tampered", sha256);
        }
        KarArchive kar = KarArchive.read(file, locale.getLanguage());
        return new Pending(v, kar, MigrationPlan.of(kar, store));
    }

    /** Installs (or updates to) the archive's features, once the preview was confirmed. */
    void installArchive(Actor actor, String sha256) throws IOException {
        Pending p = pending(actor, sha256, actor.locale());
        Refusal refusal = p.plan().refusal();
        if (refusal != null) {
            audit.record(actor, "addons.refused", "archive:" + sha256, "sha256=" + sha256 + " " + refusal.key());
            throw refusal;
        }
        Path repository = data.resolve("kar").resolve("addon-" + sha256.substring(0, 16));
        List<java.net.URI> descriptors = KarArchive.extract(p.verified().file(), repository);
        Set<String> names = new LinkedHashSet<>();
        for (KarArchive.Feature f : p.kar().features()) {
            names.add(f.name() + "/" + f.version());
        }
        KarArchive.Feature first = p.kar().features().get(0);
        change(actor, "addons.install", first.name(), first.version(), sha256, () -> {
            for (java.net.URI uri : descriptors) {
                features.addRepository(uri);
            }
            features.installFeatures(names, EnumSet.of(FeaturesService.Option.Upgrade,
                    FeaturesService.Option.NoAutoRefreshBundles));
        });
        for (KarArchive.Feature f : p.kar().features()) {
            ledger.installed(f.name(), sha256);
        }
        Files.deleteIfExists(p.verified().file());
    }
}
