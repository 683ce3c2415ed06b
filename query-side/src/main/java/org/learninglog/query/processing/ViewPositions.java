package org.learninglog.query.processing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.bson.Document;
import org.bson.types.Binary;
import org.learninglog.query.deadletter.DeadLetterGroups;
import org.learninglog.store.engine.PositionedEventStorageEngine;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

import static com.mongodb.client.model.Filters.in;

/**
 * The global position every view holds: the lowest token of any segment of any processor, read
 * from the tokens in MongoDB (axon-mongo's {@code trackingtokens}), so it is the same whichever
 * query-side process asks, and whichever holds the segments. A view writes its documents before
 * its token, so a token at or past a position means the view holds every event up to it.
 */
@Component
public class ViewPositions {

    static final String TOKENS = "trackingtokens";

    private final MongoCollection<Document> tokens;
    private final DeadLetterGroups groups;
    private final Serializer serializer;

    public ViewPositions(MongoDatabase readModelDatabase, DeadLetterGroups groups, Serializer serializer) {
        this.tokens = readModelDatabase.getCollection(TOKENS);
        this.groups = groups;
        this.serializer = serializer;
    }

    /** The position up to which every view holds every event (0 while a processor has no token yet). */
    public long reflected() {
        Map<String, Long> lowest = byView();
        if (lowest.size() < groups.names().size()) {
            return 0;
        }
        return lowest.values().stream().mapToLong(Long::longValue).min().orElse(0);
    }

    /** Each view's position: the lowest token of its segments; a view whose processor has no token yet is left out. */
    public Map<String, Long> byView() {
        Map<String, Long> lowest = new HashMap<>();
        for (Document entry : tokens.find(in("processorName", groups.names()))) {
            lowest.merge(entry.getString("processorName"), position(entry), Math::min);
        }
        return lowest;
    }

    private long position(Document entry) {
        Object token = entry.get("token");
        String type = entry.getString("tokenType");
        if (token == null || type == null) {
            return 0;
        }
        byte[] bytes = token instanceof Binary binary ? binary.getData() : (byte[]) token;
        Object tracking = serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class,
                new SimpleSerializedType(type, null)));
        return PositionedEventStorageEngine.positionOf((org.axonframework.eventhandling.TrackingToken) tracking);
    }
}
