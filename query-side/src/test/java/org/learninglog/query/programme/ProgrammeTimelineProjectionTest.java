package org.learninglog.query.programme;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.insight.InsightRetracted;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.query.view.InMemoryDocuments;
import org.learninglog.query.view.PagedLog;
import org.learninglog.query.view.TimelineFilter;
import org.learninglog.query.view.TimelineLine;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewEvents;
import org.learninglog.query.view.ViewReader;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The programme timeline projection as a plain unit, read back through its queries. */
class ProgrammeTimelineProjectionTest {

    private static final List<ViewEvent> HISTORY = ViewEvents.inOrder(
            new PlaceRegistered("place-1", "programme-1", "Riverside", ViewEvents.recordedAt(1)),
            new PlaceRegistered("place-2", "programme-1", "Hilltop", ViewEvents.recordedAt(2)),
            insight("insight-1", "place-1", "able to influence", 3),
            insight("insight-2", "place-2", "building on strengths", 4),
            new InsightRetracted("insight-1", "place-1", "programme-1", "recorded twice", LocalDate.ofInstant(ViewEvents.recordedAt(5), ZoneOffset.UTC), ViewEvents.recordedAt(5), "member-1"),
            insight("insight-3", "place-2", "able to influence", 6));

    private static InsightRecorded insight(String insightId, String placeId, String principle, long position) {
        return new InsightRecorded(insightId, placeId, "programme-1", "Noticed " + insightId, false, null, null,
                List.of(principle), List.of(), null, null, null, ViewEvents.recordedAt(position), "member-1");
    }

    private static ViewReader view() {
        return new InMemoryDocuments().apply(new ProgrammeTimelineProjection(), HISTORY).reader();
    }

    @Test
    void the_programme_timeline_lists_the_lines_of_all_its_places_in_the_order_recorded() {
        ProgrammeTimeline timeline = ProgrammeTimelineQueries.timeline(view(), "programme-1", TimelineFilter.NONE, 0, 10);

        assertThat(timeline.total()).isEqualTo(4);
        assertThat(timeline.items()).extracting(TimelineLine::subjectId)
                .containsExactly("insight-1", "insight-2", "insight-1", "insight-3");
    }

    @Test
    void a_filter_by_place_and_principle_keeps_only_the_matching_lines() {
        TimelineFilter filter = new TimelineFilter(null, null, "able to influence", null, null, null, null, null, "place-2", null);

        assertThat(ProgrammeTimelineQueries.timeline(view(), "programme-1", filter, 0, 10).items())
                .extracting(TimelineLine::subjectId).containsExactly("insight-3");
    }

    @Test
    void a_replay_step_gives_the_event_of_that_step_and_the_state_after_it() {
        ReplayStep step = ProgrammeTimelineQueries.step(view(), "programme-1", 3);

        assertThat(step.event().kind()).isEqualTo("insight-retracted");
        assertThat(step.stateAfter().steps()).isEqualTo(3);
        assertThat(step.stateAfter().byKind()).containsEntry("insight-recorded", 2L).containsEntry("insight-retracted", 1L);
        assertThat(step.stateAfter().byPlace()).containsEntry("place-1", 2L).containsEntry("place-2", 1L);
        assertThat(step.previousStep()).isEqualTo(2);
        assertThat(step.nextStep()).isEqualTo(4);
    }

    @Test
    void a_facet_log_refers_to_its_lines_and_one_of_whole_lines_kept_before_reads_the_same() {
        InMemoryDocuments documents = new InMemoryDocuments().apply(new ProgrammeTimelineProjection(), HISTORY.subList(0, 4));
        String principle = ProgrammeTimelineProjection.facetKey("programme-1", "principle", "able to influence");
        Document page = documents.load(PagedLog.pageId(principle, 0));
        assertThat(page.getList(PagedLog.ENTRIES, Document.class)).allSatisfy(entry ->
                assertThat(entry.keySet()).containsExactly(ProgrammeTimelineProjection.LINE, PagedLog.AT, ProgrammeTimelineProjection.PAGE));
        assertThat(documents.ids()).noneMatch(id -> id.contains("@")); // no line is kept alone
        // As a store kept before references: the facet log's entries are the whole lines.
        page.put(PagedLog.ENTRIES, page.getList(PagedLog.ENTRIES, Document.class).stream()
                .map(entry -> lineOnTimeline(documents, "programme-1", entry.get(ProgrammeTimelineProjection.LINE, Number.class).longValue()))
                .toList());
        documents.store(List.of(page));

        documents.apply(new ProgrammeTimelineProjection(), HISTORY.subList(4, HISTORY.size()));
        TimelineFilter filter = new TimelineFilter(null, null, "able to influence", null, null, null, null, null, null, null);

        assertThat(ProgrammeTimelineQueries.timeline(documents.reader(), "programme-1", filter, 0, 10).items())
                .isEqualTo(ProgrammeTimelineQueries.timeline(view(), "programme-1", filter, 0, 10).items())
                .extracting(TimelineLine::kind).containsExactly("insight-recorded", "insight-retracted", "insight-recorded");
        assertThat(documents.load(PagedLog.pageId(principle, 0)).getList(PagedLog.ENTRIES, Document.class).get(1).keySet())
                .containsExactly(ProgrammeTimelineProjection.LINE, PagedLog.AT, ProgrammeTimelineProjection.PAGE);
    }

    /**
     * References made before they named the timeline's page their line is on pointed at the line
     * kept alone ({@code ptl:<programme>@<position>}): a view kept so reads as one built now, before
     * and after more events, and an event delivered again keeps no line alone.
     */
    @Test
    void references_made_before_they_named_their_page_read_as_before_and_as_the_pages_read() {
        List<ViewEvent> history = longHistory(150);
        InMemoryDocuments documents = new InMemoryDocuments().apply(new ProgrammeTimelineProjection(), history.subList(0, 90));
        for (String id : documents.ids()) {
            if (id.contains("|") && id.contains("#") && !id.contains("|story:")) { // a facet log's page (story logs hold whole lines)
                Document page = documents.load(id);
                for (Document reference : page.getList(PagedLog.ENTRIES, Document.class)) {
                    long position = reference.get(ProgrammeTimelineProjection.LINE, Number.class).longValue();
                    assertThat(reference.remove(ProgrammeTimelineProjection.PAGE)).isNotNull();
                    Document alone = new Document("_id", ProgrammeTimelineProjection.lineId("programme-1", position));
                    alone.putAll(lineOnTimeline(documents, "programme-1", position));
                    documents.store(List.of(alone));
                }
                documents.store(List.of(page));
            }
        }
        InMemoryDocuments before = documents;
        ViewReader now = new InMemoryDocuments().apply(new ProgrammeTimelineProjection(), history).reader();
        before.apply(new ProgrammeTimelineProjection(), history.subList(90, history.size()));
        long alone = before.ids().stream().filter(id -> id.contains("@")).count();
        before.apply(new ProgrammeTimelineProjection(), history); // every event delivered again

        assertThat(alone).isPositive();
        assertThat(before.ids().stream().filter(id -> id.contains("@")).count()).isEqualTo(alone);
        for (TimelineFilter filter : List.of(
                new TimelineFilter(null, null, "able to influence", null, null, null, null, null, null, null),
                new TimelineFilter(null, null, null, null, null, null, null, null, "place-2", null, null, null),
                new TimelineFilter(null, null, null, null, null, null, null, null, "place-2", ViewEvents.recordedAt(120), null, null),
                new TimelineFilter(null, null, "building on strengths", null, null, null, null, null, "place-3", null, null, null))) {
            for (int page = 0; page < 4; page++) {
                assertThat(ProgrammeTimelineQueries.timeline(before.reader(), "programme-1", filter, page, 10).items())
                        .as("%s, page %d", filter, page)
                        .isEqualTo(ProgrammeTimelineQueries.timeline(now, "programme-1", filter, page, 10).items());
            }
        }
        assertThat(ProgrammeTimelineQueries.timeline(now, "programme-1",
                new TimelineFilter(null, null, null, null, null, null, null, null, "place-2", null, null, null), 3, 10).items()).hasSize(10);
    }

    /** Places 1-3 and {@code insights} insights among them, their principles in turn: lines over several of the timeline's pages. */
    private static List<ViewEvent> longHistory(int insights) {
        List<Object> events = new java.util.ArrayList<>();
        for (int place = 1; place <= 3; place++) {
            events.add(new PlaceRegistered("place-" + place, "programme-1", "Place " + place, ViewEvents.recordedAt(place)));
        }
        List<String> principles = List.of("able to influence", "building on strengths", "connected and heard", "equitable opportunity");
        for (int i = 0; i < insights; i++) {
            events.add(insight("insight-" + i, "place-" + (1 + i % 3), principles.get(i % principles.size()), 4 + i));
        }
        return ViewEvents.inOrder(events.toArray());
    }

    /** The line at {@code position} as the timeline's page holds it. */
    private static Document lineOnTimeline(InMemoryDocuments documents, String programmeId, long position) {
        return documents.ids().stream().filter(id -> id.startsWith(ProgrammeTimelineProjection.timelineKey(programmeId) + "#"))
                .flatMap(id -> documents.load(id).getList(PagedLog.ENTRIES, Document.class).stream())
                .filter(line -> line.get(TimelineLine.POSITION, Number.class).longValue() == position)
                .findFirst().map(Document::new).orElseThrow();
    }
}
