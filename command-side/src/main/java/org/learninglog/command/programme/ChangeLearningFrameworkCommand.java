package org.learninglog.command.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.learninglog.events.framework.LearningFramework;

/**
 * Replace a programme's learning framework by a new one.
 *
 * @param expectedVersion the programme's version the administrator saw; {@code null} for no check
 */
public record ChangeLearningFrameworkCommand(@TargetAggregateIdentifier String programmeId,
                                             @TargetAggregateVersion Long expectedVersion,
                                             LearningFramework framework, String reason, String by) {
}
