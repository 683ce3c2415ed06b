package org.learninglog.query.view;

import org.bson.Document;

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
                             String source, String kind, String placeId, Instant asOf) implements Predicate<Document> {

    public static final TimelineFilter NONE = new TimelineFilter(null, null, null, null, null, null, null, null, null, null);

    public TimelineFilter asOf(Instant instant) {
        return new TimelineFilter(from, to, principle, theme, layer, sphere, source, kind, placeId, instant);
    }

    @Override
    public boolean test(Document entry) {
        if (asOf != null && TimelineLine.at(entry).isAfter(asOf)) {
            return false;
        }
        LocalDate day = LocalDate.parse(entry.getString(TimelineLine.DATE));
        if ((from != null && day.isBefore(from)) || (to != null && day.isAfter(to))) {
            return false;
        }
        return tagged(entry, TimelineLine.PRINCIPLES, principle) && tagged(entry, TimelineLine.THEMES, theme)
                && same(entry, TimelineLine.LAYER, layer) && same(entry, TimelineLine.SPHERE, sphere) && same(entry, TimelineLine.SOURCE, source)
                && same(entry, TimelineLine.KIND, kind) && same(entry, TimelineLine.PLACE, placeId);
    }

    /** Structured tags first; a flat tag of an older event counts as well. */
    private static boolean tagged(Document entry, String field, String wanted) {
        if (wanted == null) {
            return true;
        }
        return containsIgnoringCase(DocumentFields.strings(entry, field), wanted) || containsIgnoringCase(DocumentFields.strings(entry, TimelineLine.TAGS), wanted);
    }

    private static boolean same(Document entry, String field, String wanted) {
        if (wanted == null) {
            return true;
        }
        String value = entry.getString(field);
        return (value != null && value.equalsIgnoreCase(wanted))
                || (!TimelineLine.KIND.equals(field) && !TimelineLine.PLACE.equals(field) && containsIgnoringCase(DocumentFields.strings(entry, TimelineLine.TAGS), wanted));
    }

    private static boolean containsIgnoringCase(List<String> values, String wanted) {
        return values.stream().anyMatch(value -> value.equalsIgnoreCase(wanted));
    }

    public boolean hasTagFilters() {
        return principle != null || theme != null || layer != null || sphere != null || source != null;
    }
}
