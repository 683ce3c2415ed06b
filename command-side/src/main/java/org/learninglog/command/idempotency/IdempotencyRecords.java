package org.learninglog.command.idempotency;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.types.Binary;
import org.learninglog.store.MongoStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

/**
 * The durable memory of idempotency keys: one document per key (its {@code _id}, so the database
 * refuses a second claim), holding a fingerprint of the request and, once answered, the answer.
 * It survives restarts, unlike a cache.
 */
@Component
class IdempotencyRecords {

    static final String COLLECTION = "idempotency_keys";

    private final MongoCollection<Document> records;

    IdempotencyRecords(MongoStore store) {
        this.records = store.database().getCollection(COLLECTION);
    }

    /** The first answer stored under a key. */
    record StoredAnswer(int status, String contentType, String location, String etag, byte[] body) {
    }

    /** What is known of a key: the request's fingerprint and, once answered, the answer. */
    record Claim(String fingerprint, StoredAnswer answer) {
    }

    /** Claims the key for a request; empty if this request is the first, otherwise what the key holds. */
    Optional<Claim> claim(String key, String fingerprint) {
        try {
            records.insertOne(new Document("_id", key).append("fingerprint", fingerprint)
                    .append("claimedAt", Instant.now().toString()));
            return Optional.empty();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document existing = records.find(eq("_id", key)).first();
            if (existing == null) {
                // Released between our insert and our read: claim again.
                return claim(key, fingerprint);
            }
            Document answer = existing.get("answer", Document.class);
            return Optional.of(new Claim(existing.getString("fingerprint"), answer == null ? null
                    : new StoredAnswer(answer.getInteger("status"), answer.getString("contentType"),
                    answer.getString("location"), answer.getString("etag"),
                    answer.get("body", Binary.class).getData())));
        }
    }

    void answered(String key, StoredAnswer answer) {
        records.updateOne(and(eq("_id", key)), combine(set("answer", new Document("status", answer.status())
                .append("contentType", answer.contentType()).append("location", answer.location())
                .append("etag", answer.etag()).append("body", new Binary(answer.body())))));
    }

    /** A request that stored nothing gives its key back, so that a retry is judged afresh. */
    void release(String key) {
        records.deleteOne(eq("_id", key));
    }
}
