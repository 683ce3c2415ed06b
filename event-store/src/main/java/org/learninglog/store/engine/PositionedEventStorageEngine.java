package org.learninglog.store.engine;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.learninglog.store.MongoStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

/**
 * An Axon event storage engine on MongoDB in which every event has a global position, nothing is
 * skipped, and every read is an exact-key lookup.
 *
 * <h2>Layout</h2>
 * One document per commit in {@code events}: {@code _id} is the global position of its first
 * event, {@code n} how many positions it covers, and its events sit in an array, so a commit is
 * seen whole or not at all without transactions. Positions come from a counter document.
 * One unique multikey index on {@code keys} holds, per commit, an {@code aggregate#sequence} key
 * per event (optimistic concurrency), each event's identifier (idempotency of events) and, for a
 * command that names itself, its {@link CommandReceipt} (at most one commit per command). The
 * latest snapshot of an aggregate sits in {@code snapshots} under the aggregate's identifier.
 *
 * <h2>Reads</h2>
 * Tracking reads ask for {@code _id $in [p, p + batch)}; loading an aggregate asks for runs of its
 * {@code aggregate#sequence} keys ({@code keys $in [...]}). Both are primary- or unique-key lookups
 * on MongoDB and on the embedded server alike, so their cost does not grow with the history.
 *
 * <h2>Gaps</h2>
 * A position can be reserved and not yet written (a writer in flight), or never written (a writer
 * that died). A reader waits for it at most {@code gapTimeout}, then <em>fences</em> it by
 * inserting a gap document under that {@code _id}. If the writer was only slow, its insert then
 * fails on the primary key and it retries under new positions; so an event is never skipped, only
 * moved later, and no reader waits for a dead writer longer than the timeout.
 */
public class PositionedEventStorageEngine extends AbstractEventStorageEngine implements StoredCommands {

    /** The most events one commit may hold; bounds the look-back for a token inside a commit. */
    public static final int MAX_COMMIT_SIZE = 256;
    /** The collection of position counters (behind the optional prefix). */
    public static final String COUNTERS = "counters";
    private static final String GAP_STREAM_PREFIX = "~gap:";
    private static final Comparator<Document> BY_POSITION = Comparator.comparingLong(c -> c.getLong("_id"));
    private static final Comparator<Document> BY_SEQUENCE = Comparator.comparingLong(c -> c.getLong("seq"));
    private static final String LOOSE_STREAM_PREFIX = "~event:";

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final PositionCounter counter;
    private final int batchSize;
    private final Duration gapTimeout;
    private final Clock clock;
    private final CommitHook commitHook;
    private final ConcurrentMap<Long, Long> gapsFirstSeen = new ConcurrentHashMap<>();
    /** Reads the next window of a replay ahead (daemon threads; idle ones end after a minute). */
    private final Executor readAhead = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "event-store-read-ahead");
        thread.setDaemon(true);
        return thread;
    });

    protected PositionedEventStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase database = builder.database;
        this.events = database.getCollection(builder.eventsCollection);
        this.snapshots = database.getCollection(builder.snapshotsCollection);
        this.counter = new PositionCounter(database.getCollection(builder.countersCollection), builder.positionReserver);
        this.batchSize = builder.batchSize;
        this.gapTimeout = builder.gapTimeout;
        this.clock = builder.clock;
        this.commitHook = builder.commitHook;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates the unique indexes this engine relies on; safe to call on every start. */
    public void ensureIndexes() {
        // One unique multikey index does both checks: a key per event identifier (idempotency) and
        // a key per (aggregate, sequence number) the commit covers (optimistic concurrency, also
        // for commits that overlap without starting at the same number). It also finds the commit
        // holding an aggregate's sequence number by exact key. Every extra index costs each append
        // a write, so there is just this one.
        events.createIndex(Indexes.ascending("keys"), new IndexOptions().unique(true).name("keys"));
    }

    // ---------------------------------------------------------------- append

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> messages, Serializer serializer) {
        if (messages.isEmpty()) {
            return;
        }
        if (messages.size() > MAX_COMMIT_SIZE) {
            throw new EventStoreException("A commit may hold at most " + MAX_COMMIT_SIZE + " events, not " + messages.size());
        }
        Document commit = commitDocument(messages, serializer);
        int count = messages.size();
        while (true) {
            long first = counter.reserve(count) - count + 1;
            commitHook.positionsReserved(first, count);
            commit.put("_id", first);
            commit.put("at", new Date(clock.millis()));
            try {
                events.insertOne(commit);
                return;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw new EventStoreException("Could not append " + count + " events", e);
                }
                if (isFence(first)) {
                    continue; // a reader gave up waiting for these positions: take new ones
                }
                fence(first, first + count - 1); // refused: spare the readers the wait for our positions
                String receipt = CommandReceipt.keyOf(messages.get(0));
                Optional<CommandReceipt.Stored> stored = receipt == null ? Optional.empty() : commandByReceipt(receipt);
                if (stored.isPresent()) {
                    throw new CommandAlreadyStored(stored.get(), e);
                }
                if (streamTaken(commit)) {
                    handlePersistenceException(e, messages.get(0));
                }
                throw new EventStoreException("An event with one of these identifiers is already stored: " + eventIds(commit), e);
            }
        }
    }

    private Document commitDocument(List<? extends EventMessage<?>> messages, Serializer serializer) {
        EventMessage<?> first = messages.get(0);
        String stream;
        long firstSeq;
        String aggregateType = null;
        if (first instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
            stream = domain.getAggregateIdentifier();
            firstSeq = domain.getSequenceNumber();
            aggregateType = domain.getType();
        } else {
            stream = LOOSE_STREAM_PREFIX + first.getIdentifier();
            firstSeq = 0;
        }
        List<Document> stored = new ArrayList<>(messages.size());
        List<String> keys = new ArrayList<>(messages.size() * 2);
        long expectedSeq = firstSeq;
        for (EventMessage<?> message : messages) {
            Document event = new Document("id", message.getIdentifier());
            if (aggregateType != null) {
                if (!(message instanceof DomainEventMessage<?> domain) || !stream.equals(domain.getAggregateIdentifier())
                        || domain.getSequenceNumber() != expectedSeq) {
                    throw new EventStoreException("A commit holds the events of one aggregate in sequence; "
                            + message.getIdentifier() + " breaks that");
                }
                keys.add(slotKey(stream, expectedSeq));
                event.append("seq", expectedSeq++);
            }
            SerializedObject<String> payload = message.serializePayload(serializer, String.class);
            SerializedObject<String> metaData = message.serializeMetaData(serializer, String.class);
            event.append("type", payload.getType().getName())
                    .append("rev", payload.getType().getRevision())
                    .append("ts", message.getTimestamp().toString())
                    .append("payload", payload.getData())
                    .append("meta", metaData.getData());
            stored.add(event);
            keys.add(message.getIdentifier());
        }
        String receipt = CommandReceipt.keyOf(first);
        if (receipt != null) {
            keys.add(receipt);
        }
        return new Document("_id", null)
                .append("n", messages.size())
                .append("stream", stream)
                .append("seq", firstSeq)
                .append("lastSeq", aggregateType == null ? firstSeq : expectedSeq - 1)
                .append("aggType", aggregateType)
                .append("at", null)
                .append("keys", keys)
                .append("events", stored);
    }

    /**
     * What the store holds of the command with this id, if any of its events are stored: one
     * exact-key lookup of the unique index (see {@link CommandReceipt}).
     */
    @Override
    public Optional<CommandReceipt.Stored> storedCommand(String commandId) {
        return commandByReceipt(CommandReceipt.key(commandId));
    }

    private Optional<CommandReceipt.Stored> commandByReceipt(String receipt) {
        Document commit = events.find(eq("keys", receipt)).first();
        if (commit == null) {
            return Optional.empty();
        }
        Document firstEvent = commit.getList("events", Document.class).get(0);
        MetaData meta = getEventSerializer().deserialize(new SimpleSerializedObject<>(firstEvent.getString("meta"),
                String.class, MetaData.class.getName(), null));
        Object sentBy = meta == null ? null : meta.get(CommandReceipt.SENT_BY);
        return Optional.of(new CommandReceipt.Stored(receipt.substring(receipt.indexOf(':') + 1),
                sentBy instanceof String member ? member : null, commit.getString("stream"), commit.getString("aggType"),
                commit.getLong("lastSeq"), commit.getLong("_id"), commit.getInteger("n")));
    }

    private boolean isFence(long position) {
        Document holder = events.find(eq("_id", position)).first();
        return holder != null && holder.getBoolean("gap", false);
    }

    private boolean streamTaken(Document commit) {
        for (String key : commit.getList("keys", String.class)) {
            if (key.startsWith(commit.getString("stream") + "#") && events.find(eq("keys", key)).first() != null) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- snapshots

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        SerializedObject<String> payload = snapshot.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = snapshot.serializeMetaData(serializer, String.class);
        Document document = new Document("_id", snapshot.getAggregateIdentifier())
                .append("aggType", snapshot.getType())
                .append("seq", snapshot.getSequenceNumber())
                .append("id", snapshot.getIdentifier())
                .append("type", payload.getType().getName())
                .append("rev", payload.getType().getRevision())
                .append("ts", snapshot.getTimestamp().toString())
                .append("payload", payload.getData())
                .append("meta", metaData.getData());
        try {
            // Replace only an older snapshot; against a newer one the upsert hits the primary key.
            snapshots.replaceOne(and(eq("_id", snapshot.getAggregateIdentifier()), lt("seq", snapshot.getSequenceNumber())),
                    document, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document snapshot = snapshots.find(eq("_id", aggregateIdentifier)).first();
        if (snapshot == null) {
            return Stream.empty();
        }
        return Stream.of(new GenericDomainEventEntry<>(snapshot.getString("aggType"), aggregateIdentifier,
                snapshot.getLong("seq"), snapshot.getString("id"), snapshot.getString("ts"), snapshot.getString("type"),
                snapshot.getString("rev"), snapshot.getString("payload"), snapshot.getString("meta")));
    }

    // ---------------------------------------------------------------- aggregates

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String aggregateIdentifier, long firstSequenceNumber) {
        List<DomainEventData<?>> found = new ArrayList<>();
        for (Document commit : commitsFrom(aggregateIdentifier, firstSequenceNumber)) {
            for (DomainEventData<?> event : domainEvents(commit)) {
                if (event.getSequenceNumber() >= firstSequenceNumber) {
                    found.add(event);
                }
            }
        }
        return found.stream();
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        Document snapshot = snapshots.find(eq("_id", aggregateIdentifier)).first();
        long from = snapshot == null ? 0 : snapshot.getLong("seq") + 1;
        Long last = snapshot == null ? null : snapshot.getLong("seq");
        List<Document> commits = commitsFrom(aggregateIdentifier, from);
        return commits.isEmpty() ? Optional.ofNullable(last) : Optional.of(commits.get(commits.size() - 1).getLong("lastSeq"));
    }

    /** The first look-ahead of {@link #commitsFrom}; each further one doubles, up to a tracking window. */
    private static final int FIRST_LOOKAHEAD = 8;

    /**
     * The commits that hold an aggregate's sequence numbers from {@code seq} on, in order, up to
     * the first number no commit holds. Each query asks for a run of {@code aggregate#sequence}
     * keys at once ({@code keys $in [...]}: exact keys of the unique index, on MongoDB and on the
     * embedded server alike), so an aggregate of a few dozen events loads in two or three round
     * trips, not one per commit; the run starts short, as most aggregates are, and doubles.
     */
    private List<Document> commitsFrom(String stream, long seq) {
        List<Document> commits = new ArrayList<>();
        long next = seq;
        int lookahead = FIRST_LOOKAHEAD;
        while (true) {
            long end = next + lookahead; // exclusive
            List<String> wanted = new ArrayList<>(lookahead);
            for (long s = next; s < end; s++) {
                wanted.add(slotKey(stream, s));
            }
            List<Document> found = events.find(in("keys", wanted)).into(new ArrayList<>());
            found.sort(BY_SEQUENCE);
            for (Document commit : found) {
                if (commit.getLong("seq") > next) {
                    return commits; // no commit holds next: the aggregate's events end before it
                }
                if (commit.getLong("lastSeq") >= next) {
                    commits.add(commit);
                    next = commit.getLong("lastSeq") + 1;
                }
            }
            if (next < end) {
                return commits;
            }
            lookahead = Math.min(lookahead * 2, batchSize);
        }
    }

    private static String slotKey(String stream, long seq) {
        return stream + "#" + seq;
    }

    private static List<String> eventIds(Document commit) {
        return commit.getList("events", Document.class).stream().map(e -> e.getString("id")).toList();
    }

    private List<DomainEventData<?>> domainEvents(Document commit) {
        List<Document> stored = commit.getList("events", Document.class);
        List<DomainEventData<?>> result = new ArrayList<>(stored.size());
        for (Document event : stored) {
            result.add(entry(commit, event));
        }
        return result;
    }

    private static GenericDomainEventEntry<String> entry(Document commit, Document event) {
        String aggregateType = commit.getString("aggType");
        boolean domain = aggregateType != null;
        return new GenericDomainEventEntry<>(aggregateType, domain ? commit.getString("stream") : null,
                domain ? event.getLong("seq") : 0L, event.getString("id"), event.getString("ts"),
                event.getString("type"), event.getString("rev"), event.getString("payload"), event.getString("meta"));
    }

    // ---------------------------------------------------------------- tracking

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        return StreamSupport.stream(new TrackedEvents(positionOf(trackingToken) + 1), false);
    }

    /**
     * The stored form of every event after {@code position}, in order, as the store holds it
     * (payload and metadata still serialized, never upcast): what integrity seals are computed over.
     */
    public Stream<? extends TrackedEventData<?>> storedEventsAfter(long position) {
        return StreamSupport.stream(new TrackedEvents(position + 1), false);
    }

    @Override
    public TrackingToken createTailToken() {
        return new GlobalSequenceTrackingToken(0);
    }

    @Override
    public TrackingToken createHeadToken() {
        return new GlobalSequenceTrackingToken(counter.head());
    }

    /** The position of the last event stored before {@code instant}: a binary search over positions. */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        long low = 1;
        long high = counter.head();
        long answer = high + 1;
        while (low <= high) {
            long middle = (low + high) >>> 1;
            Document commit = firstCommitFrom(middle, high);
            if (commit == null) {
                high = middle - 1;
                continue;
            }
            if (!commit.getDate("at").toInstant().isBefore(dateTime)) {
                answer = commit.getLong("_id");
                high = middle - 1;
            } else {
                low = commit.getLong("_id") + commit.getInteger("n");
            }
        }
        return new GlobalSequenceTrackingToken(answer - 1);
    }

    private Document firstCommitFrom(long from, long limit) {
        for (long start = from; start <= limit; start += batchSize) {
            Document first = null;
            for (Document candidate : events.find(in("_id", range(start, Math.min(limit, start + batchSize - 1))))) {
                if (!candidate.getBoolean("gap", false) && (first == null || candidate.getLong("_id") < first.getLong("_id"))) {
                    first = candidate;
                }
            }
            if (first != null) {
                return first;
            }
        }
        return null;
    }

    /** How long a reserved position may stay unwritten before readers pass over it. */
    public Duration gapTimeout() {
        return gapTimeout;
    }

    /** The highest position reserved so far; a token's position against it is replay progress. */
    public long headPosition() {
        return counter.head();
    }

    public static long positionOf(TrackingToken token) {
        if (token == null) {
            return 0;
        }
        return token.position().orElseThrow(() -> new IllegalArgumentException("A token without a position: " + token));
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    /**
     * Reads commits batch by batch from a position. Stops before a gap that is still within its
     * timeout, so that what follows is delivered only once the gap is filled or fenced.
     */
    private final class TrackedEvents extends Spliterators.AbstractSpliterator<TrackedEventData<?>> {

        private long next;
        private boolean atCommitBoundary;
        private final List<TrackedEventData<?>> buffer = new ArrayList<>();
        private int index;
        private boolean exhausted;
        /** A commit that cannot be read, met after the events in the buffer: the reader fails on it once it gets there. */
        private UnreadableEvent damage;

        TrackedEvents(long from) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.next = from;
        }

        @Override
        public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
            if (index == buffer.size() && damage != null) {
                throw damage;
            }
            if (index == buffer.size()) {
                buffer.clear();
                index = 0;
                while (!exhausted && buffer.isEmpty()) {
                    fill();
                }
                if (buffer.isEmpty()) {
                    return false;
                }
            }
            action.accept(buffer.get(index++));
            return true;
        }

        /** The next window, read ahead while the caller handles this one (replays only; see {@link #readAhead}). */
        private CompletableFuture<List<Document>> ahead;
        private long aheadFrom;

        private void fill() {
            long before = next;
            List<Document> commits = window(next);
            if (!atCommitBoundary && commits.stream().noneMatch(c -> c.getLong("_id") == next)) {
                Document holder = commitHolding(next);
                if (holder != null) {
                    commits.add(holder);
                }
            }
            atCommitBoundary = true;
            commits.sort(BY_POSITION);
            for (Document commit : commits) {
                try {
                    requireReadable(commit, next);
                } catch (UnreadableEvent e) {
                    if (buffer.isEmpty()) {
                        throw e;
                    }
                    damage = e; // deliver the events before it first
                    return;
                }
                long start = commit.getLong("_id");
                long end = start + commit.getInteger("n");
                if (end <= next) {
                    continue;
                }
                if (start > next) {
                    if (!fenceIfOverdue(next, start - 1)) {
                        exhausted = true; // deliver what came before the gap, then wait for it
                    }
                    return; // read again from the gap: a writer may have filled part of it meanwhile
                }
                if (!commit.getBoolean("gap", false)) {
                    List<Document> stored = commit.getList("events", Document.class);
                    for (int offset = 0; offset < stored.size(); offset++) {
                        long position = start + offset;
                        if (position >= next) {
                            buffer.add(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(position),
                                    entry(commit, stored.get(offset))));
                        }
                    }
                }
                next = end;
            }
            if (!gapsFirstSeen.isEmpty()) {
                gapsFirstSeen.keySet().removeIf(position -> position < next); // filled in time
            }
            if (next - before >= batchSize) {
                readAhead(next); // a full window: more history is likely to follow
            }
            if (!buffer.isEmpty() || next > before) {
                return;
            }
            long head = counter.head();
            if (head < next || !fenceIfOverdue(next, Math.min(head, next + batchSize - 1))) {
                exhausted = true; // at the head, or waiting for a reserved position to be written
            }
        }

        /**
         * Starts reading the window from {@code from} in the background. During a replay the
         * server's and the driver's work on the next window then overlaps the handling of this one.
         */
        private void readAhead(long from) {
            aheadFrom = from;
            ahead = CompletableFuture.supplyAsync(() -> read(from), readAhead);
        }

        /**
         * The commits in the window from {@code from}: the one read ahead when it starts there and
         * has no hole (an earlier read than a fresh one, so it may only lack commits made since,
         * which a hole would show); a fresh read otherwise.
         */
        private List<Document> window(long from) {
            CompletableFuture<List<Document>> early = ahead;
            ahead = null;
            if (early != null && aheadFrom == from) {
                try {
                    List<Document> commits = early.join();
                    if (contiguousFrom(from, commits)) {
                        return commits;
                    }
                } catch (CompletionException e) {
                    // read again below; if the store is down, that read says so in this thread
                }
            }
            return read(from);
        }

        private List<Document> read(long from) {
            try {
                return events.find(in("_id", range(from, from + batchSize - 1))).into(new ArrayList<>());
            } catch (MongoServerException e) {
                return readUpToDamage(from, e);
            }
        }

        /**
         * The server could not answer the window (a damaged page of its file): reads it position by
         * position, returns what comes before the first position that fails, and fails on that
         * position once the reader gets there.
         */
        private List<Document> readUpToDamage(long from, MongoServerException windowFailure) {
            List<Document> readable = new ArrayList<>();
            for (long position = from; position < from + batchSize; position++) {
                try {
                    Document commit = events.find(eq("_id", position)).first();
                    if (commit != null) {
                        readable.add(commit);
                    }
                } catch (MongoServerException e) {
                    if (readable.isEmpty()) {
                        throw new UnreadableEvent(position, "the store answered: " + serverMessage(e));
                    }
                    return readable;
                }
            }
            if (readable.isEmpty()) {
                throw new UnreadableEvent(from, "the store answered: " + serverMessage(windowFailure));
            }
            return readable;
        }
    }

    /** Fails with the position when a stored commit lacks what the engine writes into every commit. */
    private static void requireReadable(Document commit, long reading) {
        if (!(commit.get("_id") instanceof Long start)) {
            throw new UnreadableEvent(reading, "a stored commit near it has no position");
        }
        if (!(commit.get("n") instanceof Integer count) || count < 1) {
            throw new UnreadableEvent(start, "its commit does not say how many events it holds");
        }
        if (commit.getBoolean("gap", false)) {
            return;
        }
        if (!(commit.get("events") instanceof List<?> stored) || stored.size() != count) {
            throw new UnreadableEvent(start, "its commit does not hold the " + count + " events it counts");
        }
        for (int offset = 0; offset < count; offset++) {
            if (!(stored.get(offset) instanceof Document event) || !(event.get("id") instanceof String)
                    || !(event.get("type") instanceof String) || !(event.get("ts") instanceof String)
                    || !(event.get("payload") instanceof String)) {
                throw new UnreadableEvent(start + offset, "its identifier, type, time or payload is missing");
            }
        }
    }

    /** The server's own words, without the driver's wrapping, cut short: H2's page descriptions run long. */
    private static String serverMessage(MongoServerException e) {
        String text = e instanceof com.mongodb.MongoCommandException command ? command.getErrorMessage() : String.valueOf(e.getMessage());
        int end = text.indexOf('\n');
        text = end < 0 ? text : text.substring(0, end);
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    /** Sorts {@code commits} by position (as {@code fill} reads them) and says whether they follow on from {@code from} without a hole. */
    private static boolean contiguousFrom(long from, List<Document> commits) {
        commits.sort(BY_POSITION);
        long expected = from;
        for (Document commit : commits) {
            if (commit.getLong("_id") != expected) {
                return false;
            }
            expected += commit.getInteger("n");
        }
        return !commits.isEmpty();
    }

    /** The commit that holds {@code position} when a token stopped inside it, if any. */
    private Document commitHolding(long position) {
        long from = Math.max(1, position - MAX_COMMIT_SIZE + 1);
        if (from >= position) {
            return null;
        }
        Document holder = null;
        for (Document candidate : events.find(in("_id", range(from, position - 1)))) {
            long start = candidate.getLong("_id");
            if (start + candidate.getInteger("n") > position && (holder == null || start > holder.getLong("_id"))) {
                holder = candidate;
            }
        }
        return holder;
    }

    /**
     * Fences the positions {@code from..to} once the first of them has been missing for longer
     * than the gap timeout. Returns whether it did (so the caller reads again).
     */
    private boolean fenceIfOverdue(long from, long to) {
        long now = clock.millis();
        long firstSeen = gapsFirstSeen.computeIfAbsent(from, position -> now);
        if (now - firstSeen < gapTimeout.toMillis()) {
            return false;
        }
        fence(from, to);
        gapsFirstSeen.remove(from);
        return true;
    }

    /** Inserts a gap document at each position from..to that no commit holds yet. */
    private void fence(long from, long to) {
        Date now = new Date(clock.millis());
        List<Document> fences = new ArrayList<>();
        for (long position = from; position <= to; position++) {
            String key = GAP_STREAM_PREFIX + position;
            fences.add(new Document("_id", position).append("n", 1).append("gap", true).append("stream", key)
                    .append("seq", 0L).append("lastSeq", 0L).append("keys", List.of(key))
                    .append("at", now));
        }
        try {
            events.insertMany(fences, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw e; // a writer that got there first is fine; anything else is not
            }
        }
    }

    /** Axon's persistence exception resolver for this engine: a duplicate key is a conflict. */
    public static PersistenceExceptionResolver duplicateKeyResolver() {
        return exception -> exception instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    public static class Builder extends AbstractEventStorageEngine.Builder {

        private MongoDatabase database;
        private String eventsCollection = "events";
        private String snapshotsCollection = "snapshots";
        private String countersCollection = COUNTERS;
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
            this.eventsCollection = prefix + "events";
            this.snapshotsCollection = prefix + "snapshots";
            this.countersCollection = prefix + COUNTERS;
            return this;
        }

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
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        protected void validate() {
            super.validate();
            if (database == null) {
                throw new org.axonframework.common.AxonConfigurationException("A MongoDatabase is required");
            }
        }

        public PositionedEventStorageEngine build() {
            validate();
            return new PositionedEventStorageEngine(this);
        }
    }
}
