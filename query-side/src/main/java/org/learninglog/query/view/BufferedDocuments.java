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
import org.learninglog.store.EncodedDocuments;

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
    /** Writes without the wire (the embedded store of this process), or {@code null}. */
    private final EncodedDocuments direct;
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
     * What a document held as a tree is reckoned to take, against {@code cacheLimit} documents of
     * that size; a quiet one counts its bytes and what holding them costs ({@value #QUIET_OVERHEAD}).
     * Counted as a quarter of a tree each, quiet documents of the journey (about 1 KB each at a million
     * events) filled the heap's share with half the bytes it had room for: the rest were let go and,
     * when an event touched them again, read back one {@code find} at a time.
     */
    private static final long TREE_BYTES = 8_192;
    /** A quiet document's map entry, its id and its byte array's header. */
    private static final long QUIET_OVERHEAD = 160;
    private long quietBytes;
    /**
     * Changed documents that went quiet and are not written yet, as their bytes, in the order they went
     * quiet, with the write ahead they went quiet at: written once quiet for {@link #quietWrites()} writes
     * ahead, or when those held fill the share. Written as soon as they went quiet, a document an event
     * touched again later was written again: at a million events the journey wrote its documents
     * 1.42 times each, search 1.54 (a replacement, which the store must look up first).
     */
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    /** The fewest writes ahead a document stays quiet before it is written. */
    private static final int QUIET_WRITES = 3;
    /**
     * How long a document whose kind comes back stays quiet before it is written: a third of the
     * writes ahead a rebuild expects ({@link #expectWritesAhead}), at least {@value #QUIET_WRITES}. A
     * replacement costs the embedded store three to four times an insert (it finds the document's page,
     * mostly not in its cache, and rewrites it), but what is held at the end is written when the
     * applying is done, with nothing beside it. The journey at a million events, 100 writes ahead
     * (rebuild s, replacements): quiet for 3 writes, 89.8 s and 376,225; for 12, 82.0 s and 225,752;
     * for 30, 74.5 s and 82,800; never before the end, 92.5 s and none. So only a view whose quiet
     * documents come back holds them that long ({@link #quietWrites}): the programme timeline's filled
     * pages never do, and holding them only left more to write at the end.
     */
    private int longQuiet = QUIET_WRITES;
    /** How many times a changed document went quiet, and how many times one that had (written since or not) was touched again. */
    private long wentQuiet;
    private long cameBack;
    private long pendingBytes;
    private int writesAhead;

    private record Pending(RawBsonDocument bytes, int since) {
    }
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
    private long readBack;
    /** Nanoseconds the writer thread spent in the store's bulk writes; only the writer adds to it, one write at a time. */
    private volatile long writingNanos;
    /** Nanoseconds the applying thread waited for a write to be done before it could go on. */
    private long waitedNanos;

    /**
     * What was asked of the store so far: a document written again (a head, a page filling up) is one
     * more replacement; one let go and touched again is read back ({@code readBack}). And how long it
     * took: the store's bulk writes ({@code writingSeconds}, beside the applying), and the part of it
     * the applying thread waited for ({@code waitedSeconds}): a rebuild that waits most of its time is
     * bound by the store's writes, one that hardly waits by its own applying. And how often a changed
     * document went quiet ({@code wentQuiet}) and how often one that had was touched again
     * ({@code cameBack}), which decides how long they are held ({@link #quietWrites()}).
     */
    public record Sent(long inserts, long replacements, long bytes, long readBack, double writingSeconds, double waitedSeconds,
                       long wentQuiet, long cameBack) {
    }

    public BufferedDocuments(MongoCollection<Document> collection, int cacheLimit) {
        this(collection, cacheLimit, null);
    }

    /**
     * @param direct how documents are written without the wire, on the embedded store of this
     *               process; {@code null} to write them through the driver
     */
    protected BufferedDocuments(MongoCollection<Document> collection, int cacheLimit, EncodedDocuments direct) {
        this.collection = collection;
        this.direct = direct;
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
            boolean stored = mayExist(id);
            cache.put(id, stored ? collection.find(eq("_id", id)).first() : null);
            readBack += stored ? 1 : 0;
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
        DocumentsById.readInto(collection, direct, missing, cache, found);
        readBack += missing.size();
        return found;
    }

    /** Brings a quiet document back into the cache, decoded, if {@code id} is one (still to be written if it was pending). */
    private void woken(String id) {
        Pending waiting = pending.remove(id);
        if (waiting != null) {
            cameBack++;
            pendingBytes -= heldBytes(waiting.bytes());
            Document document = waiting.bytes().decode(codec);
            cache.put(id, document);
            dirty.put(id, document);
            return;
        }
        RawBsonDocument held = quiet.remove(id);
        if (held != null) {
            cameBack++;
            quietBytes -= heldBytes(held);
            cache.put(id, held.decode(codec));
        }
    }

    @Override
    public void store(Collection<Document> documents) {
        for (Document document : documents) {
            String id = document.getString("_id");
            RawBsonDocument held = quiet.remove(id);
            if (held != null) {
                cameBack++;
                quietBytes -= heldBytes(held);
            }
            Pending waiting = pending.remove(id);
            if (waiting != null) {
                cameBack++;
                pendingBytes -= heldBytes(waiting.bytes());
            }
            cache.put(id, document);
            dirty.put(id, document);
            touched.add(id);
        }
    }

    /**
     * Holds the changed documents that no event touched since the last call as their bytes (a document
     * touched lately is likely to be touched again: a log's head, a place, a page filling up, and
     * writing it now would write it again later), and starts writing those that stayed quiet for
     * {@link #quietWrites()} calls, and the longest quiet if those held fill the share; the write may
     * still be under way on return.
     */
    @Override
    public void flushAhead() {
        write(false);
        if (held() > cacheLimit * TREE_BYTES) {
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
        long keep = cacheLimit * TREE_BYTES * 3 / 4;
        for (Iterator<Map.Entry<String, RawBsonDocument>> entries = quiet.entrySet().iterator(); entries.hasNext() && held() > keep; ) {
            Map.Entry<String, RawBsonDocument> entry = entries.next();
            if (!writingNow.contains(entry.getKey())) {
                entries.remove();
                quietBytes -= heldBytes(entry.getValue());
            }
        }
    }

    /** What the documents held take, as reckoned: trees at {@value #TREE_BYTES} bytes, quiet ones at their size. */
    private long held() {
        return cache.size() * TREE_BYTES + quietBytes + pendingBytes;
    }

    private static long heldBytes(RawBsonDocument document) {
        return document.getByteBuffer().remaining() + QUIET_OVERHEAD;
    }

    private void write(boolean all) {
        writesAhead++;
        Writes writes = new Writes(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<String> ids = new ArrayList<>();
        for (Iterator<Map.Entry<String, Document>> changed = dirty.entrySet().iterator(); changed.hasNext(); ) {
            Map.Entry<String, Document> entry = changed.next();
            if (all || !touched.contains(entry.getKey())) {
                RawBsonDocument encoded = bytes.of(entry.getValue());
                if (all) {
                    send(entry.getKey(), encoded, writes, ids);
                } else {
                    cache.remove(entry.getKey());
                    pending.put(entry.getKey(), new Pending(encoded, writesAhead));
                    wentQuiet++;
                    pendingBytes += heldBytes(encoded);
                }
                changed.remove();
            }
        }
        // Past the share, the longest quiet are written so that they can be let go, as many as take
        // what is held over three quarters of the share (let go of once written, see letGoLongestQuiet).
        long over = held() > cacheLimit * TREE_BYTES ? held() - cacheLimit * TREE_BYTES * 3 / 4 : 0;
        int quietWrites = quietWrites();
        for (Iterator<Map.Entry<String, Pending>> waiting = pending.entrySet().iterator(); waiting.hasNext(); ) {
            Map.Entry<String, Pending> entry = waiting.next();
            if (!all && over <= 0 && entry.getValue().since() > writesAhead - quietWrites) {
                break; // in the order they went quiet: the rest went quiet later
            }
            RawBsonDocument encoded = entry.getValue().bytes();
            over -= heldBytes(encoded);
            send(entry.getKey(), encoded, writes, ids);
            pendingBytes -= heldBytes(encoded);
            if (!all) {
                quiet.put(entry.getKey(), encoded);
                quietBytes += heldBytes(encoded);
            }
            waiting.remove();
        }
        awaitWrite();
        writingNow = Set.of();
        if (ids.isEmpty()) {
            return;
        }
        written(ids);
        writingNow = new HashSet<>(ids);
        String name = collection.getNamespace().getCollectionName();
        writing = CompletableFuture.runAsync(() -> {
            long started = System.nanoTime();
            // in bulks the store answers well within the client's read timeout, even on a busy machine
            List<RawBsonDocument> inserts = writes.inserts();
            for (int from = 0; from < inserts.size(); from += WRITE_BULK) {
                direct.insert(name, inserts.subList(from, Math.min(inserts.size(), from + WRITE_BULK)));
            }
            List<RawBsonDocument> replacing = writes.replacements();
            for (int from = 0; from < replacing.size(); from += WRITE_BULK) {
                direct.replace(name, replacing.subList(from, Math.min(replacing.size(), from + WRITE_BULK)));
            }
            List<WriteModel<RawBsonDocument>> models = writes.models();
            for (int from = 0; from < models.size(); from += WRITE_BULK) {
                raw.bulkWrite(models.subList(from, Math.min(models.size(), from + WRITE_BULK)), UNORDERED);
            }
            writingNanos += System.nanoTime() - started;
        }, WRITERS);
    }

    /** A write's documents: those inserted and those replaced without the wire ({@link #direct}), and the bulk sent through the driver. */
    private record Writes(List<RawBsonDocument> inserts, List<RawBsonDocument> replacements, List<WriteModel<RawBsonDocument>> models) {
    }

    /** Hands {@code encoded} to the write being made: an insert if the collection cannot hold it yet. */
    private void send(String id, RawBsonDocument encoded, Writes writes, List<String> ids) {
        boolean replacing = mayExist(id);
        if (direct != null) {
            (replacing ? writes.replacements() : writes.inserts()).add(encoded);
        } else if (replacing) {
            writes.models().add(new ReplaceOneModel<>(eq("_id", id), encoded, UPSERT));
        } else {
            writes.models().add(new InsertOneModel<>(encoded)); // new to the collection: no lookup of what it replaces
        }
        if (replacing) {
            replacements++;
        } else {
            inserts++;
        }
        bytesSent += encoded.getByteBuffer().remaining();
        ids.add(id);
    }

    /** Hears that about {@code count} more writes ahead are to come: a document that may come back then stays quiet for a third of them. */
    @Override
    public void expectWritesAhead(long count) {
        longQuiet = (int) Math.max(QUIET_WRITES, Math.min(Integer.MAX_VALUE, count / 3));
    }

    /**
     * How many writes ahead a changed document stays quiet before it is written: long
     * ({@link #longQuiet}) while more than one in ten of those that went quiet came back, otherwise
     * {@value #QUIET_WRITES}. At a million events, of the documents that went quiet, the journey's came
     * back 0.37 a document, search's 0.42, the learning flow's 0.41, the programme timeline's 0.06.
     */
    private int quietWrites() {
        return cameBack * 10 > wentQuiet ? longQuiet : QUIET_WRITES;
    }

    /** What was handed to the store so far. */
    public Sent sent() {
        return new Sent(inserts, replacements, bytesSent, readBack, writingNanos / 1e9, waitedNanos / 1e9, wentQuiet, cameBack);
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
        long started = System.nanoTime();
        try {
            writing.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        } finally {
            waitedNanos += System.nanoTime() - started;
        }
    }
}
