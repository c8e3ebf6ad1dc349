package org.jixiao.register.internal.sheet;

import java.io.IOException;

/**
 * A file the reader will not read. The {@link Reason} is what a user should be told (the engine translates
 * it); the message is English detail for the log. It is an {@link IOException} so a caller that only cares
 * whether the upload could be read needs one catch, while {@code catch (SheetException e)} before it tells
 * a bad file from a broken connection.
 */
public final class SheetException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Why a file was refused. */
    public enum Reason {
        /** Neither an .xlsx nor text: a picture, a PDF, an .ods, an .xlsb, an HTML page saved as ".xls", ... */
        NOT_A_SPREADSHEET,
        /** No row holds any value. */
        EMPTY,
        /** An .xlsx (zip) that is truncated or damaged, or whose XML is malformed or has a DOCTYPE. */
        CORRUPT,
        /** A password-protected .xlsx: Excel stores it as an OLE2 compound file holding "EncryptedPackage". */
        ENCRYPTED,
        /** A legacy .xls (Excel 97-2003, OLE2 compound file): save it as .xlsx. */
        OLD_XLS,
        /** The upload, or the .xlsx once inflated, exceeds {@link Limits#maxUncompressedBytes()} or its zip
         *  holds more than {@link Limits#maxZipEntries()} entries: a zip bomb looks like this. */
        TOO_LARGE,
        /** More data rows than {@link Limits#maxRows()}. */
        TOO_MANY_ROWS,
        /** A value beyond {@link Limits#maxColumns()}. */
        TOO_MANY_COLUMNS,
        /** A cell longer than {@link Limits#maxCellChars()}. */
        CELL_TOO_LONG
    }

    private final Reason reason;
    private final int row;

    public SheetException(Reason reason, int row, String message) {
        this(reason, row, message, null);
    }

    public SheetException(Reason reason, int row, String message, Throwable cause) {
        super(reason + (row > 0 ? " at row " + row : "") + ": " + message, cause);
        this.reason = reason;
        this.row = row;
    }

    public Reason reason() {
        return reason;
    }

    /** The 1-based row (Excel row number, or CSV record number) the problem was found in, or 0. */
    public int row() {
        return row;
    }
}
