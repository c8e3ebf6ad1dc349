package org.jixiao.register.internal;

import static org.jixiao.register.internal.EngineFixture.COUNTY_A;
import static org.jixiao.register.internal.EngineFixture.actor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.Role;
import org.jixiao.api.register.RecordQuery;
import org.jixiao.api.web.Upload;
import org.jixiao.register.internal.sheet.Column;
import org.jixiao.register.internal.sheet.Limits;
import org.jixiao.register.internal.sheet.Sheet;
import org.jixiao.register.internal.sheet.SheetReader;
import org.jixiao.register.internal.sheet.SheetSpec;
import org.jixiao.register.internal.sheet.SheetWriter;
import org.junit.jupiter.api.Test;

/** Import and export through the engine on real Derby: check first, write on confirmation, all or nothing. */
class TransferTest extends EngineTestBase {

    static final Actor A_STAFF = actor(11, COUNTY_A, Role.STAFF);
    static final Actor OTHER_STAFF = actor(15, COUNTY_A, Role.STAFF);
    /** Message keys as their own text, so headers and labels are predictable. */
    static final Function<String, String> MSG = k -> k.equals("register.yes") ? "是" : k.equals("register.no") ? "否" : k;


    static String idNumber(LocalDate birth, int sequence) {
        String body = "110105" + birth.toString().replace("-", "") + String.format("%03d", sequence);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** People rows; every 200th row has a wrong ID number when {@code withErrors}. */
    static byte[] peopleFile(int rows, boolean withErrors) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter w = new SheetWriter(out)) {
            w.startSheet(SheetSpec.of("people", List.of("register.field.unit", "person.field.name *",
                    "person.field.idNumber *", "person.field.kind", "person.field.needs", "person.field.joinedOn",
                    "person.field.phone", "person.field.student").stream().map(Column::text).toList()));
            for (int i = 0; i < rows; i++) {
                boolean bad = withErrors && i % 200 == 199;
                String id = idNumber(LocalDate.of(1990, 1, 1).plusDays(i / 1000), i % 1000);
                w.textRow(List.of("甲县团委", "青年" + i, bad ? id.substring(0, 17) + (id.endsWith("0") ? "1" : "0") : id,
                        i % 3 == 0 ? "person.kind.ENTREPRENEUR" : "JOB_SEEKING", "TRAINING,LOAN", "2024-03-01",
                        "13800138000", i % 2 == 0 ? "是" : "否"));
            }
            w.finish();
        }
        return out.toByteArray();
    }

    /** Confirms a checked import of people as its owner, and checks that it wrote {@code rows} of them, no more. */
    private void confirmWrites(Transfer transfer, Transfer.Job job, int rows) throws InterruptedException {
        await(transfer.confirm(A_STAFF, job.id()));
        assertEquals(Transfer.Phase.WRITTEN, job.phase());
        assertEquals(rows, job.written());
        assertEquals(rows, fx.rows("T_PERSON"));
    }

    static Transfer.Job await(Transfer.Job job) throws InterruptedException {
        for (int i = 0; i < 6000 && (job.phase() == Transfer.Phase.CHECKING || job.phase() == Transfer.Phase.WRITING);
                i++) {
            Thread.sleep(20);
        }
        return job;
    }

    @Test
    void aThousandRowsWithFiveBadReportExactlyThoseAndWriteNothingThenTheFixedFileWritesAll() throws Exception {
        Transfer transfer = fx.engine.transfer();
        Transfer.Job bad = await(transfer.start(A_STAFF, fx.project, "people",
                new Upload("youth.xlsx", null, peopleFile(1_000, true)), MSG));
        assertEquals(Transfer.Phase.CHECKED, bad.phase());
        assertEquals(5, bad.problems().size());
        assertEquals(995, bad.valid());
        assertTrue(bad.problems().stream().allMatch(p -> p.column() == 2 && p.key().equals("id.checksum")));
        // Row 1 is the header: the 200th person is on row 201, as Excel numbers it.
        assertEquals(201, bad.problems().get(0).row());
        assertEquals(0, fx.rows("T_PERSON"));
        assertEquals(0, fx.rows("REG_HISTORY"));
        // The error report is the file again, with each bad row's reason in a last column.
        Sheet report = SheetReader.read(new ByteArrayInputStream(transfer.errorReport(bad, MSG)), "r.xlsx",
                Limits.DEFAULT);
        assertEquals("id.checksum", report.rows().get(199).cell(8).replace("person.field.idNumber：", ""));

        Transfer.Job good = await(transfer.start(A_STAFF, fx.project, "people",
                new Upload("youth.xlsx", null, peopleFile(1_000, false)), MSG));
        assertEquals(List.of(), good.problems());
        assertThrows(NotFoundException.class, () -> transfer.confirm(OTHER_STAFF, good.id()));
        confirmWrites(transfer, good, 1_000);
        assertEquals(new java.math.BigDecimal("666"), fx.engine.actualsAsOf(fx.project, List.of(COUNTY_A.id()), 2024,
                null).get(COUNTY_A.id()).get("people.seekers"));

        // The same file again: every row is a duplicate, flagged and not doubled.
        Transfer.Job again = await(transfer.start(A_STAFF, fx.project, "people",
                new Upload("youth.xlsx", null, peopleFile(100, false)), MSG));
        assertEquals(100, again.duplicates());
        assertEquals(0, again.valid());
    }

    @Test
    void aConfirmationWritesTheRowsTheCheckPassedAndSkipsTheOthers() throws Exception {
        Transfer transfer = fx.engine.transfer();
        Transfer.Job job = await(transfer.start(A_STAFF, fx.project, "people",
                new Upload("youth.xlsx", null, peopleFile(400, true)), MSG));
        assertEquals(2, job.problems().size());
        confirmWrites(transfer, job, 398);
    }

    @Test
    void aPersonTwiceInOneFileIsFlaggedByTheCheckAndWrittenOnceOnConfirmation() throws Exception {
        Transfer transfer = fx.engine.transfer();
        String id = idNumber(LocalDate.of(1990, 1, 1), 7);
        String other = idNumber(LocalDate.of(1990, 1, 1), 8);
        // Row 3 repeats row 2 (its number typed with a space and a small x would be the same person too); row 5
        // repeats row 4, whose kind is wrong: a refused row registers nobody, so row 5 is no duplicate.
        byte[] csv = ("person.field.name,person.field.idNumber,person.field.kind,person.field.joinedOn\n"
                + "张三," + id + ",JOB_SEEKING,2024-03-01\n"
                + "张三," + id.substring(0, 6) + " " + id.substring(6) + ",JOB_SEEKING,2024-03-01\n"
                + "李四," + other + ",NO_SUCH_KIND,2024-03-01\n"
                + "李四," + other + ",ENTREPRENEUR,2024-03-01\n").getBytes(StandardCharsets.UTF_8);
        Transfer.Job job = await(transfer.start(A_STAFF, fx.project, "people", new Upload("p.csv", null, csv), MSG));
        assertEquals(Transfer.Phase.CHECKED, job.phase());
        assertEquals(List.of(new Transfer.Problem(3, 1, RegisterEngine.DUPLICATE, ""),
                new Transfer.Problem(4, 2, Values.CHOICE, "")), job.problems());
        assertEquals(1, job.duplicates());
        assertEquals(2, job.valid());
        assertEquals(0, fx.rows("T_PERSON"));
        confirmWrites(transfer, job, 2);
    }

    @Test
    void aFileWithoutARequiredColumnOrNotASpreadsheetFailsAtOnce() throws Exception {
        Transfer transfer = fx.engine.transfer();
        Transfer.Job noId = transfer.start(A_STAFF, fx.project, "people", new Upload("a.csv", null,
                "person.field.name\n张三\n".getBytes(StandardCharsets.UTF_8)), MSG);
        assertEquals(Transfer.Phase.FAILED, noId.phase());
        assertTrue(noId.problems().stream().anyMatch(p -> p.key().equals("register.import.missingColumn")
                && p.arg().equals("person.field.idNumber")));
        Transfer.Job pdf = transfer.start(A_STAFF, fx.project, "people", new Upload("a.xlsx", null,
                new byte[] {'%', 'P', 'D', 'F', 0, 1, 2, 3}), MSG);
        assertEquals(Transfer.Phase.FAILED, pdf.phase());
    }

    @Test
    void anExportHoldsTheFilteredListWithLabelsAndMasksAndIsFormulaSafe() throws Exception {
        Transfer transfer = fx.engine.transfer();
        fx.engine.create(A_STAFF, fx.project, "people", Map.of("name", "=HYPERLINK(\"x\")", "idNumber",
                idNumber(LocalDate.of(1990, 1, 1), 1), "kind", "JOB_SEEKING", "joinedOn", "2024-03-01"));
        fx.engine.create(A_STAFF, fx.project, "people", Map.of("name", "李四", "idNumber",
                idNumber(LocalDate.of(1990, 1, 1), 2), "kind", "ENTREPRENEUR", "joinedOn", "2024-03-01"));
        byte[] csv = transfer.export(A_STAFF, fx.project, "people", new RecordQuery(null,
                Map.of("kind", "JOB_SEEKING"), null, false, 1, 20, null), true, false, MSG);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"));
        assertTrue(text.contains("'=HYPERLINK"));
        assertTrue(text.contains("**************"));
        assertTrue(!text.contains("李四"));
        Sheet xlsx = SheetReader.read(new ByteArrayInputStream(transfer.export(A_STAFF, fx.project, "people",
                RecordQuery.firstPage(), false, true, MSG)), "e.xlsx", Limits.DEFAULT);
        List<String> ids = new ArrayList<>();
        xlsx.rows().forEach(r -> ids.add(r.cell(3)));
        assertTrue(ids.contains(idNumber(LocalDate.of(1990, 1, 1), 2)));
        assertTrue(fx.audit.stream().anyMatch(a -> a.startsWith("person.export people rows=2 format=xlsx ids=clear")));
    }
}
