package org.learninglog.store.engine;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

import java.util.stream.Stream;

/** The events in global order, as those who rebuild views from them read them (upcast, deserialized). */
public interface EventLog {

    /** The highest position reserved so far; a token's position against it is replay progress. */
    long headPosition();

    /** The events after {@code token}, in order; ends before a gap still within its timeout. */
    Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock);

    /** The global position a token of this log stands at; 0 for no token. */
    static long positionOf(TrackingToken token) {
        if (token == null) {
            return 0;
        }
        return token.position().orElseThrow(() -> new IllegalArgumentException("A token without a position: " + token));
    }
}
