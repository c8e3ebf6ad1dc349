package org.jixiao.register.internal.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Files as Excel, WPS and other producers write them, built by hand. */
class XlsxFixtureTest {

    private static Sheet read(Map<String, String> entries) throws IOException {
        return XlsxRoundTripTest.read(Fixtures.zip(entries));
    }

    private static final String GENERAL = "<xf numFmtId=\"0\"/>";

    @Test
    void sharedStringsWithRichTextRunsAndPhoneticGuides() throws IOException {
        String sst = "<si><t>姓名</t></si>"
                + "<si><r><rPr><b/><sz val=\"11\"/></rPr><t>张</t></r><r><t xml:space=\"preserve\">三 </t></r></si>"
                + "<si><t>漢字</t><rPh sb=\"0\" eb=\"2\"><t>かんじ</t></rPh><phoneticPr fontId=\"1\"/></si>"
                + "<si><t>a_x000D_\nb _x005F_x0041_</t></si>";
        String data = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\" t=\"s\"><v>2</v></c><c r=\"C2\" t=\"s\"><v>3</v></c></row>";
        Sheet s = read(Fixtures.workbook("", data, sst, "", GENERAL));
        assertEquals("数据", s.name());
        assertEquals(List.of("张三 ", "漢字", "a\r\nb _x0041_"), s.rows().get(0).cells());
    }

    @Test
    void datesByBuiltInAndCustomFormats() throws IOException {
        String numFmts = "<numFmt numFmtId=\"164\" formatCode=\"yyyy/m/d\"/>"
                + "<numFmt numFmtId=\"165\" formatCode=\"yyyy-mm-dd hh:mm\"/>"
                + "<numFmt numFmtId=\"166\" formatCode=\"0.0&quot;天&quot;\"/>"
                + "<numFmt numFmtId=\"167\" formatCode=\"[h]:mm\"/>"
                + "<numFmt numFmtId=\"168\" formatCode=\"[$-F800]dddd, mmmm dd, yyyy\"/>"
                + "<numFmt numFmtId=\"169\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>";
        String xfs = GENERAL + "<xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"166\"/>"
                + "<xf numFmtId=\"167\"/><xf numFmtId=\"168\"/><xf numFmtId=\"169\"/><xf numFmtId=\"10\"/><xf numFmtId=\"20\"/>"
                + "<xf numFmtId=\"31\"/><xf numFmtId=\"49\"/>";
        String data = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>h</t></is></c></row><row r=\"2\">"
                + "<c r=\"A2\" s=\"1\"><v>45306</v></c>"              // 14: 2024-01-15
                + "<c r=\"B2\" s=\"2\"><v>45306</v></c>"              // yyyy/m/d
                + "<c r=\"C2\" s=\"3\"><v>45306.520833333336</v></c>" // 12:30
                + "<c r=\"D2\" s=\"4\"><v>2.5</v></c>"                // 0.0"天": no date
                + "<c r=\"E2\" s=\"5\"><v>1.5</v></c>"                // [h]:mm elapsed
                + "<c r=\"F2\" s=\"6\"><v>45306</v></c>"
                + "<c r=\"G2\" s=\"7\"><v>45306</v></c>"
                + "<c r=\"H2\" s=\"8\"><v>0.125</v></c>"              // 0.00%: the number
                + "<c r=\"I2\" s=\"9\"><v>0.75</v></c>"               // h:mm
                + "<c r=\"J2\" s=\"10\"><v>45306</v></c>"             // 31: yyyy"年"m"月"d"日"
                + "<c r=\"K2\" s=\"11\"><v>45306</v></c>"             // text format over a number: the number
                + "<c r=\"L2\" s=\"99\"><v>45306</v></c>"             // no such style: General
                + "<c r=\"M2\" s=\"1\"><v>59</v></c><c r=\"N2\" s=\"1\"><v>61</v></c>"
                + "<c r=\"O2\" s=\"1\"><v>-1</v></c>"                 // no date: the number
                + "<c r=\"P2\" s=\"3\"><v>45306.99999999</v></c>"     // rounds to the next midnight
                + "</row>";
        Sheet s = read(Fixtures.workbook("", data, null, numFmts, xfs));
        assertEquals(List.of("2024-01-15", "2024-01-15", "2024-01-15 12:30", "2.5", "36:00", "2024-01-15",
                "2024-01-15", "0.125", "18:00", "2024-01-15", "45306", "45306", "1900-02-28", "1900-03-01", "-1",
                "2024-01-16 00:00"), s.rows().get(0).cells());
    }

    @Test
    void the1904DateSystem() throws IOException {
        String data = "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>43844</v></c></row>";
        Sheet s = read(Fixtures.workbook("<workbookPr date1904=\"1\"/>", data, null, "", GENERAL + "<xf numFmtId=\"14\"/>"));
        assertEquals("2024-01-15", s.header().cell(0));
        s = read(Fixtures.workbook("<workbookPr date1904=\"true\"/>", data, null, "", GENERAL + "<xf numFmtId=\"14\"/>"));
        assertEquals("2024-01-15", s.header().cell(0));
    }

    @Test
    void skippedCellsAndMissingReferences() throws IOException {
        String data = "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>a</t></is></c><c r=\"C3\" t=\"inlineStr\"><is><t>c</t></is></c>"
                + "<c t=\"inlineStr\"><is><t>d</t></is></c><c r=\"F3\"><v>6</v></c></row>"
                + "<row><c><v>1</v></c><c><v>2</v></c></row>" // row 4 by position, cells A and B
                + "<row r=\"7\"><c r=\"B7\" s=\"0\"/><c r=\"XFD7\" s=\"0\"/></row>" // styled but empty: a blank row
                + "<row r=\"9\"><c r=\"B9\"><v>9</v></c></row>";
        Sheet s = read(Fixtures.workbook("", data, null, "", GENERAL));
        assertEquals(3, s.header().number());
        assertEquals(List.of("a", "", "c", "d", "", "6"), s.header().cells());
        assertEquals(4, s.rows().get(0).number());
        assertEquals(List.of("1", "2"), s.rows().get(0).cells());
        assertEquals(2, s.rows().size());
        assertEquals(9, s.rows().get(1).number());
        assertEquals(List.of("", "9"), s.rows().get(1).cells());
    }

    @Test
    void cellTypes() throws IOException {
        String data = "<row r=\"1\">"
                + "<c r=\"A1\" t=\"str\"><f>A2&amp;\"x\"</f><v>计算结果</v></c>"
                + "<c r=\"B1\"><f>1/3</f><v>0.33333333333333331</v></c>"
                + "<c r=\"C1\" t=\"b\"><v>1</v></c><c r=\"D1\" t=\"b\"><v>0</v></c>"
                + "<c r=\"E1\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
                + "<c r=\"F1\"><f>NOW()</f></c>"                              // never calculated: blank
                + "<c r=\"G1\" t=\"inlineStr\"><is><r><t>富</t></r><r><rPr><i/></rPr><t>文本</t></r></is></c>"
                + "<c r=\"H1\" t=\"d\"><v>2024-01-15T00:00:00</v></c><c r=\"I1\" t=\"d\"><v>2024-01-15T08:30:00</v></c>"
                + "<c r=\"J1\"><v>1.2345678901234567E-3</v></c><c r=\"K1\"><v>1E+21</v></c>"
                + "<c r=\"L1\"><v>123456789012345678</v></c><c r=\"M1\"><v>1.10101199003075E+17</v></c>"
                + "<c r=\"N1\"><v>-0.0</v></c><c r=\"O1\"><v>1E+999999999</v></c>"
                + "</row>";
        Sheet s = read(Fixtures.workbook("", data, null, "", GENERAL));
        assertEquals(List.of("计算结果", "0.333333333333333", "true", "false", "#DIV/0!", "", "富文本", "2024-01-15",
                "2024-01-15 08:30", "0.00123456789012346", "1000000000000000000000", "123456789012345678",
                "110101199003075000", "0", "1E+999999999"), s.header().cells());
    }

    @Test
    void prefixedNamespacesAsSomeProducersWrite() throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("_rels/.rels", "<Relationships xmlns=\"" + Fixtures.PKG + "\"><Relationship Id=\"rId1\" Type=\""
                + Fixtures.REL + "/officeDocument\" Target=\"/xl/workbook.xml\"/></Relationships>");
        m.put("xl/workbook.xml", "<x:workbook xmlns:x=\"" + Fixtures.MAIN + "\" xmlns:rel=\"" + Fixtures.REL + "\">"
                + "<x:sheets><x:sheet name=\"前缀\" sheetId=\"7\" rel:id=\"R9\"/></x:sheets></x:workbook>");
        m.put("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"" + Fixtures.PKG + "\">"
                + "<Relationship Id=\"R9\" Type=\"" + Fixtures.REL + "/worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"R8\" Type=\"" + Fixtures.REL + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                + "</Relationships>");
        m.put("xl/worksheets/sheet1.xml", "<x:worksheet xmlns:x=\"" + Fixtures.MAIN + "\"><x:sheetData>"
                + "<x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c><x:c r=\"B1\"><x:v>2.50</x:v></x:c></x:row>"
                + "</x:sheetData></x:worksheet>");
        m.put("xl/sharedStrings.xml", "<x:sst xmlns:x=\"" + Fixtures.MAIN + "\"><x:si><x:t>前缀</x:t></x:si></x:sst>");
        Sheet s = read(m);
        assertEquals("前缀", s.name());
        assertEquals(List.of("前缀", "2.5"), s.header().cells());
    }

    @Test
    void strictOoxmlNamespaces() throws IOException {
        String main = "http://purl.oclc.org/ooxml/spreadsheetml/main";
        String rel = "http://purl.oclc.org/ooxml/officeDocument/relationships";
        Map<String, String> m = new LinkedHashMap<>();
        m.put("_rels/.rels", "<Relationships xmlns=\"" + Fixtures.PKG + "\"><Relationship Id=\"rId1\" Type=\""
                + rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        m.put("xl/workbook.xml", "<workbook xmlns=\"" + main + "\" xmlns:r=\"" + rel + "\">"
                + "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        m.put("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"" + Fixtures.PKG + "\">"
                + "<Relationship Id=\"rId1\" Type=\"" + rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
        m.put("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"" + main + "\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>strict</t></is></c></row></sheetData></worksheet>");
        assertEquals("strict", read(m).header().cell(0));
    }

    @Test
    void firstSheetByWorkbookOrderNotByFileName() throws IOException {
        Map<String, String> m = Fixtures.workbook("", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", null, "", GENERAL);
        m.put("xl/workbook.xml", Fixtures.DECL + "<workbook xmlns=\"" + Fixtures.MAIN + "\" xmlns:r=\"" + Fixtures.REL + "\">"
                + "<sheets><sheet name=\"隐藏\" sheetId=\"3\" state=\"hidden\" r:id=\"rId1\"/>"
                + "<sheet name=\"图表\" sheetId=\"4\" r:id=\"rId6\"/>"
                + "<sheet name=\"第二\" sheetId=\"2\" r:id=\"rId5\"/><sheet name=\"第一\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        m.put("xl/_rels/workbook.xml.rels", Fixtures.DECL + "<Relationships xmlns=\"" + Fixtures.PKG + "\">"
                + "<Relationship Id=\"rId1\" Type=\"" + Fixtures.REL + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId6\" Type=\"" + Fixtures.REL + "/chartsheet\" Target=\"chartsheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId5\" Type=\"" + Fixtures.REL + "/worksheet\" Target=\"worksheets/Sheet2.XML\"/>"
                + "</Relationships>");
        m.put("xl/chartsheets/sheet1.xml", "<chartsheet/>");
        m.put("xl/worksheets/sheet2.xml", "<worksheet xmlns=\"" + Fixtures.MAIN + "\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\"><v>2</v></c></row></sheetData></worksheet>");
        Sheet s = read(m);
        assertEquals("第二", s.name());
        assertEquals("2", s.header().cell(0));
    }

    @Test
    void partsInAnyOrderAndUnusualNames() throws IOException {
        Map<String, String> base = Fixtures.workbook("", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
                + "<c r=\"B1\" s=\"1\"><v>45306</v></c></row>", "<si><t>x</t></si>", "", GENERAL + "<xf numFmtId=\"14\"/>");
        Map<String, String> m = new LinkedHashMap<>();
        m.put("xl/worksheets/sheet1.xml", base.get("xl/worksheets/sheet1.xml"));
        m.put("xl/t.xml", base.get("xl/sharedStrings.xml"));
        m.put("xl/s.xml", base.get("xl/styles.xml"));
        m.put("xl/_rels/workbook.xml.rels", base.get("xl/_rels/workbook.xml.rels")
                .replace("sharedStrings.xml", "t.xml").replace("styles.xml", "s.xml"));
        m.put("xl/workbook.xml", base.get("xl/workbook.xml"));
        m.put("_rels/.rels", base.get("_rels/.rels"));
        assertEquals(List.of("x", "2024-01-15"), read(m).header().cells());
    }

    @Test
    void withoutPackageRelationshipsTheUsualPathsAreTried() throws IOException {
        Map<String, String> m = Fixtures.workbook("", "<row r=\"1\"><c r=\"A1\"><v>5</v></c></row>", null, "", GENERAL);
        m.remove("_rels/.rels");
        m.remove("xl/_rels/workbook.xml.rels");
        assertEquals("5", read(m).header().cell(0));
    }

    @Test
    void titleRowAboveTheHeader() throws IOException {
        String data = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>2024年青年名单</t></is></c></row>"
                + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>姓名</t></is></c></row>"
                + "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>张三</t></is></c></row>";
        Sheet s = read(Fixtures.workbook("", data, null, "", GENERAL)).withHeaderRow(3);
        assertEquals("姓名", s.header().cell(0));
        assertEquals(List.of(4), s.rows().stream().map(SheetRow::number).toList());
    }
}
