package org.learninglog.launcher;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.learninglog.store.MongoStore;
import org.learninglog.store.testkit.MongoStoreExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator backs up the running system while insights are being recorded; the backup
 * restores into a new folder, the system starts on it, and its chain verifies intact.
 */
@ExtendWith(MongoStoreExtension.class)
class OnlineBackupTest {

    @TempDir
    Path work;

    @Test
    void a_backup_taken_while_writes_go_on_restores_into_a_store_that_starts_and_verifies_intact() throws Exception {
        Path live = work.resolve("live");
        String programmeId;
        String placeId;
        Path backup;
        int recordedBeforeBackup;
        try (ConfigurableApplicationContext app = DamagedStoreTest.start(live, "--learninglog.demo=off", "--spring.config.import=classpath:learninglog-test-accounts.yml")) {
            Api api = DamagedStoreTest.api(app);
            programmeId = api.registerProgramme();
            placeId = api.registerPlace(programmeId, "Riverside");
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger recorded = new AtomicInteger();
            String place = placeId;
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                while (writing.get()) {
                    api.recordInsight(place, "Recorded while the backup runs " + recorded.get());
                    recorded.incrementAndGet();
                }
            });
            await().atMost(Duration.ofSeconds(60)).until(() -> recorded.get() >= 20);

            // Only the writes acknowledged before the backup was asked for are sure to be in it.
            recordedBeforeBackup = recorded.get();
            Api.Answer answer = api.post("/api/admin/backup", null);
            await().atMost(Duration.ofSeconds(60)).until(() -> recorded.get() >= recordedBeforeBackup + 20);
            writing.set(false);
            writer.get();

            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(HttpStatus.CREATED);
            backup = Path.of(answer.text("file"));
            assertThat(backup).startsWith(live.resolve("backups").toAbsolutePath().normalize());
            assertThat(Files.size(backup)).isEqualTo(answer.body().path("bytes").asLong());
        }

        Path restored = work.resolve("restored");
        LauncherProcess.Finished restore = LauncherProcess.run(work, Duration.ofSeconds(90), "restore", backup.toString(), restored.toString());
        assertThat(restore.exitCode()).as(restore.stdout() + restore.stderr()).isZero();

        try (ConfigurableApplicationContext app = DamagedStoreTest.start(restored, "--learninglog.demo=off", "--spring.config.import=classpath:learninglog-test-accounts.yml")) {
            MongoDatabase database = app.getBean(MongoStore.class).database();
            await().atMost(Duration.ofSeconds(30)).until(() -> sealedUpTo(database) >= head(database));
            String place = placeId;
            Api api = DamagedStoreTest.api(app);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(api.timelineOf(place).size()).isGreaterThanOrEqualTo(recordedBeforeBackup - 1));
        }
        LauncherProcess.Finished verify = LauncherProcess.run(work, Duration.ofSeconds(90), "verify-integrity", programmeId, restored.toString());
        assertThat(verify.exitCode()).as(verify.stdout() + verify.stderr()).isZero();
        assertThat(verify.stdout()).startsWith("intact");
    }

    private static long head(MongoDatabase database) {
        Document counter = database.getCollection("counters").find(eq("_id", "events")).first();
        return counter == null ? 0 : counter.get("value", Number.class).longValue();
    }

    private static long sealedUpTo(MongoDatabase database) {
        Document sealer = database.getCollection("chain_heads").find(eq("_id", "sealer")).first();
        return sealer == null ? 0 : sealer.get("position", Number.class).longValue();
    }
}
