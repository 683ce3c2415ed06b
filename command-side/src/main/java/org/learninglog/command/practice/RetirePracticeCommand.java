package org.learninglog.command.practice;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.util.List;

/** Stop a practice, with the reason. */
public record RetirePracticeCommand(@TargetAggregateIdentifier String practiceId,
                                    @TargetAggregateVersion Long expectedVersion, String why,
                                    List<String> insightIds, LocalDate happenedOn, String by) {
}
