package org.learninglog.query.rebuild;

import java.time.Instant;

/**
 * How far a rebuild of a view has come. {@code position} is the global position of the last event
 * applied to the new generation, {@code total} the store's head position; the rate is in events
 * (positions) per second since the start, and {@code secondsLeft} what is left at that rate.
 */
public record RebuildProgress(String view, State state, int fromGeneration, int toGeneration, long position, long total,
                              double percent, double eventsPerSecond, Double secondsLeft, Instant startedAt,
                              Instant finishedAt, String error) {

    public enum State { RUNNING, SWITCHING, DONE, FAILED }

    public boolean finished() {
        return state == State.DONE || state == State.FAILED;
    }
}
