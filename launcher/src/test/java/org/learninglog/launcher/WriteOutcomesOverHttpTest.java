package org.learninglog.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.store.MongoStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client can always learn of its writes: an idempotency key is its own member's, a key left
 * by an attempt that died is answered from the store or freed after its lease, and any write can be
 * looked up by its command id.
 */
@LearningLogIntegrationTest
class WriteOutcomesOverHttpTest {

    private static final String PROGRAMME = "outcome-programme";
    private static final String PLACE_A = "outcome-place-a";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    @Autowired
    MongoStore store;

    record Reply(int status, HttpHeaders headers, JsonNode body) {
        String text(String field) {
            return body.path(field).asText();
        }
    }

    @BeforeEach
    void setUp() {
        if (as("operator", HttpMethod.GET, "/api/programmes/" + PROGRAMME + "/framework", null, null).status() == 404) {
            assertThat(as("operator", HttpMethod.POST, "/api/programmes", """
                    {"id": "%s", "name": "Outcome programme"}""".formatted(PROGRAMME), null).status()).isEqualTo(201);
            for (String place : List.of(PLACE_A, "outcome-place-b")) {
                assertThat(as("operator", HttpMethod.POST, "/api/places", """
                        {"id": "%s", "programmeId": "%s", "name": "%s"}""".formatted(place, PROGRAMME, place), null)
                        .status()).isEqualTo(201);
            }
        }
    }

    private Reply as(String member, HttpMethod method, String path, String json, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(member, SignedInAsOperator.PASSWORD);
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        ResponseEntity<String> response = http.exchange(path, method, new HttpEntity<>(json, headers), String.class);
        try {
            return new Reply(response.getStatusCode().value(), response.getHeaders(),
                    response.getBody() == null ? JSON.createObjectNode() : JSON.readTree(response.getBody()));
        } catch (IOException e) {
            throw new IllegalStateException(response.getBody(), e);
        }
    }

    private static String insight(String text) {
        return """
                {"text": "%s", "layer": "PLACE_NETWORK"}""".formatted(text);
    }

    private MongoCollection<Document> claims() {
        return store.database().getCollection("idempotency_keys");
    }

    private long storedCommits() {
        return store.database().getCollection("events").countDocuments();
    }

    @Test
    void another_members_same_key_gets_their_own_answer_never_the_first_members() {
        String key = UUID.randomUUID().toString();
        String body = insight("Residents chose the café");
        Reply first = as("outcome-member-a", HttpMethod.POST, "/api/places/" + PLACE_A + "/insights", body, key);
        assertThat(first.status()).isEqualTo(201);

        Reply otherMember = as("outcome-member-b", HttpMethod.POST, "/api/places/" + PLACE_A + "/insights", body, key);
        Reply funder = as("outcome-funder", HttpMethod.POST, "/api/places/" + PLACE_A + "/insights", body, key);

        assertThat(otherMember.status()).isEqualTo(403);
        assertThat(funder.status()).isEqualTo(403);
        assertThat(otherMember.body().toString()).doesNotContain(first.text("insightId"));
        assertThat(funder.body().toString()).doesNotContain(first.text("insightId"));
        assertThat(otherMember.headers().getFirst("Idempotent-Replayed")).isNull();
    }

    @Test
    void a_write_is_found_by_its_command_id_by_the_member_who_sent_it_only() {
        Reply written = as("outcome-member-a", HttpMethod.POST, "/api/places/" + PLACE_A + "/insights",
                insight("Found by its command id"), null);
        String commandId = written.headers().getFirst("X-Command-Id");
        assertThat(commandId).isNotBlank().isEqualTo(written.headers().getFirst("X-Request-Id"));

        Reply found = as("outcome-member-a", HttpMethod.GET, "/api/commands/" + commandId, null, null);
        Reply asked = as("outcome-member-b", HttpMethod.GET, "/api/commands/" + commandId, null, null);
        Reply unknown = as("outcome-member-a", HttpMethod.GET, "/api/commands/" + UUID.randomUUID(), null, null);

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.text("state")).isEqualTo("stored");
        assertThat(found.text("subject")).isEqualTo(written.text("insightId"));
        assertThat(found.body().path("version").asLong()).isZero();
        assertThat(asked.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** What a process killed between storing a write's events and saving its answer leaves behind. */
    private void loseAnswer(Reply first) {
        claims().updateOne(new Document("commandId", first.headers().getFirst("X-Command-Id")),
                new Document("$unset", new Document("answer", "")).append("$set", new Document("state", "running")
                        .append("leaseUntil", Date.from(Instant.now().plusSeconds(3600)))));
    }

    @Test
    void a_create_whose_answer_was_lost_after_its_events_were_stored_answers_as_it_first_did() {
        String key = UUID.randomUUID().toString();
        String body = insight("Stored, then the process died");
        Reply first = as("outcome-member-a", HttpMethod.POST, "/api/places/" + PLACE_A + "/insights", body, key);
        assertThat(first.status()).isEqualTo(201);
        loseAnswer(first);
        long before = storedCommits();

        Reply again = as("outcome-member-a", HttpMethod.POST, "/api/places/" + PLACE_A + "/insights", body, key);
        Reply state = as("outcome-member-a", HttpMethod.GET, "/api/idempotency-keys/" + key, null, null);
        Reply thirdTime = as("outcome-member-a", HttpMethod.POST, "/api/places/" + PLACE_A + "/insights", body, key);

        for (Reply replayed : List.of(again, thirdTime)) {
            assertThat(replayed.status()).isEqualTo(201);
            assertThat(replayed.headers().getLocation()).isEqualTo(first.headers().getLocation());
            assertThat(replayed.body()).isEqualTo(first.body());
            assertThat(replayed.headers().getETag()).isEqualTo(first.headers().getETag());
            assertThat(replayed.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
            assertThat(replayed.headers().getFirst("X-Command-Id")).isEqualTo(first.headers().getFirst("X-Command-Id"));
        }
        assertThat(first.headers().getFirst("Idempotent-Replayed")).isNull();
        assertThat(storedCommits()).isEqualTo(before);
        assertThat(state.text("state")).isEqualTo("answered");
        assertThat(state.body().path("status").asInt()).isEqualTo(201);
    }

    @Test
    void an_item_added_whose_answer_was_lost_answers_with_the_number_it_was_first_given() {
        String insightId = as("outcome-member-a", HttpMethod.POST, "/api/places/" + PLACE_A + "/insights",
                insight("Residents came to the café"), null).text("insightId");
        Reply shared = as("operator", HttpMethod.POST, "/api/programmes/" + PROGRAMME + "/shared-learnings", """
                {"placeId": "%s", "title": "Meet where people are", "summary": "We moved the meeting",
                 "audience": {"wholeProgramme": true}, "insightIds": ["%s"]}""".formatted(PLACE_A, insightId), null);
        assertThat(shared.status()).as(shared.body().toString()).isEqualTo(201);
        String responses = "/api/shared-learnings/" + shared.text("sharedLearningId") + "/responses";
        String question = """
                {"kind": "QUESTION", "text": "How did you start?"}""";
        String key = UUID.randomUUID().toString();
        Reply firstResponse = as("operator", HttpMethod.POST, responses, question, null);
        Reply second = as("operator", HttpMethod.POST, responses, question, key);
        loseAnswer(second);
        Reply third = as("operator", HttpMethod.POST, responses, question, null);

        Reply again = as("operator", HttpMethod.POST, responses, question, key);

        assertThat(firstResponse.headers().getLocation()).hasPath(responses + "/1");
        assertThat(second.headers().getLocation()).hasPath(responses + "/2");
        assertThat(third.headers().getLocation()).hasPath(responses + "/3");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.headers().getLocation()).isEqualTo(second.headers().getLocation());
        assertThat(again.body()).isEqualTo(second.body());
        assertThat(again.headers().getETag()).isEqualTo(second.headers().getETag());
        assertThat(again.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void a_key_held_by_an_attempt_that_died_before_storing_is_busy_until_its_lease_ends_then_runs_once() {
        String key = UUID.randomUUID().toString();
        String body = insight("The process died before storing");
        Reply probe = as("outcome-member-a", HttpMethod.POST, "/api/places/" + PLACE_A + "/insights", body, key);
        String commandId = probe.headers().getFirst("X-Command-Id");
        // Replace the answered claim by one of an attempt that died before its command stored anything.
        String deadCommand = UUID.randomUUID().toString();
        Document claim = claims().find(new Document("commandId", commandId)).first();
        claims().updateOne(new Document("_id", claim.get("_id")), new Document("$unset", new Document("answer", ""))
                .append("$set", new Document("state", "running").append("commandId", deadCommand)
                        .append("leaseUntil", Date.from(Instant.now().plusSeconds(3600)))));

        Reply busy = as("outcome-member-a", HttpMethod.POST, "/api/places/" + PLACE_A + "/insights", body, key);
        Reply running = as("outcome-member-a", HttpMethod.GET, "/api/idempotency-keys/" + key, null, null);
        claims().updateOne(new Document("_id", claim.get("_id")),
                new Document("$set", new Document("leaseUntil", Date.from(Instant.now().minusSeconds(1)))));
        Reply afterLease = as("outcome-member-a", HttpMethod.POST, "/api/places/" + PLACE_A + "/insights", body, key);
        Reply replayed = as("outcome-member-a", HttpMethod.POST, "/api/places/" + PLACE_A + "/insights", body, key);

        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.headers().getFirst("Retry-After")).isNotBlank();
        assertThat(running.text("state")).isEqualTo("running");
        assertThat(afterLease.status()).isEqualTo(201);
        assertThat(afterLease.headers().getFirst("X-Command-Id")).isEqualTo(deadCommand);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.text("insightId")).isEqualTo(afterLease.text("insightId"));
        assertThat(as("outcome-member-a", HttpMethod.GET, "/api/commands/" + deadCommand, null, null).text("subject"))
                .isEqualTo(afterLease.text("insightId"));
    }

    @Test
    void a_key_whose_last_attempt_failed_runs_again_at_once_under_the_same_command() {
        String key = UUID.randomUUID().toString();
        String body = insight("The store was away");
        Reply probe = as("outcome-member-a", HttpMethod.POST, "/api/places/" + PLACE_A + "/insights", body, key);
        Document claim = claims().find(new Document("commandId", probe.headers().getFirst("X-Command-Id"))).first();
        String failedCommand = UUID.randomUUID().toString();
        claims().updateOne(new Document("_id", claim.get("_id")), new Document("$unset", new Document("answer", ""))
                .append("$set", new Document("state", "failed").append("commandId", failedCommand)
                        .append("leaseUntil", Date.from(Instant.now().plusSeconds(3600)))));

        Reply again = as("outcome-member-a", HttpMethod.POST, "/api/places/" + PLACE_A + "/insights", body, key);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.headers().getFirst("X-Command-Id")).isEqualTo(failedCommand);
    }

    @Test
    void every_error_is_a_problem_naming_its_request_and_no_internals() {
        Reply unknownAddress = as("operator", HttpMethod.GET, "/api/no-such-thing", null, null);
        Reply wrongMethod = as("operator", HttpMethod.DELETE, "/api/places", null, null);
        HttpHeaders plain = new HttpHeaders();
        plain.setBasicAuth("operator", SignedInAsOperator.PASSWORD);
        plain.setContentType(MediaType.TEXT_PLAIN);
        ResponseEntity<String> wrongType = http.exchange("/api/places", HttpMethod.POST, new HttpEntity<>("hello", plain),
                String.class);
        ResponseEntity<String> serverError = http.getForEntity("/error", String.class);

        for (Reply reply : List.of(unknownAddress, wrongMethod)) {
            assertThat(reply.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(reply.text("requestId")).isEqualTo(reply.headers().getFirst("X-Request-Id"));
        }
        assertThat(unknownAddress.status()).isEqualTo(404);
        assertThat(unknownAddress.text("detail")).doesNotContain("static resource");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongType.getStatusCode().value()).isEqualTo(415);
        assertThat(wrongType.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(serverError.getStatusCode().value()).isEqualTo(500);
        assertThat(serverError.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(serverError.getBody()).doesNotContain("Exception", "trace", "\"error\"");
    }
}
