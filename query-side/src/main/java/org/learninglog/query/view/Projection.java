package org.learninglog.query.view;

/**
 * A view built from the events, kept in the documents of one collection per generation. It is a
 * plain function of the events: the live processor and a rebuild call the same {@link #apply}, so
 * the view built incrementally and the view rebuilt from scratch are the same.
 */
public interface Projection {

    /** The view's name: also its Axon processing group and the stem of its collections. */
    String name();

    /** Applies one event to the view's documents. Events the view does not use are ignored. */
    void apply(ViewEvent event, ViewUpdate view);
}
