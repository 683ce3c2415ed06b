package org.learninglog.command.person;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.learninglog.command.CommandSideConfiguration;
import org.learninglog.command.CommandInput;
import org.learninglog.command.CommandRejected;
import org.learninglog.command.lookup.References;
import org.learninglog.events.person.PersonRegistered;
import org.learninglog.events.person.PersonalDataErased;
import org.learninglog.store.personal.PersonalKeys;
import org.learninglog.command.UnknownReference;
import org.learninglog.events.personal.PersonalData;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person of a programme: a contributor whose words may be quoted, a decider, a participant.
 * Their name and contact go only into the event's {@link PersonalData}.
 */
@Aggregate(cache = CommandSideConfiguration.AGGREGATE_CACHE)
public class Person {

    @AggregateIdentifier
    private String personId;
    private String programmeId;
    private boolean erased;

    protected Person() {
        // for event sourcing
    }

    @CommandHandler
    public Person(RegisterPersonCommand command, References references, Clock clock) {
        CommandInput.identifier("personId", command.personId());
        String name = CommandInput.text("name", command.name(), CommandInput.MAX_NAME);
        String contact = CommandInput.optionalText("contact", command.contact(), CommandInput.MAX_NAME);
        String by = CommandInput.identifier("by", command.by());
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

    /**
     * Deletes the person's key first, then records that it happened: if recording failed, the
     * data would already be unreadable and asking again completes the record.
     */
    @CommandHandler
    public void handle(ErasePersonalDataCommand command, PersonalKeys keys, Clock clock) {
        if (!programmeId.equals(command.programmeId())) {
            throw new UnknownReference("person", "personId");
        }
        String by = CommandInput.identifier("by", command.by());
        if (erased) {
            return; // asked twice: the data is gone already, nothing more to record
        }
        keys.erase(personId);
        apply(new PersonalDataErased(personId, programmeId, by, clock.instant()));
    }

    @EventSourcingHandler
    void on(PersonRegistered event) {
        personId = event.personId();
        programmeId = event.programmeId();
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        erased = true;
    }
}
