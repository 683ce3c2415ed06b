package org.learninglog.query.view;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * The documents one processor batch touches, kept in memory while its events are applied and
 * written together at its end: each document is read at most once a batch, whatever the number of
 * its events that change it, and the batch is one bulk write.
 *
 * <p>The write is ordered, in the reverse order of each document's first change in the batch. A
 * process killed in the middle of the bulk leaves the last-changed documents written and the
 * first-changed ones not; the batch is then delivered again, and each document skips the events it
 * has seen ({@link ViewUpdate#POSITION}). That is only right if a document an event reads to decide
 * what else to change is written after what it decided: a {@link PagedLog}'s head (its count says
 * which page the entry is on) is changed before its pages, so it is written after them. Were the
 * head written first and a page not, the delivery again would skip the head and never append to the
 * page.
 */
final class BatchDocuments implements DocumentSource {

    private final MongoCollection<Document> collection;
    private final Codec<Document> codec;
    /** What was read or changed in this batch, {@code null} for ids known to be absent. */
    private final Map<String, Document> cache = new HashMap<>();
    /** The changed documents, in the order of their first change. */
    private final Map<String, Document> changed = new LinkedHashMap<>();

    BatchDocuments(MongoCollection<Document> collection) {
        this.collection = collection;
        this.codec = collection.getCodecRegistry().get(Document.class);
    }

    @Override
    public Document load(String id) {
        if (!cache.containsKey(id)) {
            cache.put(id, collection.find(eq("_id", id)).first());
        }
        return cache.get(id);
    }

    /** One {@code $in} on {@code _id} for those not read yet in this batch. */
    @Override
    public Map<String, Document> loadAll(Collection<String> ids) {
        Map<String, Document> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : new HashSet<>(ids)) {
            if (!cache.containsKey(id)) {
                missing.add(id);
            } else if (cache.get(id) != null) {
                found.put(id, cache.get(id));
            }
        }
        if (!missing.isEmpty()) {
            missing.forEach(id -> cache.put(id, null));
            for (Document document : collection.find(in("_id", missing))) {
                found.put(document.getString("_id"), document);
                cache.put(document.getString("_id"), document);
            }
        }
        return found;
    }

    /**
     * Keeps each document as the collection would give it back: through its BSON, as the next event
     * would have read it had this one been written on its own (a date a date, a list a list of its own
     * whatever the projection put there, no value shared between documents).
     */
    @Override
    public void store(Collection<Document> documents) {
        for (Document document : documents) {
            String id = document.getString("_id");
            Document stored = new RawBsonDocument(document, codec).decode(codec);
            cache.put(id, stored);
            changed.put(id, stored); // a document changed again keeps the place of its first change
        }
    }

    /** The changed documents in the order they are written: the last first changed first. */
    List<Document> writes() {
        List<Document> writes = new ArrayList<>(changed.values());
        Collections.reverse(writes);
        return writes;
    }

    /** Writes the batch's changes with one ordered bulk. */
    @Override
    public void flush() {
        Replacements.writeInOrder(collection, writes());
        changed.clear();
    }
}
