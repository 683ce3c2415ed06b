package org.learninglog.command.activity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A session of the activity was held: its day, who facilitated, who came from where. */
public record RecordActivitySessionCommand(@TargetAggregateIdentifier String activityId,
                                           @TargetAggregateVersion Long expectedVersion, LocalDate happenedOn,
                                           String facilitatorId, Map<String, Integer> attendance,
                                           List<String> attendeeIds, String by) {
}
