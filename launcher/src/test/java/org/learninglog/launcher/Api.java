package org.learninglog.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the HTTP API as a client would: JSON in, JSON out, nothing shared with the server. */
final class Api {

    /** The earliest story day of the programmes the tests register. */
    static final String BACKFILL_FROM = "2020-01-01";

    private static final ObjectMapper JSON = new ObjectMapper();
    static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

    private final TestRestTemplate http;

    Api(TestRestTemplate http) {
        this.http = http;
    }

    /** The answer to one request: status, headers and the body as a JSON tree (empty if none). */
    record Answer(HttpStatus status, HttpHeaders headers, JsonNode body) {

        String text(String field) {
            return body.path(field).asText();
        }

        /** The fields the {@code errors} array of a problem names. */
        List<String> fieldsAtFault() {
            List<String> fields = new ArrayList<>();
            body.path("errors").forEach(error -> fields.add(error.path("field").asText()));
            return fields;
        }

        boolean isProblem() {
            return MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(headers.getContentType());
        }
    }

    Answer post(String path, String json) {
        return send(HttpMethod.POST, path, json, new HttpHeaders());
    }

    /** A write with extra headers, as {@code If-Match} or {@code Idempotency-Key}. */
    Answer send(HttpMethod method, String path, String json, HttpHeaders headers) {
        if (headers.getContentType() == null) {
            // Updates are JSON merge patches (RFC 7396); everything else is plain JSON.
            headers.setContentType(HttpMethod.PATCH.equals(method) ? MERGE_PATCH : MediaType.APPLICATION_JSON);
        }
        return answer(http.exchange(path, method, new HttpEntity<>(json, headers), String.class));
    }

    /** A write carrying the version the client saw as {@code If-Match}. */
    Answer sendIfMatch(HttpMethod method, String path, String ifMatch, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setIfMatch(ifMatch);
        return send(method, path, json, headers);
    }

    /** A write carrying an {@code Idempotency-Key}. */
    Answer postOnce(String path, String key, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotency-Key", key);
        return send(HttpMethod.POST, path, json, headers);
    }

    /**
     * A new programme with the default learning framework; returns its id. Its story may be dated
     * back to {@value #BACKFILL_FROM}: the tests record a past.
     */
    String registerProgramme() {
        Answer answer = post("/api/programmes", """
                {"name": "Programme %s", "backfillFrom": "%s"}""".formatted(UUID.randomUUID(), BACKFILL_FROM));
        assertThat(answer.status()).isEqualTo(HttpStatus.CREATED);
        return answer.text("programmeId");
    }

    /** The signed-in client, for answers that are not JSON. */
    TestRestTemplate http() {
        return http;
    }

    Answer get(String path) {
        return answer(http.exchange(path, HttpMethod.GET, null, String.class));
    }

    private static Answer answer(ResponseEntity<String> response) {
        try {
            JsonNode body = response.getBody() == null ? JSON.createObjectNode() : JSON.readTree(response.getBody());
            return new Answer(HttpStatus.valueOf(response.getStatusCode().value()), response.getHeaders(), body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new place in a new programme; returns its id. */
    String registerPlace(String name) {
        return registerPlace(registerProgramme(), name);
    }

    /** A new place in the programme; returns its id. */
    String registerPlace(String programmeId, String name) {
        Answer answer = post("/api/places", """
                {"programmeId": "%s", "name": "%s"}""".formatted(programmeId, name));
        assertThat(answer.status()).isEqualTo(HttpStatus.CREATED);
        return answer.text("placeId");
    }

    /** Records an insight for the place; returns its id. */
    String recordInsight(String placeId, String text) {
        Answer answer = post("/api/places/" + placeId + "/insights", """
                {"text": "%s", "layer": "PLACE_NETWORK", "principles": ["connected and heard"]}""".formatted(text));
        assertThat(answer.status()).isEqualTo(HttpStatus.CREATED);
        return answer.text("insightId");
    }

    /** The insight ids on the place's timeline, in order; empty while the place is not known yet. */
    List<String> timelineOf(String placeId) {
        Answer answer = get("/api/places/" + placeId + "/timeline");
        List<String> ids = new ArrayList<>();
        if (answer.status() == HttpStatus.OK) {
            answer.body().path("entries").forEach(entry -> ids.add(entry.path("insightId").asText()));
        }
        return ids;
    }
}
