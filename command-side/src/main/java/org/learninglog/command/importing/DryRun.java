package org.learninglog.command.importing;

import java.util.List;

/**
 * What an import would do, found by sending every row's command and storing nothing.
 *
 * @param rows            rows of data in the file
 * @param accepted        rows that would be recorded
 * @param alreadyRecorded rows recorded by an earlier import of the same file (left as they are)
 * @param refused         rows that would be refused (the first {@value ImportRun#REFUSALS_SHOWN} in {@code refusals})
 * @param practiceChanges changes of practice the accepted rows carry that would be sent (their rules are
 *                        checked when they are imported: they cite their row's insight, which a dry run
 *                        does not store)
 * @param practiceChangesAlreadyRecorded practices an earlier import of the same file adopted
 * @param refusals        why, naming each row's cell at fault
 */
public record DryRun(int rows, int accepted, int alreadyRecorded, int refused, int practiceChanges,
                     int practiceChangesAlreadyRecorded, List<CellRefusal> refusals) {
}
