package org.jixiao.register.internal.sheet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an .xlsx as rows come, one sheet after another:
 *
 * <pre>{@code
 * try (SheetWriter w = new SheetWriter(out)) {
 *     w.startSheet(SheetSpec.of("名单", columns).withDropDowns(List.of(new DropDown(2, SheetWriter.listRange("选项", 0, 2, 4)))));
 *     for (...) w.row(cells);
 *     w.startSheet(SheetSpec.of("选项", List.of(Column.text("性别"))).asHidden());
 *     w.row(List.of(Cell.text("男"))); ...
 * }
 * }</pre>
 *
 * Memory stays flat: a sheet's first {@value #MEASURE_ROWS} rows are held back to choose column widths
 * (the widths precede the cells in the file), then every row goes straight into the zip. Strings are
 * written inline, so there is no shared-string table to build. The parts written are the least Excel, WPS
 * and LibreOffice open without a repair prompt; the [Content_Types].xml goes last, as only then are all
 * sheets known, which no reader minds.
 *
 * <p>Text needs no formula guard here, unlike CSV: an inline string is stored as a string and Excel never
 * parses it as a formula, whatever it starts with. Characters XML cannot carry are dropped; text longer
 * than Excel's 32,767 characters is cut there, since Excel would otherwise refuse the file.
 */
public final class SheetWriter implements RowWriter {

    static final int MAX_COLUMNS = 16_384;
    static final int MAX_ROWS = 1_048_576;
    static final int MAX_TEXT = 32_767;
    static final int MEASURE_ROWS = 100;

    private static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String XML_DECL = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    // cellXfs indexes, matching styles() below
    private static final int S_GENERAL = 0;
    private static final int S_HEADER = 1;
    private static final int S_TEXT = 2;
    private static final int S_DATE = 3;
    private static final int S_DATE_TIME = 4;
    private static final int S_DATE_TIME_SECONDS = 5;
    private static final int S_ERROR_MESSAGE = 11;

    private final ZipOutputStream zip;
    private final Writer w;
    private final List<SheetSpec> sheets = new ArrayList<>();
    private final List<String> letters = new ArrayList<>();

    private SheetSpec current;
    private boolean selected;
    private boolean hasHeader;
    private int rowNumber;
    private List<Object[]> pending; // {cells, error text, header?} until the widths are chosen
    private boolean finished;

    /** Writes to {@code out}; {@link #close()} closes it, {@link #finish()} does not. */
    public SheetWriter(OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        // Level 1 deflates a 10,000-row sheet several times faster than the default for a file a third larger.
        zip.setLevel(Deflater.BEST_SPEED);
        this.w = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Ends the sheet being written, if any, and starts another; its header row, if any, is row 1. */
    public void startSheet(SheetSpec spec) throws IOException {
        checkOpen();
        endSheet();
        for (SheetSpec s : sheets) {
            if (s.name().equalsIgnoreCase(spec.name())) {
                throw new IllegalArgumentException("two sheets named " + spec.name());
            }
        }
        sheets.add(spec);
        current = spec;
        rowNumber = 0;
        pending = new ArrayList<>();
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + sheets.size() + ".xml"));
        hasHeader = spec.columns().stream().anyMatch(c -> c.header() != null);
        if (hasHeader) {
            List<Cell> header = new ArrayList<>();
            for (Column c : spec.columns()) {
                header.add(Cell.text(c.header()));
            }
            if (spec.errorHeader() != null) {
                header.add(Cell.text(spec.errorHeader()));
            }
            pending.add(new Object[] {header, null, Boolean.TRUE});
            rowNumber = 1;
        }
    }

    /** Writes the next row; a blank cell is left out, a blank row leaves an empty row. */
    @Override
    public void row(List<Cell> cells) throws IOException {
        row(cells, null);
    }

    /**
     * Writes the next row and, in the sheet's error column, the error text (null or "" for none). Cells
     * marked {@link Cell#asError()} are filled pink.
     *
     * @throws IllegalStateException if the text is not blank and the sheet has no error column
     */
    public void row(List<Cell> cells, String error) throws IOException {
        checkOpen();
        if (current == null) {
            throw new IllegalStateException("no sheet started");
        }
        if (error != null && !error.isEmpty() && current.errorHeader() == null) {
            throw new IllegalStateException("sheet " + current.name() + " has no error column");
        }
        int limit = current.errorHeader() == null ? MAX_COLUMNS : current.columns().size();
        if (cells.size() > limit) {
            throw new IllegalArgumentException(cells.size() + " cells, at most " + limit);
        }
        if (rowNumber >= MAX_ROWS) {
            throw new IllegalStateException("Excel holds " + MAX_ROWS + " rows a sheet");
        }
        rowNumber++;
        if (pending != null) {
            pending.add(new Object[] {new ArrayList<>(cells), error, Boolean.FALSE});
            if (pending.size() >= MEASURE_ROWS) {
                flushPending();
            }
        } else {
            writeRow(rowNumber, cells, error, false);
        }
    }

    /** Writes the next row, all text. */
    public void textRow(List<String> texts) throws IOException {
        List<Cell> cells = new ArrayList<>(texts.size());
        for (String t : texts) {
            cells.add(Cell.text(t));
        }
        row(cells);
    }

    /** The number of the last row written in the current sheet (1 is the header row, if any). */
    public int rowNumber() {
        return rowNumber;
    }

    /** Ends the workbook; leaves the output stream open. */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        if (sheets.isEmpty()) {
            startSheet(SheetSpec.of("Sheet1", List.of()));
        }
        endSheet();
        finished = true;
        int visible = 0;
        while (visible < sheets.size() && sheets.get(visible).hidden()) {
            visible++;
        }
        if (visible == sheets.size()) { // Excel refuses a workbook with no visible sheet
            visible = 0;
            sheets.set(0, new SheetSpec(sheets.get(0).name(), sheets.get(0).columns(), false,
                    sheets.get(0).errorHeader(), sheets.get(0).dropDowns()));
        }
        workbook(visible);
        entry("xl/styles.xml", STYLES);
        contentTypes();
        entry("_rels/.rels", XML_DECL + "<Relationships xmlns=\"" + PKG_REL_NS + "\">"
                + "<Relationship Id=\"rId1\" Type=\"" + REL_NS + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>");
        w.flush();
        zip.finish();
    }

    /** Finishes the workbook and closes the output stream. */
    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            zip.close();
        }
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("the workbook is finished");
        }
    }

    // ---- sheets ----

    private void endSheet() throws IOException {
        if (current == null) {
            return;
        }
        if (pending != null) {
            flushPending();
        }
        w.write("</sheetData>");
        List<DropDown> dropDowns = current.dropDowns();
        if (!dropDowns.isEmpty()) {
            w.write("<dataValidations count=\"" + dropDowns.size() + "\">");
            int first = hasHeader ? 2 : 1;
            for (DropDown d : dropDowns) {
                String col = letters(d.column());
                w.write("<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" sqref=\"");
                w.write(col + first + ":" + col + MAX_ROWS);
                w.write("\"><formula1>");
                Xml.attr(w, d.source());
                w.write("</formula1></dataValidation>");
            }
            w.write("</dataValidations>");
        }
        w.write("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>");
        w.write("</worksheet>");
        w.flush();
        zip.closeEntry();
        current = null;
    }

    /** Chooses the widths from the held-back rows, writes the sheet's start, then those rows. */
    private void flushPending() throws IOException {
        List<Object[]> rows = pending;
        pending = null;
        w.write(XML_DECL);
        w.write("<worksheet xmlns=\"" + MAIN_NS + "\" xmlns:r=\"" + REL_NS + "\">");
        w.write("<sheetViews><sheetView workbookViewId=\"0\"");
        if (!current.hidden() && !selected) {
            selected = true; // the first visible sheet is the one Excel opens on
            w.write(" tabSelected=\"1\"");
        }
        w.write(">");
        if (hasHeader) {
            w.write("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                    + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>");
        }
        w.write("</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>");
        cols(rows);
        w.write("<sheetData>");
        int number = 0;
        for (Object[] row : rows) {
            @SuppressWarnings("unchecked")
            List<Cell> cells = (List<Cell>) row[0];
            writeRow(++number, cells, (String) row[1], (Boolean) row[2]);
        }
    }

    private void cols(List<Object[]> rows) throws IOException {
        List<Column> columns = current.columns();
        int errorColumn = current.errorHeader() == null ? -1 : columns.size();
        double[] widths = new double[Math.max(columns.size() + (errorColumn < 0 ? 0 : 1), 0)];
        for (Object[] row : rows) {
            @SuppressWarnings("unchecked")
            List<Cell> cells = (List<Cell>) row[0];
            boolean header = (Boolean) row[2];
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i) != null) {
                    widths = measure(widths, i, cells.get(i).text(), header);
                }
            }
            if (row[1] != null && errorColumn >= 0) {
                widths = measure(widths, errorColumn, (String) row[1], false);
            }
        }
        if (widths.length == 0) {
            return;
        }
        w.write("<cols>");
        for (int i = 0; i < widths.length; i++) {
            Column c = i < columns.size() ? columns.get(i) : null;
            double width = c != null && c.width() > 0 ? c.width() : Math.min(60, Math.max(8, widths[i] + 2));
            w.write("<col min=\"" + (i + 1) + "\" max=\"" + (i + 1) + "\" width=\""
                    + String.format(Locale.ROOT, "%.2f", width) + "\" customWidth=\"1\"");
            if (c != null) {
                w.write(" style=\"" + columnStyle(c.kind()) + "\"");
            }
            w.write("/>");
        }
        w.write("</cols>");
    }

    private static double[] measure(double[] widths, int column, String text, boolean bold) {
        if (text.isEmpty()) {
            return widths;
        }
        double[] out = column < widths.length ? widths : java.util.Arrays.copyOf(widths, column + 1);
        double widest = 0;
        for (String line : text.split("\n", 20)) {
            double width = 0;
            for (int i = 0; i < line.length() && width < 100; ) {
                int cp = line.codePointAt(i);
                width += wide(cp) ? 2 : 1;
                i += Character.charCount(cp);
            }
            widest = Math.max(widest, width);
        }
        out[column] = Math.max(out[column], bold ? widest * 1.1 : widest);
        return out;
    }

    /** Whether a character takes two columns: CJK, Hangul, full-width forms, most emoji. */
    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    private static int columnStyle(Cell.Kind kind) {
        return switch (kind) {
            case TEXT -> S_TEXT;
            case DATE -> S_DATE;
            case DATE_TIME -> S_DATE_TIME;
            default -> S_GENERAL;
        };
    }

    private static int errorStyle(int style) {
        return style == S_GENERAL ? 6 : style + 5;
    }

    // ---- rows and cells ----

    private void writeRow(int number, List<Cell> cells, String error, boolean header) throws IOException {
        w.write("<row r=\"");
        w.write(Integer.toString(number));
        w.write("\">");
        String r = Integer.toString(number);
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            if (c == null || (c.isBlank() && !c.error())) {
                continue;
            }
            if (header) {
                text(i, r, c.text(), S_HEADER);
            } else {
                cell(i, r, c);
            }
        }
        if (error != null && !error.isEmpty()) {
            text(current.columns().size(), r, error, S_ERROR_MESSAGE);
        }
        w.write("</row>");
    }

    private void cell(int column, String row, Cell c) throws IOException {
        switch (c.kind()) {
            case NUMBER -> value(column, row, c.error() ? errorStyle(S_GENERAL) : S_GENERAL, null, c.text());
            case BOOLEAN -> value(column, row, c.error() ? errorStyle(S_GENERAL) : S_GENERAL, "b",
                    "true".equals(c.text()) ? "1" : "0");
            case DATE -> {
                long serial = NumberFormats.serial(LocalDate.parse(c.text()));
                if (serial < 0) { // before 1900 Excel has no date; keep it readable as text
                    text(column, row, c.text(), c.error() ? errorStyle(S_TEXT) : S_TEXT);
                } else {
                    value(column, row, c.error() ? errorStyle(S_DATE) : S_DATE, null, Long.toString(serial));
                }
            }
            case DATE_TIME -> {
                String serial = NumberFormats.serial(c.dateTimeValue());
                int style = c.text().length() > 16 ? S_DATE_TIME_SECONDS : S_DATE_TIME;
                if (serial == null) {
                    text(column, row, c.text(), c.error() ? errorStyle(S_TEXT) : S_TEXT);
                } else {
                    value(column, row, c.error() ? errorStyle(style) : style, null, serial);
                }
            }
            default -> text(column, row, c.text(), c.error() ? errorStyle(S_TEXT) : S_TEXT);
        }
    }

    private void value(int column, String row, int style, String type, String v) throws IOException {
        w.write("<c r=\"");
        w.write(letters(column));
        w.write(row);
        w.write('"');
        if (style != S_GENERAL) {
            w.write(" s=\"" + style + "\"");
        }
        if (type != null) {
            w.write(" t=\"" + type + "\"");
        }
        w.write("><v>");
        w.write(v);
        w.write("</v></c>");
    }

    private void text(int column, String row, String text, int style) throws IOException {
        w.write("<c r=\"");
        w.write(letters(column));
        w.write(row);
        w.write("\" s=\"" + style + "\"");
        if (text.isEmpty()) { // a blank cell marked as an error: only its fill
            w.write("/>");
            return;
        }
        String t = text;
        if (t.length() > MAX_TEXT) {
            t = t.substring(0, Character.isHighSurrogate(t.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT);
        }
        w.write(" t=\"inlineStr\"><is><t");
        if (Xml.needsPreserve(t)) {
            w.write(" xml:space=\"preserve\"");
        }
        w.write('>');
        Xml.cellText(w, t);
        w.write("</t></is></c>");
    }

    /** Column letters: 0 -> A, 26 -> AA. */
    private String letters(int column) {
        while (letters.size() <= column) {
            letters.add(columnName(letters.size()));
        }
        return letters.get(column);
    }

    static String columnName(int column) {
        StringBuilder b = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            b.append((char) ('A' + (n - 1) % 26));
        }
        return b.reverse().toString();
    }

    // ---- sheet names and references ----

    /**
     * A range of one column for a {@link DropDown}: {@code listRange("选项", 0, 2, 5)} is
     * {@code '选项'!$A$2:$A$5}. The sheet name is always quoted, any apostrophe in it doubled, which is valid
     * for every name, Chinese or not.
     */
    public static String listRange(String sheetName, int column, int firstRow, int lastRow) {
        if (column < 0 || column >= MAX_COLUMNS || firstRow < 1 || lastRow < firstRow || lastRow > MAX_ROWS) {
            throw new IllegalArgumentException("range " + column + ", " + firstRow + ".." + lastRow);
        }
        String col = columnName(column);
        return quoteSheetName(sheetName) + "!$" + col + "$" + firstRow + ":$" + col + "$" + lastRow;
    }

    /** A sheet name as a formula refers to it: in apostrophes, inner apostrophes doubled. */
    public static String quoteSheetName(String name) {
        return "'" + name.replace("'", "''") + "'";
    }

    /**
     * Refuses a name Excel refuses (it would ask to repair the file): empty, longer than 31 characters,
     * holding any of : \ / ? * [ ] or a control character, starting or ending with an apostrophe, or
     * "History", which Excel reserves.
     */
    public static void checkSheetName(String name) {
        if (name == null || name.isEmpty() || name.length() > 31 || name.startsWith("'") || name.endsWith("'")
                || name.equalsIgnoreCase("History")) {
            throw new IllegalArgumentException("not a sheet name Excel accepts: " + name);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (":\\/?*[]".indexOf(c) >= 0 || c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                throw new IllegalArgumentException("not a sheet name Excel accepts: " + name);
            }
        }
    }

    /** A name {@link #checkSheetName} accepts, made from any text (a register's title, say). */
    public static String safeSheetName(String text) {
        StringBuilder b = new StringBuilder();
        String s = text == null ? "" : text.strip();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(":\\/?*[]".indexOf(c) >= 0 || c < 0x20 || c == 0xFFFE || c == 0xFFFF ? '_' : c);
        }
        String n = b.toString();
        while (n.startsWith("'")) {
            n = n.substring(1);
        }
        if (n.length() > 31) {
            n = n.substring(0, Character.isHighSurrogate(n.charAt(30)) ? 30 : 31);
        }
        while (n.endsWith("'")) {
            n = n.substring(0, n.length() - 1);
        }
        if (n.isEmpty()) {
            return "Sheet";
        }
        return n.equalsIgnoreCase("History") ? n + "_" : n;
    }

    // ---- the workbook parts ----

    private void entry(String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        w.write(content);
        w.flush();
        zip.closeEntry();
    }

    private void workbook(int activeTab) throws IOException {
        zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
        w.write(XML_DECL);
        w.write("<workbook xmlns=\"" + MAIN_NS + "\" xmlns:r=\"" + REL_NS + "\">");
        w.write("<bookViews><workbookView activeTab=\"" + activeTab + "\"/></bookViews><sheets>");
        for (int i = 0; i < sheets.size(); i++) {
            w.write("<sheet name=\"");
            Xml.attr(w, sheets.get(i).name());
            w.write("\" sheetId=\"" + (i + 1) + "\"");
            if (sheets.get(i).hidden()) {
                w.write(" state=\"hidden\"");
            }
            w.write(" r:id=\"rId" + (i + 1) + "\"/>");
        }
        w.write("</sheets></workbook>");
        w.flush();
        zip.closeEntry();

        StringBuilder rels = new StringBuilder(XML_DECL).append("<Relationships xmlns=\"" + PKG_REL_NS + "\">");
        for (int i = 0; i < sheets.size(); i++) {
            rels.append("<Relationship Id=\"rId").append(i + 1).append("\" Type=\"").append(REL_NS)
                    .append("/worksheet\" Target=\"worksheets/sheet").append(i + 1).append(".xml\"/>");
        }
        rels.append("<Relationship Id=\"rId").append(sheets.size() + 1).append("\" Type=\"").append(REL_NS)
                .append("/styles\" Target=\"styles.xml\"/></Relationships>");
        entry("xl/_rels/workbook.xml.rels", rels.toString());
    }

    private void contentTypes() throws IOException {
        StringBuilder b = new StringBuilder(XML_DECL)
                .append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
                .append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
                .append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
                .append("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>")
                .append("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
        for (int i = 0; i < sheets.size(); i++) {
            b.append("<Override PartName=\"/xl/worksheets/sheet").append(i + 1)
                    .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        entry("[Content_Types].xml", b.append("</Types>").toString());
    }

    /**
     * Fonts: 0 normal, 1 bold, 2 dark red. Fills: 0 none, 1 gray125 (both required by Excel), 2 pink
     * (Excel's own "Bad" colours), 3 light blue for the header. cellXfs as the S_ constants: 0 General,
     * 1 header (bold, blue, text), 2 text "@", 3 date, 4 date and time, 5 with seconds, 6-10 the same five
     * on pink, 11 an error message (red on pink, text).
     */
    private static final String STYLES = XML_DECL
            + "<styleSheet xmlns=\"" + MAIN_NS + "\">"
            + "<numFmts count=\"3\">"
            + "<numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/>"
            + "<numFmt numFmtId=\"165\" formatCode=\"yyyy\\-mm\\-dd\\ hh:mm\"/>"
            + "<numFmt numFmtId=\"166\" formatCode=\"yyyy\\-mm\\-dd\\ hh:mm:ss\"/>"
            + "</numFmts>"
            + "<fonts count=\"3\">"
            + "<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
            + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
            + "<font><sz val=\"11\"/><color rgb=\"FF9C0006\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
            + "</fonts>"
            + "<fills count=\"4\">"
            + "<fill><patternFill patternType=\"none\"/></fill>"
            + "<fill><patternFill patternType=\"gray125\"/></fill>"
            + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFFC7CE\"/><bgColor indexed=\"64\"/></patternFill></fill>"
            + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFDDEBF7\"/><bgColor indexed=\"64\"/></patternFill></fill>"
            + "</fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"12\">"
            + xf(0, 0, 0) + xf(49, 1, 3) + xf(49, 0, 0) + xf(164, 0, 0) + xf(165, 0, 0) + xf(166, 0, 0)
            + xf(0, 0, 2) + xf(49, 0, 2) + xf(164, 0, 2) + xf(165, 0, 2) + xf(166, 0, 2)
            + xf(49, 2, 2)
            + "</cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "<dxfs count=\"0\"/><tableStyles count=\"0\"/>"
            + "</styleSheet>";

    private static String xf(int numFmt, int font, int fill) {
        return "<xf numFmtId=\"" + numFmt + "\" fontId=\"" + font + "\" fillId=\"" + fill + "\" borderId=\"0\" xfId=\"0\""
                + (numFmt != 0 ? " applyNumberFormat=\"1\"" : "")
                + (font != 0 ? " applyFont=\"1\"" : "")
                + (fill != 0 ? " applyFill=\"1\"" : "")
                + "/>";
    }
}
