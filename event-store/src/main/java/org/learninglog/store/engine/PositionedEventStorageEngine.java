package org.learninglog.store.engine;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;
import org.learninglog.store.MongoStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An Axon event storage engine on MongoDB in which every event has a global position, nothing is
 * skipped, and every read is an exact-key lookup. It hands each of Axon's calls to the part that
 * does the job: {@link CommitAppender} (one {@link CommitDocument} per append, checked by the one
 * unique index of {@link CommitQueries}), {@link AggregateReader} (after the latest snapshot of
 * {@link SnapshotStore}), {@link TrackingReader} (the history window by window, with read-ahead
 * threads it owns until {@link #close()}), {@link GapFence} (a position left unwritten for the gap
 * timeout is fenced: a slow writer's events move later, never get skipped) and {@link TokenSearch}.
 * Code outside the engine sees it as {@link EventLog}, {@link StoredEventLog} or {@link StoredCommands}.
 */
public class PositionedEventStorageEngine extends AbstractEventStorageEngine
        implements StoredCommands, EventLog, StoredEventLog, AutoCloseable {

    private final MongoCollection<Document> events;
    private final CommitAppender appender;
    private final StoredCommandLookup commands;
    private final SnapshotStore snapshots;
    private final AggregateReader aggregates;
    private final GapFence gaps;
    private final TrackingReader tracking;
    private final TokenSearch tokens;
    private final PositionCounter counter;

    protected PositionedEventStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase database = builder.database;
        this.events = database.getCollection(builder.eventsCollection);
        this.counter = new PositionCounter(database.getCollection(builder.countersCollection), builder.positionReserver);
        this.gaps = new GapFence(events, builder.gapTimeout, builder.clock);
        this.commands = new StoredCommandLookup(events, getEventSerializer());
        this.appender = new CommitAppender(events, counter, gaps, commands, builder.commitHook, builder.clock);
        this.snapshots = new SnapshotStore(database.getCollection(builder.snapshotsCollection));
        this.aggregates = new AggregateReader(events, snapshots, builder.batchSize);
        CommitWindows windows = new CommitWindows(events, builder.batchSize);
        this.tracking = new TrackingReader(windows, gaps, counter);
        this.tokens = new TokenSearch(windows, counter);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates the one unique index this engine relies on; safe to call on every start. */
    public void ensureIndexes() {
        CommitQueries.ensureIndex(events);
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> messages, Serializer serializer) {
        AppendedPositions.noteAppended(appender.append(messages, serializer, this::handlePersistenceException));
    }

    /** What the store holds of the command with this id: one exact-key lookup of the unique index. */
    @Override
    public Optional<CommandReceipt.Stored> storedCommand(String commandId) {
        return commands.byReceipt(CommandReceipt.key(commandId));
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        snapshots.store(snapshot, serializer);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return snapshots.read(aggregateIdentifier);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String aggregateIdentifier, long firstSequenceNumber) {
        return aggregates.eventsFrom(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return aggregates.lastSequenceNumber(aggregateIdentifier);
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        return tracking.after(positionOf(trackingToken));
    }

    @Override
    public Stream<? extends TrackedEventData<?>> storedEventsAfter(long position) {
        return tracking.after(position);
    }

    @Override
    public TrackingToken createTailToken() {
        return tokens.tail();
    }

    @Override
    public TrackingToken createHeadToken() {
        return tokens.head();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return tokens.at(dateTime);
    }

    @Override
    public Duration gapTimeout() {
        return gaps.timeout();
    }

    @Override
    public long headPosition() {
        return counter.head();
    }

    /** Stops the threads that read ahead; reads still work, in the caller's thread. */
    @Override
    public void close() {
        tracking.close();
    }

    public static long positionOf(TrackingToken token) {
        return EventLog.positionOf(token);
    }

    /** Axon's persistence exception resolver for this engine: a duplicate key is a conflict. */
    public static PersistenceExceptionResolver duplicateKeyResolver() {
        return MongoErrors.duplicateKeyResolver();
    }

    public static class Builder extends AbstractEventStorageEngine.Builder {

        private MongoDatabase database;
        private String eventsCollection = CommitDocument.COLLECTION;
        private String snapshotsCollection = SnapshotDocument.COLLECTION;
        private String countersCollection = CounterDocument.COLLECTION;
        private int batchSize = 256;
        private Duration gapTimeout = Duration.ofSeconds(2);
        private Clock clock = Clock.systemUTC();
        private CommitHook commitHook = CommitHook.NONE;
        private PositionReserver positionReserver;

        protected Builder() {
            persistenceExceptionResolver(duplicateKeyResolver());
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        /**
         * The store's database, and its way of reserving positions in this process if it has one
         * (the embedded server): what production code uses.
         */
        public Builder store(MongoStore store) {
            this.database = store.database();
            this.positionReserver = store.positionReserver();
            return this;
        }

        /** Reserve positions through this instead of the driver (see {@link PositionReserver}). */
        public Builder positionReserver(PositionReserver positionReserver) {
            this.positionReserver = positionReserver;
            return this;
        }

        public Builder collectionPrefix(String prefix) {
            this.eventsCollection = prefix + CommitDocument.COLLECTION;
            this.snapshotsCollection = prefix + SnapshotDocument.COLLECTION;
            this.countersCollection = prefix + CounterDocument.COLLECTION;
            return this;
        }

        /** Positions per tracking read, and the longest run of sequence keys an aggregate read asks for. */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder commitHook(CommitHook commitHook) {
            this.commitHook = commitHook;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        protected void validate() {
            super.validate();
            if (database == null) {
                throw new AxonConfigurationException("A MongoDatabase is required");
            }
        }

        public PositionedEventStorageEngine build() {
            validate();
            return new PositionedEventStorageEngine(this);
        }
    }
}
