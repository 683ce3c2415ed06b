package org.learninglog.query.search;

import org.junit.jupiter.api.Test;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.insight.InsightRetracted;
import org.learninglog.events.insight.InsightRevised;
import org.learninglog.events.practice.PracticeAdopted;
import org.learninglog.query.view.DocumentSource;
import org.learninglog.query.view.InMemoryDocuments;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewEvents;
import org.learninglog.query.view.ViewReader;
import org.learninglog.query.view.ViewUpdate;

import org.bson.Document;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The search projection as a plain unit, read back through its query. */
class SearchProjectionTest {

    private static final List<ViewEvent> HISTORY = ViewEvents.inOrder(
            new InsightRecorded("insight-1", "place-1", "programme-1", "Residents came to the school gate", false, null, null,
                    List.of(), List.of(), null, null, null, ViewEvents.recordedAt(1), "member-1"),
            new PracticeAdopted("practice-1", "place-1", "programme-1", "Gate meetings", "Meet residents at the gate",
                    "They come there", List.of("insight-1"), List.of(), List.of("member-1"), "forum",
                    LocalDate.parse("2025-03-04"), ViewEvents.recordedAt(2), "member-1"),
            new InsightRevised("insight-1", "place-1", "programme-1", "Parents came to the school gate", null, null,
                    List.of(), List.of(), null, "more precise", LocalDate.ofInstant(ViewEvents.recordedAt(3), ZoneOffset.UTC), ViewEvents.recordedAt(3), "member-1"),
            new InsightRecorded("insight-2", "place-1", "programme-1", "The gate was locked", false, null, null,
                    List.of(), List.of(), null, null, null, ViewEvents.recordedAt(4), "member-1"),
            new InsightRetracted("insight-2", "place-1", "programme-1", "wrong place", LocalDate.ofInstant(ViewEvents.recordedAt(5), ZoneOffset.UTC), ViewEvents.recordedAt(5), "member-1"));

    private static ViewReader view() {
        return new InMemoryDocuments().apply(new SearchProjection(), HISTORY).reader();
    }

    private static List<String> ids(SearchResults results) {
        return results.hits().stream().map(hit -> hit.kind() + ":" + hit.id()).toList();
    }

    @Test
    void a_term_finds_every_active_hit_that_holds_it_newest_first_with_an_exact_total() {
        SearchResults results = SearchQueries.search(view(), "programme-1", "gate", null, false);

        assertThat(ids(results)).containsExactly("insight:insight-1", "practice:practice-1");
        assertThat(results.total()).isEqualTo(2);
        assertThat(results.totalExact()).isTrue();
    }

    @Test
    void a_revision_replaces_the_words_a_hit_is_found_by() {
        assertThat(ids(SearchQueries.search(view(), "programme-1", "residents", null, false))).containsExactly("practice:practice-1");
        assertThat(ids(SearchQueries.search(view(), "programme-1", "parents", null, false))).containsExactly("insight:insight-1");
    }

    @Test
    void a_retracted_insight_is_found_only_when_withdrawn_hits_are_asked_for() {
        assertThat(ids(SearchQueries.search(view(), "programme-1", "locked", null, false))).isEmpty();
        assertThat(ids(SearchQueries.search(view(), "programme-1", "locked", null, true))).containsExactly("insight:insight-2");
    }

    @Test
    void a_term_keeps_its_first_page_in_its_head() {
        InMemoryDocuments view = new InMemoryDocuments().apply(new SearchProjection(), HISTORY);

        assertThat(view.ids()).filteredOn(id -> id.startsWith("posting:")).noneMatch(id -> id.contains("#"));
        assertThat(view.load(SearchProjection.postingKey("programme-1", "locked")).getList("hits", String.class))
                .containsExactly("insight:insight-2");
    }

    @Test
    void terms_begun_with_their_first_page_apart_are_read_and_written_as_before() {
        List<ViewEvent> later = after(HISTORY,
                new InsightRevised("insight-1", "place-1", "programme-1", "Residents left the gate", null, null,
                        List.of(), List.of(), null, "again", LocalDate.ofInstant(ViewEvents.recordedAt(6), ZoneOffset.UTC), ViewEvents.recordedAt(6), "member-1"),
                new InsightRecorded("insight-3", "place-1", "programme-1", "Parents at the gate again", false, null, null,
                        List.of(), List.of(), null, null, null, ViewEvents.recordedAt(7), "member-1"),
                new InsightRetracted("insight-3", "place-1", "programme-1", "duplicate", LocalDate.ofInstant(ViewEvents.recordedAt(8), ZoneOffset.UTC), ViewEvents.recordedAt(8), "member-1"));
        InMemoryDocuments now = new InMemoryDocuments().apply(new SearchProjection(), HISTORY);
        InMemoryDocuments before = firstPagesApart(new InMemoryDocuments().apply(new SearchProjection(), HISTORY));
        assertThat(before.ids()).anyMatch(id -> id.endsWith("#0"));

        for (List<ViewEvent> events : List.of(List.<ViewEvent>of(), later)) {
            now.apply(new SearchProjection(), events);
            before.apply(new SearchProjection(), events);
            for (String query : List.of("gate", "residents", "parents", "locked", "gate parents", "school")) {
                for (boolean withdrawn : List.of(false, true)) {
                    SearchResults expected = SearchQueries.search(now.reader(), "programme-1", query, null, withdrawn);
                    SearchResults actual = SearchQueries.search(before.reader(), "programme-1", query, null, withdrawn);
                    assertThat(ids(actual)).as(query).isEqualTo(ids(expected));
                    assertThat(actual.total()).as(query).isEqualTo(expected.total());
                }
            }
        }
        assertThat(ids(SearchQueries.search(before.reader(), "programme-1", "gate", null, true)))
                .containsExactly("insight:insight-3", "insight:insight-1", "insight:insight-2", "practice:practice-1");
    }

    /** Events that follow {@code history}, at the positions after its last. */
    private static List<ViewEvent> after(List<ViewEvent> history, Object... payloads) {
        List<ViewEvent> events = new ArrayList<>();
        for (ViewEvent event : ViewEvents.inOrder(payloads)) {
            long position = history.size() + event.position();
            events.add(new ViewEvent(position, "event-" + position, ViewEvents.recordedAt(position), event.payload()));
        }
        return events;
    }

    /** The view as kept before heads kept their first page: that page is {@code #0}. */
    private static InMemoryDocuments firstPagesApart(InMemoryDocuments view) {
        for (String id : new ArrayList<>(view.ids())) {
            Document head = view.load(id);
            if (id.startsWith("posting:") && !id.contains("#") && head.containsKey("hits")) {
                Document page = new Document("_id", SearchProjection.pageId(id, 0)).append("_pos", head.get("_pos"));
                for (String field : List.of("hits", "signature", "withdrawn")) {
                    if (head.containsKey(field)) {
                        page.append(field, head.remove(field));
                    }
                }
                view.store(List.of(head, page));
            }
        }
        return view;
    }

    /**
     * A revision and a withdrawal ask only for documents there are: the pages an entry is on are asked for
     * once its terms' heads are read, so a term that keeps its first page in its head (every term begun
     * now) is not asked for a page {@code #0} apart. A live batch asked for those (absent) ids in a round
     * trip of their own whenever a hit was recorded and changed in the same batch.
     */
    @Test
    void a_revision_or_a_withdrawal_asks_for_no_first_page_apart_from_its_head() {
        for (int changed : List.of(2, 4)) { // insight-1 revised; insight-2 retracted
            InMemoryDocuments stored = new InMemoryDocuments().apply(new SearchProjection(), HISTORY.subList(0, changed));
            List<String> asked = new ArrayList<>();
            DocumentSource asking = new DocumentSource() {
                @Override
                public Document load(String id) {
                    asked.add(id);
                    return stored.load(id);
                }

                @Override
                public void store(Collection<Document> documents) {
                    stored.store(documents);
                }
            };

            ViewUpdate update = new ViewUpdate(asking, HISTORY.get(changed).position());
            new SearchProjection().apply(HISTORY.get(changed), update);
            update.commit();

            assertThat(asked).as("ids asked for by %s", HISTORY.get(changed).payload().getClass().getSimpleName())
                    .isNotEmpty().noneMatch(id -> id.endsWith("#0"));
        }
        assertThat(ids(SearchQueries.search(view(), "programme-1", "parents", null, false))).containsExactly("insight:insight-1");
    }
}
