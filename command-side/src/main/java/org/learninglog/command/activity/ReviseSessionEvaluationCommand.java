package org.learninglog.command.activity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;
import java.util.Map;

/**
 * Corrects a session's evaluation as a merge patch: each part given replaces that part as a whole
 * (a map of counts is replaced, not merged), each part left out ({@code null}) stays; the reason is
 * required.
 */
public record ReviseSessionEvaluationCommand(@TargetAggregateIdentifier String activityId,
                                             @TargetAggregateVersion Long expectedVersion, int sessionNumber,
                                             Integer formsReturned, Map<String, Integer> ratings,
                                             Map<String, Integer> mostUseful, Map<String, Integer> gotWhatTheyWanted,
                                             List<String> comments, String reason, String by) {
}
