package org.learninglog.query.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A learning activity as read: as set up, its sessions in order with their attendance and
 * evaluation, and the trend of its best rating over the sessions. Every share comes with the count
 * and the base it was worked out from.
 *
 * @param version the activity's version (its number of events minus one), also its ETag; read on a clock, the
 *                number of the events it shows minus one
 * @param known   the record's cut it was read at ({@code known=} or {@code asOf=}), {@code null} for now
 * @param on      the story's cut it was read at ({@code on=}), {@code null} for all of it
 * @param trend   per evaluated session, the share rating the scale's best answer
 */
public record ActivityReading(String activityId, String programmeId, String kind, String topic, List<String> placeIds,
                              LocalDate startsOn, LocalDate endsOn, List<String> ratingScale, List<String> usefulOptions,
                              long version, Instant known, LocalDate on, List<ActivitySessionReading> sessions,
                              List<ActivityTrendPoint> trend) {

    /**
     * @param happenedOn      the day it was held (the story's clock)
     * @param recordedAt      when it was recorded (the record's clock)
     * @param attendanceTotal everyone counted at the session, over all places
     * @param evaluation      what its forms said; {@code null} until recorded
     */
    public record ActivitySessionReading(int sessionNumber, LocalDate happenedOn, Instant recordedAt, String facilitatorId,
                                         List<PlaceAttendance> attendance, long attendanceTotal, SessionEvaluationReading evaluation) {
    }

    public record PlaceAttendance(String placeId, long count) {
    }

    /**
     * @param formsReturned     the base of every share below
     * @param ratings           one per answer of the activity's scale, best first
     * @param mostUseful        one per choice; a form may name several, so these need not add up to the base
     * @param gotWhatTheyWanted all, some, none
     * @param revisions         how many times the results were corrected; {@code reason} the latest correction's
     * @param recordedAt        when these results (the first, or the latest correction) were recorded
     */
    public record SessionEvaluationReading(int sessionNumber, long formsReturned, List<AnswerShare> ratings, List<AnswerShare> mostUseful,
                                           List<AnswerShare> gotWhatTheyWanted, List<String> comments, long revisions, String reason,
                                           Instant recordedAt) {
    }

    /**
     * One answer's count and its share of the forms returned.
     *
     * @param base    the forms returned
     * @param percent count / base in whole percent, rounded half up; {@code null} when no form came back
     */
    public record AnswerShare(String answer, long count, long base, Integer percent) {

        public static AnswerShare of(String answer, long count, long base) {
            return new AnswerShare(answer, count, base, base == 0 ? null : (int) Math.round(100.0 * count / base));
        }

        /**
         * One share per answer named, in its order (a zero where no form chose it), then any other
         * answer counted: every answer of a scale or list is shown, chosen or not.
         */
        public static java.util.List<AnswerShare> inOrder(java.util.List<String> answers, java.util.Map<String, Long> counted, long base) {
            java.util.Map<String, Long> byAnswer = new java.util.LinkedHashMap<>();
            answers.forEach(answer -> byAnswer.put(answer, 0L));
            counted.forEach((answer, count) -> byAnswer.merge(answer, count, Long::sum));
            java.util.List<AnswerShare> shares = new java.util.ArrayList<>();
            byAnswer.forEach((answer, count) -> shares.add(of(answer, count, base)));
            return shares;
        }
    }

    /** The share rating the scale's best answer at one session. */
    public record ActivityTrendPoint(int sessionNumber, LocalDate happenedOn, String answer, long count, long base, Integer percent) {
    }

    /** An activity in a programme's list: its latest best-answer share, with its base. */
    public record ActivitySummary(String activityId, String kind, String topic, int sessions, ActivityTrendPoint latest) {
    }
}
