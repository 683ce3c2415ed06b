package org.learninglog.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An import killed with SIGKILL part-way, then run again on the restarted system with the same
 * file, leaves every row recorded exactly once: the rows stored before the kill are found
 * recorded (whether or not the lookup heard of them), the others are recorded.
 */
class ImportKilledTest {

    private static final int ROWS = 20_000;
    private static final Pattern ROW = Pattern.compile("import-row (\\d+) ");
    private static final String MAPPING = "{\"text\":\"text\",\"layer\":\"layer\",\"happenedOn\":\"happenedOn\"}";

    @TempDir
    Path data;

    @Test
    void aKilledImportRunAgainLeavesEveryRowOnce() throws Exception {
        int storePort = freePort();
        String[] arguments = {"--learninglog.store.embedded-port=" + storePort};
        byte[] file = csv();
        String placeId;
        int doneAtKill;
        try (LearningLogProcess system = LearningLogProcess.start(data, Map.of(), arguments)) {
            Client operator = new Client(system.base(), "operator");
            String programmeId = operator.post("/api/programmes", "{\"name\":\"Imported\",\"backfillFrom\":\"2020-01-01\"}", null).json()
                    .path("programmeId").asText();
            placeId = operator.post("/api/places", "{\"programmeId\":\"" + programmeId + "\",\"name\":\"Riverside\"}", null)
                    .json().path("placeId").asText();
            String importId = upload(operator, placeId, file);
            assertThat(operator.post("/api/imports/" + importId + "/run", MAPPING, null).status()).isEqualTo(202);
            doneAtKill = awaitRowsDone(operator, importId, ROWS / 10);
            system.kill();
        }
        assertThat(doneAtKill).as("killed part-way").isLessThan(ROWS);

        try (LearningLogProcess restarted = LearningLogProcess.start(data, Map.of(), arguments)) {
            Client operator = new Client(restarted.base(), "operator");
            String importId = upload(operator, placeId, file);
            assertThat(operator.post("/api/imports/" + importId + "/run", MAPPING, null).status()).isEqualTo(202);
            JsonNode progress = awaitEnd(operator, importId);
            assertThat(progress.path("state").asText()).as("%s", progress).isEqualTo("finished");
            assertThat(progress.path("refused").asInt()).isZero();
            assertThat(progress.path("recorded").asInt() + progress.path("alreadyRecorded").asInt()).isEqualTo(ROWS);
            assertThat(progress.path("alreadyRecorded").asInt()).as("rows stored before the kill").isPositive();

            Map<Integer, Integer> stored = storedRows(storePort);
            assertThat(stored).hasSize(ROWS);
            assertThat(stored.values()).allMatch(times -> times == 1);
        }
    }

    private static String upload(Client operator, String placeId, byte[] file) throws Exception {
        Client.Answer uploaded = operator.upload("/api/places/" + placeId + "/imports", "past.csv", file);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        return uploaded.json().path("importId").asText();
    }

    private static int awaitRowsDone(Client operator, String importId, int atLeast) {
        JsonNode progress = await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> progress(operator, importId), found -> found != null
                        && (found.path("rowsDone").asInt() >= atLeast || !"running".equals(found.path("state").asText())));
        return progress.path("rowsDone").asInt();
    }

    private static JsonNode awaitEnd(Client operator, String importId) {
        return await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> progress(operator, importId), found -> found != null && !"running".equals(found.path("state").asText()));
    }

    /**
     * The import's progress as its address answers it, or {@code null} when the answer holds none: a
     * 503 while the store is busy with the import's own writes says "ask again", not that it ended.
     */
    private static JsonNode progress(Client operator, String importId) throws Exception {
        Client.Answer answer = operator.get("/api/imports/" + importId);
        if (answer.status() != 200) {
            return null;
        }
        JsonNode progress = answer.json().path("progress");
        return progress.isObject() ? progress : null;
    }

    /** How many times each row's insight is in the store's events, read over the store's own socket. */
    private static Map<Integer, Integer> storedRows(int storePort) {
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + storePort)) {
            Map<Integer, Integer> stored = new HashMap<>();
            for (Document commit : client.getDatabase("learninglog").getCollection("events").find()) {
                for (Document event : commit.getList("events", Document.class, List.of())) {
                    Matcher row = ROW.matcher(String.valueOf(event.getString("payload")));
                    if (String.valueOf(event.getString("type")).endsWith("InsightRecorded") && row.find()) {
                        stored.merge(Integer.parseInt(row.group(1)), 1, Integer::sum);
                    }
                }
            }
            return stored;
        }
    }

    private static byte[] csv() {
        StringBuilder csv = new StringBuilder("text,layer,happenedOn\n");
        for (int i = 1; i <= ROWS; i++) {
            csv.append("import-row ").append(i).append(" of the past,INDIVIDUALS,2024-0").append(1 + i % 9).append("-15\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
