package org.learninglog.query.journey;

import org.bson.Document;
import org.learninglog.query.view.Page;
import org.learninglog.query.view.PagedLog;
import org.learninglog.query.view.TimelineLine;
import org.learninglog.query.view.ViewReader;
import org.learninglog.query.view.ViewUpdate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Lets a page of a place's journey, oldest first by the day things happened, be read from the few
 * pages of its timeline that can hold it, rather than from all of them.
 *
 * <p>A place's timeline ({@code tl:<place>}) is kept in the order recorded; the journey is shown in
 * the story's order. Most lines are recorded in the story's order, so the head notes, for each page,
 * the first and last day of the lines that were ({@value #DAYS}: {@code [first, last, how many]});
 * a line that happened before the latest day recorded so far (an insight noted months later, an
 * import of old records) is out of order, and goes also into a log of its own,
 * {@code tl:<place>|earlier} (whole lines: there are few). A reader of page {@code k} reads those,
 * and of the timeline only the pages whose days may reach into the page asked for: a page whose
 * lines all come before it (even counting every line that could share its days) is counted without
 * being read, and one whose lines all come after it is passed over. The lines read, sorted, less the
 * lines counted before, are the page: the same as sorting the whole timeline, which is what is read
 * when a filter is given or the head has no days (a log begun before this, until the view is rebuilt).
 */
final class StoryOrder {

    static final String DAYS = "storyDays";
    /** The latest day among the lines recorded in order. */
    static final String LATEST = "storyLatest";

    private StoryOrder() {
    }

    static String earlierKey(String timelineKey) {
        return timelineKey + "|earlier";
    }

    /** Notes {@code line}, just appended to the timeline {@code key}, in its head. */
    static void note(ViewUpdate view, String key, TimelineLine line) {
        Document head = view.edit(key);
        if (head == null) {
            return; // this event is on the timeline already
        }
        long index = PagedLog.count(head) - 1;
        List<List<Object>> days = days(head);
        if (days == null) {
            if (index != 0) {
                return; // a timeline begun before the days were noted: read whole until rebuilt
            }
            days = new ArrayList<>();
            head.put(DAYS, days);
        }
        int page = (int) (index / PagedLog.pageSize(head));
        while (days.size() <= page) {
            days.add(new ArrayList<>(java.util.Arrays.asList(null, null, 0)));
        }
        String day = line.date().toString();
        String latest = head.getString(LATEST);
        if (latest != null && day.compareTo(latest) < 0) {
            PagedLog.append(view, earlierKey(key), line.toDocument(), null);
            return;
        }
        head.put(LATEST, day);
        List<Object> range = days.get(page);
        if (range.get(0) == null) {
            range.set(0, day);
        }
        range.set(1, day);
        range.set(2, ((Number) range.get(2)).intValue() + 1);
    }

    /** How many of the sorted {@code days} come before {@code day} (or on it, when {@code including}). */
    private static int countBefore(List<String> days, String day, boolean including) {
        int low = 0;
        int high = days.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            int order = days.get(middle).compareTo(day);
            if (order < 0 || (including && order == 0)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    @SuppressWarnings("unchecked")
    private static List<List<Object>> days(Document head) {
        return (List<List<Object>>) head.get(DAYS);
    }

    /**
     * Page {@code page} of {@code size} of the timeline {@code key} in the story's order, if its head
     * has the days of every page; empty otherwise.
     */
    static Optional<Page<TimelineLine>> page(ViewReader reader, String key, Document head, int page, int size) {
        List<List<Object>> days = head == null ? null : days(head);
        long count = PagedLog.count(head);
        int pageSize = PagedLog.pageSize(head);
        if (days == null || days.size() != (count + pageSize - 1) / pageSize) {
            return Optional.empty();
        }
        Document earlierHead = reader.get(earlierKey(key));
        List<TimelineLine> read = new ArrayList<>(reader.entries(earlierKey(key), 0, PagedLog.count(earlierHead),
                TimelineLine::of, line -> true, Integer.MAX_VALUE));
        Set<Long> earlier = new HashSet<>();
        List<String> earlierDays = new ArrayList<>();
        for (TimelineLine line : read) {
            earlier.add(line.position());
            earlierDays.add(line.date().toString());
        }
        Collections.sort(earlierDays);
        long from = (long) page * size;
        long to = from + size;
        long before = 0; // lines on pages counted without being read, all of them before the page asked for
        List<String> toRead = new ArrayList<>();
        for (int j = 0; j < days.size(); j++) {
            List<Object> range = days.get(j);
            int lines = ((Number) range.get(2)).intValue();
            if (lines == 0) {
                continue; // only lines out of order, read above
            }
            String first = (String) range.get(0);
            String last = (String) range.get(1);
            long atMost = -1; // the highest rank a line of this page can have: every line that may share its days
            long atLeast = 0; // the lowest: every line of the days before its first
            for (List<Object> other : days) {
                int otherLines = ((Number) other.get(2)).intValue();
                if (otherLines > 0 && ((String) other.get(0)).compareTo(last) <= 0) {
                    atMost += otherLines;
                }
                if (otherLines > 0 && other != range && ((String) other.get(1)).compareTo(first) < 0) {
                    atLeast += otherLines;
                }
            }
            atMost += countBefore(earlierDays, last, true);
            atLeast += countBefore(earlierDays, first, false);
            if (atMost < from) {
                before += lines;
            } else if (atLeast < to) {
                toRead.add(PagedLog.pageId(key, j));
            }
        }
        for (Document stored : reader.getAll(toRead)) {
            for (Document entry : stored.getList(PagedLog.ENTRIES, Document.class, List.of())) {
                TimelineLine line = TimelineLine.of(entry);
                if (!earlier.contains(line.position())) {
                    read.add(line);
                }
            }
        }
        read.sort(JourneyQueries.CHRONOLOGICAL);
        int start = (int) Math.min(read.size(), Math.max(0, from - before));
        int end = (int) Math.min(read.size(), Math.max(0, to - before));
        return Optional.of(new Page<>(page, size, count, List.copyOf(read.subList(start, end))));
    }
}
