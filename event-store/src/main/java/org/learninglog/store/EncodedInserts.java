package org.learninglog.store;

import org.bson.RawBsonDocument;

import java.util.List;

/**
 * Inserts documents already encoded as BSON into the embedded store that runs in this process,
 * without the wire: a rebuild's new generation is a million and more inserts, and over the wire the
 * server decodes each into a tree of its own and encodes it again to store it. Like the rebuild's
 * bulks over the wire, the inserts do not wait for the journal: the write that flips the
 * generation's pointer makes them durable. Only {@link MongoStore#encodedInserts()} gives one, and
 * only when the store is the embedded one of this process.
 */
@FunctionalInterface
public interface EncodedInserts {

    /** Inserts {@code documents} into {@code collection} of the store's database, created if it is not there. */
    void insert(String collection, List<RawBsonDocument> documents);
}
