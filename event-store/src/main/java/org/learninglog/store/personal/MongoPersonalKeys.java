package org.learninglog.store.personal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.SecureRandom;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.eq;

/**
 * Keys in their own collection ({@code personal_keys}), one document per person keyed by their
 * identifier: every read is an exact {@code _id} lookup. Erasing removes the key bytes and keeps
 * only a note that it happened, so the person is not given a fresh key by mistake.
 */
public final class MongoPersonalKeys implements PersonalKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Keys read in the last few seconds, so that a replay or a burst of appends does not look up
     * the same person's key once per event. Erasing here drops the entry at once; another process
     * that erased a key is noticed within this time.
     */
    private static final long CACHE_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final int CACHE_ENTRIES = 10_000;

    private final MongoCollection<Document> keys;
    private final Map<String, Cached> recent = new ConcurrentHashMap<>();

    private record Cached(SecretKey key, long readAt) {
    }

    public MongoPersonalKeys(MongoDatabase database) {
        this.keys = database.getCollection("personal_keys");
    }

    @Override
    public SecretKey keyFor(String personId) {
        Cached cached = recent.get(personId);
        if (cached != null && System.nanoTime() - cached.readAt() < CACHE_NANOS) {
            return cached.key();
        }
        SecretKey key = load(personId);
        remember(personId, key);
        return key;
    }

    private void remember(String personId, SecretKey key) {
        if (recent.size() >= CACHE_ENTRIES) {
            recent.clear();
        }
        recent.put(personId, new Cached(key, System.nanoTime()));
    }

    private SecretKey load(String personId) {
        Document found = keys.find(eq("_id", personId)).first();
        if (found == null) {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            try {
                keys.insertOne(new Document("_id", personId).append("key", new Binary(fresh)).append("createdAt", new Date()));
                return aes(fresh);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                found = keys.find(eq("_id", personId)).first(); // another writer created it first: use theirs
            }
        }
        if (found == null || found.get("key") == null) {
            throw new PersonErased(personId);
        }
        return aes(found.get("key", Binary.class).getData());
    }

    @Override
    public Optional<SecretKey> find(String personId) {
        Cached cached = recent.get(personId);
        if (cached != null && System.nanoTime() - cached.readAt() < CACHE_NANOS) {
            return Optional.of(cached.key());
        }
        Document found = keys.find(eq("_id", personId)).first();
        if (found == null || found.get("key") == null) {
            return Optional.empty();
        }
        SecretKey key = aes(found.get("key", Binary.class).getData());
        remember(personId, key);
        return Optional.of(key);
    }

    @Override
    public boolean erase(String personId) {
        recent.remove(personId);
        Document before = keys.findOneAndUpdate(eq("_id", personId),
                Updates.combine(Updates.unset("key"), Updates.set("erasedAt", new Date())));
        if (before == null) {
            keys.insertOne(new Document("_id", personId).append("erasedAt", new Date()));
            return false;
        }
        return before.get("key") != null;
    }

    @Override
    public boolean isErased(String personId) {
        Document found = keys.find(eq("_id", personId)).first();
        return found != null && found.get("key") == null;
    }

    private static SecretKey aes(byte[] bytes) {
        return new SecretKeySpec(bytes, "AES");
    }
}
