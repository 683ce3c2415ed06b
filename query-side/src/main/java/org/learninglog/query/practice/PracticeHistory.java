package org.learninglog.query.practice;

import org.learninglog.query.journey.VersionHistories;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Every version of a practice, oldest first: what it became, why, on which insights (as they read
 * when the change was decided), what came of it, and how its wording differs from the version before.
 */
public record PracticeHistory(String practiceId, String placeId, String programmeId, String name, String status,
                              Instant asOf, List<Version> versions) {

    /**
     * The version a change names as {@code If-Match}: the write side numbers a practice's events
     * from 0, and each of them is one of its versions here (adopted, adapted, retired) or an outcome
     * review of one. The practice's version only for the history as it stands now (no {@code asOf}).
     */
    public long version() {
        return versions.size() + versions.stream().mapToLong(version -> version.outcomes().size()).sum() - 1L;
    }

    public record Version(int number, String kind, String decisionId, Instant recordedAt, LocalDate occurredOn, String was,
                          String text, String why, List<String> decidedBy, String forum, List<String> sharedLearningIds,
                          List<VersionHistories.InsightReading> triggeredBy, List<Outcome> outcomes, WordDiff changeFromPrevious) {
    }

    public record Outcome(String outcome, String notes, LocalDate reviewedOn, Instant recordedAt, List<String> insightIds) {
    }
}
