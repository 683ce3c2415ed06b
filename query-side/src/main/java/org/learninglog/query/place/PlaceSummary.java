package org.learninglog.query.place;

import org.bson.Document;
import org.learninglog.query.view.DocumentFields;

import java.time.Instant;

/** A place of a programme's list, as answered and as its list document keeps it (under {@code places.<placeId>}). */
public record PlaceSummary(String placeId, String name, Instant registeredAt) {

    static final String PLACES = "places";

    static PlaceSummary of(String placeId, Document place) {
        return new PlaceSummary(placeId, place.getString("name"), DocumentFields.instant(place, "registeredAt"));
    }

    /** Puts the place into its programme's list document (being edited). */
    void writeTo(Document list) {
        Document places = list.get(PLACES, Document.class);
        if (places == null) {
            places = new Document();
            list.put(PLACES, places);
        }
        places.put(placeId, new Document("name", name).append("registeredAt", DocumentFields.date(registeredAt)));
    }
}
