package org.jixiao.federation.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.core.config.BridgeConfiguration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * The node's embedded Artemis broker, journal on disk. A county's broker keeps its outgoing changes in
 * {@link #OUTBOX} and a core bridge forwards them to its own inbox at the city, retrying for ever while the city is
 * away (store and forward), with duplicate detection. The city's broker listens on a TCP port; each county may only
 * send to its own inbox, so the inbox a change arrives in names its sender.
 */
final class Broker implements AutoCloseable {

    static final String OUTBOX = "jixiao.sync.out";
    static final String INBOX_PREFIX = "jixiao.sync.in.";
    /**
     * The city's changes for the counties: a multicast address with a durable queue per county ({@link
     * County#downQueue}), which keeps what the county has not taken yet however long it stays away, and which only
     * that county may consume. A queue's filter lets through what is for every county, and what names that county.
     */
    static final String DOWN = "jixiao.sync.down";
    /** The node's own relay and receiver, in-VM, with a password made anew at each start. */
    static final String NODE_USER = "jixiao-node";
    private static final String NODE_ROLE = "node";
    /** In-VM acceptor ids are per JVM: tests run a city and a county side by side. */
    private static final AtomicInteger VM_IDS = new AtomicInteger();

    private final ActiveMQServer server;
    private final int vmId = VM_IDS.incrementAndGet();
    private final String nodePassword;
    private ServerLocator locator;
    private ClientSessionFactory factory;

    private Broker(ConfigurationImpl config, Map<String, NodeSecurity.User> users) {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        nodePassword = Base64.getEncoder().encodeToString(secret);
        Map<String, NodeSecurity.User> all = new HashMap<>(users);
        all.put(NODE_USER, new NodeSecurity.User(nodePassword, NODE_ROLE));
        try {
            config.addAcceptorConfiguration("in-vm", "vm://" + vmId);
        } catch (Exception e) {
            throw new IllegalStateException("in-VM acceptor", e);
        }
        server = ActiveMQServers.newActiveMQServer(config, null, new NodeSecurity(all), true);
    }

    /** The city's broker: a TLS acceptor and an inbox for each county, which only that county may send to. */
    static Broker city(Path dir, String host, int port, List<County> counties, Tls tls) {
        ConfigurationImpl config = base(dir, "city");
        config.addAcceptorConfiguration(tls.acceptor(host, port));
        Map<String, NodeSecurity.User> users = new HashMap<>();
        for (County c : counties) {
            users.put(c.user(), new NodeSecurity.User(c.password(), "county:" + c.user()));
            queue(config, c.inbox());
            config.putSecurityRoles(c.inbox(), Set.of(nodeRole(), sender("county:" + c.user())));
            // Its own queue of the city's changes only: consumed by queue name, checked on address::queue.
            config.putSecurityRoles(DOWN + "::" + c.downQueue(), Set.of(nodeRole(), consumer("county:" + c.user())));
        }
        config.addAddressConfiguration(new CoreAddressConfiguration().setName(DOWN)
                .addRoutingType(RoutingType.MULTICAST));
        return new Broker(config, users);
    }

    /** A county's broker: no listening port; a bridge to its inbox at the city, with its own credentials. */
    static Broker county(Path dir, String cityUrl, String user, String password, Tls tls) {
        ConfigurationImpl config = base(dir, "county-" + user);
        config.addConnectorConfiguration("city", tls.connector(cityUrl));
        queue(config, OUTBOX);
        config.addBridgeConfiguration(new BridgeConfiguration().setName("to-city").setQueueName(OUTBOX)
                .setForwardingAddress(INBOX_PREFIX + user).setStaticConnectors(List.of("city"))
                .setUseDuplicateDetection(true).setReconnectAttempts(-1).setRetryInterval(500)
                .setRetryIntervalMultiplier(2).setMaxRetryInterval(5_000).setUser(user).setPassword(password));
        return new Broker(config, Map.of());
    }

    private static ConfigurationImpl base(Path dir, String name) {
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("jixiao-" + name);
        config.setPersistenceEnabled(true);
        config.setSecurityEnabled(true);
        config.setJMXManagementEnabled(false);
        // NIO: the AIO journal needs a native library that a county's server may lack.
        config.setJournalType(JournalType.NIO);
        config.setJournalFileSize(4 * 1024 * 1024);
        config.setJournalMinFiles(2);
        config.setJournalDirectory(dir.resolve("journal").toString());
        config.setBindingsDirectory(dir.resolve("bindings").toString());
        config.setLargeMessagesDirectory(dir.resolve("large-messages").toString());
        config.setPagingDirectory(dir.resolve("paging").toString());
        config.setNodeManagerLockDirectory(dir.toString());
        // Duplicate ids survive a restart; 100,000 covers far more than a relay ever has in flight.
        config.setPersistIDCache(true);
        config.setIDCacheSize(100_000);
        config.setGracefulShutdownEnabled(true);
        config.setGracefulShutdownTimeout(5_000);
        config.putSecurityRoles("#", Set.of(nodeRole()));
        // A change that fails to apply (the database away) is retried, never dropped to a dead-letter address,
        // and comes back at once, ahead of later changes: order matters. The receiver waits before rolling back.
        config.addAddressSetting("jixiao.sync.#", new AddressSettings().setMaxDeliveryAttempts(-1)
                .setRedeliveryDelay(0).setAutoCreateQueues(false).setAutoCreateAddresses(false));
        return config;
    }

    private static void queue(ConfigurationImpl config, String name) {
        config.addQueueConfiguration(QueueConfiguration.of(name).setAddress(name).setRoutingType(RoutingType.ANYCAST)
                .setDurable(true));
    }

    private static Role nodeRole() {
        return new Role(NODE_ROLE, true, true, true, true, true, true, true, true, true, true, true, true);
    }

    private static Role sender(String name) {
        return new Role(name, true, false, false, false, false, false, false, false, false, false, false, false);
    }

    private static Role consumer(String name) {
        return new Role(name, false, true, false, false, false, false, false, false, false, false, false, false);
    }

    /**
     * The city: creates the county's queue of the city's changes unless it is there (kept in the journal across
     * restarts); true when it was created now, so that nothing sent before reached it.
     */
    boolean createDownQueue(County c) throws Exception {
        if (server.locateQueue(c.downQueue()) != null) {
            return false;
        }
        server.createQueue(QueueConfiguration.of(c.downQueue()).setAddress(DOWN).setRoutingType(RoutingType.MULTICAST)
                .setDurable(true).setFilterString(Relay.TO + " IS NULL OR " + Relay.TO + " = '" + c.user() + "'"));
        return true;
    }

    void start() throws Exception {
        server.start();
        locator = ActiveMQClient.createServerLocator("vm://" + vmId);
        factory = locator.createSessionFactory();
    }

    /** A session of the node's own user: transacted sends and acknowledgements, committed by the caller. */
    ClientSession session() throws Exception {
        return factory.createSession(NODE_USER, nodePassword, false, false, false, false, 0);
    }

    /** Messages waiting in a queue of this broker (for a county, what the city has not taken yet). */
    long waiting(String queue) {
        var q = server.locateQueue(queue);
        return q == null ? 0 : q.getMessageCount();
    }

    ActiveMQServer server() {
        return server;
    }

    @Override
    public void close() {
        try {
            if (factory != null) {
                factory.close();
            }
            if (locator != null) {
                locator.close();
            }
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the broker", e);
        }
    }
}
