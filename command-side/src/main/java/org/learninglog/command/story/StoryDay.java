package org.learninglog.command.story;

import org.learninglog.command.lookup.RegisteredProgramme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The one rule for the story's day ({@code happenedOn}) of every write that records a happening:
 * the day given, or the day of recording when none is; never in the future, never before the
 * programme's story begins. Refusals are {@link StoryDayRefused} (400 naming the field).
 *
 * <p>"Today" is UTC's day for the default, and for "not in the future" the day at UTC+14, where
 * the date is furthest ahead: somebody in Kiribati may record today's date while it is still
 * yesterday in UTC (one day's slack for time zones), and nobody anywhere can record tomorrow's.
 * The programme's story begins on the day it was registered (UTC), or earlier if it allows a
 * backfill period ({@code StoryBackfillAllowed}).
 */
public final class StoryDay {

    /** The name of the field everywhere: in requests, commands and events. */
    public static final String FIELD = "happenedOn";
    /** The local date is furthest ahead of UTC here; "today" anywhere on Earth is at most this date. */
    static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    private StoryDay() {
    }

    /** The day of recording, as a happening given no day of its own is dated. */
    public static LocalDate dayOfRecording(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    /**
     * The earliest story day a programme registered on {@code startedOn} may allow ({@code field}
     * names it in the request): any day up to its start, since allowing a later one would forbid
     * days the programme already allowed.
     */
    public static LocalDate backfillFrom(String field, LocalDate from, LocalDate startedOn) {
        if (from != null && from.isAfter(startedOn)) {
            throw new StoryDayRefused(field, "must not be after " + startedOn + ", the day the programme was registered");
        }
        return from;
    }

    /** The story's day of a happening recorded {@code now} in {@code programme}: {@code given} or today, checked. */
    public static LocalDate of(LocalDate given, Instant now, RegisteredProgramme programme) {
        if (given == null) {
            return dayOfRecording(now);
        }
        LocalDate latest = LocalDate.ofInstant(now, EARLIEST_ZONE);
        if (given.isAfter(latest)) {
            throw new StoryDayRefused("must not be in the future (at most " + latest + ", today somewhere on Earth)");
        }
        LocalDate earliest = programme.storyBegins();
        if (earliest != null && given.isBefore(earliest)) {
            throw new StoryDayRefused("must not be before " + earliest + ", when the programme's story begins"
                    + " (an administrator may allow a backfill period)");
        }
        return given;
    }
}
