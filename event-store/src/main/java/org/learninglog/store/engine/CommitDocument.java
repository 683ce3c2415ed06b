package org.learninglog.store.engine;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/**
 * The stored shape of a commit in {@code events}: every field name, what it means, and the code
 * that writes a commit and reads its events back. A commit is one document however many events it holds, so a
 * reader sees it whole or not at all, with or without transactions. A gap fence is a commit of
 * one position holding no event. The embedded backend checks stored documents against these names.
 */
public final class CommitDocument {

    /** The collection of commits (behind the optional prefix). */
    public static final String COLLECTION = "events";
    /** The most events one commit may hold; bounds the look-back for a token inside a commit. */
    public static final int MAX_EVENTS = 256;

    /** Primary key: the global position of the commit's first event. */
    public static final String POSITION = "_id";
    /** How many positions the commit covers: its events, or 1 for a fence. */
    public static final String COUNT = "n";
    /** {@code true} on a gap fence: a position readers passed over, that now never holds an event. */
    public static final String GAP = "gap";
    /** The aggregate the events belong to ({@code ~event:<id>} for loose events, {@code ~gap:<position>} for a fence). */
    public static final String STREAM = "stream";
    /** On a commit, the aggregate sequence number of its first event; on an event, its own. */
    public static final String SEQUENCE = "seq";
    /** The aggregate sequence number of the commit's last event. */
    public static final String LAST_SEQUENCE = "lastSeq";
    /** The aggregate's type; absent ({@code null}) for loose events. */
    public static final String AGGREGATE_TYPE = "aggType";
    /** When the commit was stored: what a token for a point in time is searched by. */
    public static final String STORED_AT = "at";
    /**
     * The field of the one unique (multikey) index: {@code aggregate#sequence} per event (optimistic
     * concurrency), each event identifier (idempotency) and the {@link CommandReceipt} key if any.
     */
    public static final String KEYS = "keys";
    /** The commit's events, in order; each a document of the fields below. */
    public static final String EVENTS = "events";

    /** An event's identifier. */
    public static final String ID = "id";
    /** The serialized payload's type name and revision. */
    public static final String TYPE = "type";
    public static final String REVISION = "rev";
    /** The event's own timestamp (ISO-8601), as Axon gave it. */
    public static final String TIMESTAMP = "ts";
    /** The serialized payload and metadata (JSON), never upcast. */
    public static final String PAYLOAD = "payload";
    public static final String META = "meta";

    private static final String GAP_STREAM_PREFIX = "~gap:";
    private static final String LOOSE_STREAM_PREFIX = "~event:";
    private static final String SLOT_SEPARATOR = "#";

    static final Comparator<Document> BY_POSITION = Comparator.comparingLong(CommitDocument::position);
    static final Comparator<Document> BY_SEQUENCE = Comparator.comparingLong(CommitDocument::firstSequence);

    private CommitDocument() {
    }

    /**
     * The commit of {@code messages}: one aggregate's events in sequence, or events of no aggregate.
     * Its position and time are set by {@link #place} once positions are reserved.
     */
    static Document of(List<? extends EventMessage<?>> messages, Serializer serializer) {
        EventMessage<?> first = messages.get(0);
        String stream;
        long firstSeq;
        String aggregateType = null;
        if (first instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
            stream = domain.getAggregateIdentifier();
            firstSeq = domain.getSequenceNumber();
            aggregateType = domain.getType();
        } else {
            stream = LOOSE_STREAM_PREFIX + first.getIdentifier();
            firstSeq = 0;
        }
        List<Document> stored = new ArrayList<>(messages.size());
        List<String> keys = new ArrayList<>(messages.size() * 2);
        long expectedSeq = firstSeq;
        for (EventMessage<?> message : messages) {
            Document event = new Document(ID, message.getIdentifier());
            if (aggregateType != null) {
                if (!(message instanceof DomainEventMessage<?> domain) || !stream.equals(domain.getAggregateIdentifier())
                        || domain.getSequenceNumber() != expectedSeq) {
                    throw new EventStoreException("A commit holds the events of one aggregate in sequence; "
                            + message.getIdentifier() + " breaks that");
                }
                keys.add(slotKey(stream, expectedSeq));
                event.append(SEQUENCE, expectedSeq++);
            }
            SerializedObject<String> payload = message.serializePayload(serializer, String.class);
            SerializedObject<String> metaData = message.serializeMetaData(serializer, String.class);
            event.append(TYPE, payload.getType().getName())
                    .append(REVISION, payload.getType().getRevision())
                    .append(TIMESTAMP, message.getTimestamp().toString())
                    .append(PAYLOAD, payload.getData())
                    .append(META, metaData.getData());
            stored.add(event);
            keys.add(message.getIdentifier());
        }
        String receipt = CommandReceipt.keyOf(first);
        if (receipt != null) {
            keys.add(receipt);
        }
        // _id and at are known only once positions are reserved: null until then, they keep
        // their place in the stored field order.
        return new Document(POSITION, null)
                .append(COUNT, messages.size())
                .append(STREAM, stream)
                .append(SEQUENCE, firstSeq)
                .append(LAST_SEQUENCE, aggregateType == null ? firstSeq : expectedSeq - 1)
                .append(AGGREGATE_TYPE, aggregateType)
                .append(STORED_AT, null)
                .append(KEYS, keys)
                .append(EVENTS, stored);
    }

    /** Puts the commit at the positions from {@code first}, stored at {@code at}. */
    static void place(Document commit, long first, Date at) {
        commit.put(POSITION, first);
        commit.put(STORED_AT, at);
    }

    /** The fence of one position: it takes the position and a key of its own, and holds no event. */
    static Document fence(long position, Date at) {
        String key = GAP_STREAM_PREFIX + position;
        return new Document(POSITION, position).append(COUNT, 1).append(GAP, true).append(STREAM, key)
                .append(SEQUENCE, 0L).append(LAST_SEQUENCE, 0L).append(KEYS, List.of(key))
                .append(STORED_AT, at);
    }

    /** The unique key of an aggregate's sequence number. */
    static String slotKey(String stream, long seq) {
        return stream + SLOT_SEPARATOR + seq;
    }

    /** Whether a commit's key is one of its aggregate's sequence keys (not an event or command key). */
    static boolean isSlotKeyOf(Document commit, String key) {
        return key.startsWith(stream(commit) + SLOT_SEPARATOR);
    }

    static long position(Document commit) {
        return commit.getLong(POSITION);
    }

    static int count(Document commit) {
        return commit.getInteger(COUNT);
    }

    /** The position after the commit's last. */
    static long end(Document commit) {
        return position(commit) + count(commit);
    }

    static boolean isFence(Document commit) {
        return commit.getBoolean(GAP, false);
    }

    static String stream(Document commit) {
        return commit.getString(STREAM);
    }

    static String aggregateType(Document commit) {
        return commit.getString(AGGREGATE_TYPE);
    }

    static long firstSequence(Document commit) {
        return commit.getLong(SEQUENCE);
    }

    static long lastSequence(Document commit) {
        return commit.getLong(LAST_SEQUENCE);
    }

    static Date storedAt(Document commit) {
        return commit.getDate(STORED_AT);
    }

    static List<String> keys(Document commit) {
        return commit.getList(KEYS, String.class);
    }

    static List<Document> events(Document commit) {
        return commit.getList(EVENTS, Document.class);
    }

    static String metaData(Document event) {
        return event.getString(META);
    }

    static List<String> eventIds(Document commit) {
        return events(commit).stream().map(e -> e.getString(ID)).toList();
    }

    /** One stored event as Axon reads it, still serialized. */
    static GenericDomainEventEntry<String> entry(Document commit, Document event) {
        String aggregateType = aggregateType(commit);
        boolean domain = aggregateType != null;
        return new GenericDomainEventEntry<>(aggregateType, domain ? stream(commit) : null,
                domain ? event.getLong(SEQUENCE) : 0L, event.getString(ID), event.getString(TIMESTAMP),
                event.getString(TYPE), event.getString(REVISION), event.getString(PAYLOAD), event.getString(META));
    }

    /** Fails with the position when a stored commit lacks what every commit is written with. */
    static void requireReadable(Document commit, long reading) {
        if (!(commit.get(POSITION) instanceof Long start)) {
            throw new UnreadableEvent(reading, "a stored commit near it has no position");
        }
        if (!(commit.get(COUNT) instanceof Integer count) || count < 1) {
            throw new UnreadableEvent(start, "its commit does not say how many events it holds");
        }
        if (isFence(commit)) {
            return;
        }
        if (!(commit.get(EVENTS) instanceof List<?> stored) || stored.size() != count) {
            throw new UnreadableEvent(start, "its commit does not hold the " + count + " events it counts");
        }
        for (int offset = 0; offset < count; offset++) {
            if (!(stored.get(offset) instanceof Document event) || !(event.get(ID) instanceof String)
                    || !(event.get(TYPE) instanceof String) || !(event.get(TIMESTAMP) instanceof String)
                    || !(event.get(PAYLOAD) instanceof String)) {
                throw new UnreadableEvent(start + offset, "its identifier, type, time or payload is missing");
            }
        }
    }
}
