package org.jixiao.federation.internal;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.activemq.artemis.api.core.ActiveMQDuplicateIdException;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;

/**
 * Moves a county's outbox entries, in order, into its broker's outgoing queue, each with the duplicate id
 * {@code node:epoch:seq}, then removes them from the outbox. The bridge takes them on to the city. A crash between the
 * broker's commit and the removal sends those entries again: the broker drops them as duplicates, and the city would
 * skip them anyway by their sequence.
 */
final class Relay implements AutoCloseable {

    static final String SEQ = "jixiao.seq";
    static final String EPOCH = "jixiao.epoch";
    /** How many of the county's changes were still in its outbox behind this one: the city shows it as its backlog. */
    static final String BEHIND = "jixiao.behind";
    private static final System.Logger LOG = System.getLogger(Relay.class.getName());
    private static final int BATCH = 200;

    /** The county whose queue at the city an entry of the city's goes to (a name a filter can use); absent: all. */
    static final String TO = "jixiao_to";

    private final CountyOutbox outbox;
    private final Broker broker;
    private final String address;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jixiao-relay");
        t.setDaemon(true);
        return t;
    });
    private ClientSession session;
    private ClientProducer producer;

    /** A county's relay: into its broker's queue for the city. */
    Relay(CountyOutbox outbox, Broker broker) {
        this(outbox, broker, Broker.OUTBOX);
    }

    /** @param address where the entries go: a county's queue for the city, or the city's address for the counties */
    Relay(CountyOutbox outbox, Broker broker, String address) {
        this.outbox = outbox;
        this.broker = broker;
        this.address = address;
    }

    /** Looks for new entries every {@code periodMillis}. */
    void start(long periodMillis) {
        timer.scheduleWithFixedDelay(this::drainLogged, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void drainLogged() {
        try {
            drain();
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "the outbox relay failed; it tries again", e);
            closeSession();
        }
    }

    /** Hands every entry now in the outbox to the broker; returns how many. */
    int drain() throws Exception {
        int moved = 0;
        for (List<CountyOutbox.Entry> batch = outbox.next(BATCH); !batch.isEmpty(); batch = outbox.next(BATCH)) {
            publish(batch);
            outbox.handedOver(batch.get(batch.size() - 1).seq());
            moved += batch.size();
        }
        return moved;
    }

    private void publish(List<CountyOutbox.Entry> batch) throws Exception {
        open();
        long waiting = outbox.backlog().entries();
        try {
            for (int i = 0; i < batch.size(); i++) {
                producer.send(message(batch.get(i), waiting - i - 1));
            }
            session.commit();
        } catch (ActiveMQDuplicateIdException e) {
            // Some were handed over before a crash: one at a time, skipping those the broker already holds.
            session.rollback();
            for (int i = 0; i < batch.size(); i++) {
                try {
                    producer.send(message(batch.get(i), waiting - i - 1));
                    session.commit();
                } catch (ActiveMQDuplicateIdException again) {
                    session.rollback();
                }
            }
        }
    }

    private ClientMessage message(CountyOutbox.Entry e, long behind) {
        ClientMessage m = session.createMessage(true);
        m.getBodyBuffer().writeString(e.payload());
        m.putLongProperty(SEQ, e.seq());
        m.putLongProperty(BEHIND, Math.max(0, behind));
        m.putLongProperty(EPOCH, e.epoch());
        if (e.recipient() != null) {
            m.putStringProperty(TO, e.recipient());
        }
        // The epoch too: a county restored from a backup reuses numbers that its broker has already seen.
        m.putStringProperty(Message.HDR_DUPLICATE_DETECTION_ID.toString(), outbox.node() + ":" + e.epoch() + ":"
                + e.seq());
        return m;
    }

    private void open() throws Exception {
        if (session == null || session.isClosed()) {
            session = broker.session();
            producer = session.createProducer(address);
        }
    }

    private void closeSession() {
        try {
            if (session != null) {
                session.close();
            }
        } catch (ActiveMQException e) {
            LOG.log(Level.DEBUG, "closing the relay's session", e);
        }
        session = null;
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeSession();
    }
}
