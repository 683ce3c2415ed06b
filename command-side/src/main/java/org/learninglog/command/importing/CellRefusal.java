package org.learninglog.command.importing;

/**
 * Why a row is not recorded.
 *
 * @param row    the row's number as a spreadsheet shows it
 * @param cell   the cell at fault ("C12"), or {@code null} when it is the row as a whole
 * @param field  the insight's field that cell is mapped to, or {@code null}
 * @param reason what is wrong, in words
 */
public record CellRefusal(int row, String cell, String field, String reason) {
}
