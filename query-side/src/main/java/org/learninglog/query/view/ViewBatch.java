package org.learninglog.query.view;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.learninglog.store.EncodedDocuments;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private final EncodedDocuments direct;
    private final List<ViewEvent> applied = new ArrayList<>();
    private final Map<String, ViewEvent> ready = new HashMap<>();
    private BatchDocuments documents;

    public ViewBatch(Projection projection, MongoCollection<Document> collection) {
        this(projection, collection, null);
    }

    /** @param direct reads without the wire on the embedded store of this process; {@code null}: through the driver */
    public ViewBatch(Projection projection, MongoCollection<Document> collection, EncodedDocuments direct) {
        this.projection = projection;
        this.collection = collection;
        this.direct = direct;
        this.documents = new BatchDocuments(collection, direct);
    }

    public MongoCollection<Document> collection() {
        return collection;
    }

    /**
     * Reads, in one round trip, the documents the batch's {@code events} will ask for by keys that
     * follow from the events alone (an insight's, a place's, a timeline's head): each event is applied
     * once beforehand to no documents at all, and the ids it asked for are read together. Keys that
     * follow from documents are read in a second round trip if the projection can tell them from the
     * documents read ({@link Projection#readNext}: the pages logs are filling), and otherwise when the
     * event is applied.
     * The events are kept, so that each is made ready for the projection (its personal data sealed)
     * once.
     */
    public void readAhead(List<ViewEvent> events) {
        KeysAsked asked = new KeysAsked();
        for (ViewEvent event : events) {
            ready.put(event.eventId(), event);
            try {
                projection.apply(event, new ViewUpdate(asked, event.position()));
            } catch (RuntimeException expectingDocuments) {
                // a handler that needs a document to be there: what it asked for so far is read
            }
        }
        Map<String, Document> found = documents.loadAll(asked.ids);
        // A log's head says which page its next line goes on: those pages are read in a second round trip
        // rather than each when an event first appends to it (a dozen logs a line in the programme timeline).
        List<String> next = new ArrayList<>();
        for (Document document : found.values()) {
            next.addAll(projection.readNext(document));
        }
        documents.loadAll(next);
    }

    /** The event {@code eventId} as {@link #readAhead} made it ready; {@code null} if it did not. */
    public ViewEvent ready(String eventId) {
        return ready.get(eventId);
    }

    /** Applies {@code event} to the batch's documents, or to none of them if the projection fails. */
    public void apply(ViewEvent event) {
        try {
            applyTo(documents, event);
        } catch (RuntimeException | Error failure) {
            BatchDocuments again = new BatchDocuments(collection, direct);
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
        documents = new BatchDocuments(collection, direct);
        applied.clear();
        ready.clear();
    }

    /** A view with no documents that notes which ones a projection asks for. */
    private static final class KeysAsked implements DocumentSource {
        private final Set<String> ids = new LinkedHashSet<>();

        @Override
        public Document load(String id) {
            ids.add(id);
            return null;
        }

        @Override
        public Document loadBegunInBatch(String id) {
            return null; // a log's new page: nothing to read (and the page being filled is read after the heads)
        }

        @Override
        public Map<String, Document> loadAll(Collection<String> wanted) {
            ids.addAll(wanted);
            return Map.of();
        }

        @Override
        public void store(Collection<Document> changed) {
        }
    }

    /**
     * The documents to write, in the order they would be written: for tests of a write cut short, and
     * for the benchmark that writes the same documents with the bare driver to compare.
     */
    public List<Document> pendingWrites() {
        return documents.writes();
    }
}
