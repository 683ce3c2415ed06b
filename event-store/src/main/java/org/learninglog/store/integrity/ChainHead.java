package org.learninglog.store.integrity;

import org.bson.Document;

/** The head of one programme's chain: its last sealed event's position, how many it holds, and its hash. */
record ChainHead(long position, long count, String hash) {

    static final ChainHead EMPTY = new ChainHead(0, 0, "");

    static ChainHead from(Document document) {
        return new ChainHead(document.getLong("position"), document.getLong("count"), document.getString("hash"));
    }

    Document toDocument(String programme) {
        return new Document("programme", programme).append("position", position).append("count", count).append("hash", hash);
    }
}
