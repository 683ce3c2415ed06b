package org.learninglog.command.funder;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.learninglog.command.CommandSideConfiguration;
import org.learninglog.command.CommandInput;
import org.learninglog.command.lookup.References;
import org.learninglog.events.funder.FunderRegistered;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One of a programme's funders: its own short stream, so that a funder can be referred to. */
@Aggregate(cache = CommandSideConfiguration.AGGREGATE_CACHE)
public class Funder {

    @AggregateIdentifier
    private String funderId;

    protected Funder() {
        // for event sourcing
    }

    @CommandHandler
    public Funder(RegisterFunderCommand command, References references, Clock clock) {
        CommandInput.identifier("funderId", command.funderId());
        String name = CommandInput.text("name", command.name(), CommandInput.MAX_NAME);
        String by = CommandInput.identifier("by", command.by());
        references.programme("programmeId", command.programmeId());
        apply(new FunderRegistered(command.funderId(), command.programmeId(), name, by, clock.instant()));
    }

    @EventSourcingHandler
    void on(FunderRegistered event) {
        funderId = event.funderId();
    }
}
