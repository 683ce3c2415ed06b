package org.learninglog.embedded;

import de.bwaldvogel.mongo.bson.Document;

/**
 * A document as a collection's map holds it: its BSON bytes, decoded afresh for each reader.
 *
 * <p>Why not the document itself: the MVStore's page cache keeps the values of the pages it holds,
 * and a document is a tree of maps, strings and lists, hundreds of objects for a page of a
 * timeline. Every document a rebuild inserts stayed in the cache as such a tree until its page was
 * let go, long enough for the collector to copy it out of the young generation and trace it again
 * in the old: most of a rebuild's collector time, which was a third of its CPU. As bytes, a
 * document is one array the collector copies without looking inside, a page's commit copies it as
 * it is, and the cache holds more documents in the same memory. The price is a decoding per read,
 * which a read through the wire paid anyway for any document the cache had let go.
 */
final class StoredBson {

    private final byte[] bytes;

    StoredBson(byte[] bytes) {
        this.bytes = bytes;
    }

    static StoredBson of(Document document) {
        return new StoredBson(DocumentBson.encode(document));
    }

    /** A new document of these bytes, the reader's own to change. */
    Document document() {
        return DocumentBson.decode(bytes);
    }

    byte[] bytes() {
        return bytes;
    }

    /** A stored value as a document, whether the map kept its bytes or (read by a tool) decoded it. */
    static Document documentOf(Object value) {
        if (value instanceof StoredBson stored) {
            return stored.document();
        }
        return (Document) value;
    }
}
