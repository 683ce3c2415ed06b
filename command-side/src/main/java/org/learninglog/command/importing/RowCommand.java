package org.learninglog.command.importing;

import org.learninglog.command.insight.RecordInsightCommand;

/** The command a row of the file becomes, with the row it came from. */
record RowCommand(ImportRow row, RecordInsightCommand command) {
}
