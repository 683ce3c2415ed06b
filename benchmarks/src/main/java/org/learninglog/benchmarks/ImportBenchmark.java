package org.learninglog.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.learninglog.command.CommandSideConfiguration;
import org.learninglog.query.QuerySideConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Locale;

/**
 * How fast a file of past learning imports (issue 19): both sides in this process on an embedded
 * store in a temporary folder, as the launcher runs them; a CSV of {@code --rows} insights (default
 * 50,000) uploaded over HTTP, dry run, imported, and imported again. Prints rows per second beside
 * the target (50,000 rows in under a minute: 834 rows/s) and asserts nothing.
 */
public final class ImportBenchmark {

    private static final String MEMBER = "bench";
    private static final String PASSWORD = "a long benchmark password";
    private static final double TARGET = 50_000 / 60.0;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String MAPPING = "{\"text\":\"text\",\"layer\":\"layer\",\"happenedOn\":\"happenedOn\","
            + "\"principles\":\"principles\",\"source\":\"source\"}";

    /** Both sides, as the launcher runs them, without the web pages. */
    @SpringBootApplication
    @Import({CommandSideConfiguration.class, QuerySideConfiguration.class})
    static class BothSides {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(option(args, "--rows=", "50000"));
        String basic = "Basic " + Base64.getEncoder().encodeToString((MEMBER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        System.out.printf(Locale.ROOT, "Import benchmark: %,d rows, %d cores, embedded store%n", rows,
                Runtime.getRuntime().availableProcessors());
        Path folder = TemporaryStore.folder("import-benchmark");
        try (ConfigurableApplicationContext app = new SpringApplication(BothSides.class).run("--server.port=0",
                "--learninglog.demo=off", "--learninglog.store.data-dir=" + folder,
                "--learninglog.security.rate-limit.requests=0",
                "--learninglog.security.accounts[0].username=" + MEMBER,
                "--learninglog.security.accounts[0].password-hash=" + new BCryptPasswordEncoder().encode(PASSWORD),
                "--learninglog.security.accounts[0].roles=OPERATOR",
                "--logging.level.root=warn", "--spring.main.banner-mode=off")) {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            String programmeId = post(base + "/api/programmes", basic, "{\"name\":\"Import benchmark\",\"backfillFrom\":\"2020-01-01\"}").path("programmeId").asText();
            String placeId = post(base + "/api/places", basic, "{\"programmeId\":\"" + programmeId + "\",\"name\":\"Riverside\"}")
                    .path("placeId").asText();

            byte[] csv = csv(rows);
            long started = System.nanoTime();
            String importId = upload(base + "/api/places/" + placeId + "/imports", basic, csv).path("importId").asText();
            double uploadSeconds = seconds(started);

            started = System.nanoTime();
            JsonNode dryRun = post(base + "/api/imports/" + importId + "/dry-run", basic, MAPPING);
            double drySeconds = seconds(started);

            if (dryRun.path("accepted").asInt() < rows) {
                // a benchmark of refusals measures nothing: say why rows were refused, and stop
                throw new IllegalStateException("The dry run refused rows: " + dryRun.toString().substring(0, Math.min(2000, dryRun.toString().length())));
            }
            JsonNode first = importAndWait(base, basic, importId);
            JsonNode second = importAndWait(base, basic, importId);

            System.out.printf(Locale.ROOT, "%-44s %10s %10s %12s%n", "", "seconds", "rows/s", "target rows/s");
            System.out.printf(Locale.ROOT, "%-44s %10.1f %10s %12s%n", "upload (" + csv.length / 1024 + " KB, read and kept)",
                    uploadSeconds, "", "");
            System.out.printf(Locale.ROOT, "%-44s %10.1f %10.0f %12s%n", "dry run (" + dryRun.path("accepted").asInt()
                    + " accepted)", drySeconds, rows / drySeconds, "");
            print("import (" + first.path("recorded").asInt() + " recorded)", first, rows);
            print("same file again (" + second.path("alreadyRecorded").asInt() + " found recorded)", second, rows);
        }
        System.exit(0);
    }

    private static void print(String what, JsonNode progress, int rows) {
        double seconds = Duration.between(java.time.Instant.parse(progress.path("startedAt").asText()),
                java.time.Instant.parse(progress.path("finishedAt").asText())).toMillis() / 1000.0;
        System.out.printf(Locale.ROOT, "%-44s %10.1f %10.0f %12.0f%n", what, seconds, rows / seconds, TARGET);
    }

    private static JsonNode importAndWait(String base, String basic, String importId) throws Exception {
        post(base + "/api/imports/" + importId + "/run", basic, MAPPING);
        while (true) {
            Thread.sleep(500);
            JsonNode progress = get(base + "/api/imports/" + importId, basic).path("progress");
            if (!"running".equals(progress.path("state").asText())) {
                if (!"finished".equals(progress.path("state").asText())) {
                    throw new IllegalStateException("The import did not finish: " + progress);
                }
                return progress;
            }
        }
    }

    private static byte[] csv(int rows) {
        StringBuilder csv = new StringBuilder("text,layer,happenedOn,principles,source\n");
        LocalDate day = LocalDate.of(2023, 1, 1);
        for (int i = 1; i <= rows; i++) {
            csv.append("\"Residents came when the meeting moved to the school gate, session ").append(i).append("\",")
                    .append(i % 3 == 0 ? "PLACE_NETWORK" : "INDIVIDUALS").append(',')
                    .append(day.plusDays(i % 700)).append(',')
                    .append("able to influence; connected and heard,workshop\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode upload(String url, String authorization, byte[] file) throws Exception {
        String boundary = "benchmark-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"past.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private static JsonNode post(String url, String authorization, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static JsonNode get(String url, String authorization) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).GET().build());
    }

    private static JsonNode send(HttpRequest request) throws Exception {
        HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException(request.uri() + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String option(String[] args, String prefix, String otherwise) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        return otherwise;
    }
}
