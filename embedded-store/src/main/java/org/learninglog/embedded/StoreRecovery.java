package org.learninglog.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.bson.RawBsonDocument;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies what can still be read from a damaged store file into a new store. Only what the events
 * cannot give back is copied, the collections the event store names as kept in its
 * {@link EventStoreLayout}: the events themselves, the position counter, the personal data keys,
 * the integrity chain (seals, heads, checkpoints) and the idempotency records. Views, tracking
 * tokens, snapshots and dead letters are left behind: on its first start the new store's
 * processors find no tokens and rebuild everything from the events.
 *
 * <p>The damaged file is never written: the work is done on a copy. If the copy does not open,
 * H2's {@link MVStoreTool#repair} rolls it back to the newest version that does. Events are read
 * position by position, so a damaged page costs only the commits on it.
 */
final class StoreRecovery {

    private static final int BATCH = 500;

    private final EventStoreLayout layout;

    private final List<String> notes = new ArrayList<>();
    private final List<String> lost = new ArrayList<>();
    private long commits;

    private long highestCopied;

    private StoreRecovery(EventStoreLayout layout) {
        this.layout = layout;
    }

    static RecoveryReport recover(Path damagedDir, Path newDir, EventStoreLayout layout) throws IOException {
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
            StoreRecovery recovery = new StoreRecovery(layout);
            try (MVStore source = recovery.openReadOnly(copy);
                 EmbeddedMongo target = EmbeddedMongo.start(newDir, 0, layout);
                 MongoClient client = MongoClients.create(target.uri())) {
                for (String database : recovery.databases(source)) {
                    for (String collection : layout.kept()) {
                        recovery.copy(source, database, collection, client.getDatabase(database).getCollection(collection, RawBsonDocument.class));
                    }
                    // Never hand out a position a copied commit holds, even if the counter was lost.
                    client.getDatabase(database).getCollection(layout.counters()).updateOne(Filters.eq("_id", layout.counterId()),
                            Updates.max(layout.counterValue(), recovery.highestCopied), new UpdateOptions().upsert(true));
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
            MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
            if (StoreFile.openedOlderThanRecorded(store)) {
                lost.add("the writes after version " + store.getCurrentVersion() + " of the file: it opens only at that version,"
                        + " older than version " + StoreFile.recordedVersion(store) + " it recorded (what they held is not in the new store)");
            }
            return store;
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

    /** The databases that hold events: the H2 backend names a collection's map {@code databases.<database>.<collection>}. */
    private List<String> databases(MVStore store) {
        String events = "." + layout.events();
        return store.getMapNames().stream()
                .filter(name -> name.startsWith("databases.") && name.endsWith(events))
                .map(name -> name.substring("databases.".length(), name.length() - events.length()))
                .toList();
    }

    private void copy(MVStore source, String database, String collection, MongoCollection<RawBsonDocument> target) {
        String name = KeyOrderedH2Database.dataMapName(database + "." + collection);
        if (!source.hasMap(name)) {
            return;
        }
        MVMap<Object, Object> map = source.openMap(name, new MVMap.Builder<>().keyType(CompactValues.INSTANCE).valueType(CompactValues.INSTANCE));
        List<RawBsonDocument> batch = new ArrayList<>();
        long copied = collection.equals(layout.events()) ? copyEvents(map, target, batch) : copyAll(collection, map, target, batch);
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
        CommitCheck shape = layout.commits();
        for (long position = 1; position <= highest + layout.maxCommitSize(); position++) {
            Object value;
            try {
                value = map.get(position);
                if (value != null && shape.problem(value) != null) {
                    throw new IllegalStateException("the commit there " + shape.problem(value));
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
                highestCopied = Math.max(highestCopied, shape.lastPosition(commit));
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
            if (name.endsWith("." + layout.counters()) && name.startsWith("databases.")) {
                try {
                    MVMap<Object, Object> counters = store.openMap(name, new MVMap.Builder<>().valueType(CompactValues.INSTANCE));
                    if (counters.get(layout.counterId()) instanceof Document counter && counter.get(layout.counterValue()) instanceof Number value) {
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
        batch.add(new RawBsonDocument(DocumentBson.encode(document)));
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
}
