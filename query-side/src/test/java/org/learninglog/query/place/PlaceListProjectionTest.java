package org.learninglog.query.place;

import org.junit.jupiter.api.Test;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.query.view.InMemoryDocuments;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewEvents;
import org.learninglog.query.view.ViewReader;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The place list projection as a plain unit on a view kept in memory, read back through its query. */
class PlaceListProjectionTest {

    private static final Instant AT = Instant.parse("2025-01-10T09:00:00Z");

    private static ViewReader lists(List<ViewEvent> events) {
        return new InMemoryDocuments().apply(new PlaceListProjection(), events).reader();
    }

    @Test
    void a_programme_lists_its_own_places_by_name_and_none_of_another_programme() {
        ViewReader lists = lists(ViewEvents.inOrder(
                new PlaceRegistered("p-1", "north", "Riverside", AT),
                new PlaceRegistered("p-2", "north", "hillside", AT),
                new PlaceRegistered("p-3", "south", "Seaside", AT)));

        assertThat(PlaceLists.placesOf(lists, "north")).extracting(PlaceSummary::placeId).containsExactly("p-2", "p-1");
        assertThat(PlaceLists.placesOf(lists, "south")).containsExactly(new PlaceSummary("p-3", "Seaside", AT));
        assertThat(PlaceLists.placesOf(lists, "west")).isEmpty();
    }

    @Test
    void a_registration_delivered_twice_lists_the_place_once() {
        ViewReader lists = lists(ViewEvents.twice(ViewEvents.inOrder(new PlaceRegistered("p-1", "north", "Riverside", AT))));

        assertThat(PlaceLists.placesOf(lists, "north")).hasSize(1);
    }
}
