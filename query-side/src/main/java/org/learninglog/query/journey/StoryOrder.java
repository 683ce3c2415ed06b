package org.learninglog.query.journey;

import org.bson.Document;
import org.learninglog.query.view.Page;
import org.learninglog.query.view.PagedLog;
import org.learninglog.query.view.TimelineFilter;
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
 * the story's order. Most lines are recorded in about the story's order, so the head notes, for each
 * page, the earliest and latest day of its lines ({@value #DAYS}: {@code [earliest, latest, how many]},
 * days since 1970-01-01; for the latest {@value #CHUNK} pages, the earlier ones in documents of their
 * own); a line that happened more than {@value #LEEWAY_DAYS} days before the latest day recorded so far
 * (an import of old records, a meeting written up a year on) is out of order: it is left out of its
 * page's days and goes also into a log of its own, {@code tl:<place>|earlier} (whole lines: there are
 * few). A reader of page {@code k} reads those,
 * and of the timeline only the pages whose days may reach into the page asked for: a page whose
 * lines all come before it (even counting every line that could share its days) is counted without
 * being read, and one whose lines all come after it is passed over. The lines read, sorted, less the
 * lines counted before, are the page: the same as sorting the whole timeline, which is what is read
 * when a filter on something else than the clocks, the period, the principle, the theme and the layer
 * is given, or the head has no days (a log begun before this, until the view is rebuilt). Each page's
 * range also carries the instants its lines were recorded between and how many lines carry each facet
 * ({@link StoryFacets}), so that a filter on those can count or pass over most pages unread.
 */
final class StoryOrder {

    static final String DAYS = "storyDays";
    /** Which chunk of {@value #CHUNK} pages the head's days are of; the chunks before are documents of their own. */
    static final String CHUNK_FIELD = "storyChunk";
    /** The latest day among the lines recorded in order (as the days: days since 1970-01-01). */
    static final String LATEST = "storyLatest";
    /**
     * How far before the latest day a line may have happened and still count as in order: an insight
     * is often noted weeks after it happened, and would otherwise fill the log of lines out of order
     * (which every read reads whole); within this, it only widens its page's days a little.
     */
    static final int LEEWAY_DAYS = 92;
    /**
     * The head keeps the days of the latest {@value} pages only (it is written every batch that
     * appends to the timeline); the days of each earlier run of as many pages, which no longer
     * change, are in {@code tl:<place>|days#<n>}, written once.
     */
    static final int CHUNK = 40;
    /** A page's range with the earliest and latest instant its lines were recorded at (epoch milliseconds), for the record's clock. */
    private static final int RANGE_WITH_RECORDED = 5;
    /** A page's range with how many of its lines carry each facet ({@link StoryFacets}), for a journey by principle, theme or layer. */
    private static final int RANGE_WITH_FACETS = 6;

    /** Where a page's lines in order stand to a filter on the two clocks and the period. */
    private enum Fit { ALL, NONE, SOME }

    private StoryOrder() {
    }

    static String earlierKey(String timelineKey) {
        return timelineKey + "|earlier";
    }

    static String daysKey(String timelineKey, int chunk) {
        return timelineKey + "|days#" + chunk;
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
        int chunk = head.getInteger(CHUNK_FIELD, 0);
        if (page >= (chunk + 1) * CHUNK) { // the head's pages are complete: their days go into a document of their own
            Document done = view.edit(daysKey(key, chunk));
            if (done != null) {
                done.put(DAYS, days);
            }
            chunk++;
            days = new ArrayList<>();
            head.put(CHUNK_FIELD, chunk);
            head.put(DAYS, days);
        }
        while (chunk * CHUNK + days.size() <= page) {
            days.add(new ArrayList<>(java.util.Arrays.asList(null, null, 0, null, null, StoryFacets.NONE)));
        }
        int day = (int) line.date().toEpochDay();
        Number latest = head.get(LATEST, Number.class);
        if (latest != null && day < latest.intValue() - LEEWAY_DAYS) {
            PagedLog.append(view, earlierKey(key), line.toDocument(), null);
            return;
        }
        head.put(LATEST, latest == null ? day : Math.max(day, latest.intValue()));
        List<Object> range = days.get(page - chunk * CHUNK);
        int lines = ((Number) range.get(2)).intValue();
        range.set(0, lines == 0 ? day : Math.min(day, ((Number) range.get(0)).intValue()));
        range.set(1, lines == 0 ? day : Math.max(day, ((Number) range.get(1)).intValue()));
        range.set(2, lines + 1);
        if (range.size() >= RANGE_WITH_RECORDED || lines == 0) { // a page begun before the instants were noted has none
            long recorded = line.recordedAt().toEpochMilli();
            while (range.size() < RANGE_WITH_RECORDED) {
                range.add(null);
            }
            range.set(3, lines == 0 ? recorded : Math.min(recorded, ((Number) range.get(3)).longValue()));
            range.set(4, lines == 0 ? recorded : Math.max(recorded, ((Number) range.get(4)).longValue()));
        }
        if (range.size() >= RANGE_WITH_FACETS || lines == 0) { // nor one begun before the facets were
            while (range.size() < RANGE_WITH_FACETS) {
                range.add(StoryFacets.NONE);
            }
            range.set(5, StoryFacets.counted(head, lines == 0 ? StoryFacets.NONE : range.get(5), line, PagedLog.pageSize(head)));
        }
    }

    /** How many of the sorted {@code days} come before {@code day} (or on it, when {@code including}). */
    private static int countBefore(List<Integer> days, int day, boolean including) {
        int low = 0;
        int high = days.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            int order = Integer.compare(days.get(middle), day);
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

    /** Whether {@link #page} can answer {@code filter}: one on the clocks, the period of days, the principle, theme and layer only. */
    static boolean answers(TimelineFilter filter) {
        return new TimelineFilter(null, null, null, null, null, filter.sphere(), filter.source(),
                filter.kind(), filter.placeId(), null, null, filter.late()).equals(TimelineFilter.NONE);
    }

    /**
     * How many of the lines in order of a page with {@code range} {@code filter} keeps, if the range
     * says so exactly; -1 if the page has to be read to know (null: none can fit).
     */
    private static Long counted(List<Object> range, TimelineFilter filter, StoryFacets.Wanted wanted) {
        int lines = ((Number) range.get(2)).intValue();
        Fit clocks = lines == 0 ? Fit.NONE : fit(range, filter); // no lines in order: all loose
        if (clocks == Fit.NONE) {
            return null;
        }
        if (wanted.none()) {
            return clocks == Fit.ALL ? (long) lines : -1L;
        }
        if (range.size() < RANGE_WITH_FACETS) {
            return -1L; // a page begun before the facets were noted
        }
        int[] carrying = wanted.carrying(range.get(5));
        int partly = 0;
        int kept = lines;
        for (int count : carrying) {
            if (count == 0) {
                return null;
            }
            if (count < lines) {
                partly++;
                kept = count;
            }
        }
        // with two facets each on only some of the lines, how many lines carry both is not known
        return clocks == Fit.ALL && partly <= 1 ? (long) kept : -1L;
    }

    /** How the lines in order of a page with {@code range} fit {@code filter}, from the range alone. */
    private static Fit fit(List<Object> range, TimelineFilter filter) {
        int first = ((Number) range.get(0)).intValue();
        int last = ((Number) range.get(1)).intValue();
        Long earliestRecorded = range.size() >= RANGE_WITH_RECORDED ? ((Number) range.get(3)).longValue() : null;
        Long latestRecorded = range.size() >= RANGE_WITH_RECORDED ? ((Number) range.get(4)).longValue() : null;
        Long asOf = filter.asOf() == null ? null : filter.asOf().toEpochMilli();
        Integer on = filter.on() == null ? null : (int) filter.on().toEpochDay();
        Integer from = filter.from() == null ? null : (int) filter.from().toEpochDay();
        Integer to = filter.to() == null ? null : (int) filter.to().toEpochDay();
        if ((asOf != null && earliestRecorded != null && earliestRecorded > asOf) || (on != null && first > on)
                || (from != null && last < from) || (to != null && first > to)) {
            return Fit.NONE;
        }
        boolean all = (asOf == null || (latestRecorded != null && latestRecorded <= asOf)) && (on == null || last <= on)
                && (from == null || first >= from) && (to == null || last <= to);
        return all ? Fit.ALL : Fit.SOME;
    }

    /**
     * Page {@code page} of {@code size} of the lines of the timeline {@code key} that {@code filter}
     * keeps ({@link #answers one on the clocks and the period}), in the story's order, if its head has
     * the days of every page; empty otherwise.
     *
     * <p>A page whose range says none of its lines in order fits is passed over, and one whose range
     * says only some may fit is read whole: its fitting lines join the lines out of order as loose
     * lines, each known with its day. The pages whose lines all fit are then counted or read as
     * without a filter. A page begun before the recorded instants were noted is read whole when the
     * record's clock is asked.
     */
    static Optional<Page<TimelineLine>> page(ViewReader reader, String key, Document head, TimelineFilter filter, int page, int size) {
        if (head == null || days(head) == null || !answers(filter)) {
            return Optional.empty();
        }
        long count = PagedLog.count(head);
        int pageSize = PagedLog.pageSize(head);
        List<List<Object>> days = new ArrayList<>();
        int chunks = head.getInteger(CHUNK_FIELD, 0);
        List<String> chunkKeys = new ArrayList<>();
        for (int chunk = 0; chunk < chunks; chunk++) {
            chunkKeys.add(daysKey(key, chunk));
        }
        java.util.Map<String, Document> earlierChunks = new java.util.HashMap<>();
        reader.getAll(chunkKeys).forEach(chunk -> earlierChunks.put(chunk.getString("_id"), chunk));
        if (earlierChunks.size() != chunks) {
            return Optional.empty();
        }
        for (String chunkKey : chunkKeys) {
            days.addAll(days(earlierChunks.get(chunkKey)));
        }
        days.addAll(days(head));
        if (days.size() != (count + pageSize - 1) / pageSize) {
            return Optional.empty();
        }
        Document earlierHead = reader.get(earlierKey(key));
        List<TimelineLine> outOfOrder = reader.entries(earlierKey(key), 0, PagedLog.count(earlierHead),
                TimelineLine::of, line -> true, Integer.MAX_VALUE);
        Set<Long> earlier = new HashSet<>();
        List<TimelineLine> read = new ArrayList<>(); // the loose lines, then those of the pages read
        for (TimelineLine line : outOfOrder) {
            earlier.add(line.position());
            if (filter.test(line)) {
                read.add(line);
            }
        }
        StoryFacets.Wanted wanted = StoryFacets.wanted(head, filter);
        List<Long> kept = new ArrayList<>(); // per page, how many of its lines in order fit: null none, -1 not known
        List<String> partly = new ArrayList<>();
        for (int j = 0; j < days.size(); j++) {
            Long fitting = counted(days.get(j), filter, wanted);
            kept.add(fitting);
            if (fitting != null && fitting < 0) {
                partly.add(PagedLog.pageId(key, j));
            }
        }
        addLinesInOrder(reader.getAll(partly), earlier, filter, read);
        List<Integer> looseDays = new ArrayList<>();
        for (TimelineLine line : read) {
            looseDays.add((int) line.date().toEpochDay());
        }
        Collections.sort(looseDays);
        long loose = read.size();
        long from = (long) page * size;
        long to = from + size;
        long before = 0; // fitting lines on pages counted without being read, all of them before the page asked for
        long total = loose;
        List<String> toRead = new ArrayList<>();
        for (int j = 0; j < days.size(); j++) {
            Long lines = kept.get(j);
            if (lines == null || lines <= 0) {
                continue;
            }
            List<Object> range = days.get(j);
            total += lines;
            int first = ((Number) range.get(0)).intValue();
            int last = ((Number) range.get(1)).intValue();
            long atMost = -1; // the highest rank a fitting line of this page can have: every fitting line that may share its days
            long atLeast = 0; // the lowest: every fitting line of the days before its first
            for (int o = 0; o < days.size(); o++) {
                Long otherLines = kept.get(o);
                if (otherLines == null || otherLines <= 0) {
                    continue;
                }
                List<Object> other = days.get(o);
                if (((Number) other.get(0)).intValue() <= last) {
                    atMost += otherLines;
                }
                if (o != j && ((Number) other.get(1)).intValue() < first) {
                    atLeast += otherLines;
                }
            }
            atMost += countBefore(looseDays, last, true);
            atLeast += countBefore(looseDays, first, false);
            if (atMost < from) {
                before += lines;
            } else if (atLeast < to) {
                toRead.add(PagedLog.pageId(key, j));
            }
        }
        addLinesInOrder(reader.getAll(toRead), earlier, filter, read);
        read.sort(JourneyQueries.CHRONOLOGICAL);
        int start = (int) Math.min(read.size(), Math.max(0, from - before));
        int end = (int) Math.min(read.size(), Math.max(0, to - before));
        return Optional.of(new Page<>(page, size, total, List.copyOf(read.subList(start, end))));
    }

    /** Adds the lines of {@code pages} that are in order (not among {@code earlier}) and fit. */
    private static void addLinesInOrder(List<Document> pages, Set<Long> earlier, java.util.function.Predicate<TimelineLine> fits,
                                        List<TimelineLine> into) {
        for (Document stored : pages) {
            for (Document entry : stored.getList(PagedLog.ENTRIES, Document.class, List.of())) {
                TimelineLine line = TimelineLine.of(entry);
                if (!earlier.contains(line.position()) && fits.test(line)) {
                    into.add(line);
                }
            }
        }
    }
}
