package org.jixiao.register.internal.sheet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    private static Sheet read(byte[] bytes) throws IOException {
        return SheetReader.read(new ByteArrayInputStream(bytes), "test.csv", Limits.DEFAULT);
    }

    private static Sheet read(String text, Charset cs) throws IOException {
        return read(text.getBytes(cs));
    }

    @Test
    void utf8WithAndWithoutBom() throws IOException {
        String text = "姓名,年龄\r\n张三,30\r\n";
        for (byte[] bytes : List.of(text.getBytes(StandardCharsets.UTF_8),
                ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8))) {
            Sheet s = read(bytes);
            assertEquals(Sheet.Format.CSV, s.format());
            assertEquals(List.of("姓名", "年龄"), s.header().cells());
            assertEquals(List.of("张三", "30"), s.rows().get(0).cells());
        }
    }

    @Test
    void gbkAsChineseExcelSavesIt() throws IOException {
        Sheet s = read("姓名,身份证号,备注\n李四,110101199003074578,联通营业厅\n", Charset.forName("GBK"));
        assertEquals(List.of("姓名", "身份证号", "备注"), s.header().cells());
        assertEquals(List.of("李四", "110101199003074578", "联通营业厅"), s.rows().get(0).cells());
    }

    @Test
    void utf16AsExcelsUnicodeText() throws IOException {
        byte[] body = "姓名\t年龄\r\n王五\t8\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        assertEquals(List.of("王五", "8"), read(bytes).rows().get(0).cells());
    }

    @Test
    void rfc4180QuotingAndRecordNumbers() throws IOException {
        String text = "a,b,c\n"
                + "\"multi\nline\",\"with \"\"quotes\"\"\",\"comma, inside\"\n"
                + "\n"
                + ",,\n"
                + "x,\"\",z\r"
                + "last,row,\"no newline\"";
        Sheet s = read(text, StandardCharsets.UTF_8);
        assertEquals(List.of("multi\nline", "with \"quotes\"", "comma, inside"), s.rows().get(0).cells());
        assertEquals(2, s.rows().get(0).number());
        assertEquals(List.of("x", "", "z"), s.rows().get(1).cells());
        assertEquals(5, s.rows().get(1).number(), "blank records are skipped but counted");
        assertEquals(List.of("last", "row", "no newline"), s.rows().get(2).cells());
        assertEquals(6, s.rows().get(2).number());
    }

    @Test
    void lenientWithStrayQuotes() throws IOException {
        Sheet s = read("h1,h2\n5\" screen,\"quoted\"tail\n\"unterminated,x\n", StandardCharsets.UTF_8);
        assertEquals(List.of("5\" screen", "quotedtail"), s.rows().get(0).cells());
        assertEquals(List.of("unterminated,x\n"), s.rows().get(1).cells());
    }

    @Test
    void delimiterFromTheHeaderLine() {
        assertEquals(',', CsvReader.delimiter("a,b,c\n1;2;3;4;5"));
        assertEquals(';', CsvReader.delimiter("a;b;c\n"));
        assertEquals('\t', CsvReader.delimiter("名称(a,b)\tx\ty\n"));
        assertEquals(',', CsvReader.delimiter("\"a;b;c\",d\n"));
        assertEquals(',', CsvReader.delimiter("a;b,c\n"));
        assertEquals(',', CsvReader.delimiter("single\n"));
        assertEquals('\t', CsvReader.delimiter("\r\n\r\na\tb\n"));
    }

    @Test
    void semicolonFile() throws IOException {
        Sheet s = read("Name;Betrag\nMüller;\"1,5\"\n", StandardCharsets.UTF_8);
        assertEquals(List.of("Müller", "1,5"), s.rows().get(0).cells());
    }

    @Test
    void writerBomCrlfQuotingAndFormulaGuard() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter w = new CsvWriter(out)) {
            w.textRow(List.of("姓名", "说明"));
            w.row(List.of(Cell.text("=HYPERLINK(\"http://x\")"), Cell.text("a,b")));
            w.row(List.of(Cell.text("+86 138"), Cell.text("-12.5")));
            w.row(List.of(Cell.number(new BigDecimal("-12.5")), Cell.text("@SUM(1)")));
            w.row(Arrays.asList(Cell.text("\tx"), Cell.text("\rcr")));
            w.row(List.of(Cell.text("'=already"), Cell.text("'plain")));
            w.row(List.of(Cell.date(LocalDate.of(2024, 1, 2)), Cell.bool(true), Cell.BLANK, Cell.text("end")));
        }
        byte[] bytes = out.toByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertEquals("姓名,说明\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\")\",\"a,b\"\r\n"
                + "'+86 138,'-12.5\r\n"
                + "-12.5,'@SUM(1)\r\n"
                + "'\tx,\"'\rcr\"\r\n"
                + "''=already,'plain\r\n"
                + "2024-01-02,true,,end\r\n", text);

        // read back: the guard comes off again, everything else is as written
        Sheet s = read(bytes);
        assertEquals(List.of("=HYPERLINK(\"http://x\")", "a,b"), s.rows().get(0).cells());
        assertEquals(List.of("+86 138", "-12.5"), s.rows().get(1).cells());
        assertEquals(List.of("-12.5", "@SUM(1)"), s.rows().get(2).cells());
        assertEquals(List.of("\tx", "\rcr"), s.rows().get(3).cells());
        assertEquals(List.of("'=already", "'plain"), s.rows().get(4).cells());
        assertEquals(List.of("2024-01-02", "true", "", "end"), s.rows().get(5).cells());
    }

    @Test
    void roundTripOfAwkwardText() throws IOException {
        List<String> texts = List.of("0012", "110101199003074578", "😀", "\"", "a\r\nb", " padded ", "<&>", "-", "=", "'", "''");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter w = new CsvWriter(out)) {
            w.textRow(List.of("h"));
            for (String t : texts) {
                w.textRow(List.of(t));
            }
        }
        Sheet s = read(out.toByteArray());
        List<String> back = new ArrayList<>();
        s.rows().forEach(r -> back.add(r.cell(0)));
        assertEquals(texts, back);
    }

    @Test
    void emptyAndBlankFiles() {
        assertEquals(SheetException.Reason.EMPTY,
                assertThrows(SheetException.class, () -> read(new byte[0])).reason());
        assertEquals(SheetException.Reason.EMPTY,
                assertThrows(SheetException.class, () -> read(",,,\r\n\r\n  ".replace("  ", "").getBytes(StandardCharsets.UTF_8))).reason());
    }

    @Test
    void htmlSavedAsXlsIsRefused() {
        SheetException e = assertThrows(SheetException.class, () -> read(
                "<html><body><table><tr><td>姓名</td></tr></table></body></html>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(SheetException.Reason.NOT_A_SPREADSHEET, e.reason());
    }
}
