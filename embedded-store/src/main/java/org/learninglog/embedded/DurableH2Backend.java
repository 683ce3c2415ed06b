package org.learninglog.embedded;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The H2 backend of mongo-java-server, committing its MVStore after every command.
 *
 * <p>By default the MVStore commits once a second in the background, so a write the driver saw
 * acknowledged could be lost to {@code kill -9}. Committing before the reply is sent means an
 * acknowledged write is in the file (the operating system's cache survives a killed process).
 * A commit without changes is a no-op, so reads cost nothing extra.
 *
 * <p>Writes run one at a time, and their replies are copied before the lock is let go: the
 * server's {@code findAndModify} answers with the very document object it keeps, which the next
 * write changes in place while the first reply is still being encoded, so two concurrent
 * {@code $inc}s on one counter could both see the same value. Reads are not held up.
 */
final class DurableH2Backend extends H2Backend {

    private final MVStore store;
    /** Absent for a store in memory, which has no file to keep. */
    private final StoreHousekeeping housekeeping;
    /** Absent for a store in memory, which has no disk to fill. */
    private final DiskReserve reserve;
    private final EventStoreLayout layout;

    private DurableH2Backend(MVStore store, Duration housekeepingInterval, DiskReserve reserve, EventStoreLayout layout) {
        super(store);
        this.store = store;
        this.reserve = reserve;
        this.layout = layout;
        this.housekeeping = housekeepingInterval == null ? null
                : new StoreHousekeeping(store, writeLock, housekeepingInterval, reserve);
    }

    /** A backend on a store in memory: nothing to keep on a disk. */
    static DurableH2Backend inMemoryStore(EventStoreLayout layout) {
        return new DurableH2Backend(new MVStore.Builder().open(), null, null, layout);
    }

    /**
     * The store's page cache, in megabytes (H2's default is 16): an eighth of the heap, at least 64 and at
     * most 128, or {@code -Dlearninglog.embedded.cache-mb}.
     * H2 puts every page it writes into the cache as well as every page it reads, so a store taking
     * gigabytes of writes (a view's rebuild, an import) passes all of them through it: each page stays
     * long enough to be copied out of the young generation, and is let go in the old one, where only the
     * collector's marking and mixed collections reclaim it. The four views' rebuild at a million events
     * (the view benchmark, one run each): 344.0 s with 384 MB (the most the cache was before),
     * the collector's threads 241 CPU seconds; 297.3 s and 193 with 128 MB; 281.4 s and 159 with 64. But
     * the counts' p99 at 100,000 events was 62 and 80 ms with 64 MB (limit 50), 28 with 128 and 19 with
     * 384 (1,000 reads each): the months of lines they fold no longer stayed in the cache.
     */
    private static final int CACHE_MB = Integer.getInteger("learninglog.embedded.cache-mb", defaultCacheMegabytes());

    private static int defaultCacheMegabytes() {
        long heapMegabytes = Runtime.getRuntime().maxMemory() >> 20;
        return (int) Math.max(64, Math.min(128, heapMegabytes / 8));
    }

    /**
     * A backend on a store file. Every write is committed before it is answered, in the writing
     * thread: the store's own background thread and its two hand-over threads are off, and
     * {@link StoreHousekeeping} does what that thread did, with rules fit for a commit per write.
     */
    static DurableH2Backend onFile(Path file, Duration housekeepingInterval, EventStoreLayout layout) {
        return new DurableH2Backend(StoreFile.openForWriting(file, CACHE_MB, layout), housekeepingInterval,
                DiskReserve.forFolder(file.toAbsolutePath().getParent()), layout);
    }

    /**
     * Why this store cannot take a write now: its file was closed by H2 after a failed write,
     * or its disk is below the reserve; {@code null} when it can.
     */
    String whyNotWritable() {
        if (store.isClosed()) {
            return "the store file is closed after a failed write; restart to reopen it";
        }
        return reserve != null && reserve.isShort() ? "the disk is full: " + reserve.describe() : null;
    }

    /** A store H2 has closed (see {@link DiskReserve}) answers MongoDB's "shutting down", which clients take as unavailable. */
    private void ensureOpen() {
        if (store.isClosed()) {
            throw ServerErrors.shutdownInProgress("The embedded store's file is closed after a failed write; restart to reopen it");
        }
    }

    /** Refuses a write made in this process, not over the wire, as a write over the wire is refused: the file closed, or the disk short. */
    private void ensureWritable() {
        ensureOpen();
        if (reserve != null) {
            reserve.ensureRoomForAWrite();
        }
    }

    private static final Set<String> READS = Set.of("find", "getMore", "count", "aggregate", "distinct",
            "listCollections", "listIndexes", "listDatabases", "hello", "isMaster", "ismaster", "ping",
            "buildInfo", "buildinfo", "getLastError", "getlasterror", "killCursors", "endSessions", "serverStatus", "dbStats");

    private final Object writeLock = new Object();

    /**
     * A reservation of event positions is made durable by the commit of the append that uses it
     * (a commit writes every pending change). If the process dies in between, the counter goes
     * back, but nothing written used those positions, so nothing is lost or reused. This saves
     * one file commit per append. Over the wire, a reservation is a {@code findAndModify} on the
     * counters collection the event store named in its layout; in this process, see {@link #reservePositions}.
     */
    private boolean isPositionReservation(String command, Document query) {
        return "findAndModify".equals(command) && layout.counters().equals(query.get(command));
    }

    /** The client the in-process reservations are answered to (the server keeps a last-error list per client). */
    private final Channel inProcess = new EmbeddedChannel();

    /**
     * Reserves positions in this process, under the write lock, without the round trip. The
     * counter document is replaced straight in its collection's map: the server's general update
     * (query, deep copy, operators, index checks) took a quarter of an append's time for one
     * number. The document keeps its {@code _id}, so the collection's {@code _id} index stays
     * right, and anyone reading or {@code $inc}-ing it over the wire sees the same document.
     * Like a reservation over the wire it is made durable by the next commit. The first
     * reservation, before the counter exists, is the {@code findAndModify} the driver would send,
     * left uncommitted like every reservation. The engine names the counters collection and the
     * counter on every call: nothing here recognises them by name.
     */
    long reservePositions(String databaseName, String countersCollection, String counterId, long count) {
        synchronized (writeLock) {
            ensureWritable();
            MVMap<Object, Object> counters = openDataMap(databaseName + "." + countersCollection);
            Object stored = counters == null ? null : counters.get(counterId);
            Document current = stored == null ? null : StoredBson.documentOf(stored);
            String field = layout.counterValue();
            if (current != null && current.get(field) instanceof Number value) {
                long reserved = value.longValue() + count;
                counters.put(counterId, StoredBson.of(new Document("_id", counterId).append(field, reserved)));
                return reserved;
            }
            Document command = new Document("findAndModify", countersCollection)
                    .append("query", new Document("_id", counterId))
                    .append("update", new Document("$inc", new Document(field, count)))
                    .append("upsert", true)
                    .append("new", true);
            Document reply = write(inProcess, databaseName, "findAndModify", command, false);
            if (!(reply.get("value") instanceof Document counter) || !(counter.get(field) instanceof Number value)) {
                throw new IllegalStateException("The position counter answered " + reply);
            }
            return value.longValue();
        }
    }

    /**
     * Writes documents the client already encoded as BSON into a collection of this process's server,
     * inserted, or replacing the one with the same {@code _id} ({@code replace}, an upsert), as a write
     * that does not wait for the journal: answered before it is committed, committed with the next
     * write that is, or by a housekeeping round. Over the wire, the server decodes every document into
     * a tree of its own and encodes it again to store it; a rebuild writes a million and more (see
     * docs/benchmarks.md). Only documents of a string {@code _id} in a collection with no other index
     * take the shortcut; any other is decoded and written as over the wire.
     */
    void writeEncoded(String databaseName, String collectionName, List<byte[]> documents, boolean replace) {
        synchronized (writeLock) {
            ensureWritable();
            BsonValuedCollection collection = ((KeyOrderedH2Database) resolveDatabase(databaseName)).collectionForInserts(collectionName);
            for (byte[] document : documents) {
                if (replace) {
                    collection.replaceEncoded(document);
                } else {
                    collection.insertEncoded(document);
                }
            }
        }
    }

    /**
     * The documents of a collection of this process's server whose string {@code _id} is one of
     * {@code ids}, as the BSON it holds them in, read as a read over the wire is (the version read is
     * pinned, no lock is taken); those not there are left out. Over the wire the server decodes each
     * into a tree of its own and encodes it again into its answer, which the client decodes a third
     * time. {@code null} when the collection holds its documents otherwise than a view's (another
     * index beside {@code _id}'s, or documents kept by {@code _id}): read them over the wire then.
     */
    List<byte[]> findEncoded(String databaseName, String collectionName, java.util.Collection<String> ids) {
        ensureOpen();
        MVStore.TxCounter pin = housekeeping == null ? null : housekeeping.pinForRead();
        try {
            de.bwaldvogel.mongo.MongoCollection<?> collection = resolveDatabase(databaseName).resolveCollection(collectionName, false);
            if (collection == null) {
                return List.of();
            }
            return collection instanceof BsonValuedCollection documents ? documents.findEncoded(ids) : null;
        } finally {
            if (pin != null) {
                housekeeping.release(pin);
            }
        }
    }

    private final Map<String, MVMap<Object, Object>> dataMaps = new ConcurrentHashMap<>();

    /** The documents of a collection, as {@link KeyOrderedH2Database} stores them; {@code null} if it does not exist yet. */
    private MVMap<Object, Object> openDataMap(String namespace) {
        MVMap<Object, Object> map = dataMaps.get(namespace);
        if (map == null || map.isClosed()) { // closed: the collection was dropped
            String name = KeyOrderedH2Database.dataMapName(namespace);
            if (!store.hasMap(name)) {
                return null;
            }
            map = store.openMap(name, KeyOrderedH2Database.dataMapBuilder());
            dataMaps.put(namespace, map);
        }
        return map;
    }

    /** Whether a write answered without a commit of its own is not in the file yet (see {@link #isUnjournaled}). */
    boolean hasUncommittedWrites() {
        return store.hasUnsavedChanges();
    }

    /** A consistent copy of the store file while it is in use (see {@link StoreBackup}). */
    void backup(Path file, Path keyFile, java.io.OutputStream target) throws java.io.IOException {
        StoreBackup.write(store, writeLock, file, keyFile, target);
    }

    @Override
    public void close() {
        if (housekeeping != null) {
            housekeeping.close();
        }
        super.close();
    }

    /**
     * Whether a collection created now keeps its documents by {@code _id} (see {@link KeyOrderedH2Database}):
     * the event store's commits and its counter, which a recovery reads by {@code _id} straight from the
     * file and a reservation replaces in place. Asked only of a collection being created, after the
     * constructor: the layout is set by then.
     */
    private boolean keyedById(String collection) {
        return layout == null || collection.equals(layout.events()) || collection.equals(layout.counters());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // getMvStore(): the super constructor opens the existing databases before our fields are set.
        return new KeyOrderedH2Database(databaseName, getMvStore(), getCursorRegistry(), this::keyedById);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        ensureOpen();
        if (READS.contains(command)) {
            if (housekeeping == null) {
                return super.handleCommand(channel, databaseName, command, query);
            }
            // The answer is built in full before it is sent, so the pin covers every page it reads.
            MVStore.TxCounter pin = housekeeping.pinForRead();
            try {
                return super.handleCommand(channel, databaseName, command, query);
            } finally {
                housekeeping.release(pin);
            }
        }
        synchronized (writeLock) {
            return write(channel, databaseName, command, query,
                    !isPositionReservation(command, query) && !isUnjournaled(query));
        }
    }

    /**
     * A write that asks not to wait for the journal ({@code writeConcern: {j: false}}), as a view
     * rebuild's bulks do: it is answered without a commit of its own, and is committed with the next
     * write that is, or by a housekeeping round (within a second), whichever comes first. As in
     * MongoDB, such a write is acknowledged before it is durable; one that follows it with the
     * default concern makes both durable, in order. A rebuild writes a fresh generation nobody reads
     * until its pointer flips (a journaled write): a commit per bulk of 1,000 new documents rewrote
     * the pages they landed on each time, a fifth of a rebuild's CPU.
     */
    private static boolean isUnjournaled(Document query) {
        return query.get("writeConcern") instanceof Document concern && Boolean.FALSE.equals(concern.get("j"));
    }

    /** Runs a write under the write lock, and commits the file after it unless {@code commit} is false (a position reservation). */
    private Document write(Channel channel, String databaseName, String command, Document query, boolean commit) {
        // Before anything changes: a refused write leaves nothing to commit, so the commit below never meets the full disk.
        if (reserve != null) {
            reserve.ensureRoomForAWrite();
        }
        try {
            return super.handleCommand(channel, databaseName, command, query).cloneDeeply();
        } finally {
            if (commit && store.hasUnsavedChanges()) {
                store.commit();
            }
        }
    }
}
