package org.jixiao.register.internal;

import static org.jixiao.register.internal.EngineFixture.CITY;
import static org.jixiao.register.internal.EngineFixture.COUNTY_A;
import static org.jixiao.register.internal.EngineFixture.COUNTY_B;
import static org.jixiao.register.internal.EngineFixture.actor;
import static org.jixiao.register.internal.EngineFixture.map;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.register.Attachment;
import org.jixiao.api.register.RecordQuery;
import org.jixiao.api.register.RegisterRecord;
import org.jixiao.api.web.Upload;
import org.junit.jupiter.api.Test;

/** File fields on real Derby: checked by content, stored encrypted with the record, read back audited and in scope. */
class AttachmentTest extends EngineTestBase {

    static final Actor A_STAFF = actor(11, COUNTY_A, Role.STAFF);
    static final Actor B_STAFF = actor(12, COUNTY_B, Role.STAFF);
    static final Actor A_VIEWER = actor(13, COUNTY_A, Role.VIEWER);
    static final Actor CITY_ADMIN = actor(10, CITY, Role.ADMIN);
    static final byte[] PDF = "%PDF-1.7 贫困证明 第0042号".getBytes(StandardCharsets.UTF_8);
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 'J', 'F', 'I', 'F'};

    private long person(Object certificate) {
        Map<String, Object> in = RegisterEngineTest.person("李雷", RegisterEngineTest.ID_1);
        if (certificate != null) {
            in.put("certificate", certificate);
        }
        return fx.engine.create(A_STAFF, fx.project, "people", in);
    }

    private static Upload pdf(String name) {
        return new Upload(name, "application/pdf", PDF);
    }

    @Test
    void anUploadIsStoredEncryptedWithTheRecordAndReadBackWithAnAuditLine() {
        long id = person(pdf("C:\\scans\\证明.pdf"));
        RegisterRecord r = fx.engine.get(A_STAFF, fx.project, "people", id);
        Attachment a = (Attachment) r.value("certificate");
        assertEquals("证明.pdf", a.fileName(), "the client's directories are dropped");
        assertEquals("application/pdf", a.contentType());
        assertEquals(PDF.length, a.size());
        // At rest the content is not the file: a copy of the database without the key shows nothing.
        byte[] stored = fx.store.read(c -> {
            try (var ps = c.prepareStatement("SELECT CONTENT FROM REG_FILE"); var rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        });
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("%PDF"));
        fx.audit.clear();
        Attachment.Content content = fx.engine.attachment(A_STAFF, fx.project, "people", id, "certificate");
        assertArrayEquals(PDF, content.bytes());
        assertEquals(a, content.attachment());
        assertTrue(fx.audit.contains("decrypt person:" + id + "/certificate by u11"), fx.audit.toString());
        // Lists name the file too, without reading it.
        RegisterRecord listed = fx.engine.list(A_STAFF, fx.project, "people", RecordQuery.firstPage()).items().get(0);
        assertEquals(a, listed.value("certificate"));
    }

    @Test
    void aFileWhoseContentIsNotItsTypeIsRefusedAndNothingIsWritten() {
        for (Upload bad : new Upload[] {
                new Upload("证明.pdf", "application/pdf", "<html><script>alert(1)</script>".getBytes()),
                new Upload("run.exe", "application/pdf", PDF),
                new Upload("证明.pdf", "application/pdf", new byte[0]),
                new Upload("../", "application/pdf", PDF)}) {
            ValidationException e = assertThrows(ValidationException.class, () -> person(bad), bad.fileName());
            assertTrue(e.fieldErrors().get("certificate").startsWith("register.error.file"), e.fieldErrors()
                    .toString());
        }
        // A photo field takes pictures only, whatever else the node accepts.
        long p = person(null);
        ValidationException e = assertThrows(ValidationException.class, () -> fx.engine.create(A_STAFF, fx.project,
                "visits", map("parent", p, "visitedOn", "2024-06-01", "photo", pdf("visit.pdf"))));
        assertEquals(Attachments.TYPE, e.fieldErrors().get("photo"));
        // JSON can name a file only by sending it.
        e = assertThrows(ValidationException.class, () -> fx.engine.create(A_STAFF, fx.project, "visits",
                map("parent", p, "visitedOn", "2024-06-01", "photo", "/etc/passwd")));
        assertEquals(Attachments.NOT_A_FILE, e.fieldErrors().get("photo"));
        assertEquals(0, fx.rows("REG_FILE"));
        assertEquals(0, fx.rows("T_VISIT"));
    }

    @Test
    void aFileTooLargeIsRefused() {
        byte[] big = Arrays.copyOf(PDF, (int) Upload.MAX_BYTES + 1);
        ValidationException e = assertThrows(ValidationException.class,
                () -> person(new Upload("big.pdf", "application/pdf", big)));
        assertEquals(Attachments.TOO_LARGE, e.fieldErrors().get("certificate"));
        assertEquals(0, fx.rows("REG_FILE"));
    }

    @Test
    void anEditKeepsTheFileUnlessANewOneIsSentAndTheOldOneStaysForTheRecordOfIt() {
        long id = person(pdf("a.pdf"));
        RegisterRecord r = fx.engine.get(A_STAFF, fx.project, "people", id);
        Attachment first = (Attachment) r.value("certificate");
        Map<String, Object> edit = RegisterEngineTest.person("李雷雷", RegisterEngineTest.ID_1, "certificate", first);
        fx.engine.update(A_STAFF, fx.project, "people", id, edit, r.version());
        r = fx.engine.get(A_STAFF, fx.project, "people", id);
        assertEquals(first, r.value("certificate"));
        assertFalse(fx.engine.history(A_STAFF, fx.project, "people", id).get(0).fields().contains("certificate"));

        edit.put("certificate", pdf("b.pdf"));
        fx.engine.update(A_STAFF, fx.project, "people", id, edit, r.version());
        r = fx.engine.get(A_STAFF, fx.project, "people", id);
        Attachment second = (Attachment) r.value("certificate");
        assertNotEquals(first.id(), second.id());
        assertEquals("b.pdf", second.fileName());
        assertTrue(fx.engine.history(A_STAFF, fx.project, "people", id).get(0).fields().contains("certificate"));
        assertEquals(2, fx.rows("REG_FILE"), "a replaced file is kept");

        edit.remove("certificate");
        fx.engine.update(A_STAFF, fx.project, "people", id, edit, r.version());
        assertNull(fx.engine.get(A_STAFF, fx.project, "people", id).value("certificate"));
        assertThrows(NotFoundException.class,
                () -> fx.engine.attachment(A_STAFF, fx.project, "people", id, "certificate"));
    }

    @Test
    void filesOfASensitiveRegisterAreForItsWritersAndNoCountyReadsAnothersFiles() {
        long id = person(pdf("a.pdf"));
        assertThrows(AccessDeniedException.class,
                () -> fx.engine.attachment(A_VIEWER, fx.project, "people", id, "certificate"));
        assertThrows(NotFoundException.class,
                () -> fx.engine.attachment(B_STAFF, fx.project, "people", id, "certificate"));
        assertArrayEquals(PDF, fx.engine.attachment(CITY_ADMIN, fx.project, "people", id, "certificate").bytes());
        assertThrows(NotFoundException.class, () -> fx.engine.attachment(A_STAFF, fx.project, "people", id, "name"));

        // A visit's photo is not sensitive: the county's viewer may look at it.
        long visit = fx.engine.create(A_STAFF, fx.project, "visits", map("parent", id, "visitedOn", "2024-06-01",
                "photo", new Upload("家访.JPG", "image/jpeg", JPEG)));
        Attachment.Content photo = fx.engine.attachment(A_VIEWER, fx.project, "visits", visit, "photo");
        assertEquals("image/jpeg", photo.attachment().contentType());
        assertArrayEquals(JPEG, photo.bytes());
        assertThrows(NotFoundException.class,
                () -> fx.engine.attachment(B_STAFF, fx.project, "visits", visit, "photo"));
    }
}
