package org.jixiao.federation.internal;

import static org.jixiao.federation.internal.TwoNodes.A;
import static org.jixiao.federation.internal.TwoNodes.A_STAFF;
import static org.jixiao.federation.internal.TwoNodes.B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.jixiao.api.federation.SyncHealth;
import org.jixiao.api.register.RecordId;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.store.internal.Catalogue;
import org.junit.jupiter.api.Test;

/**
 * A county node and the city node, each with its own database and embedded broker: what a county writes through the
 * register engine reaches the city, across a restart of the city, once only, and only within its own county.
 */
class FederationTest extends NodesTest {

    long create(String name) {
        return nodes.engine.create(A_STAFF, nodes.project, "members", Map.of("name", name, "joinedOn", "2024-03-01",
                "dues", "12.50", "active", "是"));
    }

    void awaitSameRows() throws InterruptedException {
        TwoNodes.await("the city holds the county's rows", () -> TwoNodes.rows(nodes.county, "T_MEMBER")
                .equals(TwoNodes.rows(nodes.city, "T_MEMBER")));
    }

    @Test
    void createsEditsAndDeletesAtACountyReachTheCityAsTheyAre() throws Exception {
        long first = create("张三");
        long second = create("李四");
        create("王五");
        nodes.engine.update(A_STAFF, nodes.project, "members", first, Map.of("name", "张三丰", "joinedOn",
                "2024-03-02", "dues", "0"), nodes.engine.get(A_STAFF, nodes.project, "members", first).version());
        nodes.engine.delete(A_STAFF, nodes.project, "members", second, "登记重复");
        awaitSameRows();
        assertEquals(3, TwoNodes.rows(nodes.city, "T_MEMBER").size());
        assertTrue(TwoNodes.rows(nodes.city, "T_MEMBER").get(0).contains("NAME=张三丰"));
        assertEquals(1, nodes.count(nodes.city, "SELECT COUNT(*) FROM T_MEMBER WHERE DELETED_AT IS NOT NULL"));
        assertEquals(1, RecordId.node(first));
        assertTrue(nodes.audit.contains("member.delete member:" + second));
        SyncStatus.Sender a = nodes.cityStatus().senders().get(0);
        // Nothing more at the county behind its last change: its backlog as the city last heard it.
        assertEquals(List.of("a", 5L, 5L, 0L, 0L, 0L), List.of(a.user(), a.lastSeq(), a.applied(), a.duplicates(),
                a.refused(), a.behind()));
        TwoNodes.await("the outbox is empty", () -> nodes.outbox.backlog().entries() == 0);
    }

    @Test
    void aCountyWritesWhileTheCityIsDownAndTheCityCatchesUpAfterItsRestart() throws Exception {
        create("先到");
        awaitSameRows();
        nodes.stopCity();
        // -Dfederation.offline=N measures a longer absence (2,000 changes: README).
        int offline = Integer.getInteger("federation.offline", 30);
        long writing = System.nanoTime();
        for (int i = 0; i < offline; i++) {
            create("离线" + i);
        }
        writing = System.nanoTime() - writing;
        // Store and forward: the relay empties the outbox into the county's broker, which keeps them for the city.
        TwoNodes.await("the county's broker holds the changes", () -> nodes.outbox.backlog().entries() == 0
                && nodes.countyBroker.waiting(Broker.OUTBOX) == offline);
        assertEquals(1, TwoNodes.rows(nodes.city, "T_MEMBER").size());
        SyncHealth.Summary waiting = FederationNode.status(nodes.county, "county", A.node(), nodes.outbox,
                nodes.countyBroker, List.of()).summary(Instant.now());
        assertEquals(List.of("county", (long) offline), List.of(waiting.role(), waiting.backlog()));
        long restart = System.nanoTime();
        nodes.startCity();
        // Counted, not compared row by row while it catches up: reading every row at each look slows the city down.
        TwoNodes.await("the city applied them", 60 + offline / 10, () -> !nodes.cityStatus().senders().isEmpty()
                && nodes.cityStatus().senders().get(0).applied() == offline + 1);
        restart = System.nanoTime() - restart;
        awaitSameRows();
        System.out.printf("%d changes written offline in %d ms; city restarted and caught up in %d ms (%d a second)%n",
                offline, writing / 1_000_000, restart / 1_000_000, offline * 1_000_000_000L / restart);
        TwoNodes.await("the county's broker is empty", () -> nodes.countyBroker.waiting(Broker.OUTBOX) == 0);
        assertEquals(offline + 1, nodes.cityStatus().senders().get(0).applied());
    }

    @Test
    void aChangeDeliveredAgainIsNotAppliedTwice() throws Exception {
        long id = create("赵六");
        awaitSameRows();
        // The relay crashed after its broker took entry 1 and before it removed it: the entry is sent again.
        Change sent = nodes.county.read(c -> new Change(Change.REGISTER, "fed", "members", id,
                Rows.read(c, "T_MEMBER", id).orElseThrow(), null));
        nodes.county.inTransaction(c -> {
            try (var ps = c.prepareStatement("INSERT INTO JX_OUTBOX (SEQ, NODE, KIND, PAYLOAD, CREATED_AT, EPOCH) "
                    + "VALUES (1, 1, 'register', ?, CURRENT_TIMESTAMP, ?)")) {
                ps.setString(1, sent.json());
                ps.setLong(2, nodes.outbox.epoch());
                return ps.executeUpdate();
            }
        });
        TwoNodes.await("the outbox is empty", () -> nodes.outbox.backlog().entries() == 0);
        // Past the brokers' duplicate detection (a new message id), with an edited row: skipped by its sequence.
        Map<String, String> edited = new LinkedHashMap<>(sent.row());
        edited.put("NAME", "改过的");
        nodes.sendAs(A, A.inbox(), 1, new Change(Change.REGISTER, "fed", "members", id, edited, null));
        TwoNodes.await("the city counted the duplicate", () -> nodes.cityStatus().senders().get(0).duplicates() == 1);
        long second = create("钱七");
        awaitSameRows();
        assertEquals(List.of(2L, 2L), List.of(nodes.cityStatus().senders().get(0).lastSeq(),
                nodes.cityStatus().senders().get(0).applied()));
        assertTrue(TwoNodes.rows(nodes.city, "T_MEMBER").get(0).contains("NAME=赵六"));
        assertEquals(Receiver.Outcome.DUPLICATE, nodes.receiver.apply(A, nodes.outbox.epoch(), 2, new Change(Change.REGISTER, "fed",
                "members", second, edited, null)));
        // Two duplicates: the one sent past the brokers and the one just applied. The entry the relay sent again
        // never reached the city: the county's broker dropped it by its duplicate id.
        assertEquals(2, nodes.cityStatus().senders().get(0).duplicates());
    }

    @Test
    void aCountyRestoredFromABackupDoesNotReuseNumbersTheCityHasApplied() throws Exception {
        create("备份前");
        create("备份后");
        awaitSameRows();
        // Restored from a backup taken after its first change: its numbering is back at 1, and it starts again.
        nodes.county.inTransaction(c -> {
            try (var ps = c.prepareStatement("UPDATE JX_OUTBOX_SEQ SET LAST_SEQ = 1")) {
                return ps.executeUpdate();
            }
        });
        nodes.restartCounty();
        long after = create("恢复后");
        // Number 2 again, in a new epoch: applied, not skipped as the change number 2 the city already has.
        awaitSameRows();
        SyncStatus.Sender a = nodes.cityStatus().senders().get(0);
        assertEquals(List.of(2L, 3L, 0L), List.of(a.lastSeq(), a.applied(), a.duplicates()));
        assertTrue(nodes.city.read(c -> Rows.read(c, "T_MEMBER", after)).isPresent());
    }

    @Test
    void onlyACountyWithTheAuthoritysCertificateAndItsOwnPasswordGetsIn() throws Exception {
        Change change = new Change(Change.REGISTER, "fed", "members", RecordId.of(A.node(), 1), Map.of(), null);
        Certificates ca = Certificates.get();
        // A self-signed certificate, though it says CN=a: the handshake fails before any password is asked for.
        Tls rogue = new Tls(ca.dir.resolve("rogue.p12"), Certificates.PASSWORD, ca.dir.resolve("trust.p12"),
                Certificates.PASSWORD);
        assertThrows(ActiveMQException.class, () -> nodes.sendAs(rogue, A.user(), A.password(), A.inbox(), 1,
                change));
        // County A's certificate with a wrong password, and county B's certificate with county A's password.
        assertThrows(ActiveMQSecurityException.class, () -> nodes.sendAs(ca.tls(A.user()), A.user(), "wrong",
                A.inbox(), 1, change));
        // Clear text: the acceptor speaks TLS only.
        try (ServerLocator plain = ActiveMQClient.createServerLocator(nodes.cityUrl()).setReconnectAttempts(0)
                .setInitialConnectAttempts(1).setCallTimeout(1_000)) {
            assertThrows(ActiveMQException.class, () -> plain.createSessionFactory()
                    .createSession(A.user(), A.password(), false, true, true, false, 0).close());
        }
        assertEquals(List.of(), nodes.cityStatus().senders());
        // The same county with its own certificate and password is let in.
        nodes.sendAs(A, A.inbox(), 1, change);
        TwoNodes.await("the change is refused as empty, not kept out",
                () -> nodes.cityStatus().senders().size() == 1);
    }

    @Test
    void aCountyCannotWriteAnotherCountysRecordsAtTheCity() throws Exception {
        long id = create("孙八");
        awaitSameRows();
        Map<String, String> row = new LinkedHashMap<>(TwoNodes.rows(nodes.county, "T_MEMBER").isEmpty() ? Map.of()
                : nodes.county.read(c -> Rows.read(c, "T_MEMBER", id).orElseThrow()));
        // County B's credentials: its own inbox only.
        assertThrows(ActiveMQSecurityException.class, () -> nodes.sendAs(B, A.inbox(), 2, new Change(
                Change.REGISTER, "fed", "members", id, row, null)));
        // In its own inbox, an edit of county A's record, then a record of its own node placed in county A.
        row.put("NAME", "伪造");
        nodes.sendAs(B, B.inbox(), 1, new Change(Change.REGISTER, "fed", "members", id, row, null));
        long forged = RecordId.of(B.node(), 7);
        Map<String, String> planted = new LinkedHashMap<>(row);
        planted.put("ID", String.valueOf(forged));
        nodes.sendAs(B, B.inbox(), 2, new Change(Change.REGISTER, "fed", "members", forged, planted, null));
        TwoNodes.await("both refused", () -> nodes.count(nodes.city, "SELECT COUNT(*) FROM JX_SYNC_REFUSED") == 2);
        // The city's status page lists them, newest first, with a reason it translates.
        List<SyncHealth.Refusal> refusals = FederationNode.counties(nodes.city, nodes.cityBroker, List.of(A, B))
                .get(1).refusals();
        assertEquals(List.of("outsideCounty " + FixedOrgUnits.COUNTY_A.id(), "otherNode 1"), refusals.stream()
                .map(r -> r.reason() + " " + r.detail()).toList());
        assertEquals("fed/members:" + id, refusals.get(1).target());
        assertEquals(TwoNodes.rows(nodes.county, "T_MEMBER"), TwoNodes.rows(nodes.city, "T_MEMBER"));
        SyncStatus.Sender b = nodes.cityStatus().senders().get(1);
        assertEquals(List.of("b", 0L, 2L), List.of(b.user(), b.applied(), b.refused()));
        assertTrue(nodes.cityStatus().lines().get(2).contains("refused 2"));
        assertEquals(2, nodes.cityStatus().summary(Instant.now()).refused());
    }

    @Test
    void aChangeThatCannotBeAppliedIsSetAsideAndTheCountysLaterChangesGoOn() throws Exception {
        long id = create("周九");
        awaitSameRows();
        Map<String, String> row = nodes.county.read(c -> Rows.read(c, "T_MEMBER", id).orElseThrow());
        List<Long> ids = List.of(RecordId.of(B.node(), 1), RecordId.of(B.node(), 2), RecordId.of(B.node(), 3));
        List<String> names = List.of("吴十", "名".repeat(60), "郑十一");
        for (int i = 0; i < 3; i++) {
            Map<String, String> mine = new LinkedHashMap<>(row);
            mine.putAll(Map.of("ID", String.valueOf(ids.get(i)), "UNIT_ID",
                    String.valueOf(FixedOrgUnits.COUNTY_B.id()), "NAME", names.get(i)));
            nodes.sendAs(B, B.inbox(), i + 1, new Change(Change.REGISTER, "fed", "members", ids.get(i), mine, null));
        }
        // Not a change at all, after a name too long for its column: both kept aside, the third change applied.
        nodes.sendAs(B, 4, "{\"kind\":");
        mineToo(row);
        TwoNodes.await("the county's later changes applied", () -> nodes.count(nodes.city,
                "SELECT COUNT(*) FROM T_MEMBER WHERE ID IN (" + ids.get(0) + ", " + ids.get(2) + ", "
                        + RecordId.of(B.node(), 5) + ")") == 3);
        assertEquals(0, nodes.count(nodes.city, "SELECT COUNT(*) FROM T_MEMBER WHERE ID = " + ids.get(1)));
        assertEquals(List.of("unapplied 2 fed/members:" + ids.get(1), "unapplied 4 null"), TwoNodes.strings(nodes.city,
                "SELECT REASON || ' ' || TRIM(CAST(SEQ AS CHAR(20))) || ' ' || COALESCE(TARGET, 'null') "
                        + "FROM JX_SYNC_REFUSED ORDER BY SEQ").stream().map(String::strip).toList());
        // Nothing the county sent is lost: the text of each is kept, and the reason says what failed.
        assertEquals(List.of(true, true), TwoNodes.strings(nodes.city,
                "SELECT CAST(BODY AS VARCHAR(2000)) FROM JX_SYNC_REFUSED ORDER BY SEQ").stream()
                .map(b -> b.contains(names.get(1)) || b.equals("{\"kind\":")).toList());
        SyncHealth.Refusal tooLong = FederationNode.counties(nodes.city, nodes.cityBroker, List.of(A, B)).get(1)
                .refusals().get(1);
        assertTrue(tooLong.detail().startsWith("22001"), tooLong.detail());
        SyncStatus.Sender b = nodes.cityStatus().senders().get(1);
        assertEquals(List.of("b", 5L, 3L, 2L), List.of(b.user(), b.lastSeq(), b.applied(), b.refused()));
    }

    /** County B's fifth change: a record of its own, behind the two that cannot be applied. */
    private void mineToo(Map<String, String> row) throws Exception {
        Map<String, String> mine = new LinkedHashMap<>(row);
        long fifth = RecordId.of(B.node(), 5);
        mine.putAll(Map.of("ID", String.valueOf(fifth), "UNIT_ID", String.valueOf(FixedOrgUnits.COUNTY_B.id())));
        nodes.sendAs(B, B.inbox(), 5, new Change(Change.REGISTER, "fed", "members", fifth, mine, null));
    }

    /** The baseline and V4 build what V1..V4 built: the catalogue was written once from those, replayed. */
    @Test
    void theBaselineBuildsTheSchemaTheHistoryBuilt() throws Exception {
        Catalogue.assertMigratesTo(FederationNode.OWNER, FederationNode.migrations(), FederationTest.class,
                "/catalogue/federation.txt");
    }
}
