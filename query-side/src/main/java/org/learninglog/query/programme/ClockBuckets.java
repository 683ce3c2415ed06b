package org.learninglog.query.programme;

import org.bson.Document;
import org.learninglog.query.view.PagedLog;
import org.learninglog.query.view.TimelineLine;
import org.learninglog.query.view.ViewReader;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A programme's lines summed by (month recorded, month of the story), cut on either clock by exact
 * keys: whole buckets from the counts document, and at most one month of lines folded on each
 * clock (the month of {@code known} from the timeline, whose head says where each recording month
 * begins; the month of {@code on} from that month's story log). Counts and the replay in story
 * order are both read from these sums.
 */
final class ClockBuckets {

    /** One bucket: the month a line was recorded in (UTC) and the month of the day it happened on. */
    record Bucket(YearMonth recorded, YearMonth story) implements Comparable<Bucket> {

        static Bucket of(TimelineLine line) {
            return new Bucket(YearMonth.from(line.recordedAt().atZone(ZoneOffset.UTC)), YearMonth.from(line.date()));
        }

        @Override
        public int compareTo(Bucket other) {
            return Comparator.comparing(Bucket::recorded).thenComparing(Bucket::story).compare(this, other);
        }
    }

    static final String LINES = "lines";
    static final String KINDS = "kinds";
    static final String PLACES = "places";
    static final String PRINCIPLES = "principles";
    static final String THEMES = "themes";
    /** A month's counts document: its buckets by the month of the story. */
    static final String STORY = "story";
    /** A year's tally: its months of recording, each with its buckets by the month of the story. */
    static final String RECORDED = "recorded";
    /**
     * In the timeline's head: where the tallies begin, the index of the first line tallied
     * ({@code line}) and the month it was recorded in ({@code month}). A view kept before tallies has
     * none; one upgraded with lines already kept reads the months up to that month from the counts
     * of each month (which go on being kept) and the later months from the tallies.
     */
    static final String TALLIED = "tallied";

    private ClockBuckets() {
    }

    /** Adds a line to a bucket's sums: lines, and lines by kind, place, principle and theme. */
    static void fold(Document bucket, TimelineLine line) {
        ProgrammeTimelineProjection.increment(bucket, LINES);
        ProgrammeTimelineProjection.increment(ProgrammeTimelineProjection.sub(bucket, KINDS), line.kind());
        if (line.placeId() != null) {
            ProgrammeTimelineProjection.increment(ProgrammeTimelineProjection.sub(bucket, PLACES), line.placeId());
        }
        line.principles().forEach(p -> ProgrammeTimelineProjection.increment(ProgrammeTimelineProjection.sub(bucket, PRINCIPLES), p));
        line.themes().forEach(t -> ProgrammeTimelineProjection.increment(ProgrammeTimelineProjection.sub(bucket, THEMES), t));
    }

    /** Adds a line to a tally's bucket: lines, and lines by principle and theme (what the counts show). */
    static void tally(Document bucket, TimelineLine line) {
        ProgrammeTimelineProjection.increment(bucket, LINES);
        line.principles().forEach(p -> ProgrammeTimelineProjection.increment(ProgrammeTimelineProjection.sub(bucket, PRINCIPLES), p));
        line.themes().forEach(t -> ProgrammeTimelineProjection.increment(ProgrammeTimelineProjection.sub(bucket, THEMES), t));
    }

    /** Notes in the timeline's head (being edited, after the line was appended) where the tallies began, once. */
    static void noteTallied(Document head, YearMonth recorded) {
        if (head != null && !head.containsKey(TALLIED)) {
            head.put(TALLIED, new Document("line", PagedLog.count(head) - 1).append("month", recorded.toString()));
        }
    }

    /** Adds the sums of {@code value} to {@code into}. */
    static void merge(Document into, Document value) {
        into.put(LINES, number(into.get(LINES)) + number(value.get(LINES)));
        for (String field : List.of(KINDS, PLACES, PRINCIPLES, THEMES)) {
            Document from = value.get(field, Document.class);
            if (from != null) {
                Document target = ProgrammeTimelineProjection.sub(into, field);
                from.forEach((key, count) -> target.put(key, number(target.get(key)) + number(count)));
            }
        }
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /**
     * The buckets of the lines recorded up to {@code known} ({@code null}: all) and, when {@code on}
     * is given, that happened by the end of that day; {@code null} if the programme has no counts.
     */
    static TreeMap<Bucket, Document> cut(ViewReader reader, String programmeId, Instant known, LocalDate on) {
        return cut(reader, programmeId, known, on, false);
    }

    /**
     * As above; {@code tallied}: from the tallies where they are kept, whose buckets hold lines by
     * principle and theme only (enough for the counts, not for the replay's state).
     */
    static TreeMap<Bucket, Document> cut(ViewReader reader, String programmeId, Instant known, LocalDate on, boolean tallied) {
        String key = ProgrammeTimelineProjection.timelineKey(programmeId);
        Document head = reader.get(key);
        List<Map.Entry<YearMonth, Document>> recorded = tallied ? talliedByRecordedMonth(reader, programmeId, head)
                : byRecordedMonth(reader, programmeId, head, null);
        if (recorded == null) {
            return null;
        }
        TreeMap<Bucket, Document> buckets = new TreeMap<>();
        YearMonth knownMonth = known == null ? null : YearMonth.from(known.atZone(ZoneOffset.UTC));
        YearMonth onMonth = on == null ? null : YearMonth.from(on);
        for (Map.Entry<YearMonth, Document> byRecorded : recorded) {
            YearMonth recordedIn = byRecorded.getKey();
            if (knownMonth != null && recordedIn.compareTo(knownMonth) >= 0) {
                continue; // the month of known is folded from its lines below; later months were not known
            }
            byRecorded.getValue().forEach((story, sums) -> {
                YearMonth storyIn = YearMonth.parse(story);
                if (onMonth == null || storyIn.isBefore(onMonth)) { // the month of on is folded from its log below
                    merge(buckets.computeIfAbsent(new Bucket(recordedIn, storyIn), b -> new Document()), (Document) sums);
                }
            });
        }
        if (knownMonth != null) {
            long first = PagedLog.firstIndexFrom(head, knownMonth);
            long next = PagedLog.firstIndexFrom(head, knownMonth.plusMonths(1));
            Predicate<TimelineLine> wanted = line -> !line.recordedAt().isAfter(known)
                    && (onMonth == null || YearMonth.from(line.date()).isBefore(onMonth));
            for (TimelineLine line : reader.entries(key, first, next, TimelineLine::of, wanted, Integer.MAX_VALUE)) {
                fold(buckets.computeIfAbsent(Bucket.of(line), b -> new Document()), line);
            }
        }
        if (onMonth != null) {
            for (TimelineLine line : storyMonth(reader, programmeId, onMonth, known, on)) {
                fold(buckets.computeIfAbsent(Bucket.of(line), b -> new Document()), line);
            }
        }
        return buckets;
    }

    /**
     * The lines that happened in {@code month}, recorded by {@code known} and happened by {@code on}
     * (either {@code null}: any), in the story's order: by day, then in the order recorded.
     */
    static List<TimelineLine> storyMonth(ViewReader reader, String programmeId, YearMonth month, Instant known, LocalDate on) {
        String key = ProgrammeTimelineProjection.storyKey(programmeId, month);
        Document head = reader.get(key);
        if (head == null) {
            return List.of();
        }
        Predicate<TimelineLine> wanted = line -> (known == null || !line.recordedAt().isAfter(known))
                && (on == null || !line.date().isAfter(on));
        return reader.entries(key, 0, PagedLog.count(head), TimelineLine::of, wanted, Integer.MAX_VALUE).stream()
                .sorted(STORY_ORDER).toList();
    }

    /** The story's order of lines: by the day they happened on, then in the order they were recorded. */
    static final Comparator<TimelineLine> STORY_ORDER = Comparator.comparing(TimelineLine::date)
            .thenComparingLong(TimelineLine::position);

    /** The months of the story the programme has lines in, whenever recorded, in order. */
    static List<YearMonth> storyMonths(ViewReader reader, String programmeId) {
        List<Map.Entry<YearMonth, Document>> recorded = talliedByRecordedMonth(reader, programmeId,
                reader.get(ProgrammeTimelineProjection.timelineKey(programmeId)));
        if (recorded == null) {
            return List.of();
        }
        java.util.TreeSet<YearMonth> months = new java.util.TreeSet<>();
        recorded.forEach(byStory -> byStory.getValue().keySet().forEach(m -> months.add(YearMonth.parse(m))));
        return List.copyOf(months);
    }

    /**
     * The programme's counts by month of recording, each month's buckets by month of the story
     * (a month may come twice: see below); {@code null} if it has none. The months are those the
     * timeline's head lists, read in one round trip. A view kept before counts were kept by month
     * has all months up to its upgrade in one document, and the months from then on in their own:
     * both are read, and the month of the upgrade, found in both, is summed.
     */
    private static List<Map.Entry<YearMonth, Document>> byRecordedMonth(ViewReader reader, String programmeId, Document head,
                                                                        YearMonth until) {
        List<Map.Entry<YearMonth, Document>> months = new java.util.ArrayList<>();
        Document before = reader.get(ProgrammeTimelineProjection.countsId(programmeId));
        if (before != null) {
            before.get(RECORDED, Document.class).forEach((month, byStory) ->
                    months.add(Map.entry(YearMonth.parse(month), (Document) byStory)));
        }
        Document index = head == null ? null : head.get(PagedLog.MONTHS, Document.class);
        if (index != null) {
            List<String> ids = index.keySet().stream().map(YearMonth::parse).filter(month -> until == null || !month.isAfter(until))
                    .map(month -> ProgrammeTimelineProjection.countsId(programmeId, month)).toList();
            for (Document counts : reader.getAll(ids)) {
                String id = counts.getString("_id");
                months.add(Map.entry(YearMonth.parse(id.substring(id.lastIndexOf(':') + 1)), counts.get(STORY, Document.class)));
            }
        }
        return before == null && months.isEmpty() ? null : months;
    }

    /**
     * As {@link #byRecordedMonth}, from the tallies: a document per recording year, each month's
     * buckets with lines by principle and theme only. Where the tallies began after the view had
     * lines (an upgraded view), the months up to the one they began in are read from the counts of
     * each month, the later ones from the tallies; a view without tallies is read as before.
     */
    private static List<Map.Entry<YearMonth, Document>> talliedByRecordedMonth(ViewReader reader, String programmeId,
                                                                               Document head) {
        Document tallied = head == null ? null : head.get(TALLIED, Document.class);
        if (tallied == null) {
            return byRecordedMonth(reader, programmeId, head, null);
        }
        YearMonth upgraded = number(tallied.get("line")) == 0 ? null : YearMonth.parse(tallied.getString("month"));
        List<Map.Entry<YearMonth, Document>> months = upgraded == null ? new java.util.ArrayList<>()
                : byRecordedMonth(reader, programmeId, head, upgraded);
        if (months == null) {
            months = new java.util.ArrayList<>();
        }
        java.util.Set<Integer> years = new java.util.TreeSet<>();
        head.get(PagedLog.MONTHS, Document.class).keySet().stream().map(YearMonth::parse)
                .filter(month -> upgraded == null || month.isAfter(upgraded)).forEach(month -> years.add(month.getYear()));
        List<String> ids = years.stream().map(year -> ProgrammeTimelineProjection.tallyId(programmeId, year)).toList();
        for (Document tally : reader.getAll(ids)) {
            for (Map.Entry<String, Object> month : tally.get(RECORDED, Document.class).entrySet()) {
                YearMonth recordedIn = YearMonth.parse(month.getKey());
                if (upgraded == null || recordedIn.isAfter(upgraded)) {
                    months.add(Map.entry(recordedIn, (Document) month.getValue()));
                }
            }
        }
        return months.isEmpty() ? null : months;
    }
}
