package org.learninglog.launcher.faults;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo programme's load killed half-way ({@code kill -9} of the application), then the
 * application started again: it completes the demo, with every event once.
 */
@Tag("faults")
class DemoResumeTest {

    /** The demo programme's events (see the README). */
    private static final int DEMO_EVENTS = 339;

    @TempDir
    Path dir;

    @Test
    void a_demo_load_killed_half_way_is_completed_on_the_next_start_with_each_event_once() {
        int storePort = ChildJvm.freePort();
        String storeUri = "mongodb://127.0.0.1:" + storePort;
        try (ChildJvm store = ChildJvm.start("store", dir, Map.of(), List.of(), "serve-store", "--port",
                String.valueOf(storePort), "--data", dir.resolve("data").toString());
             MongoClient mongo = MongoClients.create(storeUri)) {
            store.awaitOutput("Serving the store at", Duration.ofSeconds(60));
            MongoCollection<Document> events = mongo.getDatabase("learninglog").getCollection("events");

            int atKill;
            try (ChildJvm first = startApp(storeUri)) {
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (count(events) < 100) {
                    assertThat(System.nanoTime()).as("the demo began loading:\n" + first.tail()).isLessThan(deadline);
                    ChildJvm.sleep(20);
                }
                first.kill();
                atKill = count(events);
            }
            assertThat(atKill).as("killed before the demo was complete").isBetween(100, DEMO_EVENTS - 1);

            try (ChildJvm second = startApp(storeUri)) {
                second.awaitOutput("Completed the demo programme", Duration.ofSeconds(120));
                Map<String, Integer> byType = byType(events);
                System.out.printf("Demo resume: killed at %d events, %d after the restart: %s%n", atKill, count(events), byType);
                assertThat(count(events)).isEqualTo(DEMO_EVENTS);
                assertThat(second.output()).contains(DEMO_EVENTS + " events " + byType);
                second.stop();
            }
            // A third start finds it complete and loads nothing.
            try (ChildJvm third = startApp(storeUri)) {
                third.awaitOutput("Demo programme not loaded: it is there already", Duration.ofSeconds(120));
                assertThat(count(events)).isEqualTo(DEMO_EVENTS);
            }
        }
    }

    private ChildJvm startApp(String storeUri) {
        return ChildJvm.start("app", dir, Map.of("MONGODB_URI", storeUri + "/learninglog"), List.of(),
                "--server.port=" + ChildJvm.freePort(), "--learninglog.demo=auto",
                // the store is given by URI, which turns the demo's accounts off unless forced; without them
                // the first start records the operator's set-up invitation beside the demo's events
                "--learninglog.security.demo-accounts-forced=true");
    }

    /** The events stored (a commit holds one or more). */
    private static int count(MongoCollection<Document> events) {
        int total = 0;
        for (Document commit : events.find()) {
            total += commit.getList("events", Document.class, List.of()).size();
        }
        return total;
    }

    private static Map<String, Integer> byType(MongoCollection<Document> events) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Document commit : events.find()) {
            for (Document event : commit.getList("events", Document.class, List.of())) {
                String type = event.getString("type");
                counts.merge(type.substring(type.lastIndexOf('.') + 1), 1, Integer::sum);
            }
        }
        return counts;
    }
}
