package org.learninglog.query.timeline;

import io.swagger.v3.oas.annotations.media.Schema;
import org.bson.Document;
import org.learninglog.query.view.DocumentFields;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One insight on a place's timeline, as answered and as its timeline document keeps it (under
 * {@code entries.<insightId>}, mapped here field by field). {@code happenedOn} is {@code null}
 * when the recorder did not say.
 */
@Schema(name = "TimelineEntry") // the name API clients know it by
public record PlaceTimelineInsight(String insightId, String text, List<String> tags, LocalDate happenedOn,
                                   Instant recordedAt, String recordedBy) {

    static final String ENTRIES = "entries";

    static PlaceTimelineInsight of(String insightId, Document entry) {
        String happenedOn = entry.getString("happenedOn");
        return new PlaceTimelineInsight(insightId, entry.getString("text"), entry.getList("tags", String.class, List.of()),
                happenedOn == null ? null : LocalDate.parse(happenedOn), DocumentFields.instant(entry, "recordedAt"),
                entry.getString("recordedBy"));
    }

    /** Puts the entry into its timeline document (being edited). Identifiers hold no '.' or '$', so they are safe keys. */
    void writeTo(Document timeline) {
        entries(timeline).put(insightId, new Document("text", text)
                .append("tags", DocumentFields.list(tags))
                .append("happenedOn", happenedOn == null ? null : happenedOn.toString())
                .append("recordedAt", DocumentFields.date(recordedAt))
                .append("recordedBy", recordedBy));
    }

    /**
     * The insight's text and tags as revised, on its entry; the entry keeps when and by whom it was
     * recorded. A revision comes after its recording (one aggregate's events arrive in order).
     */
    static void revised(Document timeline, String insightId, String text, List<String> tags) {
        Document entry = entries(timeline).get(insightId, Document.class);
        if (entry != null) {
            entry.append("text", text).append("tags", DocumentFields.list(tags));
        }
    }

    private static Document entries(Document timeline) {
        Document entries = timeline.get(ENTRIES, Document.class);
        if (entries == null) {
            entries = new Document();
            timeline.put(ENTRIES, entries);
        }
        return entries;
    }
}
