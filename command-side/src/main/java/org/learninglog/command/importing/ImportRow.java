package org.learninglog.command.importing;

import java.util.List;

/**
 * One row of an uploaded file, as text.
 *
 * @param number the row's number as a spreadsheet shows it (the header is row 1)
 * @param cells  its cells in column order; a missing cell reads as empty
 */
record ImportRow(int number, List<String> cells) {

    String cell(int column) {
        return column < cells.size() ? cells.get(column) : "";
    }
}
