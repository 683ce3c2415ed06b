package org.learninglog.benchmarks;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.learninglog.store.MongoStore;
import org.learninglog.store.StoreMode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.mongodb.client.model.Filters.eq;

/**
 * The ceiling of one global position counter: how many {@code $inc}s a second one counter document
 * takes through the driver, from 1 and from 8 threads, as several command-side processes would send
 * them (each append reserves its commit's positions with one). docs/scaling.md reads these figures.
 *
 * <pre>java -Dloader.main=org.learninglog.benchmarks.CounterBenchmark -cp benchmarks.jar \
 *      org.springframework.boot.loader.launch.PropertiesLauncher --seconds=5</pre>
 * On the embedded store unless {@code MONGODB_URI} names a MongoDB.
 */
public final class CounterBenchmark {

    private static final FindOneAndUpdateOptions RESERVE =
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);

    private CounterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = 5;
        for (String arg : args) {
            if (arg.startsWith("--seconds=")) {
                seconds = Integer.parseInt(arg.substring("--seconds=".length()));
            }
        }
        String uri = System.getenv("MONGODB_URI");
        Path folder = TemporaryStore.folder("learninglog-counter-benchmark");
        try (MongoStore store = uri == null || uri.isBlank()
                ? MongoStore.open(null, folder, 0, "benchmark")
                : MongoStore.connect(StoreMode.URI, uri, "learninglog_counter_benchmark_" + System.currentTimeMillis())) {
            MongoCollection<Document> counters = store.database().getCollection("counter_benchmark");
            System.out.printf("One position counter on %s, %d cores; %d s per figure after a warm-up%n",
                    store.mode(), Runtime.getRuntime().availableProcessors(), seconds);
            incs(counters, 1, 2);
            for (int threads : new int[] {1, 8}) {
                System.out.printf(Locale.ROOT, "$inc through the driver, %d thread%s: %,.0f a second%n",
                        threads, threads == 1 ? "" : "s", incs(counters, threads, seconds));
            }
            store.database().drop();
        }
    }

    /** $incs a second on one document from {@code threads} threads for {@code seconds}. */
    private static double incs(MongoCollection<Document> counters, int threads, int seconds) throws Exception {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> counts = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                counts.add(pool.submit(() -> {
                    long done = 0;
                    while (System.nanoTime() < until) {
                        counters.findOneAndUpdate(eq("_id", "events"), Updates.inc("value", 1L), RESERVE);
                        done++;
                    }
                    return done;
                }));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }
}
