package org.learninglog.store.engine;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Fences gaps. A position can be reserved and not yet written (a writer in flight) or never
 * written (a writer that died). Readers wait for it at most the gap timeout, then insert a fence
 * ({@link CommitDocument#fence}) under that position: a writer that was only slow then fails on
 * the primary key and writes under new positions, so an event is never skipped, only moved later.
 */
final class GapFence {

    private final MongoCollection<Document> events;
    private final Duration timeout;
    private final Clock clock;
    /** When a reader first found each missing position, shared by all readers of this engine. */
    private final ConcurrentMap<Long, Long> firstSeen = new ConcurrentHashMap<>();

    GapFence(MongoCollection<Document> events, Duration timeout, Clock clock) {
        this.events = events;
        this.timeout = timeout;
        this.clock = clock;
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * Fences the positions {@code from..to} once the first of them has been missing for longer
     * than the gap timeout. Returns whether it did (so the caller reads again).
     */
    boolean fenceIfOverdue(long from, long to) {
        long now = clock.millis();
        long seen = firstSeen.computeIfAbsent(from, position -> now);
        if (now - seen < timeout.toMillis()) {
            return false;
        }
        fence(from, to);
        firstSeen.remove(from);
        return true;
    }

    /** Forgets the missing positions before {@code next}: they were filled in time. */
    void filledBefore(long next) {
        if (!firstSeen.isEmpty()) {
            firstSeen.keySet().removeIf(position -> position < next);
        }
    }

    /** Inserts a fence at each position from..to that no commit holds yet. */
    void fence(long from, long to) {
        Date now = new Date(clock.millis());
        List<Document> fences = new ArrayList<>();
        for (long position = from; position <= to; position++) {
            fences.add(CommitDocument.fence(position, now));
        }
        try {
            events.insertMany(fences, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (!MongoErrors.onlyDuplicateKeys(e)) {
                throw e; // a writer that got there first is fine; anything else is not
            }
        }
    }

    /** Whether a reader fenced this position. */
    boolean isFenced(long position) {
        Document holder = events.find(CommitQueries.at(position)).first();
        return holder != null && CommitDocument.isFence(holder);
    }
}
