package org.learninglog.query.journey;

import org.bson.Document;
import org.learninglog.query.view.DocumentFields;
import org.learninglog.query.view.Evidence;
import org.learninglog.query.view.TimelineLine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code insight:<id>}: an insight's every version, each stamped, and the sensemaking sessions
 * that looked at it. Written and read here only, field by field in the stored order.
 */
public record InsightDocument(String placeId, String programmeId, List<Version> versions) {

    private static final String VERSIONS = "versions";
    private static final String SENSEMAKING = "sensemaking";

    public static InsightDocument of(Document insight) {
        return insight == null ? null : new InsightDocument(insight.getString("placeId"), insight.getString("programmeId"),
                DocumentFields.documents(insight, VERSIONS).stream().map(Version::of).toList());
    }

    /**
     * The insight's tags as its last version recorded or revised before {@code position} gave them;
     * {@code null} if none was. Read from the document without decoding its versions whole: every line
     * citing insights asks it of each.
     */
    static TimelineLine.Facets tagsBefore(Document insight, long position) {
        Document latest = null;
        for (Document version : DocumentFields.documents(insight, VERSIONS)) {
            String kind = version.getString("kind");
            if (Stamped.positionOf(version) < position && (Version.RECORDED.equals(kind) || Version.REVISED.equals(kind))) {
                latest = version;
            }
        }
        return latest == null ? null : new TimelineLine.Facets(DocumentFields.strings(latest, "principles"),
                DocumentFields.strings(latest, "themes"), latest.getString("layer"), latest.getString("sphere"),
                latest.getString("source"), List.of());
    }

    /** Adds {@code version} to the insight's document (being edited). */
    static void add(Document insight, String placeId, String programmeId, Version version) {
        insight.append("placeId", placeId).append("programmeId", programmeId);
        DocumentFields.appendable(insight, VERSIONS).add(version.toDocument());
    }

    /** Notes on the insight's document (being edited) that a sensemaking session looked at it. */
    static void lookedAt(Document insight, String sessionId, String title, String conclusions, long position, Instant at) {
        DocumentFields.appendable(insight, SENSEMAKING).add(Stamped.stamp(new Document("sessionId", sessionId)
                .append("title", title).append("conclusions", conclusions), position, at));
    }

    /**
     * One version: {@code recorded}, {@code revised} or {@code retracted}. Each kind stores the
     * fields its event says, in its own order; a field a kind does not store reads as {@code null}.
     *
     * @param happenedOn the story's day, as ISO text: the insight's for {@code recorded}, the revision's or
     *                   retraction's own for the others ({@code null} in versions stored before they kept it)
     */
    public record Version(String kind, String text, Boolean unintended, String layer, String sphere,
                          List<String> principles, List<String> themes, String source, Evidence evidence,
                          String happenedOn, String reason, String recordedBy, long position, Instant recordedAt)
            implements Stamped {

        public static final String RECORDED = "recorded";
        public static final String REVISED = "revised";
        public static final String RETRACTED = "retracted";

        Document toDocument() {
            Document version = new Document("kind", kind);
            switch (kind) {
                case RECORDED -> version.append("text", text).append("unintended", unintended)
                        .append("layer", layer).append("sphere", sphere)
                        .append("principles", DocumentFields.list(principles)).append("themes", DocumentFields.list(themes))
                        .append("source", source).append("hasEvidence", evidence != null)
                        .append("evidence", evidence == null ? null : evidence.toDocument())
                        .append("happenedOn", happenedOn).append("recordedBy", recordedBy);
                case REVISED -> version.append("text", text).append("layer", layer).append("sphere", sphere)
                        .append("principles", DocumentFields.list(principles)).append("themes", DocumentFields.list(themes))
                        .append("source", source).append("reason", reason).append("recordedBy", recordedBy)
                        .append("happenedOn", happenedOn);
                case RETRACTED -> version.append("reason", reason).append("recordedBy", recordedBy).append("happenedOn", happenedOn);
                default -> throw new IllegalArgumentException("No insight version of kind " + kind);
            }
            return Stamped.stamp(version, position, recordedAt);
        }

        @Override
        public LocalDate storyDay() {
            return happenedOn == null ? Stamped.super.storyDay() : LocalDate.parse(happenedOn);
        }

        static Version of(Document version) {
            return new Version(version.getString("kind"), version.getString("text"), version.getBoolean("unintended"),
                    version.getString("layer"), version.getString("sphere"), DocumentFields.strings(version, "principles"),
                    DocumentFields.strings(version, "themes"), version.getString("source"), Evidence.of(version, "evidence"),
                    version.getString("happenedOn"), version.getString("reason"), version.getString("recordedBy"),
                    Stamped.positionOf(version), Stamped.instantOf(version));
        }
    }
}
