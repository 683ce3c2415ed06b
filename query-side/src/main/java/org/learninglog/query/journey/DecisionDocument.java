package org.learninglog.query.journey;

import org.bson.Document;
import org.learninglog.query.view.DocumentFields;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code decision:<id>}: an adaptation of a practice, or its adoption: what was decided, by whom,
 * where, on which insights; its outcome reviews; and where the learning went after. Its
 * {@code position} is {@code null} while only its reviews or travels arrived. Written and read
 * here only, field by field in the stored order.
 */
public record DecisionDocument(String kind, String practiceId, String placeId, String programmeId, String was,
                               String becomes, String why, List<String> insightIds, List<String> sharedLearningIds,
                               List<String> decidedBy, String forum, LocalDate occurredOn, Instant recordedAt, Long position,
                               List<Review> reviews, List<Step> travelled) {

    private static final String REVIEWS = "reviews";
    private static final String TRAVELLED = "travelled";

    public static DecisionDocument of(Document decision) {
        if (decision == null) {
            return null;
        }
        Number position = decision.get(Stamped.POSITION, Number.class);
        return new DecisionDocument(decision.getString("kind"), decision.getString("practiceId"), decision.getString("placeId"),
                decision.getString("programmeId"), decision.getString("was"), decision.getString("becomes"),
                decision.getString("why"), DocumentFields.strings(decision, "insightIds"),
                DocumentFields.strings(decision, "sharedLearningIds"), DocumentFields.strings(decision, "decidedBy"),
                decision.getString("forum"), day(decision.getString("occurredOn")), Stamped.instantOf(decision),
                position == null ? null : position.longValue(),
                DocumentFields.documents(decision, REVIEWS).stream().map(Review::of).toList(),
                DocumentFields.documents(decision, TRAVELLED).stream().map(Step::of).toList());
    }

    /** Writes the decision into its document (being edited); its reviews and travels are left as they are. */
    void writeTo(Document decision) {
        decision.append("kind", kind).append("practiceId", practiceId).append("placeId", placeId)
                .append("programmeId", programmeId).append("was", was).append("becomes", becomes).append("why", why)
                .append("insightIds", DocumentFields.list(insightIds)).append("sharedLearningIds", DocumentFields.list(sharedLearningIds))
                .append("decidedBy", DocumentFields.list(decidedBy)).append("forum", forum)
                .append("occurredOn", occurredOn == null ? null : occurredOn.toString())
                .append(Stamped.AT, DocumentFields.date(recordedAt)).append(Stamped.POSITION, position);
    }

    /** An outcome review of the decision. */
    public record Review(String outcome, String notes, List<String> insightIds, LocalDate reviewedOn, String recordedBy,
                         long position, Instant recordedAt) implements Stamped {

        @Override
        public LocalDate storyDay() {
            return reviewedOn == null ? Stamped.super.storyDay() : reviewedOn;
        }

        static Review of(Document review) {
            return new Review(review.getString("outcome"), review.getString("notes"), DocumentFields.strings(review, "insightIds"),
                    day(review.getString("reviewedOn")), review.getString("recordedBy"), Stamped.positionOf(review),
                    Stamped.instantOf(review));
        }

        void appendTo(Document decision) {
            DocumentFields.appendable(decision, REVIEWS).add(Stamped.stamp(new Document("outcome", outcome).append("notes", notes)
                    .append("insightIds", DocumentFields.list(insightIds))
                    .append("reviewedOn", reviewedOn == null ? null : reviewedOn.toString())
                    .append("recordedBy", recordedBy), position, recordedAt));
        }
    }

    /**
     * Where the decision's learning went: {@code shared} (with its title) from a place, or
     * {@code adopted} by a place (as its practice and adaptation), on the story's {@code happenedOn}
     * ({@code null} in steps stored before they kept it).
     */
    public record Step(String kind, String sharedLearningId, String placeId, String title, String practiceId,
                       String adaptationId, LocalDate happenedOn, long position, Instant recordedAt) implements Stamped {

        public static final String SHARED = "shared";

        @Override
        public LocalDate storyDay() {
            return happenedOn == null ? Stamped.super.storyDay() : happenedOn;
        }

        static Step of(Document step) {
            return new Step(step.getString("kind"), step.getString("sharedLearningId"), step.getString("placeId"),
                    step.getString("title"), step.getString("practiceId"), step.getString("adaptationId"),
                    day(step.getString("happenedOn")), Stamped.positionOf(step), Stamped.instantOf(step));
        }

        void appendTo(Document decision) {
            Document step = new Document("kind", kind).append("sharedLearningId", sharedLearningId).append("placeId", placeId);
            if (SHARED.equals(kind)) {
                step.append("title", title);
            } else {
                step.append("practiceId", practiceId).append("adaptationId", adaptationId);
            }
            step.append("happenedOn", happenedOn == null ? null : happenedOn.toString());
            DocumentFields.appendable(decision, TRAVELLED).add(Stamped.stamp(step, position, recordedAt));
        }
    }

    private static LocalDate day(String value) {
        return value == null ? null : LocalDate.parse(value);
    }
}
