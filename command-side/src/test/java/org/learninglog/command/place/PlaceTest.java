package org.learninglog.command.place;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.command.Given;
import org.learninglog.command.UnknownReference;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.store.MongoStore;
import org.learninglog.store.testkit.MongoStoreExtension;

import static org.learninglog.command.Given.NOW;
import static org.learninglog.command.Given.PROGRAMME;

@ExtendWith(MongoStoreExtension.class)
class PlaceTest {

    private AggregateTestFixture<Place> fixture;

    @BeforeEach
    void setUp(MongoStore store) {
        fixture = new Given(store).programmeWithTwoPlaces().fixture(Place.class);
    }

    @Test
    void registering_a_place_in_a_registered_programme_records_who_registered_it() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPlaceCommand("place-9", PROGRAMME, "  Saltbay ", "admin-1"))
                .expectEvents(new PlaceRegistered("place-9", PROGRAMME, "Saltbay", NOW, "admin-1"));
    }

    @Test
    void a_place_of_a_programme_never_registered_is_refused_as_unknown() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPlaceCommand("place-9", "nowhere", "Saltbay", "admin-1"))
                .expectException(UnknownReference.class)
                .expectNoEvents();
    }
}
