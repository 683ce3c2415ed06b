package org.learninglog.query.audit;

import org.learninglog.query.journey.Folds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The audit trail of one decision (an adaptation of a practice, or the adoption of a new one):
 * what was decided, by whom, where; each insight behind it as it read then and as it reads now
 * (or as of the instant asked), with what changed in between; the practice's later versions;
 * the outcome reviews; and where the learning travelled after.
 */
public record DecisionAudit(String decisionId, String kind, String practiceId, String placeId, String programmeId,
                            Instant recordedAt, LocalDate occurredOn, String was, String becomes, String why,
                            List<String> decidedBy, String forum, List<String> sharedLearningIds, Instant asOf,
                            List<InsightTrail> insights, List<LaterVersion> laterVersions, List<Review> outcomes,
                            List<Travel> travelled) {

    public record InsightTrail(String insightId, Folds.InsightReading atDecision, Folds.InsightReading now,
                               boolean changedSince, List<Change> changesSince) {
    }

    public record Change(String kind, Instant recordedAt, String text, String reason) {
    }

    public record LaterVersion(String kind, String decisionId, Instant recordedAt, String text, String why) {
    }

    public record Review(String outcome, String notes, LocalDate reviewedOn, Instant recordedAt, List<String> insightIds) {
    }

    public record Travel(String kind, String sharedLearningId, String placeId, String practiceId, String adaptationId,
                         String title, Instant recordedAt) {
    }
}
