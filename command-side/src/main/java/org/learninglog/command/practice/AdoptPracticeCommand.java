package org.learninglog.command.practice;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Take up a practice new to a place, because of insights (and perhaps of learning shared with it). */
public record AdoptPracticeCommand(@TargetAggregateIdentifier String practiceId, String placeId, String name,
                                   String description, String why, List<String> insightIds,
                                   List<String> sharedLearningIds, List<String> decidedBy, String forum,
                                   LocalDate happenedOn, String by) {
}
