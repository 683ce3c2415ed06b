package org.learninglog.benchmarks;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.learninglog.store.MongoStore;
import org.learninglog.store.StoreMode;
import org.learninglog.store.cache.AggregateCache;
import org.learninglog.store.config.EventJson;
import org.learninglog.store.engine.CommitDocument;
import org.learninglog.store.engine.PositionedEventStorageEngine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Prints throughput figures of the event store under Axon, on the embedded server or on the
 * MongoDB that {@code MONGODB_URI} names. It asserts nothing.
 *
 * <p>For each engine ("after": ours; "before": axon-mongo's) and each history size it prints,
 * from the same run: commands per second through Axon's command bus (aggregate load, decide,
 * append), with the aggregate cache the command side uses and without one (every command loads
 * its aggregate from the store, as after a restart), against raw {@code insertOne} documents per
 * second with the plain driver on the same server (same write concern; on the embedded server
 * every write, ours and the raw ones, is committed to the file before it is answered); and a
 * tracking processor's replay in events per second against a raw sorted scan of the event
 * collection in documents per second. The ratio is cached commands to raw inserts. Commands and
 * raw inserts are measured in alternating rounds, replays and scans likewise, and each figure is
 * the median of its rounds. The last column is the size of the embedded store's file.
 *
 * <p>Arguments: {@code --sizes=10000,100000} (ours), {@code --before-sizes=10000} (axon-mongo,
 * whose appends slow down with the history, so it is kept smaller by default).
 */
public final class StoreBenchmark {

    /** Measured in rounds, ours and the raw baseline taking turns, and the median taken, so that a pause of the machine's lands on one round and not on one side. */
    private static final int ROUNDS = 7;
    private static final int COMMANDS_PER_ROUND = 1_000;
    private static final int UNCACHED_COMMANDS = 2_000;
    private static final int REPLAY_ROUNDS = 5;
    /** The replay path is long (processor, unit of work, handler lookup, Jackson): the JIT needs many more rounds to settle on it than on the append path. */
    private static final int WARMUP_REPLAY_ROUNDS = 20;
    private static final int HOT_AGGREGATES = 200;
    private static final int EVENTS_PER_HISTORY_AGGREGATE = 10;
    private static final String TEXT = "Residents came when the meeting moved to the school gate at three; "
            + "the partnership now meets there monthly and records who came and what they asked for.";

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        List<Integer> sizes = sizes(args, "--sizes=", "10000,100000");
        List<Integer> beforeSizes = sizes(args, "--before-sizes=", "10000");
        String uri = System.getenv("MONGODB_URI");
        Path folder = TemporaryStore.folder("learninglog-benchmark");
        try (MongoStore store = uri == null || uri.isBlank()
                ? MongoStore.open(null, folder, 0, "benchmark")
                : MongoStore.connect(StoreMode.URI, uri, "learninglog_benchmark_" + System.currentTimeMillis())) {
            System.out.printf("Learning Log store benchmark on %s (%s), %d cores%n", store.mode(),
                    store.mode() == StoreMode.EMBEDDED ? "mongo-java-server, H2 file, commit per write" : store.uri(),
                    Runtime.getRuntime().availableProcessors());
            System.out.println("engine  | stored events | commands/s | uncached commands/s | engine appends/s | raw insertOne/s | ratio | replay events/s | raw sorted scan docs/s | ratio | store file MB");
            warmUp(store);
            run("after ", store, sizes, true, REPLAY_ROUNDS);
            // axon-mongo's replay takes tens of seconds a round (it scans the collection per batch): one will do
            run("before", store, beforeSizes, false, 1);
            AppendPathCost.print(store);
            if (store.mode() == StoreMode.URI) {
                store.database().drop();
            }
        }
    }

    /** A short unprinted round first, so that the first printed figures are not the JIT's warm-up. */
    private static void warmUp(MongoStore store) throws Exception {
        java.io.PrintStream out = System.out;
        java.io.PrintStream err = System.err;
        try (java.io.PrintStream nowhere = new java.io.PrintStream(java.io.OutputStream.nullOutputStream())) {
            System.setOut(nowhere);
            System.setErr(nowhere);
            run("warmup", store, List.of(ROUNDS * COMMANDS_PER_ROUND + UNCACHED_COMMANDS + 1_000), true, WARMUP_REPLAY_ROUNDS);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static void run(String label, MongoStore store, List<Integer> sizes, boolean positioned, int replayRounds) throws Exception {
        MongoDatabase database = store.database();
        database.drop();
        Serializer serializer = EventJson.serializer();
        EventStorageEngine engine = positioned ? positionedEngine(store, serializer) : axonMongoEngine(database, serializer);
        String eventsCollection = positioned ? CommitDocument.COLLECTION : "domainevents";
        Counter counter = new Counter();
        Configuration axon = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> engine)
                // Cached as on the command side (AggregateCache): a command on a recently used
                // aggregate does not load it from the store again
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Tally.class)
                        .configureCache(c -> new AggregateCache()))
                .buildConfiguration();
        // And without a cache: every command loads its aggregate from the store, as after a restart
        Configuration uncached = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> engine)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Tally.class))
                .buildConfiguration();
        axon.start();
        uncached.start();
        long stored = 0;
        try {
            for (int size : sizes) {
                long fillStart = System.nanoTime();
                long before = stored;
                stored = fillHistory(engine, stored, size - (long) ROUNDS * COMMANDS_PER_ROUND - UNCACHED_COMMANDS);
                double directPerSecond = perSecond(stored - before, fillStart);
                double[] commands = new double[ROUNDS];
                double[] inserts = new double[ROUNDS];
                for (int round = 0; round < ROUNDS; round++) {
                    commands[round] = commands(axon, COMMANDS_PER_ROUND);
                    stored += COMMANDS_PER_ROUND;
                    inserts[round] = rawInserts(database, COMMANDS_PER_ROUND);
                }
                double commandsPerSecond = median(commands);
                double insertsPerSecond = median(inserts);
                double uncachedPerSecond = commands(uncached, UNCACHED_COMMANDS);
                stored += UNCACHED_COMMANDS;
                double[] replays = new double[replayRounds];
                double[] scans = new double[replayRounds];
                for (int round = 0; round < replayRounds; round++) {
                    replays[round] = replay(axon, counter, stored);
                    scans[round] = rawScan(database.getCollection(eventsCollection));
                }
                double replayPerSecond = median(replays);
                double scanPerSecond = median(scans);
                double readPerSecond = engineRead(engine);
                System.err.printf(Locale.ROOT, "  (%s at %d: the engine alone streams and deserializes %.0f events/s)%n",
                        label.trim(), stored, readPerSecond);
                System.out.printf(Locale.ROOT, "%s  | %13d | %10.0f | %19.0f | %16.0f | %15.0f | %5.2f | %15.0f | %22.0f | %5.2f | %13s%n", label, stored,
                        commandsPerSecond, uncachedPerSecond, directPerSecond, insertsPerSecond, commandsPerSecond / insertsPerSecond,
                        replayPerSecond, scanPerSecond, replayPerSecond / scanPerSecond, fileMegabytes(store));
            }
        } finally {
            uncached.shutdown();
            axon.shutdown();
        }
    }

    private static PositionedEventStorageEngine positionedEngine(MongoStore store, Serializer serializer) {
        PositionedEventStorageEngine engine = PositionedEventStorageEngine.builder()
                .store(store).eventSerializer(serializer).snapshotSerializer(serializer).build();
        engine.ensureIndexes();
        return engine;
    }

    private static MongoEventStorageEngine axonMongoEngine(MongoDatabase database, Serializer serializer) {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
        engine.ensureIndexes();
        return engine;
    }

    /** Appends history straight to the engine (not measured): short aggregates, one event per commit. */
    private static long fillHistory(EventStorageEngine engine, long stored, long target) {
        while (stored < target) {
            String id = IdentifierFactory.getInstance().generateIdentifier();
            for (int seq = 0; seq < EVENTS_PER_HISTORY_AGGREGATE && stored < target; seq++, stored++) {
                Object payload = seq == 0 ? new Tally.TallyOpened(id, TEXT) : new Tally.TallyNoted(id, TEXT, seq);
                engine.appendEvents(new GenericDomainEventMessage<>("Tally", id, seq, payload));
            }
        }
        return stored;
    }

    /** Commands through the command bus, spread over a few hundred aggregates as a busy programme would. */
    private static double commands(Configuration axon, int count) {
        List<String> ids = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (i < HOT_AGGREGATES) {
                String id = IdentifierFactory.getInstance().generateIdentifier();
                ids.add(id);
                axon.commandGateway().sendAndWait(new Tally.OpenTally(id, TEXT));
            } else {
                axon.commandGateway().sendAndWait(new Tally.NoteTally(ids.get(i % HOT_AGGREGATES), TEXT));
            }
        }
        return perSecond(count, start);
    }

    private static double rawInserts(MongoDatabase database, int count) {
        MongoCollection<Document> raw = database.getCollection("raw_inserts"); // dropped after each round: every round starts empty
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            raw.insertOne(new Document("_id", i).append("stream", UUID.randomUUID().toString()).append("seq", 0L)
                    .append("payload", "{\"text\":\"" + TEXT + "\"}").append("ts", System.currentTimeMillis()));
        }
        double rate = perSecond(count, start);
        raw.drop();
        return rate;
    }

    /** A fresh tracking processor from the tail each time: the replay of the whole history. */
    private static double replay(Configuration axon, Counter counter, long events) throws InterruptedException {
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name("replay-" + events)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(counter).build())
                .messageSource(axon.eventStore())
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(256).andInitialTrackingToken(source -> source.createTailToken()))
                .build();
        CountDownLatch done = counter.expect(events);
        long start = System.nanoTime();
        processor.start();
        long lastSeen = -1;
        // Woken by the last event (a poll would add up to its interval to a replay of 0.1 s);
        // every 30 s without progress means the replay stopped.
        while (!done.await(30, TimeUnit.SECONDS)) {
            long seen = counter.handled.get();
            if (seen == lastSeen) {
                throw new IllegalStateException("The replay stopped at " + seen + " of " + events + " events; tokens "
                        + processor.processingStatus());
            }
            lastSeen = seen;
        }
        double rate = perSecond(events, start);
        processor.shutDown();
        return rate;
    }

    /** The storage engine's own stream from the tail, payloads deserialized: the replay without a processor. */
    private static double engineRead(EventStorageEngine engine) {
        long start = System.nanoTime();
        long count;
        try (var events = engine.readEvents(null, false)) {
            count = events.peek(EventMessage::getPayload).count();
        }
        return perSecond(count, start);
    }

    private static double rawScan(MongoCollection<Document> events) {
        long start = System.nanoTime();
        long count = 0;
        try (MongoCursor<Document> cursor = events.find().sort(Sorts.ascending("_id")).batchSize(1_000).iterator()) {
            while (cursor.hasNext()) {
                cursor.next();
                count++;
            }
        }
        return perSecond(count, start);
    }

    /** The embedded store's file (all it holds, this run's other tables and dropped ones included); "-" on a MongoDB. */
    private static String fileMegabytes(MongoStore store) {
        if (store.embeddedFile() == null) {
            return "-";
        }
        try {
            return String.format(Locale.ROOT, "%.1f", Files.size(store.embeddedFile()) / 1e6);
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double perSecond(long count, long startNanos) {
        return count / ((System.nanoTime() - startNanos) / 1e9);
    }

    private static List<Integer> sizes(String[] args, String flag, String fallback) {
        String value = Stream.of(args).filter(a -> a.startsWith(flag)).map(a -> a.substring(flag.length()))
                .findFirst().orElse(fallback);
        return value.isBlank() ? List.of() : Arrays.stream(value.split(",")).map(Integer::parseInt).toList();
    }

    /** A projection that only counts, so the replay figure is the store's and Axon's cost. */
    @ProcessingGroup("replay")
    static final class Counter {
        final AtomicLong handled = new AtomicLong();
        private volatile long expected;
        private volatile CountDownLatch done = new CountDownLatch(0);

        CountDownLatch expect(long events) {
            handled.set(0);
            expected = events;
            done = new CountDownLatch(1);
            return done;
        }

        @EventHandler
        void on(Object event) {
            if (handled.incrementAndGet() == expected) {
                done.countDown();
            }
        }
    }
}
