package org.jixiao.federation.internal;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

import org.jixiao.api.OrgUnitService;
import org.jixiao.api.federation.Outbox;
import org.jixiao.api.federation.Replicated;
import org.jixiao.api.federation.SyncHealth;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.store.Migration;
import org.jixiao.api.store.Store;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * This node's part in the federation, from {@code etc/org.jixiao.federation.cfg}. Without that file nothing runs: a
 * node stays the standalone city node it always was. A county runs its broker, bridged to the city, the relay of its
 * outbox, and the {@link Downlink} that takes the city's changes; it offers the {@link Outbox} that the register
 * engine and the core write to. The city runs its broker, listening for the counties it lists, the receiver, and the
 * relay of its own outbox (its org tree, years and targets) towards the counties.
 */
@Component(service = {FederationNode.class, SyncHealth.class}, configurationPid = FederationNode.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = FederationNode.Config.class)
public final class FederationNode implements SyncHealth {

    static final String PID = "org.jixiao.federation";
    static final String OWNER = "federation";
    private static final System.Logger LOG = System.getLogger(FederationNode.class.getName());

    @ObjectClassDefinition(name = "Jixiao federation",
            description = "County nodes forward their records to the city node through embedded Artemis brokers")
    public @interface Config {
        @AttributeDefinition(description = "city or county")
        String role() default "city";

        @AttributeDefinition(description = "A county: the code of its org unit")
        String unit() default "";

        @AttributeDefinition(name = "city.url", description = "A county: the city broker, tcp://host:port")
        String city_url() default "";

        @AttributeDefinition(description = "A county: its user at the city broker")
        String user() default "";

        @AttributeDefinition(description = "A county: its password at the city broker", type =
                org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
        String password() default "";

        @AttributeDefinition(description = "The city: the address its broker listens on")
        String host() default "0.0.0.0";

        @AttributeDefinition(description = "The city: the port its broker listens on")
        int port() default 61617;

        @AttributeDefinition(description = "The city: one entry per county, user,node,unit,password")
        String[] counties() default {};

        @AttributeDefinition(name = "tls.keystore", description = "The node's key and certificate (PKCS#12), "
                + "signed by the federation's certificate authority")
        String tls_keystore() default "";

        @AttributeDefinition(name = "tls.truststore", description = "The federation's certificate authority "
                + "(PKCS#12): the only issuer this node trusts")
        String tls_truststore() default "";

        @AttributeDefinition(name = "tls.password", description = "The password of both stores", type =
                org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
        String tls_password() default "";
    }

    private final List<KeyProject> projects = new CopyOnWriteArrayList<>();
    /** The services holding copies of the city's rows in memory (the org tree), told when a county applied some. */
    @Reference(service = Replicated.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, fieldOption = FieldOption.UPDATE)
    private final List<Replicated> replicated = new CopyOnWriteArrayList<>();
    private final Store store;
    private final String role;
    private int node;
    private List<County> counties = List.of();
    private Broker broker;
    private Relay relay;
    private CountyOutbox outbox;
    private Receiver receiver;
    private Downlink downlink;
    private ServiceRegistration<Outbox> registration;

    @Activate
    public FederationNode(@Reference Store store, @Reference OrgUnitService orgUnits, Config config,
            BundleContext context) throws Exception {
        this.store = store;
        store.migrate(OWNER, migrations());
        this.role = config.role().strip();
        Path dir = dataDirectory().resolve("artemis");
        try {
            start(config, orgUnits, context, dir);
        } catch (Exception | LinkageError e) {
            // A broker that started (a port held, a journal locked) must not outlive the failed activation.
            deactivate();
            throw e;
        }
    }

    private void start(Config config, OrgUnitService orgUnits, BundleContext context, Path dir) throws Exception {
        if ("county".equals(role)) {
            this.node = Integer.getInteger("jixiao.node.number", 0);
            County self = new County(config.user().strip(), node, config.unit().strip(), config.password());
            broker = Broker.county(dir, config.city_url().strip(), self.user(), self.password(), tls(config));
            broker.start();
            outbox = new CountyOutbox(store, node, Clock.systemUTC());
            relay = new Relay(outbox, broker);
            relay.start(250);
            downlink = new Downlink(store, tls(config), config.city_url().strip(), self, this::applied,
                    Clock.systemUTC());
            downlink.start();
            // Registered only here, not by DS: a standalone node must have no outbox at all.
            registration = context.registerService(Outbox.class, outbox, null);
            LOG.log(Level.INFO, "county node " + node + " (" + self.unitCode() + ") forwarding to " + config.city_url());
        } else if ("city".equals(role)) {
            this.counties = County.parse(config.counties());
            if (!counties.isEmpty()) {
                broker = Broker.city(dir, config.host().strip(), config.port(), counties, tls(config));
                broker.start();
                receiver = new Receiver(store, orgUnits, this::register, Clock.systemUTC());
                receiver.start(broker, counties);
                CityOutbox cityOutbox = new CityOutbox(store, orgUnits, counties, Clock.systemUTC());
                firstSync(broker, cityOutbox, counties);
                relay = new Relay(cityOutbox.entries(), broker, Broker.DOWN);
                relay.start(250);
                registration = context.registerService(Outbox.class, cityOutbox, null);
                LOG.log(Level.INFO, "city node receiving from " + counties.size() + " counties on port "
                        + config.port());
            }
        } else {
            throw new IllegalArgumentException("role is city or county, not " + role);
        }
    }

    /**
     * Each county's queue of the city's changes, and for a county whose queue is new (or never sent one), a full copy
     * of the city's records ahead of the changes: queued before the relay starts, so nothing reaches a queue that is
     * not there yet.
     */
    static void firstSync(Broker broker, CityOutbox outbox, List<County> counties) throws Exception {
        for (County c : counties) {
            boolean fresh = broker.createDownQueue(c);
            if (fresh || !outbox.snapshotSent(c)) {
                LOG.log(Level.INFO, "first sync of county " + c.user() + ": " + outbox.snapshot(c)
                        + " records of the city's queued");
            }
        }
    }

    /** The county applied the city's changes to these tables: services holding them in memory read them again. */
    void applied(java.util.Set<String> tables) {
        for (Replicated r : replicated) {
            try {
                r.applied(tables);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "telling " + r + " of the city's changes", e);
            }
        }
    }

    private static Tls tls(Config config) {
        return Tls.of(config.tls_keystore(), config.tls_password(), config.tls_truststore(), config.tls_password());
    }

    @Reference(service = KeyProject.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeProject")
    void addProject(KeyProject p) {
        projects.add(p);
    }

    void removeProject(KeyProject p) {
        projects.remove(p);
    }

    /** A register of an installed project, for the receiver. */
    Optional<RegisterDefinition> register(String project, String register) {
        return registers(projects).apply(project, register);
    }

    static BiFunction<String, String, Optional<RegisterDefinition>> registers(List<KeyProject> projects) {
        return (project, register) -> projects.stream().filter(p -> p.id().equals(project))
                .flatMap(p -> p.registers().stream()).filter(d -> d.id().equals(register)).findFirst();
    }

    /** The node's data folder, as the store finds it: {@code jixiao.data}, else {@code <karaf.data>/jixiao}. */
    private static Path dataDirectory() {
        String data = System.getProperty("jixiao.data");
        return data != null && !data.isBlank() ? Path.of(data)
                : Path.of(System.getProperty("karaf.data", "var"), "jixiao");
    }

    static List<Migration> migrations() {
        // The baseline builds what V1 to V3 built (their files are in git's history). V4 came after the last
        // distribution a node may still run, so it stays a step of its own: such a node's ledger ends at V3.
        return Migration.resources(FederationNode.class, "/db/federation/", "B3__baseline.sql", "V4__set_aside.sql",
                "V5__city_to_county.sql");
    }

    public SyncStatus status() {
        return status(store, role, node, outbox, broker, counties);
    }

    @Override
    public Summary summary() {
        return status().summary(java.time.Instant.now());
    }

    @Override
    public List<SyncHealth.CountyStatus> counties() {
        return counties(store, broker, counties);
    }

    /** Every county the city lists, those never heard from too, with its latest refusals. */
    static List<SyncHealth.CountyStatus> counties(Store store, Broker broker, List<County> counties) {
        Map<String, SyncStatus.Sender> heard = new java.util.HashMap<>();
        status(store, "city", 0, null, null, counties).senders().forEach(s -> heard.put(s.user(), s));
        List<SyncHealth.CountyStatus> out = new ArrayList<>();
        for (County c : counties) {
            SyncStatus.Sender s = heard.get(c.user());
            long waiting = broker == null ? 0 : broker.waiting(c.inbox());
            List<SyncHealth.Refusal> refusals = refusals(store, c.user(), 20);
            out.add(s == null ? new SyncHealth.CountyStatus(c.user(), c.unitCode(), 0, null, null, null, waiting, 0, 0,
                    0, refusals) : new SyncHealth.CountyStatus(c.user(), c.unitCode(), s.lastSeq(), s.lastAt(), s.lag(),
                            s.behind(), waiting, s.applied(), s.duplicates(), s.refused(), refusals));
        }
        return out;
    }

    private static List<SyncHealth.Refusal> refusals(Store store, String sender, int limit) {
        return store.read(c -> {
            List<SyncHealth.Refusal> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT SEQ, REASON, DETAIL, TARGET, REFUSED_AT FROM "
                    + "JX_SYNC_REFUSED WHERE SENDER = ? ORDER BY ID DESC FETCH FIRST " + limit + " ROWS ONLY")) {
                ps.setString(1, sender);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SyncHealth.Refusal(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getTimestamp(5).toInstant()));
                    }
                }
            }
            return out;
        });
    }

    static SyncStatus status(Store store, String role, int node, CountyOutbox outbox, Broker broker,
            List<County> counties) {
        SyncStatus.Backlog backlog = null;
        if (outbox != null) {
            CountyOutbox.Backlog b = outbox.backlog();
            backlog = new SyncStatus.Backlog(b.entries(), broker == null ? 0 : broker.waiting(Broker.OUTBOX),
                    b.oldest());
        }
        Map<String, String> units = new java.util.HashMap<>();
        counties.forEach(c -> units.put(c.user(), c.unitCode()));
        List<SyncStatus.Sender> senders = store.read(c -> {
            List<SyncStatus.Sender> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT SENDER, LAST_SEQ, LAST_AT, LAST_CREATED, APPLIED, "
                    + "DUPLICATES, REFUSED, LAST_BEHIND FROM JX_SYNC_SENDER ORDER BY SENDER");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp at = rs.getTimestamp(3);
                    Timestamp created = rs.getTimestamp(4);
                    out.add(new SyncStatus.Sender(rs.getString(1), units.getOrDefault(rs.getString(1), "?"),
                            rs.getLong(2), at == null ? null : at.toInstant(), at == null || created == null ? null
                                    : Duration.between(created.toInstant(), at.toInstant()), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7), rs.getObject(8) == null ? null : rs.getLong(8)));
                }
            }
            return out;
        });
        return new SyncStatus(role, node, backlog, senders);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
        if (relay != null) {
            relay.close();
        }
        if (downlink != null) {
            downlink.close();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
