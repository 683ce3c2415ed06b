package org.learninglog.command.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.learninglog.events.person.PersonRegistered;

/**
 * Register a person of a programme.
 *
 * @param placeId     the person's place; {@code null} for people working across the programme
 * @param name        the person's name (personal data)
 * @param contact     how to reach them (personal data); {@code null} if none
 * @param mayBeQuoted whether they agreed that their words may be quoted as evidence
 */
public record RegisterPersonCommand(@TargetAggregateIdentifier String personId, String programmeId, String placeId,
                                    PersonRegistered.Role role, String name, String contact, boolean mayBeQuoted,
                                    String by) {

    /** Personal data stays out of logs, even as a command. */
    @Override
    public String toString() {
        return "RegisterPersonCommand[personId=" + personId + ", programmeId=" + programmeId + "]";
    }
}
