package org.learninglog.query.timeline;

import org.bson.Document;
import org.learninglog.query.view.DocumentFields;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A place and what was recorded for it, oldest first: what {@code GET /api/places/{id}/timeline}
 * answers, and the place timeline view's document, mapped here field by field.
 */
public record PlaceTimeline(String placeId, String programmeId, String name, Instant registeredAt,
                            List<PlaceTimelineInsight> entries) {

    /** Oldest first: by the day it happened (the day recorded when not said), then by when it was recorded. */
    static final Comparator<PlaceTimelineInsight> CHRONOLOGICAL = Comparator
            .comparing((PlaceTimelineInsight entry) -> entry.happenedOn() != null ? entry.happenedOn()
                    : LocalDate.ofInstant(entry.recordedAt(), ZoneOffset.UTC))
            .thenComparing(PlaceTimelineInsight::recordedAt)
            .thenComparing(PlaceTimelineInsight::insightId);

    /** The timeline as the view stored it ({@code _id} = place id). */
    static PlaceTimeline of(Document stored) {
        List<PlaceTimelineInsight> entries = new ArrayList<>();
        Document recorded = stored.get(PlaceTimelineInsight.ENTRIES, Document.class);
        if (recorded != null) {
            recorded.forEach((insightId, value) -> entries.add(PlaceTimelineInsight.of(insightId, (Document) value)));
        }
        entries.sort(CHRONOLOGICAL);
        return new PlaceTimeline(stored.getString("_id"), stored.getString("programmeId"), stored.getString("name"),
                DocumentFields.instant(stored, "registeredAt"), List.copyOf(entries));
    }

    /** Writes the place's registration into its timeline document (being edited). */
    static void registered(Document timeline, String programmeId, String name, Instant registeredAt) {
        timeline.append("programmeId", programmeId).append("name", name).append("registeredAt", DocumentFields.date(registeredAt));
    }
}
