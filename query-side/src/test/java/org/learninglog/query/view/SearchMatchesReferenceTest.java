package org.learninglog.query.view;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.insight.InsightRetracted;
import org.learninglog.events.insight.InsightRevised;
import org.learninglog.events.practice.PracticeAdapted;
import org.learninglog.events.practice.PracticeAdopted;
import org.learninglog.events.practice.PracticeRetired;
import org.learninglog.sample.SampleHistory;
import org.learninglog.query.search.SearchDocuments;
import org.learninglog.query.search.SearchProjection;
import org.learninglog.query.search.SearchQueries;
import org.learninglog.query.search.SearchResults;
import org.learninglog.query.search.Terms;
import org.learninglog.store.MongoStore;
import org.learninglog.store.testkit.MongoStoreExtension;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paged search against a reference: every hit folded from the events with its current terms,
 * status and the position it was last indexed at, filtered and sorted by brute force. Common and
 * rare terms, several terms, kinds, withdrawn hits and pages well past the first must answer the
 * same hits in the same order, with a total that is exact or a true lower bound.
 */
@ExtendWith(MongoStoreExtension.class)
class SearchMatchesReferenceTest {

    private static final List<String> QUERIES = List.of("residents", "school gate", "gate", "youth forum", "braver ideas",
            "meeting residents", "weeks", "every weeks residents", "panel", "(77)", "revised 1100", "residents chairing school",
            "nothing-holds-this", "the and");

    private ViewFixture fixture;
    private List<ViewEvent> events;

    private record Reference(String kind, String id, String programmeId, Set<String> terms, String status, long indexedAt) {
    }

    @BeforeEach
    void setUp(MongoStore store) {
        fixture = new ViewFixture(store);
        fixture.append(SampleHistory.demo("demo"));
        fixture.append(SampleHistory.generated(5, "gen", 8, 1200, Instant.parse("2024-01-01T00:00:00Z")));
        events = fixture.stored();
    }

    @Test
    void every_page_of_every_query_equals_a_brute_force_search_of_the_folded_hits() {
        ViewFixture.applyLive(new SearchProjection(), fixture.collection("search_live"), events);
        ViewFixture.applyRebuild(new SearchProjection(), fixture.collection("search_rebuilt"), events);
        Map<String, Reference> hits = fold(events);
        int pagesChecked = 0;
        for (String collection : List.of("search_live", "search_rebuilt")) {
            for (String query : QUERIES) {
                for (String kind : new String[]{null, "insight", "practice"}) {
                    for (boolean withdrawn : new boolean[]{false, true}) {
                        List<Reference> expected = expected(hits, "gen", query, kind, withdrawn);
                        for (int size : new int[]{7, 50}) {
                            for (int page = 0; page <= Math.min(4, expected.size() / size + 1); page++) {
                                SearchResults results = SearchQueries.search(new ViewReader(fixture.collection(collection)), "gen",
                                        query, kind, withdrawn, page, size);
                                List<String> want = expected.stream().skip((long) page * size).limit(size)
                                        .map(hit -> hit.kind() + ":" + hit.id()).toList();
                                String what = collection + " q=" + query + " kind=" + kind + " withdrawn=" + withdrawn
                                        + " page=" + page + " size=" + size;
                                assertThat(results.hits().stream().map(hit -> hit.kind() + ":" + hit.id()).toList()).as(what)
                                        .isEqualTo(want);
                                if (results.totalExact()) {
                                    assertThat(results.total()).as(what).isEqualTo(expected.size());
                                } else {
                                    assertThat(results.total()).as(what).isLessThanOrEqualTo(expected.size())
                                            .isGreaterThan((long) (page + 1) * size);
                                }
                                if (Terms.of(query).size() == 1) {
                                    assertThat(results.totalExact()).as(what).isTrue();
                                }
                                pagesChecked++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(pagesChecked).isGreaterThan(500);
        assertThat(expected(hits, "gen", "residents", null, true).size()).as("a term spread over several pages")
                .isGreaterThan(SearchProjection.PAGE_SIZE);
    }

    @Test
    void what_a_query_reads_stays_small_for_a_common_term() {
        ViewFixture.applyRebuild(new SearchProjection(), fixture.collection("search_small"), events);
        var documents = fixture.collection("search_small");
        for (var document : documents.find()) {
            var hits = document.getList(SearchDocuments.HITS, String.class);
            assertThat(hits == null ? 0 : hits.size()).as(document.getString("_id")).isLessThanOrEqualTo(SearchProjection.PAGE_SIZE);
        }
    }

    private static List<Reference> expected(Map<String, Reference> hits, String programmeId, String query, String kind,
                                            boolean withdrawn) {
        Set<String> terms = Terms.of(query).keySet();
        if (terms.isEmpty()) {
            return List.of();
        }
        return hits.values().stream()
                .filter(hit -> hit.programmeId().equals(programmeId) && hit.terms().containsAll(terms))
                .filter(hit -> kind == null || hit.kind().equals(kind))
                .filter(hit -> withdrawn || hit.status().equals("active"))
                .sorted(Comparator.comparingLong(Reference::indexedAt).reversed())
                .toList();
    }

    private static Map<String, Reference> fold(List<ViewEvent> events) {
        Map<String, Reference> hits = new HashMap<>();
        Map<String, String> titles = new HashMap<>();
        for (ViewEvent event : events) {
            long at = event.position();
            if (event.payload() instanceof InsightRecorded e) {
                hits.put("insight:" + e.insightId(), new Reference("insight", e.insightId(), e.programmeId(),
                        Terms.of(e.text()).keySet(), "active", at));
            } else if (event.payload() instanceof InsightRevised e) {
                hits.put("insight:" + e.insightId(), new Reference("insight", e.insightId(), e.programmeId(),
                        Terms.of(e.text()).keySet(), "active", at));
            } else if (event.payload() instanceof PracticeAdopted e) {
                titles.put(e.practiceId(), e.name());
                hits.put("practice:" + e.practiceId(), new Reference("practice", e.practiceId(), e.programmeId(),
                        Terms.of(e.name() + " " + e.description()).keySet(), "active", at));
            } else if (event.payload() instanceof PracticeAdapted e) {
                String title = titles.get(e.practiceId());
                hits.put("practice:" + e.practiceId(), new Reference("practice", e.practiceId(), e.programmeId(),
                        Terms.of((title == null ? "" : title + " ") + e.becomes()).keySet(), "active", at));
            } else if (event.payload() instanceof InsightRetracted e) {
                hits.computeIfPresent("insight:" + e.insightId(), (k, hit) -> withStatus(hit, "retracted"));
            } else if (event.payload() instanceof PracticeRetired e) {
                hits.computeIfPresent("practice:" + e.practiceId(), (k, hit) -> withStatus(hit, "retired"));
            }
        }
        return hits;
    }

    private static Reference withStatus(Reference hit, String status) {
        return new Reference(hit.kind(), hit.id(), hit.programmeId(), hit.terms(), status, hit.indexedAt());
    }
}
