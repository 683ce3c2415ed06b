package org.learninglog.command.importing;

/** Where a refusal points in the file: the field of the mapping a command's field comes from, and its cell. */
interface RowCells {

    /** The mapping's field a command's field was read from (the same name, unless the command names it otherwise). */
    default String fieldOf(String commandField) {
        return commandField;
    }

    /** The cell that holds a field of the mapping in a row: "C12", or {@code null} if the field is not mapped. */
    String cellOf(String field, int row);
}
