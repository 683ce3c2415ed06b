package org.learninglog.store.config;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.learninglog.store.StagedEvents;

import java.util.List;

/** Axon's embedded event store, which also tells the events staged in the current unit of work (Axon keeps that to itself). */
public class StagingEventStore extends EmbeddedEventStore implements StagedEvents {

    private StagingEventStore(Builder builder) {
        super(builder);
    }

    public static Builder stagingBuilder() {
        return new Builder();
    }

    @Override
    public List<EventMessage<?>> staged() {
        return queuedMessages();
    }

    public static class Builder extends EmbeddedEventStore.Builder {

        @Override
        public StagingEventStore build() {
            validate();
            return new StagingEventStore(this);
        }
    }
}
