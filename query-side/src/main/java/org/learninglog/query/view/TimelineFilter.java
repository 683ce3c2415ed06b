package org.learninglog.query.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a timeline is narrowed to: a period of days (on the day a thing happened, the day it was
 * recorded when not said), framework tags, a kind of event, a place, and the two clocks:
 * {@code asOf} (the API's {@code known}), the record as it stood then, i.e. only lines recorded up
 * to that instant; {@code on}, the story as it stood by the end of that day, i.e. only lines that
 * happened by then. {@code late} keeps only late lines ({@code true}) or only the others. {@code null}
 * means "any".
 */
public record TimelineFilter(LocalDate from, LocalDate to, String principle, String theme, String layer, String sphere,
                             String source, String kind, String placeId, Instant asOf, LocalDate on,
                             Boolean late) implements Predicate<TimelineLine> {

    public static final TimelineFilter NONE = new TimelineFilter(null, null, null, null, null, null, null, null, null, null,
            null, null);

    /** A filter on one clock only, as filters were before the story's clock. */
    public TimelineFilter(LocalDate from, LocalDate to, String principle, String theme, String layer, String sphere,
                          String source, String kind, String placeId, Instant asOf) {
        this(from, to, principle, theme, layer, sphere, source, kind, placeId, asOf, null, null);
    }

    public TimelineFilter asOf(Instant instant) {
        return new TimelineFilter(from, to, principle, theme, layer, sphere, source, kind, placeId, instant, on, late);
    }

    public TimelineFilter on(LocalDate day) {
        return new TimelineFilter(from, to, principle, theme, layer, sphere, source, kind, placeId, asOf, day, late);
    }

    public TimelineFilter late(Boolean wanted) {
        return new TimelineFilter(from, to, principle, theme, layer, sphere, source, kind, placeId, asOf, on, wanted);
    }

    /** The same filter without its clocks: what it narrows to besides time. */
    public TimelineFilter withoutClocks() {
        return new TimelineFilter(from, to, principle, theme, layer, sphere, source, kind, placeId, null, null, late);
    }

    @Override
    public boolean test(TimelineLine line) {
        if (asOf != null && line.recordedAt().isAfter(asOf)) {
            return false;
        }
        LocalDate day = line.date();
        if (on != null && day.isAfter(on)) {
            return false;
        }
        if ((from != null && day.isBefore(from)) || (to != null && day.isAfter(to))) {
            return false;
        }
        if (late != null && line.late() != late) {
            return false;
        }
        return tagged(line, line.principles(), principle) && tagged(line, line.themes(), theme)
                && sameOrTagged(line, line.layer(), layer) && sameOrTagged(line, line.sphere(), sphere)
                && sameOrTagged(line, line.source(), source) && same(line.kind(), kind) && same(line.placeId(), placeId);
    }

    /** Structured tags first; a flat tag of an older event counts as well. */
    private static boolean tagged(TimelineLine line, List<String> values, String wanted) {
        return wanted == null || containsIgnoringCase(values, wanted) || containsIgnoringCase(line.tags(), wanted);
    }

    private static boolean sameOrTagged(TimelineLine line, String value, String wanted) {
        return same(value, wanted) || (wanted != null && containsIgnoringCase(line.tags(), wanted));
    }

    private static boolean same(String value, String wanted) {
        return wanted == null || (value != null && value.equalsIgnoreCase(wanted));
    }

    private static boolean containsIgnoringCase(List<String> values, String wanted) {
        return values.stream().anyMatch(value -> value.equalsIgnoreCase(wanted));
    }

    public boolean hasTagFilters() {
        return principle != null || theme != null || layer != null || sphere != null || source != null;
    }
}
