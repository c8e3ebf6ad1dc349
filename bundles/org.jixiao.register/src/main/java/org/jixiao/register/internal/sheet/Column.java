package org.jixiao.register.internal.sheet;

/**
 * A column of a sheet to write.
 *
 * @param header its header text, or null for a sheet without a header row
 * @param kind   what the column holds; it sets the format of the column's empty cells, which matters in
 *               an import template: in a {@link Cell.Kind#TEXT} column (format "@") an ID number or "0012"
 *               a clerk types stays text instead of becoming 1.10101E+17 or 12
 * @param width  in Excel's units (about one digit or half a Chinese character each), or 0 to choose one
 *               from the header and the first rows
 */
public record Column(String header, Cell.Kind kind, double width) {

    public Column {
        if (kind == null) {
            kind = Cell.Kind.TEXT;
        }
        if (width < 0 || width > 255) {
            throw new IllegalArgumentException("Excel widths are 0 to 255: " + width);
        }
    }

    public static Column text(String header) {
        return new Column(header, Cell.Kind.TEXT, 0);
    }

    public static Column of(String header, Cell.Kind kind) {
        return new Column(header, kind, 0);
    }

    public Column withWidth(double w) {
        return new Column(header, kind, w);
    }
}
