package org.jixiao.register.internal.sheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Hand-made .xlsx files, built entry by entry, as other producers write them. */
final class Fixtures {

    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    static final String PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
    static final String DECL = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    private Fixtures() {
    }

    static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The entries of a zip, in order, as text. */
    static Map<String, String> unzip(byte[] zip) {
        Map<String, String> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * A one-sheet workbook in Excel's entry order (sheet before shared strings and styles).
     *
     * @param workbookPr  e.g. "<workbookPr date1904=\"1\"/>", or ""
     * @param sheetData   the rows, inside sheetData
     * @param sst         the si elements, or null for no shared-string part
     * @param numFmts     numFmt elements, or ""
     * @param cellXfs     xf elements for cellXfs (index 0 first)
     */
    static Map<String, String> workbook(String workbookPr, String sheetData, String sst, String numFmts, String cellXfs) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("[Content_Types].xml", DECL + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
        m.put("_rels/.rels", DECL + "<Relationships xmlns=\"" + PKG + "\"><Relationship Id=\"rId1\" Type=\"" + REL
                + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        m.put("xl/workbook.xml", DECL + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\">" + workbookPr
                + "<sheets><sheet name=\"数据\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        m.put("xl/_rels/workbook.xml.rels", DECL + "<Relationships xmlns=\"" + PKG + "\">"
                + "<Relationship Id=\"rId1\" Type=\"" + REL + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"" + REL + "/styles\" Target=\"styles.xml\"/>"
                + (sst == null ? "" : "<Relationship Id=\"rId3\" Type=\"" + REL + "/sharedStrings\" Target=\"sharedStrings.xml\"/>")
                + "</Relationships>");
        m.put("xl/worksheets/sheet1.xml", DECL + "<worksheet xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\"><sheetData>"
                + sheetData + "</sheetData></worksheet>");
        m.put("xl/styles.xml", DECL + "<styleSheet xmlns=\"" + MAIN + "\">"
                + (numFmts.isEmpty() ? "" : "<numFmts>" + numFmts + "</numFmts>")
                + "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
                + "<cellXfs>" + cellXfs + "</cellXfs></styleSheet>");
        if (sst != null) {
            m.put("xl/sharedStrings.xml", DECL + "<sst xmlns=\"" + MAIN + "\">" + sst + "</sst>");
        }
        return m;
    }
}
