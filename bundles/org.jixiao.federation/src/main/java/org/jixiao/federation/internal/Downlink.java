package org.jixiao.federation.internal;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.jixiao.api.store.Store;

/**
 * A county's copies of the city's records. The county dials out (it is usually behind NAT, the city is not): over TLS,
 * with its own account, it consumes its own durable queue at the city's broker, which keeps the city's changes while
 * the county is away, and applies each change in one transaction with the last (epoch, number) applied from the city,
 * acknowledging after the commit: a change delivered twice is applied once. It reconnects for ever.
 */
final class Downlink implements AutoCloseable {

    /** The sender of the city's changes in the county's bookkeeping ({@code JX_SYNC_SENDER}). */
    static final String CITY = "city";
    private static final System.Logger LOG = System.getLogger(Downlink.class.getName());

    private final Receiver receiver;
    private final ServerLocator locator;
    private final County self;
    private final Clock clock;
    private final Consumer<Set<String>> applied;
    private final Set<String> touched = ConcurrentHashMap.newKeySet();

    /**
     * @param self    the county: its account at the city and its queue there
     * @param applied told, after each commit, which tables of the city's changed here
     */
    Downlink(Store store, Tls tls, String cityUrl, County self, Consumer<Set<String>> applied, Clock clock) {
        this.receiver = new Receiver(store, null, (project, register) -> Optional.empty(), clock);
        this.locator = ActiveMQClient.createServerLocatorWithoutHA(tls.connector(cityUrl)).setReconnectAttempts(-1)
                .setInitialConnectAttempts(-1).setRetryInterval(500).setRetryIntervalMultiplier(2)
                .setMaxRetryInterval(5_000);
        this.self = self;
        this.clock = clock;
        this.applied = applied;
        receiver.closeFirst(locator);
    }

    void start() {
        receiver.thread("jixiao-downlink", this::run);
    }

    private void run() {
        while (!receiver.closed()) {
            ClientSessionFactory factory = null;
            try {
                // Waits for the city as long as it takes; then the session reconnects by itself.
                factory = locator.createSessionFactory();
                ClientSession session = factory.createSession(self.user(), self.password(), false, false, false,
                        false, 0);
                ClientConsumer consumer = session.createConsumer(self.downQueue());
                session.start();
                receiver.receive(session, consumer, CITY, new Copies());
                return;
            } catch (Exception e) {
                if (factory != null) {
                    // Its queue not made yet (the city starting), or refused: a new connection next time.
                    factory.close();
                }
                if (receiver.closed()) {
                    return;
                }
                LOG.log(Level.WARNING, "cannot take the city's changes; trying again in 5 s", e);
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Applies a change of the city's as it is: the rows of the tables the city sends, by their key. */
    final class Copies implements Receiver.Rules {
        @Override
        public Receiver.Outcome apply(Rows.Schema db, String sender, Receiver.Sent sent) throws SQLException {
            Change change = sent.change();
            Optional<CityTables> spec = Change.ROW.equals(change.kind()) ? CityTables.find(change.table())
                    : Optional.empty();
            if (spec.isEmpty() || !change.key().keySet().equals(Set.copyOf(spec.get().key()))) {
                Receiver.refuse(db.connection, sender, sent, new Receiver.Refusal("unknownTable",
                        Change.ROW.equals(change.kind()) ? change.table() : change.kind()), clock.instant());
                return Receiver.Outcome.REFUSED;
            }
            Map<String, String> key = change.key();
            if (change.row() == null) {
                Rows.delete(db, spec.get().table(), key);
            } else {
                Rows.upsert(db, spec.get().table(), key, change.row(), Set.of());
            }
            touched.add(spec.get().table());
            return Receiver.Outcome.APPLIED;
        }

        @Override
        public void committed() {
            if (!touched.isEmpty()) {
                Set<String> tables = Set.copyOf(touched);
                touched.clear();
                applied.accept(tables);
            }
        }
    }

    /** Applies changes as if they had come through the county's queue: what a change delivered again meets. */
    java.util.List<Receiver.Outcome> apply(java.util.List<Receiver.Sent> changes) {
        java.util.List<Receiver.Outcome> out = receiver.applyAll(CITY, new Copies(), changes);
        new Copies().committed();
        return out;
    }

    @Override
    public void close() {
        receiver.close();
    }
}
