package org.learninglog.command.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.learninglog.events.framework.LearningFramework;

/**
 * Register a programme with its learning framework.
 *
 * @param framework the framework; {@code null} for the default one
 * @param by        the administrator's member identifier
 */
public record RegisterProgrammeCommand(@TargetAggregateIdentifier String programmeId, String name,
                                       LearningFramework framework, String by) {
}
