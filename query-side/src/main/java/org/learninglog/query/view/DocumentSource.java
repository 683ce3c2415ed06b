package org.learninglog.query.view;

import org.bson.Document;

import java.util.Collection;

/** Where a {@link ViewUpdate} reads its documents from and leaves them: by {@code _id} only. */
public interface DocumentSource {

    /** The stored document, or {@code null}. The caller may change the instance it gets. */
    Document load(String id);

    /**
     * The document {@code id} where no write before this batch can have stored it (a log's next page,
     * which only the append that begins it writes): as this batch left it, or {@code null}, without
     * asking the collection. Sources that keep no batch of their own ask it all the same.
     */
    default Document loadBegunInBatch(String id) {
        return load(id);
    }

    /**
     * The stored documents of {@code ids} that exist, by id, as {@link #load} would answer them one by
     * one; a source may read them in one round trip.
     */
    default java.util.Map<String, Document> loadAll(Collection<String> ids) {
        java.util.Map<String, Document> found = new java.util.HashMap<>();
        for (String id : ids) {
            Document document = load(id);
            if (document != null) {
                found.put(id, document);
            }
        }
        return found;
    }

    /** Keeps the changed documents (written at once, or buffered until {@link #flush}). */
    void store(Collection<Document> documents);

    /** Writes what is buffered, if anything. */
    default void flush() {
    }

    /**
     * Starts writing what is buffered; the write may still be under way on return, and a
     * {@link #flush} waits for it. Sources that write at once have nothing to start.
     */
    default void flushAhead() {
        flush();
    }

    /**
     * Hears that about {@code count} more {@link #flushAhead} calls are to come (a rebuild knows how
     * many events it has to apply); a source that buffers may hold its documents longer for it.
     */
    default void expectWritesAhead(long count) {
    }

    /**
     * Starts writing everything buffered, as {@link #flush} would, without waiting for it; a
     * {@link #flush} then waits. Several sources' last writes are so under way together.
     */
    default void startFlush() {
        flush();
    }
}
