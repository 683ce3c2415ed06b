package org.learninglog.query.view;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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
 *
 * <p>A log page's entries ({@link AppendOnlyEntries}) are only appended to: the walk takes those
 * appended since the walk before, not the page's whole list again.
 */
final class StoredShape {

    private static final String VALUE = "v";

    /**
     * Containers a batch is reckoned to meet: a live batch of the programme timeline walks some
     * thousands (its pages' lines), and growing the map from its default of 32 as they came was an
     * eighth of the walk's time in a profile.
     */
    private static final int OWNERS_EXPECTED = 4_096;

    private final Codec<Document> codec;
    /**
     * Each container met, and the walk of the document it belongs to: the walk under way marks what
     * it meets, so that one lookup says both whether a container was met twice in this walk and
     * whether it is another document's.
     */
    private final Map<Object, Walk> owners = new IdentityHashMap<>(OWNERS_EXPECTED);

    StoredShape(Codec<Document> codec) {
        this.codec = codec;
    }

    /** One walk over the document {@code id}. */
    private record Walk(String id) {
    }

    /** {@code document} (the one of {@code id}), changed in place into its stored shape. */
    Document of(String id, Document document) {
        Walk walk = new Walk(id);
        owners.put(document, walk);
        fields(document, walk);
        return document;
    }

    private void fields(Document document, Walk walk) {
        for (Map.Entry<String, Object> field : document.entrySet()) {
            Object value = field.getValue();
            Object stored = value(value, walk);
            if (stored != value) {
                field.setValue(stored);
            }
        }
    }

    private Object value(Object value, Walk walk) {
        if (isStoredScalar(value)) {
            return value;
        }
        if (value instanceof Instant instant) {
            return Date.from(instant);
        }
        if (value instanceof Document document) {
            if (!claim(document, walk)) {
                return copy(document, walk);
            }
            fields(document, walk);
            return document;
        }
        if (value instanceof AppendOnlyEntries<?> entries) {
            if (!claim(entries, walk)) {
                return copy(entries, walk); // a plain list of its own, walked whole
            }
            @SuppressWarnings("unchecked")
            List<Object> items = (List<Object>) entries;
            walkItems(items, entries.walked(), walk); // those walked before are as they were
            entries.walked(items.size());
            return entries;
        }
        if (value instanceof ArrayList<?> list && list.getClass() == ArrayList.class) {
            if (!claim(list, walk)) {
                return copy(list, walk);
            }
            @SuppressWarnings("unchecked")
            List<Object> items = (List<Object>) list;
            walkItems(items, 0, walk);
            return list;
        }
        return copy(value, walk); // a map, a set, an immutable list, an enum...: as the codec writes it
    }

    private void walkItems(List<Object> items, int from, Walk walk) {
        for (int i = from; i < items.size(); i++) {
            Object item = items.get(i);
            Object stored = value(item, walk);
            if (stored != item) {
                items.set(i, stored);
            }
        }
    }

    /** A value the collection gives back as it is, and that no projection changes in place. */
    private static boolean isStoredScalar(Object value) {
        return value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Double || value instanceof Boolean || value instanceof Date
                || value instanceof ObjectId || value instanceof Decimal128 || value instanceof Binary;
    }

    /** Whether {@code container} may stay where it is: met for the first time in this walk, and no other document's. */
    private boolean claim(Object container, Walk walk) {
        Walk before = owners.put(container, walk);
        if (before == null || before != walk && before.id().equals(walk.id())) {
            return true;
        }
        if (before != walk) {
            owners.put(container, before); // another document's: it stays theirs, and this one gets a copy
        }
        return false;
    }

    /**
     * A copy of {@code value} of its own, that then belongs to {@code walk}'s document: a document or a
     * list copied one level and walked (what it holds that another document owns is copied in turn),
     * anything else through the codec and back (a line shared by a page and the line's own document is
     * copied once an event, and the codec's round trip was a quarter of a live view's time).
     */
    private Object copy(Object value, Walk walk) {
        Object copy;
        if (value instanceof Document document) {
            copy = new Document(document);
        } else if (value instanceof List<?> list) {
            copy = new ArrayList<>(list);
        } else {
            copy = new RawBsonDocument(new Document(VALUE, value), codec).decode(codec).get(VALUE);
        }
        return value(copy, walk);
    }
}
