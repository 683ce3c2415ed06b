package org.learninglog.store.engine;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.List;
import java.util.stream.LongStream;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.learninglog.store.engine.CommitDocument.KEYS;
import static org.learninglog.store.engine.CommitDocument.POSITION;

/**
 * Every query the engine asks of the commits, and the index they rely on. Each is an exact-key
 * lookup of the primary key or of the one unique index, on MongoDB and on the embedded server
 * alike, so its cost does not grow with the history.
 */
final class CommitQueries {

    private CommitQueries() {
    }

    /**
     * Creates the one unique multikey index on {@link CommitDocument#KEYS}. It does both checks
     * (idempotency and optimistic concurrency, also for commits that overlap without starting at
     * the same number) and finds the commit holding an aggregate's sequence number by exact key.
     * Every extra index costs each append a write (on the embedded server a page rewrite), so
     * there is just this one.
     */
    static void ensureIndex(MongoCollection<Document> events) {
        events.createIndex(Indexes.ascending(KEYS), new IndexOptions().unique(true).name(KEYS));
    }

    /** The commit that carries this key, if any. */
    static Bson withKey(String key) {
        return eq(KEYS, key);
    }

    /** The commits that carry any of these keys. */
    static Bson withAnyKey(List<String> keys) {
        return in(KEYS, keys);
    }

    /** The commit that starts at {@code position}. */
    static Bson at(long position) {
        return eq(POSITION, position);
    }

    /** The commits that start at a position from {@code from} to {@code to}. */
    static Bson startingIn(long from, long to) {
        return in(POSITION, LongStream.rangeClosed(from, to).boxed().toList());
    }
}
