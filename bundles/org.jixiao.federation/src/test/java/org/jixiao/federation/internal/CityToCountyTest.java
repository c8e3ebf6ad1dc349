package org.jixiao.federation.internal;

import static org.jixiao.federation.internal.TwoNodes.A;
import static org.jixiao.federation.internal.TwoNodes.A_STAFF;
import static org.jixiao.federation.internal.TwoNodes.B;
import static org.jixiao.federation.internal.TwoNodes.CITY_ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.jixiao.api.Actor;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitDraft;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.IndicatorRef;
import org.jixiao.api.performance.Step;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.performance.TargetRule;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.store.Store;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.store.internal.MemoryStores;
import org.junit.jupiter.api.Test;

/**
 * The city's records reach its counties: the org tree, the years and their windows, and each county's own targets once
 * the city approved them, each county through its own durable queue at the city's broker, applied once, kept
 * read-only on the county node.
 */
class CityToCountyTest extends NodesTest {

    static final int YEAR = 2030;
    static final IndicatorRef TRAINED = new IndicatorRef("fed", Members.TRAINED.id());
    static final List<String> COPIED = List.of("JX_ORG_UNIT", "JX_PERF_YEAR", "JX_PERF_WINDOW", "JX_TARGET",
            "JX_TARGET_APPROVAL");

    /** The city opens {@link #YEAR}, with its target-setting window around today, and creates a town in county A. */
    OrgUnit cityWrites() {
        OrgUnit town = nodes.cityCore.units.create(CITY_ADMIN, new OrgUnitDraft(FixedOrgUnits.COUNTY_A.id(), "a-town",
                "甲县某镇团委", OrgLevel.ZONE));
        nodes.cityCore.units.update(CITY_ADMIN, FixedOrgUnits.COUNTY_A.id(), new OrgUnitDraft(1L, "a", "甲县团委（新）",
                OrgLevel.COUNTY));
        nodes.cityCore.cycle.open(CITY_ADMIN, YEAR);
        LocalDate today = LocalDate.now();
        nodes.cityCore.cycle.setWindow(CITY_ADMIN, YEAR, Step.TARGET_SETTING, today.minusDays(1), today.plusDays(1));
        return town;
    }

    void setTarget(long unit, int value, String reason) {
        nodes.cityCore.targets.set(CITY_ADMIN, YEAR, unit, TRAINED, new TargetRule(TargetKind.ABSOLUTE,
                Comparison.AT_LEAST, BigDecimal.valueOf(value)), reason);
    }

    /** Every row of the tables the city sends, every column, in key order. */
    static List<List<String>> copies(Store store, List<String> tables) {
        return tables.stream().map(t -> CoreRecordsTest.all(store, t)).toList();
    }

    void awaitCopied(Store county) throws InterruptedException {
        TwoNodes.await("the county holds the city's records", () -> copies(county, COPIED.subList(0, 3))
                .equals(copies(nodes.city, COPIED.subList(0, 3))) && approvals(county) == approvals(nodes.city));
    }

    long approvals(Store store) {
        return nodes.count(store, "SELECT COUNT(*) FROM JX_TARGET_APPROVAL");
    }

    List<String> targets(Store store) {
        return TwoNodes.strings(store, "SELECT TRIM(CAST(ORG_UNIT_ID AS CHAR(20))) || ' ' || "
                + "TRIM(CAST(CAST(TARGET_VALUE AS INTEGER) AS CHAR(20))) FROM JX_TARGET ORDER BY ORG_UNIT_ID");
    }

    @Test
    void theCitysTreeYearsAndApprovedTargetsReachTheCountyWithTheSameIds() throws Exception {
        OrgUnit town = cityWrites();
        setTarget(FixedOrgUnits.COUNTY_A.id(), 150, null);
        setTarget(FixedOrgUnits.COUNTY_B.id(), 120, null);
        awaitCopied(nodes.county);
        // The tree, the year and its windows as the city holds them; no target before the city approved them.
        assertEquals(List.of(), targets(nodes.county));
        // The county's tree, held in memory, was read again: the town is there, under its city id.
        TwoNodes.await("the county's tree read again", () -> nodes.countyCore.units.find(town.id()).isPresent());
        assertEquals("甲县某镇团委", nodes.countyCore.units.find(town.id()).orElseThrow().name());
        assertEquals("甲县团委（新）", nodes.countyCore.units.find(FixedOrgUnits.COUNTY_A.id()).orElseThrow().name());

        nodes.cityCore.targets.approve(CITY_ADMIN, YEAR);
        awaitCopied(nodes.county);
        TwoNodes.await("county A's target", () -> targets(nodes.county).equals(List.of("2 150")));
        assertEquals(CoreRecordsTest.all(nodes.city, "JX_TARGET_APPROVAL"), CoreRecordsTest.all(nodes.county,
                "JX_TARGET_APPROVAL"));
        // Changed after the approval, with a reason: the county sees the new value.
        setTarget(FixedOrgUnits.COUNTY_A.id(), 160, "市委调整");
        TwoNodes.await("the changed target", () -> targets(nodes.county).equals(List.of("2 160")));
        assertEquals(CoreRecordsTest.all(nodes.city, "JX_TARGET").subList(0, 1), CoreRecordsTest.all(nodes.county,
                "JX_TARGET"));
        // The county's own writes still reach the city.
        long id = nodes.engine.create(A_STAFF, nodes.project, "members", Map.of("name", "张三", "joinedOn",
                "2024-03-01"));
        TwoNodes.await("the county's record at the city", () -> nodes.city.read(c -> Rows.read(c, "T_MEMBER", id))
                .isPresent());
        SyncStatus.Sender city = FederationNode.status(nodes.county, "county", A.node(), nodes.outbox, null,
                List.of()).senders().get(0);
        assertEquals(List.of(Downlink.CITY, 0L), List.of(city.user(), city.refused()));
    }

    @Test
    void aCountyAwayWhileTheCityWritesGetsItAllWhenItComesBack() throws Exception {
        awaitCopied(nodes.county);
        TwoNodes.await("the first sync taken", () -> nodes.cityBroker.waiting(A.downQueue()) == 0);
        nodes.downlink.close();
        cityWrites();
        setTarget(FixedOrgUnits.COUNTY_A.id(), 150, null);
        nodes.cityCore.targets.approve(CITY_ADMIN, YEAR);
        // Kept at the city in the county's own queue: the unit, the rename, the year, its 8 windows and the change of
        // one, the target with the approval.
        TwoNodes.await("the city holds the county's changes", () -> nodes.cityBroker.waiting(A.downQueue()) == 14);
        assertEquals(List.of(), targets(nodes.county));
        nodes.downlink = nodes.startDownlink(nodes.county, A, nodes.countyCore);
        awaitCopied(nodes.county);
        TwoNodes.await("county A's target", () -> targets(nodes.county).equals(List.of("2 150")));
        TwoNodes.await("the queue is empty", () -> nodes.cityBroker.waiting(A.downQueue()) == 0);
    }

    @Test
    void aChangeDeliveredAgainIsAppliedOnce() throws Exception {
        cityWrites();
        awaitCopied(nodes.county);
        long applied = applied();
        // The last change of the city's again, past the brokers' duplicate detection and with another name.
        SyncStatus.Sender last = lastFromCity();
        Map<String, String> row = new java.util.LinkedHashMap<>(nodes.city.read(c -> Rows.read(c, "JX_ORG_UNIT",
                FixedOrgUnits.COUNTY_A.id()).orElseThrow()));
        row.put("NAME", "伪造");
        long epoch = nodes.county.read(c -> {
            try (var ps = c.prepareStatement("SELECT LAST_EPOCH FROM JX_SYNC_SENDER WHERE SENDER = 'city'");
                    var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertEquals(List.of(Receiver.Outcome.DUPLICATE), nodes.downlink.apply(List.of(new Receiver.Sent(epoch,
                last.lastSeq(), Change.row("JX_ORG_UNIT", Map.of("ID", "2"), row, null), null))));
        assertEquals("甲县团委（新）", TwoNodes.strings(nodes.county, "SELECT NAME FROM JX_ORG_UNIT WHERE ID = 2").get(0));
        assertEquals(applied, applied());
        // The city's first sync of county A again: applied as changes, nothing differs.
        nodes.cityOutbox.snapshot(A);
        TwoNodes.await("the second snapshot applied", () -> applied() > applied);
        awaitCopied(nodes.county);
    }

    long applied() {
        return lastFromCity().applied();
    }

    SyncStatus.Sender lastFromCity() {
        List<SyncStatus.Sender> senders = FederationNode.status(nodes.county, "county", A.node(), null, null,
                List.of()).senders();
        return senders.isEmpty() ? new SyncStatus.Sender("city", "?", 0, null, null, 0, 0, 0, null) : senders.get(0);
    }

    @Test
    void aNewCountyGetsTheCitysRecordsFirstAndNeverAnotherCountysTargets() throws Exception {
        cityWrites();
        setTarget(FixedOrgUnits.COUNTY_A.id(), 150, null);
        setTarget(FixedOrgUnits.COUNTY_B.id(), 120, null);
        nodes.cityCore.targets.approve(CITY_ADMIN, YEAR);
        // County B's node: a new database, no tree of its own; its queue at the city got a full copy first.
        try (MemoryStores.Loan b = MemoryStores.borrow("federation", TwoNodes::migrate)) {
            Downlink down = nodes.startDownlink(b, B, null);
            try {
                awaitCopied(b);
                TwoNodes.await("county B's target", () -> targets(b).equals(List.of("3 120")));
                setTarget(FixedOrgUnits.COUNTY_A.id(), 170, "调整");
                TwoNodes.await("county A's new target", () -> targets(nodes.county).equals(List.of("2 170")));
                nodes.cityCore.cycle.setWindow(CITY_ADMIN, YEAR, Step.TRACKING, LocalDate.of(YEAR, 2, 1),
                        LocalDate.of(YEAR, 12, 31));
                awaitCopied(b);
                assertEquals(List.of("3 120"), targets(b));
            } finally {
                down.close();
            }
        }
        // County B's account cannot take county A's queue.
        try (ServerLocator locator = ActiveMQClient.createServerLocatorWithoutHA(Certificates.get().tls(B.user())
                .connector(nodes.cityUrl())).setReconnectAttempts(0).setInitialConnectAttempts(1);
                ClientSessionFactory factory = locator.createSessionFactory();
                ClientSession session = factory.createSession(B.user(), B.password(), false, true, true, false, 0)) {
            assertThrows(ActiveMQSecurityException.class, () -> session.createConsumer(A.downQueue()));
        }
    }

    @Test
    void aFirstSyncOfManyTargetsReachesTheCountyWhole() throws Exception {
        // -Dfederation.snapshot=N measures a larger copy (README).
        int n = Integer.getInteger("federation.snapshot", 300);
        nodes.cityCore.cycle.open(CITY_ADMIN, YEAR);
        nodes.city.inTransaction(c -> {
            try (var ps = c.prepareStatement("INSERT INTO JX_TARGET (PERF_YEAR, ORG_UNIT_ID, PROJECT_ID, INDICATOR_ID, "
                    + "KIND, COMPARISON, TARGET_VALUE, UPDATED_AT, UPDATED_BY) VALUES (?, 2, 'fed', ?, 'ABSOLUTE', "
                    + "'AT_LEAST', ?, CURRENT_TIMESTAMP, 'city')")) {
                for (int i = 0; i < n; i++) {
                    ps.setInt(1, YEAR);
                    ps.setString(2, "i" + i);
                    ps.setInt(3, i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (var s = c.createStatement()) {
                return s.executeUpdate("INSERT INTO JX_TARGET_APPROVAL (PERF_YEAR, APPROVED_AT, APPROVED_BY) VALUES ("
                        + YEAR + ", CURRENT_TIMESTAMP, 'city')");
            }
        });
        // Written beside the services: the county has the year only, until the city sends it a first sync again.
        TwoNodes.await("the year at the county", () -> nodes.count(nodes.county, "SELECT COUNT(*) FROM JX_PERF_WINDOW "
                + "WHERE PERF_YEAR = " + YEAR) == 8);
        long start = System.nanoTime();
        long entries = nodes.cityOutbox.snapshot(A);
        long queued = (System.nanoTime() - start) / 1_000_000;
        TwoNodes.await("the county holds every target", 120, () -> nodes.count(nodes.county,
                "SELECT COUNT(*) FROM JX_TARGET") == n);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("first sync of %d entries (%d targets) queued in %d ms, sent and applied in %d ms (%d a "
                + "second)%n", entries, n, queued, millis, entries * 1000 / Math.max(1, millis));
        // Sorted: rows tied on the first two columns come in either order.
        assertEquals(CoreRecordsTest.all(nodes.city, "JX_TARGET").stream().sorted().toList(),
                CoreRecordsTest.all(nodes.county, "JX_TARGET").stream().sorted().toList());
        awaitCopied(nodes.county);
    }

    @Test
    void aCityWithoutItsTreeYetSendsNoFirstSyncAndSendsItAtItsNextStart() {
        try (MemoryStores.Loan fresh = MemoryStores.borrow("federation", TwoNodes::migrate)) {
            CityOutbox outbox = new CityOutbox(fresh, new FixedOrgUnits(), List.of(A), java.time.Clock.systemUTC());
            assertEquals(0, outbox.snapshot(A));
            assertEquals(List.of(false, true), List.of(outbox.snapshotSent(A), outbox.entries().next(1).isEmpty()));
        }
    }

    @Test
    void aCountyNodeRefusesToChangeWhatTheCityOwnsAndWritesNothing() throws Exception {
        Actor admin = new Actor(2, "admin", Set.of(Role.ADMIN, Role.TARGET_SETTER, Role.TARGET_APPROVER),
                FixedOrgUnits.CITY, Locale.SIMPLIFIED_CHINESE);
        Actor countyAdmin = new Actor(3, "a.admin", Set.of(Role.ADMIN), FixedOrgUnits.COUNTY_A,
                Locale.SIMPLIFIED_CHINESE);
        CityServices core = nodes.countyCore;
        List<List<String>> before = copies(nodes.county, COPIED);
        for (var write : List.<Runnable>of(
                () -> core.units.create(countyAdmin, new OrgUnitDraft(2L, "a-x", "某镇", OrgLevel.ZONE)),
                () -> core.units.update(admin, 2, new OrgUnitDraft(1L, "a", "改名", OrgLevel.COUNTY)),
                () -> core.cycle.open(admin, YEAR),
                () -> core.cycle.advance(admin, 2024, "原因"),
                () -> core.cycle.setWindow(admin, 2024, Step.TRACKING, LocalDate.of(2024, 1, 1),
                        LocalDate.of(2024, 12, 31)),
                () -> core.targets.approve(admin, 2024),
                () -> core.targets.set(admin, 2024, 2, TRAINED, new TargetRule(TargetKind.ABSOLUTE,
                        Comparison.AT_LEAST, BigDecimal.TEN), "原因"))) {
            ValidationException e = assertThrows(ValidationException.class, write::run);
            assertEquals(Set.of("federation.cityOwned"), Set.copyOf(e.fieldErrors().values()));
        }
        assertEquals(before, copies(nodes.county, COPIED));
        assertTrue(nodes.outbox.next(10).isEmpty());
    }
}
