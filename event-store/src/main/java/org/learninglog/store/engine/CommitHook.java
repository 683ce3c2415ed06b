package org.learninglog.store.engine;

/**
 * Called between reserving a commit's positions and writing it. Production code uses
 * {@link #NONE}; the conformance tests throw from it to stand for a writer that dies there.
 */
@FunctionalInterface
public interface CommitHook {

    CommitHook NONE = (firstPosition, count) -> { };

    void positionsReserved(long firstPosition, int count);
}
