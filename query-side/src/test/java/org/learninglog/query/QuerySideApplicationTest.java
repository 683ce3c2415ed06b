package org.learninglog.query;

import org.learninglog.store.testkit.SignedInAsOperator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.query.place.PlaceListProjection;
import org.learninglog.query.timeline.PlaceTimelineProjection;
import org.learninglog.query.view.ViewBatches;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The query side runs as an application of its own, projecting whatever the store holds. */
@QuerySideSpringTest
@AutoConfigureObservability(tracing = false)
class QuerySideApplicationTest {

    @Autowired
    TestRestTemplate anybody;
    @Autowired
    SignedInAsOperator.Operator operator;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void each_projection_is_a_tracking_processor_of_its_own() {
        assertThat(processing.eventProcessor(PlaceTimelineProjection.NAME, TrackingEventProcessor.class)).isPresent();
        assertThat(processing.eventProcessor(PlaceListProjection.NAME, TrackingEventProcessor.class)).isPresent();
        // and writes a batch of events at once
        assertThat(processing.eventProcessor(PlaceListProjection.NAME, TrackingEventProcessor.class).orElseThrow()
                .getHandlerInterceptors()).hasAtLeastOneElementOfType(ViewBatches.class);
    }

    @Test
    void alone_it_projects_a_place_registered_by_somebody_else_into_its_timeline() {
        String placeId = UUID.randomUUID().toString();
        // As the command side would append it, from another process.
        eventStore.publish(new GenericDomainEventMessage<>("Place", placeId, 0,
                new PlaceRegistered(placeId, "programme-1", "Riverside", Instant.now())));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            ResponseEntity<JsonNode> timeline = operator.http().getForEntity("/api/places/" + placeId + "/timeline", JsonNode.class);
            assertThat(timeline.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(timeline.getBody().path("name").asText()).isEqualTo("Riverside");
        });
    }

    @Test
    void an_unknown_place_has_no_timeline_and_says_so_as_a_problem() {
        ResponseEntity<String> answer = operator.http().getForEntity("/api/places/" + UUID.randomUUID() + "/timeline", String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void each_views_lag_behind_the_store_is_a_gauge_and_on_the_operators_list_of_views() {
        String placeId = UUID.randomUUID().toString();
        eventStore.publish(new GenericDomainEventMessage<>("Place", placeId, 0,
                new PlaceRegistered(placeId, "programme-lag", "Lagside", Instant.now())));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode views = operator.http().getForObject("/api/admin/views", JsonNode.class);
            assertThat(views.findValuesAsText("view")).contains(PlaceTimelineProjection.NAME, PlaceListProjection.NAME);
            String metrics = operator.http().getForObject("/actuator/prometheus", String.class);
            for (JsonNode view : views) {
                String name = view.path("view").asText();
                long head = view.path("head").asLong();
                assertThat(head).as("head").isPositive();
                assertThat(view.path("position").asLong()).as("%s position", name).isEqualTo(head);
                assertThat(view.path("lagEvents").asLong()).as("%s lag", name).isZero();
                assertThat(view.path("lagSeconds").asDouble()).as("%s lag in seconds", name).isZero();
                assertThat(gauge(metrics, "learninglog_view_position", name)).as("%s position gauge", name).isEqualTo(head);
                assertThat(gauge(metrics, "learninglog_view_head", name)).as("%s head gauge", name).isEqualTo(head);
                assertThat(gauge(metrics, "learninglog_view_lag_events", name)).as("%s lag gauge", name).isZero();
                assertThat(gauge(metrics, "learninglog_view_lag_seconds", name)).as("%s lag in seconds gauge", name).isZero();
            }
        });
    }

    /** The value of gauge {@code metric} for {@code view} in the Prometheus text. */
    private static double gauge(String metrics, String metric, String view) {
        Matcher line = Pattern.compile("(?m)^" + metric + "\\{[^}]*view=\"" + Pattern.quote(view) + "\"[^}]*} (\\S+)$").matcher(metrics);
        assertThat(line.find()).as("%s{view=\"%s\"} is served", metric, view).isTrue();
        return Double.parseDouble(line.group(1));
    }

    @Test
    void alone_it_serves_its_api_description_health_and_metrics() throws Exception {
        // read with a plain mapper: the application's own refuses request bodies over 64 KB, and the description is larger
        JsonNode docs = new ObjectMapper().readTree(operator.http().getForObject("/v3/api-docs", String.class));
        assertThat(docs.path("paths").has("/api/places/{placeId}/timeline")).isTrue();
        assertThat(operator.http().getForObject("/actuator/health", JsonNode.class).path("status").asText()).isEqualTo("UP");
        assertThat(operator.http().getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
