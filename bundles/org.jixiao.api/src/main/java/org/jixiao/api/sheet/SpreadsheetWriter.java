package org.jixiao.api.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Writes a table as an .xlsx workbook of one sheet. */
@ProviderType
public interface SpreadsheetWriter {

    /**
     * Writes the sheet and finishes the workbook; {@code out} is left open.
     *
     * @param sheetName the sheet's name (characters a sheet name cannot hold are replaced)
     * @param headers   the first row, bold and frozen
     * @param rows      each row's cells: a {@link Number} is written as an exact number, anything else (null: blank)
     *                  as text, never as a formula
     */
    void xlsx(String sheetName, List<String> headers, List<List<Object>> rows, OutputStream out) throws IOException;
}
