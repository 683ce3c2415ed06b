package org.learninglog.query.view;

import org.bson.Document;

import java.util.Collection;

/** Where a {@link ViewWrite} reads its documents from and leaves them: by {@code _id} only. */
public interface DocumentSource {

    /** The stored document, or {@code null}. The caller may change the instance it gets. */
    Document load(String id);

    /** Keeps the changed documents (written at once, or buffered until {@link #flush}). */
    void store(Collection<Document> documents);

    /** Writes what is buffered, if anything. */
    default void flush() {
    }
}
