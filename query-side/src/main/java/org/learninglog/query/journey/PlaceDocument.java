package org.learninglog.query.journey;

import org.bson.Document;
import org.learninglog.query.view.DocumentFields;

import java.time.Instant;
import java.util.List;

/**
 * {@code place:<id>}: a registered place and the practices it has had, each stamped with when it
 * was adopted. {@code name} is {@code null} until the place's registration arrived. Written and
 * read here only, field by field in the stored order.
 */
public record PlaceDocument(String programmeId, String name, Instant registeredAt, Instant recordedAt,
                            List<PracticeRef> practices) {

    private static final String PRACTICES = "practices";

    public static PlaceDocument of(Document place) {
        return place == null ? null : new PlaceDocument(place.getString("programmeId"), place.getString("name"),
                DocumentFields.instant(place, "registeredAt"), DocumentFields.instant(place, "at"),
                DocumentFields.documents(place, PRACTICES).stream().map(PracticeRef::of).toList());
    }

    /** Writes the registration into the place's document (being edited). */
    static void registered(Document place, String programmeId, String name, Instant registeredAt, Instant recordedAt) {
        place.append("programmeId", programmeId).append("name", name)
                .append("registeredAt", DocumentFields.date(registeredAt)).append("at", DocumentFields.date(recordedAt));
    }

    /** A practice of the place, from when it was adopted. */
    public record PracticeRef(String practiceId, long position, Instant recordedAt) implements Stamped {

        static PracticeRef of(Document item) {
            return new PracticeRef(item.getString("practiceId"), Stamped.positionOf(item), Stamped.instantOf(item));
        }

        void appendTo(Document place) {
            DocumentFields.appendable(place, PRACTICES).add(Stamped.stamp(new Document("practiceId", practiceId), position, recordedAt));
        }
    }
}
