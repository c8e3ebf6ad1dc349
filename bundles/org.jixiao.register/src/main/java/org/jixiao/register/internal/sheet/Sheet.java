package org.jixiao.register.internal.sheet;

import java.util.List;

/**
 * What {@link SheetReader#read} found: the first non-empty row as the header, then the data rows, blank rows
 * left out (their numbers skipped, not reused).
 *
 * @param format which reader read it
 * @param name   the worksheet's name for an .xlsx, "" for a CSV
 * @param header the first row that holds any value
 * @param rows   the non-empty rows after the header, in file order
 */
public record Sheet(Format format, String name, SheetRow header, List<SheetRow> rows) {

    public enum Format {
        XLSX, CSV
    }

    public Sheet {
        rows = List.copyOf(rows);
    }

    /**
     * The same sheet with a later row as its header, and the rows above it dropped. Lists kept in Excel
     * often open with a title row ("2024年青年名单") above the real header; the engine can find the
     * header by its column names and re-cut the sheet here.
     *
     * @throws IllegalArgumentException if no data row has that number
     */
    public Sheet withHeaderRow(int rowNumber) {
        if (header.number() == rowNumber) {
            return this;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).number() == rowNumber) {
                return new Sheet(format, name, rows.get(i), rows.subList(i + 1, rows.size()));
            }
        }
        throw new IllegalArgumentException("no non-empty row " + rowNumber);
    }
}
