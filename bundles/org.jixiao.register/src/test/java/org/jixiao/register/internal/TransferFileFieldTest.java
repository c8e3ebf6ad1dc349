package org.jixiao.register.internal;

import static org.jixiao.register.internal.EngineFixture.COUNTY_A;
import static org.jixiao.register.internal.EngineFixture.actor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jixiao.api.Actor;
import org.jixiao.api.Role;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.RecordQuery;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.testing.RegistersOnly;
import org.jixiao.api.web.Upload;
import org.jixiao.register.internal.sheet.Limits;
import org.jixiao.register.internal.sheet.Sheet;
import org.jixiao.register.internal.sheet.SheetReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A file attachment cannot come from a spreadsheet: the template, the import and the export have no column for it. */
class TransferFileFieldTest extends EngineTestBase {

    static final Actor STAFF = actor(11, COUNTY_A, Role.STAFF);
    static final Function<String, String> MSG = k -> k;

    /** Certificates with a scan attached: the only register here with a FILE field. */
    static final RegisterDefinition CERTIFICATES = RegisterDefinition.builder("certificates", "T_CERTIFICATE")
            .messages("certificate")
            .field(Field.text("title", 100).required().with(Field.Flag.TITLE))
            .field(Field.file("scan"))
            .field(Field.date("issuedOn", Field.DateRule.NOT_FUTURE)).build();

    static final KeyProject PROJECT = new RegistersOnly("certs", CERTIFICATES);

    @BeforeAll
    static void table() {
        fx.sql("CREATE TABLE T_CERTIFICATE (ID BIGINT NOT NULL PRIMARY KEY, UNIT_ID BIGINT NOT NULL, TITLE VARCHAR(100),"
                + " SCAN BIGINT, ISSUED_ON DATE, VERSION INTEGER NOT NULL, CREATED_AT TIMESTAMP NOT NULL,"
                + " CREATED_BY BIGINT NOT NULL, UPDATED_AT TIMESTAMP NOT NULL, UPDATED_BY BIGINT NOT NULL,"
                + " DELETED_AT TIMESTAMP, DELETED_BY BIGINT, DELETE_REASON VARCHAR(500))");
    }

    static Sheet read(byte[] xlsx) throws Exception {
        return SheetReader.read(new ByteArrayInputStream(xlsx), "x.xlsx", Limits.DEFAULT);
    }

    @Test
    void theTemplateTheImportAndTheExportLeaveTheAttachmentOut() throws Exception {
        Transfer transfer = fx.engine.transfer();
        Sheet template = read(transfer.template(STAFF, PROJECT, "certificates", MSG));
        assertEquals(List.of("register.unit", "certificate.field.title *", "certificate.field.issuedOn"),
                template.header().cells());

        // A file that has a column for it anyway (an old export, a clerk's own sheet): the column is not read, so
        // a file name typed there never stands in for an attachment.
        byte[] csv = ("certificate.field.title,certificate.field.scan,certificate.field.issuedOn\n"
                + "优秀志愿者,证书.pdf,2024-03-01\n").getBytes(StandardCharsets.UTF_8);
        Transfer.Job job = TransferTest.await(transfer.start(STAFF, PROJECT, "certificates",
                new Upload("c.csv", null, csv), MSG));
        assertEquals(Transfer.Phase.CHECKED, job.phase());
        assertEquals(List.of(), job.problems());
        TransferTest.await(transfer.confirm(STAFF, job.id()));
        assertEquals(1, job.written());
        assertEquals(1, fx.rows("T_CERTIFICATE"));
        int scans = fx.store.read(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM T_CERTIFICATE WHERE SCAN IS NOT NULL");
                    var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertEquals(0, scans);

        // A record with an attachment exports without it, as .xlsx and as CSV.
        fx.engine.create(STAFF, PROJECT, "certificates", Map.of("title", "创业之星", "scan",
                new org.jixiao.api.web.Upload("scan.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))));
        Sheet xlsx = read(transfer.export(STAFF, PROJECT, "certificates", RecordQuery.firstPage(), false, false, MSG));
        assertEquals(List.of("register.column.number", "register.unit", "certificate.field.title",
                "certificate.field.issuedOn"), xlsx.header().cells());
        assertEquals(2, xlsx.rows().size());
        String text = new String(transfer.export(STAFF, PROJECT, "certificates", RecordQuery.firstPage(), true, false,
                MSG), StandardCharsets.UTF_8);
        assertTrue(text.contains("创业之星"));
        assertFalse(text.contains("evidence-0001") || text.contains("certificate.field.scan"));
    }
}
