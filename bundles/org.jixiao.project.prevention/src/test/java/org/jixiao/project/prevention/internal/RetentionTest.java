package org.jixiao.project.prevention.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.ValidationException;
import org.jixiao.api.register.RecordQuery;
import org.jixiao.api.register.RegisterRecord;
import org.jixiao.api.testing.FakeWebRequest;
import org.jixiao.project.prevention.internal.retention.Retention;
import org.jixiao.project.prevention.internal.youth.YouthRegister;
import org.junit.jupiter.api.Test;

/**
 * Retention: a youth who leaves the programme or turns 25 is archived the city's period after (12 months until it
 * sets one), evaluated on every read with a moving clock: out of the lists and the project's figures, still read by
 * id and listed with {@code archived=true} by the county's office, audited.
 */
class RetentionTest extends PreventionTestBase {

    @Test
    void aYouthWhoLeavesIsArchivedAfterThePeriodAndStaysReadableByTheOfficeWithAFilter() {
        long stays = youth(A_OFFICE, "甲", 1, A_PRO, A_VOL);
        long leaves = youth(A_OFFICE, "乙", 2, A_PRO, A_VOL);
        Map<String, Object> left = youthForm("乙", 2, A_PRO, A_VOL);
        left.put("leftOn", "2024-06-30");
        assertEquals(Map.of("leftOn", "youth.leftBeforeRegistered", "leftReason", "youth.leftReason"),
                assertThrows(ValidationException.class, () -> engine.update(A_OFFICE, project, YouthRegister.YOUTH,
                        leaves, left, -1)).fieldErrors());
        left.putAll(form("leftOn", "2024-07-12", "leftReason", "外出务工"));
        engine.update(A_OFFICE, project, YouthRegister.YOUTH, leaves, left, -1);
        assertEquals(LocalDate.of(2024, 7, 12), engine.get(A_OFFICE, project, YouthRegister.YOUTH, leaves)
                .value("endsOn"));
        assertEquals(LocalDate.of(2033, 3, 15), engine.get(A_OFFICE, project, YouthRegister.YOUTH, stays)
                .value("endsOn"));
        // A youth who has left is owed no visits from the month after, and needs no pairing.
        clock.set(LocalDate.of(2024, 9, 10));
        assertEquals(List.of(stays, stays), ((List<?>) page(A_OFFICE, "/overdue").get("rows")).stream()
                .map(x -> ((Number) ((Map<?, ?>) x).get("youthId")).longValue()).toList());
        assertEquals(1, ((Map<?, ?>) ((List<?>) page(A_OFFICE, "/coverage").get("cells")).get(0)).get("youth"));

        clock.set(LocalDate.of(2025, 7, 11));
        assertEquals(List.of(stays, leaves), listed(A_OFFICE, false));
        clock.set(LocalDate.of(2025, 7, 12));
        for (int twice = 0; twice < 2; twice++) {
            assertEquals(List.of(stays), listed(A_OFFICE, false));
            assertEquals(List.of(stays), listed(A_PRO, false));
            assertEquals(List.of(leaves), listed(A_OFFICE, true));
        }
        audit.clear();
        assertEquals("乙", engine.get(A_OFFICE, project, YouthRegister.YOUTH, leaves).value("name"));
        assertTrue(audit.contains("youth.read youth:" + leaves), audit.toString());
    }

    @Test
    void theCitySetsThePeriodOnceAndAYouthTurning25IsArchivedThatLongAfter() {
        long y = youth(A_OFFICE, "甲", 1, A_PRO, A_VOL);
        assertThrows(AccessDeniedException.class, () -> engine.create(A_OFFICE, project, Retention.RETENTION,
                form("months", 6)));
        long setting = engine.create(CITY_OFFICE, project, Retention.RETENTION, form("months", 6));
        assertEquals(Map.of("months", "retention.once"), refused(() -> engine.create(CITY_OFFICE, project,
                Retention.RETENTION, form("months", 3)), "PRV_RETENTION"));
        clock.set(LocalDate.of(2033, 9, 14));
        assertEquals(List.of(y), listed(A_OFFICE, false));
        clock.set(LocalDate.of(2033, 9, 15));
        assertEquals(List.of(), listed(A_OFFICE, false));
        assertEquals(List.of(y), listed(A_OFFICE, true));
        // A longer period brings it back at once: nothing was written when it was archived.
        engine.update(CITY_OFFICE, project, Retention.RETENTION, setting, form("months", 12), -1);
        assertEquals(List.of(y), listed(A_OFFICE, false));
    }

    private List<Long> listed(Actor actor, boolean archived) {
        RecordQuery q = new RecordQuery(null, archived ? Map.of("archived", "true") : Map.of(), null, false, 1, 50,
                null);
        return engine.list(actor, project, YouthRegister.YOUTH, q).items().stream().map(RegisterRecord::id).sorted()
                .toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> page(Actor actor, String path) {
        return (Map<String, Object>) project.web().handle(FakeWebRequest.api("GET", path, actor)).body();
    }
}
