package org.jixiao.register.internal.sheet;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jixiao.register.internal.sheet.SheetException.Reason;

/**
 * Reads delimited text, leniently as Excel does. The rules:
 * <ul>
 * <li>Encoding: a byte order mark decides (UTF-8, UTF-16LE as Excel's "Unicode text", UTF-16BE); without
 * one, bytes that are valid UTF-8 are UTF-8, anything else is GB18030, the superset of GBK that Chinese
 * Excel on Windows saves "CSV" in.</li>
 * <li>Delimiter: whichever of comma, tab and semicolon occurs most often, outside quotes, in the first
 * non-empty line; comma on a tie or when none occurs (a one-column file).</li>
 * <li>Fields: RFC 4180. A field that starts with a double quote runs to the closing quote, "" inside is
 * one quote, delimiters and line breaks inside are kept (a line break is kept as written, CRLF or LF).
 * A stray quote elsewhere is taken literally, and text after a closing quote is appended. Records end at
 * CRLF, LF or CR. Cells are not trimmed.</li>
 * <li>Formula guard: a cell that starts with one or more apostrophes followed by = + - @ tab or CR loses
 * one apostrophe: the exact inverse of {@link CsvWriter}'s guard, so an exported list imports unchanged.</li>
 * <li>Row numbers count records, the header being 1, which is what Excel shows when it opens the file.</li>
 * </ul>
 */
final class CsvReader {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private CsvReader() {
    }

    static Sheet read(byte[] bytes, Limits limits) throws SheetException {
        String text = decode(bytes);
        refuseNonText(text);
        return parse(text, delimiter(text), limits);
    }

    static String decode(byte[] b) throws SheetException {
        int n = b.length;
        if (n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new String(b, 3, n - 3, StandardCharsets.UTF_8);
        }
        if (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new String(b, 2, n - 2, StandardCharsets.UTF_16LE);
        }
        if (n >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new String(b, 2, n - 2, StandardCharsets.UTF_16BE);
        }
        for (byte x : b) {
            if (x == 0) { // no text encoding we accept without a BOM has NUL bytes; a binary file does
                throw new SheetException(Reason.NOT_A_SPREADSHEET, 0, "binary data, not text");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return new String(b, GB18030);
        }
    }

    /** Refuses what decodes to garbage (control characters, undecodable bytes) or is a web page or XML. */
    private static void refuseNonText(String text) throws SheetException {
        int bad = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
                bad++;
            }
        }
        if (bad > 2 && bad * 100L > n) {
            throw new SheetException(Reason.NOT_A_SPREADSHEET, 0, "binary data, not text");
        }
        String head = text.stripLeading();
        head = head.substring(0, Math.min(head.length(), 200)).toLowerCase(Locale.ROOT);
        if (head.startsWith("<?xml") || head.startsWith("<html") || head.startsWith("<!doctype")
                || head.startsWith("<table") || head.startsWith("<meta")) {
            // Many systems export an HTML table or Excel 2003 XML and call it .xls.
            throw new SheetException(Reason.NOT_A_SPREADSHEET, 0,
                    "an HTML or XML file (often saved as .xls by web systems): open it in Excel and save as .xlsx");
        }
    }

    /** Comma, tab or semicolon: the most frequent outside quotes in the first non-empty line; comma on ties. */
    static char delimiter(String text) {
        int comma = 0;
        int tab = 0;
        int semicolon = 0;
        boolean quoted = false;
        int start = 0;
        while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
            start++;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == '\n' || c == '\r') {
                    break;
                } else if (c == ',') {
                    comma++;
                } else if (c == '\t') {
                    tab++;
                } else if (c == ';') {
                    semicolon++;
                }
            }
        }
        if (tab > comma && tab >= semicolon) {
            return '\t';
        }
        return semicolon > comma && semicolon > tab ? ';' : ',';
    }

    private static Sheet parse(String text, char delimiter, Limits limits) throws SheetException {
        RowCollector rows = new RowCollector(limits);
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int record = 1;
        int column = 0;
        boolean inQuotes = false;
        boolean fieldStart = true;
        int n = text.length();
        int max = limits.maxCellChars();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && fieldStart) {
                inQuotes = true;
                fieldStart = false;
                continue;
            } else if (c == delimiter) {
                endField(fields, field, column++, record, limits);
                fieldStart = true;
                continue;
            } else if (c == '\n' || c == '\r') {
                endField(fields, field, column, record, limits);
                rows.add(record++, fields);
                fields = new ArrayList<>();
                column = 0;
                fieldStart = true;
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                continue;
            } else {
                field.append(c);
            }
            fieldStart = false;
            if (field.length() > max) {
                throw new SheetException(Reason.CELL_TOO_LONG, record, "a cell longer than " + max + " characters");
            }
        }
        if (column > 0 || field.length() > 0 || !fieldStart) {
            endField(fields, field, column, record, limits);
            rows.add(record, fields);
        }
        return rows.sheet(Sheet.Format.CSV, "");
    }

    private static void endField(List<String> fields, StringBuilder field, int column, int record, Limits limits)
            throws SheetException {
        String value = unguard(field.toString());
        field.setLength(0);
        if (column < limits.maxColumns()) {
            fields.add(value);
        } else if (!value.isEmpty()) {
            throw new SheetException(Reason.TOO_MANY_COLUMNS, record,
                    "a value in column " + (column + 1) + ", more than " + limits.maxColumns());
        }
    }

    /** Drops the apostrophe {@link CsvWriter#guard} put before a would-be formula. */
    static String unguard(String s) {
        int k = 0;
        while (k < s.length() && s.charAt(k) == '\'') {
            k++;
        }
        return k > 0 && k < s.length() && CsvWriter.isFormulaStart(s.charAt(k)) ? s.substring(1) : s;
    }
}
