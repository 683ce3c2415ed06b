package org.learninglog.query.view;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.learninglog.store.EncodedDocuments;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;

/**
 * The documents one processor batch touches, kept in memory while its events are applied and
 * written together at its end: each document is read at most once a batch, whatever the number of
 * its events that change it, and the batch is one bulk write.
 *
 * <p>The bulk is ordered, so that a process killed in its middle has written a known part. The
 * batch is then delivered again, and each document skips the events it has seen
 * ({@link ViewUpdate#POSITION}); that is only right if a document an event changed first (the one
 * whose state decides what else it changes, and that answers "seen" for the whole event) is written
 * after what the event changed next. A {@link PagedLog}'s head (its count says which page the entry
 * goes on) is changed before its page; a practice's document before its place's list of practices.
 * Were the head written and the page not, the delivery again would skip the head and never append
 * to the page. So for every event, each document it changed is written before the one it changed
 * just before: the documents are written in that order (depth first over "written before"),
 * otherwise in the reverse order of their first change in the batch. Two events that change the
 * same two documents in opposite orders cannot both be kept; the first seen wins.
 */
final class BatchDocuments implements DocumentSource {

    private final MongoCollection<Document> collection;
    private final EncodedDocuments direct;
    private final StoredShape shape;
    /** What was read or changed in this batch, {@code null} for ids known to be absent. */
    private final Map<String, Document> cache = new HashMap<>();
    /** The changed documents, in the order of their first change. */
    private final Map<String, Document> changed = new LinkedHashMap<>();
    /** For each changed document, those an event changed right after it: they are written before it. */
    private final Map<String, Set<String>> writtenBefore = new HashMap<>();

    /** @param direct reads without the wire on the embedded store of this process; {@code null}: through the driver */
    BatchDocuments(MongoCollection<Document> collection, EncodedDocuments direct) {
        this.collection = collection;
        this.direct = direct;
        this.shape = new StoredShape(collection.getCodecRegistry().get(Document.class));
    }

    @Override
    public Document load(String id) {
        if (!cache.containsKey(id)) {
            cache.put(id, collection.find(eq("_id", id)).first());
        }
        return cache.get(id);
    }

    /**
     * Not read from the collection: what a write cut short left there is only ever of events after the
     * log's head, which this batch applies again (the head is written after its pages), and so writes
     * over. A log's new page so costs no round trip: a dozen logs took one every 25 lines.
     */
    @Override
    public Document loadBegunInBatch(String id) {
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
        DocumentsById.readInto(collection, direct, missing, cache, found);
        return found;
    }

    /**
     * Keeps each document as the collection would give it back, as the next event would have read it
     * had this one been written on its own ({@link StoredShape}).
     */
    @Override
    public void store(Collection<Document> documents) {
        String before = null;
        for (Document document : documents) { // in the order the event changed them
            String id = document.getString("_id");
            Document stored = shape.of(id, document);
            cache.put(id, stored);
            changed.put(id, stored); // a document changed again keeps the place of its first change
            if (before != null) {
                writtenBefore.computeIfAbsent(before, key -> new LinkedHashSet<>()).add(id);
            }
            before = id;
        }
    }

    /** The changed documents in the order they are written (see above). */
    List<Document> writes() {
        List<String> roots = new ArrayList<>(changed.keySet());
        Collections.reverse(roots);
        List<Document> writes = new ArrayList<>(changed.size());
        Set<String> done = new HashSet<>();
        Set<String> open = new HashSet<>();
        Deque<Map.Entry<String, Iterator<String>>> path = new ArrayDeque<>();
        for (String root : roots) {
            if (done.contains(root)) {
                continue;
            }
            path.push(Map.entry(root, writtenBefore.getOrDefault(root, Set.of()).iterator()));
            open.add(root);
            while (!path.isEmpty()) {
                Map.Entry<String, Iterator<String>> at = path.peek();
                if (at.getValue().hasNext()) {
                    String first = at.getValue().next();
                    if (!done.contains(first) && open.add(first)) { // an id already open is a cycle: passed over
                        path.push(Map.entry(first, writtenBefore.getOrDefault(first, Set.of()).iterator()));
                    }
                } else {
                    path.pop();
                    open.remove(at.getKey());
                    done.add(at.getKey());
                    writes.add(changed.get(at.getKey()));
                }
            }
        }
        return writes;
    }

    /** Writes the batch's changes with one ordered bulk. */
    @Override
    public void flush() {
        Replacements.writeInOrder(collection, writes());
        changed.clear();
        writtenBefore.clear();
    }
}
