package org.learninglog.query.view;

import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.in;

/** The one read of a cached document source: the documents it does not hold yet, in one {@code $in} on {@code _id}. */
final class DocumentsById {

    private DocumentsById() {
    }

    /**
     * Reads {@code missing} into {@code cache} (an id found absent is cached as {@code null}) and
     * adds the ones found to {@code found}.
     */
    static void readInto(MongoCollection<Document> collection, List<String> missing, Map<String, Document> cache,
                         Map<String, Document> found) {
        if (missing.isEmpty()) {
            return;
        }
        missing.forEach(id -> cache.put(id, null));
        for (Document document : collection.find(in("_id", missing))) {
            found.put(document.getString("_id"), document);
            cache.put(document.getString("_id"), document);
        }
    }
}
