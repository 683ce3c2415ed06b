package org.learninglog.events.activity;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A session's evaluation was corrected (forms counted again, a late form added); the earlier
 * results stay in the history, as a revised insight's earlier words do.
 *
 * @param activityId    the activity
 * @param programmeId   its programme
 * @param sessionNumber the session
 * @param evaluation    the results as they now read, in full
 * @param reason        why they changed
 * @param recordedAt    when it was recorded
 * @param recordedBy    the member who revised it
 */
@Revision("1")
public record SessionEvaluationRevised(String activityId, String programmeId, int sessionNumber,
                                       SessionEvaluation evaluation, String reason, Instant recordedAt,
                                       String recordedBy) {
}
