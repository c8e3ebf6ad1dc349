package org.jixiao.register.internal.sheet;

/**
 * A drop-down list on one column of a written sheet, from row 2 down: Excel data validation of type
 * "list", refusing other values.
 *
 * @param column 0-based column it applies to
 * @param source the range holding the choices, as {@link SheetWriter#listRange} builds it, e.g.
 *               {@code '选项'!$A$2:$A$5}
 */
public record DropDown(int column, String source) {

    public DropDown {
        if (column < 0 || column >= SheetWriter.MAX_COLUMNS) {
            throw new IllegalArgumentException("column " + column);
        }
        if (source == null || source.isEmpty() || source.length() > 255) {
            throw new IllegalArgumentException("a validation formula is 1 to 255 characters: " + source);
        }
    }
}
