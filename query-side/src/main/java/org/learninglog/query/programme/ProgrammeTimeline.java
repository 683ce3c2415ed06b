package org.learninglog.query.programme;

import org.learninglog.query.view.TimelineLine;

import java.time.Instant;
import java.util.List;

/**
 * A page of a programme's timeline in the order things were recorded. {@code total} is the
 * number of matching lines when it is known without reading them all (no filter, or the last
 * page was reached); otherwise {@code null}, and {@code hasMore} says whether a next page exists.
 */
public record ProgrammeTimeline(String programmeId, Instant asOf, int page, int size, Long total, boolean hasMore,
                                List<TimelineLine> items) {
}
