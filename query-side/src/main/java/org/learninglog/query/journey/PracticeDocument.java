package org.learninglog.query.journey;

import org.bson.Document;
import org.learninglog.query.view.DocumentFields;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code practice:<id>}: a practice's name and every version (adopted, adapted, retired), each
 * stamped. Written and read here only, field by field in the stored order.
 */
public record PracticeDocument(String practiceId, String placeId, String programmeId, String name, List<Version> versions) {

    private static final String VERSIONS = "versions";

    public static PracticeDocument of(Document practice) {
        return practice == null ? null : new PracticeDocument(
                practice.getString("_id").substring(JourneyProjection.practiceId("").length()),
                practice.getString("placeId"), practice.getString("programmeId"), practice.getString("name"),
                DocumentFields.documents(practice, VERSIONS).stream().map(Version::of).toList());
    }

    /** Whether the practice's document (being edited) has a version yet. */
    static boolean known(Document practice) {
        return practice.containsKey(VERSIONS);
    }

    /** Adds {@code version} to the practice's document (being edited); {@code name} only when the event says it. */
    static void add(Document practice, String placeId, String programmeId, String name, Version version) {
        practice.append("placeId", placeId).append("programmeId", programmeId);
        if (name != null) {
            practice.append("name", name);
        }
        DocumentFields.appendable(practice, VERSIONS).add(version.toDocument());
    }

    /**
     * One version: {@code adopted}, {@code adapted} or {@code retired}. Each kind stores the fields
     * its event says, in its own order; a field a kind does not store reads as {@code null} (or empty).
     *
     * @param decisionId the adoption (the practice's own id) or adaptation that made this version
     */
    public record Version(String kind, String decisionId, String was, String text, String why, List<String> insightIds,
                          List<String> sharedLearningIds, List<String> decidedBy, String forum, LocalDate occurredOn,
                          long position, Instant recordedAt) implements Stamped {

        public static final String ADOPTED = "adopted";
        public static final String ADAPTED = "adapted";
        public static final String RETIRED = "retired";

        @Override
        public LocalDate storyDay() {
            return occurredOn == null ? Stamped.super.storyDay() : occurredOn;
        }

        Document toDocument() {
            Document version = new Document("kind", kind);
            if (!RETIRED.equals(kind)) {
                version.append("decisionId", decisionId);
                if (ADAPTED.equals(kind)) {
                    version.append("was", was);
                }
                version.append("text", text);
            }
            version.append("why", why).append("insightIds", DocumentFields.list(insightIds));
            if (!RETIRED.equals(kind)) {
                version.append("sharedLearningIds", DocumentFields.list(sharedLearningIds))
                        .append("decidedBy", DocumentFields.list(decidedBy)).append("forum", forum);
            }
            version.append("occurredOn", occurredOn == null ? null : occurredOn.toString());
            return Stamped.stamp(version, position, recordedAt);
        }

        static Version of(Document version) {
            String occurredOn = version.getString("occurredOn");
            return new Version(version.getString("kind"), version.getString("decisionId"), version.getString("was"),
                    version.getString("text"), version.getString("why"), DocumentFields.strings(version, "insightIds"),
                    DocumentFields.strings(version, "sharedLearningIds"), DocumentFields.strings(version, "decidedBy"),
                    version.getString("forum"), occurredOn == null ? null : LocalDate.parse(occurredOn),
                    Stamped.positionOf(version), Stamped.instantOf(version));
        }
    }
}
