package org.learninglog.query.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a timeline is narrowed to: a period of days (on the day a thing happened, the day it was
 * recorded when not said), framework tags, a kind of event, a place, and {@code asOf}: the record
 * as it stood then, i.e. only events recorded up to that instant. {@code null} means "any".
 */
public record TimelineFilter(LocalDate from, LocalDate to, String principle, String theme, String layer, String sphere,
                             String source, String kind, String placeId, Instant asOf) implements Predicate<TimelineLine> {

    public static final TimelineFilter NONE = new TimelineFilter(null, null, null, null, null, null, null, null, null, null);

    public TimelineFilter asOf(Instant instant) {
        return new TimelineFilter(from, to, principle, theme, layer, sphere, source, kind, placeId, instant);
    }

    @Override
    public boolean test(TimelineLine line) {
        if (asOf != null && line.recordedAt().isAfter(asOf)) {
            return false;
        }
        LocalDate day = line.date();
        if ((from != null && day.isBefore(from)) || (to != null && day.isAfter(to))) {
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
