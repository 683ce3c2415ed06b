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
                assertThat(entry.keySet()).containsExactly(ProgrammeTimelineProjection.LINE, PagedLog.AT));
        // As a store kept before references: the facet log's entries are the whole lines, and lines
        // were not kept alone.
        page.put(PagedLog.ENTRIES, page.getList(PagedLog.ENTRIES, Document.class).stream()
                .map(entry -> documents.load(ProgrammeTimelineProjection.lineId("programme-1",
                        entry.get(ProgrammeTimelineProjection.LINE, Number.class).longValue())))
                .map(line -> { Document whole = new Document(line); whole.remove("_id"); whole.remove("_pos"); return whole; })
                .toList());
        documents.store(List.of(page));
        documents.ids().stream().filter(id -> id.contains("@")).toList().forEach(documents::remove);

        documents.apply(new ProgrammeTimelineProjection(), HISTORY.subList(4, HISTORY.size()));
        TimelineFilter filter = new TimelineFilter(null, null, "able to influence", null, null, null, null, null, null, null);

        assertThat(ProgrammeTimelineQueries.timeline(documents.reader(), "programme-1", filter, 0, 10).items())
                .isEqualTo(ProgrammeTimelineQueries.timeline(view(), "programme-1", filter, 0, 10).items())
                .extracting(TimelineLine::kind).containsExactly("insight-recorded", "insight-retracted", "insight-recorded");
        assertThat(documents.load(PagedLog.pageId(principle, 0)).getList(PagedLog.ENTRIES, Document.class).get(1).keySet())
                .containsExactly(ProgrammeTimelineProjection.LINE, PagedLog.AT);
    }
}
