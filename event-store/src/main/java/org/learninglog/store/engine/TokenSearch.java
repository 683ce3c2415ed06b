package org.learninglog.store.engine;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;

import java.time.Instant;

/** Makes tracking tokens: at the tail, at the head, and at a point in time. */
final class TokenSearch {

    private final CommitWindows windows;
    private final PositionCounter counter;

    TokenSearch(CommitWindows windows, PositionCounter counter) {
        this.windows = windows;
        this.counter = counter;
    }

    TrackingToken tail() {
        return new GlobalSequenceTrackingToken(0);
    }

    TrackingToken head() {
        return new GlobalSequenceTrackingToken(counter.head());
    }

    /** The position of the last event stored before {@code instant}: a binary search over positions. */
    TrackingToken at(Instant instant) {
        long low = 1;
        long high = counter.head();
        long answer = high + 1;
        while (low <= high) {
            long middle = (low + high) >>> 1;
            Document commit = windows.firstCommitFrom(middle, high);
            if (commit == null) {
                high = middle - 1;
                continue;
            }
            if (!CommitDocument.storedAt(commit).toInstant().isBefore(instant)) {
                answer = CommitDocument.position(commit);
                high = middle - 1;
            } else {
                low = CommitDocument.end(commit);
            }
        }
        return new GlobalSequenceTrackingToken(answer - 1);
    }
}
