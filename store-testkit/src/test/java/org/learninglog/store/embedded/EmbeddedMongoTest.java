package org.learninglog.store.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedMongoTest {

    @Test
    void concurrentIncrementsOfOneCounterNeverReturnTheSameValue(@TempDir Path folder) throws Exception {
        try (EmbeddedMongo server = EmbeddedMongo.start(folder, 0); MongoClient client = MongoClients.create(server.uri())) {
            MongoCollection<Document> counters = client.getDatabase("t").getCollection("counters");
            Set<Long> seen = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        Document after = counters.findOneAndUpdate(eq("_id", "c"), Updates.inc("value", 1L),
                                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
                        assertThat(seen.add(after.getLong("value"))).as("value %s handed out twice", after).isTrue();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();
            assertThat(seen).hasSize(1600);
        }
    }

    /**
     * A separate JVM writes to the embedded store and is killed with SIGKILL right after the
     * driver acknowledged its last write; every acknowledged document must be in the file.
     */
    @Test
    void everyAcknowledgedWriteSurvivesKillMinusNine(@TempDir Path folder) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AcknowledgedWriter.class.getName(), folder.toString(), "500")
                .redirectErrorStream(true).start();
        long acknowledged = 0;
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(writer.getInputStream()))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged = Long.parseLong(line.substring(4));
                    if (acknowledged == 500) {
                        break;
                    }
                }
            }
            writer.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of the store
            writer.waitFor();
        }
        assertThat(acknowledged).isEqualTo(500);
        try (EmbeddedMongo reopened = EmbeddedMongo.start(folder, 0); MongoClient client = MongoClients.create(reopened.uri())) {
            assertThat(client.getDatabase("t").getCollection("c").countDocuments()).isEqualTo(500);
        }
    }

    /** The writer process of {@link #everyAcknowledgedWriteSurvivesKillMinusNine}. */
    public static final class AcknowledgedWriter {
        public static void main(String[] args) throws Exception {
            EmbeddedMongo server = EmbeddedMongo.start(Path.of(args[0]), 0);
            MongoClient client = MongoClients.create(server.uri());
            int count = Integer.parseInt(args[1]);
            for (int i = 1; i <= count; i++) {
                client.getDatabase("t").getCollection("c").insertOne(new Document("_id", i));
                System.out.println("ACK " + i);
                System.out.flush();
            }
            Thread.sleep(60_000); // wait to be killed
        }
    }
}
