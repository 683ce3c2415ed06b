package org.learninglog.store.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * One story-dated event from the revision before it carried {@code happenedOn} to the revision
 * that does (see {@code org.learninglog.events.story.StoryDated}). Where the old revision kept the
 * story's day under another name ({@code occurredOn}, {@code reviewedOn}, {@code heldOn}) the day
 * moves to {@code happenedOn} as it was; where it had none, or {@code null}, the day is the day of
 * the event's own {@code recordedAt} in UTC. UTC because a programme has no time zone of its own
 * and every recorded instant is UTC: the same old event reads with the same day wherever it is
 * read. Works on the JSON tree only: it depends on no event class.
 */
public class StoryDayUpcaster extends SingleEventUpcaster {

    static final String FIELD = "happenedOn";

    private final SimpleSerializedType from;
    private final String toRevision;
    private final String formerField;

    /**
     * @param eventType   the event's class name as stored
     * @param fromRevision the revision without {@code happenedOn}
     * @param toRevision  the revision with it
     * @param formerField the name the old revision gave the story's day; {@code null} if it had none
     */
    public StoryDayUpcaster(String eventType, String fromRevision, String toRevision, String formerField) {
        this.from = new SimpleSerializedType(eventType, fromRevision);
        this.toRevision = toRevision;
        this.formerField = formerField;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return from.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        Instant stored = representation.getTimestamp();
        return representation.upcast(new SimpleSerializedType(from.getName(), toRevision), JsonNode.class,
                old -> withStoryDay(old, stored), metaData -> metaData);
    }

    JsonNode withStoryDay(JsonNode old, Instant stored) {
        ObjectNode event = old.deepCopy();
        if (formerField != null) {
            JsonNode day = event.remove(formerField);
            if (day != null) {
                event.set(FIELD, day);
            }
        }
        JsonNode day = event.get(FIELD);
        if (day == null || day.isNull()) {
            event.put(FIELD, LocalDate.ofInstant(recordedAt(event, stored), ZoneOffset.UTC).toString());
        }
        return event;
    }

    /** The event's own recording instant; the stored message's timestamp if the event lacks a readable one. */
    private static Instant recordedAt(ObjectNode event, Instant stored) {
        JsonNode recordedAt = event.get("recordedAt");
        if (recordedAt != null && recordedAt.isTextual()) {
            try {
                return Instant.parse(recordedAt.asText());
            } catch (DateTimeParseException unreadable) {
                return stored;
            }
        }
        return stored;
    }
}
