package org.learninglog.query.timeline;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.insight.InsightRevised;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.query.view.InMemoryDocuments;
import org.learninglog.query.view.PagedLog;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewEvents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The place timeline projection as a plain unit on a view kept in memory, read back as the query reads it. */
class PlaceTimelineProjectionTest {

    private static final Instant REGISTERED = Instant.parse("2025-01-10T09:00:00Z");
    private static final PlaceRegistered PLACE = new PlaceRegistered("place-1", "programme-1", "Riverside", REGISTERED);

    private static InsightRecorded insight(String insightId, LocalDate happenedOn, Instant recordedAt) {
        return new InsightRecorded(insightId, "place-1", "programme-1", "Noticed " + insightId, false, null, null,
                List.of("power"), List.of(), null, null, happenedOn, recordedAt, "member-7");
    }

    private static Optional<PlaceTimeline> timeline(String placeId, List<ViewEvent> events) {
        InMemoryDocuments view = new InMemoryDocuments().apply(new PlaceTimelineProjection(), events);
        return PlaceTimelines.timeline(view.reader(), placeId, 0, PlaceTimelines.DEFAULT_SIZE);
    }

    @Test
    void a_registered_place_has_a_timeline_with_its_name_and_no_entries() {
        assertThat(timeline("place-1", ViewEvents.inOrder(PLACE))).hasValueSatisfying(timeline -> {
            assertThat(timeline.name()).isEqualTo("Riverside");
            assertThat(timeline.programmeId()).isEqualTo("programme-1");
            assertThat(timeline.registeredAt()).isEqualTo(REGISTERED);
            assertThat(timeline.entries()).isEmpty();
        });
    }

    @Test
    void an_unknown_place_has_no_timeline() {
        assertThat(timeline("place-2", ViewEvents.inOrder(PLACE))).isEmpty();
    }

    @Test
    void an_insight_delivered_twice_appears_once() {
        List<ViewEvent> events = ViewEvents.twice(ViewEvents.inOrder(PLACE,
                insight("insight-1", null, Instant.parse("2025-02-01T12:00:00Z"))));

        assertThat(timeline("place-1", events).orElseThrow().entries())
                .containsExactly(new PlaceTimelineInsight("insight-1", "Noticed insight-1", List.of("power"), null,
                        Instant.parse("2025-02-01T12:00:00Z"), "member-7"));
    }

    @Test
    void a_revised_insight_reads_as_revised_and_keeps_when_and_by_whom_it_was_recorded() {
        InsightRevised revised = new InsightRevised("insight-1", "place-1", "programme-1", "Parents came at 3pm", null, null,
                List.of("connected and heard"), List.of("schools"), "workshop", "More precise",
                LocalDate.ofInstant(Instant.parse("2025-02-05T09:00:00Z"), ZoneOffset.UTC),
                Instant.parse("2025-02-05T09:00:00Z"), "member-8");
        List<ViewEvent> events = ViewEvents.twice(ViewEvents.inOrder(PLACE,
                insight("insight-1", LocalDate.parse("2025-01-20"), Instant.parse("2025-02-01T12:00:00Z")), revised));

        assertThat(timeline("place-1", events).orElseThrow().entries())
                .containsExactly(new PlaceTimelineInsight("insight-1", "Parents came at 3pm",
                        List.of("connected and heard", "schools", "workshop"), LocalDate.parse("2025-01-20"),
                        Instant.parse("2025-02-01T12:00:00Z"), "member-7"));
    }

    @Test
    void entries_run_from_what_happened_first_even_when_it_was_recorded_last() {
        List<ViewEvent> events = ViewEvents.inOrder(PLACE,
                insight("recorded-first", null, Instant.parse("2025-02-01T12:00:00Z")),
                insight("recorded-second", LocalDate.parse("2024-06-30"), Instant.parse("2025-02-02T12:00:00Z")),
                insight("recorded-third", LocalDate.parse("2025-01-15"), Instant.parse("2025-02-03T12:00:00Z")));

        assertThat(timeline("place-1", events).orElseThrow().entries()).extracting(PlaceTimelineInsight::insightId)
                .containsExactly("recorded-second", "recorded-third", "recorded-first");
    }

    @Test
    void an_insight_that_arrives_before_its_place_is_kept_and_the_place_fills_in_later() {
        List<ViewEvent> events = ViewEvents.inOrder(
                new InsightRecorded("insight-9", "place-9", "programme-1", "Early", false, null, null,
                        List.of(), List.of(), null, null, null, Instant.parse("2025-02-01T12:00:00Z"), "member-7"),
                new PlaceRegistered("place-9", "programme-1", "Hillside", REGISTERED));

        PlaceTimeline timeline = timeline("place-9", events).orElseThrow();
        assertThat(timeline.name()).isEqualTo("Hillside");
        assertThat(timeline.entries()).extracting(PlaceTimelineInsight::insightId).containsExactly("insight-9");
    }

    @Test
    void a_place_with_a_thousand_insights_pages_through_them_in_order_and_no_document_holds_them_all() {
        List<Object> payloads = new ArrayList<>(List.of(PLACE));
        List<String> expected = new ArrayList<>();
        Instant first = Instant.parse("2025-02-01T00:00:00Z");
        for (int i = 0; i < 1000; i++) {
            // recorded in one order, happened in the reverse: the timeline runs by the day things happened
            String id = "insight-%04d".formatted(i);
            payloads.add(insight(id, LocalDate.parse("2024-12-31").minusDays(i), first.plusSeconds(60L * i)));
            expected.add(0, id);
        }
        InMemoryDocuments view = new InMemoryDocuments().apply(new PlaceTimelineProjection(),
                ViewEvents.inOrder(payloads.toArray()));

        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 7; page++) {
            PlaceTimeline timeline = PlaceTimelines.timeline(view.reader(), "place-1", page, 150).orElseThrow();
            assertThat(timeline.total()).isEqualTo(1000);
            assertThat(timeline.page()).isEqualTo(page);
            assertThat(timeline.size()).isEqualTo(150);
            assertThat(timeline.entries()).hasSize(page < 6 ? 150 : 100);
            timeline.entries().forEach(entry -> paged.add(entry.insightId()));
        }
        assertThat(paged).containsExactlyElementsOf(expected);
        assertThat(PlaceTimelines.timeline(view.reader(), "place-1", 7, 150).orElseThrow().entries()).isEmpty();

        for (String id : view.ids()) {
            String stored = view.load(id).toJson();
            int insightsNamed = stored.split("insight-", -1).length - 1;
            assertThat(insightsNamed).as(id).isLessThanOrEqualTo(PagedLog.PAGE_SIZE);
            assertThat(stored.length()).as(id).isLessThan(4096);
        }
        assertThat(view.ids()).hasSizeGreaterThan(1000);
    }

    @Test
    void one_insight_is_read_by_its_key_and_only_under_its_own_place() {
        InMemoryDocuments view = new InMemoryDocuments().apply(new PlaceTimelineProjection(), ViewEvents.inOrder(PLACE,
                new PlaceRegistered("place-2", "programme-1", "Hillside", REGISTERED),
                insight("insight-1", null, Instant.parse("2025-02-01T12:00:00Z"))));

        assertThat(view.load(PlaceTimelineProjection.insightKey("place-1", "insight-1"))).isNotNull();
        assertThat(view.load(PlaceTimelineProjection.insightKey("place-2", "insight-1"))).isNull();
    }

    @Test
    void a_place_document_of_the_former_shape_is_still_read_and_its_insights_revised_where_they_are() {
        InMemoryDocuments view = new InMemoryDocuments();
        view.store(List.of(new Document("_id", "place-1").append("_pos", 2L).append("programmeId", "programme-1")
                .append("name", "Riverside").append("registeredAt", Date.from(REGISTERED))
                .append("entries", new Document("insight-1", new Document("text", "Noticed").append("tags", List.of("power"))
                        .append("happenedOn", null).append("recordedAt", Date.from(Instant.parse("2025-02-01T12:00:00Z")))
                        .append("recordedBy", "member-7")))));
        InsightRevised revised = new InsightRevised("insight-1", "place-1", "programme-1", "Noticed more", null, null,
                List.of("heard"), List.of(), null, "More precise", null, Instant.parse("2025-02-05T09:00:00Z"), "member-8");
        List<ViewEvent> later = ViewEvents.inOrder(PLACE, PLACE, revised,
                insight("insight-2", LocalDate.parse("2025-01-01"), Instant.parse("2025-02-06T12:00:00Z"))).subList(2, 4);

        view.apply(new PlaceTimelineProjection(), later);

        assertThat(PlaceTimelines.timeline(view.reader(), "place-1", 0, 50).orElseThrow().entries()).containsExactly(
                new PlaceTimelineInsight("insight-2", "Noticed insight-2", List.of("power"), LocalDate.parse("2025-01-01"),
                        Instant.parse("2025-02-06T12:00:00Z"), "member-7"),
                new PlaceTimelineInsight("insight-1", "Noticed more", List.of("heard"), null,
                        Instant.parse("2025-02-01T12:00:00Z"), "member-7"));
    }

    @Test
    void the_timeline_built_event_by_event_with_every_event_twice_equals_the_one_built_once() {
        List<ViewEvent> events = new ArrayList<>(ViewEvents.inOrder(PLACE,
                insight("insight-1", null, Instant.parse("2025-02-01T12:00:00Z")),
                insight("insight-2", LocalDate.parse("2025-01-02"), Instant.parse("2025-02-02T12:00:00Z"))));

        assertThat(timeline("place-1", ViewEvents.twice(events))).isEqualTo(timeline("place-1", events));
    }
}
