package org.learninglog.query.journey;

import org.junit.jupiter.api.Test;
import org.learninglog.events.funder.FunderRegistered;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.insight.InsightRevised;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.events.practice.PracticeAdopted;
import org.learninglog.events.practice.PracticeRetired;
import org.learninglog.events.sensemaking.SensemakingHeld;
import org.learninglog.query.view.InMemoryDocuments;
import org.learninglog.query.view.TimelineFilter;
import org.learninglog.query.view.TimelineLine;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewEvents;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The journey projection as a plain unit: events in, the journey read back, no Spring, no database. */
class JourneyProjectionTest {

    private static final List<ViewEvent> HISTORY = ViewEvents.inOrder(
            new PlaceRegistered("place-1", "programme-1", "Riverside", ViewEvents.recordedAt(1)),
            new InsightRecorded("insight-1", "place-1", "programme-1", "Residents came to the school gate", false, null, null,
                    List.of("connected and heard"), List.of("the learning journey"), "workshop", null,
                    LocalDate.parse("2025-03-01"), ViewEvents.recordedAt(2), "member-1"),
            new PracticeAdopted("practice-1", "place-1", "programme-1", "Gate meetings", "Meet at the school gate",
                    "Residents come there", List.of("insight-1"), List.of(), List.of("member-1"), "forum",
                    LocalDate.parse("2025-03-04"), ViewEvents.recordedAt(3), "member-1"),
            new InsightRevised("insight-1", "place-1", "programme-1", "Parents came to the school gate", null, null,
                    List.of("connected and heard"), List.of(), "workshop", "more precise", LocalDate.ofInstant(ViewEvents.recordedAt(4), ZoneOffset.UTC), ViewEvents.recordedAt(4), "member-1"),
            new PracticeRetired("practice-1", "place-1", "programme-1", "The school moved", List.of("insight-1"),
                    LocalDate.parse("2025-03-10"), ViewEvents.recordedAt(5), "member-1"));

    private static PlaceJourney journey(List<ViewEvent> events, TimelineFilter filter) {
        InMemoryDocuments view = new InMemoryDocuments().apply(new JourneyProjection(), events);
        return JourneyQueries.journey(view.reader(), "place-1", filter, 0, 50);
    }

    @Test
    void a_place_journey_lists_what_happened_there_by_the_day_it_happened() {
        PlaceJourney journey = journey(HISTORY, TimelineFilter.NONE);

        assertThat(journey.name()).isEqualTo("Riverside");
        assertThat(journey.timeline().items()).extracting(TimelineLine::kind)
                .containsExactly("insight-recorded", "insight-revised", "practice-adopted", "practice-retired"); // the revision says no day: the day it was recorded
        assertThat(journey.practices()).singleElement().satisfies(practice -> {
            assertThat(practice.status()).isEqualTo("retired");
            assertThat(practice.versions()).isEqualTo(2);
        });
    }

    @Test
    void on_a_story_day_the_journey_shows_what_had_happened_by_then_and_its_practices_as_they_stood() {
        PlaceJourney beforeRetiring = journey(HISTORY, TimelineFilter.NONE.on(LocalDate.parse("2025-03-05")));
        PlaceJourney beforeAdopting = journey(HISTORY, TimelineFilter.NONE.on(LocalDate.parse("2025-03-02")));

        assertThat(beforeRetiring.timeline().items()).extracting(TimelineLine::date)
                .allSatisfy(day -> assertThat(day).isBeforeOrEqualTo(LocalDate.parse("2025-03-05")));
        assertThat(beforeRetiring.practices()).singleElement().satisfies(practice -> {
            assertThat(practice.status()).isEqualTo("active");
            assertThat(practice.versions()).isEqualTo(1);
        });
        assertThat(beforeAdopting.practices()).isEmpty();
        InMemoryDocuments view = new InMemoryDocuments().apply(new JourneyProjection(), HISTORY);
        assertThat(org.learninglog.query.practice.PracticeQueries.history(view.reader(), "practice-1", null,
                LocalDate.parse("2025-03-05")).versions()).singleElement()
                .satisfies(version -> assertThat(version.kind()).isEqualTo("adopted"));
    }

    @Test
    void a_practice_line_carries_the_tags_of_the_insights_it_cites_so_a_tag_filter_finds_the_decision() {
        TimelineFilter byPrinciple = new TimelineFilter(null, null, "connected and heard", null, null, null, null, null, null, null);

        assertThat(journey(HISTORY, byPrinciple).timeline().items()).extracting(TimelineLine::subjectId)
                .contains("practice-1");
    }

    @Test
    void as_of_an_instant_the_journey_shows_the_record_as_it_stood_then() {
        PlaceJourney then = journey(HISTORY, TimelineFilter.NONE.asOf(ViewEvents.recordedAt(3)));

        assertThat(then.timeline().items()).extracting(TimelineLine::kind)
                .containsExactly("insight-recorded", "practice-adopted");
        assertThat(then.practices()).singleElement().satisfies(practice -> assertThat(practice.status()).isEqualTo("active"));
    }

    @Test
    void a_funder_and_a_sensemaking_session_read_back_as_the_records_they_were_written_as() {
        List<ViewEvent> events = ViewEvents.inOrder(
                new FunderRegistered("funder-1", "programme-1", "The Trust", "member-1", ViewEvents.recordedAt(1)),
                new SensemakingHeld("session-1", "programme-1", "Spring review", List.of("person-1"), List.of("place-1"),
                        List.of("insight-1"), "Meet where parents are", LocalDate.parse("2025-03-02"), ViewEvents.recordedAt(2),
                        "member-1"));
        InMemoryDocuments view = new InMemoryDocuments().apply(new JourneyProjection(), events);

        assertThat(RegisteredDocuments.Funder.of(view.load(JourneyProjection.funderId("funder-1"))))
                .isEqualTo(new RegisteredDocuments.Funder("programme-1", "The Trust", ViewEvents.recordedAt(1)));
        assertThat(RegisteredDocuments.Session.of(view.load(JourneyProjection.sessionId("session-1"))))
                .isEqualTo(new RegisteredDocuments.Session("programme-1", "Spring review", List.of("person-1"),
                        List.of("place-1"), List.of("insight-1"), "Meet where parents are", LocalDate.parse("2025-03-02"),
                        "member-1", ViewEvents.recordedAt(2)));
    }

    @Test
    void every_event_delivered_twice_leaves_the_same_documents() {
        InMemoryDocuments once = new InMemoryDocuments().apply(new JourneyProjection(), HISTORY);
        InMemoryDocuments twice = new InMemoryDocuments().apply(new JourneyProjection(), ViewEvents.twice(HISTORY));

        assertThat(twice.ids()).isEqualTo(once.ids());
        once.ids().forEach(id -> assertThat(twice.load(id)).as(id).isEqualTo(once.load(id)));
    }
}
