package org.learninglog.store.engine;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Appends a commit: reserves its positions, inserts it, and when the database refuses it says why.
 * A refusal on a fenced position means a reader gave up waiting: the commit takes new positions.
 * Any other refusal is the unique index's: the command is stored already ({@link CommandAlreadyStored}),
 * the aggregate's sequence numbers are taken (a conflict, as Axon reports it), or an event
 * identifier is.
 *
 * <p>A unit of work whose events belong to several aggregates (the importer's batches of rows) is
 * stored as one commit per aggregate, all sent in one ordered insert: on the embedded store that is
 * one file commit for the lot, so a batch costs about what one command costs. The commits are
 * still each whole and each checked by the unique index; a refusal part-way leaves the commits
 * before it stored (on MongoDB without a transaction, and on any store for the commits before a
 * refused one), which is why such a unit of work must consist of commands that are safe to send
 * again, as the importer's are.
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
        List<List<? extends EventMessage<?>>> runs = byAggregate(messages);
        if (runs.size() > 1) {
            return appendAll(runs, serializer, conflicts);
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

    /**
     * One commit per run, in one ordered insert; answers the last event's position. Commits stored before a refused one stay; after
     * a fenced position the rest take new positions, after any other refusal their positions are
     * fenced and the refusal is reported as a single commit's would be.
     */
    private long appendAll(List<List<? extends EventMessage<?>>> runs, Serializer serializer, ConflictReport conflicts) {
        List<Document> commits = new ArrayList<>(runs.size());
        for (List<? extends EventMessage<?>> run : runs) {
            if (run.size() > CommitDocument.MAX_EVENTS) {
                throw new EventStoreException("A commit may hold at most " + CommitDocument.MAX_EVENTS + " events, not "
                        + run.size());
            }
            commits.add(CommitDocument.of(run, serializer));
        }
        int from = 0;
        while (true) {
            List<Document> pending = commits.subList(from, commits.size());
            int count = pending.stream().mapToInt(commit -> commit.getInteger(CommitDocument.COUNT)).sum();
            long first = counter.reserve(count) - count + 1;
            commitHook.positionsReserved(first, count);
            Date at = new Date(clock.millis());
            long[] starts = new long[pending.size()];
            long position = first;
            for (int i = 0; i < pending.size(); i++) {
                starts[i] = position;
                CommitDocument.place(pending.get(i), position, at);
                position += pending.get(i).getInteger(CommitDocument.COUNT);
            }
            try {
                events.insertMany(pending, new InsertManyOptions().ordered(true));
                return first + count - 1;
            } catch (MongoBulkWriteException e) {
                BulkWriteError error = e.getWriteErrors().get(0);
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw new EventStoreException("Could not append " + count + " events", e);
                }
                int refusedAt = error.getIndex();
                if (gaps.isFenced(starts[refusedAt])) {
                    from += refusedAt; // a reader gave up waiting for these positions: the rest take new ones
                    continue;
                }
                gaps.fence(starts[refusedAt], first + count - 1);
                refused(pending.get(refusedAt), runs.get(from + refusedAt).get(0), e, conflicts);
            }
        }
    }

    /** The messages cut where the aggregate changes; loose events (of no aggregate) stay together. */
    private static List<List<? extends EventMessage<?>>> byAggregate(List<? extends EventMessage<?>> messages) {
        List<List<? extends EventMessage<?>>> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= messages.size(); i++) {
            if (i == messages.size() || !Objects.equals(aggregateOf(messages.get(i)), aggregateOf(messages.get(start)))) {
                runs.add(messages.subList(start, i));
                start = i;
            }
        }
        return runs;
    }

    private static String aggregateOf(EventMessage<?> message) {
        return message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
    }

    /** Throws what the unique index refused the commit for. */
    private void refused(Document commit, EventMessage<?> firstEvent, Exception e, ConflictReport conflicts) {
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
