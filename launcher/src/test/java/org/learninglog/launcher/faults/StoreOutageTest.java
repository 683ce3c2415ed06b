package org.learninglog.launcher.faults;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store process killed under a running system that is being written to, then started again
 * on the same data: writes fail fast with 503 meanwhile and resume on their own, and nothing
 * acknowledged is lost or doubled. Everything is a real process; the kill is {@code kill -9}.
 */
@Tag("faults")
class StoreOutageTest {

    @TempDir
    Path dir;

    @Test
    void writes_answer_503_within_two_seconds_while_the_store_is_killed_and_succeed_again_once_it_is_back() {
        int storePort = ChildJvm.freePort();
        int appPort = ChildJvm.freePort();
        Path data = dir.resolve("data");
        String storeUri = "mongodb://127.0.0.1:" + storePort;
        ChildJvm store = startStore(storePort, data);
        try (ChildJvm app = ChildJvm.start("app", dir, Map.of("MONGODB_URI", storeUri + "/learninglog"), List.of(),
                "--server.port=" + appPort, "--learninglog.demo=off", "--spring.config.import=classpath:learninglog-test-accounts.yml",
                "--learninglog.security.rate-limit.requests=100000")) {
            Client client = new Client(appPort);
            awaitReadiness(client, 200, Duration.ofSeconds(120), app);

            long killedAt;
            long restartedAt;
            long downAfterMillis;
            Writers writers = new Writers(client, "outage", 2);
            try {
                awaitAcknowledged(writers, 10);
                store.kill();
                killedAt = System.nanoTime();
                downAfterMillis = awaitReadiness(client, 503, Duration.ofSeconds(5), app).toMillis();
                ChildJvm.sleep(4000);

                store = startStore(storePort, data);
                restartedAt = System.nanoTime();
                long acknowledgedBefore = writers.acknowledged().size();
                awaitReadiness(client, 200, Duration.ofSeconds(15), app);
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                while (writers.acknowledged().size() < acknowledgedBefore + 5 && System.nanoTime() < deadline) {
                    ChildJvm.sleep(100);
                }
                report(writers, killedAt, restartedAt, downAfterMillis);
                assertThat(writers.acknowledged().size()).as("writes acknowledged after the store came back")
                        .isGreaterThanOrEqualTo((int) acknowledgedBefore + 5);

                // Sent after the kill and before the restart (a second's grace: requests in flight at the kill).
                List<Writers.Attempt> duringOutage = writers.sentAfter(killedAt + Duration.ofSeconds(1).toNanos()).stream()
                        .filter(a -> a.sentAt() < restartedAt - Duration.ofSeconds(2).toNanos()).toList();
                assertThat(duringOutage).as("writes sent during the outage").hasSizeGreaterThanOrEqualTo(4);
                assertThat(duringOutage).allSatisfy(attempt -> {
                    assertThat(attempt.answer().status()).as(attempt.answer().body()).isEqualTo(503);
                    assertThat(attempt.answer().isProblem()).isTrue();
                    assertThat(attempt.answer().retryAfter()).isNotBlank();
                    assertThat(attempt.answer().took()).isLessThanOrEqualTo(Duration.ofSeconds(2));
                });
                assertThat(writers.attempts()).as("every answer is 201 or 503").allSatisfy(attempt ->
                        assertThat(attempt.answer().status()).as(attempt.answer().body()).isIn(201, 503));
            } finally {
                writers.close();
            }
            // Every write answered 503 is resolved by sending it again with its key: stored once, whatever
            // became of its first attempt.
            List<String> acknowledged = new java.util.ArrayList<>(writers.acknowledged());
            for (Writers.Attempt unanswered : writers.attempts().stream().filter(a -> a.answer().status() == 503).toList()) {
                Client.Answer again = client.registerProgramme(unanswered.id());
                for (long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
                     again.status() == 409 && System.nanoTime() < deadline; again = client.registerProgramme(unanswered.id())) {
                    ChildJvm.sleep(500);
                }
                assertThat(again.status()).as("resent with its key: " + again.body()).isIn(200, 201);
                acknowledged.add(unanswered.id());
            }
            Map<String, Long> stored = StoredProgrammes.registrations(storeUri, acknowledged);
            assertThat(stored).as("each acknowledged write stored once").allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
        } finally {
            store.close();
        }
    }

    private static void report(Writers writers, long killedAt, long restartedAt, long downAfterMillis) {
        long first503 = writers.sentAfter(killedAt).stream().filter(a -> a.answer().status() == 503)
                .mapToLong(a -> a.sentAt() + a.answer().took().toNanos() - killedAt).min().orElse(-1) / 1_000_000;
        long slowest503 = writers.attempts().stream().filter(a -> a.answer().status() == 503)
                .mapToLong(a -> a.answer().took().toMillis()).max().orElse(-1);
        long firstSuccessAfterRestart = writers.sentAfter(restartedAt).stream().filter(a -> a.answer().status() == 201)
                .mapToLong(a -> a.sentAt() + a.answer().took().toNanos() - restartedAt).min().orElse(-1) / 1_000_000;
        System.out.printf("Store outage: first 503 %d ms after the kill, slowest 503 took %d ms, readiness DOWN after %d ms, "
                        + "first write acknowledged %d ms after the store was back; %d writes acknowledged, %d answered 503%n",
                first503, slowest503, downAfterMillis, firstSuccessAfterRestart, writers.acknowledged().size(),
                writers.attempts().stream().filter(a -> a.answer().status() == 503).count());
    }

    private ChildJvm startStore(int port, Path data) {
        ChildJvm store = ChildJvm.start("store", dir, Map.of(), List.of(), "serve-store", "--port", String.valueOf(port),
                "--data", data.toString());
        store.awaitOutput("Serving the store at", Duration.ofSeconds(60));
        return store;
    }

    private static void awaitAcknowledged(Writers writers, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (writers.acknowledged().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Writes were not acknowledged: " + writers.attempts());
            }
            ChildJvm.sleep(100);
        }
    }

    /** Waits for the readiness probe to answer {@code status}; returns how long that took. */
    static Duration awaitReadiness(Client client, int status, Duration atMost, ChildJvm app) {
        long start = System.nanoTime();
        while (client.readiness() != status) {
            if (System.nanoTime() - start > atMost.toNanos()) {
                throw new AssertionError("Readiness did not answer " + status + " within " + atMost + ":\n" + app.tail());
            }
            if (!app.isAlive()) {
                throw new AssertionError("The application exited:\n" + app.tail());
            }
            ChildJvm.sleep(100);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
