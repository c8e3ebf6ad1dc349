package org.jixiao.register.internal.sheet;

import java.util.List;

/**
 * One row as read, every cell as the text a user would see (see {@link SheetReader} for the rules).
 *
 * @param number the 1-based row number in the file: the Excel row number, or the CSV record number
 *               (a quoted newline does not start a new record), so an error report can say "row 17"
 * @param cells  the cells from column A on, never null; trailing empty cells are left off, so use
 *               {@link #cell(int)}, which reads past the end as ""
 */
public record SheetRow(int number, List<String> cells) {

    public SheetRow {
        cells = List.copyOf(cells);
    }

    /** The cell at a 0-based column index, "" when empty or past the end. */
    public String cell(int index) {
        return index >= 0 && index < cells.size() ? cells.get(index) : "";
    }

    /** How many cells up to the last non-empty one. */
    public int size() {
        return cells.size();
    }

    public boolean isBlank() {
        for (String c : cells) {
            if (!c.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
