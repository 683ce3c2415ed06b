package org.learninglog.query.view;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Document document : collection.find()) {
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
}
