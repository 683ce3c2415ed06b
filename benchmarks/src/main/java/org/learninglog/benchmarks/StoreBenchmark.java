package org.learninglog.benchmarks;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.learninglog.store.MongoStore;
import org.learninglog.store.StoreMode;
import org.learninglog.store.cache.AggregateCache;
import org.learninglog.store.config.EventJson;
import org.learninglog.store.engine.CommitDocument;
import org.learninglog.store.engine.PositionedEventStorageEngine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
            System.out.printf("Learning Log store benchmark on %s (%s), %d cores, collector %s%n", store.mode(),
                    store.mode() == StoreMode.EMBEDDED ? "mongo-java-server, H2 file, commit per write" : store.uri(),
                    Runtime.getRuntime().availableProcessors(), Collector.described());
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
        ReadRates.Counter counter = new ReadRates.Counter();
        // Cached as on the command side (AggregateCache): a command on a recently used aggregate
        // does not load it from the store again
        Configuration axon = axon(engine, serializer, AggregateConfigurer.defaultConfiguration(Tally.class)
                .configureCache(c -> new AggregateCache()));
        // And without a cache: every command loads its aggregate from the store, as after a restart
        Configuration uncached = axon(engine, serializer, AggregateConfigurer.defaultConfiguration(Tally.class));
        axon.start();
        uncached.start();
        long stored = 0;
        try {
            for (int size : sizes) {
                long fillStart = System.nanoTime();
                long before = stored;
                stored = WriteRates.fillHistory(engine, stored, size - (long) ROUNDS * COMMANDS_PER_ROUND - UNCACHED_COMMANDS);
                double directPerSecond = Rates.perSecond(stored - before, fillStart);
                double[] commands = new double[ROUNDS];
                double[] inserts = new double[ROUNDS];
                for (int round = 0; round < ROUNDS; round++) {
                    commands[round] = WriteRates.commands(axon, COMMANDS_PER_ROUND);
                    stored += COMMANDS_PER_ROUND;
                    inserts[round] = WriteRates.rawInserts(database, COMMANDS_PER_ROUND);
                }
                double commandsPerSecond = Rates.median(commands);
                double insertsPerSecond = Rates.median(inserts);
                double uncachedPerSecond = WriteRates.commands(uncached, UNCACHED_COMMANDS);
                stored += UNCACHED_COMMANDS;
                double[] replays = new double[replayRounds];
                double[] scans = new double[replayRounds];
                for (int round = 0; round < replayRounds; round++) {
                    replays[round] = ReadRates.replay(axon, counter, stored);
                    scans[round] = ReadRates.rawScan(database.getCollection(eventsCollection));
                }
                double replayPerSecond = Rates.median(replays);
                double scanPerSecond = Rates.median(scans);
                double readPerSecond = ReadRates.engineRead(engine);
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

    private static Configuration axon(EventStorageEngine engine, Serializer serializer, AggregateConfigurer<Tally> tally) {
        return DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> engine)
                .configureAggregate(tally)
                .buildConfiguration();
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

    private static List<Integer> sizes(String[] args, String flag, String fallback) {
        String value = Stream.of(args).filter(a -> a.startsWith(flag)).map(a -> a.substring(flag.length()))
                .findFirst().orElse(fallback);
        return value.isBlank() ? List.of() : Arrays.stream(value.split(",")).map(Integer::parseInt).toList();
    }
}
