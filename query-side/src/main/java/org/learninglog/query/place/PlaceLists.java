package org.learninglog.query.place;

import org.bson.Document;
import org.learninglog.query.view.LiveViews;
import org.learninglog.query.view.ViewReader;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads a programme's places from the live generation of the place list view, by {@code _id} alone. */
@Component
public class PlaceLists {

    private final LiveViews views;

    public PlaceLists(LiveViews views) {
        this.views = views;
    }

    /** The programme's places by name; none for a programme with no places. */
    public List<PlaceSummary> placesOf(String programmeId) {
        return placesOf(views.reader(PlaceListProjection.NAME), programmeId);
    }

    /** The programme's places read from any generation (the tests read a view kept in memory the same way). */
    public static List<PlaceSummary> placesOf(ViewReader reader, String programmeId) {
        Document list = reader.get(programmeId);
        List<PlaceSummary> places = new ArrayList<>();
        if (list != null && list.get(PlaceSummary.PLACES) instanceof Document stored) {
            stored.forEach((placeId, value) -> places.add(PlaceSummary.of(placeId, (Document) value)));
        }
        places.sort(Comparator.comparing(PlaceSummary::name, String.CASE_INSENSITIVE_ORDER).thenComparing(PlaceSummary::placeId));
        return places;
    }
}
