package org.learninglog.query.search;

import org.bson.Document;
import org.learninglog.query.view.Evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search view's stored shape: every field name in one place, read through the records below
 * ({@link SearchQueries} reads them) and written through their static writers (the projection
 * changes a head's counts and a page's hits in place, as one event touches a few of each).
 * See {@link SearchProjection} for what each document is for.
 */
public final class SearchDocuments {

    /** A page's hit ids. */
    public static final String HITS = "hits";
    /** A page's hits that are withdrawn (retracted, retired). */
    private static final String WITHDRAWN = "withdrawn";
    /** A page's {@link TermSignature}. */
    private static final String SIGNATURE = "signature";
    private static final String APPENDED = "appended";
    private static final String HOLDERS = "holders";
    private static final String PAGES = "pages";
    private static final String TERMS = "terms";
    private static final String STATUS = "status";
    private static final String EVIDENCE = "evidence";

    private SearchDocuments() {
    }

    /**
     * {@code posting:<programmeId>|<term>}: how many entries were ever appended to the term's pages
     * ({@code null} before the first) and how many hits hold the term now, per {@link SearchProjection#bucket};
     * and, for a term begun since, its first page's fields ({@link Page}), so that a term found a few
     * times is one document.
     */
    record Head(String key, Long appended, Map<String, Long> holders, boolean firstPageInHead) {

        static Head of(Document head) {
            Number appended = head.get(APPENDED, Number.class);
            Map<String, Long> holders = new LinkedHashMap<>();
            Document counts = head.get(HOLDERS, Document.class);
            if (counts != null) {
                counts.forEach((bucket, count) -> holders.put(bucket, ((Number) count).longValue()));
            }
            return new Head(head.getString("_id"), appended == null ? null : appended.longValue(), holders, keepsFirstPage(head));
        }

        /**
         * Whether the term of this head (as stored or being edited; {@code null} for a term not yet
         * found) keeps its first page in its head: every term begun since heads did, which a head
         * shows by its list of hits; a term with entries and no such list has its first page apart.
         */
        static boolean keepsFirstPage(Document head) {
            return appendedTo(head) == 0 || head.containsKey(HITS);
        }

        /** The id of the page {@code page} of this term. */
        String pageId(long page) {
            return page == 0 && firstPageInHead ? key : SearchProjection.pageId(key, page);
        }

        long holding(String bucket) {
            return holders.getOrDefault(bucket, 0L);
        }

        /** Entries ever appended to the head (being edited or read); 0 before the first. */
        static long appendedTo(Document head) {
            Number appended = head == null ? null : head.get(APPENDED, Number.class);
            return appended == null ? 0 : appended.longValue();
        }

        static void appended(Document head, long appended) {
            head.put(APPENDED, appended);
        }

        /** Changes the count of a bucket of the head (being edited); nothing if it was not edited for this event. */
        static void count(Document head, String bucket, int by) {
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

    /**
     * {@code posting:<programmeId>|<term>#<n>}: hit ids in the order they were indexed, the page's
     * {@link TermSignature} (every term of every hit appended to it), {@code null} on a page kept
     * before signatures: then nothing can be ruled out; and which of its hits are withdrawn.
     */
    record Page(List<String> hits, byte[] signature, List<String> withdrawn) {

        static Page of(Document page) {
            return new Page(page.getList(HITS, String.class, List.of()), TermSignature.of(page.get(SIGNATURE)),
                    page.getList(WITHDRAWN, String.class, List.of()));
        }

        /**
         * Whether the page knows which of its hits are withdrawn ({@code withdrawn}): a page with a
         * signature does, as every hit on it was appended (active) since signatures, and every
         * withdrawal since is marked on the hit's pages.
         */
        boolean knowsStatuses() {
            return signature != null;
        }

        /** Marks a hit of the page (being edited) withdrawn or active again. */
        static void status(Document page, String hit, boolean withdrawn) {
            List<String> marked = page.getList(WITHDRAWN, String.class);
            if (marked == null) {
                marked = new ArrayList<>();
                page.put(WITHDRAWN, marked);
            }
            marked.remove(hit);
            if (withdrawn) {
                marked.add(hit);
            }
        }

        /** Takes a hit off the page (being edited), and off its marks. */
        static void remove(Document page, String hit) {
            hits(page).remove(hit);
            List<String> marked = page.getList(WITHDRAWN, String.class);
            if (marked != null) {
                marked.remove(hit);
            }
        }

        /** Whether a hit on this page may hold every one of {@code terms}; {@code false} only when none can. */
        boolean mayHoldAll(List<String> terms) {
            return signature == null || terms.stream().allMatch(term -> TermSignature.mayHold(signature, term));
        }

        /**
         * Adds the terms of a hit appended to the page (being edited) to its signature. A page begun
         * before signatures gets none: it may hold hits whose terms it was never told.
         */
        static void signed(Document page, boolean isNew, long[] termHashes) {
            byte[] signature = TermSignature.of(page.get(SIGNATURE));
            if (signature == null && !isNew) {
                return;
            }
            page.put(SIGNATURE, new org.bson.types.Binary(TermSignature.with(signature, termHashes)));
        }

        /** The page's (being edited) list of hits, to change. */
        static List<String> hits(Document page) {
            List<String> hits = page.getList(HITS, String.class);
            if (hits == null) {
                hits = new ArrayList<>();
                page.put(HITS, hits);
            }
            return hits;
        }
    }

    /**
     * {@code doc:<kind>:<id>}: what is shown for a hit; the terms it is indexed under (safe keys) with
     * how often they occur; the page each term's entry is on; the evidence, sealed, if any.
     */
    record Hit(String programmeId, String placeId, String title, String text, String status, Map<String, Integer> terms,
               Map<String, Long> pages, Evidence evidence) {

        static Hit of(Document doc) {
            Map<String, Integer> terms = new LinkedHashMap<>();
            Document holds = doc.get(TERMS, Document.class);
            if (holds != null) {
                holds.forEach((term, count) -> terms.put(term, ((Number) count).intValue()));
            }
            Map<String, Long> pages = new LinkedHashMap<>();
            Document onPages = doc.get(PAGES, Document.class);
            if (onPages != null) {
                onPages.forEach((term, page) -> pages.put(term, ((Number) page).longValue()));
            }
            return new Hit(doc.getString("programmeId"), doc.getString("placeId"), doc.getString("title"),
                    doc.getString("text"), doc.getString(STATUS), terms, pages, Evidence.of(doc, EVIDENCE));
        }

        /** Writes the hit as (re)indexed, active, into its document (being edited); its evidence is left as it is. */
        static void indexed(Document doc, String programmeId, String placeId, String title, String text,
                            Map<String, Integer> terms, Map<String, Long> pages) {
            doc.append("programmeId", programmeId).append("placeId", placeId).append("title", title).append("text", text)
                    .append(STATUS, SearchProjection.ACTIVE).append(TERMS, new Document(new LinkedHashMap<>(terms)))
                    .append(PAGES, new Document(new LinkedHashMap<>(pages)));
        }

        static void evidence(Document doc, Evidence evidence) {
            doc.append(EVIDENCE, evidence == null ? null : evidence.toDocument());
        }

        static void status(Document doc, String status) {
            doc.put(STATUS, status);
        }
    }

    /** {@code person:<personId>}: a person's name, sealed with their key, for the evidence they give later. */
    record Person(String personId, String name) {

        static Person of(Document person) {
            return person == null ? null : new Person(person.getString("personId"), person.getString("name"));
        }

        void writeTo(Document person) {
            person.append("personId", personId).append("name", name);
        }
    }
}
