package org.jixiao.register.internal.sheet;

/**
 * How much of an uploaded file the reader accepts before it refuses with a {@link SheetException}.
 * Every bound is checked while reading, so a hostile file costs at most about this much memory and work.
 *
 * @param maxRows              data rows (the header and blank rows not counted)
 * @param maxColumns           columns that hold a value; empty cells further right are ignored, since
 *                             Excel often leaves formatted but empty cells out to column XFD
 * @param maxCellChars         characters in one cell; Excel's own limit is 32,767
 * @param maxUncompressedBytes the upload itself and, for .xlsx, all its zip entries inflated together
 * @param maxZipEntries        entries in an .xlsx; a real workbook has a few dozen
 */
public record Limits(int maxRows, int maxColumns, int maxCellChars, long maxUncompressedBytes, int maxZipEntries) {

    /** 20,000 rows, 200 columns, 32,767 characters a cell, 200 MB, 10,000 zip entries. */
    public static final Limits DEFAULT = new Limits(20_000, 200, 32_767, 200L * 1024 * 1024, 10_000);

    public Limits {
        if (maxRows < 1 || maxColumns < 1 || maxCellChars < 1 || maxUncompressedBytes < 1 || maxZipEntries < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public Limits withMaxRows(int rows) {
        return new Limits(rows, maxColumns, maxCellChars, maxUncompressedBytes, maxZipEntries);
    }

    public Limits withMaxColumns(int columns) {
        return new Limits(maxRows, columns, maxCellChars, maxUncompressedBytes, maxZipEntries);
    }

    public Limits withMaxCellChars(int chars) {
        return new Limits(maxRows, maxColumns, chars, maxUncompressedBytes, maxZipEntries);
    }

    public Limits withMaxUncompressedBytes(long bytes) {
        return new Limits(maxRows, maxColumns, maxCellChars, bytes, maxZipEntries);
    }

    public Limits withMaxZipEntries(int entries) {
        return new Limits(maxRows, maxColumns, maxCellChars, maxUncompressedBytes, entries);
    }
}
