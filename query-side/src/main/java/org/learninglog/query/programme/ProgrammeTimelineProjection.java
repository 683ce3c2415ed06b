package org.learninglog.query.programme;

import org.bson.Document;
import org.learninglog.query.view.DocumentFields;
import org.learninglog.query.view.TimelineLine;
import org.learninglog.query.view.PagedLog;
import org.learninglog.query.view.Projection;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.EventLines;
import org.learninglog.query.view.ViewUpdate;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A programme's timeline across its places, in the order things were recorded (a replay):
 * <ul>
 *   <li>{@code ptl:<programmeId>}: every line, a {@link PagedLog} whose pages each start with the
 *       state of the programme before their first line, so that the state after any step is one
 *       page read and a fold of at most a page;</li>
 *   <li>{@code ptl:<programmeId>@<position>}: each line once more, alone, by the global position
 *       of its event, for the facet logs to point at;</li>
 *   <li>{@code ptl:<programmeId>|<facet>:<value>}: a reference to each line per tag, place and
 *       kind, and in the late lines ({@code |late:true}, see
 *       {@link org.learninglog.query.view.LateRecord}), so that a filtered timeline reads only the
 *       references of its rarest filter and then the lines it shows, by {@code _id}. A reference
 *       ({@link #reference}) holds the line's position and when it was recorded: a facet page is
 *       rewritten every batch a line goes into it, and a rare facet's page of whole lines cost a
 *       page of lines for each new one (logs begun before hold whole lines, and still do up to
 *       where they were);</li>
 *   <li>{@code ptl:<programmeId>|story:<month>}: the whole lines per month of the story (the month
 *       of the day a line happened on), so that the story's clock finds a month's lines by one key
 *       (most lines of a batch fall in the same few months, so their pages fill);</li>
 *   <li>{@code counts:<programmeId>}: lines by kind, place, principle and theme, bucketed by the
 *       month they were recorded in and then by the month of the day they are about, so that a cut
 *       on either clock (or both) takes whole buckets and folds at most one month of lines from
 *       its log on each clock: the recording month from the timeline, the story month from its
 *       story log (see {@link ClockBuckets}); kept a document per recording month
 *       ({@code counts:<programmeId>:<YYYY-MM>}) for the replay in the story's order, which needs the
 *       lines by kind and place too;</li>
 *   <li>{@code counts:<programmeId>:<YYYY>}: the same buckets of a recording year with lines by
 *       principle and theme only, what the counts answer with: a history of decades is a few dozen
 *       small documents to read instead of a document per month.</li>
 * </ul>
 */
@Component
public class ProgrammeTimelineProjection implements Projection {

    public static final String NAME = "programme-timeline";

    @Override
    public String name() {
        return NAME;
    }

    public static String timelineKey(String programmeId) {
        return "ptl:" + programmeId;
    }

    public static String facetKey(String programmeId, String facet, String value) {
        return timelineKey(programmeId) + "|" + facet + ":" + value.toLowerCase();
    }

    /** The document holding the line of the event at {@code position} alone, for references to point at. */
    public static String lineId(String programmeId, long position) {
        return timelineKey(programmeId) + "@" + position;
    }

    /** A facet log's entry for a line: where the line is ({@value #LINE}) and when it was recorded (for as-of cuts). */
    static Document reference(TimelineLine line) {
        return new Document(LINE, line.position()).append(PagedLog.AT, DocumentFields.date(line.recordedAt()));
    }

    /** The field of a facet log's entry that refers to a line (entries of logs begun before are whole lines). */
    static final String LINE = "line";

    /** The log of the lines that happened in {@code month} (of the story), in the order recorded. */
    public static String storyKey(String programmeId, YearMonth month) {
        return facetKey(programmeId, "story", month.toString());
    }

    /** Where a programme's counts were all kept, every month in one document, before they were kept by month. */
    public static String countsId(String programmeId) {
        return "counts:" + programmeId;
    }

    /**
     * The counts of the lines recorded in {@code recorded} (a month, UTC), by the month of the story:
     * a document a month, so a batch rewrites the month it adds to, not every month there was (one
     * document of them all grew to megabytes over a long history and was written whole every batch).
     */
    public static String countsId(String programmeId, YearMonth recorded) {
        return "counts:" + programmeId + ":" + recorded;
    }

    /**
     * The tally of the lines recorded in {@code year} (UTC): by month recorded, then by month of the
     * story, lines by principle and theme only (what the counts answer with), so that the counts of
     * a long history read a few small documents (see {@link ClockBuckets}).
     */
    public static String tallyId(String programmeId, int year) {
        return "counts:" + programmeId + ":" + year;
    }

    @Override
    public void apply(ViewEvent event, ViewUpdate view) {
        TimelineLine programmeLine = null;
        Set<String> facets = new LinkedHashSet<>();
        Set<String> stories = new LinkedHashSet<>();
        for (TimelineLine line : EventLines.linesOf(event, view)) {
            if (programmeLine == null) {
                // One line per event on the programme's timeline: the first place's; a session held
                // in three places is one step of the replay, listed under each place.
                programmeLine = line;
            }
            facets.addAll(facetKeys(line.programmeId(), line));
            stories.add(storyKey(line.programmeId(), YearMonth.from(line.date())));
        }
        if (programmeLine == null) {
            return;
        }
        String programmeId = programmeLine.programmeId();
        Document line = programmeLine.toDocument();
        // A new page starts with the state before its first line; then the running state moves on.
        PagedLog.appendIndexingMonths(view, timelineKey(programmeId), line, head -> copy(state(head)));
        Document head = view.edit(timelineKey(programmeId));
        if (head != null) {
            ReplayState.fold(state(head), programmeLine);
        }
        Document alone = view.edit(lineId(programmeId, programmeLine.position()));
        if (alone != null) {
            alone.putAll(line);
        }
        Document reference = reference(programmeLine);
        for (String facet : facets) {
            PagedLog.append(view, facet, reference, null);
        }
        for (String story : stories) {
            PagedLog.append(view, story, line, null);
        }
        count(view, programmeId, programmeLine);
    }

    /** The facet logs a line is referred to from: one per principle and theme, its layer, sphere, source, kind and place, late. */
    static List<String> facetKeys(String programmeId, TimelineLine line) {
        List<String> keys = new ArrayList<>();
        line.principles().forEach(value -> keys.add(facetKey(programmeId, "principle", value)));
        line.themes().forEach(value -> keys.add(facetKey(programmeId, "theme", value)));
        addFacet(keys, programmeId, "layer", line.layer());
        addFacet(keys, programmeId, "sphere", line.sphere());
        addFacet(keys, programmeId, "source", line.source());
        addFacet(keys, programmeId, "kind", line.kind());
        addFacet(keys, programmeId, "place", line.placeId());
        if (line.late()) {
            keys.add(facetKey(programmeId, "late", "true"));
        }
        return keys;
    }

    private static void addFacet(List<String> keys, String programmeId, String facet, String value) {
        if (value != null) {
            keys.add(facetKey(programmeId, facet, value));
        }
    }

    private static void count(ViewUpdate view, String programmeId, TimelineLine line) {
        YearMonth recorded = YearMonth.from(line.recordedAt().atZone(ZoneOffset.UTC));
        String story = YearMonth.from(line.date()).toString();
        Document counts = view.edit(countsId(programmeId, recorded));
        if (counts != null) {
            ClockBuckets.fold(sub(sub(counts, ClockBuckets.STORY), story), line);
        }
        Document tally = view.edit(tallyId(programmeId, recorded.getYear()));
        if (tally != null) {
            ClockBuckets.tally(sub(sub(sub(tally, ClockBuckets.RECORDED), recorded.toString()), story), line);
        }
        ClockBuckets.noteTallied(view.edit(timelineKey(programmeId)), recorded);
    }

    static Document state(Document head) {
        Document state = head.get("state", Document.class);
        if (state == null) {
            state = new Document();
            head.put("state", state);
        }
        return state;
    }

    /**
     * The state a new page starts with: a copy, its numbers 32-bit where they fit, as pages have always
     * stored them (the copy was a JSON round trip, an eighth of a live batch's time).
     */
    private static Document copy(Document state) {
        return DocumentFields.copy(state, value -> value instanceof Long number && number == number.intValue() ? number.intValue() : value);
    }

    static Document sub(Document parent, String key) {
        String safe = DocumentFields.key(key);
        Document child = parent.get(safe, Document.class);
        if (child == null) {
            child = new Document();
            parent.put(safe, child);
        }
        return child;
    }

    static void increment(Document counts, String key) {
        String safe = DocumentFields.key(key);
        Number current = counts.get(safe, Number.class);
        counts.put(safe, (current == null ? 0L : current.longValue()) + 1);
    }
}
