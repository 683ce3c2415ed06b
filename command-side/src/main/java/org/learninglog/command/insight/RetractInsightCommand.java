package org.learninglog.command.insight;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Withdraw an insight, with the reason. */
public record RetractInsightCommand(@TargetAggregateIdentifier String insightId,
                                    @TargetAggregateVersion Long expectedVersion, String reason, String by) {
}
