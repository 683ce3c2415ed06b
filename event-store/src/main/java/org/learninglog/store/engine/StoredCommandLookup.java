package org.learninglog.store.engine;

import com.mongodb.client.MongoCollection;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.util.Optional;

/** Reads what the store holds of a command from the commit that carries its receipt key ({@link CommandReceipt}). */
final class StoredCommandLookup {

    private final MongoCollection<Document> events;
    private final Serializer serializer;

    StoredCommandLookup(MongoCollection<Document> events, Serializer serializer) {
        this.events = events;
        this.serializer = serializer;
    }

    /** One exact-key lookup of the unique index. */
    Optional<CommandReceipt.Stored> byReceipt(String receipt) {
        Document commit = events.find(CommitQueries.withKey(receipt)).first();
        if (commit == null) {
            return Optional.empty();
        }
        Document firstEvent = CommitDocument.events(commit).get(0);
        MetaData meta = serializer.deserialize(new SimpleSerializedObject<>(CommitDocument.metaData(firstEvent),
                String.class, MetaData.class.getName(), null));
        Object sentBy = meta == null ? null : meta.get(CommandReceipt.SENT_BY);
        return Optional.of(new CommandReceipt.Stored(CommandReceipt.commandIdOf(receipt),
                sentBy instanceof String member ? member : null, CommitDocument.stream(commit),
                CommitDocument.aggregateType(commit), CommitDocument.lastSequence(commit),
                CommitDocument.position(commit), CommitDocument.count(commit)));
    }
}
