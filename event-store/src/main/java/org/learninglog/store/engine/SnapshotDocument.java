package org.learninglog.store.engine;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.conversions.Bson;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static org.learninglog.store.engine.CommitDocument.AGGREGATE_TYPE;
import static org.learninglog.store.engine.CommitDocument.ID;
import static org.learninglog.store.engine.CommitDocument.META;
import static org.learninglog.store.engine.CommitDocument.PAYLOAD;
import static org.learninglog.store.engine.CommitDocument.REVISION;
import static org.learninglog.store.engine.CommitDocument.SEQUENCE;
import static org.learninglog.store.engine.CommitDocument.TIMESTAMP;
import static org.learninglog.store.engine.CommitDocument.TYPE;

/**
 * The stored shape of a snapshot in {@code snapshots}: the latest one of an aggregate, under the
 * aggregate's identifier, with the fields of a stored event ({@link CommitDocument}) and the
 * aggregate's type; {@code seq} is the sequence number of the last event it covers.
 */
public final class SnapshotDocument {

    /** The collection of snapshots (behind the optional prefix). */
    public static final String COLLECTION = "snapshots";
    /** Primary key: the aggregate's identifier. */
    public static final String AGGREGATE = "_id";

    private SnapshotDocument() {
    }

    static Document of(DomainEventMessage<?> snapshot, Serializer serializer) {
        SerializedObject<String> payload = snapshot.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = snapshot.serializeMetaData(serializer, String.class);
        return new Document(AGGREGATE, snapshot.getAggregateIdentifier())
                .append(AGGREGATE_TYPE, snapshot.getType())
                .append(SEQUENCE, snapshot.getSequenceNumber())
                .append(ID, snapshot.getIdentifier())
                .append(TYPE, payload.getType().getName())
                .append(REVISION, payload.getType().getRevision())
                .append(TIMESTAMP, snapshot.getTimestamp().toString())
                .append(PAYLOAD, payload.getData())
                .append(META, metaData.getData());
    }

    static GenericDomainEventEntry<String> entry(Document snapshot, String aggregateIdentifier) {
        return new GenericDomainEventEntry<>(snapshot.getString(AGGREGATE_TYPE), aggregateIdentifier,
                sequence(snapshot), snapshot.getString(ID), snapshot.getString(TIMESTAMP), snapshot.getString(TYPE),
                snapshot.getString(REVISION), snapshot.getString(PAYLOAD), snapshot.getString(META));
    }

    /** The sequence number of the last event the snapshot covers. */
    static long sequence(Document snapshot) {
        return snapshot.getLong(SEQUENCE);
    }

    static Bson ofAggregate(String aggregateIdentifier) {
        return eq(AGGREGATE, aggregateIdentifier);
    }

    /** The aggregate's snapshot if it is older than this one (so only an older one is replaced). */
    static Bson olderThan(DomainEventMessage<?> snapshot) {
        return and(eq(AGGREGATE, snapshot.getAggregateIdentifier()), lt(SEQUENCE, snapshot.getSequenceNumber()));
    }
}
