package org.learninglog.query.programme;

import org.bson.Document;
import org.learninglog.query.view.DocumentFields;
import org.learninglog.query.view.PagedLog;
import org.learninglog.query.view.TimelineLine;
import org.learninglog.query.view.ViewReader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads the lines of one of a programme's logs, in its order, whether its entries are whole lines
 * (the timeline, the story months, facet logs begun before references) or references to lines
 * ({@link ProgrammeTimelineProjection#reference}): a stretch of entries is read, then what its
 * references point at in one {@code $in} by {@code _id} (the timeline's pages the lines are on, or
 * a line kept alone for a reference that does not name its page), and only as many as the answer
 * may need.
 */
final class ReferencedLines {

    /** Entries read before their lines are fetched: a page of 50 and one more in one stretch. */
    private static final int FIRST_STRETCH = 64;
    private static final int MOST_STRETCH = 400;

    private ReferencedLines() {
    }

    /**
     * The lines of log {@code key} that match, up to {@code limit}; a reference recorded after
     * {@code asOf} (when given) is passed over without its line being read.
     */
    static List<TimelineLine> read(ViewReader reader, String programmeId, String key, Instant asOf,
                                   Predicate<TimelineLine> match, int limit) {
        long count = PagedLog.count(reader.get(key));
        List<TimelineLine> found = new ArrayList<>();
        long index = 0;
        while (index < count && found.size() < limit) {
            long wanted = Math.max(FIRST_STRETCH, (long) limit - found.size() + 1);
            int stretch = (int) Math.min(count - index, Math.min(MOST_STRETCH, wanted));
            List<Document> entries = reader.entries(key, index, index + stretch, entry -> entry, entry -> true, stretch);
            index += stretch;
            Set<String> ids = new LinkedHashSet<>();
            for (Document entry : entries) {
                if (isReference(entry) && knownAt(entry, asOf)) {
                    ids.add(holderId(programmeId, entry));
                }
            }
            Map<Long, Document> lines = new HashMap<>();
            for (Document holder : reader.getAll(ids)) {
                if (holder.get(PagedLog.ENTRIES) instanceof List<?> onPage) {
                    onPage.forEach(line -> lines.put(((Document) line).get(TimelineLine.POSITION, Number.class).longValue(), (Document) line));
                } else {
                    lines.put(holder.get(TimelineLine.POSITION, Number.class).longValue(), holder);
                }
            }
            for (Document entry : entries) {
                Document line = !isReference(entry) ? entry
                        : knownAt(entry, asOf) ? lines.get(entry.get(ProgrammeTimelineProjection.LINE, Number.class).longValue()) : null;
                if (line == null) {
                    continue; // recorded after asOf (or a line the store lost: a rebuild writes it again)
                }
                TimelineLine timelineLine = TimelineLine.of(line);
                if (found.size() < limit && match.test(timelineLine)) {
                    found.add(timelineLine);
                }
            }
        }
        return found;
    }

    private static boolean knownAt(Document reference, Instant asOf) {
        return asOf == null || !DocumentFields.instant(reference, PagedLog.AT).isAfter(asOf);
    }

    /** The document holding a reference's line: the timeline's page it names, or the line alone. */
    private static String holderId(String programmeId, Document reference) {
        Number page = reference.get(ProgrammeTimelineProjection.PAGE, Number.class);
        long position = reference.get(ProgrammeTimelineProjection.LINE, Number.class).longValue();
        return page == null ? ProgrammeTimelineProjection.lineId(programmeId, position)
                : PagedLog.pageId(ProgrammeTimelineProjection.timelineKey(programmeId), page.longValue());
    }

    private static boolean isReference(Document entry) {
        return entry.containsKey(ProgrammeTimelineProjection.LINE);
    }
}
