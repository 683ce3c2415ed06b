package org.learninglog.query.practice;

import org.learninglog.query.NotFoundException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A practice as it works now: the newest wording of its description, whether it is still in use,
 * and its adaptations by identifier (each read on its own). Folded from its {@link PracticeHistory}.
 */
public record PracticeReading(String practiceId, String placeId, String programmeId, String name, String description,
                              String status, List<String> adaptationIds, Instant adoptedAt, Instant lastChangedAt) {

    static PracticeReading of(PracticeHistory history) {
        List<PracticeHistory.Version> versions = history.versions();
        PracticeHistory.Version last = versions.get(versions.size() - 1);
        return new PracticeReading(history.practiceId(), history.placeId(), history.programmeId(), history.name(), last.text(),
                history.status(), versions.stream().filter(version -> "adapted".equals(version.kind()))
                .map(PracticeHistory.Version::decisionId).toList(), versions.get(0).recordedAt(), last.recordedAt());
    }

    static Adaptation adaptation(PracticeHistory history, String adaptationId) {
        PracticeHistory.Version version = history.versions().stream()
                .filter(candidate -> "adapted".equals(candidate.kind()) && adaptationId.equals(candidate.decisionId()))
                .findFirst().orElseThrow(() -> new NotFoundException("adaptationId", "The practice has no adaptation with this id (yet)"));
        return new Adaptation(adaptationId, history.practiceId(), history.placeId(), history.programmeId(), version.was(),
                version.text(), version.why(), version.triggeredBy().stream().map(reading -> reading.insightId()).toList(),
                version.sharedLearningIds(), version.decidedBy(), version.forum(), version.occurredOn(), version.recordedAt(),
                version.outcomes());
    }

    static PracticeHistory.Outcome review(PracticeHistory history, String adaptationId, int number) {
        List<PracticeHistory.Outcome> reviews = adaptation(history, adaptationId).reviews();
        if (number < 1 || number > reviews.size()) {
            throw new NotFoundException("number", "The adaptation has no outcome review numbered " + number + " (yet)");
        }
        return reviews.get(number - 1);
    }

    /**
     * @param was     the practice's description before
     * @param becomes its description after
     * @param reviews what came of it, in the order the reviews were recorded (numbered from 1)
     */
    public record Adaptation(String adaptationId, String practiceId, String placeId, String programmeId, String was,
                             String becomes, String why, List<String> insightIds, List<String> sharedLearningIds,
                             List<String> decidedBy, String forum, LocalDate occurredOn, Instant recordedAt,
                             List<PracticeHistory.Outcome> reviews) {
    }
}
