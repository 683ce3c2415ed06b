package org.learninglog.launcher.faults;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learninglog.store.EmbeddedServer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store's disk filled up under a running system, then freed: writes are refused
 * with 507 meanwhile, readiness is DOWN, and both come back without a restart, with every
 * acknowledged write stored once. The disk is a 40 MB tmpfs mounted for the test (as root).
 */
@Tag("faults")
class FullDiskTest {

    @TempDir
    Path dir;

    @Test
    void writes_get_507_while_the_disk_is_full_and_resume_by_themselves_when_space_is_freed() throws Exception {
        Path disk = dir.resolve("disk");
        Files.createDirectories(disk);
        mountSmallDisk(disk);
        try {
            Path data = disk.resolve("data");
            int appPort = ChildJvm.freePort();
            List<String> acknowledged = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            try (ChildJvm app = ChildJvm.start("app", dir, Map.of(), List.of("-Dlearninglog.embedded.disk-reserve-mb=8"),
                    "--server.port=" + appPort, "--learninglog.demo=off", "--spring.config.import=classpath:learninglog-test-accounts.yml", "--learninglog.store.data-dir=" + data,
                    "--learninglog.security.rate-limit.requests=100000")) {
                Client client = new Client(appPort);
                StoreOutageTest.awaitReadiness(client, 200, Duration.ofSeconds(120), app);
                for (int i = 0; i < 5; i++) {
                    acknowledge(client, "before-full-" + i, acknowledged);
                }

                Path filler = disk.resolve("filler");
                long filled = fill(filler);
                Client.Answer refusal = client.registerProgramme("while-full-0");
                System.out.printf("Full disk: filler of %d MB; a write answered %d (%s) in %d ms: %s%n", filled >> 20,
                        refusal.status(), refusal.retryAfter(), refusal.took().toMillis(), refusal.body());
                assertThat(refusal.status()).as(refusal.body()).isEqualTo(507);
                assertThat(refusal.isProblem()).isTrue();
                assertThat(refusal.retryAfter()).isNotBlank();
                refused.add("while-full-0");
                for (int i = 1; i < 5; i++) {
                    Client.Answer again = client.registerProgramme("while-full-" + i);
                    assertThat(again.status()).as(again.body()).isEqualTo(507);
                    refused.add("while-full-" + i);
                }
                StoreOutageTest.awaitReadiness(client, 503, Duration.ofSeconds(5), app);
                assertThat(client.get("/api/programmes/demo-programme/timeline").status())
                        .as("reads go on while writes are refused").isNotIn(500, 503, 507);

                Files.delete(filler);
                long freedAt = System.nanoTime();
                Duration ready = StoreOutageTest.awaitReadiness(client, 200, Duration.ofSeconds(10), app);
                acknowledge(client, "after-freed-0", acknowledged);
                System.out.printf("Full disk: readiness UP %d ms and a write acknowledged %d ms after the space was freed%n",
                        ready.toMillis(), (System.nanoTime() - freedAt) / 1_000_000);
                for (int i = 1; i < 5; i++) {
                    acknowledge(client, "after-freed-" + i, acknowledged);
                }
                app.stop();
                assertThat(app.output()).as("H2 never closed the store").doesNotContain("This store is closed", "is closed");
            }

            try (EmbeddedServer store = EmbeddedServer.start(data, 0)) {
                Map<String, Long> stored = StoredProgrammes.registrations(store.uri(), acknowledged);
                assertThat(stored).as("each acknowledged write stored once").hasSize(10)
                        .allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
                assertThat(StoredProgrammes.registrations(store.uri(), refused))
                        .as("a refused write stored nothing").allSatisfy((id, count) -> assertThat(count).isZero());
            }
        } finally {
            new ProcessBuilder("umount", "-l", disk.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void acknowledge(Client client, String id, List<String> acknowledged) {
        Client.Answer answer = client.registerProgramme(id);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        acknowledged.add(id);
    }

    /** Writes zeros until the disk has no room left; returns how many bytes that took. */
    private static long fill(Path filler) {
        byte[] block = new byte[1 << 20];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                written += block.length;
            }
        } catch (IOException full) {
            return written;
        }
    }

    private static void mountSmallDisk(Path disk) throws Exception {
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        boolean done = mount.waitFor(30, TimeUnit.SECONDS);
        String said = new String(mount.getInputStream().readAllBytes());
        Assumptions.assumeTrue(done && mount.exitValue() == 0,
                "A 40 MB tmpfs could not be mounted (this test needs root, or CAP_SYS_ADMIN): " + said);
    }
}
