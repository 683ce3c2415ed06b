package org.learninglog.command.importing;

import java.time.Instant;
import java.util.List;

/**
 * How an import stands.
 *
 * @param state           {@code running}, {@code finished} or {@code failed}
 * @param rowsTotal       rows of data in the file
 * @param rowsDone        rows dealt with so far (recorded, found recorded already, or refused)
 * @param recorded        rows recorded by this import
 * @param alreadyRecorded rows an earlier import of the same file had recorded: left as they were
 * @param refused         rows refused (the first {@value ImportRun#REFUSALS_SHOWN} are in {@code refusals})
 * @param practiceChanges changes of practice (adoptions and adaptations) the rows carry, recorded by this import
 * @param practiceChangesAlreadyRecorded those an earlier import of the same file had recorded
 * @param practiceChangesRefused those the practice's rules refused (in {@code refusals}, naming their cells),
 *                        though the row's insight was recorded
 * @param rowsPerSecond   rows done per second since it started
 * @param secondsLeft     at that rate, until it is done ({@code null} before the first batch)
 * @param startedAt       when it started
 * @param finishedAt      when it ended, if it did
 * @param failure         why it stopped, if it failed (run it again: rows recorded stay recorded once)
 * @param refusals        why rows were refused, naming their cells
 */
public record ImportProgress(String state, int rowsTotal, int rowsDone, int recorded, int alreadyRecorded, int refused,
                             int practiceChanges, int practiceChangesAlreadyRecorded, int practiceChangesRefused,
                             long rowsPerSecond, Long secondsLeft, Instant startedAt, Instant finishedAt,
                             String failure, List<CellRefusal> refusals) {
}
