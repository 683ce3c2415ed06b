package org.learninglog.store;

import org.learninglog.embedded.CommitCheck;
import org.learninglog.store.engine.CommitDocument;

import java.util.List;
import java.util.Map;

/**
 * Whether a stored events document has the shape the event storage engine writes: a position
 * ({@code _id}), how many positions it covers ({@code n}) and, unless it is a gap fence, that many
 * events each with the fields an event is read from. A flipped byte in a field name or a type tag
 * decodes as valid BSON of another shape; this is where that shows. The embedded store asks it
 * when it checks its file at start and when it recovers one.
 */
final class CommitShape implements CommitCheck {

    private static final List<String> EVENT_FIELDS = List.of(CommitDocument.ID, CommitDocument.TYPE, CommitDocument.TIMESTAMP, CommitDocument.PAYLOAD);

    @Override
    public String problem(Object value) {
        if (!(value instanceof Map<?, ?> commit)) {
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
            if (!(event instanceof Map<?, ?> fields)) {
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

    @Override
    public long lastPosition(Map<String, Object> commit) {
        return ((Number) commit.get(CommitDocument.POSITION)).longValue() + ((Number) commit.get(CommitDocument.COUNT)).longValue() - 1;
    }
}
