package org.learninglog.store.engine;

import org.axonframework.eventhandling.TrackedEventData;

import java.time.Duration;
import java.util.stream.Stream;

/** The events in global order as the store holds them, for the integrity chain that seals them. */
public interface StoredEventLog {

    /** The highest position reserved so far, written or not. */
    long headPosition();

    /** How long a reserved position may stay unwritten before readers pass over it. */
    Duration gapTimeout();

    /**
     * The stored form of every event after {@code position}, in order (payload and metadata still
     * serialized, never upcast): what integrity seals are computed over.
     */
    Stream<? extends TrackedEventData<?>> storedEventsAfter(long position);
}
