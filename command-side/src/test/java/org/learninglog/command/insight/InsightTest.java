package org.learninglog.command.insight;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.command.place.Place;
import org.learninglog.command.place.Places;
import org.learninglog.command.place.UnknownPlaceException;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.place.PlaceRegistered;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

/**
 * The Insight aggregate, with the place check running against real Place aggregates in an
 * in-memory event store of their own.
 */
class InsightTest {

    private static final Instant NOW = Instant.parse("2025-03-14T10:15:30Z");
    private static final String PLACE = "place-1";
    private static final String PROGRAMME = "programme-1";

    private AggregateTestFixture<Insight> fixture;
    private EmbeddedEventStore placeEvents;

    @BeforeEach
    void setUp() {
        placeEvents = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        placeEvents.publish(new GenericDomainEventMessage<>("Place", PLACE, 0,
                new PlaceRegistered(PLACE, PROGRAMME, "Riverside", NOW.minusSeconds(3600))));
        fixture = new AggregateTestFixture<>(Insight.class);
        fixture.registerInjectableResource(new Places(EventSourcingRepository.builder(Place.class).eventStore(placeEvents).build()));
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        placeEvents.shutDown();
    }

    private static RecordInsightCommand record(String text, List<String> tags, LocalDate happenedOn) {
        return new RecordInsightCommand("insight-1", PLACE, text, tags, happenedOn, "member-7");
    }

    @Test
    void recording_an_insight_for_a_registered_place_carries_the_places_programme() {
        fixture.givenNoPriorActivity()
                .when(record("Residents came when the meeting moved to the school gate",
                        List.of("connected and heard"), LocalDate.parse("2025-01-20")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new InsightRecorded("insight-1", PLACE, PROGRAMME,
                        "Residents came when the meeting moved to the school gate", List.of("connected and heard"),
                        LocalDate.parse("2025-01-20"), NOW, "member-7"));
    }

    @Test
    void tags_are_trimmed_and_kept_once_in_the_order_given() {
        fixture.givenNoPriorActivity()
                .when(record("Noticed", List.of(" power ", "learning", "power"), null))
                .expectEvents(new InsightRecorded("insight-1", PLACE, PROGRAMME, "Noticed", List.of("power", "learning"),
                        null, NOW, "member-7"));
    }

    @Test
    void an_insight_may_say_it_happened_long_before_it_was_recorded() {
        fixture.givenNoPriorActivity()
                .when(record("Noticed years ago", List.of(), LocalDate.parse("2019-06-01")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void text_of_exactly_the_maximum_length_is_accepted() {
        fixture.givenNoPriorActivity()
                .when(record("x".repeat(Insight.MAX_TEXT_LENGTH), null, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void an_insight_for_a_place_that_was_never_registered_is_refused_as_unknown() {
        fixture.givenNoPriorActivity()
                .when(new RecordInsightCommand("insight-1", "place-never-registered", "Noticed", List.of(), null, "member-7"))
                .expectException(UnknownPlaceException.class)
                .expectNoEvents();
    }

    @Test
    void an_insight_for_the_id_of_something_that_is_not_a_place_is_refused_as_unknown() {
        placeEvents.publish(new GenericDomainEventMessage<>("Insight", "insight-0", 0, new InsightRecorded("insight-0",
                PLACE, PROGRAMME, "Noticed", List.of(), null, NOW.minusSeconds(60), "member-7")));

        fixture.givenNoPriorActivity()
                .when(new RecordInsightCommand("insight-1", "insight-0", "Noticed", List.of(), null, "member-7"))
                .expectException(UnknownPlaceException.class)
                .expectNoEvents();
    }

    @Test
    void blank_text_is_refused() {
        fixture.givenNoPriorActivity()
                .when(record(" \n ", List.of(), null))
                .expectException(InsightRejected.class)
                .expectExceptionMessage("must not be blank")
                .expectNoEvents();
    }

    @Test
    void text_longer_than_the_maximum_is_refused() {
        fixture.givenNoPriorActivity()
                .when(record("x".repeat(Insight.MAX_TEXT_LENGTH + 1), List.of(), null))
                .expectException(InsightRejected.class)
                .expectNoEvents();
    }

    @Test
    void more_tags_than_the_maximum_are_refused() {
        List<String> tags = java.util.stream.IntStream.rangeClosed(1, Insight.MAX_TAGS + 1).mapToObj(i -> "tag" + i).toList();
        fixture.givenNoPriorActivity()
                .when(record("Noticed", tags, null))
                .expectException(InsightRejected.class)
                .expectNoEvents();
    }

    @Test
    void a_tag_longer_than_the_maximum_is_refused() {
        fixture.givenNoPriorActivity()
                .when(record("Noticed", List.of("t".repeat(Insight.MAX_TAG_LENGTH + 1)), null))
                .expectException(InsightRejected.class)
                .expectNoEvents();
    }

    @Test
    void a_blank_tag_is_refused() {
        fixture.givenNoPriorActivity()
                .when(record("Noticed", Collections.singletonList(" "), null))
                .expectException(InsightRejected.class)
                .expectNoEvents();
    }

    @Test
    void an_insight_that_happened_after_today_everywhere_on_earth_is_refused() {
        fixture.givenNoPriorActivity()
                .when(record("Noticed tomorrow", List.of(), LocalDate.parse("2025-03-16")))
                .expectException(InsightRejected.class)
                .expectExceptionMessage("must not be in the future")
                .expectNoEvents();
    }

    @Test
    void an_insight_dated_tomorrow_in_utc_is_accepted_because_it_is_already_that_day_somewhere() {
        fixture.givenNoPriorActivity()
                .when(record("Noticed in Kiribati", List.of(), LocalDate.parse("2025-03-15")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_recorder_that_is_not_a_member_identifier_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new RecordInsightCommand("insight-1", PLACE, "Noticed", List.of(), null, "Jane Smith"))
                .expectException(InsightRejected.class)
                .expectNoEvents();
    }
}
