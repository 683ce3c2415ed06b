package org.learninglog.command.place;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.learninglog.command.Identifiers;
import org.learninglog.events.place.PlaceRegistered;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A place of a programme. Insights are recorded for a place, so a place must exist first. */
@Aggregate
public class Place {

    public static final int MAX_NAME_LENGTH = 200;

    @AggregateIdentifier
    private String placeId;
    private String programmeId;

    protected Place() {
        // for event sourcing
    }

    @CommandHandler
    public Place(RegisterPlaceCommand command, Clock clock) {
        if (!Identifiers.isValid(command.placeId())) {
            throw new PlaceRejected("placeId", "must be an identifier matching " + Identifiers.PATTERN);
        }
        if (!Identifiers.isValid(command.programmeId())) {
            throw new PlaceRejected("programmeId", "must be an identifier matching " + Identifiers.PATTERN);
        }
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty()) {
            throw new PlaceRejected("name", "must not be blank");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new PlaceRejected("name", "must be at most " + MAX_NAME_LENGTH + " characters");
        }
        apply(new PlaceRegistered(command.placeId(), command.programmeId(), name, clock.instant()));
    }

    @EventSourcingHandler
    void on(PlaceRegistered event) {
        placeId = event.placeId();
        programmeId = event.programmeId();
    }

    /** What other aggregates may know of this place. */
    RegisteredPlace registration() {
        return new RegisteredPlace(placeId, programmeId);
    }
}
