package org.learninglog.query.timeline;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.insight.InsightRevised;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.store.MongoStore;
import org.learninglog.store.testkit.MongoStoreExtension;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The projection as a plain unit on a real (fresh) MongoDB database, without Spring. */
@ExtendWith(MongoStoreExtension.class)
class PlaceTimelineProjectionTest {

    private static final Instant REGISTERED = Instant.parse("2025-01-10T09:00:00Z");

    private PlaceTimelines timelines;
    private PlaceTimelineProjection projection;

    @BeforeEach
    void setUp(MongoStore store) {
        timelines = new PlaceTimelines(store.database());
        projection = new PlaceTimelineProjection(timelines);
        projection.on(new PlaceRegistered("place-1", "programme-1", "Riverside", REGISTERED));
    }

    private static InsightRecorded insight(String insightId, LocalDate happenedOn, Instant recordedAt) {
        return new InsightRecorded(insightId, "place-1", "programme-1", "Noticed " + insightId, false, null, null,
                List.of("power"), List.of(), null, null, happenedOn, recordedAt, "member-7");
    }

    @Test
    void a_registered_place_has_a_timeline_with_its_name_and_no_entries() {
        assertThat(timelines.find("place-1")).hasValueSatisfying(timeline -> {
            assertThat(timeline.name()).isEqualTo("Riverside");
            assertThat(timeline.programmeId()).isEqualTo("programme-1");
            assertThat(timeline.registeredAt()).isEqualTo(REGISTERED);
            assertThat(timeline.entries()).isEmpty();
        });
    }

    @Test
    void an_unknown_place_has_no_timeline() {
        assertThat(timelines.find("place-2")).isEmpty();
    }

    @Test
    void an_insight_delivered_twice_appears_once() {
        InsightRecorded event = insight("insight-1", null, Instant.parse("2025-02-01T12:00:00Z"));
        projection.on(event);
        projection.on(event);

        assertThat(timelines.find("place-1").orElseThrow().entries())
                .containsExactly(new PlaceTimelineInsight("insight-1", "Noticed insight-1", List.of("power"), null,
                        Instant.parse("2025-02-01T12:00:00Z"), "member-7"));
    }

    @Test
    void a_revised_insight_reads_as_revised_and_keeps_when_and_by_whom_it_was_recorded() {
        projection.on(insight("insight-1", LocalDate.parse("2025-01-20"), Instant.parse("2025-02-01T12:00:00Z")));
        InsightRevised revised = new InsightRevised("insight-1", "place-1", "programme-1", "Parents came at 3pm", null, null,
                List.of("connected and heard"), List.of("schools"), "workshop", "More precise",
                LocalDate.ofInstant(Instant.parse("2025-02-05T09:00:00Z"), ZoneOffset.UTC),
                Instant.parse("2025-02-05T09:00:00Z"), "member-8");
        projection.on(revised);
        projection.on(revised);

        assertThat(timelines.find("place-1").orElseThrow().entries())
                .containsExactly(new PlaceTimelineInsight("insight-1", "Parents came at 3pm",
                        List.of("connected and heard", "schools", "workshop"), LocalDate.parse("2025-01-20"),
                        Instant.parse("2025-02-01T12:00:00Z"), "member-7"));
    }

    @Test
    void entries_run_from_what_happened_first_even_when_it_was_recorded_last() {
        projection.on(insight("recorded-first", null, Instant.parse("2025-02-01T12:00:00Z")));
        projection.on(insight("recorded-second", LocalDate.parse("2024-06-30"), Instant.parse("2025-02-02T12:00:00Z")));
        projection.on(insight("recorded-third", LocalDate.parse("2025-01-15"), Instant.parse("2025-02-03T12:00:00Z")));

        assertThat(timelines.find("place-1").orElseThrow().entries()).extracting(PlaceTimelineInsight::insightId)
                .containsExactly("recorded-second", "recorded-third", "recorded-first");
    }

    @Test
    void an_insight_that_arrives_before_its_place_is_kept_and_the_place_fills_in_later() {
        projection.on(new InsightRecorded("insight-9", "place-9", "programme-1", "Early", false, null, null,
                List.of(), List.of(), null, null, null,
                Instant.parse("2025-02-01T12:00:00Z"), "member-7"));
        projection.on(new PlaceRegistered("place-9", "programme-1", "Hillside", REGISTERED));

        PlaceTimeline timeline = timelines.find("place-9").orElseThrow();
        assertThat(timeline.name()).isEqualTo("Hillside");
        assertThat(timeline.entries()).extracting(PlaceTimelineInsight::insightId).containsExactly("insight-9");
    }

    @Test
    void a_reset_forgets_every_timeline() {
        projection.on(insight("insight-1", null, Instant.parse("2025-02-01T12:00:00Z")));

        projection.reset();

        assertThat(timelines.find("place-1")).isEmpty();
    }
}
