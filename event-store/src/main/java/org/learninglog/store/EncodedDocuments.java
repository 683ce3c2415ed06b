package org.learninglog.store;

import org.bson.RawBsonDocument;

import java.util.Collection;
import java.util.List;

/**
 * Documents of the embedded store that runs in this process, read and written as their BSON bytes,
 * without the wire. Over the wire, the server decodes each document it is sent into a tree of its
 * own and encodes it again to store it, and decodes each it reads to encode it into its answer: a
 * rebuild writes a million documents and more, and a live batch reads back every document it
 * changes. Writes do not wait for the journal, as a rebuild's bulks over the wire do not: the write
 * that flips the generation's pointer makes them durable. Only {@link MongoStore#encodedDocuments()}
 * gives one, and only when the store is the embedded one of this process.
 */
public interface EncodedDocuments {

    /** Inserts {@code documents} into {@code collection} of the store's database, created if it is not there. */
    void insert(String collection, List<RawBsonDocument> documents);

    /** Puts each of {@code documents} in place of the one with its {@code _id} in {@code collection}, or inserts it if there is none. */
    void replace(String collection, List<RawBsonDocument> documents);

    /**
     * The documents of {@code collection} whose {@code _id} is one of {@code ids} (those not there are
     * left out), as the store holds them; {@code null} when the collection's documents cannot be read
     * so (an index beside {@code _id}'s): then read them through the driver.
     */
    List<RawBsonDocument> find(String collection, Collection<String> ids);
}
