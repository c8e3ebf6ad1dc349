package org.jixiao.register.internal;

import static org.jixiao.register.internal.EngineFixture.COUNTY_A;
import static org.jixiao.register.internal.EngineFixture.COUNTY_B;
import static org.jixiao.register.internal.EngineFixture.actor;
import static org.jixiao.register.internal.EngineFixture.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.Role;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.register.Aggregate;
import org.jixiao.api.register.Condition;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.PublicView;
import org.jixiao.api.register.RecordQuery;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.RegisterHooks;
import org.jixiao.api.register.RegisterRecord;
import org.jixiao.api.testing.RegistersOnly;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Encrypted fields on real Derby: only ciphertext and a keyed hash in the table, the clear value for who may read the
 * record, found by the whole value only; the declarations the engine refuses; and the one-time encryption of the rows
 * a table held in clear before, in batches, resumable, converting what a hook computed from them.
 */
class EncryptedFieldsTest extends EngineTestBase {

    static final Actor A_STAFF = actor(11, COUNTY_A, Role.STAFF);
    static final Actor B_STAFF = actor(12, COUNTY_B, Role.STAFF);
    static final Function<String, String> MSG = k -> k;

    /** What the hook was told of each record the one-time encryption took: "id name=..." lines. */
    static final List<String> CONVERTED = new CopyOnWriteArrayList<>();
    /** A record id at which the hook fails once: a crash in the middle of the encryption. */
    static volatile long failAt;

    static final RegisterHooks HOOKS = new RegisterHooks() {
        @Override
        public void clearValuesEncrypted(Connection c, long recordId, Map<String, String> clear) {
            if (recordId == failAt) {
                failAt = 0;
                throw new IllegalStateException("the node stops here");
            }
            CONVERTED.add(recordId + " " + new java.util.TreeMap<>(clear));
        }
    };

    /** Clients of a county: name, carer, phone and notes encrypted, the town clear. */
    static final RegisterDefinition CLIENTS = RegisterDefinition.builder("clients", "T_CLIENT").messages("client")
            .sensitive()
            .field(Field.text("name", 50).required().encrypted().with(Field.Flag.TITLE, Field.Flag.LISTED,
                    Field.Flag.SEARCHABLE))
            .field(Field.text("town", 50).with(Field.Flag.LISTED, Field.Flag.SEARCHABLE))
            .field(Field.text("carer", 50).encrypted())
            .field(Field.phone("phone").encrypted().with(Field.Flag.LISTED))
            .field(Field.longText("notes", 2000).encrypted())
            .hooks(HOOKS).build();

    /** Members keyed by their name, encrypted: one per name in a county, case and spaces aside. */
    static final RegisterDefinition MEMBERS = RegisterDefinition.builder("members", "T_MEMBER").messages("member")
            .field(Field.text("name", 50).required().encrypted().with(Field.Flag.TITLE)).key("name").build();

    static KeyProject project = new RegistersOnly("clients", CLIENTS, MEMBERS);

    @BeforeAll
    static void table() {
        // As a project migration leaves a table that had clear columns: those kept, the encrypted ones added.
        fx.sql("CREATE TABLE T_CLIENT (ID BIGINT NOT NULL PRIMARY KEY, UNIT_ID BIGINT NOT NULL, NAME VARCHAR(100),"
                + " NAME_CIPHER VARCHAR(400), NAME_HASH VARCHAR(100), TOWN VARCHAR(100), CARER VARCHAR(100),"
                + " CARER_CIPHER VARCHAR(400), CARER_HASH VARCHAR(100), PHONE VARCHAR(30), PHONE_CIPHER VARCHAR(400),"
                + " PHONE_HASH VARCHAR(100), NOTES VARCHAR(4000), NOTES_CIPHER VARCHAR(10800),"
                + " NOTES_HASH VARCHAR(100), VERSION INTEGER NOT NULL, CREATED_AT TIMESTAMP NOT NULL,"
                + " CREATED_BY BIGINT NOT NULL, UPDATED_AT TIMESTAMP NOT NULL, UPDATED_BY BIGINT NOT NULL,"
                + " DELETED_AT TIMESTAMP, DELETED_BY BIGINT, DELETE_REASON VARCHAR(500))");
        fx.sql("CREATE TABLE T_MEMBER (ID BIGINT NOT NULL PRIMARY KEY, UNIT_ID BIGINT NOT NULL,"
                + " NAME_CIPHER VARCHAR(400), NAME_HASH VARCHAR(100), VERSION INTEGER NOT NULL,"
                + " CREATED_AT TIMESTAMP NOT NULL, CREATED_BY BIGINT NOT NULL, UPDATED_AT TIMESTAMP NOT NULL,"
                + " UPDATED_BY BIGINT NOT NULL, DELETED_AT TIMESTAMP, DELETED_BY BIGINT, DELETE_REASON VARCHAR(500))");
    }

    @Test
    void anEncryptedKeyIsOneValueWhateverItsCaseOrSpacesInTheEngineAndInAnImport() throws Exception {
        fx.sql("DELETE FROM T_MEMBER");
        fx.engine.create(A_STAFF, project, "members", map("name", "Han Meimei"));
        assertEquals(Map.of("name", RegisterEngine.DUPLICATE), assertThrows(
                org.jixiao.api.ValidationException.class, () -> fx.engine.create(A_STAFF, project, "members",
                        map("name", "han  meimei"))).fieldErrors());
        // Another county may have its own.
        fx.engine.create(B_STAFF, project, "members", map("name", "HAN MEIMEI"));
        // A file naming one person twice, differently typed: the second row is the duplicate, found in the check.
        byte[] csv = "member.field.name\nLi Lei\nli lei\n".getBytes(StandardCharsets.UTF_8);
        Transfer.Job job = TransferTest.await(fx.engine.transfer().start(A_STAFF, project, "members",
                new org.jixiao.api.web.Upload("m.csv", null, csv), MSG));
        assertEquals(Transfer.Phase.CHECKED, job.phase());
        assertEquals(1, job.duplicates(), job.problems().toString());
        assertEquals(2, fx.rows("T_MEMBER"));
    }

    @BeforeEach
    void empty() {
        fx.sql("DELETE FROM T_CLIENT");
        CONVERTED.clear();
        failAt = 0;
    }

    private long client(Actor actor, String name, String town) {
        return fx.engine.create(actor, project, "clients", map("name", name, "town", town, "carer", "王阿姨",
                "phone", "13812345678", "notes", "独居，需要定期探访"));
    }

    /** Every column of the row, as the database file holds it. */
    private static Map<String, String> raw(long id) {
        return fx.store.read(c -> {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            try (var ps = c.prepareStatement("SELECT * FROM T_CLIENT WHERE ID = ?")) {
                ps.setLong(1, id);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        out.put(rs.getMetaData().getColumnName(i), rs.getString(i));
                    }
                }
            }
            return out;
        });
    }

    private static void assertNoClear(Map<String, String> row, String... clear) {
        for (String column : List.of("NAME", "CARER", "PHONE", "NOTES")) {
            assertNull(row.get(column), column);
            assertTrue(row.get(column + "_CIPHER").startsWith("enc:"), column);
            assertTrue(row.get(column + "_HASH") != null, column);
        }
        String all = row.toString();
        for (String s : clear) {
            assertFalse(all.contains(s), s + " in " + all);
        }
    }

    private static List<String> names(Actor actor, String search) {
        return fx.engine.list(actor, project, "clients", new RecordQuery(search, Map.of(), null, false, 1, 50, null))
                .items().stream().map(r -> (String) r.value("name")).toList();
    }

    @Test
    void theTableHoldsCiphertextOnlyAndTheReaderTheClearValuesEachDecryptionAudited() {
        long id = client(A_STAFF, "Li Lei", "城关镇");
        assertNoClear(raw(id), "Li Lei", "王阿姨", "13812345678", "独居");
        assertEquals("城关镇", raw(id).get("TOWN"));
        fx.audit.clear();
        RegisterRecord r = fx.engine.get(A_STAFF, project, "clients", id);
        assertEquals(List.of("Li Lei", "王阿姨", "13812345678", "独居，需要定期探访"), List.of(r.value("name"),
                r.value("carer"), r.value("phone"), r.value("notes")));
        assertTrue(fx.audit.contains("client.read client:" + id), fx.audit.toString());
        assertEquals(1, fx.audit.stream().filter(("decrypt client:" + id + "/name,carer,phone,notes by u11")::equals)
                .count(), "one read of the record's four fields: " + fx.audit);
        assertEquals(Map.of(id, "Li Lei"), fx.engine.titles(A_STAFF, project, "clients", List.of(id)));

        // An edit keeps it so; the history names only the field that changed, the others compared in clear.
        fx.engine.update(A_STAFF, project, "clients", id, map("name", "Li Lei", "town", "城关镇", "carer", "王阿姨",
                "phone", "13812345678", "notes", "已搬去女儿家"), -1);
        assertNoClear(raw(id), "Li Lei", "王阿姨", "已搬去女儿家");
        assertEquals(List.of("notes"), fx.engine.history(A_STAFF, project, "clients", id).get(0).fields());
        assertEquals("已搬去女儿家", fx.engine.get(A_STAFF, project, "clients", id).value("notes"));

        // Another county reaches nothing of it, by id, list, search or title.
        assertThrows(NotFoundException.class, () -> fx.engine.get(B_STAFF, project, "clients", id));
        assertEquals(List.of(), names(B_STAFF, "Li Lei"));
        assertEquals(Map.of(), fx.engine.titles(B_STAFF, project, "clients", List.of(id)));
    }

    @Test
    void aNameIsFoundByTheWholeOfItAndNeverByAPart() {
        client(A_STAFF, "Li Lei", "城关镇");
        client(A_STAFF, "韩梅梅", "东关镇");
        assertEquals(List.of("Li Lei"), names(A_STAFF, "Li Lei"));
        // Case, spaces and full-width forms aside, as people type a name.
        assertEquals(List.of("Li Lei"), names(A_STAFF, " li  LEI "));
        assertEquals(List.of("Li Lei"), names(A_STAFF, "ＬｉＬｅｉ"));
        assertEquals(List.of("韩梅梅"), names(A_STAFF, "韩梅梅"));
        assertEquals(List.of(), names(A_STAFF, "韩梅"));
        assertEquals(List.of(), names(A_STAFF, "Li"));
        assertEquals(List.of(), names(A_STAFF, "李雷"));
        // A clear field beside it is still searched by a part.
        assertEquals(List.of("韩梅梅"), names(A_STAFF, "东关"));
        // A filter and the picker's search by name: the whole name too.
        assertEquals(List.of("韩梅梅"), fx.engine.list(A_STAFF, project, "clients", new RecordQuery(null,
                Map.of("name", "韩梅梅"), null, false, 1, 50, null)).items().stream().map(r -> r.value("name")).toList());
        assertEquals(List.of("韩梅梅"), fx.engine.search(A_STAFF, project, "clients", "韩梅梅", 10).stream()
                .map(o -> o.label()).toList());
        assertEquals(List.of(), fx.engine.search(A_STAFF, project, "clients", "梅", 10));
    }

    @Test
    void theExportShowsTheNamesToWhoMayReadThem() throws Exception {
        client(A_STAFF, "韩梅梅", "东关镇");
        String csv = new String(fx.engine.transfer().export(A_STAFF, project, "clients", RecordQuery.firstPage(), true,
                false, MSG), StandardCharsets.UTF_8);
        assertTrue(csv.contains("韩梅梅") && csv.contains("王阿姨") && csv.contains("独居"), csv);
        // The phone is masked as any phone is in an export.
        assertTrue(csv.contains("138****5678") && !csv.contains("13812345678"), csv);
        var xlsx = TransferFileFieldTest.read(fx.engine.transfer().export(A_STAFF, project, "clients",
                RecordQuery.firstPage(), false, false, MSG));
        assertTrue(xlsx.rows().get(0).cells().contains("韩梅梅"), xlsx.rows().toString());
        String other = new String(fx.engine.transfer().export(B_STAFF, project, "clients", RecordQuery.firstPage(),
                true, false, MSG), StandardCharsets.UTF_8);
        assertFalse(other.contains("韩梅梅") || other.contains("enc:"), other);
    }

    @Test
    void rowsWrittenInClearBeforeAreEncryptedOnceInBatchesAndResumeAfterACrash() {
        int rows = ClearValues.BATCH * 2 + 50;
        fx.store.inTransaction(c -> {
            try (var ps = c.prepareStatement("INSERT INTO T_CLIENT (ID, UNIT_ID, NAME, TOWN, CARER, PHONE, NOTES, "
                    + "VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, DELETED_AT) VALUES (?, ?, ?, '城关镇', "
                    + "?, '13912345678', '旧的记录', 0, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1, ?)")) {
                for (int i = 1; i <= rows; i++) {
                    ps.setLong(1, i);
                    ps.setLong(2, COUNTY_A.id());
                    ps.setString(3, "旧" + i);
                    // One without a carer; one deleted, whose name the file must not keep either.
                    ps.setString(4, i == 7 ? null : "监护人" + i);
                    ps.setTimestamp(5, i == 9 ? new java.sql.Timestamp(0) : null);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        // The node stops in the third batch: the first two are kept, the third rolled back, still clear.
        failAt = ClearValues.BATCH * 2 + 10;
        project = new RegistersOnly("clients", CLIENTS, MEMBERS);
        assertThrows(IllegalStateException.class, () -> fx.engine.list(A_STAFF, project, "clients",
                RecordQuery.firstPage()));
        assertEquals(ClearValues.BATCH * 2 + 9, CONVERTED.size());
        assertEquals(50, clearRows());
        assertNoClear(raw(1), "旧1", "监护人1");
        assertTrue(CONVERTED.contains("7 {name=旧7, notes=旧的记录, phone=13912345678}"), CONVERTED.toString());
        String firstCipher = raw(1).get("NAME_CIPHER");

        // Started again: the rest is done, the rows done before are not taken again. On a county node each row
        // changed goes to the outbox, so that the city's copy loses its clear values too.
        fx.restart();
        CONVERTED.clear();
        List<Long> replicated = new CopyOnWriteArrayList<>();
        fx.engine.setOutbox(new org.jixiao.api.federation.Outbox() {
            @Override
            public void registerChanged(Connection c, String p, String register, String table, long recordId) {
                replicated.add(recordId);
            }

            @Override
            public void rowChanged(Connection c, String table, Map<String, ?> key) {
                throw new AssertionError(table);
            }
        });
        assertEquals(rows - 1, fx.engine.list(A_STAFF, project, "clients", new RecordQuery(null, Map.of(), null, false,
                1, 50, null)).total());
        assertEquals(50, CONVERTED.size());
        assertEquals(50, replicated.size());
        assertEquals((long) rows, replicated.get(49));
        assertEquals(0, clearRows());
        assertEquals(firstCipher, raw(1).get("NAME_CIPHER"));
        assertNoClear(raw(9), "旧9", "监护人9");
        assertNull(raw(7).get("CARER_CIPHER"));
        assertEquals(List.of("旧" + rows), names(A_STAFF, "旧" + rows));
        RegisterRecord last = fx.engine.get(A_STAFF, project, "clients", rows);
        assertEquals("监护人" + rows, last.value("carer"));
        assertEquals("旧的记录", last.value("notes"));

        // A new engine on the same database finds nothing clear: no batch, no hook.
        fx.restart();
        CONVERTED.clear();
        fx.engine.list(A_STAFF, project, "clients", RecordQuery.firstPage());
        assertEquals(List.of(), CONVERTED);
    }

    private static long clearRows() {
        return fx.store.read(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM T_CLIENT WHERE NAME IS NOT NULL OR CARER IS NOT "
                    + "NULL OR PHONE IS NOT NULL OR NOTES IS NOT NULL"); var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void aDeclarationAskingWhatCiphertextCannotDoIsRefused() {
        List<Runnable> refused = new ArrayList<>();
        refused.add(() -> Field.integer("age").encrypted());
        refused.add(() -> Field.date("born", Field.DateRule.ANY).encrypted());
        refused.add(() -> Field.text("name", 50).encrypted().with(Field.Flag.SORTABLE));
        refused.add(() -> Field.text("name", 50).with(Field.Flag.FILTER).encrypted());
        refused.add(() -> Field.text("office", 40).encrypted().with(Field.Flag.OFFICE_UNIT));
        refused.add(() -> RegisterDefinition.builder("x", "T_X").field(Field.text("name", 50).encrypted())
                .aggregate(Aggregate.count(TestProject.PEOPLE, Condition.where("name", "李雷"), null,
                        Aggregate.Period.YEAR)).build());
        refused.add(() -> RegisterDefinition.builder("x", "T_X").field(Field.text("name", 50).encrypted())
                .aggregate(Aggregate.distinct(TestProject.PEOPLE, "name", Condition.ALL, null,
                        Aggregate.Period.YEAR)).build());
        refused.add(() -> RegisterDefinition.builder("x", "T_X").field(Field.text("name", 50).encrypted())
                .publicView(new PublicView(Condition.ALL, List.of("name"), Map.of())).build());
        for (Runnable r : refused) {
            assertThrows(IllegalArgumentException.class, r::run);
        }
        // What it can do: be a title, listed, searched whole, required, a key.
        RegisterDefinition.builder("x", "T_X").field(Field.phone("phone").required().encrypted().with(
                Field.Flag.TITLE, Field.Flag.LISTED, Field.Flag.SEARCHABLE, Field.Flag.PRIVATE)).key("phone").build();
    }
}
