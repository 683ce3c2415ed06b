package org.learninglog.query.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The story's clock of a read: {@code on=}, a day; what had happened by the end of it, whenever it
 * was recorded. A story is told in days, so where a day and time is given (as a page may send the
 * instant a slider stands at) it is read as its day in UTC, the zone every recorded instant is in.
 */
public final class OnParameter {

    public static final String ON = "on";
    public static final String DESCRIBED = "The story as it stood by the end of this day (the story's clock): an ISO-8601 "
            + "day (2025-06-01). Only what happened by then is shown, however late it was recorded.";
    public static final String DESCRIBED_WITH_TIME = "The story as it stood by the end of this day (the story's clock): an "
            + "ISO-8601 day (2025-06-01), or a day and time (2025-06-01T12:00:00Z, read as its day in UTC: the story keeps days). "
            + "Only what happened by then is shown, however late it was recorded.";

    private OnParameter() {
    }

    /** The story day to cut at, or {@code null} for "all of it"; a day and time reads as its day in UTC. */
    public static LocalDate day(String on) {
        if (on == null || on.isBlank()) {
            return null;
        }
        String value = on.trim();
        try {
            return value.length() == 10 ? LocalDate.parse(value)
                    : OffsetDateTime.parse(value).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeException e) {
            throw new BadQueryException(ON, "cannot be read: it must be an ISO-8601 day (2025-06-01) or a day and time "
                    + "(2025-06-01T12:00:00Z)");
        }
    }
}
