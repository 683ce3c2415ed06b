package org.learninglog.query.journey;

import org.learninglog.query.view.Evidence;
import org.learninglog.query.view.EvidenceOpener;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

/**
 * Folds the version histories of the journey view to a moment: an instant ("as of") or a
 * position ("when this decision was recorded") of the record, a day of the story, or both. A
 * version belongs to the moment if it was recorded at or before it and happened by its day.
 */
public final class VersionHistories {

    private VersionHistories() {
    }

    /** What was recorded up to {@code asOf} ({@code null}: all of it). */
    public static Predicate<Stamped> upTo(Instant asOf) {
        return value -> asOf == null || !value.recordedAt().isAfter(asOf);
    }

    /**
     * What had happened by the end of {@code on} ({@code null}: all), by its story day, or the day it
     * was recorded when it has none ({@link Stamped#storyDay}).
     */
    public static Predicate<Stamped> happenedBy(LocalDate on) {
        return value -> on == null || !value.storyDay().isAfter(on);
    }

    /** The story day of a practice's version: its own, or the day it was recorded (UTC). */
    public static LocalDate storyDay(PracticeDocument.Version version) {
        return version.storyDay();
    }

    /** What was recorded before the event at {@code position}. */
    public static Predicate<Stamped> before(long position) {
        return value -> value.position() < position;
    }

    /** The items of a history that belong to the moment, in the order recorded. */
    public static <T extends Stamped> List<T> at(List<T> history, Predicate<? super T> moment) {
        return history.stream().filter(moment).toList();
    }

    /** An insight as it read at a moment; {@code null} if it was not recorded yet. */
    public static InsightReading insight(String insightId, InsightDocument insight, Predicate<? super Stamped> moment) {
        List<InsightDocument.Version> versions = insight == null ? List.of() : at(insight.versions(), moment);
        if (versions.isEmpty()) {
            return null;
        }
        String text = null;
        InsightDocument.Version tags = null;
        Evidence evidence = null;
        boolean retracted = false;
        String retraction = null;
        for (InsightDocument.Version version : versions) {
            if (InsightDocument.Version.RETRACTED.equals(version.kind())) {
                retracted = true;
                retraction = version.reason();
            } else {
                text = version.text();
                tags = version;
                if (InsightDocument.Version.RECORDED.equals(version.kind())) {
                    evidence = version.evidence();
                }
            }
        }
        InsightDocument.Version last = versions.get(versions.size() - 1);
        return new InsightReading(insightId, insight.placeId(), text,
                tags == null ? List.of() : List.copyOf(tags.principles()), tags == null ? List.of() : List.copyOf(tags.themes()),
                tags == null ? null : tags.layer(), tags == null ? null : tags.sphere(),
                tags == null ? null : tags.source(), retracted, retraction, versions.size(),
                last.recordedAt(), last.position(), evidence);
    }

    /** An insight as it reads at a moment. */
    public record InsightReading(String insightId, String placeId, String text, List<String> principles, List<String> themes,
                                 String layer, String sphere, String source, boolean retracted, String retractionReason,
                                 int versions, Instant lastChangedAt, long lastPosition, Evidence evidence) {

        /** The reading with its evidence opened ({@link EvidenceOpener}). */
        public InsightReading opened(EvidenceOpener opener) {
            return evidence == null ? this : new InsightReading(insightId, placeId, text, principles, themes, layer, sphere, source,
                    retracted, retractionReason, versions, lastChangedAt, lastPosition, opener.open(evidence));
        }

        /** {@code null}-safe {@link #opened}. */
        public static InsightReading opened(InsightReading reading, EvidenceOpener opener) {
            return reading == null ? null : reading.opened(opener);
        }
    }
}
