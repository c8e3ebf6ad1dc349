package org.jixiao.project.scholarship.internal.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jixiao.api.register.Attachment;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.Transition;

/**
 * The hash-chained log of decisions: every workflow step of an application or an objection (review, rejection,
 * re-check, notice, objection finding, disbursement) becomes an entry whose hash covers its content and the hash of
 * the entry before. Editing, deleting or inserting an entry in the database breaks the chain at that entry; a
 * record whose state no longer agrees with its last decision (its row edited directly) is named too. The head, the
 * last entry's hash, is printed on the public notice so that a printed notice can later be checked against the
 * records.
 */
public final class DecisionChain {

    /** The hash before the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private final Clock clock;

    public DecisionChain(Clock clock) {
        this.clock = clock;
    }

    /** One entry as stored. */
    public record Entry(long seq, Instant at, long actorId, long unitId, String register, long recordId, String step,
            String fromState, String toState, String reason, String detail, String prevHash, String hash) {

        /** The hash this entry's content and predecessor give. */
        String computed() {
            return sha256(String.join("\u001f", List.of(Long.toString(seq), Long.toString(at.toEpochMilli()),
                    Long.toString(actorId), Long.toString(unitId), register, Long.toString(recordId), step,
                    text(fromState), toState, text(reason), text(detail), prevHash)));
        }
    }

    /**
     * What a check found.
     *
     * @param entries       how many entries were read
     * @param head          the last entry's hash (the genesis hash for an empty chain)
     * @param brokenSeq     the first entry whose link or hash is wrong, or null
     * @param brokenRecord  "register/id" of the first record whose state disagrees with its last decision, or null
     */
    public record Verification(long entries, String head, Long brokenSeq, String brokenRecord) {
        public boolean intact() {
            return brokenSeq == null && brokenRecord == null;
        }
    }

    /** Appends the step just taken, inside its transaction; the table lock keeps two steps from sharing a parent. */
    public void append(RecordChange change) throws SQLException {
        Connection c = change.connection();
        try (Statement st = c.createStatement()) {
            st.execute("LOCK TABLE SCH_DECISION IN EXCLUSIVE MODE");
        }
        long seq = 1;
        String prev = GENESIS;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT SEQ, HASH FROM SCH_DECISION ORDER BY SEQ DESC FETCH FIRST 1 ROWS ONLY");
                ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                seq = rs.getLong(1) + 1;
                prev = rs.getString(2);
            }
        }
        Transition step = change.transition().orElseThrow();
        Entry e = new Entry(seq, clock.instant().truncatedTo(ChronoUnit.MILLIS), change.actor().userId(),
                change.unitId(), change.register().id(), change.id(), step.id(),
                change.before().map(b -> b.state()).orElse(null), step.to(), reason(c, change), detail(change, step),
                prev, null);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO SCH_DECISION (SEQ, DECIDED_AT, ACTOR_ID, UNIT_ID,"
                + " REGISTER, RECORD_ID, STEP, FROM_STATE, TO_STATE, REASON, DETAIL, PREV_HASH, HASH)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, e.seq());
            ps.setTimestamp(2, Timestamp.from(e.at()));
            ps.setLong(3, e.actorId());
            ps.setLong(4, e.unitId());
            ps.setString(5, e.register());
            ps.setLong(6, e.recordId());
            ps.setString(7, e.step());
            ps.setString(8, e.fromState());
            ps.setString(9, e.toState());
            ps.setString(10, e.reason());
            ps.setString(11, e.detail());
            ps.setString(12, e.prevHash());
            ps.setString(13, e.computed());
            ps.executeUpdate();
        }
    }

    /**
     * The reason the step was given with. The engine hands hooks the step but not its reason, which it has just
     * written to its history in this same transaction: read back from there.
     */
    private static String reason(Connection c, RecordChange change) throws SQLException {
        if (!change.transition().orElseThrow().reason()) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT REASON FROM REG_HISTORY WHERE PROJECT = ?"
                + " AND REGISTER = ? AND RECORD_ID = ? ORDER BY ID DESC FETCH FIRST 1 ROWS ONLY")) {
            ps.setString(1, "scholarship");
            ps.setString(2, change.register().id());
            ps.setLong(3, change.id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The values the step recorded (an amount paid, a finding), in name order; a file by its stored id. */
    private static String detail(RecordChange change, Transition step) {
        Map<String, String> out = new TreeMap<>();
        for (String f : step.fields()) {
            Object v = change.values().get(f);
            out.put(f, v instanceof Attachment a ? "file:" + a.id() + ":" + a.size() : String.valueOf(v));
        }
        return out.isEmpty() ? null : out.toString();
    }

    /** Every entry in order, each link and hash checked, and each record's state against its last decision. */
    public Verification verify(Connection c) throws SQLException {
        List<Entry> entries = entries(c, null);
        String prev = GENESIS;
        Long broken = null;
        Map<String, String> lastState = new TreeMap<>();
        for (Entry e : entries) {
            if (broken == null && (!e.prevHash().equals(prev) || !e.computed().equals(e.hash()))) {
                broken = e.seq();
            }
            prev = e.hash();
            lastState.put(e.register() + "/" + e.recordId(), e.toState());
        }
        return new Verification(entries.size(), prev, broken, disagreeing(c, lastState));
    }

    /**
     * The entry whose hash a printed notice carries, if the chain holds it: with {@link #verify} intact up to there,
     * the decisions the notice was printed after are those of the records.
     */
    public java.util.Optional<Long> entryOf(Connection c, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT SEQ FROM SCH_DECISION WHERE HASH = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(rs.getLong(1)) : java.util.Optional.empty();
            }
        }
    }

    /** The head of the chain: the hash a printed notice carries. */
    public String head(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT HASH FROM SCH_DECISION ORDER BY SEQ DESC FETCH FIRST 1 ROWS ONLY");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : GENESIS;
        }
    }

    /** The entries of the chain, of one unit when {@code unit} is given. */
    public List<Entry> entries(Connection c, Long unit) throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT SEQ, DECIDED_AT, ACTOR_ID, UNIT_ID, REGISTER, RECORD_ID,"
                + " STEP, FROM_STATE, TO_STATE, REASON, DETAIL, PREV_HASH, HASH FROM SCH_DECISION"
                + (unit == null ? "" : " WHERE UNIT_ID = ?") + " ORDER BY SEQ")) {
            if (unit != null) {
                ps.setLong(1, unit);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getLong(3), rs.getLong(4),
                            rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13)));
                }
            }
        }
        return out;
    }

    /**
     * The first record (in id order) that is past its first state without a decision saying so, or whose state is
     * not the one its last decision left it in.
     */
    private static String disagreeing(Connection c, Map<String, String> lastState) throws SQLException {
        for (String[] t : List.of(new String[] {"applications", "SCH_APPLICATION", "APPLIED"},
                new String[] {"objections", "SCH_OBJECTION", "OPEN"})) {
            try (PreparedStatement ps = c.prepareStatement("SELECT ID, STATE FROM " + t[1]
                    + " WHERE DELETED_AT IS NULL ORDER BY ID"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = t[0] + "/" + rs.getLong(1);
                    String decided = lastState.get(key);
                    String state = rs.getString(2);
                    if (decided == null ? !t[2].equals(state) : !decided.equals(state)) {
                        return key;
                    }
                }
            }
        }
        return null;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String s) {
        return s == null ? "\u0000" : s;
    }
}
