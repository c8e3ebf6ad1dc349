package org.jixiao.register.internal.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;

/** What the writer puts in the zip: the parts Excel needs, well-formed, with the features asked for. */
class XlsxStructureTest {

    static void wellFormed(String xml) {
        try {
            XMLStreamReader r = Xml.inputFactory().createXMLStreamReader(
                    new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            while (r.hasNext()) {
                Xml.next(r);
            }
        } catch (XMLStreamException e) {
            throw new AssertionError("not well-formed: " + e.getMessage() + "\n" + xml, e);
        }
    }

    /** The import template: a data sheet with drop-downs, instructions, and a hidden choice list. */
    static byte[] template() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter w = new SheetWriter(out)) {
            w.startSheet(SheetSpec.of("青年名单", List.of(
                    Column.text("姓名"), Column.text("身份证号").withWidth(22), Column.text("性别"),
                    Column.of("出生日期", Cell.Kind.DATE), Column.of("月收入", Cell.Kind.NUMBER)))
                    .withDropDowns(List.of(new DropDown(2, SheetWriter.listRange("选项 O'K", 0, 2, 3)))));
            w.row(List.of(Cell.text("张三"), Cell.text("110101199003074578"), Cell.text("男"),
                    Cell.date(LocalDate.of(1990, 3, 7)), Cell.number(3500)));
            w.startSheet(SheetSpec.of("说明", List.of(Column.text("填写说明").withWidth(80))));
            w.textRow(List.of("性别请从下拉列表中选择。"));
            w.startSheet(SheetSpec.of("选项 O'K", List.of(Column.text("性别"))).asHidden());
            w.textRow(List.of("男"));
            w.textRow(List.of("女"));
        }
        return out.toByteArray();
    }

    @Test
    void allPartsArePresentAndWellFormed() throws IOException {
        Map<String, String> parts = Fixtures.unzip(template());
        assertTrue(parts.keySet().containsAll(List.of("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml",
                "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml")), parts.keySet().toString());
        parts.values().forEach(XlsxStructureTest::wellFormed);
        for (int i = 1; i <= 3; i++) {
            assertTrue(parts.get("[Content_Types].xml").contains("/xl/worksheets/sheet" + i + ".xml"));
        }
    }

    @Test
    void templateFeatures() throws IOException {
        Map<String, String> parts = Fixtures.unzip(template());
        String data = parts.get("xl/worksheets/sheet1.xml");
        assertTrue(data.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"));
        assertTrue(data.contains("tabSelected=\"1\""));
        assertTrue(data.contains("<col min=\"2\" max=\"2\" width=\"22.00\" customWidth=\"1\" style=\"2\"/>"), data);
        assertTrue(data.contains("<col min=\"4\" max=\"4\" width=\"12.00\" customWidth=\"1\" style=\"3\"/>"), data);
        assertTrue(data.contains("<c r=\"A1\" s=\"1\" t=\"inlineStr\">"), "bold header");
        assertTrue(data.contains("<c r=\"E2\"><v>3500</v></c>"), "a number is a number");
        assertTrue(data.contains("<c r=\"D2\" s=\"3\"><v>32939</v></c>"), "1990-03-07 is serial 32939");
        assertTrue(data.contains("<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" "
                + "showErrorMessage=\"1\" sqref=\"C2:C1048576\"><formula1>'选项 O''K'!$A$2:$A$3</formula1>"), data);
        assertTrue(data.indexOf("</sheetData>") < data.indexOf("<dataValidations"));
        assertTrue(data.indexOf("<dataValidations") < data.indexOf("<pageMargins"));

        String workbook = parts.get("xl/workbook.xml");
        assertTrue(workbook.contains("<sheet name=\"选项 O'K\" sheetId=\"3\" state=\"hidden\" r:id=\"rId3\"/>"), workbook);
        assertTrue(workbook.contains("activeTab=\"0\""));
        assertTrue(!parts.get("xl/worksheets/sheet3.xml").contains("tabSelected"));
    }

    @Test
    void autoWidthsFollowTheWidestCellOfTheFirstRows() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter w = new SheetWriter(out)) {
            w.startSheet(SheetSpec.of("S", List.of(Column.text("名"), Column.text("x"))));
            w.textRow(List.of("中华人民共和国北京市", "short"));
            w.textRow(List.of("a", "x".repeat(500)));
        }
        String sheet = Fixtures.unzip(out.toByteArray()).get("xl/worksheets/sheet1.xml");
        assertTrue(sheet.contains("<col min=\"1\" max=\"1\" width=\"22.00\""), sheet); // 10 wide characters + 2
        assertTrue(sheet.contains("<col min=\"2\" max=\"2\" width=\"60.00\""), sheet); // capped
    }

    @Test
    void manyRowsStreamPastTheMeasuredOnes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter w = new SheetWriter(out)) {
            w.startSheet(SheetSpec.of("S", List.of(Column.text("n"))));
            for (int i = 0; i < 1000; i++) {
                w.row(List.of(Cell.number(i)));
            }
            assertEquals(1001, w.rowNumber());
        }
        Sheet s = XlsxRoundTripTest.read(out.toByteArray());
        assertEquals(1000, s.rows().size());
        assertEquals("999", s.rows().get(999).cell(0));
        assertEquals(1001, s.rows().get(999).number());
    }

    @Test
    void sheetNames() {
        assertThrows(IllegalArgumentException.class, () -> SheetWriter.checkSheetName("a/b"));
        assertThrows(IllegalArgumentException.class, () -> SheetWriter.checkSheetName("'x"));
        assertThrows(IllegalArgumentException.class, () -> SheetWriter.checkSheetName("History"));
        assertThrows(IllegalArgumentException.class, () -> SheetWriter.checkSheetName("x".repeat(32)));
        assertThrows(IllegalArgumentException.class, () -> SheetWriter.checkSheetName(""));
        SheetWriter.checkSheetName("选项 O'K");
        assertEquals("a_b_c_", SheetWriter.safeSheetName("a/b[c]"));
        assertEquals("Sheet", SheetWriter.safeSheetName("'''"));
        assertEquals(31, SheetWriter.safeSheetName("长".repeat(40)).length());
        assertEquals("'It''s'!$AB$2:$AB$9", SheetWriter.listRange("It's", 27, 2, 9));
    }

    @Test
    void misuseIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter w = new SheetWriter(out)) {
            assertThrows(IllegalStateException.class, () -> w.textRow(List.of("no sheet yet")));
            w.startSheet(SheetSpec.of("S", List.of(Column.text("a"))));
            assertThrows(IllegalStateException.class, () -> w.row(List.of(Cell.text("x")), "no error column"));
            assertThrows(IllegalArgumentException.class, () -> w.startSheet(SheetSpec.of("s", List.of())));
        }
        assertThrows(IllegalArgumentException.class, () -> Cell.number(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Cell(Cell.Kind.DATE, "2024-13-01", false));
        assertThrows(IllegalArgumentException.class, () -> new Cell(Cell.Kind.NUMBER, "12abc", false));
    }

    @Test
    void allSheetsHiddenStillLeavesOneVisible() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter w = new SheetWriter(out)) {
            w.startSheet(SheetSpec.of("A", List.of()).asHidden());
            w.textRow(List.of("x"));
        }
        assertTrue(!Fixtures.unzip(out.toByteArray()).get("xl/workbook.xml").contains("hidden"));
        assertEquals("x", XlsxRoundTripTest.read(out.toByteArray()).header().cell(0));
    }
}
