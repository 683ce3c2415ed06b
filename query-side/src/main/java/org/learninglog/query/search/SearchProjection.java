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
import org.learninglog.query.view.Projection;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.EventLines;
import org.learninglog.query.view.ViewUpdate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Full-text search over the insights and practices of each programme, as an inverted index of
 * exact keys whose documents stay small however common a term is.
 *
 * <ul>
 *   <li>{@code posting:<programmeId>|<term>} is the head of a term's postings: how many entries
 *       were ever appended ({@value #APPENDED}), so the page to append to is {@code appended / }
 *       {@value #PAGE_SIZE}, and how many hits hold the term now, per kind and active or withdrawn
 *       ({@value #HOLDERS}), which is a one-term query's exact total.</li>
 *   <li>{@code posting:<programmeId>|<term>#<n>} are its pages: hit ids ({@code insight:<id>},
 *       {@code practice:<id>}) in the order they were indexed, at most {@value #PAGE_SIZE} each.</li>
 *   <li>{@code doc:<kind>:<id>} holds what is shown for a hit, the terms it is indexed under with
 *       how often they occur ({@code terms}) and the page each term's entry is on ({@code pages}).</li>
 * </ul>
 * Recording or revising a hit takes its entries off the pages they are on and appends them again
 * to its terms' last pages, so every term's pages list hits by the position they were last indexed
 * at, the same order for every term: a query walks its rarest term's pages newest first and stops
 * after the page of results it needs. Each event costs a few small documents per term of the hit,
 * never a document that grows with the history. A quote given as evidence is shown with its hit
 * (sealed with its person's key, as the processor hands it over) but never indexed: its words must
 * not outlive the person's consent in a posting list.
 */
@Component
public class SearchProjection implements Projection {

    public static final String NAME = "search";
    /** Hit ids per postings page. */
    public static final int PAGE_SIZE = 100;
    /** The head's count of entries ever appended (removed ones included). */
    public static final String APPENDED = "appended";
    /** The head's counts of the hits holding the term now, by {@link #bucket}. */
    public static final String HOLDERS = "holders";
    /** A page's hit ids. */
    public static final String HITS = "hits";
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

    @Override
    public String name() {
        return NAME;
    }

    public static String postingKey(String programmeId, String term) {
        return "posting:" + programmeId + "|" + term;
    }

    public static String pageId(String postingKey, long page) {
        return postingKey + "#" + page;
    }

    public static String docId(String hit) {
        return "doc:" + hit;
    }

    /** Where a hit of {@code kind} ("insight", "practice") with {@code status} is counted in a head. */
    public static String bucket(String kind, String status) {
        return kind + (ACTIVE.equals(status) ? "-active" : "-withdrawn");
    }

    @Override
    public void apply(ViewEvent event, ViewUpdate view) {
        HANDLERS.handle(event, view);
    }

    private static void personRegistered(PersonRegistered e, ViewEvent event, ViewUpdate view) {
        Document person = view.edit(EventLines.personKey(e.personId()));
        if (person != null) {
            person.append("personId", e.personId()).append("name", e.personalData() == null ? null : e.personalData().name());
        }
    }

    private static void insightRecorded(InsightRecorded e, ViewEvent event, ViewUpdate view) {
        index(view, "insight", e.insightId(), e.programmeId(), e.placeId(), null, e.text());
        Document doc = view.edit(docId("insight:" + e.insightId()));
        if (doc != null && e.evidence() != null) {
            Document person = view.read(EventLines.personKey(e.evidence().personId()));
            doc.append("evidence", Evidence.document(e.evidence(), person == null ? null : person.getString("name")));
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
        String name = title != null ? title : doc.getString("title");
        Map<String, Integer> terms = Terms.of((name == null ? "" : name + " ") + text);
        // read what this event changes in two round trips: the old entries' pages and every head, then the pages to append to
        List<String> heads = terms.keySet().stream().map(term -> postingKey(programmeId, term)).toList();
        List<String> ahead = new ArrayList<>(heads);
        Document oldPages = doc.get("pages", Document.class);
        if (oldPages != null && doc.getString("programmeId") != null) {
            oldPages.forEach((term, page) -> {
                String key = postingKey(doc.getString("programmeId"), term);
                ahead.add(key);
                ahead.add(pageId(key, ((Number) page).longValue()));
            });
        }
        view.prefetch(ahead);
        view.prefetch(heads.stream().map(key -> {
            Document head = view.read(key);
            Number appended = head == null ? null : head.get(APPENDED, Number.class);
            return pageId(key, appended == null ? 0 : appended.longValue() / PAGE_SIZE);
        }).toList());
        unindex(view, doc, hit, kind);
        Document counts = new Document();
        Document pages = new Document();
        terms.forEach((term, count) -> {
            counts.put(DocumentFields.key(term), count);
            Document head = view.edit(postingKey(programmeId, term));
            if (head == null) {
                return; // this event reached the term already (a commit cut short): as PagedLog, leave it
            }
            long appended = head.get(APPENDED, Number.class) == null ? 0 : head.get(APPENDED, Number.class).longValue();
            long pageNo = appended / PAGE_SIZE;
            Document page = view.edit(pageId(head.getString("_id"), pageNo));
            if (page != null) {
                hits(page).add(hit);
            }
            head.put(APPENDED, appended + 1);
            count(head, bucket(kind, ACTIVE), 1);
            pages.put(DocumentFields.key(term), pageNo);
        });
        doc.append("programmeId", programmeId).append("placeId", placeId).append("title", name).append("text", text)
                .append("status", ACTIVE).append("terms", counts).append("pages", pages);
    }

    /** Takes a hit's entries off its terms' pages and out of their counts. */
    private static void unindex(ViewUpdate view, Document doc, String hit, String kind) {
        Document pages = doc.get("pages", Document.class);
        String programmeId = doc.getString("programmeId");
        if (pages == null || programmeId == null) {
            return;
        }
        String status = doc.getString("status");
        for (Map.Entry<String, Object> term : pages.entrySet()) {
            String key = postingKey(programmeId, term.getKey());
            Document page = view.edit(pageId(key, ((Number) term.getValue()).longValue()));
            if (page != null) {
                hits(page).remove(hit);
            }
            count(view.edit(key), bucket(kind, status), -1);
        }
    }

    private static void status(ViewUpdate view, String kind, String id, String status) {
        Document doc = view.edit(docId(kind + ":" + id));
        if (doc == null || status.equals(doc.getString("status"))) {
            return;
        }
        Document pages = doc.get("pages", Document.class);
        String programmeId = doc.getString("programmeId");
        if (pages != null && programmeId != null) {
            view.prefetch(pages.keySet().stream().map(term -> postingKey(programmeId, term)).toList());
            for (String term : pages.keySet()) {
                Document head = view.edit(postingKey(programmeId, term));
                count(head, bucket(kind, doc.getString("status")), -1);
                count(head, bucket(kind, status), 1);
            }
        }
        doc.put("status", status);
    }

    private static List<String> hits(Document page) {
        List<String> hits = page.getList(HITS, String.class);
        if (hits == null) {
            hits = new ArrayList<>();
            page.put(HITS, hits);
        }
        return hits;
    }

    private static void count(Document head, String bucket, int by) {
        if (head == null) {
            return;
        }
        Document holders = head.get(HOLDERS, Document.class);
        if (holders == null) {
            holders = new Document();
            head.put(HOLDERS, holders);
        }
        long now = holders.get(bucket, Number.class) == null ? 0 : holders.get(bucket, Number.class).longValue();
        holders.put(bucket, now + by);
    }
}
