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
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads the lines of one of a programme's logs, in its order, whether its entries are whole lines
 * (the timeline, the story months, facet logs begun before references) or references to lines
 * ({@link ProgrammeTimelineProjection#reference}): a stretch of entries is read, then the lines its
 * references point at in one {@code $in} by {@code _id}, and only as many as the answer may need.
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
            List<String> ids = new ArrayList<>();
            for (Document entry : entries) {
                if (isReference(entry) && (asOf == null || !DocumentFields.instant(entry, PagedLog.AT).isAfter(asOf))) {
                    ids.add(ProgrammeTimelineProjection.lineId(programmeId, entry.get(ProgrammeTimelineProjection.LINE, Number.class).longValue()));
                }
            }
            Map<String, Document> lines = new HashMap<>();
            reader.getAll(ids).forEach(line -> lines.put(line.getString("_id"), line));
            for (Document entry : entries) {
                Document line = isReference(entry) ? lines.get(ProgrammeTimelineProjection.lineId(programmeId,
                        entry.get(ProgrammeTimelineProjection.LINE, Number.class).longValue())) : entry;
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

    private static boolean isReference(Document entry) {
        return entry.containsKey(ProgrammeTimelineProjection.LINE);
    }
}
