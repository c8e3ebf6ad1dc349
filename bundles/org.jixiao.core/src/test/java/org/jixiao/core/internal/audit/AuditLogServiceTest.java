package org.jixiao.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jixiao.api.OrgUnit;
import org.jixiao.api.Role;
import org.jixiao.core.internal.schema.TestDb;
import org.jixiao.store.internal.MemoryStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditLogServiceTest {

    private MemoryStores.Loan store;
    private final TestDb.MutableClock clock = new TestDb.MutableClock(Instant.parse("2026-03-01T08:00:00Z"));

    @BeforeEach
    void open() {
        store = TestDb.open();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void recordsOneRowPerCall() {
        OrgUnit root = TestDb.insertRoot(store);
        AuditLogService log = new AuditLogService(store, clock);

        log.record(TestDb.actor(7, "li.si", root, Role.STAFF), "youth.read", "youth:42", "field=idNumber");
        log.record(null, "anonymous.thing", null, null);

        List<Map<String, Object>> rows = TestDb.rows(store, "SELECT * FROM JX_AUDIT ORDER BY ID");
        assertEquals(2, rows.size());
        Map<String, Object> first = rows.get(0);
        assertEquals(7L, first.get("ACTOR_ID"));
        assertEquals("li.si", first.get("ACTOR_NAME"));
        assertEquals("youth.read", first.get("ACTION"));
        assertEquals("youth:42", first.get("TARGET"));
        assertEquals("field=idNumber", first.get("DETAIL"));
        assertNull(first.get("CLIENT"));
        assertEquals(clock.instant(), TestDb.instant(store, "SELECT OCCURRED_AT FROM JX_AUDIT WHERE ID = ?",
                first.get("ID")));
        assertNull(rows.get(1).get("ACTOR_ID"));
        assertNull(rows.get(1).get("ACTOR_NAME"));
    }

    @Test
    void overlongValuesAreCutNotRefused() {
        AuditLogService log = new AuditLogService(store, clock);
        log.record(null, "login.failed", "user:" + "x".repeat(5000), "d".repeat(5000));
        Map<String, Object> row = TestDb.rows(store, "SELECT TARGET, DETAIL FROM JX_AUDIT").get(0);
        assertEquals(AuditRecords.TARGET_MAX, ((String) row.get("TARGET")).length());
        assertEquals(AuditRecords.DETAIL_MAX, ((String) row.get("DETAIL")).length());
    }
}
