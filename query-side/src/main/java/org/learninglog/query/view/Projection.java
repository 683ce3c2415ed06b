package org.learninglog.query.view;

import org.bson.Document;

import java.util.Collection;
import java.util.List;

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

    /**
     * The ids an event that reads {@code document} goes on to ask for, known from the document alone, so
     * that a batch reads them ahead in its second round trip ({@link ViewBatch#readAhead}): by default,
     * if it is a log's head, the page the log is filling ({@link PagedLog}).
     */
    default Collection<String> readNext(Document document) {
        String page = PagedLog.pageBeingFilled(document);
        return page == null ? List.of() : List.of(page);
    }
}
