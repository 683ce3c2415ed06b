package org.learninglog.query.programme;

import org.bson.Document;
import org.learninglog.query.view.DocumentFields;
import org.learninglog.query.NotFoundException;
import org.learninglog.query.view.PagedLog;
import org.learninglog.query.view.TimelineFilter;
import org.learninglog.query.view.TimelineLine;
import org.learninglog.query.view.ViewReader;
import org.learninglog.query.view.LiveViews;
import org.learninglog.query.view.EvidenceOpener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A funder's reading of a programme, from the programme timeline view, by exact keys only. */
@Component
public class ProgrammeTimelineQueries {

    private static final String NOTHING_RECORDED = "Nothing is recorded for this programme (yet)";

    private final LiveViews views;
    private final EvidenceOpener evidence;

    public ProgrammeTimelineQueries(LiveViews views, EvidenceOpener evidence) {
        this.views = views;
        this.evidence = evidence;
    }

    /** Each answer opens the evidence of its lines: readable, or marked removed where the person withdrew consent. */
    public ProgrammeTimeline timeline(String programmeId, TimelineFilter filter, ClockOrder order, int page, int size) {
        ProgrammeTimeline timeline = timeline(views.reader(ProgrammeTimelineProjection.NAME), programmeId, filter, order, page, size);
        return new ProgrammeTimeline(timeline.programmeId(), timeline.asOf(), timeline.known(), timeline.on(), timeline.order(),
                timeline.page(), timeline.size(), timeline.total(), timeline.hasMore(),
                timeline.items().stream().map(evidence::open).toList());
    }

    /** In the order recorded, as before the story's clock. */
    public static ProgrammeTimeline timeline(ViewReader reader, String programmeId, TimelineFilter filter, int page, int size) {
        return timeline(reader, programmeId, filter, ClockOrder.recorded, page, size);
    }

    public static ProgrammeTimeline timeline(ViewReader reader, String programmeId, TimelineFilter filter, ClockOrder order,
                                             int page, int size) {
        Document main = reader.get(ProgrammeTimelineProjection.timelineKey(programmeId));
        if (main == null || (filter.asOf() != null && recordedAfter(reader, programmeId, filter.asOf()))) {
            throw new NotFoundException("programmeId", NOTHING_RECORDED);
        }
        if (filter.equals(TimelineFilter.NONE) && order == ClockOrder.recorded) {
            long total = PagedLog.count(main);
            long from = (long) page * size;
            List<TimelineLine> lines = reader.entries(ProgrammeTimelineProjection.timelineKey(programmeId), from,
                    Math.min(total, from + size), TimelineLine::of, line -> true, size);
            return new ProgrammeTimeline(programmeId, null, null, null, order, page, size, total, from + size < total, lines);
        }
        long wanted = (long) page * size + size + 1;
        int limit = (int) Math.min(Integer.MAX_VALUE, wanted);
        List<TimelineLine> matches;
        if (order == ClockOrder.story) {
            matches = inStoryOrder(reader, programmeId, filter, limit);
        } else {
            matches = ReferencedLines.read(reader, programmeId, rarest(reader, programmeId, filter), filter.asOf(), filter, limit);
        }
        if (matches.isEmpty() && filter.on() != null && filter.withoutClocks().equals(TimelineFilter.NONE)) {
            // Nothing had happened by then: as with known, the programme's story had not begun.
            throw new NotFoundException("on", "Nothing had happened in this programme by " + filter.on());
        }
        boolean hasMore = matches.size() == wanted;
        int from = Math.min(matches.size(), page * size);
        int to = Math.min(matches.size(), from + size);
        Long total = hasMore ? null : (long) matches.size();
        return new ProgrammeTimeline(programmeId, filter.asOf(), filter.asOf(), filter.on(), order, page, size, total, hasMore,
                List.copyOf(matches.subList(from, to)));
    }

    /** The matching lines in the story's order, a story month's log at a time, up to {@code limit}. */
    private static List<TimelineLine> inStoryOrder(ViewReader reader, String programmeId, TimelineFilter filter, int limit) {
        List<TimelineLine> matches = new ArrayList<>();
        for (YearMonth month : ClockBuckets.storyMonths(reader, programmeId)) {
            if (matches.size() >= limit || (filter.on() != null && month.isAfter(YearMonth.from(filter.on())))
                    || (filter.to() != null && month.isAfter(YearMonth.from(filter.to())))) {
                break;
            }
            if (filter.from() != null && month.isBefore(YearMonth.from(filter.from()))) {
                continue;
            }
            for (TimelineLine line : ClockBuckets.storyMonth(reader, programmeId, month, null, null)) {
                if (matches.size() < limit && filter.test(line)) {
                    matches.add(line);
                }
            }
        }
        return matches;
    }

    /** Whether the programme's first line was recorded after {@code asOf}: then, as of then, it had none. */
    private static boolean recordedAfter(ViewReader reader, String programmeId, Instant asOf) {
        List<TimelineLine> first = reader.entries(ProgrammeTimelineProjection.timelineKey(programmeId), 0, 1, TimelineLine::of,
                line -> true, 1);
        return first.isEmpty() || first.get(0).recordedAt().isAfter(asOf);
    }

    /** Every matching line of the programme's timeline, in the order recorded (for exports). */
    public List<TimelineLine> allLines(String programmeId, TimelineFilter filter) {
        ViewReader reader = views.reader(ProgrammeTimelineProjection.NAME);
        reader.require(ProgrammeTimelineProjection.timelineKey(programmeId), "programmeId", NOTHING_RECORDED);
        return ReferencedLines.read(reader, programmeId, rarest(reader, programmeId, filter), filter.asOf(), filter,
                Integer.MAX_VALUE).stream().map(evidence::open).toList();
    }

    /**
     * The log with the fewest lines among those of the filter's place, tags and kind (all of them if
     * none); the facet logs hold references, read by {@link ReferencedLines}.
     */
    private static String rarest(ViewReader reader, String programmeId, TimelineFilter filter) {
        List<String> candidates = new ArrayList<>();
        add(candidates, programmeId, "place", filter.placeId());
        add(candidates, programmeId, "principle", filter.principle());
        add(candidates, programmeId, "theme", filter.theme());
        add(candidates, programmeId, "layer", filter.layer());
        add(candidates, programmeId, "sphere", filter.sphere());
        add(candidates, programmeId, "source", filter.source());
        add(candidates, programmeId, "kind", filter.kind());
        add(candidates, programmeId, "late", Boolean.TRUE.equals(filter.late()) ? "true" : null);
        if (filter.on() != null && filter.from() != null && YearMonth.from(filter.from()).equals(YearMonth.from(filter.on()))) {
            add(candidates, programmeId, "story", YearMonth.from(filter.on()).toString());
        }
        if (candidates.isEmpty()) {
            return ProgrammeTimelineProjection.timelineKey(programmeId);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        candidates.forEach(key -> counts.put(key, 0L));
        for (Document head : reader.getAll(candidates)) {
            counts.put(head.getString("_id"), PagedLog.count(head));
        }
        return counts.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static void add(List<String> candidates, String programmeId, String facet, String value) {
        if (value != null) {
            candidates.add(ProgrammeTimelineProjection.facetKey(programmeId, facet, value));
        }
    }

    public ReplayStep step(String programmeId, long step) {
        return opened(step(views.reader(ProgrammeTimelineProjection.NAME), programmeId, step));
    }

    public ReplayStep storyStep(String programmeId, long step, Instant known) {
        return opened(storyStep(views.reader(ProgrammeTimelineProjection.NAME), programmeId, step, known));
    }

    public ReplayStep storyStepOn(String programmeId, LocalDate on, Instant known) {
        return opened(storyStepOn(views.reader(ProgrammeTimelineProjection.NAME), programmeId, on, known));
    }

    private ReplayStep opened(ReplayStep step) {
        return new ReplayStep(step.programmeId(), step.step(), step.steps(), evidence.open(step.event()), step.stateAfter(),
                step.previousStep(), step.nextStep(), step.order());
    }

    /** The event of step {@code step} (from 1) and the state after it: one page read, a fold of at most a page. */
    public static ReplayStep step(ViewReader reader, String programmeId, long step) {
        String key = ProgrammeTimelineProjection.timelineKey(programmeId);
        Document head = reader.get(key);
        long steps = PagedLog.count(head);
        if (head == null || step < 1 || step > steps) {
            throw new NotFoundException("step", "The programme's replay has steps 1 to " + steps);
        }
        long index = step - 1;
        int size = PagedLog.pageSize(head);
        Document page = reader.get(PagedLog.pageId(key, index / size));
        Document state = DocumentFields.copy(page.get("start", Document.class));
        List<TimelineLine> lines = page.getList(PagedLog.ENTRIES, Document.class).stream().map(TimelineLine::of).toList();
        int offset = (int) (index % size);
        for (int i = 0; i <= offset; i++) {
            ReplayState.fold(state, lines.get(i));
        }
        return new ReplayStep(programmeId, step, steps, lines.get(offset), ReplayState.of(state),
                step > 1 ? step - 1 : null, step < steps ? step + 1 : null, ClockOrder.recorded);
    }

    /**
     * Step {@code step} of the replay in the story's order (by the day things happened on, then in
     * the order recorded), of the lines recorded by {@code known} (any if {@code null}): the state
     * before the step's story month is summed from whole buckets, then that month's lines are folded.
     */
    public static ReplayStep storyStep(ViewReader reader, String programmeId, long step, Instant known) {
        TreeMap<YearMonth, Document> months = byStoryMonth(ClockBuckets.cut(reader, programmeId, known, null));
        long steps = months.values().stream().mapToLong(sums -> ClockBuckets.number(sums.get(ClockBuckets.LINES))).sum();
        if (step < 1 || step > steps) {
            throw new NotFoundException("step", "The programme's replay has steps 1 to " + steps);
        }
        Document before = new Document();
        long passed = 0;
        for (Map.Entry<YearMonth, Document> month : months.entrySet()) {
            long lines = ClockBuckets.number(month.getValue().get(ClockBuckets.LINES));
            if (passed + lines >= step) {
                List<TimelineLine> story = ClockBuckets.storyMonth(reader, programmeId, month.getKey(), known, null);
                Document state = stateOf(before);
                int offset = (int) (step - passed - 1);
                for (int i = 0; i <= offset; i++) {
                    ReplayState.fold(state, story.get(i));
                }
                return new ReplayStep(programmeId, step, steps, story.get(offset), ReplayState.of(state),
                        step > 1 ? step - 1 : null, step < steps ? step + 1 : null, ClockOrder.story);
            }
            ClockBuckets.merge(before, month.getValue());
            passed += lines;
        }
        throw new IllegalStateException("The counts of " + programmeId + " do not add up to " + steps + " steps");
    }

    /** Jumps to a story day: the last step, in the story's order, that happened by the end of {@code on}. */
    public static ReplayStep storyStepOn(ViewReader reader, String programmeId, LocalDate on, Instant known) {
        TreeMap<ClockBuckets.Bucket, Document> buckets = ClockBuckets.cut(reader, programmeId, known, on);
        long step = buckets == null ? 0 : buckets.values().stream().mapToLong(sums -> ClockBuckets.number(sums.get(ClockBuckets.LINES))).sum();
        if (step == 0) {
            throw new NotFoundException("on", "Nothing had happened in this programme by " + on);
        }
        return storyStep(reader, programmeId, step, known);
    }

    private static TreeMap<YearMonth, Document> byStoryMonth(TreeMap<ClockBuckets.Bucket, Document> buckets) {
        TreeMap<YearMonth, Document> months = new TreeMap<>();
        if (buckets != null) {
            buckets.forEach((bucket, sums) -> ClockBuckets.merge(months.computeIfAbsent(bucket.story(), m -> new Document()), sums));
        }
        return months;
    }

    /** A replay state holding the sums of some buckets. */
    private static Document stateOf(Document sums) {
        Document state = DocumentFields.copy(sums);
        state.put("steps", ClockBuckets.number(state.remove(ClockBuckets.LINES)));
        return state;
    }

    public ReplayStep stepAt(String programmeId, Instant at) {
        return opened(stepAt(views.reader(ProgrammeTimelineProjection.NAME), programmeId, at));
    }

    /** Jumps to a date: the last step recorded at or before {@code at}. */
    public static ReplayStep stepAt(ViewReader reader, String programmeId, Instant at) {
        String key = ProgrammeTimelineProjection.timelineKey(programmeId);
        Document head = reader.get(key);
        long steps = PagedLog.count(head);
        long first = PagedLog.firstIndexOfMonth(head, at);
        long next = PagedLog.firstIndexFrom(head, YearMonth.from(at.atZone(ZoneOffset.UTC)).plusMonths(1));
        long last = first - 1; // the last line of the months before, unless one of this month is earlier than at
        for (TimelineLine line : reader.entries(key, first, next, TimelineLine::of, l -> true, Integer.MAX_VALUE)) {
            if (line.recordedAt().isAfter(at)) {
                break;
            }
            last++;
        }
        if (last < 0 || steps == 0) {
            throw new NotFoundException("at", "Nothing was recorded for this programme by " + at);
        }
        return step(reader, programmeId, last + 1);
    }

    public MonthlyCounts counts(String programmeId, Instant known, LocalDate on, ClockOrder by) {
        return counts(views.reader(ProgrammeTimelineProjection.NAME), programmeId, known, on, by);
    }

    /** By story month, on the record's clock only, as before the story's clock. */
    public static MonthlyCounts counts(ViewReader reader, String programmeId, Instant asOf) {
        return counts(reader, programmeId, asOf, null, ClockOrder.story);
    }

    /** Whole buckets come from the tallies; at most a month of lines is folded on each clock (see {@link ClockBuckets}). */
    public static MonthlyCounts counts(ViewReader reader, String programmeId, Instant known, LocalDate on, ClockOrder by) {
        TreeMap<ClockBuckets.Bucket, Document> buckets = ClockBuckets.cut(reader, programmeId, known, on, true);
        if (buckets == null) {
            throw new NotFoundException("programmeId", NOTHING_RECORDED);
        }
        TreeMap<String, Document> months = new TreeMap<>();
        buckets.forEach((bucket, sums) -> ClockBuckets.merge(months.computeIfAbsent(
                (by == ClockOrder.recorded ? bucket.recorded() : bucket.story()).toString(), m -> new Document()), sums));
        if (months.isEmpty()) {
            throw new NotFoundException(known != null ? "programmeId" : "on", "Nothing was recorded for this programme by "
                    + (known != null ? known : "") + (known != null && on != null ? " that happened by " : "")
                    + (on != null ? on : ""));
        }
        List<MonthlyCounts.Month> result = new ArrayList<>();
        months.forEach((month, value) -> result.add(new MonthlyCounts.Month(month, ClockBuckets.number(value.get(ClockBuckets.LINES)),
                named(value.get(ClockBuckets.PRINCIPLES, Document.class)), named(value.get(ClockBuckets.THEMES, Document.class)))));
        return new MonthlyCounts(programmeId, known, known, on, by, result);
    }

    private static Map<String, Long> named(Document counts) {
        Map<String, Long> named = new TreeMap<>();
        if (counts != null) {
            counts.forEach((key, value) -> named.put(key.replace('\uff0e', '.').replace('\uff04', '$'), ClockBuckets.number(value)));
        }
        return named;
    }
}
