package org.learninglog.query.search;

import org.bson.Document;
import org.learninglog.query.view.Bson;
import org.learninglog.query.view.ViewReader;
import org.learninglog.query.view.Evidence;
import org.learninglog.query.view.Views;
import org.learninglog.store.personal.PersonalValues;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Searches a programme's index: one read of the terms' postings, one of the hits' documents. */
@Component
public class SearchQueries {

    private static final int MAX_HITS = 50;

    private final Views views;
    private final PersonalValues personalValues;

    public SearchQueries(Views views, PersonalValues personalValues) {
        this.views = views;
        this.personalValues = personalValues;
    }

    /** The hits with their evidence readable, or marked removed where the person withdrew consent. */
    public SearchResults search(String programmeId, String query, String kind, boolean includeWithdrawn) {
        SearchResults results = search(views.reader(SearchProjection.NAME), programmeId, query, kind, includeWithdrawn);
        return new SearchResults(results.programmeId(), results.query(), results.terms(), results.hits().stream()
                .map(hit -> new SearchResults.Hit(hit.kind(), hit.id(), hit.placeId(), hit.title(), hit.text(), hit.status(),
                        hit.score(), Evidence.opened(hit.evidence(), personalValues))).toList());
    }

    public static SearchResults search(ViewReader reader, String programmeId, String query, String kind, boolean includeWithdrawn) {
        List<String> terms = new ArrayList<>(Terms.of(query).keySet());
        if (terms.isEmpty()) {
            return new SearchResults(programmeId, query, terms, List.of());
        }
        List<Document> postings = reader.getAll(terms.stream().map(term -> SearchProjection.termId(programmeId, term)).toList());
        if (postings.size() < terms.size()) {
            return new SearchResults(programmeId, query, terms, List.of()); // a term nothing holds: nothing holds them all
        }
        Map<String, Integer> scores = null;
        for (Document posting : postings) {
            Document hits = posting.get("hits", Document.class);
            Map<String, Integer> next = new HashMap<>();
            if (hits != null) {
                for (Map.Entry<String, Object> hit : hits.entrySet()) {
                    if (scores == null || scores.containsKey(hit.getKey())) {
                        next.put(hit.getKey(), (scores == null ? 0 : scores.get(hit.getKey())) + ((Number) hit.getValue()).intValue());
                    }
                }
            }
            scores = next;
        }
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(scores.entrySet());
        ranked.removeIf(hit -> kind != null && !hit.getKey().startsWith(kind + ":"));
        ranked.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> ids = ranked.stream().limit(MAX_HITS * 2L).map(hit -> SearchProjection.docId(hit.getKey())).toList();
        reader.getAll(ids);
        List<SearchResults.Hit> hits = new ArrayList<>();
        for (Map.Entry<String, Integer> hit : ranked) {
            Document doc = reader.get(SearchProjection.docId(hit.getKey()));
            if (doc == null || hits.size() >= MAX_HITS || (!includeWithdrawn && !"active".equals(doc.getString("status")))) {
                continue;
            }
            String[] kindAndId = hit.getKey().split(":", 2);
            hits.add(new SearchResults.Hit(kindAndId[0], kindAndId[1], doc.getString("placeId"), doc.getString("title"),
                    doc.getString("text"), doc.getString("status"), hit.getValue(), Evidence.of(doc, "evidence")));
        }
        hits.sort(Comparator.comparingInt(SearchResults.Hit::score).reversed().thenComparing(SearchResults.Hit::id));
        return new SearchResults(programmeId, query, terms, hits);
    }
}
