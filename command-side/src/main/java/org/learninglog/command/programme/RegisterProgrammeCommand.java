package org.learninglog.command.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.learninglog.events.framework.LearningFramework;

import java.time.LocalDate;

/**
 * Register a programme with its learning framework.
 *
 * @param framework    the framework; {@code null} for the default one
 * @param backfillFrom the earliest day its story may be dated, before its registration; {@code null} for none
 *                     (its story begins the day it is registered)
 * @param by           the administrator's member identifier
 */
public record RegisterProgrammeCommand(@TargetAggregateIdentifier String programmeId, String name,
                                       LearningFramework framework, LocalDate backfillFrom, String by) {
}
