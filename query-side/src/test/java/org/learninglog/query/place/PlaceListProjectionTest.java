package org.learninglog.query.place;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.store.MongoStore;
import org.learninglog.store.testkit.MongoStoreExtension;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(MongoStoreExtension.class)
class PlaceListProjectionTest {

    private static final Instant AT = Instant.parse("2025-01-10T09:00:00Z");

    private PlaceLists lists;
    private PlaceListProjection projection;

    @BeforeEach
    void setUp(MongoStore store) {
        lists = new PlaceLists(store.database());
        projection = new PlaceListProjection(lists);
    }

    @Test
    void a_programme_lists_its_own_places_by_name_and_none_of_another_programme() {
        projection.on(new PlaceRegistered("p-1", "north", "Riverside", AT));
        projection.on(new PlaceRegistered("p-2", "north", "hillside", AT));
        projection.on(new PlaceRegistered("p-3", "south", "Seaside", AT));

        assertThat(lists.placesOf("north")).extracting(PlaceSummary::placeId).containsExactly("p-2", "p-1");
        assertThat(lists.placesOf("south")).containsExactly(new PlaceSummary("p-3", "Seaside", AT));
        assertThat(lists.placesOf("west")).isEmpty();
    }

    @Test
    void a_registration_delivered_twice_lists_the_place_once() {
        PlaceRegistered event = new PlaceRegistered("p-1", "north", "Riverside", AT);
        projection.on(event);
        projection.on(event);

        assertThat(lists.placesOf("north")).hasSize(1);
    }

    @Test
    void a_reset_forgets_every_list() {
        projection.on(new PlaceRegistered("p-1", "north", "Riverside", AT));

        projection.reset();

        assertThat(lists.placesOf("north")).isEmpty();
    }
}
