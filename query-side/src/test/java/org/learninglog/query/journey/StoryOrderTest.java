package org.learninglog.query.journey;

import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.query.view.DocumentSource;
import org.learninglog.query.view.InMemoryDocuments;
import org.learninglog.query.view.Page;
import org.learninglog.query.view.PagedLog;
import org.learninglog.query.view.TimelineFilter;
import org.learninglog.query.view.TimelineLine;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewReader;
import org.learninglog.sample.SampleHistory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of a place's journey read from the pages of its timeline that can hold it
 * ({@link StoryOrder}) is the page of the whole timeline sorted into the story's order.
 */
class StoryOrderTest {

    private final InMemoryDocuments view = new InMemoryDocuments().apply(new JourneyProjection(), history());

    private static List<ViewEvent> history() {
        List<DomainEventMessage<?>> messages = new ArrayList<>(SampleHistory.demo("demo").messages());
        messages.addAll(SampleHistory.generated(11, "gen", 2, 4_000, Instant.parse("2024-01-01T00:00:00Z")).messages());
        List<ViewEvent> events = new ArrayList<>();
        Random random = new Random(5);
        for (DomainEventMessage<?> message : messages) {
            events.add(new ViewEvent(events.size() + 1, message.getIdentifier(), message.getTimestamp(), message.getPayload()));
            if (message.getPayload() instanceof InsightRecorded insight && random.nextInt(12) == 0) {
                // an old record imported, or written up long after: months to years before the rest
                InsightRecorded old = new InsightRecorded(insight.insightId() + "-old", insight.placeId(), insight.programmeId(),
                        "Looking back: " + insight.text(), false, null, null, insight.principles(), insight.themes(),
                        insight.source(), null, insight.happenedOn().minusDays(100 + random.nextInt(1_000)),
                        insight.recordedAt(), insight.recordedBy());
                events.add(new ViewEvent(events.size() + 1, message.getIdentifier() + "-old", message.getTimestamp(), old));
            }
        }
        return events;
    }

    private List<String> places() {
        return view.ids().stream().filter(id -> id.startsWith("tl:") && !id.contains("#") && !id.contains("|"))
                .map(id -> id.substring("tl:".length())).toList();
    }

    @Test
    void every_page_of_every_size_is_the_page_of_the_whole_timeline_in_the_story_order() {
        int checked = 0;
        int withLinesOutOfOrder = 0;
        for (String place : places()) {
            String key = JourneyProjection.timelineKey(place);
            List<TimelineLine> whole = new ArrayList<>(JourneyQueries.timeline(view.reader(), place, TimelineFilter.NONE));
            whole.sort(JourneyQueries.CHRONOLOGICAL);
            if (PagedLog.count(view.load(StoryOrder.earlierKey(key))) > 0) {
                withLinesOutOfOrder++;
            }
            for (int size : new int[] {1, 7, 25, 50}) {
                for (int page = 0; page <= whole.size() / size + 1; page++) {
                    Optional<Page<TimelineLine>> read = StoryOrder.page(view.reader(), key, view.load(key), TimelineFilter.NONE, page, size);
                    assertThat(read).as("%s page %d of %d", place, page, size).contains(Page.of(whole, page, size));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(1_000);
        assertThat(view.ids()).as("days of earlier pages kept apart").anyMatch(id -> id.contains("|days#1"));
        assertThat(withLinesOutOfOrder).as("places with lines recorded out of the story's order").isGreaterThan(1);
    }

    @Test
    void every_page_on_the_clocks_in_a_period_and_by_principle_theme_or_layer_is_the_page_of_the_whole_timeline_filtered_in_the_story_order() {
        int checked = 0;
        for (String place : places()) {
            String key = JourneyProjection.timelineKey(place);
            List<TimelineLine> recorded = JourneyQueries.timeline(view.reader(), place, TimelineFilter.NONE);
            List<TimelineLine> story = new ArrayList<>(recorded);
            story.sort(JourneyQueries.CHRONOLOGICAL);
            List<TimelineFilter> filters = new ArrayList<>();
            for (int quarter = 1; quarter <= 3; quarter++) {
                Instant known = recorded.get(recorded.size() * quarter / 4).recordedAt();
                LocalDate day = story.get(story.size() * quarter / 4).date();
                filters.add(TimelineFilter.NONE.asOf(known));
                filters.add(TimelineFilter.NONE.asOf(known.minusMillis(1)));
                filters.add(TimelineFilter.NONE.on(day));
                filters.add(TimelineFilter.NONE.asOf(known).on(day));
                filters.add(new TimelineFilter(day.minusDays(40), day.plusDays(40), null, null, null, null, null, null, null, null));
            }
            filters.add(TimelineFilter.NONE.asOf(recorded.get(0).recordedAt().minusSeconds(1))); // nothing recorded yet
            Instant known = recorded.get(recorded.size() / 2).recordedAt();
            LocalDate day = story.get(story.size() / 2).date();
            for (String principle : List.of(SampleHistory.PRINCIPLES.get(0), SampleHistory.PRINCIPLES.get(1).toUpperCase(), "never said")) {
                filters.add(facets(principle, null, null));
                filters.add(facets(principle, null, null).asOf(known));
                filters.add(facets(principle, null, null).on(day));
            }
            filters.add(facets(null, SampleHistory.THEMES.get(0), null));
            filters.add(facets(null, null, "PLACE_NETWORK"));
            filters.add(facets(null, null, "place_network").asOf(known));
            filters.add(facets(SampleHistory.PRINCIPLES.get(0), SampleHistory.THEMES.get(1), null)); // two facets: read
            filters.add(facets(SampleHistory.PRINCIPLES.get(2), null, "INDIVIDUALS"));
            for (TimelineFilter filter : filters) {
                List<TimelineLine> kept = story.stream().filter(filter).toList();
                for (int size : new int[] {7, 50}) {
                    for (int page = 0; page <= kept.size() / size + 1; page++) {
                        Optional<Page<TimelineLine>> read = StoryOrder.page(view.reader(), key, view.load(key), filter, page, size);
                        assertThat(read).as("%s page %d of %d, %s", place, page, size, filter).contains(Page.of(kept, page, size));
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(1_000);
    }

    private static TimelineFilter facets(String principle, String theme, String layer) {
        return new TimelineFilter(null, null, principle, theme, layer, null, null, null, null, null);
    }

    @Test
    void a_page_of_fifty_reads_a_few_pages_of_a_long_timeline_not_all_of_them() {
        String place = places().stream().max((a, b) -> Long.compare(lines(a), lines(b))).orElseThrow();
        String key = JourneyProjection.timelineKey(place);
        long pages = (lines(place) + PagedLog.PAGE_SIZE - 1) / PagedLog.PAGE_SIZE;
        AtomicInteger pagesRead = new AtomicInteger();

        Page<TimelineLine> middle = JourneyQueries.lines(counting(key, pagesRead), place, TimelineFilter.NONE, (int) (lines(place) / 100), 50);

        assertThat(middle.items()).hasSize(50);
        assertThat(pages).isGreaterThan(20);
        assertThat(pagesRead.get()).as("pages read of %d (%d lines out of order)", pages,
                        PagedLog.count(view.load(StoryOrder.earlierKey(key)))).isLessThan((int) pages / 3);
    }

    @Test
    void a_page_of_fifty_by_principle_reads_a_few_pages_of_a_long_timeline_not_all_of_them() {
        String place = places().stream().max((a, b) -> Long.compare(lines(a), lines(b))).orElseThrow();
        String key = JourneyProjection.timelineKey(place);
        long pages = (lines(place) + PagedLog.PAGE_SIZE - 1) / PagedLog.PAGE_SIZE;
        TimelineFilter principle = facets(SampleHistory.PRINCIPLES.get(0), null, null);
        long kept = JourneyQueries.timeline(view.reader(), place, principle).size();
        AtomicInteger pagesRead = new AtomicInteger();

        Page<TimelineLine> middle = JourneyQueries.lines(counting(key, pagesRead), place, principle, (int) (kept / 100), 50);

        assertThat(middle.items()).hasSize(50);
        assertThat(middle.total()).isEqualTo(kept);
        assertThat(kept).as("lines by the principle").isGreaterThan(5 * 50).isLessThan(lines(place));
        assertThat(pagesRead.get()).as("pages read of %d", pages).isLessThan((int) pages / 3);
    }

    /** The view, counting the pages of the timeline {@code key} that are read. */
    private ViewReader counting(String key, AtomicInteger pagesRead) {
        return new ViewReader(new DocumentSource() {
            @Override
            public Document load(String id) {
                if (id.startsWith(key + "#")) {
                    pagesRead.incrementAndGet();
                }
                return view.load(id);
            }

            @Override
            public Map<String, Document> loadAll(Collection<String> ids) {
                ids.forEach(id -> pagesRead.addAndGet(id.startsWith(key + "#") ? 1 : 0));
                return view.loadAll(ids);
            }

            @Override
            public void store(Collection<Document> documents) {
                throw new UnsupportedOperationException("read only");
            }
        });
    }

    @Test
    void a_timeline_begun_before_the_days_were_noted_is_read_whole_and_answers_the_same() {
        String place = places().get(0);
        String key = JourneyProjection.timelineKey(place);
        Page<TimelineLine> noted = JourneyQueries.lines(view.reader(), place, TimelineFilter.NONE, 1, 50);
        Document head = view.load(key);
        head.remove(StoryOrder.DAYS);
        head.remove(StoryOrder.LATEST);
        view.store(List.of(head));

        assertThat(StoryOrder.page(view.reader(), key, view.load(key), TimelineFilter.NONE, 1, 50)).isEmpty();
        assertThat(JourneyQueries.lines(view.reader(), place, TimelineFilter.NONE, 1, 50)).isEqualTo(noted);
    }

    @Test
    void pages_begun_before_the_recorded_instants_were_noted_are_read_whole_on_the_record_clock_and_answer_the_same() {
        String place = places().get(0);
        String key = JourneyProjection.timelineKey(place);
        List<TimelineLine> recorded = JourneyQueries.timeline(view.reader(), place, TimelineFilter.NONE);
        TimelineFilter known = TimelineFilter.NONE.asOf(recorded.get(recorded.size() / 2).recordedAt());
        Page<TimelineLine> noted = JourneyQueries.lines(view.reader(), place, known, 1, 50);
        rangesCutTo(key, 3); // [first day, last day, lines]

        assertThat(JourneyQueries.lines(view.reader(), place, known, 1, 50)).isEqualTo(noted);
        assertThat(noted.total()).isEqualTo(recorded.stream().filter(known).count());
    }

    @Test
    void pages_begun_before_the_facets_were_noted_are_read_whole_by_principle_and_answer_the_same() {
        String place = places().get(0);
        String key = JourneyProjection.timelineKey(place);
        TimelineFilter principle = facets(SampleHistory.PRINCIPLES.get(0), null, null);
        Page<TimelineLine> noted = JourneyQueries.lines(view.reader(), place, principle, 1, 50);
        rangesCutTo(key, 5); // without the counts of facets

        assertThat(JourneyQueries.lines(view.reader(), place, principle, 1, 50)).isEqualTo(noted);
        assertThat(noted.total()).isEqualTo(JourneyQueries.timeline(view.reader(), place, principle).size());
    }

    /** Cuts every page's range of the timeline {@code key} to its first {@code size} items: pages begun before a version noted the rest. */
    private void rangesCutTo(String key, int size) {
        List<Document> cut = new ArrayList<>();
        for (String id : view.ids()) {
            if (id.equals(key) || id.startsWith(key + "|days#")) {
                Document document = view.load(id);
                for (List<?> range : document.getList(StoryOrder.DAYS, List.class)) {
                    while (range.size() > size) {
                        range.remove(range.size() - 1);
                    }
                }
                if (size < 6) {
                    document.remove(StoryFacets.FACETS);
                }
                cut.add(document);
            }
        }
        view.store(cut);
    }

    private long lines(String place) {
        return PagedLog.count(view.load(JourneyProjection.timelineKey(place)));
    }
}
