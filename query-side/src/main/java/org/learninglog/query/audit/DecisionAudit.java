package org.learninglog.query.audit;

import org.learninglog.query.journey.VersionHistories;
import org.learninglog.query.view.EvidenceOpener;
import org.learninglog.query.view.LateRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The audit trail of one decision (an adaptation of a practice, or the adoption of a new one):
 * what was decided, by whom, where; each insight behind it as it read then and as it reads now
 * (or as the record stood at {@code known}, and the story by the end of {@code on}), with what
 * changed in between; the practice's later versions; the outcome reviews; and where the learning
 * travelled after.
 *
 * <p>Each of them says the day it happened ({@code happenedOn}, {@code occurredOn} or
 * {@code reviewedOn}) beside the instant it was recorded, and {@code late} when it was recorded more
 * than {@value LateRecord#THRESHOLD_DAYS} days after it happened, as a journey's lines do.
 *
 * <p>Every event behind it carries its {@link ChainLink}: its global position and its seal in the
 * programme's hash chain, so that anyone can check it against {@code /integrity} and the
 * {@code verify-integrity} command.
 */
public record DecisionAudit(String decisionId, String kind, String practiceId, String placeId, String programmeId,
                            Instant recordedAt, LocalDate occurredOn, boolean late, String was, String becomes, String why,
                            List<String> decidedBy, String forum, List<String> sharedLearningIds, Instant asOf, Instant known,
                            LocalDate on, List<InsightTrail> insights, List<LaterVersion> laterVersions, List<Review> outcomes,
                            List<Travel> travelled, ChainLink chain) {

    /**
     * Where an event sits in the record: its global position, and its seal in the programme's hash
     * chain. Sealing follows the events a moment later: until then {@code sealed} is false and
     * {@code chainIndex}, {@code hash} and {@code previousHash} are {@code null}.
     *
     * @param position     the event's global position (the {@code _id} of its seal)
     * @param sealed       whether it is sealed in the chain yet
     * @param chainIndex   its place in the programme's chain, from 1 (what {@code /integrity} counts)
     * @param hash         SHA-256 over {@code previousHash} and the event as stored (hex)
     * @param previousHash the hash of the event before it in the chain; empty for the first
     */
    public record ChainLink(long position, boolean sealed, Long chainIndex, String hash, String previousHash) {

        public static ChainLink unsealed(long position) {
            return new ChainLink(position, false, null, null, null);
        }
    }

    /**
     * @param events every version of the insight up to the moment asked (recorded, revised,
     *               retracted), with whether it was there when the decision was recorded
     */
    public record InsightTrail(String insightId, VersionHistories.InsightReading atDecision, VersionHistories.InsightReading now,
                               boolean changedSince, List<Change> changesSince, List<InsightEvent> events) {
    }

    public record InsightEvent(String kind, Instant recordedAt, LocalDate happenedOn, boolean late, boolean beforeDecision,
                               ChainLink chain) {
    }

    public record Change(String kind, Instant recordedAt, LocalDate happenedOn, boolean late, String text, String reason,
                         ChainLink chain) {
    }

    public record LaterVersion(String kind, String decisionId, Instant recordedAt, LocalDate happenedOn, boolean late, String text,
                               String why, ChainLink chain) {
    }

    public record Review(String outcome, String notes, LocalDate reviewedOn, Instant recordedAt, boolean late,
                         List<String> insightIds, ChainLink chain) {
    }

    public record Travel(String kind, String sharedLearningId, String placeId, String practiceId, String adaptationId,
                         String title, Instant recordedAt, LocalDate happenedOn, boolean late, ChainLink chain) {
    }

    /** The trail with the evidence of its insights readable, or marked removed where the person withdrew consent. */
    public DecisionAudit opened(EvidenceOpener opener) {
        List<InsightTrail> open = insights.stream().map(trail -> new InsightTrail(trail.insightId(),
                VersionHistories.InsightReading.opened(trail.atDecision(), opener), VersionHistories.InsightReading.opened(trail.now(), opener),
                trail.changedSince(), trail.changesSince(), trail.events())).toList();
        return new DecisionAudit(decisionId, kind, practiceId, placeId, programmeId, recordedAt, occurredOn, late, was, becomes,
                why, decidedBy, forum, sharedLearningIds, asOf, known, on, open, laterVersions, outcomes, travelled, chain);
    }
}
