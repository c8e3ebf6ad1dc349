package org.jixiao.register.internal.sheet;

import java.util.ArrayList;
import java.util.List;

import org.jixiao.register.internal.sheet.SheetException.Reason;

/** Gathers rows as both readers find them: drops blank rows, trims trailing blanks, takes the header, counts. */
final class RowCollector {

    private final Limits limits;
    private SheetRow header;
    private final List<SheetRow> rows = new ArrayList<>();

    RowCollector(Limits limits) {
        this.limits = limits;
    }

    void add(int number, List<String> cells) throws SheetException {
        int end = cells.size();
        while (end > 0 && cells.get(end - 1).isEmpty()) {
            end--;
        }
        if (end == 0) {
            return;
        }
        SheetRow row = new SheetRow(number, cells.subList(0, end));
        if (header == null) {
            header = row;
        } else if (rows.size() >= limits.maxRows()) {
            throw new SheetException(Reason.TOO_MANY_ROWS, number, "more than " + limits.maxRows() + " data rows");
        } else {
            rows.add(row);
        }
    }

    Sheet sheet(Sheet.Format format, String name) throws SheetException {
        if (header == null) {
            throw new SheetException(Reason.EMPTY, 0, "no row holds a value");
        }
        return new Sheet(format, name, header, rows);
    }
}
