package org.learninglog.command.demo;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.learninglog.command.Appended;
import org.learninglog.command.lookup.Lookup;
import org.learninglog.store.StagedEvents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Sends the demo's commands through the command gateway, {@value #BATCH} at a time inside one unit
 * of work of its own, as the importer sends its rows: every rule of every aggregate applies to each
 * command, and the events of the batch are stored when it commits, in one write (see the event
 * store's {@code CommitAppender}), with the lookup's writes for them in one more. Sent one unit of
 * work each, the demo's 320 commands cost over a thousand round trips to the store; that was most
 * of its load time. The batch's commands build on each other, so the batch follows its own view of
 * the lookup ({@link Lookup#followBatchIn}, one for the whole load, so each entry is read once),
 * which each command's events update at once ({@link Lookup#ahead}). Counts, by type, the events
 * each command applied, as staged in the batch.
 *
 * <p>A load that resumes an interrupted one first looks for each command's events in the store:
 * the demo is deterministic, so the events at the sequence numbers the command would take are its
 * own. Found, it is not sent again; the first command not found ends the looking, and every command
 * after it is sent. A batch is stored whole or not at all on the embedded store (one file commit);
 * on a MongoDB server its commits are inserted in order, so what an interruption leaves of it is
 * its first commands, which the looking finds like any others.
 */
final class DemoSender implements AutoCloseable {

    /**
     * Commands per unit of work: ten or so batches for the demo, each one write of events and one of
     * the lookup. Bigger batches save little more, and a load interrupted part-way (see
     * {@code DemoResumeTest}) should leave a part of the demo, not all or nothing.
     */
    static final int BATCH = 32;

    /** Axon's correlation entry: the id of the command an event was applied by. */
    private static final String CORRELATION_ID = "correlationId";

    private final CommandGateway commands;
    private final EventStore events;
    private final StagedEvents staged;
    private final AnnotationEventHandlerAdapter lookupUpdater;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();
    private final Map<String, Integer> tally = new TreeMap<>();
    /** The sequence number the next event of each aggregate addressed so far will take. */
    private final Map<String, Long> nextSequence = new HashMap<>();
    private boolean resuming;
    /** The events of the commands found in the store while resuming. */
    private final List<DomainEventMessage<?>> found = new ArrayList<>();
    /** The lookup as the batches of this load see it: each entry read once for the whole load. */
    private final Lookup.BatchView lookupView = new Lookup.BatchView();
    /** The open batch, or {@code null}; how many commands it holds, and how many of its staged events are counted. */
    private UnitOfWork<?> batch;
    private int commandsInBatch;
    private int eventsSeen;

    DemoSender(CommandGateway commands, EventStore events, StagedEvents staged, AnnotationEventHandlerAdapter lookupUpdater,
               boolean resuming) {
        this.commands = commands;
        this.events = events;
        this.staged = staged;
        this.lookupUpdater = lookupUpdater;
        this.resuming = resuming;
    }

    /** Sends the command unless it is stored already; returns the aggregate's version after it. */
    long send(Object command) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        String aggregateId = targets.resolveTarget(message).getIdentifier();
        long first = nextSequence.getOrDefault(aggregateId, 0L);
        if (resuming) {
            List<? extends DomainEventMessage<?>> stored = eventsOfOneCommand(aggregateId, first);
            if (!stored.isEmpty()) {
                found.addAll(stored);
                count(aggregateId, stored);
                return stored.get(stored.size() - 1).getSequenceNumber();
            }
            // The first command not in the store: the interruption came after the one before.
            resuming = false;
            repairLookup();
        }
        if (batch == null) {
            batch = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("demo batch of " + BATCH + " commands"));
            Lookup.followBatchIn(batch, lookupView);
            commandsInBatch = 0;
            eventsSeen = 0;
        }
        Object result = commands.sendAndWait(message);
        List<DomainEventMessage<?>> applied = appliedBy(message.getIdentifier());
        Lookup.ahead(() -> applied.forEach(this::giveToLookup));
        List<DomainEventMessage<?>> own = applied.stream().filter(event -> aggregateId.equals(event.getAggregateIdentifier())).toList();
        count(aggregateId, own.isEmpty() ? eventsOfOneCommand(aggregateId, first) : own);
        if (++commandsInBatch == BATCH) {
            commitBatch();
        }
        if (result instanceof Appended appended) {
            return appended.version();
        }
        return result instanceof Long version ? version : 0L;
    }

    /** To be called after the last command: stores the last batch; a load that found every command stored repairs the lookup. */
    void finish() {
        if (resuming) {
            repairLookup();
        }
        if (batch != null) {
            commitBatch();
        }
    }

    /** A batch still open here was cut short by a failure: nothing of it is stored. */
    @Override
    public void close() {
        if (batch != null) {
            UnitOfWork<?> unfinished = batch;
            batch = null;
            unfinished.rollback();
        }
    }

    /** How many events of each type the commands sent or found applied. */
    Map<String, Integer> tally() {
        return new TreeMap<>(tally);
    }

    private void commitBatch() {
        UnitOfWork<?> full = batch;
        batch = null;
        full.commit();
    }

    /** The events staged in the batch since the last command's, applied by this command. */
    private List<DomainEventMessage<?>> appliedBy(String commandId) {
        List<EventMessage<?>> all = staged.staged();
        List<DomainEventMessage<?>> applied = new ArrayList<>();
        for (EventMessage<?> event : all.subList(Math.min(eventsSeen, all.size()), all.size())) {
            if (event instanceof DomainEventMessage<?> domain && commandId.equals(event.getMetaData().get(CORRELATION_ID))) {
                applied.add(domain);
            }
        }
        eventsSeen = all.size();
        return applied;
    }

    /** The events of the aggregate from this sequence number on that one command applied (none if none are stored or staged). */
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
     * The lookup is written right after a batch's events are stored; an interruption in between
     * leaves events the lookup does not know, and the next commands would find their references
     * unknown. Its handlers are idempotent, so they are given the events of every command found
     * again, in one unit of work: one write.
     */
    private void repairLookup() {
        if (found.isEmpty()) {
            return;
        }
        UnitOfWork<?> repair = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("demo lookup repair"));
        try {
            found.forEach(this::giveToLookup);
        } catch (RuntimeException e) {
            repair.rollback(e);
            throw e;
        }
        repair.commit();
        found.clear();
    }

    private void giveToLookup(DomainEventMessage<?> event) {
        try {
            lookupUpdater.handle(event);
        } catch (Exception e) {
            throw new IllegalStateException("The lookup could not be given " + event.getPayloadType(), e);
        }
    }
}
