package org.learninglog.query.search;

import org.bson.Document;
import org.learninglog.query.view.ViewReader;
import org.learninglog.query.view.LiveViews;
import org.learninglog.query.view.EvidenceOpener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Searches a programme's index by exact keys: the heads of the query's terms in one read, then the
 * rarest term's pages newest first, a few at a time, with the documents of their hits; a hit
 * matches when its document holds every other term. A page whose {@link TermSignature} lacks one
 * of the other terms is passed over without reading its hits' documents, so two common terms
 * never found together cost the rarest term's pages only; and a query of one term counts the hits
 * before the page asked for from the pages (which mark their withdrawn hits), reading the documents
 * of the hits it shows only. It stops once it has the page asked for and
 * one hit more, so what a query reads grows with the page asked for and with how rarely the terms
 * occur together, not with how common they are.
 */
@Component
public class SearchQueries {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    /** Pages of postings read at most in one round trip. */
    private static final int MAX_PAGES_AT_ONCE = 16;

    private final LiveViews views;
    private final EvidenceOpener evidence;

    public SearchQueries(LiveViews views, EvidenceOpener evidence) {
        this.views = views;
        this.evidence = evidence;
    }

    /** The hits with their evidence readable, or marked removed where the person withdrew consent. */
    public SearchResults search(String programmeId, String query, String kind, boolean includeWithdrawn, int page, int size) {
        SearchResults results = search(views.reader(SearchProjection.NAME), programmeId, query, kind, includeWithdrawn, page, size);
        return new SearchResults(results.programmeId(), results.query(), results.terms(), results.hits().stream()
                .map(hit -> new SearchResults.Hit(hit.kind(), hit.id(), hit.placeId(), hit.title(), hit.text(), hit.status(),
                        hit.score(), evidence.open(hit.evidence()))).toList(),
                results.page(), results.size(), results.total(), results.totalExact());
    }

    /** The first page of {@value #DEFAULT_SIZE}. */
    public static SearchResults search(ViewReader reader, String programmeId, String query, String kind, boolean includeWithdrawn) {
        return search(reader, programmeId, query, kind, includeWithdrawn, 0, DEFAULT_SIZE);
    }

    public static SearchResults search(ViewReader reader, String programmeId, String query, String kind, boolean includeWithdrawn,
                                       int page, int size) {
        List<String> terms = new ArrayList<>(Terms.of(query).keySet());
        List<String> keys = terms.stream().map(term -> SearchProjection.postingKey(programmeId, term)).toList();
        List<SearchDocuments.Head> heads = terms.isEmpty() ? List.of()
                : reader.getAll(keys).stream().map(SearchDocuments.Head::of).toList();
        if (heads.size() < terms.size() || terms.isEmpty()) {
            // no term, or a term nothing holds: nothing holds them all
            return new SearchResults(programmeId, query, terms, List.of(), page, size, 0, true);
        }
        SearchDocuments.Head rarest = Collections.min(heads, Comparator.comparingLong(head -> holders(head, null, true)));
        List<String> others = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            if (!keys.get(i).equals(rarest.key())) {
                others.add(terms.get(i));
            }
        }

        long skip = (long) page * size;
        long wanted = skip + size + 1; // the page and one more: whether there is a next page
        // the matches in order: a hit read from its document, or null for one settled by its page (its id beside)
        List<SearchResults.Hit> matches = new ArrayList<>();
        List<String> matchIds = new ArrayList<>();
        long checked = 0;
        long pageNo = rarest.appended() == null ? -1 : (rarest.appended() - 1) / SearchProjection.PAGE_SIZE;
        int pagesAtOnce = 1;
        while (pageNo >= 0 && matches.size() < wanted) {
            List<String> pageIds = new ArrayList<>();
            for (long p = pageNo; p >= 0 && pageIds.size() < pagesAtOnce; p--) {
                pageIds.add(rarest.pageId(p));
            }
            pageNo -= pageIds.size();
            pagesAtOnce = Math.min(MAX_PAGES_AT_ONCE, pagesAtOnce * 2);
            List<String> candidates = new ArrayList<>();
            // a query of one term settles the hits of a page that knows their statuses: they match unless withdrawn
            Set<String> settled = new HashSet<>();
            for (Document postings : reader.getAll(pageIds)) { // newest page first, as asked
                SearchDocuments.Page stored = SearchDocuments.Page.of(postings);
                if (!stored.mayHoldAll(others)) {
                    continue; // no hit of this page holds every other term: its hits' documents are not read
                }
                boolean settles = others.isEmpty() && stored.knowsStatuses();
                Set<String> withdrawn = new HashSet<>(stored.withdrawn());
                List<String> hits = stored.hits();
                for (int i = hits.size() - 1; i >= 0; i--) {
                    String hit = hits.get(i);
                    if (kind != null && !hit.startsWith(kind + ":")) {
                        continue;
                    }
                    if (settles && !includeWithdrawn && withdrawn.contains(hit)) {
                        continue;
                    }
                    candidates.add(hit);
                    if (settles) {
                        settled.add(hit);
                    }
                }
            }
            int next = 0;
            while (next < candidates.size() && matches.size() < wanted) {
                // read the documents of as many candidates as are likely to fill the page, judging by the matches so far
                long missing = wanted - matches.size();
                long perMatch = matches.isEmpty() ? (checked == 0 ? 1 : 4) : Math.max(1, (checked + matches.size() - 1) / matches.size());
                int chunk = (int) Math.min(candidates.size() - next, Math.max(16, Math.min(500, missing * perMatch)));
                List<String> chunkHits = candidates.subList(next, next + chunk);
                reader.getAll(chunkHits.stream().filter(hit -> !settled.contains(hit)).map(SearchProjection::docId).toList());
                for (String hit : chunkHits) {
                    checked++;
                    if (settled.contains(hit)) {
                        matches.add(null); // read below if it is shown
                        matchIds.add(hit);
                    } else {
                        SearchResults.Hit match = match(reader, hit, terms, others, includeWithdrawn);
                        if (match != null) {
                            matches.add(match);
                            matchIds.add(hit);
                        }
                    }
                    if (matches.size() >= wanted) {
                        break;
                    }
                }
                next += chunk;
            }
        }
        boolean readAll = matches.size() < wanted;
        long total;
        boolean exact;
        if (terms.size() == 1) {
            total = holders(rarest, kind, includeWithdrawn);
            exact = true;
        } else {
            total = matches.size();
            exact = readAll;
        }
        int from = (int) Math.min(skip, matches.size());
        int to = (int) Math.min(skip + size, matches.size());
        reader.getAll(matchIds.subList(from, to).stream().map(SearchProjection::docId).toList());
        List<SearchResults.Hit> shown = new ArrayList<>();
        for (int i = from; i < to; i++) {
            SearchResults.Hit hit = matches.get(i) != null ? matches.get(i) : match(reader, matchIds.get(i), terms, others, includeWithdrawn);
            if (hit != null) { // a hit its page settled is read now, as it is shown
                shown.add(hit);
            }
        }
        return new SearchResults(programmeId, query, terms, List.copyOf(shown), page, size, total, exact);
    }

    /** The hit, from its document (read already), if it matches: active unless withdrawn ones are asked for, holding every other term. */
    private static SearchResults.Hit match(ViewReader reader, String hit, List<String> terms, List<String> others,
                                           boolean includeWithdrawn) {
        Document stored = reader.get(SearchProjection.docId(hit));
        SearchDocuments.Hit doc = stored == null ? null : SearchDocuments.Hit.of(stored);
        if (doc == null || (!includeWithdrawn && !SearchProjection.ACTIVE.equals(doc.status()))) {
            return null;
        }
        if (doc.terms().isEmpty() || !doc.terms().keySet().containsAll(others)) {
            return null;
        }
        int score = 0;
        for (String term : terms) {
            score += doc.terms().getOrDefault(term, 0);
        }
        String[] kindAndId = hit.split(":", 2);
        return new SearchResults.Hit(kindAndId[0], kindAndId[1], doc.placeId(), doc.title(), doc.text(), doc.status(), score,
                doc.evidence());
    }

    /** How many hits of {@code kind} (any if {@code null}) hold a head's term now. */
    private static long holders(SearchDocuments.Head head, String kind, boolean includeWithdrawn) {
        long count = 0;
        for (String k : kind == null ? List.of("insight", "practice") : List.of(kind)) {
            count += head.holding(SearchProjection.bucket(k, SearchProjection.ACTIVE));
            if (includeWithdrawn) {
                count += head.holding(SearchProjection.bucket(k, "withdrawn"));
            }
        }
        return count;
    }
}
