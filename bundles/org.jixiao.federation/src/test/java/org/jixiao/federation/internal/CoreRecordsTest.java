package org.jixiao.federation.internal;

import static org.jixiao.federation.internal.TwoNodes.A;
import static org.jixiao.federation.internal.TwoNodes.B;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.federation.SyncHealth;
import org.jixiao.api.register.RecordId;
import org.jixiao.api.testing.FixedOrgUnits;
import org.junit.jupiter.api.Test;

/**
 * The core's county-written records (time-node marks, problems, self-assessments and their claims, manual-indicator
 * answers) reach the city the way the core's services write them: the row and its outbox entry in one transaction
 * (the services' own tests show that they call the hook). At the city a generated id carries the county's node, the
 * city's own columns of a row stay the city's, and a county writes nothing of another county's.
 */
class CoreRecordsTest extends NodesTest {

    static final long UNIT_A = FixedOrgUnits.COUNTY_A.id();

    /** Runs {@code sql} at the county and hands the row with {@code key} to the outbox, in one transaction. */
    long write(String sql, String table, Map<String, Object> key) {
        return nodes.county.inTransaction(c -> {
            long id = execute(c, sql);
            Map<String, Object> k = new LinkedHashMap<>(key);
            k.replaceAll((column, v) -> v == null ? id : v);
            nodes.outbox.rowChanged(c, table, k);
            return id;
        });
    }

    private static long execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS);
            try (var keys = s.getGeneratedKeys()) {
                return keys != null && keys.next() && keys.getObject(1) != null ? keys.getLong(1) : 0;
            }
        }
    }

    static final Map<String, Object> ID = new LinkedHashMap<>();

    static {
        ID.put("ID", null);
    }

    static final Map<String, Object> REPORT = Map.of("PERF_YEAR", 2024, "ORG_UNIT_ID", UNIT_A);

    @Test
    void aCountysCoreRecordsReachTheCityUnderItsNodeWithTheCitysColumnsKept() throws Exception {
        long mark = write("INSERT INTO JX_MILESTONE_DONE (PERF_YEAR, ORG_UNIT_ID, PROJECT_ID, MILESTONE_ID, DONE_ON, "
                + "EVIDENCE, DONE_BY, DONE_AT) VALUES (2024, 2, 'fed', 'built', '2024-05-30', '见台账', 'a.staff', "
                + "CURRENT_TIMESTAMP)", "JX_MILESTONE_DONE", ID);
        long problem = write("INSERT INTO JX_PROBLEM (PERF_YEAR, ORG_UNIT_ID, TITLE, DESCRIPTION, PROBLEM_STATE, "
                + "RECORDED_BY, RECORDED_AT, UPDATED_BY, UPDATED_AT) VALUES (2024, 2, '台账不全', '缺页', 'OPEN', "
                + "'a.staff', CURRENT_TIMESTAMP, 'a.staff', CURRENT_TIMESTAMP)", "JX_PROBLEM", ID);
        write("INSERT INTO JX_SELF_ASSESSMENT (PERF_YEAR, ORG_UNIT_ID, REPORT_STATE, PROBLEMS, UPDATED_AT, UPDATED_BY) "
                + "VALUES (2024, 2, 'SUBMITTED', '部分记录未录入', CURRENT_TIMESTAMP, 'a.staff')", "JX_SELF_ASSESSMENT",
                REPORT);
        Map<String, Object> claim = Map.of("PERF_YEAR", 2024, "ORG_UNIT_ID", UNIT_A, "PROJECT_ID", "fed",
                "INDICATOR_ID", "trained");
        write("INSERT INTO JX_SELF_ASSESSMENT_CLAIM (PERF_YEAR, ORG_UNIT_ID, PROJECT_ID, INDICATOR_ID, CLAIMED) "
                + "VALUES (2024, 2, 'fed', 'trained', 155)", "JX_SELF_ASSESSMENT_CLAIM", claim);
        write("INSERT INTO JX_MANUAL_ANSWER (INDICATOR_ID, ORG_UNIT_ID, ANSWER_VALUE, UPDATED_AT, UPDATED_BY) VALUES "
                + "(1, 2, 5, CURRENT_TIMESTAMP, 'a.staff')", "JX_MANUAL_ANSWER", Map.of("INDICATOR_ID", 1L,
                        "ORG_UNIT_ID", UNIT_A));
        awaitApplied(5);
        // Natural keys arrive as they are; generated ids under the county's node number.
        for (String table : List.of("JX_SELF_ASSESSMENT", "JX_SELF_ASSESSMENT_CLAIM", "JX_MANUAL_ANSWER")) {
            assertEquals(all(nodes.county, table), all(nodes.city, table), table);
        }
        assertEquals(List.of(RecordId.of(A.node(), problem)), ids("JX_PROBLEM"));
        assertEquals(List.of(RecordId.of(A.node(), mark)), ids("JX_MILESTONE_DONE"));
        assertEquals("台账不全", text("SELECT TITLE FROM JX_PROBLEM"));

        // The city decides on the report; the county then edits its texts: the decision stays.
        nodes.city.inTransaction(c -> execute(c, "UPDATE JX_SELF_ASSESSMENT SET CITY_COMMENT = '同意', DECIDED_BY = "
                + "'city' WHERE ORG_UNIT_ID = 2"));
        write("UPDATE JX_SELF_ASSESSMENT SET PROBLEMS = '已补录' WHERE ORG_UNIT_ID = 2", "JX_SELF_ASSESSMENT", REPORT);
        // A claim withdrawn at the county is withdrawn at the city.
        write("DELETE FROM JX_SELF_ASSESSMENT_CLAIM WHERE ORG_UNIT_ID = 2", "JX_SELF_ASSESSMENT_CLAIM", claim);
        awaitApplied(7);
        assertEquals("已补录 同意 city", text("SELECT PROBLEMS || ' ' || CITY_COMMENT || ' ' || DECIDED_BY FROM "
                + "JX_SELF_ASSESSMENT"));
        assertEquals(List.of(), all(nodes.city, "JX_SELF_ASSESSMENT_CLAIM"));
    }

    @Test
    void aCountyWritesNoCoreRecordOfAnotherCountyNorATableItDoesNotOwn() throws Exception {
        Map<String, String> answer = new LinkedHashMap<>(Map.of("INDICATOR_ID", "1", "ORG_UNIT_ID",
                String.valueOf(UNIT_A)));
        Map<String, String> row = new LinkedHashMap<>(answer);
        row.putAll(Map.of("ANSWER_VALUE", "99", "UPDATED_AT", "2024-06-15 10:00:00.0", "UPDATED_BY", "b"));
        nodes.sendAs(B, B.inbox(), 1, Change.row("JX_MANUAL_ANSWER", answer, row, null));
        // Its own unit in the row, county A's in the key.
        Map<String, String> mixed = new LinkedHashMap<>(row);
        mixed.put("ORG_UNIT_ID", String.valueOf(FixedOrgUnits.COUNTY_B.id()));
        nodes.sendAs(B, B.inbox(), 2, Change.row("JX_MANUAL_ANSWER", answer, mixed, null));
        // The org tree is the city's; so is a deletion of county A's answer.
        nodes.sendAs(B, B.inbox(), 3, Change.row("JX_ORG_UNIT", Map.of("ID", "2"), Map.of("NAME", "x"), null));
        nodes.sendAs(B, B.inbox(), 4, Change.row("JX_MANUAL_ANSWER", answer, null, null));
        TwoNodes.await("all refused", () -> nodes.count(nodes.city, "SELECT COUNT(*) FROM JX_SYNC_REFUSED") == 4);
        List<SyncHealth.Refusal> refusals = FederationNode.counties(nodes.city, nodes.cityBroker, List.of(A, B))
                .get(1).refusals();
        assertEquals(List.of("outsideCounty 2", "unknownTable JX_ORG_UNIT", "outsideCounty 3", "outsideCounty 2"),
                refusals.stream().map(r -> r.reason() + " " + r.detail()).toList());
        assertEquals("JX_MANUAL_ANSWER:1,2", refusals.get(0).target());
        assertEquals(0, nodes.count(nodes.city, "SELECT COUNT(*) FROM JX_MANUAL_ANSWER"));
        assertEquals("甲县团委", text("SELECT NAME FROM JX_ORG_UNIT WHERE ID = 2"));
    }

    void awaitApplied(long n) throws InterruptedException {
        TwoNodes.await(n + " changes applied", () -> nodes.cityStatus().senders().size() == 1
                && nodes.cityStatus().senders().get(0).applied() == n);
    }

    /** Every row of a table without an id column, every column, in key order. */
    static List<String> all(org.jixiao.api.store.Store store, String table) {
        return store.read(c -> {
            List<String> out = new java.util.ArrayList<>();
            try (var ps = c.prepareStatement("SELECT * FROM " + table + " ORDER BY 1, 2"); var rs = ps.executeQuery()) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
                    }
                    out.add(row.toString());
                }
            }
            return out;
        });
    }

    List<Long> ids(String table) {
        return nodes.city.read(c -> {
            List<Long> out = new java.util.ArrayList<>();
            try (var ps = c.prepareStatement("SELECT ID FROM " + table + " ORDER BY ID"); var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }

    String text(String sql) {
        return nodes.city.read(c -> {
            try (var ps = c.prepareStatement(sql); var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }
}
