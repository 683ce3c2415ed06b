package org.learninglog.command.activity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.learninglog.events.activity.SessionEvaluation;

/** What the session's forms said, recorded once per session. */
public record EvaluateSessionCommand(@TargetAggregateIdentifier String activityId,
                                     @TargetAggregateVersion Long expectedVersion, int sessionNumber,
                                     SessionEvaluation evaluation, String by) {
}
