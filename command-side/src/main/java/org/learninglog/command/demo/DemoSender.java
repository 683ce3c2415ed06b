package org.learninglog.command.demo;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.learninglog.command.Appended;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Sends the demo's commands one by one and counts, by type, the events each one applied, as the
 * event store publishes them (read back from the store only if it did not). A load that resumes an interrupted one first looks for each command's
 * events in the store: the demo is deterministic, so the events at the sequence numbers the
 * command would take are its own. Found, it is not sent again; the first command not found
 * ends the looking, and every command after it is sent.
 */
final class DemoSender implements AutoCloseable {

    /** Axon's correlation entry: the id of the command an event was applied by. */
    private static final String CORRELATION_ID = "correlationId";

    private final CommandGateway commands;
    private final EventStore events;
    private final AnnotationEventHandlerAdapter lookupUpdater;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();
    private final Map<String, Integer> tally = new TreeMap<>();
    /** The sequence number the next event of each aggregate addressed so far will take. */
    private final Map<String, Long> nextSequence = new HashMap<>();
    private boolean resuming;
    /** The events of the last command found in the store while resuming. */
    private List<? extends DomainEventMessage<?>> lastFound = List.of();
    /**
     * The id of the command being sent, and the events published under it so far. The store
     * publishes a command's events once they are appended, in the thread that handles it (a retry
     * after a conflict handles it in another), so they are told apart by their correlation, not
     * their thread. Counting them so saves reading each command's events back: a round trip per command.
     */
    private volatile String sending;
    private final List<DomainEventMessage<?>> published = Collections.synchronizedList(new ArrayList<>());
    private final Registration publications;

    DemoSender(CommandGateway commands, EventStore events, AnnotationEventHandlerAdapter lookupUpdater,
               boolean resuming) {
        this.commands = commands;
        this.events = events;
        this.lookupUpdater = lookupUpdater;
        this.resuming = resuming;
        this.publications = events.subscribe(this::published);
    }

    private void published(List<? extends EventMessage<?>> batch) {
        String command = sending;
        for (var event : batch) {
            if (command != null && event instanceof DomainEventMessage<?> applied
                    && command.equals(applied.getMetaData().get(CORRELATION_ID))) {
                published.add(applied);
            }
        }
    }

    /** Sends the command unless it is stored already; returns the aggregate's version after it. */
    long send(Object command) {
        String aggregateId = targets.resolveTarget(GenericCommandMessage.asCommandMessage(command)).getIdentifier();
        long first = nextSequence.getOrDefault(aggregateId, 0L);
        if (resuming) {
            List<? extends DomainEventMessage<?>> stored = eventsOfOneCommand(aggregateId, first);
            if (!stored.isEmpty()) {
                lastFound = stored;
                count(aggregateId, stored);
                return stored.get(stored.size() - 1).getSequenceNumber();
            }
            // The first command not in the store: the interruption came after the one before.
            resuming = false;
            repairLookupOfLastFound();
        }
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        published.clear();
        sending = message.getIdentifier();
        Object result;
        try {
            result = commands.sendAndWait(message);
        } finally {
            sending = null;
        }
        List<DomainEventMessage<?>> applied = List.copyOf(published).stream()
                .filter(event -> aggregateId.equals(event.getAggregateIdentifier())).toList();
        count(aggregateId, applied.isEmpty() ? eventsOfOneCommand(aggregateId, first) : applied);
        if (result instanceof Appended appended) {
            return appended.version();
        }
        return result instanceof Long version ? version : 0L;
    }

    /** To be called after the last command: a load that found every command stored repairs the last one's lookup. */
    void finish() {
        if (resuming) {
            repairLookupOfLastFound();
        }
    }

    /** Stops listening to the store's publications. */
    @Override
    public void close() {
        publications.cancel();
    }

    /** How many events of each type the commands sent or found applied. */
    Map<String, Integer> tally() {
        return new TreeMap<>(tally);
    }

    /** The events of the aggregate from this sequence number on that one command applied (none if none are stored). */
    private List<? extends DomainEventMessage<?>> eventsOfOneCommand(String aggregateId, long first) {
        List<? extends DomainEventMessage<?>> from = events.readEvents(aggregateId, first).asStream()
                .filter(event -> event.getSequenceNumber() >= first).toList();
        if (from.isEmpty()) {
            return from;
        }
        Object command = from.get(0).getMetaData().get(CORRELATION_ID);
        return from.stream().takeWhile(event -> Objects.equals(event.getMetaData().get(CORRELATION_ID), command)).toList();
    }

    private void count(String aggregateId, List<? extends DomainEventMessage<?>> applied) {
        applied.forEach(event -> tally.merge(event.getPayloadType().getSimpleName(), 1, Integer::sum));
        nextSequence.merge(aggregateId, (long) applied.size(), Long::sum);
    }

    /**
     * The lookup is written right after a command's events are stored, in the same thread; an
     * interruption in between leaves events the lookup does not know, and the next commands
     * would find their references unknown. Its handlers are idempotent, so they are given that
     * command's events again.
     */
    private void repairLookupOfLastFound() {
        for (DomainEventMessage<?> event : lastFound) {
            try {
                lookupUpdater.handle(event);
            } catch (Exception e) {
                throw new IllegalStateException("The lookup could not be repaired from " + event.getPayloadType(), e);
            }
        }
    }
}
