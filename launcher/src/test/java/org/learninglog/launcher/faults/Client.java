package org.learninglog.launcher.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Real HTTP to a child launcher, signed in as the demo's operator. */
final class Client {

    /** One answer, with how long it took. */
    record Answer(int status, String contentType, String retryAfter, String body, Duration took) {

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    private static final String OPERATOR = "Basic " + Base64.getEncoder()
            .encodeToString("operator:learning-log-demo".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Client(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Registers a programme under {@code id}: one aggregate, two events, easy to count in the store. */
    Answer registerProgramme(String id) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/programmes"))
                .header("Content-Type", "application/json").header("Idempotency-Key", id)
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + id + "\",\"name\":\"Programme " + id + "\"}")));
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** The readiness probe's status: 200 UP, 503 DOWN, 0 while nothing answers. */
    int readiness() {
        return get("/actuator/health/readiness").status();
    }

    private Answer send(HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", OPERATOR)
                    .timeout(Duration.ofSeconds(40)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null), response.body(),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            return new Answer(0, null, null, e.toString(), Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
