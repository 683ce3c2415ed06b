package org.learninglog.launcher;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.launcher.Api.Answer;
import org.learninglog.store.MongoStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The first slice end to end over real HTTP: register a place, record an insight, read the timeline. */
@LearningLogIntegrationTest
class RecordingInsightsOverHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    MongoStore store;

    private Api api;
    private String placeId;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        placeId = api.registerPlace("Riverside");
    }

    private long storedEvents() {
        return store.database().getCollection("events").countDocuments();
    }

    @Test
    void a_recorded_insight_appears_on_its_places_timeline() {
        Answer recorded = api.post("/api/places/" + placeId + "/insights", """
                {"text": "Residents came when the meeting moved to the school gate",
                 "layer": "PLACE_NETWORK", "principles": ["connected and heard"], "themes": ["power"],
                 "happenedOn": "2024-09-12"}""");

        assertThat(recorded.status()).isEqualTo(HttpStatus.CREATED);
        String insightId = recorded.text("insightId");
        assertThat(recorded.headers().getLocation()).hasPath("/api/insights/" + insightId);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(api.timelineOf(placeId)).containsExactly(insightId));
        Answer timeline = api.get("/api/places/" + placeId + "/timeline");
        assertThat(timeline.text("name")).isEqualTo("Riverside");
        assertThat(timeline.body().path("total").asLong()).isEqualTo(1);
        assertThat(timeline.body().path("page").asInt()).isZero();
        assertThat(timeline.body().path("size").asInt()).isEqualTo(50);
        Answer insight = api.get(recorded.headers().getLocation().getPath());
        assertThat(insight.status()).isEqualTo(HttpStatus.OK);
        assertThat(insight.headers().getETag()).isEqualTo("\"0\"");
        Answer entry = api.get("/api/places/" + placeId + "/insights/" + insightId);
        assertThat(entry.status()).isEqualTo(HttpStatus.OK);
        assertThat(entry.text("text")).isEqualTo("Residents came when the meeting moved to the school gate");
        assertThat(entry.text("happenedOn")).isEqualTo("2024-09-12");
        assertThat(entry.body().path("tags")).hasSize(2);
    }

    @Test
    void a_registered_place_is_listed_in_its_programme_and_its_timeline_is_where_location_says() {
        String programmeId = api.registerProgramme();
        Answer registered = api.post("/api/places", """
                {"programmeId": "%s", "name": "Hillside"}""".formatted(programmeId));

        assertThat(registered.status()).isEqualTo(HttpStatus.CREATED);
        String hillside = registered.text("placeId");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(api.get(registered.headers().getLocation().getPath()).status()).isEqualTo(HttpStatus.OK);
            Answer list = api.get("/api/places?programmeId=" + programmeId);
            assertThat(list.body()).hasSize(1);
            assertThat(list.body().get(0).path("placeId").asText()).isEqualTo(hillside);
        });
    }

    @Test
    void malformed_json_is_a_bad_request_and_stores_nothing() {
        long before = storedEvents();

        Answer answer = api.post("/api/places/" + placeId + "/insights", "{\"text\": \"unfinished");

        assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.text("detail")).contains("not valid JSON");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void missing_text_is_a_bad_request_naming_the_field_and_stores_nothing() {
        long before = storedEvents();

        Answer answer = api.post("/api/places/" + placeId + "/insights", "{\"layer\": \"INDIVIDUALS\", \"principles\": [\"able to influence\"]}");

        assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.fieldsAtFault()).containsExactly("text");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void oversized_text_is_a_bad_request_naming_the_field_and_stores_nothing() {
        long before = storedEvents();

        Answer answer = api.post("/api/places/" + placeId + "/insights",
                "{\"layer\": \"INDIVIDUALS\", \"text\": \"" + "x".repeat(4001) + "\"}");

        assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.fieldsAtFault()).containsExactly("text");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void too_many_and_too_long_principles_are_a_bad_request_naming_each_field() {
        long before = storedEvents();
        String many = "\"a\",".repeat(50);

        Answer answer = api.post("/api/places/" + placeId + "/insights", """
                {"text": "Noticed", "layer": "INDIVIDUALS", "principles": [%s"%s"]}""".formatted(many, "t".repeat(101)));

        assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.fieldsAtFault()).containsExactlyInAnyOrder("principles", "principles[50]");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_date_in_the_wrong_format_is_a_bad_request_naming_the_field() {
        long before = storedEvents();

        Answer answer = api.post("/api/places/" + placeId + "/insights", """
                {"text": "Noticed", "layer": "INDIVIDUALS", "happenedOn": "12/09/2024"}""");

        assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.fieldsAtFault()).containsExactly("happenedOn");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void an_unknown_place_is_not_found_naming_the_place_and_stores_nothing() {
        long before = storedEvents();

        Answer answer = api.post("/api/places/" + UUID.randomUUID() + "/insights", "{\"text\": \"Noticed\", \"layer\": \"INDIVIDUALS\"}");

        assertThat(answer.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.fieldsAtFault()).containsExactly("placeId");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void an_insight_id_used_as_a_place_id_is_an_unknown_place() {
        String insightId = api.recordInsight(placeId, "Noticed");
        long before = storedEvents();

        Answer answer = api.post("/api/places/" + insightId + "/insights", "{\"text\": \"Noticed\", \"layer\": \"INDIVIDUALS\"}");

        assertThat(answer.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.fieldsAtFault()).containsExactly("placeId");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void an_insight_dated_in_the_future_is_a_bad_request_naming_the_day_and_stores_nothing() {
        long before = storedEvents();

        Answer answer = api.post("/api/places/" + placeId + "/insights", """
                {"text": "Noticed", "layer": "INDIVIDUALS", "happenedOn": "%s"}""".formatted(LocalDate.now().plusDays(3)));

        assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.fieldsAtFault()).containsExactly("happenedOn");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_place_without_a_name_or_programme_is_a_bad_request_naming_both() {
        long before = storedEvents();

        Answer answer = api.post("/api/places", "{\"name\": \" \"}");

        assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.fieldsAtFault()).containsExactlyInAnyOrder("name", "programmeId");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void an_unknown_timeline_is_not_found_as_a_problem() {
        Answer answer = api.get("/api/places/" + UUID.randomUUID() + "/timeline");

        assertThat(answer.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.fieldsAtFault()).containsExactly("placeId");
    }

    @Test
    void an_unknown_address_and_a_wrong_method_are_problems_too() {
        Answer nowhere = api.get("/api/nowhere");
        assertThat(nowhere.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(nowhere.isProblem()).isTrue();

        Answer wrongMethod = api.get("/api/places/" + placeId + "/insights");
        assertThat(wrongMethod.status()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(wrongMethod.isProblem()).isTrue();
    }

    @Test
    void listing_places_without_a_programme_is_a_bad_request_naming_it() {
        Answer answer = api.get("/api/places");

        assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.fieldsAtFault()).containsExactly("programmeId");
    }

    @Test
    void the_api_description_health_and_metrics_are_served() {
        Answer docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(HttpStatus.OK);
        assertThat(docs.body().path("paths").has("/api/places/{placeId}/insights")).isTrue();
        assertThat(docs.body().path("paths").has("/api/places/{placeId}/timeline")).isTrue();
        assertThat(api.get("/actuator/health").text("status")).isEqualTo("UP");
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(http.getForEntity("/actuator/metrics", String.class).getStatusCode().is2xxSuccessful()).isTrue();
    }
}
