package org.jixiao.federation.internal;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.register.RecordId;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.store.Store;

/**
 * The city's side: takes each county's changes from that county's inbox, in order, and applies each in one database
 * transaction together with the county's last applied sequence, so a change delivered twice is applied once. A change
 * about a record the county does not own, or in a unit outside its subtree, is refused: logged, counted and kept, and
 * never applied. A change that fails on its own every time it is tried (unreadable, a value the column cannot hold, a
 * key already taken) is set aside the same way, with its text kept for the city's administrators, so that it does not
 * hold up the county's changes behind it; a failure of the database, or a register not installed here, is waited out.
 * A county node takes the city's changes with the same loop and bookkeeping, with rules of its own ({@link Downlink}).
 */
final class Receiver implements AutoCloseable {

    enum Outcome { APPLIED, DUPLICATE, REFUSED }

    /** Why a change is refused: a key the city's status page translates, and what it names. */
    record Refusal(String reason, String detail) {
    }

    private static final System.Logger LOG = System.getLogger(Receiver.class.getName());
    /** How long a change that failed to apply (the database away) waits before it is tried again. */
    private static final long RETRY_MILLIS = 1_000;
    /** How often the same reason for waiting is logged as a warning again. */
    private static final long WARN_AGAIN_NANOS = 600_000_000_000L;

    private final Store store;
    private final OrgUnitService orgUnits;
    private final BiFunction<String, String, Optional<RegisterDefinition>> registers;
    private final Clock clock;
    /** Changes applied in one transaction at most. */
    static final int BATCH = 500;

    /**
     * What a receiving node does with one change that is new (not yet applied from its sender), within the batch's
     * transaction: applies or refuses it.
     */
    interface Rules {
        Outcome apply(Rows.Schema db, String sender, Sent sent) throws SQLException;

        /** After a batch committed. */
        default void committed() {
        }
    }

    private final List<ClientSession> sessions = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    /** Closed first on {@link #close}: what a thread may be waiting on (a connection to the city). */
    private final List<AutoCloseable> first = new ArrayList<>();
    private volatile boolean closed;

    /**
     * @param registers the register a project declares, by project and register id, among the projects installed here
     */
    Receiver(Store store, OrgUnitService orgUnits,
            BiFunction<String, String, Optional<RegisterDefinition>> registers, Clock clock) {
        this.store = store;
        this.orgUnits = orgUnits;
        this.registers = registers;
        this.clock = clock;
    }

    /**
     * Starts a consumer on each county's inbox, each with a session and a thread of its own that takes the changes
     * waiting, up to {@link #BATCH}, and applies them in one database transaction: a commit per change held a
     * catching-up city to some 80 changes a second.
     */
    void start(Broker broker, List<County> counties) throws Exception {
        for (County county : counties) {
            ClientSession session = broker.session();
            sessions.add(session);
            ClientConsumer consumer = session.createConsumer(county.inbox());
            session.start();
            Rules rules = (db, sender, sent) -> applyCounty(db, county, sent);
            thread("jixiao-receiver-" + county.user(), () -> receive(session, consumer, county.user(), rules));
        }
    }

    /** Runs {@code work} on a daemon thread of its own, joined on {@link #close}. */
    void thread(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    boolean closed() {
        return closed;
    }

    /** Closes {@code c} on {@link #close}, before waiting for the threads. */
    void closeFirst(AutoCloseable c) {
        first.add(c);
    }

    /**
     * Takes the changes waiting in {@code consumer}'s queue, a batch at a time, applies them with {@code rules} in one
     * transaction with the sender's bookkeeping, and acknowledges them after the commit; until closed.
     */
    void receive(ClientSession session, ClientConsumer consumer, String sender, Rules rules) {
        String lastWhy = null;
        long lastWarned = 0;
        while (!closed) {
            List<ClientMessage> batch = new ArrayList<>();
            try {
                ClientMessage first = consumer.receive(500);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                for (ClientMessage m; batch.size() < BATCH && (m = consumer.receiveImmediate()) != null; ) {
                    batch.add(m);
                }
                List<Sent> changes = new ArrayList<>(batch.size());
                for (ClientMessage m : batch) {
                    changes.add(Sent.of(m));
                }
                try {
                    applyAll(sender, rules, changes);
                } catch (RuntimeException e) {
                    // One change may spoil the batch: each on its own finds it and sets it aside, or fails as a whole.
                    applyEach(sender, rules, changes);
                }
                for (ClientMessage m : batch) {
                    m.acknowledge();
                }
                session.commit();
                rules.committed();
            } catch (Exception | LinkageError e) {
                if (closed) {
                    return;
                }
                // Nothing of the batch was applied: it comes back, in order, after the pause. A wait of hours (a
                // project not installed here) would otherwise log the same warning every second.
                String why = rootMessage(e);
                long now = System.nanoTime();
                boolean again = why.equals(lastWhy) && now - lastWarned < WARN_AGAIN_NANOS;
                LOG.log(again ? Level.DEBUG : Level.WARNING, "changes from " + sender
                        + " could not be applied; they are tried again every second: " + why, again ? null : e);
                if (!again) {
                    lastWhy = why;
                    lastWarned = now;
                }
                try {
                    Thread.sleep(RETRY_MILLIS);
                    session.rollback();
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (ActiveMQException x) {
                    LOG.log(Level.WARNING, "rolling back the changes from " + sender, x);
                }
            }
        }
    }

    /**
     * A change as it arrived, with the epoch and sequence number its county gave it; {@code change} is null when the
     * text ({@code body}) could not be read as one.
     */
    record Sent(long epoch, long seq, Change change, Long behind, String body) {

        Sent(long epoch, long seq, Change change, Long behind) {
            this(epoch, seq, change, behind, null);
        }

        static Sent of(ClientMessage m) {
            long epoch = m.containsProperty(Relay.EPOCH) ? m.getLongProperty(Relay.EPOCH) : 0;
            Long behind = m.containsProperty(Relay.BEHIND) ? m.getLongProperty(Relay.BEHIND) : null;
            String body = m.getBodyBuffer().readString();
            Change change;
            try {
                change = Change.parse(body);
            } catch (RuntimeException e) {
                change = null;
            }
            return new Sent(epoch, m.getLongProperty(Relay.SEQ), change, behind, body);
        }
    }

    /** A register that is not installed on this node: its changes wait for it, since refusing would lose them. */
    static final class RegisterMissing extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        RegisterMissing(Change change) {
            super("no register " + change.project() + "/" + change.register() + " here");
        }
    }

    /**
     * Applies the changes one transaction each; one that fails on its own every time is set aside and the next goes
     * on. Any other failure (the database away, a register missing) is thrown: the caller tries them all again later,
     * and those applied by then are skipped as duplicates.
     */
    void applyEach(County county, List<Sent> changes) {
        applyEach(county.user(), (db, sender, sent) -> applyCounty(db, county, sent), changes);
    }

    void applyEach(String sender, Rules rules, List<Sent> changes) {
        for (Sent s : changes) {
            try {
                applyAll(sender, rules, List.of(s));
            } catch (RuntimeException e) {
                if (!isChangesOwn(e)) {
                    throw e;
                }
                setAside(sender, s, e);
            }
        }
    }

    /**
     * Whether a failure lies in the change itself, so that trying it again cannot help: a text that is no change, a
     * value its column cannot hold or a constraint it breaks (SQL states 22 and 23), a value that is no number or date.
     */
    static boolean isChangesOwn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RegisterMissing) {
                return false;
            }
            if (t instanceof Unreadable || t instanceof IllegalArgumentException || t instanceof java.time.DateTimeException
                    || t instanceof com.google.gson.JsonParseException) {
                return true;
            }
            if (t instanceof SQLException q && q.getSQLState() != null
                    && (q.getSQLState().startsWith("22") || q.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    /** The text of a message that is no change. */
    static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreadable() {
            super("not a change");
        }
    }

    /**
     * Keeps a change that cannot be applied among the county's refused ones, with why and its whole text, and moves
     * the county's last applied number past it, in one transaction.
     */
    private void setAside(String sender, Sent sent, RuntimeException why) {
        LOG.log(Level.ERROR, "change " + sent.seq() + " from " + sender + " cannot be applied; it is set aside "
                + "on the synchronisation page", why);
        String detail = String.valueOf(rootMessage(why));
        store.inTransaction(c -> {
            Tally tally = new Tally(last(c, sender), new Rows.Schema(c));
            if (tally.seen(sent)) {
                return null;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO JX_SYNC_REFUSED (SENDER, SEQ, REASON, "
                    + "DETAIL, TARGET, REFUSED_AT, BODY) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, sender);
                ps.setLong(2, sent.seq());
                ps.setString(3, "unapplied");
                ps.setString(4, detail.length() > 200 ? detail.substring(0, 200) : detail);
                ps.setString(5, sent.change() == null ? null : sent.change().target());
                ps.setTimestamp(6, Timestamp.from(clock.instant()));
                ps.setString(7, sent.body() != null ? sent.body() : sent.change().json());
                ps.executeUpdate();
            }
            tally.add(Outcome.REFUSED, sent);
            tally.write(c, sender, clock.instant());
            return null;
        });
    }

    /** What failed, for the page: the database's state and message, or the innermost exception. */
    private static String rootMessage(Throwable e) {
        Throwable t = e;
        for (Throwable x = e; x != null; x = x.getCause()) {
            if (x instanceof SQLException q) {
                return q.getSQLState() + " " + q.getMessage();
            }
            t = x;
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** Applies, skips or refuses one change, with the county's bookkeeping, in one transaction. */
    Outcome apply(County county, long epoch, long seq, Change change) {
        return applyAll(county, List.of(new Sent(epoch, seq, change, null))).get(0);
    }

    /**
     * Applies, skips or refuses each change in turn, all in one transaction: all of them or none. The county's row of
     * bookkeeping is read (and locked) once and written once for the whole batch.
     */
    List<Outcome> applyAll(County county, List<Sent> changes) {
        return applyAll(county.user(), (db, sender, sent) -> applyCounty(db, county, sent), changes);
    }

    /** The same for any sender, with its rules; a change already applied from it is skipped as a duplicate. */
    List<Outcome> applyAll(String sender, Rules rules, List<Sent> changes) {
        return store.inTransaction(c -> {
            Tally tally = new Tally(last(c, sender), new Rows.Schema(c));
            List<Outcome> out = new ArrayList<>(changes.size());
            for (Sent s : changes) {
                Outcome o;
                if (tally.seen(s)) {
                    o = Outcome.DUPLICATE;
                } else if (s.change() == null) {
                    throw new Unreadable();
                } else {
                    o = rules.apply(tally.db, sender, s);
                }
                tally.add(o, s);
                out.add(o);
            }
            tally.write(c, sender, clock.instant());
            return out;
        });
    }

    /** What a batch did, for the county's row of bookkeeping: counts, and the last change applied or refused. */
    private static final class Tally {
        long epoch;
        long seq;
        Instant created;
        Long behind;
        final long[] counts = new long[Outcome.values().length];
        final Rows.Schema db;

        Tally(long[] last, Rows.Schema db) {
            this.db = db;
            epoch = last[0];
            seq = last[1];
        }

        /** A later epoch (the county started again, perhaps from a backup) starts its numbers afresh. */
        boolean seen(Sent s) {
            return s.epoch() < epoch || (s.epoch() == epoch && s.seq() <= seq);
        }

        void add(Outcome o, Sent s) {
            counts[o.ordinal()]++;
            if (o != Outcome.DUPLICATE) {
                epoch = s.epoch();
                seq = s.seq();
                created = s.change() == null ? null : s.change().createdAt();
                behind = s.behind();
            }
        }

        void write(Connection c, String sender, Instant now) throws SQLException {
            boolean moved = counts[Outcome.APPLIED.ordinal()] + counts[Outcome.REFUSED.ordinal()] > 0;
            try (PreparedStatement ps = c.prepareStatement("UPDATE JX_SYNC_SENDER SET APPLIED = APPLIED + ?, "
                    + "REFUSED = REFUSED + ?, DUPLICATES = DUPLICATES + ?" + (moved ? ", LAST_EPOCH = ?, LAST_SEQ = ?, "
                    + "LAST_AT = ?, LAST_CREATED = ?, LAST_BEHIND = ?" : "") + " WHERE SENDER = ?")) {
                ps.setLong(1, counts[Outcome.APPLIED.ordinal()]);
                ps.setLong(2, counts[Outcome.REFUSED.ordinal()]);
                ps.setLong(3, counts[Outcome.DUPLICATE.ordinal()]);
                int i = 4;
                if (moved) {
                    ps.setLong(i++, epoch);
                    ps.setLong(i++, seq);
                    ps.setTimestamp(i++, Timestamp.from(now));
                    ps.setTimestamp(i++, created == null ? null : Timestamp.from(created));
                    ps.setObject(i++, behind, java.sql.Types.BIGINT);
                }
                ps.setString(i, sender);
                ps.executeUpdate();
            }
        }
    }

    /** A county's change at the city: applied if it concerns the county's own records, else refused. */
    private Outcome applyCounty(Rows.Schema db, County county, Sent sent) throws SQLException {
        Change change = sent.change();
        Refusal refusal = refusal(db, county, change);
        if (refusal != null) {
            refuse(db.connection, county.user(), sent, refusal, clock.instant());
            return Outcome.REFUSED;
        }
        if (Change.ROW.equals(change.kind())) {
            applyRow(db, county, change);
        } else {
            RegisterDefinition def = registers.apply(change.project(), change.register())
                    .orElseThrow(() -> new RegisterMissing(change));
            Rows.upsert(db, def.table(), change.id(), change.row());
        }
        return Outcome.APPLIED;
    }

    /** Logs and keeps a refused change, never applied, for the node's status page. */
    static void refuse(Connection c, String sender, Sent sent, Refusal refusal, Instant now) throws SQLException {
        LOG.log(Level.WARNING, "refused change " + sent.seq() + " from " + sender + ": " + refusal.reason() + " "
                + refusal.detail());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO JX_SYNC_REFUSED (SENDER, SEQ, REASON, "
                + "DETAIL, TARGET, REFUSED_AT) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, sender);
            ps.setLong(2, sent.seq());
            ps.setString(3, refusal.reason());
            ps.setString(4, refusal.detail());
            ps.setString(5, sent.change().target());
            ps.setTimestamp(6, Timestamp.from(now));
            ps.executeUpdate();
        }
    }

    /**
     * Why the county may not make this change, or null. A register this node does not have is no refusal: the change
     * waits (is retried) until the project is installed here, since refusing would lose it.
     */
    private Refusal refusal(Rows.Schema db, County county, Change change) throws SQLException {
        if (Change.ROW.equals(change.kind())) {
            return rowRefusal(db, county, change);
        }
        if (!Change.REGISTER.equals(change.kind())) {
            return new Refusal("unknownKind", change.kind());
        }
        RegisterDefinition def = registers.apply(change.project(), change.register())
                .orElseThrow(() -> new RegisterMissing(change));
        if (RecordId.node(change.id()) != county.node()) {
            return new Refusal("otherNode", String.valueOf(RecordId.node(change.id())));
        }
        Optional<OrgUnit> home = home(county);
        if (home.isEmpty()) {
            return new Refusal("unitUnknown", county.unitCode());
        }
        if (!inSubtree(home.get(), change.row().get(def.unitColumn()))) {
            return new Refusal("outsideCounty", change.row().get(def.unitColumn()));
        }
        Optional<java.util.Map<String, String>> held = Rows.read(db, def.table(),
                Map.of("ID", String.valueOf(change.id())));
        if (held.isPresent() && !inSubtree(home.get(), held.get().get(def.unitColumn()))) {
            return new Refusal("heldOutside", held.get().get(def.unitColumn()));
        }
        return null;
    }

    /**
     * Why the county may not write this core row, or null: a table it does not write, a key that is not the table's,
     * a row (as sent, or as held here) of a unit outside its county, or a key that names another unit than its row.
     */
    private Refusal rowRefusal(Rows.Schema db, County county, Change change) throws SQLException {
        Optional<CoreTables> spec = CoreTables.find(change.table());
        if (spec.isEmpty() || !change.key().keySet().equals(java.util.Set.copyOf(spec.get().key()))) {
            return new Refusal("unknownTable", change.table());
        }
        Optional<OrgUnit> home = home(county);
        if (home.isEmpty()) {
            return new Refusal("unitUnknown", county.unitCode());
        }
        java.util.Map<String, String> key;
        try {
            key = cityKey(spec.get(), county, change.key());
        } catch (IllegalArgumentException e) {
            return new Refusal("unknownTable", change.table());
        }
        String unitColumn = spec.get().unitColumn();
        String unit = change.row() != null ? change.row().get(unitColumn) : key.get(unitColumn);
        if (!inSubtree(home.get(), unit) || (key.containsKey(unitColumn) && !key.get(unitColumn).equals(unit))) {
            return new Refusal("outsideCounty", unit);
        }
        Optional<java.util.Map<String, String>> held = Rows.read(db, spec.get().table(), key);
        if (held.isPresent() && !inSubtree(home.get(), held.get().get(unitColumn))) {
            return new Refusal("heldOutside", held.get().get(unitColumn));
        }
        return null;
    }

    /** The row's key at the city: a generated id gets the sender's node number, so counties' ids never collide. */
    private static java.util.Map<String, String> cityKey(CoreTables spec, County county,
            java.util.Map<String, String> key) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>(key);
        if (spec.nodeIds()) {
            long local;
            try {
                local = Long.parseLong(key.get("ID"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an id: " + key.get("ID"));
            }
            out.put("ID", String.valueOf(RecordId.of(county.node(), local)));
        }
        return out;
    }

    /** Writes or removes the county's row; the columns the city owns in it keep their value here. */
    private static void applyRow(Rows.Schema db, County county, Change change) throws SQLException {
        CoreTables spec = CoreTables.find(change.table()).orElseThrow();
        java.util.Map<String, String> key = cityKey(spec, county, change.key());
        if (change.row() == null) {
            Rows.delete(db, spec.table(), key);
            return;
        }
        java.util.Map<String, String> row = new java.util.LinkedHashMap<>(change.row());
        row.keySet().removeAll(spec.cityColumns());
        row.putAll(key);
        Rows.upsert(db, spec.table(), key, row, spec.cityColumns());
    }

    private Optional<OrgUnit> home(County county) {
        return orgUnits.subtree(orgUnits.root().id()).stream().filter(u -> u.code().equals(county.unitCode()))
                .findFirst();
    }

    private boolean inSubtree(OrgUnit home, String unitId) {
        long id;
        try {
            id = Long.parseLong(unitId);
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
        return orgUnits.find(id).filter(home::covers).isPresent();
    }

    /**
     * The county's last applied epoch and sequence, its row locked for this transaction (created at 0 on its first
     * change).
     */
    private static long[] last(Connection c, String sender) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT LAST_EPOCH, LAST_SEQ FROM JX_SYNC_SENDER WHERE SENDER = ? FOR UPDATE")) {
            ps.setString(1, sender);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return new long[] {rs.getLong(1), rs.getLong(2)};
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO JX_SYNC_SENDER (SENDER, LAST_SEQ, APPLIED, "
                + "DUPLICATES, REFUSED) VALUES (?, 0, 0, 0, 0)")) {
            ps.setString(1, sender);
            ps.executeUpdate();
        }
        return new long[] {0, 0};
    }

    @Override
    public void close() {
        closed = true;
        for (AutoCloseable c : first) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.log(Level.DEBUG, "closing " + c, e);
            }
        }
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        for (ClientSession s : sessions) {
            try {
                s.close();
            } catch (ActiveMQException e) {
                LOG.log(Level.DEBUG, "closing a receiver session", e);
            }
        }
        sessions.clear();
    }
}
