package org.learninglog.query.search;

import org.junit.jupiter.api.Test;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.insight.InsightRetracted;
import org.learninglog.events.insight.InsightRevised;
import org.learninglog.events.practice.PracticeAdopted;
import org.learninglog.query.view.InMemoryDocuments;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewEvents;
import org.learninglog.query.view.ViewReader;

import java.time.LocalDate;
import java.time.ZoneOffset;
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
}
