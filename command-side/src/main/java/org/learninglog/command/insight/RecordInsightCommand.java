package org.learninglog.command.insight;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Record something noticed in a place.
 *
 * @param happenedOn the day it happened; {@code null} when the recorder does not say
 * @param recordedBy the member identifier of who records it
 */
public record RecordInsightCommand(@TargetAggregateIdentifier String insightId, String placeId, String text,
                                   List<String> tags, LocalDate happenedOn, String recordedBy) {
}
