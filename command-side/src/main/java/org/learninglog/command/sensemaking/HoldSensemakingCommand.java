package org.learninglog.command.sensemaking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** A learning partner records a sensemaking session that was held. */
public record HoldSensemakingCommand(@TargetAggregateIdentifier String sessionId, String programmeId, String title,
                                     List<String> participantIds, List<String> placeIds, List<String> insightIds,
                                     String conclusions, LocalDate happenedOn, String by) {
}
