package org.jixiao.register.internal.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jixiao.register.internal.sheet.SheetException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads meant to hurt, or just broken: each is refused with a reason, quickly, and nothing is fetched. */
class HostileInputTest {

    private static final String GENERAL = "<xf numFmtId=\"0\"/>";

    private static Reason refused(byte[] bytes, Limits limits) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(SheetException.class,
                () -> SheetReader.read(new ByteArrayInputStream(bytes), "upload", limits)).reason());
    }

    private static Reason refused(byte[] bytes) {
        return refused(bytes, Limits.DEFAULT);
    }

    private static String rows(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            b.append("<row r=\"").append(i).append("\"><c r=\"A").append(i).append("\"><v>").append(i).append("</v></c></row>");
        }
        return b.toString();
    }

    @Test
    void tooManyRows() throws IOException {
        byte[] xlsx = Fixtures.zip(Fixtures.workbook("", rows(11), null, "", GENERAL));
        SheetException e = assertThrows(SheetException.class, () -> SheetReader.read(
                new ByteArrayInputStream(xlsx), "x.xlsx", Limits.DEFAULT.withMaxRows(9)));
        assertEquals(Reason.TOO_MANY_ROWS, e.reason());
        assertEquals(11, e.row(), "the header and nine data rows pass; row 11 is one too many");
        assertEquals(10, SheetReader.read(new ByteArrayInputStream(xlsx), "x.xlsx", Limits.DEFAULT.withMaxRows(10)).rows().size());

        StringBuilder csv = new StringBuilder("h\n");
        for (int i = 0; i < 10; i++) {
            csv.append(i).append('\n');
        }
        assertEquals(Reason.TOO_MANY_ROWS, refused(csv.toString().getBytes(StandardCharsets.UTF_8), Limits.DEFAULT.withMaxRows(9)));
    }

    @Test
    void tooManyColumnsAndTooLongCells() {
        Limits small = Limits.DEFAULT.withMaxColumns(3).withMaxCellChars(10);
        assertEquals(Reason.TOO_MANY_COLUMNS, refused("a,b,c,d\n".getBytes(StandardCharsets.UTF_8), small));
        assertEquals(Reason.CELL_TOO_LONG, refused("a,b,12345678901\n".getBytes(StandardCharsets.UTF_8), small));
        assertEquals(Reason.TOO_MANY_COLUMNS, refused(Fixtures.zip(Fixtures.workbook("",
                "<row r=\"1\"><c r=\"D1\"><v>1</v></c></row>", null, "", GENERAL)), small));
        assertEquals(Reason.CELL_TOO_LONG, refused(Fixtures.zip(Fixtures.workbook("",
                "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>12345678901</t></is></c></row>", null, "", GENERAL)), small));
        assertEquals(Reason.CELL_TOO_LONG, refused(Fixtures.zip(Fixtures.workbook("",
                "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", "<si><t>12345678901</t></si>", "", GENERAL)), small));
    }

    @Test
    void emptyCellsFarRightDoNotCount() throws IOException {
        Limits small = Limits.DEFAULT.withMaxColumns(3);
        String csv = "a,b,c,,,,,,,\n1,2,3,,,\n";
        Sheet s = SheetReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "x.csv", small);
        assertEquals(List.of("1", "2", "3"), s.rows().get(0).cells());
    }

    @Test
    void zipBomb() throws IOException {
        // 210 MB of zeros in one entry deflate to about 1 MB
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.setLevel(1);
            for (Map.Entry<String, String> e : Fixtures.workbook("", rows(1), null, "", GENERAL).entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("xl/media/bomb.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 210; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        byte[] bomb = bytes.toByteArray();
        assertEquals(Reason.TOO_LARGE, refused(bomb));
        // a smaller limit catches it sooner; the upload itself is small
        assertEquals(Reason.TOO_LARGE, refused(bomb, Limits.DEFAULT.withMaxUncompressedBytes(10L << 20)));
    }

    @Test
    void tooManyZipEntries() {
        Map<String, String> m = Fixtures.workbook("", rows(1), null, "", GENERAL);
        for (int i = 0; i < 50; i++) {
            m.put("xl/media/e" + i, "");
        }
        assertEquals(Reason.TOO_LARGE, refused(Fixtures.zip(m), Limits.DEFAULT.withMaxZipEntries(40)));
    }

    @Test
    void uploadLargerThanTheLimit() {
        byte[] csv = "a,b\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        assertEquals(Reason.TOO_LARGE, refused(csv, Limits.DEFAULT.withMaxUncompressedBytes(1000)));
    }

    @Test
    void externalEntitiesAreNeverResolved(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String uri = secret.toUri().toString();
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \"" + uri + "\">]>"
                + "<sst xmlns=\"" + Fixtures.MAIN + "\"><si><t>&xxe;</t></si></sst>";
        Map<String, String> m = Fixtures.workbook("", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", "", "", GENERAL);
        m.put("xl/sharedStrings.xml", xxe);
        assertEquals(Reason.CORRUPT, refused(Fixtures.zip(m)));

        // a parameter entity and an external DTD in the worksheet itself
        String sheet = "<?xml version=\"1.0\"?><!DOCTYPE worksheet SYSTEM \"" + uri + "\">"
                + "<worksheet xmlns=\"" + Fixtures.MAIN + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
                + "<is><t>x</t></is></c></row></sheetData></worksheet>";
        m = Fixtures.workbook("", "", null, "", GENERAL);
        m.put("xl/worksheets/sheet1.xml", sheet);
        assertEquals(Reason.CORRUPT, refused(Fixtures.zip(m)));

        // an entity reference with no DOCTYPE at all
        m = Fixtures.workbook("", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>", null, "", GENERAL);
        assertEquals(Reason.CORRUPT, refused(Fixtures.zip(m)));
    }

    @Test
    void manyCellsNamingOneLongSharedString() throws IOException {
        // 4,000 cells naming one 30,000-character string: the string is made once, not 4,000 times
        StringBuilder data = new StringBuilder();
        for (int r = 1; r <= 200; r++) {
            data.append("<row r=\"").append(r).append("\">");
            for (int c = 0; c < 20; c++) {
                data.append("<c t=\"s\"><v>1</v></c>");
            }
            data.append("</row>");
        }
        String sst = "<si><t>short</t></si><si><t>" + "长".repeat(30_000) + "</t></si>";
        Sheet s = SheetReader.read(new ByteArrayInputStream(Fixtures.zip(Fixtures.workbook("", data.toString(), sst, "", GENERAL))),
                "x.xlsx", Limits.DEFAULT);
        assertEquals(199, s.rows().size());
        assertTrue(s.rows().get(198).cell(19) == s.header().cell(0), "one String shared by all cells");
    }

    @Test
    void billionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE sst [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        Map<String, String> m = Fixtures.workbook("", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", "", "", GENERAL);
        m.put("xl/sharedStrings.xml", dtd + "<sst xmlns=\"" + Fixtures.MAIN + "\"><si><t>&l9;</t></si></sst>");
        assertEquals(Reason.CORRUPT, refused(Fixtures.zip(m)));
    }

    @Test
    void randomBytes() throws IOException {
        Random random = new Random(42);
        for (int size : new int[] {1, 7, 100, 4096, 100_000}) {
            byte[] b = new byte[size];
            random.nextBytes(b);
            if (b[0] == 'P' || (b[0] & 0xFF) == 0xD0 || (b[0] & 0xFF) == 0xEF || (b[0] & 0xFF) == 0xFF || (b[0] & 0xFF) == 0xFE) {
                b[0] = 1;
            }
            if (size > 7) {
                assertEquals(Reason.NOT_A_SPREADSHEET, refused(b), "size " + size);
            } else { // too short to tell from text: refused, or read as a cell or two
                try {
                    SheetReader.read(new ByteArrayInputStream(b), "upload", Limits.DEFAULT);
                } catch (SheetException e) {
                    assertTrue(e.reason() == Reason.NOT_A_SPREADSHEET || e.reason() == Reason.EMPTY, e.getMessage());
                }
            }
        }
        // random bytes behind a zip signature
        byte[] b = new byte[5000];
        random.nextBytes(b);
        b[0] = 'P';
        b[1] = 'K';
        b[2] = 3;
        b[3] = 4;
        assertEquals(Reason.CORRUPT, refused(b));
    }

    @Test
    void truncatedZip() throws IOException {
        byte[] good = XlsxRoundTripTest.write(SheetSpec.of("S", List.of(Column.text("a"))),
                List.of(List.of(Cell.text("x".repeat(20_000) + "y".repeat(20_000)))));
        String full = XlsxRoundTripTest.read(good).header().cell(0);
        for (int cut = 4; cut < good.length; cut += 7) {
            try {
                // What the zip still holds may be read (the central directory at its end is not needed),
                // but never a part of a cell.
                Sheet s = SheetReader.read(new ByteArrayInputStream(Arrays.copyOf(good, cut)), "cut.xlsx", Limits.DEFAULT);
                assertEquals(full, s.header().cell(0), "cut at " + cut);
            } catch (SheetException e) {
                assertTrue(e.reason() == Reason.CORRUPT || e.reason() == Reason.NOT_A_SPREADSHEET, "cut at " + cut + ": " + e);
            }
        }
    }

    @Test
    void ole2Files() {
        byte[] header = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertEquals(Reason.ENCRYPTED, refused(cfb(header, "EncryptionInfo", "EncryptedPackage")));
        assertEquals(Reason.OLD_XLS, refused(cfb(header, "Workbook", "SummaryInformation")));
        assertEquals(Reason.OLD_XLS, refused(cfb(header, "Book")));
        assertEquals(Reason.NOT_A_SPREADSHEET, refused(cfb(header, "WordDocument")));
    }

    private static byte[] cfb(byte[] header, String... streams) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(header);
        b.writeBytes(new byte[504]);
        for (String s : streams) {
            byte[] name = Arrays.copyOf(s.getBytes(StandardCharsets.UTF_16LE), 128);
            b.writeBytes(name);
        }
        return b.toByteArray();
    }

    @Test
    void otherZipsAreNoSpreadsheets() {
        assertEquals(Reason.NOT_A_SPREADSHEET, refused(Fixtures.zip(Map.of("word/document.xml", "<w/>",
                "_rels/.rels", "<Relationships xmlns=\"" + Fixtures.PKG + "\"><Relationship Id=\"r\" Type=\""
                        + Fixtures.REL + "/officeDocument\" Target=\"word/document.xml\"/></Relationships>"))));
        assertEquals(Reason.NOT_A_SPREADSHEET, refused(Fixtures.zip(Map.of("mimetype",
                "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<x/>"))));
        assertEquals(Reason.NOT_A_SPREADSHEET, refused(Fixtures.zip(Map.of("_rels/.rels",
                "<Relationships xmlns=\"" + Fixtures.PKG + "\"><Relationship Id=\"r\" Type=\"" + Fixtures.REL
                        + "/officeDocument\" Target=\"xl/workbook.bin\"/></Relationships>", "xl/workbook.bin", "x"))));
        assertEquals(Reason.NOT_A_SPREADSHEET, refused(new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
    }

    @Test
    void malformedXmlAndBadReferences() {
        assertEquals(Reason.CORRUPT, refused(Fixtures.zip(Fixtures.workbook("",
                "<row r=\"1\"><c r=\"A1\"><v>1</v></row>", null, "", GENERAL))));
        assertEquals(Reason.CORRUPT, refused(Fixtures.zip(Fixtures.workbook("",
                "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c></row>", "<si><t>only one</t></si>", "", GENERAL))));
        assertEquals(Reason.CORRUPT, refused(Fixtures.zip(Fixtures.workbook("",
                "<row r=\"x\"><c r=\"A1\"><v>1</v></c></row>", null, "", GENERAL))));
        assertEquals(Reason.CORRUPT, refused(Fixtures.zip(Fixtures.workbook("",
                "<row r=\"1\"><c r=\"ZZZZZZZZZZZZ1\"><v>1</v></c></row>", null, "", GENERAL))));
        Map<String, String> m = Fixtures.workbook("", rows(1), null, "", GENERAL);
        m.remove("xl/worksheets/sheet1.xml");
        assertEquals(Reason.CORRUPT, refused(Fixtures.zip(m)));
    }
}
