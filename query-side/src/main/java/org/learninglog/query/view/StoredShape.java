package org.learninglog.query.view;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts the documents a batch changed into the shape the collection would give them back in, as
 * the next event would have read them had each event been written on its own: an instant a date,
 * every list a mutable list, and no sub-document or list shared by two places (two documents, or
 * two fields of one), as two reads from the collection never share one.
 *
 * <p>Why not encode each document to BSON and decode it again after every event, which gives that
 * shape by definition: the pages a batch appends to hold up to a hundred lines, and an event
 * changes a dozen of them, so the round trip re-encoded megabytes per batch and was most of a live
 * view's time. A walk over the values costs a fraction of that; only a value of a type it does not
 * know, and a container found in a second place, take the codec's round trip.
 *
 * <p>Which document owns each container is kept for the whole batch, so that a line appended to a
 * page and to a facet's page in the same event is copied for the second, as reading them from the
 * collection would have.
 */
final class StoredShape {

    private static final String VALUE = "v";

    private final Codec<Document> codec;
    /** Each container met, and the id of the document it belongs to. */
    private final Map<Object, String> owners = new IdentityHashMap<>();

    StoredShape(Codec<Document> codec) {
        this.codec = codec;
    }

    /** {@code document} (the one of {@code id}), changed in place into its stored shape. */
    Document of(String id, Document document) {
        owners.put(document, id);
        fields(document, id, Collections.newSetFromMap(new IdentityHashMap<>()));
        return document;
    }

    private void fields(Document document, String id, Set<Object> seen) {
        for (Map.Entry<String, Object> field : document.entrySet()) {
            Object value = field.getValue();
            Object stored = value(value, id, seen);
            if (stored != value) {
                field.setValue(stored);
            }
        }
    }

    private Object value(Object value, String id, Set<Object> seen) {
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Double || value instanceof Boolean || value instanceof Date
                || value instanceof ObjectId || value instanceof Decimal128 || value instanceof Binary) {
            return value;
        }
        if (value instanceof Instant instant) {
            return Date.from(instant);
        }
        if (value instanceof Document document) {
            if (!claim(document, id, seen)) {
                return copy(document, id, seen);
            }
            fields(document, id, seen);
            return document;
        }
        if (value instanceof ArrayList<?> list && list.getClass() == ArrayList.class) {
            if (!claim(list, id, seen)) {
                return copy(list, id, seen);
            }
            @SuppressWarnings("unchecked")
            List<Object> items = (List<Object>) list;
            for (int i = 0; i < items.size(); i++) {
                Object item = items.get(i);
                Object stored = value(item, id, seen);
                if (stored != item) {
                    items.set(i, stored);
                }
            }
            return list;
        }
        return copy(value, id, seen); // a map, a set, an immutable list, an enum...: as the codec writes it
    }

    /** Whether {@code container} may stay where it is: met for the first time in this walk, and no other document's. */
    private boolean claim(Object container, String id, Set<Object> seen) {
        if (!seen.add(container)) {
            return false;
        }
        String owner = owners.putIfAbsent(container, id);
        return owner == null || owner.equals(id);
    }

    /** {@code value} through the codec and back, a copy of its own that then belongs to {@code id}. */
    private Object copy(Object value, String id, Set<Object> seen) {
        Object copy = new RawBsonDocument(new Document(VALUE, value), codec).decode(codec).get(VALUE);
        return value(copy, id, seen);
    }
}
