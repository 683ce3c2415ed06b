package org.learninglog.query.journey;

import org.bson.Document;
import org.learninglog.query.view.DocumentFields;
import org.learninglog.query.view.Evidence;
import org.learninglog.query.view.EvidenceOpener;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * VersionHistories the version histories of the journey view to a moment: an instant ("as of") or a
 * position ("when this decision was recorded"). A version belongs to the moment if it was
 * recorded at or before it.
 */
public final class VersionHistories {

    private VersionHistories() {
    }

    /** Versions recorded up to {@code asOf} ({@code null}: all of them). */
    public static Predicate<Document> upTo(Instant asOf) {
        return value -> asOf == null || !DocumentFields.instant(value, "at").isAfter(asOf);
    }

    /** Versions recorded before the event at {@code position}. */
    public static Predicate<Document> before(long position) {
        return value -> value.get("pos", Number.class).longValue() < position;
    }

    public static List<Document> versions(Document entity, Predicate<Document> moment) {
        List<Document> kept = new ArrayList<>();
        for (Document version : DocumentFields.documents(entity, "versions")) {
            if (moment.test(version)) {
                kept.add(version);
            }
        }
        return kept;
    }

    public static List<Document> stamped(Document entity, String field, Predicate<Document> moment) {
        return DocumentFields.documents(entity, field).stream().filter(moment).toList();
    }

    /** An insight as it read at a moment; {@code null} if it was not recorded yet. */
    public static InsightReading insight(String insightId, Document insight, Predicate<Document> moment) {
        List<Document> versions = versions(insight, moment);
        if (versions.isEmpty()) {
            return null;
        }
        String text = null;
        Document tags = null;
        Evidence evidence = null;
        boolean retracted = false;
        String retraction = null;
        for (Document version : versions) {
            if ("retracted".equals(version.getString("kind"))) {
                retracted = true;
                retraction = version.getString("reason");
            } else {
                text = version.getString("text");
                tags = version;
                if ("recorded".equals(version.getString("kind"))) {
                    evidence = Evidence.of(version, "evidence");
                }
            }
        }
        Document last = versions.get(versions.size() - 1);
        return new InsightReading(insightId, insight.getString("placeId"), text,
                List.copyOf(DocumentFields.strings(tags, "principles")), List.copyOf(DocumentFields.strings(tags, "themes")),
                tags == null ? null : tags.getString("layer"), tags == null ? null : tags.getString("sphere"),
                tags == null ? null : tags.getString("source"), retracted, retraction, versions.size(),
                DocumentFields.instant(last, "at"), last.get("pos", Number.class).longValue(), evidence);
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
