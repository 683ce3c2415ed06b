package org.learninglog.command.idempotency;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.types.Binary;
import org.learninglog.store.MongoStore;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

/**
 * The durable memory of idempotency keys: one document per member and key (its {@code _id}, so the
 * database refuses a second claim). A claim holds a fingerprint of the request, the id of the
 * command every attempt of it sends, and its state:
 * <ul>
 *   <li>{@code running}: an attempt holds it until {@code leaseUntil};</li>
 *   <li>{@code failed}: the last attempt ended in a server error, its outcome unknown;</li>
 *   <li>{@code answered}: the request was answered, and the answer is kept.</li>
 * </ul>
 * A claim refused by the application (4xx) is deleted: nothing was stored, and the key is free.
 * Each attempt has its own token ({@code attempt}); a change of state names it, so a late attempt
 * never overwrites a newer one.
 */
@Component
class IdempotencyRecords {

    static final String COLLECTION = "idempotency_keys";
    private static final String RUNNING = "running";
    private static final String FAILED = "failed";
    private static final String ANSWERED = "answered";

    private final MongoCollection<Document> records;
    private final Clock clock;

    IdempotencyRecords(MongoStore store, Clock clock) {
        this.records = store.database().getCollection(COLLECTION);
        this.clock = clock;
    }

    /** The first answer stored under a key. */
    record StoredAnswer(int status, String contentType, String location, String etag, byte[] body) {
    }

    /**
     * What a key holds.
     *
     * @param fingerprint the request it was first used for
     * @param commandId   the id of that request's command, the same in every attempt
     * @param attempt     the token of the latest attempt
     * @param answer      the answer, once there is one
     * @param retryable   whether a new attempt may start now: the last one failed, or its lease ran out
     * @param leaseUntil  until when the running attempt holds the key
     */
    record Claim(String fingerprint, String commandId, String attempt, StoredAnswer answer, boolean retryable,
                 Instant leaseUntil) {
    }

    /**
     * Claims the key for a new request; empty if this request is the first to use it (it then runs
     * under {@code commandId} as attempt {@code attempt}), otherwise what the key holds.
     */
    Optional<Claim> claim(String id, String member, String fingerprint, String commandId, String attempt, Duration lease) {
        try {
            Instant now = clock.instant();
            records.insertOne(new Document("_id", id).append("member", member).append("fingerprint", fingerprint)
                    .append("commandId", commandId).append("attempt", attempt).append("state", RUNNING)
                    .append("claimedAt", Date.from(now)).append("leaseUntil", Date.from(now.plus(lease))));
            return Optional.empty();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Optional<Claim> existing = find(id);
            // Released between our insert and our read: claim again.
            return existing.isPresent() ? existing : claim(id, member, fingerprint, commandId, attempt, lease);
        }
    }

    Optional<Claim> find(String id) {
        Document found = records.find(eq("_id", id)).first();
        if (found == null) {
            return Optional.empty();
        }
        Document answer = found.get("answer", Document.class);
        Instant leaseUntil = found.getDate("leaseUntil").toInstant();
        boolean retryable = FAILED.equals(found.getString("state"))
                || RUNNING.equals(found.getString("state")) && !clock.instant().isBefore(leaseUntil);
        return Optional.of(new Claim(found.getString("fingerprint"), found.getString("commandId"),
                found.getString("attempt"), answer == null ? null : new StoredAnswer(answer.getInteger("status"),
                answer.getString("contentType"), answer.getString("location"), answer.getString("etag"),
                answer.get("body", Binary.class).getData()), retryable, leaseUntil));
    }

    /**
     * Starts a new attempt on a retryable claim, if no other request took it over first; returns
     * the new attempt's token.
     */
    Optional<String> takeOver(String id, Claim claim, Duration lease) {
        String attempt = UUID.randomUUID().toString();
        long changed = records.updateOne(and(eq("_id", id), eq("attempt", claim.attempt())),
                combine(set("attempt", attempt), set("state", RUNNING),
                        set("leaseUntil", Date.from(clock.instant().plus(lease))))).getModifiedCount();
        return changed == 1 ? Optional.of(attempt) : Optional.empty();
    }

    void answered(String id, String attempt, StoredAnswer answer) {
        records.updateOne(and(eq("_id", id), eq("attempt", attempt)), combine(set("state", ANSWERED),
                set("answer", new Document("status", answer.status()).append("contentType", answer.contentType())
                        .append("location", answer.location()).append("etag", answer.etag())
                        .append("body", new Binary(answer.body())))));
    }

    /** The attempt ended in a server error: whether it stored anything is for the next one to find out. */
    void failed(String id, String attempt) {
        records.updateOne(and(eq("_id", id), eq("attempt", attempt)), set("state", FAILED));
    }

    /** The application refused the request and stored nothing: the key is free for a new try. */
    void release(String id, String attempt) {
        records.deleteOne(and(eq("_id", id), eq("attempt", attempt)));
    }
}
