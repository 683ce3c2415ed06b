package org.learninglog.store.engine;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Appends a commit: reserves its positions, inserts it, and when the database refuses it says why.
 * A refusal on a fenced position means a reader gave up waiting: the commit takes new positions.
 * Any other refusal is the unique index's: the command is stored already ({@link CommandAlreadyStored}),
 * the aggregate's sequence numbers are taken (a conflict, as Axon reports it), or an event
 * identifier is.
 */
final class CommitAppender {

    /** Axon's report of a conflict on an aggregate's sequence numbers; it always throws. */
    @FunctionalInterface
    interface ConflictReport {
        void conflict(Exception refusal, EventMessage<?> firstEvent);
    }

    private final MongoCollection<Document> events;
    private final PositionCounter counter;
    private final GapFence gaps;
    private final StoredCommandLookup commands;
    private final CommitHook commitHook;
    private final Clock clock;

    CommitAppender(MongoCollection<Document> events, PositionCounter counter, GapFence gaps,
                   StoredCommandLookup commands, CommitHook commitHook, Clock clock) {
        this.events = events;
        this.counter = counter;
        this.gaps = gaps;
        this.commands = commands;
        this.commitHook = commitHook;
        this.clock = clock;
    }

    /** Answers the global position of the commit's last event (0 for no events). */
    long append(List<? extends EventMessage<?>> messages, Serializer serializer, ConflictReport conflicts) {
        if (messages.isEmpty()) {
            return 0;
        }
        if (messages.size() > CommitDocument.MAX_EVENTS) {
            throw new EventStoreException("A commit may hold at most " + CommitDocument.MAX_EVENTS + " events, not "
                    + messages.size());
        }
        Document commit = CommitDocument.of(messages, serializer);
        int count = messages.size();
        while (true) {
            long first = counter.reserve(count) - count + 1;
            commitHook.positionsReserved(first, count);
            CommitDocument.place(commit, first, new Date(clock.millis()));
            try {
                events.insertOne(commit);
                return first + count - 1;
            } catch (MongoWriteException e) {
                if (!MongoErrors.isDuplicateKey(e)) {
                    throw new EventStoreException("Could not append " + count + " events", e);
                }
                if (gaps.isFenced(first)) {
                    continue; // a reader gave up waiting for these positions: take new ones
                }
                gaps.fence(first, first + count - 1); // refused: spare the readers the wait for our positions
                refused(commit, messages.get(0), e, conflicts);
            }
        }
    }

    /** Throws what the unique index refused the commit for. */
    private void refused(Document commit, EventMessage<?> firstEvent, MongoWriteException e, ConflictReport conflicts) {
        String receipt = CommandReceipt.keyOf(firstEvent);
        Optional<CommandReceipt.Stored> stored = receipt == null ? Optional.empty() : commands.byReceipt(receipt);
        if (stored.isPresent()) {
            throw new CommandAlreadyStored(stored.get(), e);
        }
        if (streamTaken(commit)) {
            conflicts.conflict(e, firstEvent);
        }
        throw new EventStoreException("An event with one of these identifiers is already stored: "
                + CommitDocument.eventIds(commit), e);
    }

    private boolean streamTaken(Document commit) {
        for (String key : CommitDocument.keys(commit)) {
            if (CommitDocument.isSlotKeyOf(commit, key) && events.find(CommitQueries.withKey(key)).first() != null) {
                return true;
            }
        }
        return false;
    }
}
