package org.jixiao.federation.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.jixiao.api.Actor;
import org.jixiao.api.AuditLog;
import org.jixiao.api.FieldCipher;
import org.jixiao.api.Role;
import org.jixiao.api.store.Migration;
import org.jixiao.api.store.Store;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.register.internal.RegisterEngine;
import org.jixiao.store.internal.MemoryStores;

/**
 * A county node and the city node in one JVM: each its own in-memory Derby database and its own broker with a journal
 * on disk, the county's register engine writing through its outbox, the city's broker on a TCP port of loopback.
 */
final class TwoNodes implements AutoCloseable {

    static final County A = new County("a", 1, FixedOrgUnits.COUNTY_A.code(), "secret-a");
    static final County B = new County("b", 2, FixedOrgUnits.COUNTY_B.code(), "secret-b");
    static final Actor A_STAFF = new Actor(11, "u11", Set.of(Role.STAFF), FixedOrgUnits.COUNTY_A,
            Locale.SIMPLIFIED_CHINESE);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    static final Actor CITY_ADMIN = new Actor(1, "admin", Set.of(Role.ADMIN, Role.TARGET_SETTER,
            Role.TARGET_APPROVER), FixedOrgUnits.CITY, Locale.SIMPLIFIED_CHINESE);

    final Members project = new Members();
    final MemoryStores.Loan county = MemoryStores.borrow("federation", TwoNodes::migrate);
    final MemoryStores.Loan city = MemoryStores.borrow("federation", TwoNodes::migrate);
    /** The city's own services, writing through the city's outbox. */
    final CityServices cityCore;
    /** The county's, with the county's outbox: what it holds of the city's is a copy. */
    final CityServices countyCore;
    CityOutbox cityOutbox;
    Relay cityRelay;
    Downlink downlink;
    final RegisterEngine engine;
    CountyOutbox outbox;
    final Broker countyBroker;
    Relay relay;
    final int port;
    private final Path dir;
    Broker cityBroker;
    Receiver receiver;

    TwoNodes(Path dir) throws Exception {
        this.dir = dir;
        this.port = freePort();
        Clock clock = Clock.fixed(LocalDate.of(2024, 6, 15).atTime(10, 0).atZone(ZONE).toInstant(), ZONE);
        seed(county);
        seed(city);
        cityCore = new CityServices(city, project);
        countyCore = new CityServices(county, project);
        engine = new RegisterEngine(county, new FixedOrgUnits(), new Audit(), new Base64Cipher(), clock, A.node());
        outbox = new CountyOutbox(county, A.node(), Clock.systemUTC());
        engine.setOutbox(outbox);
        countyCore.setOutbox(outbox);
        startCity();
        countyBroker = Broker.county(dir.resolve("county"), cityUrl(), A.user(), A.password(),
                Certificates.get().tls(A.user()));
        countyBroker.start();
        relay = new Relay(outbox, countyBroker);
        relay.start(50);
        downlink = startDownlink(county, A, countyCore);
    }

    /** A county node's side of the city's changes, on its database; its org tree read again as they come. */
    Downlink startDownlink(Store store, County who, CityServices core) {
        Downlink d = new Downlink(store, Certificates.get().tls(who.user()), cityUrl(), who,
                core == null ? tables -> { } : core.units::applied, Clock.systemUTC());
        d.start();
        return d;
    }

    static void migrate(Store store) {
        new org.jixiao.core.internal.schema.CoreSchema(store);
        store.migrate("register", RegisterEngine.migrations());
        store.migrate("test", List.of(new Migration(1, "test", Members.SCHEMA)));
        store.migrate(FederationNode.OWNER, FederationNode.migrations());
    }

    /**
     * What the city owns and both nodes hold alike: the org tree of {@link FixedOrgUnits}, the year 2024 and a manual
     * indicator of the city's.
     */
    private static void seed(Store store) {
        store.inTransaction(c -> {
            for (var u : List.of(FixedOrgUnits.CITY, FixedOrgUnits.COUNTY_A, FixedOrgUnits.COUNTY_B)) {
                try (var ps = c.prepareStatement("INSERT INTO JX_ORG_UNIT (ID, PARENT_ID, CODE, NAME, LEVEL, PATH) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")) {
                    ps.setLong(1, u.id());
                    ps.setObject(2, u.parentId());
                    ps.setString(3, u.code());
                    ps.setString(4, u.name());
                    ps.setString(5, u.level().name());
                    ps.setString(6, u.path());
                    ps.executeUpdate();
                }
            }
            try (var s = c.createStatement()) {
                // The units above were given their ids: new ones are numbered after them.
                s.executeUpdate("ALTER TABLE JX_ORG_UNIT ALTER COLUMN ID RESTART WITH 10");
                s.executeUpdate("INSERT INTO JX_PERF_YEAR (PERF_YEAR, STEP, OPENED_AT, OPENED_BY) VALUES (2024, "
                        + "'SELF_ASSESSMENT', CURRENT_TIMESTAMP, 'city')");
                s.executeUpdate("INSERT INTO JX_MANUAL_INDICATOR (ID, PERF_YEAR, OWNER_ORG_UNIT_ID, IS_LOCAL, NAME_ZH, "
                        + "UNIT_ZH, KIND, COMPARISON, TARGET_VALUE, CREATED_AT, CREATED_BY) VALUES (1, 2024, 1, 0, "
                        + "'专题会议', '次', 'COUNT', 'AT_LEAST', 4, CURRENT_TIMESTAMP, 'city')");
            }
            return null;
        });
    }

    void startCity() throws Exception {
        cityBroker = Broker.city(dir.resolve("city"), "127.0.0.1", port, List.of(A, B),
                Certificates.get().tls("city"));
        cityBroker.start();
        receiver = new Receiver(city, new FixedOrgUnits(), FederationNode.registers(List.of(project)),
                Clock.systemUTC());
        receiver.start(cityBroker, List.of(A, B));
        cityOutbox = new CityOutbox(city, cityCore.units, List.of(A, B), Clock.systemUTC());
        FederationNode.firstSync(cityBroker, cityOutbox, List.of(A, B));
        cityCore.setOutbox(cityOutbox);
        cityRelay = new Relay(cityOutbox.entries(), cityBroker, Broker.DOWN);
        cityRelay.start(50);
    }

    /** The county's node starts again, as after a restore from a backup: a new epoch, the same broker. */
    void restartCounty() {
        relay.close();
        outbox = new CountyOutbox(county, A.node(), Clock.systemUTC(), outbox.epoch() + 1);
        engine.setOutbox(outbox);
        relay = new Relay(outbox, countyBroker);
        relay.start(50);
    }

    void stopCity() {
        cityRelay.close();
        receiver.close();
        cityBroker.close();
    }

    /** Every row of the table, every column, in id order: equal on both nodes when the city holds the county's data. */
    static List<String> rows(Store store, String table) {
        return store.read(c -> {
            List<String> out = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT ID FROM " + table + " ORDER BY ID"); var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Rows.read(c, table, rs.getLong(1)).orElseThrow().toString());
                }
            }
            return out;
        });
    }

    long count(Store store, String sql) {
        return store.read(c -> {
            try (var ps = c.prepareStatement(sql); var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The first column of every row the query gives, as text. */
    static List<String> strings(Store store, String sql) {
        return store.read(c -> {
            List<String> out = new java.util.ArrayList<>();
            try (var ps = c.prepareStatement(sql); var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    SyncStatus cityStatus() {
        return FederationNode.status(city, "city", 0, null, null, List.of(A, B));
    }

    String cityUrl() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Sends a change to {@code address} at the city as {@code who} would, bypassing any county node. */
    void sendAs(County who, String address, long seq, Change change) throws Exception {
        sendAs(Certificates.get().tls(who.user()), who.user(), who.password(), address, seq, change);
    }

    /** The same with any TLS material and credentials: what the city does with a stranger. */
    void sendAs(Tls tls, String user, String password, String address, long seq, Change change) throws Exception {
        sendAs(tls, user, password, address, seq, change.json());
    }

    /** Any text as the body of a county's change message. */
    void sendAs(County who, long seq, String body) throws Exception {
        sendAs(Certificates.get().tls(who.user()), who.user(), who.password(), who.inbox(), seq, body);
    }

    private void sendAs(Tls tls, String user, String password, String address, long seq, String body)
            throws Exception {
        try (ServerLocator locator = ActiveMQClient.createServerLocatorWithoutHA(tls.connector(cityUrl()))
                .setReconnectAttempts(0).setInitialConnectAttempts(1).setCallTimeout(5_000);
                ClientSessionFactory factory = locator.createSessionFactory();
                ClientSession session = factory.createSession(user, password, false, true, true, false, 0)) {
            ClientMessage m = session.createMessage(true);
            m.getBodyBuffer().writeString(body);
            m.putLongProperty(Relay.SEQ, seq);
            session.createProducer(address).send(m);
        }
    }

    static void await(String what, BooleanSupplier done) throws InterruptedException {
        await(what, 60, done);
    }

    static void await(String what, long seconds, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            Thread.sleep(50);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        downlink.close();
        relay.close();
        countyBroker.close();
        stopCity();
        county.close();
        city.close();
    }

    /** The county's audit lines, "action target": each register write leaves one beside its outbox entry. */
    final List<String> audit = java.util.Collections.synchronizedList(new ArrayList<>());

    private final class Audit implements AuditLog {
        @Override
        public void record(Connection connection, Actor actor, String action, String target, String detail) {
            record(actor, action, target, detail);
        }

        @Override
        public void record(Actor actor, String action, String target, String detail) {
            audit.add(action + " " + target);
        }
    }

    private static final class Base64Cipher implements FieldCipher {
        @Override
        public String encrypt(String plaintext) {
            return Base64.getEncoder().encodeToString(plaintext.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String decrypt(String ciphertext, Actor reader, String target) {
            return new String(Base64.getDecoder().decode(ciphertext), StandardCharsets.UTF_8);
        }

        @Override
        public String keyedHash(String domain, String value) {
            return Integer.toHexString((domain + ":" + value).hashCode());
        }
    }
}
