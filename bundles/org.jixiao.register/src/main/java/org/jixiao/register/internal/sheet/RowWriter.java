package org.jixiao.register.internal.sheet;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Rows written one after the other, to a CSV file ({@link CsvWriter}) or to a workbook's sheet ({@link SheetWriter}):
 * what an export writes to without caring which.
 */
public interface RowWriter extends Closeable {

    void row(List<Cell> cells) throws IOException;
}
