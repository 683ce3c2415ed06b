package org.learninglog.query.search;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.insight.InsightRetracted;
import org.learninglog.query.view.DocumentSource;
import org.learninglog.query.view.InMemoryDocuments;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewEvents;
import org.learninglog.query.view.ViewReader;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two common terms found together once: the query passes over the pages whose signature lacks the
 * other term without reading their hits, and still finds the one hit; a query of one term reads the
 * documents of the hits it shows only; pages kept before signatures are read as before.
 */
class TermSignatureTest {

    private static final int EACH = 400;

    private static List<ViewEvent> history() {
        List<Object> insights = new ArrayList<>();
        for (int i = 0; i < EACH; i++) {
            insights.add(insight("y" + i, "The youth group chaired the forum (" + i + ")", i * 2 + 1));
            insights.add(insight("r" + i, "Residents came to the school gate (" + i + ")", i * 2 + 2));
            if (i == EACH / 4) {
                insights.add(insight("both", "Residents heard the youth group", i * 2 + 2));
            }
        }
        for (int i = 0; i < EACH; i += 7) { // withdrawn, some on pages already full, one on the last
            insights.add(new InsightRetracted("r" + i, "place-1", "programme-1", "no longer stands", LocalDate.parse("2025-01-01"),
                    ViewEvents.recordedAt(EACH * 3 + i), "member-1"));
        }
        return ViewEvents.inOrder(insights.toArray());
    }

    private static InsightRecorded insight(String id, String text, int minute) {
        return new InsightRecorded(id, "place-1", "programme-1", text, false, null, null, List.of(), List.of(), null, null, null,
                ViewEvents.recordedAt(minute), "member-1");
    }

    @Test
    void pages_that_cannot_hold_the_other_term_are_passed_over() {
        InMemoryDocuments view = new InMemoryDocuments().apply(new SearchProjection(), history());
        Counting counting = new Counting(view);

        SearchResults results = SearchQueries.search(new ViewReader(counting), "programme-1", "youth residents", null, false);

        assertThat(results.hits()).extracting(SearchResults.Hit::id).containsExactly("both");
        assertThat(results.totalExact()).isTrue();
        // the one page of youth that holds the match is read hit by hit; without signatures, all 401 hits
        assertThat(counting.hitsRead).isLessThanOrEqualTo(SearchProjection.PAGE_SIZE);
    }

    @Test
    void one_term_reads_the_documents_of_the_hits_it_shows_only_and_answers_as_without_signatures() {
        InMemoryDocuments view = new InMemoryDocuments().apply(new SearchProjection(), history());
        Counting counting = new Counting(view);

        for (boolean withdrawn : List.of(false, true)) {
            SearchResults deep = SearchQueries.search(new ViewReader(counting), "programme-1", "residents", null, withdrawn, 3, 50);
            SearchResults before = SearchQueries.search(unsigned(history()).reader(), "programme-1", "residents", null, withdrawn, 3, 50);

            assertThat(deep).isEqualTo(before);
            assertThat(deep.hits()).hasSize(50);
        }
        assertThat(counting.hitsRead).isEqualTo(100);
    }

    @Test
    void pages_kept_before_signatures_are_read_hit_by_hit() {
        Counting counting = new Counting(unsigned(history()));

        SearchResults results = SearchQueries.search(new ViewReader(counting), "programme-1", "youth residents", null, false);

        assertThat(results.hits()).extracting(SearchResults.Hit::id).containsExactly("both");
        assertThat(counting.hitsRead).isGreaterThan(EACH);
    }

    /** The view as kept before signatures (and marks of withdrawn hits) on its pages. */
    private static InMemoryDocuments unsigned(List<ViewEvent> history) {
        InMemoryDocuments view = new InMemoryDocuments().apply(new SearchProjection(), history);
        for (String id : view.ids()) {
            if (id.startsWith("posting:")) { // pages, and heads keeping their first page
                Document page = view.load(id);
                page.remove("signature");
                page.remove("withdrawn");
                view.store(List.of(page));
            }
        }
        return view;
    }

    /** Counts the hits' documents a query reads. */
    private static final class Counting implements DocumentSource {

        private final InMemoryDocuments documents;
        int hitsRead;

        Counting(InMemoryDocuments documents) {
            this.documents = documents;
        }

        @Override
        public Document load(String id) {
            if (id.startsWith("doc:")) {
                hitsRead++;
            }
            return documents.load(id);
        }

        @Override
        public void store(Collection<Document> stored) {
            documents.store(stored);
        }
    }
}
