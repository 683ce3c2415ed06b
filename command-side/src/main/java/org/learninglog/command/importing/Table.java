package org.learninglog.command.importing;

import java.util.List;

/**
 * What an uploaded file holds: the names of its columns (its first row) and its rows of data.
 */
record Table(List<String> columns, List<ImportRow> rows) {
}
