package org.jixiao.project.prevention.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.register.RecordQuery;
import org.jixiao.api.testing.AuditLines;
import org.jixiao.api.testing.FakeWebRequest;
import org.jixiao.api.testing.ReversibleCipher;
import org.jixiao.project.prevention.internal.transfer.TransferRegister;
import org.jixiao.project.prevention.internal.youth.YouthRegister;
import org.jixiao.register.internal.RegisterEngine;
import org.junit.jupiter.api.Test;

/**
 * The key youth's personal data is in the database as ciphertext only (issue 14): after a create, and after the
 * one-time encryption of rows written in clear before; and the pages that name youth name them still, to whom may
 * read them only.
 */
class EncryptedYouthTest extends PreventionTestBase {

    /** Every column of a row as the database file holds it, as text. */
    private String raw(String table, long id) {
        return store.read(c -> {
            StringBuilder out = new StringBuilder();
            try (var ps = c.prepareStatement("SELECT * FROM " + table + " WHERE ID = ?")) {
                ps.setLong(1, id);
                try (var rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        out.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
                    }
                }
            }
            return out.toString();
        });
    }

    private static void assertAbsent(String row, String... clear) {
        for (String s : clear) {
            assertFalse(row.contains(s), s + " in " + row);
        }
    }

    private List<Object> names(Actor actor, String search) {
        return engine.list(actor, project, YouthRegister.YOUTH, new RecordQuery(search, Map.of(), null, false, 1, 50,
                null)).items().stream().map(r -> r.value("name")).toList();
    }

    @Test
    void aYouthItsVisitsTransfersAndOffencesAreStoredAsCiphertextAndShownToWhoMayRead() throws Exception {
        Map<String, Object> form = youthForm("王小明", 1, A_PRO, A_VOL);
        form.putAll(Map.of("guardianPhone", "13912345678", "needs", "需要心理疏导"));
        long y = engine.create(A_OFFICE, project, YouthRegister.YOUTH, form);
        long v = engine.create(A_PRO, project, YouthRegister.VISITS, form("parent", y, "visitedOn", "2024-07-03",
                "way", "HOME_VISIT", "content", "情绪低落，与父亲争吵"));
        long t = engine.create(A_VOL, project, TransferRegister.TRANSFERS, form("parent", y, "toUnit", "EDUCATION",
                "task", "协助复学", "requestedOn", "2024-07-10", "deadline", "2024-07-31"));
        long o = engine.create(A_PRO, project, YouthRegister.OFFENCES, form("parent", y, "offence", "盗窃电动车",
                "offenceCategory", "THEFT", "committedOn", "2023-05-01", "disposition", "训诫",
                "supervision", "每月谈话"));
        String youth = raw("PRV_YOUTH", y);
        assertAbsent(youth, "王小明", "王母", "13912345678", "辍学在家", "职业技能培训", "需要心理疏导");
        for (String column : List.of("NAME", "GUARDIAN", "GUARDIAN_PHONE", "SITUATION", "NEEDS")) {
            assertTrue(youth.contains(" " + column + "=null "), column + ": " + youth);
        }
        assertAbsent(raw("PRV_VISIT", v), "情绪低落");
        assertAbsent(raw("PRV_TRANSFER", t), "协助复学");
        assertAbsent(raw("PRV_OFFENCE", o), "盗窃电动车", "训诫", "每月谈话");

        // The record, the list and the picker name the youth to its office and its helpers.
        var record = engine.get(A_OFFICE, project, YouthRegister.YOUTH, y);
        assertEquals(List.of("王小明", "王母", "13912345678", "辍学在家", "需要心理疏导"), List.of(record.value("name"),
                record.value("guardian"), record.value("guardianPhone"), record.value("situation"),
                record.value("needs")));
        assertEquals("情绪低落，与父亲争吵", engine.get(A_PRO, project, YouthRegister.VISITS, v).value("content"));
        assertEquals(List.of("王小明"), names(A_VOL, null));

        // Found by the whole name; a part, or another name, finds no one.
        assertEquals(List.of("王小明"), names(A_OFFICE, "王小明"));
        assertEquals(List.of(), names(A_OFFICE, "王小"));
        assertEquals(List.of(), names(A_OFFICE, "小明"));
        assertEquals(List.of(), names(A_OFFICE, "王小红"));

        // The export, as .xlsx and CSV, through the engine's pages.
        String csv = new String((byte[]) project.web().handle(FakeWebRequest.html("GET", "/youth/export", A_OFFICE)
                .param("format", "csv")).body(), StandardCharsets.UTF_8);
        assertTrue(csv.contains("王小明") && csv.contains("辍学在家"), csv);
        assertTrue(xlsxText((byte[]) project.web().handle(FakeWebRequest.html("GET", "/youth/export", A_OFFICE))
                .body()).contains("王小明"));

        // Another county's office gets nothing of it.
        assertEquals(List.of(), names(B_OFFICE, "王小明"));
        assertThrows(NotFoundException.class, () -> engine.get(B_OFFICE, project, YouthRegister.YOUTH, y));
        String other = new String((byte[]) project.web().handle(FakeWebRequest.html("GET", "/youth/export", B_OFFICE)
                .param("format", "csv")).body(), StandardCharsets.UTF_8);
        assertFalse(other.contains("王小明"), other);
        assertEquals(List.of(), overdue(B_OFFICE));
    }

    /** The text of every entry of a workbook, which holds its strings in clear in its XML. */
    private static String xlsxText(byte[] xlsx) throws Exception {
        StringBuilder out = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            while (zip.getNextEntry() != null) {
                out.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> overdue(Actor actor) {
        return (List<Map<String, Object>>) ((Map<String, Object>) project.web().handle(FakeWebRequest.api("GET",
                "/overdue", actor)).body()).get("rows");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> survey(Actor actor, String year) {
        return (Map<String, Object>) project.web().handle(FakeWebRequest.api("GET", "/survey", actor)
                .param("year", year)).body();
    }

    /** The facts a survey fingerprint was taken of before issue 14, in clear, as that code took them. */
    private static String oldFingerprint(Connection c, long youth) throws java.sql.SQLException {
        StringBuilder facts = new StringBuilder();
        try (var ps = c.prepareStatement("SELECT CATEGORY, COMMUNITY, SITUATION, NEEDS, GUARDIAN, GUARDIAN_PHONE, "
                + "PROFESSIONAL, VOLUNTEER, STATE, VERIFIED_BY FROM PRV_YOUTH WHERE ID = ?")) {
            ps.setLong(1, youth);
            try (var rs = ps.executeQuery()) {
                rs.next();
                for (int i = 1; i <= 10; i++) {
                    facts.append(rs.getString(i)).append('\u001f');
                }
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(facts.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void youthWrittenInClearBeforeAreEncryptedOnceAndStillNamedCountedAndSurveyed() throws Exception {
        // Two youth as the project wrote them before issue 14, confirmed in the 2024 survey; the second's facts
        // changed since its confirmation (its fingerprint is of other facts).
        store.inTransaction(c -> {
            for (long id : List.of(901L, 902L)) {
                try (var ps = c.prepareStatement("INSERT INTO PRV_YOUTH (ID, UNIT_ID, STATE, NAME, CATEGORY, COMMUNITY, "
                        + "BIRTH_DATE, GUARDIAN, GUARDIAN_PHONE, SITUATION, NEEDS, PROFESSIONAL, VOLUNTEER, "
                        + "REGISTERED_ON, ENDS_ON, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) VALUES "
                        + "(?, ?, 'REGISTERED', ?, ?, '城关社区', ?, '李父', '13712345678', '旧的情况', '就业', ?, ?, ?, ?, 0, "
                        + "CURRENT_TIMESTAMP, 21, CURRENT_TIMESTAMP, 21)")) {
                    ps.setLong(1, id);
                    ps.setLong(2, A.id());
                    ps.setString(3, id == 901 ? "李旧一" : "李旧二");
                    ps.setLong(4, category);
                    ps.setDate(5, Date.valueOf(LocalDate.of(2008, 3, 15)));
                    ps.setLong(6, A_PRO.userId());
                    ps.setLong(7, A_VOL.userId());
                    ps.setDate(8, Date.valueOf(LocalDate.of(2024, 1, 10)));
                    ps.setDate(9, Date.valueOf(LocalDate.of(2033, 3, 15)));
                    ps.executeUpdate();
                }
            }
            try (var st = c.createStatement()) {
                st.executeUpdate("INSERT INTO PRV_SURVEY VALUES (800, " + A.id() + ", 2024, 2, CURRENT_TIMESTAMP, 21)");
            }
            try (var ps = c.prepareStatement("INSERT INTO PRV_SURVEY_ROW VALUES (800, ?, ?)")) {
                ps.setLong(1, 901);
                ps.setString(2, oldFingerprint(c, 901));
                ps.executeUpdate();
                ps.setLong(1, 902);
                ps.setString(2, "0".repeat(64));
                ps.executeUpdate();
            }
            return null;
        });
        assertTrue(raw("PRV_YOUTH", 901).contains("李旧一"));

        // The node is upgraded: a new engine, and the project's first page is the survey.
        engine = new RegisterEngine(store, new CityUnits(), new AuditLines(audit), new ReversibleCipher(), clock, 0);
        project = new PreventionProject(store, new CityUnits(), engine, new AuditLines(audit), clock);
        clock.set(LocalDate.of(2025, 2, 10));
        Map<String, Object> county = survey(A_OFFICE, "2025");
        for (long id : List.of(901L, 902L)) {
            String row = raw("PRV_YOUTH", id);
            assertAbsent(row, "李旧", "李父", "13712345678", "旧的情况", "就业");
            assertTrue(row.contains(" NAME=null ") && row.contains(" SITUATION=null "), row);
        }
        assertEquals(List.of(), county.get("added"));
        assertEquals(List.of(), county.get("left"));
        assertEquals(List.of(Map.of("youthId", 902L, "youth", "李旧二")), county.get("changed"));

        // Named in the list, by search, in the overdue list of the month, to the county's office.
        assertEquals(List.of("李旧一"), names(A_OFFICE, "李旧一"));
        assertEquals(List.of(), names(A_OFFICE, "李旧"));
        clock.set(LocalDate.of(2024, 7, 15));
        List<Map<String, Object>> rows = overdue(A_OFFICE);
        assertEquals(4, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.get("youth").equals(r.get("youthId").equals(901L) ? "李旧一" : "李旧二")),
                rows.toString());
        assertEquals(List.of(), overdue(B_OFFICE));
        assertNull(store.read(c -> {
            try (var ps = c.prepareStatement("SELECT MAX(NAME) FROM PRV_YOUTH"); var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }));
    }
}
