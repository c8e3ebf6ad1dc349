package org.jixiao.register.internal.sheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jixiao.register.internal.sheet.SheetException.Reason;

/**
 * Reads the first worksheet of an .xlsx held in memory. Zip entries come in whatever order the producer
 * wrote them (Excel puts the sheets before the shared strings and styles they need), so a first pass over
 * the zip inflates everything once to count it against the limits and keeps only the small parts
 * (relationships, workbook, shared strings, styles); a second pass streams the one worksheet through StAX
 * and resolves each cell as it goes. Nothing is written to disk, so entry names cannot traverse paths.
 */
final class XlsxReader {

    private static final int CELL_LIMIT_XFD = 16_384;

    private final byte[] zip;
    private final Limits limits;
    private final XMLInputFactory xml = Xml.inputFactory();
    /** Every entry by its lower-cased name (OPC part names are case-insensitive) to its name as stored. */
    private final Map<String, String> entries = new HashMap<>();
    private final Map<String, byte[]> parts = new HashMap<>();

    private SharedStrings sharedStrings = new SharedStrings();
    private NumberFormats.Shape[] styles = new NumberFormats.Shape[0];
    private boolean date1904;

    private XlsxReader(byte[] zip, Limits limits) {
        this.zip = zip;
        this.limits = limits;
    }

    static Sheet read(byte[] zip, Limits limits) throws SheetException {
        try {
            return new XlsxReader(zip, limits).read();
        } catch (SheetException e) {
            throw e;
        } catch (XMLStreamException | ZipException | EOFException e) {
            throw new SheetException(Reason.CORRUPT, 0, e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            // A hostile zip or XML can push the JDK's parsers into odd corners; it is still a bad file.
            throw new SheetException(Reason.CORRUPT, 0, String.valueOf(e), e);
        }
    }

    private Sheet read() throws IOException, XMLStreamException {
        scan(name -> name.endsWith(".rels") || name.endsWith(".xml") && (name.contains("workbook")
                || name.contains("sharedstrings") || name.contains("styles")));

        if (entries.containsKey("mimetype") && entries.containsKey("content.xml")) {
            throw new SheetException(Reason.NOT_A_SPREADSHEET, 0, "an OpenDocument file (.ods): save it as .xlsx");
        }
        String workbook = target(relationships("_rels/.rels"), "/officeDocument");
        if (workbook == null) {
            workbook = "xl/workbook.xml";
        }
        if (workbook.endsWith(".bin")) {
            throw new SheetException(Reason.NOT_A_SPREADSHEET, 0, "a binary workbook (.xlsb): save it as .xlsx");
        }
        if (!entries.containsKey(workbook)) {
            throw new SheetException(Reason.NOT_A_SPREADSHEET, 0, "a zip file without a workbook");
        }
        if (!parts.containsKey(workbook)) { // named unlike Excel names it
            String wanted = workbook;
            scan(wanted::equals);
        }
        Map<String, Rel> rels = relationships(relsOf(workbook));
        List<String[]> sheets = workbook(part(workbook));
        if (sheets == null) {
            throw new SheetException(Reason.NOT_A_SPREADSHEET, 0, "an Office file that is no workbook (a .docx?)");
        }
        String[] chosen = null;
        for (String[] s : sheets) { // {name, state, relationship id}
            Rel rel = rels.get(s[2]);
            if (rel != null && rel.type.endsWith("/worksheet") && entries.containsKey(rel.target)
                    && (chosen == null || isHidden(chosen[1]) && !isHidden(s[1]))) {
                chosen = new String[] {s[0], s[1], rel.target};
            }
        }
        if (chosen == null) {
            if (!entries.containsKey("xl/worksheets/sheet1.xml")) {
                throw new SheetException(Reason.CORRUPT, 0, "the workbook lists no worksheet that is in the zip");
            }
            chosen = new String[] {sheets.isEmpty() ? "Sheet1" : sheets.get(0)[0], "visible", "xl/worksheets/sheet1.xml"};
        }

        String shared = target(rels, "/sharedStrings");
        String style = target(rels, "/styles");
        Set<String> missing = new HashSet<>();
        for (String p : new String[] {shared, style}) {
            if (p != null && !parts.containsKey(p) && entries.containsKey(p)) {
                missing.add(p);
            }
        }
        if (!missing.isEmpty()) { // named unlike Excel names them; fetch them by name
            scan(missing::contains);
        }
        if (shared != null && parts.containsKey(shared)) {
            sharedStrings = sharedStrings(parts.get(shared));
        }
        if (style != null && parts.containsKey(style)) {
            styles = styles(parts.get(style));
        }
        parts.clear();
        return worksheet(chosen[0], chosen[2]);
    }

    private static boolean isHidden(String state) {
        return "hidden".equals(state) || "veryHidden".equals(state);
    }

    // ---- the zip ----

    /** Reads every entry, counting entries and inflated bytes, and keeps those whose lower-cased name is wanted. */
    private void scan(Predicate<String> keep) throws IOException {
        long total = 0;
        int count = 0;
        byte[] buf = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (++count > limits.maxZipEntries()) {
                    throw new SheetException(Reason.TOO_LARGE, 0, "more than " + limits.maxZipEntries() + " zip entries");
                }
                String name = normalize(e.getName());
                String key = name.toLowerCase(Locale.ROOT);
                entries.putIfAbsent(key, name);
                ByteArrayOutputStream kept = keep.test(key) && !parts.containsKey(key) ? new ByteArrayOutputStream() : null;
                for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                    total += n;
                    if (total > limits.maxUncompressedBytes()) {
                        throw new SheetException(Reason.TOO_LARGE, 0,
                                "inflates to more than " + limits.maxUncompressedBytes() + " bytes");
                    }
                    if (kept != null) {
                        kept.write(buf, 0, n);
                    }
                }
                if (kept != null) {
                    parts.put(key, kept.toByteArray());
                }
            }
        }
        if (count == 0) {
            throw new SheetException(Reason.CORRUPT, 0, "no zip entries");
        }
    }

    private static String normalize(String name) {
        String n = name.replace('\\', '/');
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        return n;
    }

    private byte[] part(String key) {
        return parts.get(key);
    }

    // ---- relationships and the workbook ----

    private record Rel(String type, String target) {
    }

    /** The relationships part of a part: xl/workbook.xml -> xl/_rels/workbook.xml.rels. */
    private static String relsOf(String part) {
        int slash = part.lastIndexOf('/');
        return part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
    }

    /** Relationship id -> type and the target's lower-cased part name; empty if the part is absent. */
    private Map<String, Rel> relationships(String relsPart) throws XMLStreamException {
        Map<String, Rel> rels = new HashMap<>();
        byte[] bytes = part(relsPart);
        if (bytes == null) {
            return rels;
        }
        // The source part's folder: _rels/.rels is about the package root, xl/_rels/x.rels about xl/.
        String base = relsPart.substring(0, relsPart.lastIndexOf("_rels/"));
        XMLStreamReader r = xml.createXMLStreamReader(new ByteArrayInputStream(bytes));
        try {
            while (r.hasNext()) {
                if (Xml.next(r) == XMLStreamConstants.START_ELEMENT && "Relationship".equals(r.getLocalName())) {
                    String id = r.getAttributeValue(null, "Id");
                    String type = r.getAttributeValue(null, "Type");
                    String target = r.getAttributeValue(null, "Target");
                    if (id != null && type != null && target != null
                            && !"External".equals(r.getAttributeValue(null, "TargetMode"))) {
                        rels.put(id, new Rel(type, resolve(base, target)));
                    }
                }
            }
        } finally {
            r.close();
        }
        return rels;
    }

    /** The first relationship target whose type ends so (transitional and strict namespaces differ). */
    private static String target(Map<String, Rel> rels, String typeSuffix) {
        for (Rel rel : rels.values()) {
            if (rel.type.endsWith(typeSuffix)) {
                return rel.target;
            }
        }
        return null;
    }

    /** A relationship target against its source's folder, as a lower-cased part name without leading slash. */
    static String resolve(String base, String target) {
        String path = target.replace('\\', '/');
        int hash = path.indexOf('#');
        if (hash >= 0) {
            path = path.substring(0, hash);
        }
        path = path.startsWith("/") ? path.substring(1) : base + path;
        List<String> out = new ArrayList<>();
        for (String seg : path.split("/")) {
            if (seg.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
            } else if (!seg.isEmpty() && !seg.equals(".")) {
                out.add(seg);
            }
        }
        return String.join("/", out).toLowerCase(Locale.ROOT);
    }

    /**
     * The sheets in workbook order as {name, state, relationship id}, or null when the root element is not
     * a workbook (the main part of a .docx or .pptx); notes date1904.
     */
    private List<String[]> workbook(byte[] bytes) throws XMLStreamException {
        List<String[]> sheets = new ArrayList<>();
        XMLStreamReader r = xml.createXMLStreamReader(new ByteArrayInputStream(bytes));
        boolean root = true;
        try {
            while (r.hasNext()) {
                if (Xml.next(r) != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String ln = r.getLocalName();
                if (root && !"workbook".equals(ln)) {
                    return null;
                }
                root = false;
                if ("workbookPr".equals(ln)) {
                    String d = r.getAttributeValue(null, "date1904");
                    date1904 = "1".equals(d) || "true".equalsIgnoreCase(d);
                } else if ("sheet".equals(ln)) {
                    String name = r.getAttributeValue(null, "name");
                    String state = r.getAttributeValue(null, "state");
                    // r:id: look it up by local name in whichever relationships namespace (transitional or strict)
                    String id = null;
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        String ns = r.getAttributeNamespace(i);
                        if ("id".equals(r.getAttributeLocalName(i)) && ns != null && !ns.isEmpty()) {
                            id = r.getAttributeValue(i);
                        }
                    }
                    sheets.add(new String[] {name == null ? "" : name, state == null ? "visible" : state, id});
                }
            }
        } finally {
            r.close();
        }
        return sheets;
    }

    // ---- shared strings and styles ----

    /**
     * The shared strings as one run of text and where each ends. A List of Strings would cost some 50 bytes
     * a string, so 200 MB of "&lt;si&gt;&lt;t&gt;a&lt;/t&gt;&lt;/si&gt;" (11 million strings, a 1 MB
     * upload) would need over half a gigabyte; this needs a tenth. A string is made when a cell first uses
     * it and then shared, so a million cells naming one long string do not copy it a million times.
     */
    private static final class SharedStrings {
        private final StringBuilder text = new StringBuilder();
        private int[] ends = new int[256];
        private String[] made = new String[256];
        private int size;

        void add(String s) {
            if (size == ends.length) {
                ends = java.util.Arrays.copyOf(ends, size * 2);
                made = java.util.Arrays.copyOf(made, size * 2);
            }
            text.append(s);
            ends[size++] = text.length();
        }

        int size() {
            return size;
        }

        String get(int i) {
            String s = made[i];
            if (s == null) {
                s = text.substring(i == 0 ? 0 : ends[i - 1], ends[i]);
                made[i] = s;
            }
            return s;
        }
    }

    private SharedStrings sharedStrings(byte[] bytes) throws XMLStreamException, SheetException {
        SharedStrings strings = new SharedStrings();
        XMLStreamReader r = xml.createXMLStreamReader(new ByteArrayInputStream(bytes));
        try {
            while (r.hasNext()) {
                if (Xml.next(r) == XMLStreamConstants.START_ELEMENT && "si".equals(r.getLocalName())) {
                    strings.add(richText(r, 0));
                }
            }
        } finally {
            r.close();
        }
        return strings;
    }

    /**
     * The text of an si or is element the reader is at: plain &lt;t&gt; or rich-text runs &lt;r&gt;&lt;t&gt;,
     * leaving out phonetic guides (&lt;rPh&gt;, Japanese furigana), which Excel does not show in the cell.
     */
    private String richText(XMLStreamReader r, int row) throws XMLStreamException, SheetException {
        StringBuilder b = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int ev = Xml.next(r);
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String ln = r.getLocalName();
                if ("rPh".equals(ln) || "phoneticPr".equals(ln) || "rPr".equals(ln)) {
                    Xml.skip(r);
                } else if ("t".equals(ln)) {
                    text(r, b, row);
                } else {
                    depth++;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of document");
            }
        }
        String s = Xml.decode(b);
        checkLength(s.length(), row);
        return s;
    }

    /** Appends the text of the element the reader is at; stops early on a hostile length. */
    private void text(XMLStreamReader r, StringBuilder b, int row) throws XMLStreamException, SheetException {
        while (true) {
            int ev = Xml.next(r);
            switch (ev) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    b.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    // An _xHHHH_ escape is 7 characters for 1, so only far past the limit is it surely too long.
                    checkLength(b.length() / 7, row);
                }
                case XMLStreamConstants.START_ELEMENT -> Xml.skip(r);
                case XMLStreamConstants.END_ELEMENT -> {
                    return;
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("unexpected end of document");
                default -> {
                    // comments and processing instructions carry no cell text
                }
            }
        }
    }

    private void checkLength(int length, int row) throws SheetException {
        if (length > limits.maxCellChars()) {
            throw new SheetException(Reason.CELL_TOO_LONG, row, "a cell longer than " + limits.maxCellChars() + " characters");
        }
    }

    /** For each cell style (cellXfs index) the shape of its number format. */
    private NumberFormats.Shape[] styles(byte[] bytes) throws XMLStreamException {
        Map<Integer, NumberFormats.Shape> custom = new HashMap<>();
        List<NumberFormats.Shape> xfs = new ArrayList<>();
        XMLStreamReader r = xml.createXMLStreamReader(new ByteArrayInputStream(bytes));
        boolean inCellXfs = false;
        try {
            while (r.hasNext()) {
                int ev = Xml.next(r);
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String ln = r.getLocalName();
                    if ("numFmt".equals(ln)) {
                        Integer id = integer(r.getAttributeValue(null, "numFmtId"));
                        String code = r.getAttributeValue(null, "formatCode");
                        if (id != null && code != null) {
                            custom.put(id, NumberFormats.custom(code));
                        }
                    } else if ("cellXfs".equals(ln)) {
                        inCellXfs = true;
                    } else if ("xf".equals(ln) && inCellXfs) {
                        Integer id = integer(r.getAttributeValue(null, "numFmtId"));
                        int fmt = id == null ? 0 : id;
                        xfs.add(custom.containsKey(fmt) ? custom.get(fmt) : NumberFormats.builtIn(fmt));
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT && "cellXfs".equals(r.getLocalName())) {
                    inCellXfs = false;
                }
            }
        } finally {
            r.close();
        }
        return xfs.toArray(new NumberFormats.Shape[0]);
    }

    private static Integer integer(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- the worksheet ----

    private Sheet worksheet(String sheetName, String key) throws IOException, XMLStreamException {
        RowCollector rows = new RowCollector(limits);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (normalize(e.getName()).toLowerCase(Locale.ROOT).equals(key)) {
                    XMLStreamReader r = xml.createXMLStreamReader(in);
                    try {
                        sheetData(r, rows);
                    } finally {
                        r.close();
                    }
                    return rows.sheet(Sheet.Format.XLSX, sheetName);
                }
            }
        }
        throw new SheetException(Reason.CORRUPT, 0, "the worksheet vanished between passes");
    }

    private void sheetData(XMLStreamReader r, RowCollector rows) throws XMLStreamException, SheetException {
        int rowNumber = 0;
        List<String> cells = null;
        int lastColumn = -1;
        while (r.hasNext()) {
            int ev = Xml.next(r);
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String ln = r.getLocalName();
                if ("row".equals(ln)) {
                    String ref = r.getAttributeValue(null, "r");
                    rowNumber = ref == null ? rowNumber + 1 : rowNumber(ref);
                    cells = new ArrayList<>();
                    lastColumn = -1;
                } else if ("c".equals(ln) && cells != null) {
                    lastColumn = cell(r, rowNumber, lastColumn, cells);
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                String ln = r.getLocalName();
                if ("row".equals(ln) && cells != null) {
                    rows.add(rowNumber, cells);
                    cells = null;
                } else if ("sheetData".equals(ln)) {
                    return; // what follows (merges, validations, ...) holds no values
                }
            }
        }
    }

    private static int rowNumber(String ref) throws XMLStreamException {
        try {
            int n = Integer.parseInt(ref.trim());
            if (n < 1) {
                throw new XMLStreamException("row number " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new XMLStreamException("row number " + ref);
        }
    }

    /** Reads one c element into cells; returns its 0-based column. */
    private int cell(XMLStreamReader r, int rowNumber, int lastColumn, List<String> cells)
            throws XMLStreamException, SheetException {
        String ref = r.getAttributeValue(null, "r");
        String type = r.getAttributeValue(null, "t");
        String style = r.getAttributeValue(null, "s");
        int column = ref == null ? lastColumn + 1 : column(ref, lastColumn);
        StringBuilder v = null;
        String inline = null;
        while (true) {
            int ev = Xml.next(r);
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String ln = r.getLocalName();
                if ("v".equals(ln)) {
                    v = new StringBuilder();
                    text(r, v, rowNumber);
                } else if ("is".equals(ln)) {
                    inline = richText(r, rowNumber);
                } else {
                    Xml.skip(r); // f (we never evaluate), extLst
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of document");
            }
        }
        String value = value(type, style, v == null ? null : v.toString(), inline, rowNumber);
        if (!value.isEmpty()) {
            if (column >= limits.maxColumns()) {
                throw new SheetException(Reason.TOO_MANY_COLUMNS, rowNumber,
                        "a value in column " + (column + 1) + ", more than " + limits.maxColumns());
            }
            checkLength(value.length(), rowNumber);
            while (cells.size() < column) {
                cells.add("");
            }
            if (cells.size() == column) {
                cells.add(value);
            } else {
                cells.set(column, value); // a repeated reference: the later cell wins, as in Excel's repair
            }
        }
        return column;
    }

    /** "BC12" -> 54; a reference without letters continues from the last column. */
    private static int column(String ref, int lastColumn) throws XMLStreamException {
        long col = 0;
        int i = 0;
        for (; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                col = col * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                col = col * 26 + (c - 'a' + 1);
            } else {
                break;
            }
            if (col > CELL_LIMIT_XFD) {
                throw new XMLStreamException("cell reference past column XFD: " + ref);
            }
        }
        return i == 0 ? lastColumn + 1 : (int) col - 1;
    }

    private String value(String type, String style, String v, String inline, int row)
            throws SheetException, XMLStreamException {
        if (type == null || type.equals("n")) {
            if (v == null || v.isBlank()) {
                return inline == null ? "" : inline;
            }
            NumberFormats.Shape shape = NumberFormats.Shape.NUMBER;
            Integer s = integer(style);
            if (s != null && s >= 0 && s < styles.length) {
                shape = styles[s];
            }
            if (shape.kind() != NumberFormats.Kind.NUMBER) {
                String shown = NumberFormats.fromSerial(v, shape, date1904);
                if (shown != null) {
                    return shown;
                }
            }
            return NumberFormats.plain(v);
        }
        switch (type) {
            case "s": {
                if (v == null || v.isBlank()) {
                    return "";
                }
                Integer index = integer(v);
                if (index == null || index < 0 || index >= sharedStrings.size()) {
                    throw new XMLStreamException("shared string " + v + " of " + sharedStrings.size() + " at row " + row);
                }
                return sharedStrings.get(index);
            }
            case "inlineStr":
                return inline != null ? inline : v == null ? "" : v;
            case "b":
                return v == null || v.isBlank() ? "" : "1".equals(v.trim()) || "true".equalsIgnoreCase(v.trim()) ? "true" : "false";
            case "d":
                return v == null ? "" : isoDate(v.trim());
            default: // "str" (a formula's cached text), "e" (an error such as #N/A), anything newer: as stored
                return v == null ? "" : v;
        }
    }

    /** A t="d" value (ISO 8601, strict files) in the reader's date form: "2024-03-01" or "2024-03-01 08:30". */
    private static String isoDate(String v) {
        int t = v.indexOf('T');
        if (t < 0) {
            return v;
        }
        String time = v.substring(t + 1);
        if (time.startsWith("00:00:00") || time.startsWith("00:00Z") || time.equals("00:00")) {
            return v.substring(0, t);
        }
        return v.substring(0, t) + " " + (time.length() >= 5 ? time.substring(0, 5) : time);
    }
}
