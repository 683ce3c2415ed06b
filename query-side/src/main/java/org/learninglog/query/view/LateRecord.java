package org.learninglog.query.view;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * When a line counts as recorded late: its record's day (UTC) is more than {@value #THRESHOLD_DAYS}
 * days after its story's day. Places often write a session up within a few weeks; a month and more
 * means the record was made from memory or brought in from elsewhere (an import, a backfill), which
 * a reader of the story should see. A fixed rule, not a setting: the programme timeline files late
 * lines in a log of their own, so a changed threshold means a rebuilt view.
 */
public final class LateRecord {

    public static final int THRESHOLD_DAYS = 30;

    private LateRecord() {
    }

    public static boolean isLate(LocalDate happenedOn, Instant recordedAt) {
        return happenedOn.plusDays(THRESHOLD_DAYS).isBefore(LocalDate.ofInstant(recordedAt, ZoneOffset.UTC));
    }
}
