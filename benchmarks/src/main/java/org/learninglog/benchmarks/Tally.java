package org.learninglog.benchmarks;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A small aggregate with the shape of ours: created once, then a few changes, each one event. */
public class Tally {

    public record OpenTally(@TargetAggregateIdentifier String id, String text) {
    }

    public record NoteTally(@TargetAggregateIdentifier String id, String text) {
    }

    public record TallyOpened(String id, String text) {
    }

    public record TallyNoted(String id, String text, long count) {
    }

    @AggregateIdentifier
    private String id;
    private long count;

    protected Tally() {
    }

    @CommandHandler
    public Tally(OpenTally command) {
        apply(new TallyOpened(command.id(), command.text()));
    }

    @CommandHandler
    public void handle(NoteTally command) {
        apply(new TallyNoted(id, command.text(), count + 1));
    }

    @EventSourcingHandler
    void on(TallyOpened event) {
        id = event.id();
    }

    @EventSourcingHandler
    void on(TallyNoted event) {
        count = event.count();
    }
}
