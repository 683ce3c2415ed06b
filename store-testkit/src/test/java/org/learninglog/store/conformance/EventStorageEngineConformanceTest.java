package org.learninglog.store.conformance;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.store.MongoStore;
import org.learninglog.store.config.EventJson;
import org.learninglog.store.engine.CommandAlreadyStored;
import org.learninglog.store.engine.CommandReceipt;
import org.learninglog.store.engine.CommitHook;
import org.learninglog.store.engine.PositionedEventStorageEngine;
import org.learninglog.store.testkit.MongoStoreExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The conformance kit of our event storage engine. It runs in whatever store mode
 * {@link MongoStoreExtension} chose (URI, Testcontainers MongoDB or the embedded server), each
 * test on a fresh database.
 */
@ExtendWith(MongoStoreExtension.class)
class EventStorageEngineConformanceTest {

    private static final Duration GAP_TIMEOUT = Duration.ofMillis(400);

    record Noted(String text) {
    }

    private MongoStore store;
    private PositionedEventStorageEngine engine;

    @BeforeEach
    void openEngine(MongoStore store) {
        this.store = store;
        this.engine = engine(CommitHook.NONE);
    }

    private PositionedEventStorageEngine engine(CommitHook hook) {
        PositionedEventStorageEngine built = PositionedEventStorageEngine.builder()
                .store(store)
                .eventSerializer(EventJson.serializer())
                .snapshotSerializer(EventJson.serializer())
                .gapTimeout(GAP_TIMEOUT)
                .batchSize(64)
                .commitHook(hook)
                .build();
        built.ensureIndexes();
        return built;
    }

    private static DomainEventMessage<Noted> event(String aggregate, long sequence, String text) {
        return new GenericDomainEventMessage<>("Note", aggregate, sequence, new Noted(text));
    }

    private List<String> textsFrom(long position) {
        try (var stream = engine.readEvents(new GlobalSequenceTrackingToken(position), false)) {
            return stream.map(e -> ((Noted) e.getPayload()).text()).toList();
        }
    }

    private List<TrackedEventMessage<?>> trackedFrom(long position) {
        try (var stream = engine.readEvents(new GlobalSequenceTrackingToken(position), false)) {
            return new ArrayList<>(stream.toList());
        }
    }

    /** Commits that hold events; gap fences are bookkeeping, not events. */
    private long storedCommits() {
        return store.database().getCollection("events").countDocuments(new Document("gap", new Document("$ne", true)));
    }

    @Test
    void appendedEventsReadBackAsTheAggregateStreamInOrder() {
        String aggregate = UUID.randomUUID().toString();
        engine.appendEvents(event(aggregate, 0, "a"), event(aggregate, 1, "b"));
        engine.appendEvents(event(aggregate, 2, "c"));

        List<String> texts = engine.readEvents(aggregate).asStream().map(e -> ((Noted) e.getPayload()).text()).toList();
        assertThat(texts).containsExactly("a", "b", "c");
        assertThat(engine.readEvents(aggregate, 1).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactly(1L, 2L);
        assertThat(engine.lastSequenceNumberFor(aggregate)).contains(2L);
        assertThat(engine.lastSequenceNumberFor("no-such-aggregate")).isEmpty();
    }

    @Test
    void aLongAggregateOfCommitsOfManySizesReadsBackWholeFromAnySequenceNumber() {
        String aggregate = UUID.randomUUID().toString();
        String neighbour = UUID.randomUUID().toString();
        int[] commitSizes = {1, 3, 1, 7, 2, 9, 1, 16, 4, 1, 30, 2, 5, 18}; // 100 events, commits across every look-ahead run
        long sequence = 0;
        long neighbours = 0;
        for (int size : commitSizes) {
            List<DomainEventMessage<?>> commit = new ArrayList<>();
            for (int i = 0; i < size; i++, sequence++) {
                commit.add(event(aggregate, sequence, "e" + sequence));
            }
            engine.appendEvents(commit);
            engine.appendEvents(event(neighbour, neighbours++, "other")); // interleaved: not one of ours
        }

        for (long from : new long[] {0, 1, 2, 4, 7, 8, 9, 15, 16, 17, 33, 62, 99}) {
            assertThat(engine.readEvents(aggregate, from).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                    .as("from %d", from)
                    .containsExactlyElementsOf(LongStream.range(from, 100).boxed().toList());
        }
        assertThat(engine.readEvents(aggregate, 100).asStream().toList()).isEmpty();
        assertThat(engine.lastSequenceNumberFor(aggregate)).contains(99L);
        assertThat(engine.readEvents(neighbour).asStream().map(DomainEventMessage::getSequenceNumber).toList()).hasSize(14);
    }

    private static DomainEventMessage<Noted> eventOfCommand(String aggregate, long sequence, String text, String commandId) {
        return event(aggregate, sequence, text).andMetaData(Map.of(CommandReceipt.COMMAND_ID, commandId,
                CommandReceipt.SENT_BY, "riverside"));
    }

    @Test
    void aCommandIsStoredAtMostOnceAndIsFoundByItsId() {
        String commandId = UUID.randomUUID().toString();
        String created = UUID.randomUUID().toString();
        String createdAgain = UUID.randomUUID().toString();
        engine.appendEvents(eventOfCommand(created, 0, "a", commandId), eventOfCommand(created, 1, "b", commandId));
        long before = storedCommits();

        // A second attempt of the same command (a create under a new id, or the same update again).
        assertThatThrownBy(() -> engine.appendEvents(eventOfCommand(createdAgain, 0, "a", commandId)))
                .isInstanceOfSatisfying(CommandAlreadyStored.class, refused -> {
                    assertThat(refused.stored().subject()).isEqualTo(created);
                    assertThat(refused.stored().version()).isEqualTo(1);
                });
        assertThatThrownBy(() -> engine.appendEvents(eventOfCommand(created, 2, "c", commandId)))
                .isInstanceOf(CommandAlreadyStored.class);

        assertThat(storedCommits()).isEqualTo(before);
        assertThat(engine.lastSequenceNumberFor(createdAgain)).isEmpty();
        CommandReceipt.Stored stored = engine.storedCommand(commandId).orElseThrow();
        assertThat(stored.subject()).isEqualTo(created);
        assertThat(stored.sentBy()).isEqualTo("riverside");
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.events()).isEqualTo(2);
        assertThat(engine.storedCommand(UUID.randomUUID().toString())).isEmpty();
        assertThat(textsFrom(0)).containsExactly("a", "b");
    }

    @Test
    void everyEventGetsTheNextGlobalPositionAndTheHeadTokenIsTheLast() {
        String aggregate = UUID.randomUUID().toString();
        engine.appendEvents(event(aggregate, 0, "a"), event(aggregate, 1, "b"));
        engine.appendEvents(GenericEventMessage.asEventMessage(new Noted("loose")));

        List<TrackedEventMessage<?>> tracked = trackedFrom(0);
        assertThat(tracked).extracting(e -> e.trackingToken().position().orElseThrow()).containsExactly(1L, 2L, 3L);
        assertThat(engine.createHeadToken()).isEqualTo(new GlobalSequenceTrackingToken(3));
        assertThat(tracked.get(2)).isNotInstanceOf(DomainEventMessage.class);
    }

    @Test
    void ofConcurrentConflictingAppendsExactlyOneWinsPerSequenceNumber() throws Exception {
        String aggregate = UUID.randomUUID().toString();
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger conflicts = new AtomicInteger();
        List<Future<?>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String text = "writer " + w;
            results.add(pool.submit(() -> {
                start.await();
                try {
                    engine.appendEvents(event(aggregate, 0, text));
                } catch (ConcurrencyException | AggregateStreamCreationException conflict) {
                    conflicts.incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> result : results) {
            result.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(conflicts.get()).isEqualTo(writers - 1);
        assertThat(engine.readEvents(aggregate).asStream().toList())
                .as("stored: %s", store.database().getCollection("events").find().into(new ArrayList<>())).hasSize(1);
        assertThat(textsFrom(0)).as("the losers fence their own positions: no reader waits for them").hasSize(1);
    }

    @Test
    void aConflictingAppendStoresNothing() {
        String aggregate = UUID.randomUUID().toString();
        engine.appendEvents(event(aggregate, 0, "a"), event(aggregate, 1, "b"));
        long before = storedCommits();

        assertThatThrownBy(() -> engine.appendEvents(event(aggregate, 1, "late"), event(aggregate, 2, "later")))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(engine.readEvents(aggregate).asStream().map(e -> ((Noted) e.getPayload()).text()).toList())
                .containsExactly("a", "b");
        assertThat(storedCommits()).isEqualTo(before);
    }

    @Test
    void eventsOfSeveralAggregatesAreStoredAsOneCommitEachAndReadBackInOrder() {
        String one = UUID.randomUUID().toString();
        String two = UUID.randomUUID().toString();
        engine.appendEvents(event(one, 0, "a"), event(one, 1, "b"), event(two, 0, "c"));

        assertThat(textsFrom(0)).containsExactly("a", "b", "c");
        assertThat(storedCommits()).isEqualTo(2);
        assertThat(engine.readEvents(two).asStream().map(e -> ((Noted) e.getPayload()).text()).toList())
                .containsExactly("c");
    }

    @Test
    void aBatchOfAggregatesRefusedOnOneKeepsTheCommitsBeforeItAndReportsTheConflict() {
        String stored = UUID.randomUUID().toString();
        engine.appendEvents(event(stored, 0, "first"));
        String before = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();

        assertThatThrownBy(() -> engine.appendEvents(event(before, 0, "before"), event(stored, 0, "again"),
                event(after, 0, "after"))).isInstanceOf(EventStoreException.class)
                .hasMessageContaining(stored);
        assertThat(textsFrom(0)).as("the refused commit and those after it are fenced: no reader waits")
                .containsExactly("first", "before");
        assertThat(engine.lastSequenceNumberFor(after)).isEmpty();
    }

    @Test
    void aDuplicateEventIdentifierIsRefused() {
        String aggregate = UUID.randomUUID().toString();
        DomainEventMessage<Noted> first = event(aggregate, 0, "a");
        engine.appendEvents(first);
        EventMessage<Noted> sameIdentifier = new GenericDomainEventMessage<>("Note", UUID.randomUUID().toString(), 0,
                new Noted("copy"), first.getMetaData(), first.getIdentifier(), Instant.now());

        assertThatThrownBy(() -> engine.appendEvents(sameIdentifier)).isInstanceOf(EventStoreException.class);
        assertThat(textsFrom(0)).containsExactly("a");
    }

    @Test
    void aPositionReservedButNeverWrittenIsPassedOverOnlyAfterTheWait() {
        AtomicBoolean dieOnce = new AtomicBoolean(true);
        PositionedEventStorageEngine dying = engine((position, count) -> {
            if (dieOnce.getAndSet(false)) {
                throw new IllegalStateException("writer died after reserving " + position);
            }
        });
        String aggregate = UUID.randomUUID().toString();
        engine.appendEvents(event(aggregate, 0, "before"));
        assertThatThrownBy(() -> dying.appendEvents(event(UUID.randomUUID().toString(), 0, "never written")))
                .isInstanceOf(IllegalStateException.class);
        engine.appendEvents(event(aggregate, 1, "after"));

        Instant firstLook = Instant.now();
        assertThat(textsFrom(0)).containsExactly("before"); // position 2 is reserved: wait for it
        await().atMost(Duration.ofSeconds(10)).until(() -> textsFrom(0).size() == 2);
        assertThat(Duration.between(firstLook, Instant.now())).isGreaterThanOrEqualTo(GAP_TIMEOUT);
        assertThat(trackedFrom(0)).extracting(e -> e.trackingToken().position().orElseThrow()).containsExactly(1L, 3L);
    }

    @Test
    void aMultiEventCommitInterruptedBeforeItIsWrittenIsNeverHalfVisible() {
        String aggregate = UUID.randomUUID().toString();
        PositionedEventStorageEngine dying = engine((position, count) -> {
            throw new IllegalStateException("writer died between reserving and writing");
        });
        assertThatThrownBy(() -> dying.appendEvents(event(aggregate, 0, "one"), event(aggregate, 1, "two"),
                event(aggregate, 2, "three"))).isInstanceOf(IllegalStateException.class);
        String other = UUID.randomUUID().toString();
        engine.appendEvents(event(other, 0, "x"), event(other, 1, "y"), event(other, 2, "z"));

        assertThat(engine.readEvents(aggregate).asStream().toList()).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> textsFrom(0).size() == 3);
        assertThat(textsFrom(0)).containsExactly("x", "y", "z");
        // A tracker that stopped inside the commit resumes with the rest of it, once.
        assertThat(textsFrom(4)).containsExactly("y", "z");
        assertThat(textsFrom(5)).containsExactly("z");
    }

    @Test
    void aCommitWrittenLaterThanAnyWindowIsStillDelivered() throws Exception {
        CountDownLatch fenced = new CountDownLatch(1);
        AtomicBoolean stallOnce = new AtomicBoolean(true);
        PositionedEventStorageEngine slow = engine((position, count) -> {
            if (stallOnce.getAndSet(false)) {
                try {
                    fenced.await(10, TimeUnit.SECONDS); // stalls past the gap timeout, as a long GC pause would
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        String aggregate = UUID.randomUUID().toString();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> late = writer.submit(() -> slow.appendEvents(event(aggregate, 0, "late")));
        await().until(() -> engine.headPosition() >= 1);
        engine.appendEvents(event(UUID.randomUUID().toString(), 0, "on time"));

        await().atMost(Duration.ofSeconds(10)).until(() -> textsFrom(0).contains("on time"));
        fenced.countDown();
        late.get(10, TimeUnit.SECONDS);
        writer.shutdown();

        await().atMost(Duration.ofSeconds(10)).until(() -> textsFrom(0).equals(List.of("on time", "late")));
        assertThat(store.database().getCollection("events").countDocuments(new Document("gap", true))).isEqualTo(1);
    }

    @Test
    void streamingFromAnyPositionReturnsEveryLaterEventOnceInOrder() {
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String aggregate = "stream-" + (i % 7);
            engine.appendEvents(event(aggregate + "-" + i / 7, 0, "e" + i));
            written.add("e" + i);
        }
        for (long from : new long[]{0, 1, 63, 64, 65, 100, 149, 150}) {
            assertThat(textsFrom(from)).as("from position %d", from).isEqualTo(written.subList((int) from, written.size()));
        }
    }

    /** After a full window the engine reads the next one ahead; what is written after that read is still delivered, in order. */
    @Test
    void commitsWrittenAfterTheNextWindowWasReadAheadAreStillDelivered() {
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            engine.appendEvents(event("ahead-" + i, 0, "a" + i));
            written.add("a" + i);
        }
        List<String> seen = new ArrayList<>();
        try (var stream = engine.readEvents(new GlobalSequenceTrackingToken(0), false)) {
            var events = stream.iterator();
            for (int i = 0; i < 64; i++) {
                seen.add(((Noted) events.next().getPayload()).text()); // the first window: the next is read ahead now
            }
            for (int i = 70; i < 90; i++) {
                engine.appendEvents(event("ahead-" + i, 0, "a" + i));
                written.add("a" + i);
            }
            events.forEachRemaining(e -> seen.add(((Noted) e.getPayload()).text()));
        }
        assertThat(seen).isEqualTo(written);
    }

    @Test
    void replayFromZeroYieldsTheSameSequenceAsLiveTracking() throws Exception {
        ConcurrentLinkedQueue<String> live = new ConcurrentLinkedQueue<>();
        AtomicBoolean done = new AtomicBoolean();
        Thread tracker = new Thread(() -> {
            long position = 0;
            while (!done.get() || position < engine.headPosition()) {
                for (TrackedEventMessage<?> e : trackedFrom(position)) {
                    live.add(((Noted) e.getPayload()).text());
                    position = e.trackingToken().position().orElseThrow();
                }
            }
        });
        tracker.start();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> appends = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String aggregate = "live-" + UUID.randomUUID();
            String text = "t" + i;
            appends.add(writers.submit(() -> engine.appendEvents(event(aggregate, 0, text))));
        }
        for (Future<?> append : appends) {
            append.get(30, TimeUnit.SECONDS);
        }
        writers.shutdown();
        done.set(true);
        tracker.join(30_000);

        assertThat(new ArrayList<>(live)).hasSize(200).doesNotHaveDuplicates().isEqualTo(textsFrom(0));
    }

    @Test
    void theLatestSnapshotIsFoundByItsAggregateAndAnOlderOneNeverReplacesIt() {
        String aggregate = UUID.randomUUID().toString();
        engine.storeSnapshot(event(aggregate, 10, "at ten"));
        engine.storeSnapshot(event(aggregate, 4, "at four"));
        DomainEventMessage<?> snapshot = engine.readSnapshot(aggregate).orElseThrow();
        assertThat(snapshot.getSequenceNumber()).isEqualTo(10);
        assertThat(((Noted) snapshot.getPayload()).text()).isEqualTo("at ten");
        assertThat(engine.readSnapshot("none")).isEmpty();
    }

    @Test
    void aTokenAtAnInstantStartsAfterTheEventsStoredBeforeIt() throws Exception {
        engine.appendEvents(event(UUID.randomUUID().toString(), 0, "old"));
        await().pollDelay(Duration.ofMillis(20)).until(() -> true);
        Instant cut = Instant.now();
        await().pollDelay(Duration.ofMillis(20)).until(() -> true);
        engine.appendEvents(event(UUID.randomUUID().toString(), 0, "new"));

        assertThat(engine.createTokenAt(cut)).isEqualTo(new GlobalSequenceTrackingToken(1));
        assertThat(engine.createTokenAt(Instant.EPOCH)).isEqualTo(new GlobalSequenceTrackingToken(0));
    }
}
