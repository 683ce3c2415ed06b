package org.learninglog.query.programme;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Lines by principle and by theme for each month (of the day they are about), for charts. */
public record MonthlyCounts(String programmeId, Instant asOf, List<Month> months) {

    public record Month(String month, long lines, Map<String, Long> principles, Map<String, Long> themes) {
    }
}
