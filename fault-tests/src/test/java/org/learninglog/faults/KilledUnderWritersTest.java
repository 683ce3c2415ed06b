package org.learninglog.faults;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight clients write insights, each under its own {@code Idempotency-Key}, while the process is
 * killed with SIGKILL, three times. After each restart every request that got no answer is sent
 * again with its key until it is answered; then the store must hold every acknowledged and every
 * resolved write exactly once, and no key may answer "in progress" for longer than the lease.
 */
class KilledUnderWritersTest {

    private static final String PROGRAMME = "demo-programme";
    private static final String PLACE = "place-60f4ecc4-0cc1-3e8f-aa9c-4b7774a664d4";
    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final int WRITERS = 8;
    private static final int ROUNDS = 3;
    private static final Pattern TOKEN = Pattern.compile("fault-write ([a-z0-9-]+)");

    @TempDir
    Path data;

    @Test
    void everyWriteIsStoredOnceAndEveryUnansweredOneResolvesByItsKey() throws Exception {
        int storePort = freePort();
        String[] arguments = {"--learninglog.store.embedded-port=" + storePort,
                "--learninglog.idempotency.lease=" + LEASE.toSeconds() + "s"};
        List<String> report = new ArrayList<>();
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        for (int round = 1; round <= ROUNDS; round++) {
            Queue unanswered = new Queue();
            try (LearningLogProcess system = LearningLogProcess.start(data, Map.of(), arguments)) {
                if (round == 1) {
                    setUp(system);
                }
                int[] statuses = writeUntilKilled(system, round, acknowledged, unanswered);
                int before = acknowledged.size();
                try (LearningLogProcess restarted = LearningLogProcess.start(data, Map.of(), arguments)) {
                    Resolution resolution = resolve(restarted, unanswered.items, acknowledged);
                    report.add("| %d | %d | %d | %d | %d | %s |".formatted(round, statuses[0], unanswered.items.size(),
                            resolution.resolved, resolution.unresolved, resolution.statuses));
                    assertThat(resolution.unresolved).as("keys still unresolved after the lease").isZero();
                }
                assertThat(acknowledged.size()).isGreaterThanOrEqualTo(before);
            }
        }
        Map<String, Integer> stored = storedWrites(storePort, arguments);
        List<String> lost = acknowledged.keySet().stream().filter(key -> !stored.containsKey(key)).toList();
        List<String> duplicated = stored.entrySet().stream().filter(entry -> entry.getValue() > 1)
                .map(Map.Entry::getKey).toList();
        report.add("acknowledged or resolved %d, stored %d, lost %d, duplicated %d".formatted(acknowledged.size(),
                stored.size(), lost.size(), duplicated.size()));
        Files.write(Path.of("target", "fault-report-kill.txt"), report, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        report.forEach(System.out::println);
        assertThat(lost).as("acknowledged writes missing from the store").isEmpty();
        assertThat(duplicated).as("writes stored twice").isEmpty();
    }

    private static void setUp(LearningLogProcess system) throws Exception {
        Client operator = new Client(system.base(), "operator");
        assertThat(operator.post("/api/programmes", """
                {"id": "%s", "name": "Fault programme"}""".formatted(PROGRAMME), null).status()).isEqualTo(201);
        Client admin = new Client(system.base(), "admin");
        assertThat(admin.post("/api/places", """
                {"id": "%s", "programmeId": "%s", "name": "Riverside"}""".formatted(PLACE, PROGRAMME), null).status())
                .isEqualTo(201);
    }

    /** Writers go until the process is killed (after a few seconds of load); returns [acknowledged in this round]. */
    private static int[] writeUntilKilled(LearningLogProcess system, int round, Map<String, String> acknowledged,
                                          Queue unanswered) throws Exception {
        AtomicBoolean killed = new AtomicBoolean();
        int[] acked = new int[1];
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.submit(() -> {
                Client riverside = new Client(system.base(), "riverside");
                for (int i = 0; !killed.get(); i++) {
                    String key = "r%d-w%d-%d".formatted(round, writer, i);
                    String body = insight(key);
                    try {
                        Client.Answer answer = riverside.post("/api/places/" + PLACE + "/insights", body, key);
                        if (answer.status() / 100 == 2) {
                            acknowledged.put(key, body);
                            synchronized (acked) {
                                acked[0]++;
                            }
                        } else {
                            unanswered.items.add(new Pending(key, body, answer.status()));
                        }
                    } catch (IOException e) {
                        unanswered.items.add(new Pending(key, body, -1));
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (killed.get()) {
                        return;
                    }
                }
            });
        }
        Thread.sleep(4000 + round * 500L);
        system.kill();
        killed.set(true);
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        return acked;
    }

    private record Resolution(int resolved, int unresolved, Map<Integer, Integer> statuses) {
    }

    /** Sends every unanswered request again with its key until it is answered, for at most the lease and a margin. */
    private static Resolution resolve(LearningLogProcess system, ConcurrentLinkedQueue<Pending> pending,
                                      Map<String, String> acknowledged) throws Exception {
        Client riverside = new Client(system.base(), "riverside");
        Instant deadline = Instant.now().plus(LEASE).plusSeconds(15);
        int resolved = 0;
        int unresolved = 0;
        Map<Integer, Integer> statuses = new HashMap<>();
        for (Pending request : pending) {
            while (true) {
                Client.Answer answer = riverside.post("/api/places/" + PLACE + "/insights", request.body, request.key);
                if (answer.status() == 409 && Instant.now().isBefore(deadline)) {
                    assertThat(answer.header("Retry-After")).isPresent();
                    Thread.sleep(500);
                    continue;
                }
                statuses.merge(answer.status(), 1, Integer::sum);
                if (answer.status() / 100 == 2) {
                    acknowledged.put(request.key, request.body);
                    resolved++;
                } else {
                    unresolved++;
                }
                break;
            }
        }
        return new Resolution(resolved, unresolved, statuses);
    }

    /** How many times each write's token is in the store's events, read over the store's own socket. */
    private Map<String, Integer> storedWrites(int storePort, String[] arguments) {
        try (LearningLogProcess system = LearningLogProcess.start(data, Map.of(), arguments);
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + storePort)) {
            Map<String, Integer> stored = new HashMap<>();
            for (Document commit : client.getDatabase("learninglog").getCollection("events").find()) {
                for (Document event : commit.getList("events", Document.class, List.of())) {
                    Matcher token = TOKEN.matcher(String.valueOf(event.getString("payload")));
                    if (String.valueOf(event.getString("type")).endsWith("InsightRecorded") && token.find()) {
                        stored.merge(token.group(1), 1, Integer::sum);
                    }
                }
            }
            return stored;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String insight(String key) {
        return """
                {"text": "fault-write %s: what we noticed", "layer": "PLACE_NETWORK"}""".formatted(key);
    }

    private record Pending(String key, String body, int status) {
    }

    private static final class Queue {
        final ConcurrentLinkedQueue<Pending> items = new ConcurrentLinkedQueue<>();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
