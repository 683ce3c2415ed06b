package org.learninglog.query.programme;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Lines by principle and by theme for each month, for charts: the month of the day they are about
 * ({@code by} story) or of the day they were recorded ({@code by} recorded); with {@code known},
 * as the record stood then, with {@code on}, what had happened by that day.
 */
public record MonthlyCounts(String programmeId,
                            @Schema(description = "Deprecated: the same as known", deprecated = true) Instant asOf,
                            Instant known, LocalDate on, ClockOrder by, List<Month> months) {

    public record Month(String month, long lines, Map<String, Long> principles, Map<String, Long> themes) {
    }
}
