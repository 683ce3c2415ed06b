package org.learninglog.embedded;

import java.util.Map;

/**
 * The event store's word on a stored events document, for the start check and a recovery: the
 * fields of a commit are the event store's, so the embedded store asks rather than knows them.
 */
public interface CommitCheck {

    /**
     * What is wrong with a stored events document, in words, or {@code null} if nothing is. The
     * value is as the store file decodes it: a document is a {@link Map}, an array a {@link java.util.List}.
     */
    String problem(Object stored);

    /** The last position a commit covers; asked only of one that passed {@link #problem}. */
    long lastPosition(Map<String, Object> commit);
}
