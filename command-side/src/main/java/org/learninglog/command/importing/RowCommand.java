package org.learninglog.command.importing;

/**
 * A command a row of the file becomes (its insight's, or the change of practice it led to), with
 * the row it came from and the id it is sent under: the id of what it records, made of the
 * import's id and the row's number, so that the same row sent again names the same thing.
 */
record RowCommand(ImportRow row, Object command, String id) {
}
