package org.learninglog.command.place;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.learninglog.command.CommandSideConfiguration;
import org.learninglog.command.CommandInput;
import org.learninglog.command.lookup.References;
import org.learninglog.events.place.PlaceRegistered;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A place of a programme. Its stream holds only its registration: what happens in the place lives
 * in the short streams of its insights and practices, not in one stream growing for years.
 */
@Aggregate(cache = CommandSideConfiguration.AGGREGATE_CACHE)
public class Place {

    public static final int MAX_NAME_LENGTH = CommandInput.MAX_NAME;

    @AggregateIdentifier
    private String placeId;

    protected Place() {
        // for event sourcing
    }

    @CommandHandler
    public Place(RegisterPlaceCommand command, References references, Clock clock) {
        CommandInput.identifier("placeId", command.placeId());
        CommandInput.identifier("programmeId", command.programmeId());
        String name = CommandInput.text("name", command.name(), MAX_NAME_LENGTH);
        String by = CommandInput.identifier("by", command.by());
        references.programme("programmeId", command.programmeId());
        apply(new PlaceRegistered(command.placeId(), command.programmeId(), name, clock.instant(), by));
    }

    @EventSourcingHandler
    void on(PlaceRegistered event) {
        placeId = event.placeId();
    }
}
