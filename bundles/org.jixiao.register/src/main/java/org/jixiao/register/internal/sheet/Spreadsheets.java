package org.jixiao.register.internal.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jixiao.api.sheet.SpreadsheetWriter;
import org.osgi.service.component.annotations.Component;

/**
 * The engine's .xlsx writer for pages that are not registers, such as a ranking or a target table: the same
 * workbook an export writes, numbers exact and text never read as a formula.
 */
@Component(service = SpreadsheetWriter.class)
public final class Spreadsheets implements SpreadsheetWriter {

    @Override
    public void xlsx(String sheetName, List<String> headers, List<List<Object>> rows, OutputStream out)
            throws IOException {
        SheetWriter w = new SheetWriter(out);
        w.startSheet(SheetSpec.of(SheetWriter.safeSheetName(sheetName), headers.stream().map(Column::text)
                .toList()));
        for (List<Object> row : rows) {
            List<Cell> cells = new ArrayList<>(row.size());
            for (Object v : row) {
                cells.add(v instanceof BigDecimal n ? Cell.number(n) : v instanceof Number n
                        ? Cell.number(new BigDecimal(n.toString())) : Cell.text(v == null ? null : v.toString()));
            }
            w.row(cells);
        }
        w.finish();
    }
}
