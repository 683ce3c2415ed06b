package org.learninglog.launcher;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.learninglog.store.MongoStore;
import org.learninglog.security.edge.HostileJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile bodies sent to a real write endpoint (recording an insight) by a signed-in member: each is
 * answered with a 4xx problem within the client's time bound, and nothing is stored.
 */
@LearningLogIntegrationTest
class HostileInputOverHttpTest {

    /** The bound on each answer: a refusal must not cost the server long. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    private static final int MAX_BODY = 64 * 1024;

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    MongoStore store;

    private String placeId;

    @BeforeEach
    void place() {
        placeId = new Api(http).registerPlace("Hostile Hollow");
    }

    static Stream<Arguments> hostileBodies() {
        String valid = "{\"text\": \"%s\", \"layer\": \"INDIVIDUALS\"}";
        String filler = "x".repeat(MAX_BODY - valid.length() + 2 + 1);
        String nested = "{\"text\": \"deep\", \"layer\": \"INDIVIDUALS\", \"evidence\": "
                + "{\"a\": ".repeat(HostileJson.MAX_NESTING_DEPTH + 1) + "1" + "}".repeat(HostileJson.MAX_NESTING_DEPTH + 1) + "}";
        return Stream.of(
                Arguments.of("a body one byte over the cap", valid.formatted(filler), 413),
                Arguments.of("nesting deeper than the limit", nested, 400),
                Arguments.of("a 1 MB string", valid.formatted("y".repeat(1024 * 1024)), 413),
                Arguments.of("a $where key", "{\"text\": \"t\", \"layer\": \"INDIVIDUALS\", \"$where\": \"sleep(1000)\"}", 400),
                Arguments.of("a dotted key", "{\"text\": \"t\", \"layer\": \"INDIVIDUALS\", \"evidence.quote\": \"x\"}", 400),
                Arguments.of("a bidirectional control in the text",
                        "{\"text\": \"safe\u202Eetirw\", \"layer\": \"INDIVIDUALS\"}", 400),
                Arguments.of("a string past the string limit within the cap",
                        valid.formatted("z".repeat(HostileJson.MAX_STRING_LENGTH + 1)), 400));
    }

    @ParameterizedTest(name = "{0} is refused with {2} and nothing is stored")
    @MethodSource("hostileBodies")
    void is_refused_and_nothing_is_stored(String what, String body, int status) throws Exception {
        long before = storedCommits();
        HttpResponse<String> answer = post("/api/places/" + placeId + "/insights", body);
        assertThat(answer.statusCode()).as(what + ": " + answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(storedCommits()).as("events stored after " + what).isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    void the_same_insight_without_the_hostile_part_is_recorded() throws Exception {
        long before = storedCommits();
        HttpResponse<String> answer = post("/api/places/" + placeId + "/insights",
                "{\"text\": \"An ordinary insight\", \"layer\": \"INDIVIDUALS\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(storedCommits()).isEqualTo(before + 1);
    }

    private long storedCommits() {
        return store.database().getCollection("events").countDocuments();
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(ANSWER_WITHIN)
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("operator:" + SignedInAsOperator.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return HttpClient.newBuilder().connectTimeout(ANSWER_WITHIN).build().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
