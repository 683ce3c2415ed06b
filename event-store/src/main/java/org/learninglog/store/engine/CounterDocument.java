package org.learninglog.store.engine;

/**
 * The stored shape of the position counter: one document in {@code counters} whose
 * {@code value} is the highest global position reserved so far. The embedded backend reserves
 * positions on it in process, and recovery raises it past what it copied.
 */
public final class CounterDocument {

    /** The collection of counters (behind the optional prefix). */
    public static final String COLLECTION = "counters";
    /** The {@code _id} of the counter of event positions. */
    public static final String EVENTS = "events";
    /** Primary key: which counter. */
    public static final String NAME = "_id";
    /** The highest position reserved so far (a 64-bit integer once written by the driver). */
    public static final String VALUE = "value";

    private CounterDocument() {
    }
}
