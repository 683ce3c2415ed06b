package org.learninglog.query.search;

import org.bson.Document;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.insight.InsightRetracted;
import org.learninglog.events.insight.InsightRevised;
import org.learninglog.events.person.PersonRegistered;
import org.learninglog.events.practice.PracticeAdapted;
import org.learninglog.events.practice.PracticeAdopted;
import org.learninglog.events.practice.PracticeRetired;
import org.learninglog.query.view.DocumentFields;
import org.learninglog.query.view.EventHandlers;
import org.learninglog.query.view.Evidence;
import org.learninglog.query.view.DispatchingProjection;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.EventLines;
import org.learninglog.query.view.ViewUpdate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Full-text search over the insights and practices of each programme, as an inverted index of
 * exact keys whose documents stay small however common a term is.
 *
 * <ul>
 *   <li>{@code posting:<programmeId>|<term>} is the head of a term's postings: how many entries
 *       were ever appended ({@code appended}), so the page to append to is {@code appended / }
 *       {@value #PAGE_SIZE}, and how many hits hold the term now, per kind and active or withdrawn
 *       ({@code holders}), which is a one-term query's exact total.</li>
 *   <li>{@code posting:<programmeId>|<term>#<n>} are its pages: hit ids ({@code insight:<id>},
 *       {@code practice:<id>}) in the order they were indexed, at most {@value #PAGE_SIZE} each, and
 *       a {@link TermSignature} of the terms those hits hold, so that a query of several terms skips
 *       the pages of its rarest term that cannot hold the others without reading their hits, and
 *       which of them are withdrawn, so that a query of one term counts the hits before the page
 *       asked for without reading them. A term's first page is kept in its head ({@link #pageId(String,
 *       Document, long)}): most terms are found a few times, and a term found once was two documents,
 *       a third of what a rebuild wrote. Terms begun before keep their first page {@code #0}.</li>
 *   <li>{@code doc:<kind>:<id>} holds what is shown for a hit, the terms it is indexed under with
 *       how often they occur ({@code terms}) and the page each term's entry is on ({@code pages}).</li>
 * </ul>
 * Their fields are named and mapped in {@link SearchDocuments}. Recording or revising a hit takes its entries off the pages they are on and appends them again
 * to its terms' last pages, so every term's pages list hits by the position they were last indexed
 * at, the same order for every term: a query walks its rarest term's pages newest first and stops
 * after the page of results it needs. Each event costs a few small documents per term of the hit,
 * never a document that grows with the history. A quote given as evidence is shown with its hit
 * (sealed with its person's key, as the processor hands it over) but never indexed: its words must
 * not outlive the person's consent in a posting list.
 */
@Component
public class SearchProjection extends DispatchingProjection {

    public static final String NAME = "search";
    /** Hit ids per postings page. */
    public static final int PAGE_SIZE = 100;
    public static final String ACTIVE = "active";

    private static final EventHandlers<ViewUpdate> HANDLERS = new EventHandlers<ViewUpdate>()
            .on(PersonRegistered.class, SearchProjection::personRegistered)
            .on(InsightRecorded.class, SearchProjection::insightRecorded)
            .on(InsightRevised.class, (e, event, view) -> index(view, "insight", e.insightId(), e.programmeId(), e.placeId(), null, e.text()))
            .on(InsightRetracted.class, (e, event, view) -> status(view, "insight", e.insightId(), "retracted"))
            .on(PracticeAdopted.class, (e, event, view) -> index(view, "practice", e.practiceId(), e.programmeId(), e.placeId(), e.name(),
                    e.description()))
            .on(PracticeAdapted.class, (e, event, view) -> index(view, "practice", e.practiceId(), e.programmeId(), e.placeId(), null,
                    e.becomes()))
            .on(PracticeRetired.class, (e, event, view) -> status(view, "practice", e.practiceId(), "retired"));

    public SearchProjection() {
        super(NAME, HANDLERS);
    }

    /**
     * A term's head: the page its next entry goes on, unless that page is new. A hit's document: its
     * terms' heads and the pages its entries are on, which its revision or withdrawal changes.
     */
    @Override
    public Collection<String> readNext(Document document) {
        String id = document.getString("_id");
        if (id == null) {
            return List.of();
        }
        if (id.startsWith("posting:") && !id.contains("#")) {
            long appended = SearchDocuments.Head.appendedTo(document);
            String page = pageId(id, document, appended / PAGE_SIZE);
            return appended % PAGE_SIZE == 0 || page.equals(id) ? List.of() : List.of(page);
        }
        if (id.startsWith("doc:")) {
            SearchDocuments.Hit indexed = SearchDocuments.Hit.of(document);
            List<String> next = new ArrayList<>();
            if (indexed.programmeId() != null) {
                indexed.pages().forEach((term, page) -> next.addAll(entryDocuments(postingKey(indexed.programmeId(), term), page)));
            }
            return next;
        }
        return List.of();
    }

    public static String postingKey(String programmeId, String term) {
        return "posting:" + programmeId + "|" + term;
    }

    public static String pageId(String postingKey, long page) {
        return postingKey + "#" + page;
    }

    /**
     * The id of page {@code page} of the term whose head is {@code head} (as stored or being edited;
     * {@code null} before the term's first entry): the head itself for the first page of a term
     * that keeps it there.
     */
    public static String pageId(String postingKey, Document head, long page) {
        return page == 0 && SearchDocuments.Head.keepsFirstPage(head) ? postingKey : pageId(postingKey, page);
    }

    /**
     * The documents an entry on page {@code page} of a term lies in, to read ahead without its head:
     * the head, and the page unless it is the first (which a term begun before it was kept in the
     * head has as {@code #0}: read too, found or not).
     */
    private static List<String> entryDocuments(String postingKey, long page) {
        return List.of(postingKey, pageId(postingKey, page));
    }

    public static String docId(String hit) {
        return "doc:" + hit;
    }

    /** Where a hit of {@code kind} ("insight", "practice") with {@code status} is counted in a head. */
    public static String bucket(String kind, String status) {
        return kind + (ACTIVE.equals(status) ? "-active" : "-withdrawn");
    }

    private static void personRegistered(PersonRegistered e, ViewEvent event, ViewUpdate view) {
        Document person = view.edit(EventLines.personKey(e.personId()));
        if (person != null) {
            new SearchDocuments.Person(e.personId(), e.personalData() == null ? null : e.personalData().name()).writeTo(person);
        }
    }

    private static void insightRecorded(InsightRecorded e, ViewEvent event, ViewUpdate view) {
        index(view, "insight", e.insightId(), e.programmeId(), e.placeId(), null, e.text());
        Document doc = view.edit(docId("insight:" + e.insightId()));
        if (doc != null && e.evidence() != null) {
            SearchDocuments.Person person = SearchDocuments.Person.of(view.read(EventLines.personKey(e.evidence().personId())));
            SearchDocuments.Hit.evidence(doc, Evidence.sealed(e.evidence(), person == null ? null : person.name()));
        }
    }

    /** (Re)indexes a hit under its new wording, as active, and makes it the newest entry of each of its terms. */
    private static void index(ViewUpdate view, String kind, String id, String programmeId, String placeId, String title,
                              String text) {
        String hit = kind + ":" + id;
        Document doc = view.edit(docId(hit));
        if (doc == null) {
            return; // this event is indexed already
        }
        SearchDocuments.Hit before = SearchDocuments.Hit.of(doc);
        String name = title != null ? title : before.title();
        Map<String, Integer> terms = Terms.of((name == null ? "" : name + " ") + text);
        // read what this event changes in two round trips at most (none when the batch read it ahead):
        // every head, then the pages of the old entries and those to append to
        List<String> heads = terms.keySet().stream().map(term -> postingKey(programmeId, term)).toList();
        List<String> ahead = new ArrayList<>(heads);
        ahead.addAll(entryHeads(before));
        view.prefetch(ahead);
        List<String> pagesAhead = new ArrayList<>(oldEntryPages(view, before));
        heads.stream().filter(key -> SearchDocuments.Head.appendedTo(view.read(key)) % PAGE_SIZE != 0) // a new page is not read
                .map(key -> pageId(key, view.read(key), SearchDocuments.Head.appendedTo(view.read(key)) / PAGE_SIZE))
                .forEach(pagesAhead::add);
        view.prefetch(pagesAhead);
        unindex(view, before, hit, kind);
        long[] termHashes = TermSignature.hashes(terms.keySet());
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Long> pages = new LinkedHashMap<>();
        terms.forEach((term, count) -> {
            counts.put(DocumentFields.key(term), count);
            Document head = view.edit(postingKey(programmeId, term));
            if (head == null) {
                // This event reached the term already: a batch's write was cut short after the term's
                // documents and before the hit's (written last). Leave the term as it is, as PagedLog
                // does, but note in the hit the page its entry went on.
                Long page = pageHolding(view, postingKey(programmeId, term), hit);
                if (page != null) {
                    pages.put(DocumentFields.key(term), page);
                }
                return;
            }
            long appended = SearchDocuments.Head.appendedTo(head);
            long pageNo = appended / PAGE_SIZE;
            String pageId = pageId(head.getString("_id"), head, pageNo);
            // a new page is begun by this entry: a write cut short leaves only what this batch applies again
            Document page = pageId.equals(head.getString("_id")) ? head
                    : appended % PAGE_SIZE == 0 ? view.editBegun(pageId) : view.edit(pageId);
            if (page != null) {
                List<String> hits = SearchDocuments.Page.hits(page);
                SearchDocuments.Page.signed(page, hits.isEmpty(), termHashes);
                hits.add(hit);
            }
            SearchDocuments.Head.appended(head, appended + 1);
            SearchDocuments.Head.count(head, bucket(kind, ACTIVE), 1);
            pages.put(DocumentFields.key(term), pageNo);
        });
        SearchDocuments.Hit.indexed(doc, programmeId, placeId, name, text, counts, pages);
    }

    /** The heads of the terms a hit is indexed under (none for a hit not indexed yet). */
    private static List<String> entryHeads(SearchDocuments.Hit indexed) {
        return indexed.programmeId() == null ? List.of()
                : indexed.pages().keySet().stream().map(term -> postingKey(indexed.programmeId(), term)).toList();
    }

    /**
     * The pages a hit's entries are on, its terms' heads read already ({@link #entryHeads}): the head itself for a first page
     * it keeps. Asked for before the heads were read, a first page was asked for as {@code #0} too,
     * which no term begun since keeps: a hit recorded and revised or withdrawn in one batch (not read
     * ahead, its document is the batch's) cost a round trip for those ids nearly every batch.
     */
    private static List<String> oldEntryPages(ViewUpdate view, SearchDocuments.Hit indexed) {
        if (indexed.programmeId() == null) {
            return List.of();
        }
        List<String> pages = new ArrayList<>();
        indexed.pages().forEach((term, page) -> {
            String key = postingKey(indexed.programmeId(), term);
            pages.add(pageId(key, view.read(key), page));
        });
        return pages;
    }

    /** Takes a hit's entries off its terms' pages and out of their counts. */
    private static void unindex(ViewUpdate view, SearchDocuments.Hit indexed, String hit, String kind) {
        if (indexed.programmeId() == null) {
            return;
        }
        for (Map.Entry<String, Long> term : indexed.pages().entrySet()) {
            String key = postingKey(indexed.programmeId(), term.getKey());
            // the head before its page: a batch writes what it changed first last (BatchDocuments)
            Document head = view.edit(key);
            Document page = view.edit(pageId(key, view.read(key), term.getValue()));
            if (page != null) {
                SearchDocuments.Page.remove(page, hit);
            }
            SearchDocuments.Head.count(head, bucket(kind, indexed.status()), -1);
        }
    }

    /** The page of term {@code key} that holds {@code hit}, newest first: an entry appended lately is on one of the last. */
    private static Long pageHolding(ViewUpdate view, String key, String hit) {
        long appended = SearchDocuments.Head.appendedTo(view.read(key));
        for (long page = (appended - 1) / PAGE_SIZE; page >= 0 && appended > 0; page--) {
            Document stored = view.read(pageId(key, view.read(key), page));
            if (stored != null && SearchDocuments.Page.of(stored).hits().contains(hit)) {
                return page;
            }
        }
        return null;
    }

    private static void status(ViewUpdate view, String kind, String id, String status) {
        Document doc = view.edit(docId(kind + ":" + id));
        if (doc == null) {
            return;
        }
        SearchDocuments.Hit indexed = SearchDocuments.Hit.of(doc);
        if (status.equals(indexed.status())) {
            return;
        }
        if (indexed.programmeId() != null) {
            view.prefetch(entryHeads(indexed));
            view.prefetch(oldEntryPages(view, indexed));
            String hit = kind + ":" + id;
            for (Map.Entry<String, Long> term : indexed.pages().entrySet()) {
                String key = postingKey(indexed.programmeId(), term.getKey());
                Document head = view.edit(key);
                // marked on the page too, so that a query of one term counts the page's active hits without their documents
                Document page = view.edit(pageId(key, view.read(key), term.getValue()));
                if (page != null) {
                    SearchDocuments.Page.status(page, hit, !ACTIVE.equals(status));
                }
                SearchDocuments.Head.count(head, bucket(kind, indexed.status()), -1);
                SearchDocuments.Head.count(head, bucket(kind, status), 1);
            }
        }
        SearchDocuments.Hit.status(doc, status);
    }
}
