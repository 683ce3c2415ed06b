package org.learninglog.query.view;

import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;

/**
 * A view generation's collection as a rebuild uses it: documents are kept in memory (up to about
 * {@code cacheLimit} of them) and written only on {@link #flush}, every few thousand events. That
 * is what makes a rebuild of a long history fast on a store that commits every write.
 */
public class BufferedDocuments implements DocumentSource {

    private final MongoCollection<Document> collection;
    private final int cacheLimit;
    /** What was read or changed, {@code null} for ids known to be absent. */
    private final Map<String, Document> cache = new HashMap<>();
    private final Map<String, Document> dirty = new LinkedHashMap<>();

    public BufferedDocuments(MongoCollection<Document> collection, int cacheLimit) {
        this.collection = collection;
        this.cacheLimit = cacheLimit;
    }

    /** Whether the collection may hold {@code id}; when not, looking for it costs no round trip. */
    protected boolean mayExist(String id) {
        return true;
    }

    /** Hears of the ids written by a {@link #flush}. */
    protected void written(Collection<String> ids) {
    }

    @Override
    public Document load(String id) {
        if (!cache.containsKey(id)) {
            cache.put(id, mayExist(id) ? collection.find(eq("_id", id)).first() : null);
        }
        return cache.get(id);
    }

    @Override
    public Map<String, Document> loadAll(Collection<String> ids) {
        Map<String, Document> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : new HashSet<>(ids)) {
            if (cache.containsKey(id)) {
                if (cache.get(id) != null) {
                    found.put(id, cache.get(id));
                }
            } else if (mayExist(id)) {
                missing.add(id);
            } else {
                cache.put(id, null);
            }
        }
        DocumentsById.readInto(collection, missing, cache, found);
        return found;
    }

    @Override
    public void store(Collection<Document> documents) {
        for (Document document : documents) {
            String id = document.getString("_id");
            cache.put(id, document);
            dirty.put(id, document);
        }
    }

    @Override
    public void flush() {
        if (!dirty.isEmpty()) {
            Replacements.write(collection, dirty.values());
            written(dirty.keySet());
            dirty.clear();
        }
        if (cache.size() > cacheLimit) {
            cache.clear();
        }
    }
}
