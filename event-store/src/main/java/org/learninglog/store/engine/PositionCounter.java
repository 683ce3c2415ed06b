package org.learninglog.store.engine;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import static com.mongodb.client.model.Filters.eq;
import static org.learninglog.store.engine.CounterDocument.EVENTS;
import static org.learninglog.store.engine.CounterDocument.NAME;
import static org.learninglog.store.engine.CounterDocument.VALUE;

/**
 * Hands out global positions from one counter document ({@link CounterDocument}), atomically: an
 * {@code $inc} on {@code _id}, which every server answers from its primary key. On the embedded
 * server the {@code $inc} runs in this process ({@link PositionReserver}): a command round trip
 * less per append, on the same document under the same write lock.
 */
final class PositionCounter {

    private final MongoCollection<Document> counters;
    private final PositionReserver inProcess;

    PositionCounter(MongoCollection<Document> counters, PositionReserver inProcess) {
        this.counters = counters;
        this.inProcess = inProcess;
    }

    /** Reserves {@code count} positions and returns the last of them. */
    long reserve(int count) {
        if (inProcess != null) {
            return inProcess.reserve(counters.getNamespace().getCollectionName(), EVENTS, count);
        }
        Document after = counters.findOneAndUpdate(eq(NAME, EVENTS), Updates.inc(VALUE, (long) count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return after.get(VALUE, Number.class).longValue();
    }

    /** The highest position reserved so far, written or not; 0 on an empty store. */
    long head() {
        Document current = counters.find(eq(NAME, EVENTS)).first();
        return current == null ? 0 : current.get(VALUE, Number.class).longValue();
    }
}
