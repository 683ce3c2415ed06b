package org.learninglog.command.practice;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.util.List;

/** Change how a practice works: what it becomes, why, on which insights, who decided where. */
public record AdaptPracticeCommand(@TargetAggregateIdentifier String practiceId,
                                   @TargetAggregateVersion Long expectedVersion, String adaptationId, String becomes,
                                   String why, List<String> insightIds, List<String> sharedLearningIds,
                                   List<String> decidedBy, String forum, LocalDate happenedOn, String by) {
}
