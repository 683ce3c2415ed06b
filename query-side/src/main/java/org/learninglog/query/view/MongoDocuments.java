package org.learninglog.query.view;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * A view generation's collection as a {@link DocumentSource}. Live, every event's documents are
 * written as soon as the event is applied (one bulk of replacements by {@code _id}); a rebuild
 * instead keeps documents in memory and writes them every few thousand events, which is what
 * makes a rebuild of a long history fast on a store that commits every write.
 */
public final class MongoDocuments implements DocumentSource {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoCollection<Document> collection;
    private final boolean buffered;
    private final int cacheLimit;
    private final Map<String, Document> cache = new HashMap<>();
    private final Map<String, Document> dirty = new LinkedHashMap<>();
    /** For a generation built from nothing: the ids written so far; any other id is known to be absent. */
    private final Set<String> written;

    private MongoDocuments(MongoCollection<Document> collection, boolean buffered, int cacheLimit, boolean startsEmpty) {
        this.collection = collection;
        this.buffered = buffered;
        this.cacheLimit = cacheLimit;
        this.written = startsEmpty ? new HashSet<>() : null;
    }

    /** Writes every event's documents at once. */
    public static MongoDocuments direct(MongoCollection<Document> collection) {
        return new MongoDocuments(collection, false, 0, false);
    }

    /** Keeps up to about {@code cacheLimit} documents in memory; nothing is written before {@link #flush}. */
    public static MongoDocuments buffered(MongoCollection<Document> collection, int cacheLimit) {
        return new MongoDocuments(collection, true, cacheLimit, false);
    }

    /**
     * Like {@link #buffered}, for a collection that is empty to begin with and written by nobody
     * else (a new generation): a document it has not written does not exist, so looking for one
     * costs no round trip. Most documents of a rebuild are new, so this halves its round trips.
     */
    public static MongoDocuments fresh(MongoCollection<Document> collection, int cacheLimit) {
        return new MongoDocuments(collection, true, cacheLimit, true);
    }

    /** How many documents a fresh generation has written so far (-1 when not {@link #fresh}). */
    public long documentsWritten() {
        return written == null ? -1 : written.size();
    }

    public MongoCollection<Document> collection() {
        return collection;
    }

    @Override
    public Document load(String id) {
        if (!buffered) {
            return collection.find(eq("_id", id)).first();
        }
        Document cached = cache.get(id);
        if (cached == null && !cache.containsKey(id)) {
            cached = written != null && !written.contains(id) ? null : collection.find(eq("_id", id)).first();
            cache.put(id, cached);
        }
        return cached;
    }

    @Override
    public Map<String, Document> loadAll(Collection<String> ids) {
        Map<String, Document> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : new HashSet<>(ids)) {
            if (buffered && cache.containsKey(id)) {
                if (cache.get(id) != null) {
                    found.put(id, cache.get(id));
                }
            } else if (!buffered || written == null || written.contains(id)) {
                missing.add(id);
            } else {
                cache.put(id, null);
            }
        }
        if (!missing.isEmpty()) {
            if (buffered) {
                missing.forEach(id -> cache.put(id, null));
            }
            for (Document document : collection.find(in("_id", missing))) {
                found.put(document.getString("_id"), document);
                if (buffered) {
                    cache.put(document.getString("_id"), document);
                }
            }
        }
        return found;
    }

    @Override
    public void store(Collection<Document> documents) {
        if (documents.isEmpty()) {
            return;
        }
        if (!buffered) {
            write(documents);
            return;
        }
        for (Document document : documents) {
            String id = document.getString("_id");
            cache.put(id, document);
            dirty.put(id, document);
        }
    }

    @Override
    public void flush() {
        if (!dirty.isEmpty()) {
            write(dirty.values());
            if (written != null) {
                written.addAll(dirty.keySet());
            }
            dirty.clear();
        }
        if (cache.size() > cacheLimit) {
            cache.clear();
        }
    }

    private void write(Collection<Document> documents) {
        List<WriteModel<Document>> writes = new ArrayList<>(documents.size());
        for (Document document : documents) {
            writes.add(new ReplaceOneModel<>(eq("_id", document.get("_id")), document, UPSERT));
        }
        collection.bulkWrite(writes, UNORDERED);
    }
}
