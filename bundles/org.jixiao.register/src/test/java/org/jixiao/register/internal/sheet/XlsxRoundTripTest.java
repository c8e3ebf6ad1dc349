package org.jixiao.register.internal.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class XlsxRoundTripTest {

    static byte[] write(SheetSpec spec, List<List<Cell>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter w = new SheetWriter(out)) {
            w.startSheet(spec);
            for (List<Cell> r : rows) {
                w.row(r);
            }
        }
        return out.toByteArray();
    }

    static Sheet read(byte[] bytes) throws IOException {
        return SheetReader.read(new ByteArrayInputStream(bytes), "test.xlsx", Limits.DEFAULT);
    }

    @Test
    void textSurvivesAsWritten() throws IOException {
        List<String> texts = List.of(
                "张三", "O'Brien \"the\" <b>&amp;</b>", "line one\nline two", "windows\r\nline", "😀 emoji 𠀀",
                "0012", "110101199003074578", "  padded  ", "\ttabbed", "=SUM(A1:A2)", "-12.5", "@mention",
                "_x0041_ looks escaped", "a_b_c", "TRUE", "1.0", "1E5", "2024-01-02", "#N/A");
        List<List<Cell>> rows = new ArrayList<>();
        for (String t : texts) {
            rows.add(List.of(Cell.text("k"), Cell.text(t)));
        }
        Sheet s = read(write(SheetSpec.of("名单", List.of(Column.text("键"), Column.text("值"))), rows));
        assertEquals(Sheet.Format.XLSX, s.format());
        assertEquals("名单", s.name());
        assertEquals(List.of("键", "值"), s.header().cells());
        assertEquals(1, s.header().number());
        assertEquals(texts.size(), s.rows().size());
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(texts.get(i), s.rows().get(i).cell(1), "row " + i);
            assertEquals(i + 2, s.rows().get(i).number());
        }
    }

    @Test
    void controlCharactersAreDroppedNotBreakingTheFile() throws IOException {
        Sheet s = read(write(SheetSpec.of("S", List.of()), List.of(List.of(Cell.text("a\u0001b\u0000c\uFFFEd\uD800e")))));
        assertEquals("abcde", s.header().cell(0));
    }

    @Test
    void typedCellsReadBackAsUsersSeeThem() throws IOException {
        List<Cell> row = List.of(
                Cell.number(new BigDecimal("0.1").add(new BigDecimal("0.2"))),
                Cell.number(0.1 + 0.2), // the double 0.30000000000000004, written as such
                Cell.number(42),
                Cell.number(new BigDecimal("-12.50")),
                Cell.number(new BigDecimal("1E+3")),
                Cell.date(LocalDate.of(1990, 3, 7)),
                Cell.dateTime(LocalDateTime.of(2024, 5, 6, 8, 30)),
                Cell.dateTime(LocalDateTime.of(2024, 5, 6, 8, 30, 15)),
                Cell.bool(true),
                Cell.bool(false),
                Cell.date(LocalDate.of(1900, 1, 1)),
                Cell.date(LocalDate.of(1900, 3, 1)),
                Cell.date(LocalDate.of(1850, 6, 1)));
        Sheet s = read(write(SheetSpec.of("S", List.of(Column.text("h"))), List.of(row)));
        assertEquals(List.of("0.3", "0.3", "42", "-12.5", "1000", "1990-03-07", "2024-05-06 08:30",
                "2024-05-06 08:30:15", "true", "false", "1900-01-01", "1900-03-01", "1850-06-01"),
                s.rows().get(0).cells());
    }

    @Test
    void blanksInTheMiddleAndAtTheEnd() throws IOException {
        List<List<Cell>> rows = List.of(
                Arrays.asList(Cell.text("a"), Cell.BLANK, null, Cell.text("d"), Cell.BLANK, Cell.text("")),
                List.of(Cell.BLANK, Cell.BLANK),
                List.of(Cell.BLANK, Cell.text("b")));
        Sheet s = read(write(SheetSpec.of("S", List.of(Column.text("1"), Column.text("2"), Column.text("3"),
                Column.text("4"), Column.text("5"), Column.text("6"))), rows));
        assertEquals(List.of("a", "", "", "d"), s.rows().get(0).cells());
        assertEquals("", s.rows().get(0).cell(5));
        assertEquals(2, s.rows().size(), "the blank row is skipped");
        assertEquals(4, s.rows().get(1).number(), "but its number is not reused");
        assertEquals(List.of("", "b"), s.rows().get(1).cells());
    }

    @Test
    void errorReportKeepsValuesAndAddsTheErrorColumn() throws IOException {
        SheetSpec spec = SheetSpec.of("导入结果", List.of(Column.text("姓名"), Column.of("年龄", Cell.Kind.NUMBER)))
                .withErrorColumn("错误");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter w = new SheetWriter(out)) {
            w.startSheet(spec);
            w.row(List.of(Cell.text("李四"), Cell.number(30)));
            w.row(List.of(Cell.text("王五"), Cell.text("三十").asError()), "年龄须为数字");
            w.row(List.of(Cell.BLANK.asError(), Cell.number(20)), "姓名必填");
        }
        Sheet s = read(out.toByteArray());
        assertEquals(List.of("姓名", "年龄", "错误"), s.header().cells());
        assertEquals(List.of("李四", "30"), s.rows().get(0).cells());
        assertEquals(List.of("王五", "三十", "年龄须为数字"), s.rows().get(1).cells());
        assertEquals(List.of("", "20", "姓名必填"), s.rows().get(2).cells());
        String sheet = Fixtures.unzip(out.toByteArray()).get("xl/worksheets/sheet1.xml");
        assertTrue(sheet.contains("<c r=\"B3\" s=\"7\" t=\"inlineStr\">"), "the wrong cell is pink text");
        assertTrue(sheet.contains("<c r=\"A4\" s=\"7\"/>"), "a blank wrong cell still gets its fill");
    }

    @Test
    void theFirstVisibleSheetIsRead() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter w = new SheetWriter(out)) {
            w.startSheet(SheetSpec.of("选项", List.of(Column.text("性别"))).asHidden());
            w.textRow(List.of("男"));
            w.startSheet(SheetSpec.of("名单", List.of(Column.text("姓名"))));
            w.textRow(List.of("张三"));
        }
        Sheet s = read(out.toByteArray());
        assertEquals("名单", s.name());
        assertEquals("张三", s.rows().get(0).cell(0));
        String workbook = Fixtures.unzip(out.toByteArray()).get("xl/workbook.xml");
        assertTrue(workbook.contains("activeTab=\"1\""), workbook);
    }

    @Test
    void emptyWorkbookStillHasASheetAndReadsAsEmpty() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SheetWriter(out).close();
        Fixtures.unzip(out.toByteArray()).values().forEach(XlsxStructureTest::wellFormed);
        SheetException e = org.junit.jupiter.api.Assertions.assertThrows(SheetException.class, () -> read(out.toByteArray()));
        assertEquals(SheetException.Reason.EMPTY, e.reason());
    }

    @Test
    void cellsLongerThanExcelAllowsAreCut() throws IOException {
        String longText = "长".repeat(40_000);
        Sheet s = read(write(SheetSpec.of("S", List.of()), List.of(List.of(Cell.text(longText)))));
        assertEquals(SheetWriter.MAX_TEXT, s.header().cell(0).length());
        assertFalse(s.header().cell(0).isEmpty());
    }
}
