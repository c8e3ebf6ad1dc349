package org.jixiao.register.internal.sheet;

import java.util.List;

/**
 * A sheet to write.
 *
 * @param name        its tab name, checked by {@link SheetWriter#checkSheetName}
 * @param columns     its columns; when any has a header, row 1 is a bold header row and stays frozen
 *                    while scrolling; may be empty
 * @param hidden      whether the tab is hidden (a choice list behind the drop-downs); at least one sheet
 *                    of a workbook stays visible
 * @param errorHeader when not null, one more column after the declared ones with this header, holding
 *                    the error text given to {@link SheetWriter#row(List, String)}: an import's error
 *                    report
 * @param dropDowns   drop-down lists on some columns
 */
public record SheetSpec(String name, List<Column> columns, boolean hidden, String errorHeader, List<DropDown> dropDowns) {

    public SheetSpec {
        SheetWriter.checkSheetName(name);
        columns = List.copyOf(columns);
        dropDowns = dropDowns == null ? List.of() : List.copyOf(dropDowns);
    }

    public static SheetSpec of(String name, List<Column> columns) {
        return new SheetSpec(name, columns, false, null, List.of());
    }

    public SheetSpec asHidden() {
        return new SheetSpec(name, columns, true, errorHeader, dropDowns);
    }

    public SheetSpec withErrorColumn(String header) {
        return new SheetSpec(name, columns, hidden, header, dropDowns);
    }

    public SheetSpec withDropDowns(List<DropDown> lists) {
        return new SheetSpec(name, columns, hidden, errorHeader, lists);
    }
}
