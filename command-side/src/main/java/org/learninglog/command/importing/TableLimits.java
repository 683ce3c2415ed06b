package org.learninglog.command.importing;

import org.springframework.http.HttpStatus;

/**
 * What an uploaded table may hold; checked while it is read, so a file over a limit is refused
 * before it is all in memory.
 *
 * @param maxRows    the most rows of data (the header not counted)
 * @param maxColumns the most columns
 * @param maxCell    the most characters in one cell
 */
record TableLimits(int maxRows, int maxColumns, int maxCell) {

    void checkRows(int rows) {
        if (rows > maxRows) {
            throw new FileRefused(HttpStatus.UNPROCESSABLE_ENTITY, "Too many rows",
                    "The file holds more than " + maxRows + " rows of data; split it into files of at most "
                            + maxRows + " rows.", null);
        }
    }

    void checkColumns(int columns) {
        if (columns > maxColumns) {
            throw FileRefused.unprocessable("Too many columns",
                    "The file has more than " + maxColumns + " columns.");
        }
    }

    String checkCell(String value, int column, int row) {
        if (value.length() > maxCell) {
            throw FileRefused.atCell(Cells.name(column, row),
                    "Cell " + Cells.name(column, row) + " holds more than " + maxCell + " characters.");
        }
        return value;
    }
}
