package org.jixiao.web.internal;

import java.util.List;

/**
 * CSV as spreadsheets open it: UTF-8 with a byte-order mark (so Excel reads Chinese), CRLF rows, RFC 4180 quoting,
 * and no cell a spreadsheet would run as a formula.
 */
final class Csv {

    static final String BOM = "\uFEFF";

    private final StringBuilder out = new StringBuilder(BOM);

    Csv row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /**
     * One cell: text starting with {@code = + - @} (or a tab or carriage return, which some spreadsheets skip
     * before looking) gets a leading apostrophe, so it stays text; a cell with a comma, quote or line break is
     * quoted.
     */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = value;
        char first = v.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
