package org.learninglog.command.importing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One import of a file, as it goes: how many rows are done, recorded, found recorded already and
 * refused, the same of the changes of practice the rows carry, and how fast. Written by the import's thread, read by anyone asking for its progress.
 */
final class ImportRun {

    /** Refusals kept to show; the count goes on beyond them. */
    static final int REFUSALS_SHOWN = 500;

    enum State { RUNNING, FINISHED, FAILED }

    private final int rowsTotal;
    private final Clock clock;
    private final Instant startedAt;
    private final List<CellRefusal> refusals = new ArrayList<>();
    private volatile State state = State.RUNNING;
    private volatile int rowsDone;
    private volatile int recorded;
    private volatile int alreadyRecorded;
    private volatile int refused;
    private volatile int practiceChanges;
    private volatile int practiceChangesAlreadyRecorded;
    private volatile int practiceChangesRefused;
    private volatile Instant finishedAt;
    private volatile String failure;

    ImportRun(int rowsTotal, Clock clock) {
        this.rowsTotal = rowsTotal;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    synchronized void batchDone(int rows, int newlyRecorded, int foundRecorded, List<CellRefusal> batchRefusals) {
        rowsDone += rows;
        recorded += newlyRecorded;
        alreadyRecorded += foundRecorded;
        refused += batchRefusals.size();
        for (CellRefusal refusal : batchRefusals) {
            if (refusals.size() < REFUSALS_SHOWN) {
                refusals.add(refusal);
            }
        }
    }

    /** The changes of practice of a batch's rows, sent once its insights are stored. */
    synchronized void changesDone(int newlyRecorded, int foundRecorded, List<CellRefusal> changeRefusals) {
        practiceChanges += newlyRecorded;
        practiceChangesAlreadyRecorded += foundRecorded;
        practiceChangesRefused += changeRefusals.size();
        for (CellRefusal refusal : changeRefusals) {
            if (refusals.size() < REFUSALS_SHOWN) {
                refusals.add(refusal);
            }
        }
    }

    void finished() {
        finishedAt = clock.instant();
        state = State.FINISHED;
    }

    void failed(String why) {
        finishedAt = clock.instant();
        failure = why;
        state = State.FAILED;
    }

    boolean running() {
        return state == State.RUNNING;
    }

    /** How it stands now. */
    synchronized ImportProgress progress() {
        Instant until = finishedAt == null ? clock.instant() : finishedAt;
        double seconds = Math.max(0.001, Duration.between(startedAt, until).toMillis() / 1000.0);
        double rate = rowsDone / seconds;
        Long secondsLeft = state != State.RUNNING ? Long.valueOf(0) : rate <= 0 ? null
                : Long.valueOf(Math.round((rowsTotal - rowsDone) / rate));
        return new ImportProgress(state.name().toLowerCase(), rowsTotal, rowsDone, recorded, alreadyRecorded, refused,
                practiceChanges, practiceChangesAlreadyRecorded, practiceChangesRefused,
                Math.round(rate), secondsLeft, startedAt, finishedAt, failure, List.copyOf(refusals));
    }
}
