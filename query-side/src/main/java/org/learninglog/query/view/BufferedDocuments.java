package org.learninglog.query.view;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.mongodb.client.model.Filters.eq;

/**
 * A view generation's collection as a rebuild uses it: documents are kept in memory (up to about
 * {@code cacheLimit} of them) and written only when flushed, every few thousand events. That is what
 * makes a rebuild of a long history fast on a store that commits every write.
 *
 * <p>A {@link #flushAhead} hands the write to a writer thread and returns as soon as the documents
 * are encoded, so the events that follow are applied while the store takes the write: on the
 * embedded store, which does its part in the same process, a rebuild's time was the sum of the two,
 * the store's share the larger (a profile of a rebuild: three quarters of its CPU in the store's
 * write path). At most one write is under way; {@link #flush} waits for it. The documents are
 * encoded before they are handed over because the events that follow change them in place.
 */
public class BufferedDocuments implements DocumentSource {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    /** Documents a bulk: a flush's thousands in one bulk once took longer than the driver waits for an answer (10 s). */
    private static final int WRITE_BULK = 1_000;
    /** Daemon threads: a rebuild that fails must not keep the process from stopping. */
    private static final ExecutorService WRITERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "view-generation-writer");
        thread.setDaemon(true);
        return thread;
    });

    private final MongoCollection<Document> collection;
    private final MongoCollection<RawBsonDocument> raw;
    private final DocumentBytes bytes;
    private final int cacheLimit;
    /** What was read or changed, {@code null} for ids known to be absent. */
    private final Map<String, Document> cache = new HashMap<>();
    /**
     * Documents written ahead and not touched since, held as the bytes written rather than as a tree
     * of maps and lists: in a warm rebuild the collector took some 45 % of the two cores, most of it
     * in tracing and copying the documents held (each a few hundred objects; as bytes, one). One that
     * is touched again is decoded back into {@link #cache}.
     */
    private final Map<String, RawBsonDocument> quiet = new LinkedHashMap<>(); // in the order they went quiet
    /**
     * How many quiet documents count as one held as a tree against {@code cacheLimit}: a journey's
     * document at 100,000 events takes about 4 KB as a tree and 0.9 KB as the bytes written.
     */
    private static final int QUIET_PER_HELD = 4;
    private final Codec<Document> codec;
    private final Map<String, Document> dirty = new LinkedHashMap<>();
    /** The ids read or changed since the last {@link #flushAhead}. */
    private final Set<String> touched = new HashSet<>();
    /** The ids the write under way writes. */
    private Set<String> writingNow = Set.of();
    private CompletableFuture<Void> writing = CompletableFuture.completedFuture(null);
    private long inserts;
    private long replacements;
    private long bytesSent;

    /** What was handed to the store so far: a document written again (a head, a page filling up) is one more replacement. */
    public record Sent(long inserts, long replacements, long bytes) {
    }

    public BufferedDocuments(MongoCollection<Document> collection, int cacheLimit) {
        this.collection = collection;
        // Not waiting for the journal: a generation is read only once its pointer flips, a write with
        // the default concern, which makes every write before it durable too (MongoDB's journal is in
        // order; the embedded store commits all that is pending). There, a commit per bulk rewrote the
        // pages each bulk touched, a fifth of a rebuild's CPU.
        this.raw = collection.withDocumentClass(RawBsonDocument.class).withWriteConcern(WriteConcern.W1.withJournal(false));
        this.bytes = new DocumentBytes(collection.getCodecRegistry());
        this.codec = collection.getCodecRegistry().get(Document.class);
        this.cacheLimit = cacheLimit;
    }

    /** Whether the collection may hold {@code id}; when not, looking for it costs no round trip. */
    protected boolean mayExist(String id) {
        return true;
    }

    /** Hears of the ids handed to a write (before it is done: they may exist from now on). */
    protected void written(Collection<String> ids) {
    }

    @Override
    public Document load(String id) {
        touched.add(id);
        woken(id);
        if (!cache.containsKey(id)) {
            cache.put(id, mayExist(id) ? collection.find(eq("_id", id)).first() : null);
        }
        return cache.get(id);
    }

    @Override
    public Map<String, Document> loadAll(Collection<String> ids) {
        Map<String, Document> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        touched.addAll(ids);
        for (String id : new HashSet<>(ids)) {
            woken(id);
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

    /** Brings a quiet document back into the cache, decoded, if {@code id} is one. */
    private void woken(String id) {
        RawBsonDocument held = quiet.remove(id);
        if (held != null) {
            cache.put(id, held.decode(codec));
        }
    }

    @Override
    public void store(Collection<Document> documents) {
        for (Document document : documents) {
            String id = document.getString("_id");
            quiet.remove(id);
            cache.put(id, document);
            dirty.put(id, document);
            touched.add(id);
        }
    }

    /**
     * Starts writing the changed documents that no event touched since the last call (a document
     * touched lately is likely to be touched again: a log's head, a place, a page filling up, and
     * writing it now would write it again later); the write may still be under way on return.
     */
    @Override
    public void flushAhead() {
        write(false);
        if (cache.size() + quiet.size() / QUIET_PER_HELD > cacheLimit) {
            // What is let go is read again if needed, so it must be in the store: the writes before this
            // one are done (a write waits for the one before), and what this one writes is let go next time.
            cache.keySet().removeIf(id -> !touched.contains(id) && !dirty.containsKey(id) && !writingNow.contains(id));
            letGoLongestQuiet();
        }
        touched.clear();
    }

    /**
     * Lets go of the documents that went quiet longest ago until those held fill three quarters of
     * {@code cacheLimit}: the ones that went quiet lately are the likelier to be touched again (a
     * search term's head, a practice's versions), and each one let go and touched again costs a read
     * by {@code _id} (at a million events, with every quiet one let go at once, the journey's rebuild
     * took 296.5 s and search's 285.5; letting go of the longest quiet, 277.1 and 259.1, one run each).
     */
    private void letGoLongestQuiet() {
        long keep = (long) cacheLimit * 3 / 4;
        for (Iterator<String> ids = quiet.keySet().iterator(); ids.hasNext() && cache.size() + quiet.size() / QUIET_PER_HELD > keep; ) {
            if (!writingNow.contains(ids.next())) {
                ids.remove();
            }
        }
    }

    private void write(boolean all) {
        List<WriteModel<RawBsonDocument>> writes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Iterator<Map.Entry<String, Document>> changed = dirty.entrySet().iterator(); changed.hasNext(); ) {
            Map.Entry<String, Document> entry = changed.next();
            if (all || !touched.contains(entry.getKey())) {
                RawBsonDocument encoded = bytes.of(entry.getValue());
                boolean replacing = mayExist(entry.getKey());
                writes.add(replacing
                        ? new ReplaceOneModel<>(eq("_id", entry.getKey()), encoded, UPSERT)
                        : new InsertOneModel<>(encoded)); // new to the collection: no lookup of what it replaces
                if (replacing) {
                    replacements++;
                } else {
                    inserts++;
                }
                bytesSent += encoded.getByteBuffer().remaining();
                if (!all) {
                    cache.remove(entry.getKey());
                    quiet.put(entry.getKey(), encoded);
                }
                ids.add(entry.getKey());
                changed.remove();
            }
        }
        awaitWrite();
        writingNow = Set.of();
        if (writes.isEmpty()) {
            return;
        }
        written(ids);
        writingNow = new HashSet<>(ids);
        writing = CompletableFuture.runAsync(() -> {
            // in bulks the store answers well within the client's read timeout, even on a busy machine
            for (int from = 0; from < writes.size(); from += WRITE_BULK) {
                raw.bulkWrite(writes.subList(from, Math.min(writes.size(), from + WRITE_BULK)), UNORDERED);
            }
        }, WRITERS);
    }

    /** What was handed to the store so far. */
    public Sent sent() {
        return new Sent(inserts, replacements, bytesSent);
    }

    @Override
    public void startFlush() {
        write(true);
    }

    /** Writes what is buffered and waits until it is written. */
    @Override
    public void flush() {
        write(true);
        awaitWrite();
        touched.clear();
    }

    private void awaitWrite() {
        try {
            writing.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
