package org.learninglog.command.retry;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.learninglog.command.CommandSideApplication;
import org.learninglog.command.CommandSideSpringTest;
import org.learninglog.store.testkit.SignedInAsOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command sides on one store, each with its own aggregate cache (a second application context
 * in this JVM, over HTTP like the first): a command on an aggregate that the other side changed
 * since this side cached it succeeds on a retry with fresh state, and only a client's own stale
 * {@code If-Match} is answered 409.
 */
@CommandSideSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoCommandSidesTest {

    @Autowired
    SignedInAsOperator.Operator first;
    private ConfigurableApplicationContext secondSide;
    private TestRestTemplate second;

    @BeforeAll
    void startTheSecondSide() {
        secondSide = new SpringApplicationBuilder(CommandSideApplication.class)
                // the package scan finds this module's test configurations too, which want a test client
                .initializers(context -> ((GenericApplicationContext) context).registerBean(TestRestTemplate.class,
                        () -> new TestRestTemplate(new RestTemplateBuilder())))
                .run("--server.port=0", "--server.address=127.0.0.1", "--learninglog.security.demo-accounts-forced=true");
        String port = secondSide.getEnvironment().getProperty("local.server.port");
        second = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port))
                .withBasicAuth(SignedInAsOperator.NAME, SignedInAsOperator.PASSWORD);
    }

    @AfterAll
    void stopTheSecondSide() {
        secondSide.close();
    }

    @Test
    void a_stale_cache_entry_costs_a_retry_and_a_stale_if_match_is_a_conflict() {
        String programme = first.http().postForObject("/api/programmes", Map.of("name", "North"), JsonNode.class)
                .path("programmeId").asText();
        String place = first.http().postForObject("/api/places", Map.of("programmeId", programme, "name", "Riverside"),
                JsonNode.class).path("placeId").asText();
        String insight = first.http().postForObject("/api/places/" + place + "/insights",
                Map.of("text", "Noticed", "layer", "INDIVIDUALS"), JsonNode.class).path("insightId").asText();

        ResponseEntity<JsonNode> firstRevision = revise(first.http(), insight, 0, "first");
        assertThat(firstRevision.getStatusCode()).as("%s", firstRevision.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(firstRevision.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(revise(second, insight, 1, "second").getHeaders().getETag()).isEqualTo("\"2\"");

        // the first side cached version 1; the client read version 2 and sends it
        ResponseEntity<JsonNode> afterStaleCache = revise(first.http(), insight, 2, "third");
        assertThat(afterStaleCache.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(afterStaleCache.getHeaders().getETag()).isEqualTo("\"3\"");

        // the second side cached version 2 and so did this client: a true conflict, named as such
        ResponseEntity<JsonNode> stale = revise(second, insight, 2, "fourth");
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getBody().path("title").asText()).isEqualTo("Stale version");
        assertThat(revise(second, insight, 3, "fourth").getHeaders().getETag()).isEqualTo("\"4\"");
    }

    private static ResponseEntity<JsonNode> revise(TestRestTemplate http, String insight, long version, String text) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("application/merge-patch+json"));
        headers.setIfMatch("\"" + version + "\"");
        return http.exchange("/api/insights/" + insight, HttpMethod.PATCH, new HttpEntity<>(Map.of("text", text, "reason", "clearer"), headers),
                JsonNode.class);
    }
}
