package org.learninglog.command.activity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** A learning partner or administrator sets up a learning activity. */
public record SetUpActivityCommand(@TargetAggregateIdentifier String activityId, String programmeId, String kind,
                                   String topic, List<String> placeIds, LocalDate startsOn, LocalDate endsOn,
                                   List<String> ratingScale, List<String> usefulOptions, String by) {
}
