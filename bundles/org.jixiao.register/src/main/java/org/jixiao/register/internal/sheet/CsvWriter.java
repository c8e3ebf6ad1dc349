package org.jixiao.register.internal.sheet;

import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes CSV for Excel: UTF-8 with a byte order mark (without it, Chinese Excel reads the bytes as GBK and
 * shows mojibake), CRLF line ends, and a field quoted when it holds a comma, a quote or a line break.
 *
 * <p>Formula guard (OWASP "CSV injection"): Excel runs a cell that starts with = + - @ as a formula, and tab
 * or CR can hide such a start. So a {@link Cell.Kind#TEXT} cell that starts with one of = + - @ tab CR,
 * after any number of apostrophes, gets one more apostrophe in front, which Excel shows and {@link CsvReader}
 * takes off again. Typed cells are never guarded: a {@link Cell#number} "-12.5" is written as is, so write
 * numbers as numbers, not as text, when a column is numeric. Guarding costs the text-only consumer an
 * apostrophe; that is the price of a file that is safe to double-click.
 *
 * <p>Excel opening a CSV still turns "0012" into 12 and an 18-digit ID into 1.10101E+17, whatever the
 * quoting: for people, offer .xlsx; CSV is for other programs.
 */
public final class CsvWriter implements RowWriter, Flushable {

    private final Writer w;
    private boolean started;

    /** Writes to {@code out}; {@link #close()} closes it. */
    public CsvWriter(OutputStream out) {
        this.w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public void row(List<Cell> cells) throws IOException {
        bom();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            Cell c = cells.get(i);
            if (c != null) {
                field(c.kind() == Cell.Kind.TEXT ? guard(c.text()) : c.text());
            }
        }
        w.write("\r\n");
    }

    /** A row of text cells, each guarded. */
    public void textRow(List<String> texts) throws IOException {
        List<Cell> cells = new ArrayList<>(texts.size());
        for (String t : texts) {
            cells.add(Cell.text(t));
        }
        row(cells);
    }

    private void bom() throws IOException {
        if (!started) {
            started = true;
            w.write('\uFEFF');
        }
    }

    private void field(String s) throws IOException {
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            w.write(s);
            return;
        }
        w.write('"');
        w.write(s.replace("\"", "\"\""));
        w.write('"');
    }

    /** The text with an apostrophe in front if Excel could take it for a formula (see the class comment). */
    public static String guard(String text) {
        int k = 0;
        while (k < text.length() && text.charAt(k) == '\'') {
            k++;
        }
        return k < text.length() && isFormulaStart(text.charAt(k)) ? "'" + text : text;
    }

    static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    @Override
    public void flush() throws IOException {
        w.flush();
    }

    /** Writes the byte order mark if nothing else was, and closes the stream. */
    @Override
    public void close() throws IOException {
        bom();
        w.close();
    }
}
