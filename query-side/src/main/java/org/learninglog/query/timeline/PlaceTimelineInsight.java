package org.learninglog.query.timeline;

import io.swagger.v3.oas.annotations.media.Schema;
import org.bson.Document;
import org.learninglog.query.view.DocumentFields;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One insight on a place's timeline, as answered and as its own document keeps it
 * ({@code insight:<placeId>|<insightId>}, mapped here field by field). {@code happenedOn} is
 * {@code null} when the recorder did not say.
 */
@Schema(name = "TimelineEntry") // the name API clients know it by
public record PlaceTimelineInsight(String insightId, String text, List<String> tags, LocalDate happenedOn,
                                   Instant recordedAt, String recordedBy) {

    /** Where a place's document of the former shape kept all its insights, keyed by insight id. */
    static final String FORMER_ENTRIES = "entries";

    static PlaceTimelineInsight of(String insightId, Document stored) {
        String happenedOn = stored.getString("happenedOn");
        return new PlaceTimelineInsight(insightId, stored.getString("text"), stored.getList("tags", String.class, List.of()),
                happenedOn == null ? null : LocalDate.parse(happenedOn), DocumentFields.instant(stored, "recordedAt"),
                stored.getString("recordedBy"));
    }

    /** Writes the insight into its document (being edited). */
    void writeTo(Document insight) {
        insight.append("text", text)
                .append("tags", DocumentFields.list(tags))
                .append("happenedOn", happenedOn == null ? null : happenedOn.toString())
                .append("recordedAt", DocumentFields.date(recordedAt))
                .append("recordedBy", recordedBy);
    }

    /** The line the place's log keeps for it: what orders the timeline, no more (it never changes). */
    PlaceTimeline.Listed listed() {
        return new PlaceTimeline.Listed(insightId, happenedOn, recordedAt);
    }

    /**
     * The insight's text and tags as revised, on its document (or on its entry in a place document
     * of the former shape); it keeps when and by whom it was recorded. A revision comes after its
     * recording (one aggregate's events arrive in order).
     */
    static void revised(Document insight, String text, List<String> tags) {
        insight.append("text", text).append("tags", DocumentFields.list(tags));
    }

    /**
     * The insights a place document of the former shape (one document per place, every insight under
     * {@code entries.<insightId>}) holds, by id; empty for a place of the present shape. A store from
     * before keeps answering (and revising) them until the view is rebuilt.
     */
    static Map<String, Document> formerEntries(Document place) {
        Map<String, Document> entries = new LinkedHashMap<>();
        Document former = place == null ? null : place.get(FORMER_ENTRIES, Document.class);
        if (former != null) {
            former.forEach((insightId, value) -> entries.put(insightId, (Document) value));
        }
        return entries;
    }
}
