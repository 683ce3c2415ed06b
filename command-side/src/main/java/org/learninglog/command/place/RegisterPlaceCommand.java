package org.learninglog.command.place;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterPlaceCommand(@TargetAggregateIdentifier String placeId, String programmeId, String name) {
}
