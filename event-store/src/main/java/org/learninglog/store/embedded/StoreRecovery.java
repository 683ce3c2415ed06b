package org.learninglog.store.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.bson.RawBsonDocument;
import org.learninglog.store.StoreDamaged;
import org.learninglog.store.engine.CommitDocument;
import org.learninglog.store.engine.CounterDocument;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies what can still be read from a damaged store file into a new store. Only what the events
 * cannot give back is copied: the events themselves, the position counter, the personal data keys,
 * the integrity chain (seals, heads, checkpoints) and the idempotency records. Views, tracking
 * tokens, snapshots and dead letters are left behind: on its first start the new store's
 * processors find no tokens and rebuild everything from the events.
 *
 * <p>The damaged file is never written: the work is done on a copy. If the copy does not open,
 * H2's {@link MVStoreTool#repair} rolls it back to the newest version that does. Events are read
 * position by position, so a damaged page costs only the commits on it.
 */
final class StoreRecovery {

    /**
     * The collections that hold what nothing else can rebuild, in the order they are copied. The
     * command side's lookup is derived from the events, but by a handler that does not replay, and
     * the demo's completion mark says the demo need not be loaded again: both are kept too.
     */
    static final List<String> KEPT = List.of(CommitDocument.COLLECTION, CounterDocument.COLLECTION, "personal_keys",
            "seals", "chain_heads", "checkpoints", "idempotency_keys", "personal_access_tokens", "command_lookup",
            "demo_loads");
    private static final int BATCH = 500;
    private static final String EVENTS_SUFFIX = "." + CommitDocument.COLLECTION;

    private final List<String> notes = new ArrayList<>();
    private final List<String> lost = new ArrayList<>();
    private long commits;

    private long highestCopied;

    static RecoveryReport recover(Path damagedDir, Path newDir) throws IOException {
        Path damaged = damagedDir.resolve(EmbeddedMongo.STORE_FILE);
        if (!Files.exists(damaged)) {
            throw new IllegalArgumentException("There is no " + EmbeddedMongo.STORE_FILE + " in " + damagedDir);
        }
        if (Files.exists(newDir.resolve(EmbeddedMongo.STORE_FILE))) {
            throw new IllegalArgumentException(newDir + " already holds a store: recover into a new, empty folder");
        }
        Path work = Files.createTempDirectory("learning-log-recover");
        Path copy = work.resolve(EmbeddedMongo.STORE_FILE);
        try {
            Files.copy(damaged, copy);
            StoreRecovery recovery = new StoreRecovery();
            try (MVStore source = recovery.openReadOnly(copy);
                 EmbeddedMongo target = EmbeddedMongo.start(newDir, 0);
                 MongoClient client = MongoClients.create(target.uri())) {
                for (String database : databases(source)) {
                    for (String collection : KEPT) {
                        recovery.copy(source, database, collection, client.getDatabase(database).getCollection(collection, RawBsonDocument.class));
                    }
                    // Never hand out a position a copied commit holds, even if the counter was lost.
                    client.getDatabase(database).getCollection(CounterDocument.COLLECTION).updateOne(
                            Filters.eq(CounterDocument.NAME, CounterDocument.EVENTS),
                            Updates.max(CounterDocument.VALUE, recovery.highestCopied), new UpdateOptions().upsert(true));
                }
            }
            Path key = damagedDir.resolve(StoreBackup.KEY_ENTRY);
            if (Files.exists(key)) {
                Files.copy(key, newDir.resolve(StoreBackup.KEY_ENTRY));
            } else {
                recovery.notes.add("no checkpoint signing key beside the damaged store: copy it by hand if it is kept elsewhere");
            }
            return new RecoveryReport(recovery.notes, recovery.lost, recovery.commits);
        } finally {
            try (var files = Files.list(work)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    private MVStore openReadOnly(Path file) {
        try {
            return new MVStore.Builder().fileName(file.toString()).readOnly().open();
        } catch (RuntimeException first) {
            notes.add("the file did not open (" + StoreFileCheck.plain(first) + "); H2 rolled it back to its newest version that does");
            try {
                MVStoreTool.repair(file.toString());
                return new MVStore.Builder().fileName(file.toString()).readOnly().open();
            } catch (RuntimeException second) {
                throw new StoreDamaged("Nothing could be recovered: the store file cannot be opened, nor any older version of it"
                        + " (H2: " + StoreFileCheck.plain(first) + "). Restore a backup (java -jar launcher.jar restore <backup.zip> <new-data-dir>).", second);
            }
        }
    }

    private static List<String> databases(MVStore store) {
        return store.getMapNames().stream()
                .filter(name -> name.startsWith("databases.") && name.endsWith(EVENTS_SUFFIX))
                .map(name -> name.substring("databases.".length(), name.length() - EVENTS_SUFFIX.length()))
                .toList();
    }

    private void copy(MVStore source, String database, String collection, MongoCollection<RawBsonDocument> target) {
        String name = KeyOrderedH2Database.dataMapName(database + "." + collection);
        if (!source.hasMap(name)) {
            return;
        }
        MVMap<Object, Object> map = source.openMap(name, new MVMap.Builder<>().keyType(CompactValues.INSTANCE).valueType(CompactValues.INSTANCE));
        List<RawBsonDocument> batch = new ArrayList<>();
        long copied = collection.equals(CommitDocument.COLLECTION) ? copyEvents(map, target, batch) : copyAll(collection, map, target, batch);
        flush(target, batch);
        notes.add(collection + ": " + copied + " documents copied");
    }

    /** Every entry up to the first that cannot be read (the rest of that collection is lost, and said so). */
    private long copyAll(String collection, MVMap<Object, Object> map, MongoCollection<RawBsonDocument> target, List<RawBsonDocument> batch) {
        long copied = 0;
        Object last = null;
        try {
            Cursor<Object, Object> cursor = map.cursor(null);
            while (cursor.hasNext()) {
                last = cursor.next();
                add(target, batch, (Document) cursor.getValue());
                copied++;
            }
        } catch (RuntimeException e) {
            lost.add(collection + ": entries after " + last + " (" + StoreFileCheck.plain(e) + ")");
        }
        return copied;
    }

    /**
     * Commits by position, each read on its own, up to past the highest position the file knows
     * (its counter or its last key, whichever can be read), so that a damaged page loses only the
     * commits on it.
     */
    private long copyEvents(MVMap<Object, Object> map, MongoCollection<RawBsonDocument> target, List<RawBsonDocument> batch) {
        long highest = highestPosition(map);
        long copied = 0;
        long unreadableFrom = -1;
        for (long position = 1; position <= highest + CommitDocument.MAX_EVENTS; position++) {
            Object value;
            try {
                value = map.get(position);
                if (value != null && CommitShape.problem(value) != null) {
                    throw new IllegalStateException("the commit there " + CommitShape.problem(value));
                }
            } catch (RuntimeException e) {
                if (unreadableFrom < 0) {
                    unreadableFrom = position;
                }
                continue;
            }
            if (unreadableFrom >= 0) {
                lost.add("events: positions " + unreadableFrom + "–" + (position - 1) + " could not be read");
                unreadableFrom = -1;
            }
            if (value != null) {
                Document commit = (Document) value;
                add(target, batch, commit);
                copied++;
                commits++;
                highestCopied = Math.max(highestCopied, position + ((Number) commit.get(CommitDocument.COUNT)).longValue() - 1);
            }
        }
        if (unreadableFrom >= 0) {
            lost.add("events: positions from " + unreadableFrom + " could not be read");
        }
        return copied;
    }

    private long highestPosition(MVMap<Object, Object> map) {
        long highest = 0;
        try {
            Object last = map.lastKey();
            highest = last instanceof Number number ? number.longValue() : 0;
        } catch (RuntimeException e) {
            notes.add("the last event commit could not be read; positions are tried up to the position counter");
        }
        MVStore store = map.getStore();
        for (String name : store.getMapNames()) {
            if (name.endsWith("." + CounterDocument.COLLECTION) && name.startsWith("databases.")) {
                try {
                    MVMap<Object, Object> counters = store.openMap(name, new MVMap.Builder<>().valueType(CompactValues.INSTANCE));
                    if (counters.get(CounterDocument.EVENTS) instanceof Document counter
                            && counter.get(CounterDocument.VALUE) instanceof Number value) {
                        highest = Math.max(highest, value.longValue());
                    }
                } catch (RuntimeException e) {
                    notes.add("the position counter could not be read");
                }
            }
        }
        return highest;
    }

    private static void add(MongoCollection<RawBsonDocument> target, List<RawBsonDocument> batch, Document document) {
        batch.add(new RawBsonDocument(bson(document)));
        if (batch.size() >= BATCH) {
            flush(target, batch);
        }
    }

    private static void flush(MongoCollection<RawBsonDocument> target, List<RawBsonDocument> batch) {
        if (!batch.isEmpty()) {
            target.insertMany(batch);
            batch.clear();
        }
    }

    private static byte[] bson(Document document) {
        ByteBuf buffer = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, buffer);
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return bytes;
        } finally {
            buffer.release();
        }
    }

}
