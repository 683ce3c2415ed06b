package org.learninglog.command.importing;

import org.dhatim.fastexcel.reader.CellAddress;

/** Cells named as a spreadsheet names them, for CSV files too: column letters and row number. */
final class Cells {

    private Cells() {
    }

    /** "C12" for the third column (index 2) of row 12. */
    static String name(int column, int row) {
        return CellAddress.convertNumToColString(column) + row;
    }
}
