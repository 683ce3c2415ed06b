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
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * Keys in their own collection ({@code personal_keys}), one document per person keyed by their
 * identifier: every read is an exact {@code _id} lookup. Erasing removes the key bytes and keeps
 * only a note that it happened, so the person is not given a fresh key by mistake.
 */
public final class MongoPersonalKeys implements PersonalKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final MongoCollection<Document> keys;

    public MongoPersonalKeys(MongoDatabase database) {
        this.keys = database.getCollection("personal_keys");
    }

    @Override
    public SecretKey keyFor(String personId) {
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
        Document found = keys.find(eq("_id", personId)).first();
        return found == null || found.get("key") == null ? Optional.empty()
                : Optional.of(aes(found.get("key", Binary.class).getData()));
    }

    @Override
    public boolean erase(String personId) {
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
