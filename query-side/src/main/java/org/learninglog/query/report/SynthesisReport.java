package org.learninglog.query.report;

import io.swagger.v3.oas.annotations.media.Schema;
import org.learninglog.query.activity.ActivityReading.AnswerShare;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A programme's synthesis report for a period of the story ({@code from} to {@code to}, both days
 * included), as the record stood at {@code known}: what its learning activities' forms said, its
 * insights by the framework, its practices, the learning that travelled between its places, and
 * which of its records were late or revised. Every share comes with its count and its base.
 *
 * @param placeIds the places whose part this is; empty when it is the whole programme's
 */
public record SynthesisReport(String programmeId, LocalDate from, LocalDate to,
                              @Schema(description = "Deprecated: the same as known", deprecated = true) Instant asOf,
                              Instant known, List<String> placeIds, List<ActivityPart> activities, List<AcrossActivities> acrossActivities,
                              InsightPart insights,
                              PracticePart practices, TravelPart travelled, RecordsPart records) {

    /**
     * An activity's sessions held in the period, in order; {@code placeIds} the places taking part (in a place's part, theirs only).
     *
     * @param trend per evaluated session, the share of forms giving the scale's best answer
     */
    public record ActivityPart(String activityId, String kind, String topic, List<String> placeIds, List<String> ratingScale,
                               List<SessionPart> sessions, List<TrendPoint> trend) {
    }

    /**
     * @param attendance      per place (only the reader's places in a place's part)
     * @param formsReturned   the base of every share below; {@code null} with the shares until the forms are recorded
     * @param revised         whether the forms' results were corrected (as the record stood)
     */
    public record SessionPart(int sessionNumber, LocalDate happenedOn, List<Tally> attendance, long attendanceTotal,
                              Long formsReturned, List<AnswerShare> ratings, List<AnswerShare> mostUseful,
                              List<AnswerShare> gotWhatTheyWanted, boolean revised) {
    }

    /**
     * One answer across the activities of the period, as the seed's reviews report it: the share of all
     * their sessions' forms giving it (every count over every base), and its spread by activity (each
     * activity's own share over its sessions), lowest first.
     *
     * @param question rating, most-useful or got-what-they-wanted
     */
    public record AcrossActivities(String question, String answer, long count, long base, Integer percent,
                                   List<ActivityShare> byActivity) {
    }

    public record ActivityShare(String activityId, String topic, long count, long base, Integer percent) {
    }

    public record TrendPoint(int sessionNumber, LocalDate happenedOn, String answer, long count, long base, Integer percent) {
    }

    public record Tally(String key, long count) {
    }

    /**
     * Insights that happened in the period and were not withdrawn, with their tags as last revised;
     * every share's base is {@code total} (an insight may carry several principles and themes).
     */
    public record InsightPart(long total, List<AnswerShare> byPrinciple, List<AnswerShare> byTheme, List<AnswerShare> byLayer,
                              List<AnswerShare> bySphere, List<AnswerShare> byPlace) {
    }

    /** @param outcomes the reviews of adaptations by what came of them */
    public record PracticePart(long adopted, long adapted, long retired, long reviewed, List<Tally> outcomes,
                               List<PlacePractices> byPlace) {
    }

    public record PlacePractices(String placeId, long adopted, long adapted, long retired, long reviewed) {
    }

    /**
     * @param shared  learning passed on in the period
     * @param takenUp learning another place took up in the period
     */
    public record TravelPart(long shared, long takenUp, List<TravelledLearning> items) {
    }

    /** @param toPlaceId the place that took it up; {@code null} for the sharing itself */
    public record TravelledLearning(String kind, String sharedLearningId, String title, String fromPlaceId, String toPlaceId,
                         LocalDate happenedOn) {
    }

    /** @param late recorded more than 30 days after they happened; {@code revised} corrections and withdrawals */
    public record RecordsPart(long lateCount, long revisedCount, List<RecordLine> late, List<RecordLine> revised) {
    }

    /** @param subjectId the insight, practice, shared learning or activity; {@code sessionNumber} a session's (0 otherwise) */
    public record RecordLine(String kind, String subjectId, int sessionNumber, String placeId, LocalDate happenedOn,
                             Instant recordedAt, boolean late, String reason) {
    }
}
