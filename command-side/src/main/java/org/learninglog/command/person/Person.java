package org.learninglog.command.person;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.learninglog.command.Checks;
import org.learninglog.command.CommandRejected;
import org.learninglog.command.lookup.References;
import org.learninglog.events.person.PersonRegistered;
import org.learninglog.events.personal.PersonalData;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person of a programme: a contributor whose words may be quoted, a decider, a participant.
 * Their name and contact go only into the event's {@link PersonalData}.
 */
@Aggregate
public class Person {

    @AggregateIdentifier
    private String personId;

    protected Person() {
        // for event sourcing
    }

    @CommandHandler
    public Person(RegisterPersonCommand command, References references, Clock clock) {
        Checks.identifier("personId", command.personId());
        String name = Checks.text("name", command.name(), Checks.MAX_NAME);
        String contact = Checks.optionalText("contact", command.contact(), Checks.MAX_NAME);
        String by = Checks.identifier("by", command.by());
        if (command.role() == null) {
            throw new CommandRejected("role", "must be given");
        }
        references.programme("programmeId", command.programmeId());
        if (command.placeId() != null) {
            references.place("placeId", command.programmeId(), command.placeId());
        }
        apply(new PersonRegistered(command.personId(), command.programmeId(), command.placeId(), command.role(),
                new PersonalData(command.personId(), name, null, contact), command.mayBeQuoted(), by,
                clock.instant()));
    }

    @EventSourcingHandler
    void on(PersonRegistered event) {
        personId = event.personId();
    }
}
