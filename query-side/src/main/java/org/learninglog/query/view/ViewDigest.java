package org.learninglog.query.view;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.learninglog.store.personal.PersonalValues;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * A fingerprint of a whole view generation: SHA-256 over its documents in {@code _id} order.
 * Two generations with the same digest hold the same documents. It reads the whole collection,
 * so it is an admin and test tool, never a query path.
 */
public final class ViewDigest {

    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private ViewDigest() {
    }

    public record Digest(long documents, String sha256) {
    }

    public static Digest of(MongoCollection<Document> collection) {
        return of(collection, null);
    }

    /**
     * The digest of the view as it reads: a value sealed for a person whose data was erased counts
     * as the erasure marker, which is what a rebuild writes in its place. So a view built before an
     * erasure and one rebuilt after it have the same digest when they read the same.
     */
    public static Digest of(MongoCollection<Document> collection, PersonalValues personalValues) {
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Document document : collection.find()) {
            if (personalValues != null) {
                document = (Document) asRead(document, null, personalValues);
            }
            sorted.put(String.valueOf(document.get("_id")), document.toJson(CANONICAL));
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sorted.values().forEach(json -> sha.update(json.getBytes(StandardCharsets.UTF_8)));
            return new Digest(sorted.size(), HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static Object asRead(Object value, String personId, PersonalValues values) {
        if (value instanceof Document document) {
            String person = document.get("personId") instanceof String id ? id : personId;
            Document copy = new Document();
            document.forEach((key, inner) -> copy.put(key, asRead(inner, person, values)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(inner -> asRead(inner, personId, values)).toList();
        }
        if (value instanceof String text && personId != null) {
            return values.asErased(personId, text);
        }
        return value;
    }
}
