package org.learninglog.command.place;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a place in a programme; {@code by} is the administrator's member identifier. */
public record RegisterPlaceCommand(@TargetAggregateIdentifier String placeId, String programmeId, String name,
                                   String by) {
}
