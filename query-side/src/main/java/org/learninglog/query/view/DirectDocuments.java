package org.learninglog.query.view;

import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * A view generation's collection read and written event by event: every read goes to the
 * collection, and each event's documents are written as soon as the event is applied. The live
 * processor applies its events a batch at a time ({@link ViewBatch}); this is for an event applied
 * on its own (a dead letter retried) and for tests.
 */
public final class DirectDocuments implements DocumentSource {

    private final MongoCollection<Document> collection;

    public DirectDocuments(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    @Override
    public Document load(String id) {
        return collection.find(eq("_id", id)).first();
    }

    /** One {@code $in} on {@code _id}, whatever the number of ids. */
    @Override
    public Map<String, Document> loadAll(Collection<String> ids) {
        Map<String, Document> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (Document document : collection.find(in("_id", new HashSet<>(ids)))) {
            found.put(document.getString("_id"), document);
        }
        return found;
    }

    /** In the reverse order of their first change, as a batch is written ({@link BatchDocuments}). */
    @Override
    public void store(Collection<Document> documents) {
        java.util.List<Document> writes = new java.util.ArrayList<>(documents);
        java.util.Collections.reverse(writes);
        Replacements.writeInOrder(collection, writes);
    }
}
