package org.learninglog.embedded;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the embedded store's file through once when it is opened, so that a damaged file stops
 * the start instead of answering some reads and failing others later. H2 checks each page it
 * reads (its position, length and map); this reads every page of every map, decodes every
 * document, and checks that each event commit has the shape the engine writes. The events come
 * first, then the other collections, then the indexes; the check stops at its time budget (logged),
 * so a very large store still starts in bounded time.
 *
 * <p>Damage anywhere stops the start, naming the map: mongo-java-server opens every collection
 * when it starts, so no part of a damaged file can be left aside. A damaged view is never served:
 * {@code recover} copies the events and what cannot be rebuilt into a new store, and the views are
 * rebuilt from the events when it starts.
 */
final class StoreFileCheck {

    private static final Logger log = LoggerFactory.getLogger(StoreFileCheck.class);

    private final MVStore store;
    private final Path file;
    /** {@code .<events collection>}, as the event store named it. */
    private final String eventsSuffix;
    private final CommitCheck commits;

    StoreFileCheck(MVStore store, Path file, EventStoreLayout layout) {
        this.store = store;
        this.file = file;
        this.eventsSuffix = "." + layout.events();
        this.commits = layout.commits();
    }

    /** Throws {@link StoreDamaged} naming the map and the last good key when something cannot be read. */
    void run(Duration budget) {
        long started = System.nanoTime();
        long deadline = started + budget.toNanos();
        List<String> names = new ArrayList<>(store.getMapNames());
        // Events first, then the other collections' documents, then their indexes (which can be rebuilt).
        names.sort(java.util.Comparator.comparing((String name) -> !isEvents(name)).thenComparing(name -> !name.startsWith("databases.")));
        long entries = 0;
        for (String name : names) {
            if (System.nanoTime() > deadline) {
                log.info("Store check stopped at its budget of {} after {} entries; the rest is read as it is used", budget, entries);
                return;
            }
            entries += check(name);
        }
        log.info("Store check read {} entries of {} maps in {} ms", entries, names.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private long check(String name) {
        boolean events = isEventCommits(name);
        Object lastGood = null;
        long read = 0;
        try {
            // Opening a map reads its root page, which may be the damaged one.
            // A collection's documents are opened as the server will use the map (an open map is
            // not opened again), and each is decoded here, so that the check reads every byte.
            MVMap<Object, Object> map = store.openMap(name, new MVMap.Builder<>().keyType(CompactValues.INSTANCE)
                    .valueType(isDocuments(name) ? CompactValues.KEEPING_BSON : CompactValues.INSTANCE));
            Cursor<Object, Object> cursor = map.cursor(null);
            while (cursor.hasNext()) {
                Object key = cursor.next();
                Object value = cursor.getValue() instanceof StoredBson stored ? stored.document() : cursor.getValue();
                if (events) {
                    lastGood = checkCommit(key, value, lastGood);
                } else {
                    lastGood = key;
                }
                read++;
            }
        } catch (StoreDamaged e) {
            throw e;
        } catch (RuntimeException e) {
            throw damaged(name, lastGood, e);
        }
        return read;
    }

    /** A collection's documents, not its indexes' keys or its meta data. */
    private static boolean isDocuments(String map) {
        return map.startsWith("databases.") && !map.contains("._index_");
    }

    /** Returns the last position the commit covers. */
    private Object checkCommit(Object key, Object value, Object lastGood) {
        String problem = commits.problem(value);
        if (problem != null) {
            throw new StoreDamaged("The event store file " + file + " is damaged: the events commit stored under "
                    + key + " " + problem + "; last good position: " + describe(lastGood) + ". To go on, " + StoreDamaged.whatToDo(file.getParent()) + ".");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> commit = (Map<String, Object>) value;
        return commits.lastPosition(commit);
    }

    private StoreDamaged damaged(String map, Object lastGood, RuntimeException cause) {
        String where = isEvents(map)
                ? "the events cannot be read after position " + describe(lastGood) + " (last good position: " + describe(lastGood) + ")"
                : "the map " + map + " cannot be read after its entry " + describe(lastGood);
        return new StoreDamaged("The event store file " + file + " is damaged: " + where + " (H2: " + plain(cause) + "). To go on, "
                + StoreDamaged.whatToDo(file.getParent()) + ".", cause);
    }

    private static String describe(Object lastGood) {
        return lastGood == null ? "none" : String.valueOf(lastGood);
    }

    static String plain(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        int end = message.indexOf('\n');
        message = end < 0 ? message : message.substring(0, end);
        // H2 describes a page's chunk at length; its first words say what happened
        return message.length() > 100 ? message.substring(0, 100) + "…" : message;
    }

    /** The map of the events' commits (their documents, each checked for the engine's shape). */
    private boolean isEventCommits(String mapName) {
        return mapName.startsWith("databases.") && mapName.endsWith(eventsSuffix);
    }

    /** The events' commits, their indexes or their collection's own bookkeeping: damage there stops the start. */
    private boolean isEvents(String mapName) {
        return (mapName.startsWith("databases.") || mapName.startsWith("meta."))
                && (mapName.endsWith(eventsSuffix) || mapName.contains(eventsSuffix + "."));
    }
}
