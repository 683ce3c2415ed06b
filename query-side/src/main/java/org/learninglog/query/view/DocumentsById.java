package org.learninglog.query.view;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.learninglog.store.EncodedDocuments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.in;

/** The one read of a cached document source: the documents it does not hold yet, in one {@code $in} on {@code _id}. */
final class DocumentsById {

    private DocumentsById() {
    }

    /**
     * The documents with those ids: as their bytes without the wire on the embedded store of this
     * process ({@code direct}), decoded as the driver decodes what it reads; else one {@code $in}.
     */
    private static Iterable<Document> read(MongoCollection<Document> collection, EncodedDocuments direct, List<String> ids) {
        List<RawBsonDocument> encoded = direct == null ? null : direct.find(collection.getNamespace().getCollectionName(), ids);
        if (encoded == null) {
            return collection.find(in("_id", ids));
        }
        Codec<Document> codec = collection.getCodecRegistry().get(Document.class);
        List<Document> documents = new ArrayList<>(encoded.size());
        for (RawBsonDocument document : encoded) {
            documents.add(document.decode(codec));
        }
        return documents;
    }

    /**
     * Reads {@code missing} into {@code cache} (an id found absent is cached as {@code null}) and
     * adds the ones found to {@code found}.
     */
    static void readInto(MongoCollection<Document> collection, EncodedDocuments direct, List<String> missing,
                         Map<String, Document> cache, Map<String, Document> found) {
        if (missing.isEmpty()) {
            return;
        }
        missing.forEach(id -> cache.put(id, null));
        for (Document document : read(collection, direct, missing)) {
            found.put(document.getString("_id"), document);
            cache.put(document.getString("_id"), document);
        }
    }
}
