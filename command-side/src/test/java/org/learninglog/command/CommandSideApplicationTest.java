package org.learninglog.command;

import org.learninglog.store.testkit.SignedInAsOperator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The command side runs as an application of its own. */
@CommandSideSpringTest
class CommandSideApplicationTest {

    @Autowired
    TestRestTemplate anybody;
    @Autowired
    SignedInAsOperator.Operator operator;

    @Test
    void alone_it_registers_places_and_records_insights_for_them() {
        ResponseEntity<JsonNode> programme = operator.http().postForEntity("/api/programmes", Map.of("name", "North"), JsonNode.class);
        assertThat(programme.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> place = operator.http().postForEntity("/api/places",
                Map.of("programmeId", programme.getBody().path("programmeId").asText(), "name", "Riverside"),
                JsonNode.class);
        assertThat(place.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String placeId = place.getBody().path("placeId").asText();
        assertThat(place.getHeaders().getLocation()).hasPath("/api/places/" + placeId + "/timeline");

        ResponseEntity<JsonNode> insight = operator.http().postForEntity("/api/places/" + placeId + "/insights",
                Map.of("text", "Noticed", "layer", "INDIVIDUALS"), JsonNode.class);
        assertThat(insight.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<JsonNode> unknown = operator.http().postForEntity("/api/places/" + UUID.randomUUID() + "/insights",
                Map.of("text", "Noticed", "layer", "INDIVIDUALS"), JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void alone_it_serves_its_api_description_health_and_metrics() throws Exception {
        // read with a plain mapper: the application's own refuses request bodies over 64 KB, and the description is larger
        JsonNode docs = new ObjectMapper().readTree(operator.http().getForObject("/v3/api-docs", String.class));
        assertThat(docs.path("paths").has("/api/places/{placeId}/insights")).isTrue();
        JsonNode health = operator.http().getForObject("/actuator/health", JsonNode.class);
        assertThat(health.path("status").asText()).as(health.toString()).isEqualTo("UP");
        assertThat(operator.http().getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void alone_it_asks_for_sign_in_before_anything_is_recorded() {
        ResponseEntity<JsonNode> refused = anybody.postForEntity("/api/programmes", Map.of("name", "North"), JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(anybody.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
