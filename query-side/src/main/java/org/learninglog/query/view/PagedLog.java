package org.learninglog.query.view;

import org.bson.Document;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An append-only list of entries kept as exact-key documents: a head {@code <key>} counting the
 * entries (and, for a log whose months are looked up, noting where each month of recording begins),
 * and pages {@code <key>#<n>} of
 * {@value #PAGE_SIZE} entries. Entry {@code i} is on page {@code i / PAGE_SIZE}, so any entry, any
 * page and the start of any month are one or two {@code _id} lookups away: no query ever scans.
 *
 * <p>Why pages of {@value #PAGE_SIZE}: the live processor writes every page it appended to once a
 * batch, whole, and most logs (a place's, a principle's) get a few lines a batch, so a page's size
 * is most of what a batch writes; a reader of fifty lines reads two or three pages in one round
 * trip. A head says the size of its pages ({@value #SIZE}); logs begun before it did have pages of
 * {@value #FIRST_PAGE_SIZE} and keep them.
 *
 * <p>Why only some logs index their months: the index grows by an entry a month, and the head is
 * written every batch that appends, for every log a line goes into (a dozen for a programme's line).
 * Only the programme's own timeline is looked up by month ({@link #appendIndexingMonths}); heads that
 * noted their months before keep what they noted, which nothing reads.
 */
public final class PagedLog {

    public static final int PAGE_SIZE = 25;
    /** The size of the pages of logs whose head does not say (begun when every page held this many). */
    static final int FIRST_PAGE_SIZE = 100;
    public static final String SIZE = "pageSize";
    public static final String COUNT = "count";
    public static final String MONTHS = "months";
    public static final String ENTRIES = "entries";
    public static final String AT = "at";

    private PagedLog() {
    }

    public static String pageId(String key, long page) {
        return key + "#" + page;
    }

    /**
     * Appends {@code entry} (which carries its recording instant in {@value #AT}) to the log
     * {@code key}, unless this event was already appended to it. {@code pageStart} may add to a
     * new page what a reader needs to start there (a state summary); it gets the head.
     */
    public static void append(ViewUpdate view, String key, Document entry, Function<Document, Document> pageStart) {
        append(view, key, entry, pageStart, false);
    }

    /** Like {@link #append}, and notes in the head where each month of recording begins ({@link #firstIndexFrom}). */
    public static void appendIndexingMonths(ViewUpdate view, String key, Document entry, Function<Document, Document> pageStart) {
        append(view, key, entry, pageStart, true);
    }

    private static void append(ViewUpdate view, String key, Document entry, Function<Document, Document> pageStart,
                               boolean indexMonths) {
        Document head = view.edit(key);
        if (head == null) {
            return; // this event is on the log already
        }
        if (head.get(COUNT) == null) {
            head.put(SIZE, PAGE_SIZE);
        }
        long index = count(head);
        String pageId = pageId(key, index / pageSize(head));
        Document page = index % pageSize(head) == 0 ? view.editBegun(pageId) : view.edit(pageId);
        if (page != null) {
            entries(page, head, pageStart).add(entry);
        }
        head.put(COUNT, index + 1);
        if (!indexMonths) {
            return;
        }
        Document months = head.get(MONTHS, Document.class);
        if (months == null) {
            months = new Document();
            head.put(MONTHS, months);
        }
        String month = YearMonth.from(entry.getDate(AT).toInstant().atZone(ZoneOffset.UTC)).toString();
        if (!months.containsKey(month)) {
            months.put(month, index);
        }
    }

    /**
     * The entries of {@code page} (being edited) to append to, begun if the page is new. They are kept as
     * {@link AppendOnlyEntries}, so that a live batch's walk after each event takes only those appended
     * since the walk before ({@link StoredShape}): nothing changes an entry once it is on a page.
     */
    @SuppressWarnings("unchecked")
    private static List<Document> entries(Document page, Document head, Function<Document, Document> pageStart) {
        Object entries = page.get(ENTRIES);
        if (entries instanceof AppendOnlyEntries<?> appendOnly) {
            return (List<Document>) appendOnly;
        }
        AppendOnlyEntries<Document> appendOnly = entries == null ? new AppendOnlyEntries<>()
                : new AppendOnlyEntries<>((List<Document>) entries);
        page.put(ENTRIES, appendOnly);
        if (entries == null && pageStart != null) {
            page.put("start", pageStart.apply(head));
        }
        return appendOnly;
    }

    /**
     * The id of the page the next entry of the log {@code head} goes on, if it has entries and the
     * page is begun; {@code null} if {@code head} is not a log's head.
     */
    public static String pageBeingFilled(Document head) {
        Number count = head.get(COUNT) instanceof Number number ? number : null;
        String key = head.get("_id") instanceof String id ? id : null;
        if (count == null || key == null || count.longValue() % pageSize(head) == 0) {
            return null; // an empty log, or its next page is new
        }
        return pageId(key, count.longValue() / pageSize(head));
    }

    /** How many entries each page of the log holds. */
    public static int pageSize(Document head) {
        if (head == null) {
            return PAGE_SIZE;
        }
        Number size = head.get(SIZE, Number.class);
        if (size != null) {
            return size.intValue();
        }
        return head.get(COUNT) == null ? PAGE_SIZE : FIRST_PAGE_SIZE;
    }

    public static long count(Document head) {
        return head == null || head.get(COUNT, Number.class) == null ? 0 : head.get(COUNT, Number.class).longValue();
    }

    /** The index of the first entry recorded in {@code month} or later; the count if none. */
    public static long firstIndexFrom(Document head, YearMonth month) {
        if (head == null) {
            return 0;
        }
        Document months = head.get(MONTHS, Document.class);
        long first = count(head);
        if (months != null) {
            for (Map.Entry<String, Object> start : months.entrySet()) {
                if (YearMonth.parse(start.getKey()).compareTo(month) >= 0) {
                    first = Math.min(first, ((Number) start.getValue()).longValue());
                }
            }
        }
        return first;
    }

    /** The index of the first entry recorded after {@code instant}'s month began (a place to start looking). */
    public static long firstIndexOfMonth(Document head, Instant instant) {
        return firstIndexFrom(head, YearMonth.from(instant.atZone(ZoneOffset.UTC)));
    }
}
