package org.learninglog.query.timeline;

import org.bson.Document;
import org.learninglog.query.view.DocumentFields;
import org.learninglog.query.view.PagedLog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/**
 * A place and one page of what was recorded for it, oldest first: what
 * {@code GET /api/places/{id}/timeline} answers. {@code page} counts from 0, {@code size} is the
 * page's size asked for, {@code total} the number of insights the place has in all.
 */
public record PlaceTimeline(String placeId, String programmeId, String name, Instant registeredAt,
                            List<PlaceTimelineInsight> entries, int page, int size, long total) {

    /** Oldest first: by the day it happened (the day recorded when not said), then by when it was recorded. */
    static final Comparator<Listed> CHRONOLOGICAL = Comparator
            .comparing((Listed entry) -> entry.happenedOn() != null ? entry.happenedOn()
                    : LocalDate.ofInstant(entry.recordedAt(), ZoneOffset.UTC))
            .thenComparing(Listed::recordedAt)
            .thenComparing(Listed::insightId);

    /**
     * An insight as the place's log lists it ({@code <placeId>#<n>}, a {@link PagedLog}): its id and
     * what orders it. Its text lives in its own document, so a revision never touches the log.
     */
    record Listed(String insightId, LocalDate happenedOn, Instant recordedAt) {

        static Listed of(Document stored) {
            String happenedOn = stored.getString("happenedOn");
            return new Listed(stored.getString("insightId"), happenedOn == null ? null : LocalDate.parse(happenedOn),
                    DocumentFields.instant(stored, PagedLog.AT));
        }

        Document toDocument() {
            return new Document("insightId", insightId)
                    .append("happenedOn", happenedOn == null ? null : happenedOn.toString())
                    .append(PagedLog.AT, DocumentFields.date(recordedAt));
        }
    }

    /** Writes the place's registration into its document (being edited): the head of its log. */
    static void registered(Document place, String programmeId, String name, Instant registeredAt) {
        place.append("programmeId", programmeId).append("name", name).append("registeredAt", DocumentFields.date(registeredAt));
    }
}
