package org.learninglog.command.place;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.events.place.PlaceRegistered;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

class PlaceTest {

    private static final Instant NOW = Instant.parse("2025-03-14T10:15:30Z");

    private AggregateTestFixture<Place> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Place.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void registering_a_place_records_its_programme_and_trimmed_name_at_the_current_time() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPlaceCommand("place-1", "programme-1", "  Riverside "))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlaceRegistered("place-1", "programme-1", "Riverside", NOW));
    }

    @Test
    void a_place_without_a_name_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPlaceCommand("place-1", "programme-1", "   "))
                .expectException(PlaceRejected.class)
                .expectExceptionMessage("must not be blank")
                .expectNoEvents();
    }

    @Test
    void a_name_longer_than_the_limit_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPlaceCommand("place-1", "programme-1", "x".repeat(Place.MAX_NAME_LENGTH + 1)))
                .expectException(PlaceRejected.class)
                .expectNoEvents();
    }

    @Test
    void a_programme_id_that_is_not_an_identifier_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPlaceCommand("place-1", "the programme", "Riverside"))
                .expectException(PlaceRejected.class)
                .expectNoEvents();
    }

    @Test
    void a_place_id_with_a_dot_is_refused_because_views_use_ids_as_field_names() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPlaceCommand("place.1", "programme-1", "Riverside"))
                .expectException(PlaceRejected.class)
                .expectNoEvents();
    }
}
