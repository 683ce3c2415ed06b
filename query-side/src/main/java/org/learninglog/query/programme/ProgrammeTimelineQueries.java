package org.learninglog.query.programme;

import org.bson.Document;
import org.learninglog.query.NotFoundException;
import org.learninglog.query.view.PagedLog;
import org.learninglog.query.view.TimelineFilter;
import org.learninglog.query.view.TimelineLine;
import org.learninglog.query.view.ViewReader;
import org.learninglog.query.view.LiveViews;
import org.learninglog.query.view.EvidenceOpener;
import org.springframework.stereotype.Component;

import java.time.Instant;
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
    public ProgrammeTimeline timeline(String programmeId, TimelineFilter filter, int page, int size) {
        ProgrammeTimeline timeline = timeline(views.reader(ProgrammeTimelineProjection.NAME), programmeId, filter, page, size);
        return new ProgrammeTimeline(timeline.programmeId(), timeline.asOf(), timeline.page(), timeline.size(), timeline.total(),
                timeline.hasMore(), timeline.items().stream().map(evidence::open).toList());
    }

    public static ProgrammeTimeline timeline(ViewReader reader, String programmeId, TimelineFilter filter, int page, int size) {
        Document main = reader.get(ProgrammeTimelineProjection.timelineKey(programmeId));
        if (main == null || (filter.asOf() != null && recordedAfter(reader, programmeId, filter.asOf()))) {
            throw new NotFoundException("programmeId", NOTHING_RECORDED);
        }
        if (filter.equals(TimelineFilter.NONE)) {
            long total = PagedLog.count(main);
            long from = (long) page * size;
            List<TimelineLine> lines = reader.entries(ProgrammeTimelineProjection.timelineKey(programmeId), from,
                    Math.min(total, from + size), TimelineLine::of, line -> true, size);
            return new ProgrammeTimeline(programmeId, null, page, size, total, from + size < total, lines);
        }
        String key = rarest(reader, programmeId, filter);
        long count = PagedLog.count(reader.get(key));
        long wanted = (long) page * size + size + 1;
        List<TimelineLine> matches = reader.entries(key, 0, count, TimelineLine::of, filter, (int) Math.min(Integer.MAX_VALUE, wanted));
        boolean hasMore = matches.size() == wanted;
        int from = Math.min(matches.size(), page * size);
        int to = Math.min(matches.size(), from + size);
        Long total = hasMore ? null : (long) matches.size();
        return new ProgrammeTimeline(programmeId, filter.asOf(), page, size, total, hasMore, List.copyOf(matches.subList(from, to)));
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
        String key = rarest(reader, programmeId, filter);
        return reader.entries(key, 0, PagedLog.count(reader.get(key)), TimelineLine::of, filter, Integer.MAX_VALUE).stream()
                .map(evidence::open).toList();
    }

    /** The log with the fewest lines among those of the filter's place, tags and kind (all of them if none). */
    private static String rarest(ViewReader reader, String programmeId, TimelineFilter filter) {
        List<String> candidates = new ArrayList<>();
        add(candidates, programmeId, "place", filter.placeId());
        add(candidates, programmeId, "principle", filter.principle());
        add(candidates, programmeId, "theme", filter.theme());
        add(candidates, programmeId, "layer", filter.layer());
        add(candidates, programmeId, "sphere", filter.sphere());
        add(candidates, programmeId, "source", filter.source());
        add(candidates, programmeId, "kind", filter.kind());
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

    private ReplayStep opened(ReplayStep step) {
        return new ReplayStep(step.programmeId(), step.step(), step.steps(), evidence.open(step.event()), step.stateAfter(),
                step.previousStep(), step.nextStep());
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
        Document page = reader.get(PagedLog.pageId(key, index / PagedLog.PAGE_SIZE));
        Document state = Document.parse(page.get("start", Document.class).toJson());
        List<TimelineLine> lines = page.getList(PagedLog.ENTRIES, Document.class).stream().map(TimelineLine::of).toList();
        int offset = (int) (index % PagedLog.PAGE_SIZE);
        for (int i = 0; i <= offset; i++) {
            ReplayState.fold(state, lines.get(i));
        }
        return new ReplayStep(programmeId, step, steps, lines.get(offset), ReplayState.of(state),
                step > 1 ? step - 1 : null, step < steps ? step + 1 : null);
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

    public MonthlyCounts counts(String programmeId, Instant asOf) {
        return counts(views.reader(ProgrammeTimelineProjection.NAME), programmeId, asOf);
    }

    /** Whole recording months come from the counts; the month of {@code asOf} is folded from its lines. */
    public static MonthlyCounts counts(ViewReader reader, String programmeId, Instant asOf) {
        Document counts = reader.require(ProgrammeTimelineProjection.countsId(programmeId), "programmeId", NOTHING_RECORDED);
        TreeMap<String, Document> months = new TreeMap<>();
        YearMonth cut = asOf == null ? null : YearMonth.from(asOf.atZone(ZoneOffset.UTC));
        Document recorded = counts.get("recorded", Document.class);
        for (Map.Entry<String, Object> bucket : recorded.entrySet()) {
            if (cut != null && YearMonth.parse(bucket.getKey()).compareTo(cut) >= 0) {
                continue;
            }
            ((Document) bucket.getValue()).forEach((month, value) -> merge(months, month, (Document) value));
        }
        if (cut != null) {
            String key = ProgrammeTimelineProjection.timelineKey(programmeId);
            Document head = reader.get(key);
            long first = PagedLog.firstIndexFrom(head, cut);
            long next = PagedLog.firstIndexFrom(head, cut.plusMonths(1));
            for (TimelineLine line : reader.entries(key, first, next, TimelineLine::of, l -> !l.recordedAt().isAfter(asOf),
                    Integer.MAX_VALUE)) {
                Document single = new Document();
                line.principles().forEach(p -> ProgrammeTimelineProjection.increment(ProgrammeTimelineProjection.sub(single, "principles"), p));
                line.themes().forEach(t -> ProgrammeTimelineProjection.increment(ProgrammeTimelineProjection.sub(single, "themes"), t));
                ProgrammeTimelineProjection.increment(single, "lines");
                merge(months, YearMonth.from(line.date()).toString(), single);
            }
        }
        if (months.isEmpty()) {
            throw new NotFoundException("programmeId", "Nothing was recorded for this programme by " + asOf);
        }
        List<MonthlyCounts.Month> result = new ArrayList<>();
        months.forEach((month, value) -> result.add(new MonthlyCounts.Month(month, number(value.get("lines")),
                named(value.get("principles", Document.class)), named(value.get("themes", Document.class)))));
        return new MonthlyCounts(programmeId, asOf, result);
    }

    private static void merge(Map<String, Document> months, String month, Document value) {
        Document into = months.computeIfAbsent(month, m -> new Document());
        into.put("lines", number(into.get("lines")) + number(value.get("lines")));
        for (String field : List.of("principles", "themes")) {
            Document from = value.get(field, Document.class);
            if (from != null) {
                Document target = ProgrammeTimelineProjection.sub(into, field);
                from.forEach((key, count) -> target.put(key, number(target.get(key)) + number(count)));
            }
        }
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Map<String, Long> named(Document counts) {
        Map<String, Long> named = new TreeMap<>();
        if (counts != null) {
            counts.forEach((key, value) -> named.put(key.replace('\uff0e', '.').replace('\uff04', '$'), number(value)));
        }
        return named;
    }
}
