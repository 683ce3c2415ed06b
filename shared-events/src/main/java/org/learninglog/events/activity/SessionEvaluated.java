package org.learninglog.events.activity;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A learning partner recorded what participants said of a session on its evaluation forms.
 *
 * @param activityId    the activity
 * @param programmeId   its programme
 * @param sessionNumber the session evaluated
 * @param evaluation    the forms' results as counts
 * @param recordedAt    when it was recorded
 * @param recordedBy    the member who recorded it
 */
@Revision("1")
public record SessionEvaluated(String activityId, String programmeId, int sessionNumber,
                               SessionEvaluation evaluation, Instant recordedAt, String recordedBy) {
}
