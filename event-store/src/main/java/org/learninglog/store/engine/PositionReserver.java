package org.learninglog.store.engine;

/**
 * Reserves global positions on the counter document without going through the driver: the same
 * atomic {@code $inc} on the same document, for a store that can run it in this process (the
 * embedded server). Every reservation still goes through the one counter, so writers that use
 * the driver and writers that use this see one sequence.
 */
@FunctionalInterface
public interface PositionReserver {

    /**
     * Adds {@code count} to the counter document {@code counterId} in {@code countersCollection}
     * (creating it at 0 first) and returns its new value, the last reserved position.
     */
    long reserve(String countersCollection, String counterId, int count);
}
