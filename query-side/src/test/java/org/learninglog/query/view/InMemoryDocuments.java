package org.learninglog.query.view;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A view kept in memory, for unit tests of projections (as giftcard-demo tests its summary
 * projection: feed it events, read the result). Each document is kept as the BSON bytes MongoDB
 * would store and handed out as a fresh copy, so a projection that forgets to store a change, or
 * stores a value MongoDB could not, fails here as it would against a database.
 */
public final class InMemoryDocuments implements DocumentSource {

    private static final DocumentCodec CODEC = new DocumentCodec();

    private final Map<String, RawBsonDocument> stored = new TreeMap<>();

    @Override
    public Document load(String id) {
        RawBsonDocument bytes = stored.get(id);
        return bytes == null ? null : bytes.decode(CODEC);
    }

    @Override
    public void store(Collection<Document> documents) {
        for (Document document : documents) {
            stored.put(document.getString("_id"), new RawBsonDocument(document, CODEC));
        }
    }

    /** Applies the events in order, each as the processor would: one update per event, committed. */
    public InMemoryDocuments apply(Projection projection, List<ViewEvent> events) {
        for (ViewEvent event : events) {
            ViewUpdate update = new ViewUpdate(this, event.position());
            projection.apply(event, update);
            update.commit();
        }
        return this;
    }

    /** Takes a document away, as a store from before a change of shape would not hold it. */
    public void remove(String id) {
        stored.remove(id);
    }

    /** The ids of every stored document, in order. */
    public List<String> ids() {
        return List.copyOf(stored.keySet());
    }

    public ViewReader reader() {
        return new ViewReader(this);
    }
}
