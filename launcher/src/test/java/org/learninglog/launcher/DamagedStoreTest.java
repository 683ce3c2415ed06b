package org.learninglog.launcher;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.learninglog.store.MongoStore;
import org.learninglog.embedded.EmbeddedMongo;
import org.learninglog.store.EmbeddedServer;
import org.learninglog.store.testkit.MongoStoreExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Sorts.ascending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A store file made by a real run (the demo programme), stopped, then damaged as disks and
 * copies damage files: bytes flipped inside an event, the last 4 KB lost, half the file lost, the
 * file held by another process. The launcher runs in a JVM of its own, as a supervisor runs it.
 */
@ExtendWith(MongoStoreExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DamagedStoreTest {

    /** A failed start must end the process; this bounds the wait (a start on 2 shared cores takes 20–40 s). */
    private static final Duration START_BOUND = Duration.ofSeconds(150);
    private static final Duration COMMAND_BOUND = Duration.ofSeconds(90);
    private static final String PROGRAMME = "demo-programme";

    @TempDir
    static Path work;
    private Path madeByARun;
    /** The position of the event whose bytes the flipped-bytes tests damage, and its payload as stored. */
    private long damagedPosition;
    private String damagedPayload;

    @BeforeAll
    void a_store_made_by_a_real_run_with_the_demo_programme_and_stopped() {
        madeByARun = work.resolve("made-by-a-run");
        try (ConfigurableApplicationContext app = start(madeByARun, "--learninglog.demo=auto")) {
            MongoDatabase database = app.getBean(MongoStore.class).database();
            await().atMost(Duration.ofSeconds(60)).until(() -> head(database) > 100 && sealedUpTo(database) >= head(database));
            Document middle = database.getCollection("events").find(gte("_id", head(database) / 2)).sort(ascending("_id")).first();
            damagedPosition = middle.getLong("_id");
            damagedPayload = middle.getList("events", Document.class).get(0).getString("payload");
        }
    }

    @Test
    void a_start_on_a_store_with_flipped_bytes_in_an_event_exits_non_zero_with_one_plain_line_naming_the_file_and_the_last_good_position() throws Exception {
        Path store = copyOfTheStore("flipped-start");
        flipBytesOfTheDamagedEvent(store);

        LauncherProcess.Finished run = LauncherProcess.run(work, START_BOUND, "--server.port=0", "--learninglog.store.data-dir=" + store);

        assertThat(run.exitCode()).isEqualTo(1);
        assertOnePlainLine(run.stderr());
        assertThat(run.stderr()).contains(store.resolve(EmbeddedMongo.STORE_FILE).toString()).contains("recover").contains("restore");
        assertThat(number(run.stderr(), "last good position: (\\d+)")).isLessThan(damagedPosition);
    }

    @Test
    void verify_integrity_on_a_store_with_flipped_bytes_exits_2_naming_the_first_damaged_position() throws Exception {
        Path store = copyOfTheStore("flipped-verify");
        flipBytesOfTheDamagedEvent(store);

        LauncherProcess.Finished run = LauncherProcess.run(work, COMMAND_BOUND, "verify-integrity", PROGRAMME, store.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).startsWith("DAMAGED");
        assertThat(number(run.stdout(), "last good position: (\\d+)")).as(run.stdout()).isBetween(1L, damagedPosition - 1);
        assertThat(run.stdout() + run.stderr()).doesNotContain("\tat ").doesNotContain("NullPointerException");
    }

    @Test
    void recover_copies_every_readable_commit_names_the_positions_it_could_not_read_and_the_new_store_starts_and_rebuilds_its_views() throws Exception {
        Path damaged = copyOfTheStore("flipped-recover");
        flipBytesOfTheDamagedEvent(damaged);
        Path recovered = work.resolve("recovered");

        LauncherProcess.Finished recovery = LauncherProcess.run(work, COMMAND_BOUND, "recover", damaged.toString(), recovered.toString());

        assertThat(recovery.exitCode()).as(recovery.stdout() + recovery.stderr()).isEqualTo(2);
        Matcher lost = Pattern.compile("events: positions (\\d+)–(\\d+) could not be read").matcher(recovery.stdout());
        boolean damagedOneNamed = false;
        while (lost.find()) {
            damagedOneNamed |= Long.parseLong(lost.group(1)) <= damagedPosition && damagedPosition <= Long.parseLong(lost.group(2));
        }
        assertThat(damagedOneNamed).as(recovery.stdout()).isTrue();
        try (ConfigurableApplicationContext app = start(recovered, "--learninglog.demo=auto")) {
            MongoDatabase database = app.getBean(MongoStore.class).database();
            assertThat(database.getCollection("events").find(eq("_id", damagedPosition)).first()).isNull();
            assertThat(database.getCollection("events").countDocuments()).isGreaterThan(damagedPosition / 2);
            Api api = api(app);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(api.get("/api/places?programmeId=" + PROGRAMME).body().toString()).contains("placeId"));
        }
        LauncherProcess.Finished verified = LauncherProcess.run(work, COMMAND_BOUND, "verify-integrity", PROGRAMME, recovered.toString());
        assertThat(verified.exitCode()).as(recovery.stdout() + verified.stdout()).isEqualTo(1);
        assertThat(verified.stdout()).startsWith("BROKEN").contains("missing");
        assertThat(number(verified.stdout(), "(\\d+) events verified before it")).isGreaterThan(damagedPosition / 2);
    }

    @Test
    void a_damaged_view_is_never_served_the_start_refuses_naming_it_and_recover_makes_a_store_that_rebuilds_it() throws Exception {
        Path store = copyOfTheStore("damaged-view");
        String title;
        try (EmbeddedServer embedded = EmbeddedServer.start(store, 0);
             com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(embedded.uri())) {
            MongoDatabase database = client.getDatabase("learninglog");
            // The first page of the programme's flow log: its shares carry titles (its adoptions none)
            Document page = new org.learninglog.query.view.ViewGenerations(database).liveCollection("learning-flow")
                    .find(eq("_id", "flow:" + PROGRAMME + "#0")).first();
            title = page.getList("entries", Document.class).stream().map(entry -> entry.getString("title"))
                    .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
        }
        flipTypeTagOf(store, "title", title);

        LauncherProcess.Finished refused = LauncherProcess.run(work, START_BOUND, "--learninglog.demo=off",
                "--learninglog.store.data-dir=" + store);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertOnePlainLine(refused.stderr());
        assertThat(refused.stderr()).contains("is damaged").contains("recover");

        Path recovered = work.resolve("damaged-view-recovered");
        LauncherProcess.Finished recovery = LauncherProcess.run(work, COMMAND_BOUND, "recover", store.toString(), recovered.toString());
        assertThat(recovery.exitCode()).as(recovery.stdout() + recovery.stderr()).isZero();
        try (ConfigurableApplicationContext app = start(recovered)) {
            org.learninglog.query.view.ViewGenerations views =
                    new org.learninglog.query.view.ViewGenerations(app.getBean(MongoStore.class).database());
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                Document page = views.liveCollection("learning-flow").find(eq("_id", "flow:" + PROGRAMME + "#0")).first();
                assertThat(page).isNotNull();
                assertThat(page.getList("entries", Document.class)).extracting(entry -> entry.getString("title")).contains(title);
            });
            assertThat(api(app).get("/api/programmes/" + PROGRAMME + "/flow").status().value()).isEqualTo(200);
        }
    }

    /** Flips the BSON type tag of every stored {@code field} whose value is {@code value}: those pages no longer decode. */
    private static void flipTypeTagOf(Path store, String field, String value) throws IOException {
        Path file = store.resolve(EmbeddedMongo.STORE_FILE);
        byte[] bytes = Files.readAllBytes(file);
        byte[] name = (field + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] text = value.getBytes(StandardCharsets.UTF_8);
        int flipped = 0;
        for (int at = indexOf(bytes, name, 0); at >= 0; at = indexOf(bytes, name, at + 1)) {
            int valueAt = at + name.length;
            if (at > 0 && bytes[at - 1] == 0x02 && valueAt + 4 + text.length <= bytes.length
                    && ByteBuffer.wrap(bytes, valueAt, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() == text.length + 1
                    && indexOf(bytes, text, valueAt + 4) == valueAt + 4) {
                bytes[at - 1] ^= 0x76;
                flipped++;
            }
        }
        assertThat(flipped).as("stored copies of the value").isPositive();
        Files.write(file, bytes);
    }

    @Test
    void a_store_that_lost_its_last_4_kb_opens_at_its_newest_whole_version_or_says_plainly_that_it_cannot() throws Exception {
        Path store = copyOfTheStore("truncated-4k");
        Path file = store.resolve(EmbeddedMongo.STORE_FILE);
        cutTheEnd(file, 4096);

        LauncherProcess.Finished run = LauncherProcess.run(work, COMMAND_BOUND, "verify-integrity", PROGRAMME, store.toString());

        // Whether the cut took the newest chunk depends on where housekeeping had put it; a file that
        // H2 opens only at an older version is refused (the store checks the version its header
        // recorded). Each answer below is a true one, and none is a stack trace.
        if (run.exitCode() == 0) {
            assertThat(run.stdout()).startsWith("intact");
            assertThat(number(run.stdout(), "(\\d+) events verified")).isGreaterThan(damagedPosition);
        } else if (run.exitCode() == 2 && run.stdout().contains("stopped answering while it was read")) {
            // The newest version opens but a read meets the cut, and the embedded server drops the connection.
            assertThat(run.stdout()).startsWith("DAMAGED").contains("recover " + store);
        } else if (run.exitCode() == 2) {
            assertThat(run.stdout()).startsWith("DAMAGED").contains("cannot be opened");
            LauncherProcess.Finished start = LauncherProcess.run(work, START_BOUND, "--server.port=0",
                    "--learninglog.store.data-dir=" + store);
            assertThat(start.exitCode()).isEqualTo(1);
            assertOnePlainLine(start.stderr());
            assertThat(start.stderr()).contains(file.toString()).contains("restore a backup");
        } else {
            // The newest version opens but a read meets the cut: the command fails, in one plain line.
            assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isEqualTo(1);
            assertOnePlainLine(run.stderr());
            assertThat(run.stdout()).doesNotContain("\tat ");
        }
    }

    @Test
    void a_store_file_cut_in_half_refuses_to_start_with_the_plain_line_and_verify_and_recover_say_so_plainly() throws Exception {
        Path store = copyOfTheStore("truncated-half");
        Path file = store.resolve(EmbeddedMongo.STORE_FILE);
        cutTheEnd(file, Files.size(file) / 2);

        LauncherProcess.Finished start = LauncherProcess.run(work, START_BOUND, "--server.port=0", "--learninglog.store.data-dir=" + store);
        LauncherProcess.Finished verify = LauncherProcess.run(work, COMMAND_BOUND, "verify-integrity", PROGRAMME, store.toString());
        LauncherProcess.Finished recover = LauncherProcess.run(work, COMMAND_BOUND, "recover", store.toString(), work.resolve("nothing").toString());

        assertThat(start.exitCode()).isEqualTo(1);
        assertOnePlainLine(start.stderr());
        assertThat(start.stderr()).contains(file.toString()).contains("cannot be opened").contains("restore a backup");
        assertThat(verify.exitCode()).isEqualTo(2);
        assertThat(verify.stdout()).startsWith("DAMAGED").contains("cannot be opened");
        // H2 opens half a file at an older version when every chunk of one survived in that half (it
        // depends on where housekeeping had put them): recover copies that version and names what is lost.
        if (recover.exitCode() == 2) {
            assertThat(recover.stdout()).contains("NOT recovered").contains("opens only at that version");
        } else {
            assertThat(recover.exitCode()).as(recover.stdout() + recover.stderr()).isEqualTo(1);
            assertOnePlainLine(recover.stderr());
        }
    }

    @Test
    void a_start_on_a_store_another_process_holds_exits_non_zero_saying_so() throws Exception {
        Path store = copyOfTheStore("held");
        try (EmbeddedServer holder = EmbeddedServer.start(store, 0)) {
            LauncherProcess.Finished run = LauncherProcess.run(work, START_BOUND, "--server.port=0", "--learninglog.store.data-dir=" + store);

            assertThat(run.exitCode()).isEqualTo(1);
            assertOnePlainLine(run.stderr());
            assertThat(run.stderr()).contains(holder.file().toString()).contains("in use by another process");
        }
    }

    @Test
    void a_start_on_an_occupied_port_exits_non_zero_saying_which_port() throws Exception {
        try (ServerSocket occupied = new ServerSocket(0)) {
            LauncherProcess.Finished run = LauncherProcess.run(work, START_BOUND, "--server.port=" + occupied.getLocalPort(),
                    "--learninglog.demo=off", "--learninglog.store.data-dir=" + work.resolve("port-test"));

            assertThat(run.exitCode()).isEqualTo(1);
            assertOnePlainLine(run.stderr());
            assertThat(run.stderr()).contains("port " + occupied.getLocalPort() + " is already in use");
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void assertOnePlainLine(String stderr) {
        assertThat(stderr.strip().lines()).as(stderr).hasSize(1);
        assertThat(stderr).doesNotContain("\tat ").doesNotContain("Exception:");
    }

    private static long number(String text, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private Path copyOfTheStore(String name) throws IOException {
        Path copy = work.resolve(name);
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(madeByARun)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    /**
     * Flips bits of the BSON type tag of the damaged event's payload, in every copy of its page
     * the file holds (the live one among them): the page then no longer decodes, as after a
     * flipped bit on the disk.
     */
    private void flipBytesOfTheDamagedEvent(Path store) throws IOException {
        Path file = store.resolve(EmbeddedMongo.STORE_FILE);
        byte[] bytes = Files.readAllBytes(file);
        byte[] name = "payload\0".getBytes(StandardCharsets.US_ASCII);
        byte[] payload = damagedPayload.getBytes(StandardCharsets.UTF_8);
        int flipped = 0;
        for (int at = indexOf(bytes, name, 0); at >= 0; at = indexOf(bytes, name, at + 1)) {
            int valueAt = at + name.length;
            if (valueAt + 4 + payload.length <= bytes.length
                    && ByteBuffer.wrap(bytes, valueAt, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() == payload.length + 1
                    && indexOf(bytes, payload, valueAt + 4) == valueAt + 4) {
                bytes[at - 1] ^= 0x76;
                flipped++;
            }
        }
        assertThat(flipped).as("copies of the event's page in the file").isPositive();
        Files.write(file, bytes);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void cutTheEnd(Path file, long bytes) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() - bytes);
        }
    }

    private static long head(MongoDatabase database) {
        Document counter = database.getCollection("counters").find(eq("_id", "events")).first();
        return counter == null ? 0 : counter.get("value", Number.class).longValue();
    }

    private static long sealedUpTo(MongoDatabase database) {
        Document sealer = database.getCollection("chain_heads").find(eq("_id", "sealer")).first();
        return sealer == null ? 0 : sealer.get("position", Number.class).longValue();
    }

    /** Command-line arguments outrank the system properties the store extension sets; the database is the one a user's run uses. */
    static ConfigurableApplicationContext start(Path dataDir, String... more) {
        String[] args = Stream.concat(Stream.of("--learninglog.store.uri=",
                        "--learninglog.store.data-dir=" + dataDir, "--learninglog.store.database=learninglog", "--server.port=0"),
                Stream.of(more)).toArray(String[]::new);
        return new SpringApplicationBuilder(LearningLogApplication.class).run(args);
    }

    static Api api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Api(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)
                .basicAuthentication("operator", SignedInAsOperator.PASSWORD)));
    }
}
