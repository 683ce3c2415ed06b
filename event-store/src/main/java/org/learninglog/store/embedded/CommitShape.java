package org.learninglog.store.embedded;

import de.bwaldvogel.mongo.bson.Document;
import org.learninglog.store.engine.CommitDocument;

import java.util.List;

/**
 * Whether a stored events document has the shape the event storage engine writes: a position
 * ({@code _id}), how many positions it covers ({@code n}) and, unless it is a gap fence, that many
 * events each with the fields an event is read from. A flipped byte in a field name or a type tag
 * decodes as valid BSON of another shape; this is where that shows.
 */
final class CommitShape {

    private static final List<String> EVENT_FIELDS = List.of(CommitDocument.ID, CommitDocument.TYPE, CommitDocument.TIMESTAMP, CommitDocument.PAYLOAD);

    private CommitShape() {
    }

    /** What is wrong with it, in words, or {@code null} if nothing is. */
    static String problem(Object value) {
        if (!(value instanceof Document commit)) {
            return "is not a document";
        }
        if (!(commit.get(CommitDocument.POSITION) instanceof Number)
                || !(commit.get(CommitDocument.COUNT) instanceof Number n) || n.longValue() < 1) {
            return "has no position or count";
        }
        if (Boolean.TRUE.equals(commit.get(CommitDocument.GAP))) {
            return null;
        }
        if (!(commit.get(CommitDocument.EVENTS) instanceof List<?> events) || events.size() != n.intValue()) {
            return "does not hold the " + n + " events it counts";
        }
        for (Object event : events) {
            if (!(event instanceof Document fields)) {
                return "holds an event that is not a document";
            }
            for (String field : EVENT_FIELDS) {
                if (!(fields.get(field) instanceof String)) {
                    return "holds an event without its " + field;
                }
            }
        }
        return null;
    }
}
