package org.learninglog.command.insight;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/**
 * Withdraw an insight, with the reason.
 *
 * @param happenedOn the day it was withdrawn in the story; {@code null} for the day of recording
 */
public record RetractInsightCommand(@TargetAggregateIdentifier String insightId,
                                    @TargetAggregateVersion Long expectedVersion, String reason, LocalDate happenedOn,
                                    String by) {
}
