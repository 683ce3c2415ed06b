package org.learninglog.command.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erase a person's personal data at their request. */
public record ErasePersonalDataCommand(@TargetAggregateIdentifier String personId, String programmeId, String by) {
}
