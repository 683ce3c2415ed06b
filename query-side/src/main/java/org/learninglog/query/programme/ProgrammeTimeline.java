package org.learninglog.query.programme;

import io.swagger.v3.oas.annotations.media.Schema;
import org.learninglog.query.view.TimelineLine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A page of a programme's timeline, in the order things were recorded or in the story's order
 * ({@code order}). {@code total} is the number of matching lines when it is known without reading
 * them all (no filter, or the last page was reached); otherwise {@code null}, and {@code hasMore}
 * says whether a next page exists. {@code known} and {@code on} repeat the clocks it was cut on.
 */
public record ProgrammeTimeline(String programmeId,
                                @Schema(description = "Deprecated: the same as known", deprecated = true) Instant asOf,
                                Instant known, LocalDate on, ClockOrder order, int page, int size, Long total,
                                boolean hasMore, List<TimelineLine> items) {
}
