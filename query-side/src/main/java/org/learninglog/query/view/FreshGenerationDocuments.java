package org.learninglog.query.view;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.learninglog.store.EncodedDocuments;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Like {@link BufferedDocuments}, for a collection that is empty to begin with and written by
 * nobody else (a new generation): a document it has not written does not exist, so looking for one
 * costs no round trip. Most documents of a rebuild are new, so this halves its round trips.
 */
public final class FreshGenerationDocuments extends BufferedDocuments {

    private final Set<String> written = new HashSet<>();

    public FreshGenerationDocuments(MongoCollection<Document> collection, int cacheLimit) {
        super(collection, cacheLimit, null);
    }

    /** @param direct writes without the wire, on the embedded store of this process ({@code null}: through the driver) */
    public FreshGenerationDocuments(MongoCollection<Document> collection, int cacheLimit, EncodedDocuments direct) {
        super(collection, cacheLimit, direct);
    }

    @Override
    protected boolean mayExist(String id) {
        return written.contains(id);
    }

    @Override
    protected void written(Collection<String> ids) {
        written.addAll(ids);
    }
}
