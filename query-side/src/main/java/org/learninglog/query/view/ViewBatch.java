package org.learninglog.query.view;

import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * The events of one processor batch applied to one view generation: in memory, one event after
 * the other, each document read once, and written with one ordered bulk when the batch ends
 * ({@link BatchDocuments}), before the processor stores its token.
 *
 * <p>An event whose projection fails leaves nothing behind: the projection changes the documents in
 * place, so the failure drops the batch's documents and applies the events that went before it
 * again, from the collection (nothing of the batch is written yet). Failures are rare; copying every
 * document before each event would cost every batch. The processor's dead-letter queue then parks
 * the failed event and the batch goes on.
 */
public final class ViewBatch {

    private final Projection projection;
    private final MongoCollection<Document> collection;
    private final List<ViewEvent> applied = new ArrayList<>();
    private BatchDocuments documents;

    public ViewBatch(Projection projection, MongoCollection<Document> collection) {
        this.projection = projection;
        this.collection = collection;
        this.documents = new BatchDocuments(collection);
    }

    public MongoCollection<Document> collection() {
        return collection;
    }

    /** Applies {@code event} to the batch's documents, or to none of them if the projection fails. */
    public void apply(ViewEvent event) {
        try {
            applyTo(documents, event);
        } catch (RuntimeException | Error failure) {
            BatchDocuments again = new BatchDocuments(collection);
            for (ViewEvent earlier : applied) {
                applyTo(again, earlier);
            }
            documents = again;
            throw failure;
        }
        applied.add(event);
    }

    private void applyTo(BatchDocuments target, ViewEvent event) {
        ViewUpdate update = new ViewUpdate(target, event.position());
        projection.apply(event, update);
        update.commit();
    }

    /** Writes what the batch changed, with one ordered bulk; the batch may then take more events. */
    public void write() {
        documents.flush();
        documents = new BatchDocuments(collection);
        applied.clear();
    }

    /** The documents to write, in the order they would be written (for tests of a write cut short). */
    List<Document> pendingWrites() {
        return documents.writes();
    }
}
