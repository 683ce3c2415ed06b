package org.learninglog.store.engine;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.util.stream.Stream;

/** Keeps the latest snapshot of each aggregate ({@link SnapshotDocument}), never replacing a newer one. */
final class SnapshotStore {

    private final MongoCollection<Document> snapshots;

    SnapshotStore(MongoCollection<Document> snapshots) {
        this.snapshots = snapshots;
    }

    void store(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document document = SnapshotDocument.of(snapshot, serializer);
        try {
            // Replace only an older snapshot; against a newer one the upsert hits the primary key.
            snapshots.replaceOne(SnapshotDocument.olderThan(snapshot), document, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (!MongoErrors.isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    Stream<? extends DomainEventData<?>> read(String aggregateIdentifier) {
        Document snapshot = find(aggregateIdentifier);
        return snapshot == null ? Stream.empty() : Stream.of(SnapshotDocument.entry(snapshot, aggregateIdentifier));
    }

    /** The sequence number of the last event the aggregate's snapshot covers, or {@code null} without one. */
    Long lastSequence(String aggregateIdentifier) {
        Document snapshot = find(aggregateIdentifier);
        return snapshot == null ? null : SnapshotDocument.sequence(snapshot);
    }

    private Document find(String aggregateIdentifier) {
        return snapshots.find(SnapshotDocument.ofAggregate(aggregateIdentifier)).first();
    }
}
