package org.learninglog.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learninglog.query.journey.JourneyProjection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A query side whose view processor stops while events arrive is not ready (a load balancer then
 * sends reads elsewhere), and is ready again once the processor runs and has caught up to within
 * {@code learninglog.views.ready-lag} events; liveness stays UP meanwhile. Reads answered meanwhile say
 * how far the views are behind ({@code X-View-Lag}) and the position they hold; once caught up they
 * say nothing of it. The application runs on a store of its own, so that
 * stopping one of its processors touches no other test.
 */
class ReadinessFollowsViewLagTest {

    private static final int READY_LAG = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void readiness_goes_down_while_a_view_processor_stands_still_under_new_events_and_comes_back_once_it_has_caught_up() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LearningLogApplication.class).run(
                "--server.address=127.0.0.1", "--server.port=0", "--learninglog.store.uri=",
                "--learninglog.store.data-dir=" + data, "--learninglog.demo=off",
                "--spring.config.import=classpath:learninglog-test-accounts.yml",
                "--learninglog.security.rate-limit.requests=0", "--learninglog.views.ready-lag=" + READY_LAG,
                "--learninglog.views.stale-after=1ms")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            TestRestTemplate http = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port))
                    .withBasicAuth("operator", "learning-log-demo");
            Api api = new Api(http);
            String place = api.registerPlace("Lagside");
            await().atMost(Duration.ofSeconds(30)).until(() -> readiness(http).getStatusCode().value() == 200);

            TrackingEventProcessor journey = app.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(JourneyProjection.NAME, TrackingEventProcessor.class).orElseThrow();
            journey.shutDown();
            for (int i = 0; i <= READY_LAG; i++) {
                api.recordInsight(place, "noticed while the journey view was stopped, " + i);
            }

            ResponseEntity<String> behind = readiness(http);
            assertThat(behind.getStatusCode().value()).isEqualTo(503);
            assertThat(JSON.readTree(behind.getBody()).path("status").asText()).isEqualTo("DOWN");
            assertThat(http.getForEntity("/actuator/health/liveness", String.class).getStatusCode().value()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(30)).until(() -> journeyRead(http, place).getHeaders().containsKey("X-View-Lag"));
            ResponseEntity<String> stale = journeyRead(http, place);
            assertThat(stale.getStatusCode().value()).isEqualTo(200);
            assertThat(stale.getHeaders().getFirst("X-View-Lag")).matches("events=\\d+, seconds=\\d+\\.\\d");
            assertThat(Long.parseLong(stale.getHeaders().getFirst("X-View-Position"))).isPositive();

            journey.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> readiness(http).getStatusCode().value() == 200);
            await().atMost(Duration.ofSeconds(30)).until(() -> !journeyRead(http, place).getHeaders().containsKey("X-View-Lag"));
        }
    }

    private static ResponseEntity<String> journeyRead(TestRestTemplate http, String place) {
        return http.getForEntity("/api/places/" + place + "/journey", String.class);
    }

    private static ResponseEntity<String> readiness(TestRestTemplate http) {
        return http.getForEntity("/actuator/health/readiness", String.class);
    }
}
