package org.learninglog.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.learninglog.store.MongoStore;
import org.learninglog.store.StoreMode;
import org.learninglog.store.testkit.MongoStoreExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The launcher as a user runs it, on the embedded store in a folder of its own, stopped and
 * started again on the same folder: what was recorded is still there, once.
 */
@ExtendWith(MongoStoreExtension.class)
class RestartTest {

    @TempDir
    Path dataDir;

    /** Command-line arguments outrank the system properties the store extension sets. */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LearningLogApplication.class).run(
                "--learninglog.store.uri=",
                "--learninglog.store.data-dir=" + dataDir,
                "--server.port=0",
                "--learninglog.demo=off", "--spring.config.import=classpath:learninglog-test-accounts.yml");
    }

    private static Api api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Api(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)
                .basicAuthentication("operator", SignedInAsOperator.PASSWORD)));
    }

    @Test
    void after_a_restart_on_the_same_folder_the_timeline_holds_each_insight_once_and_the_place_still_takes_insights() {
        String placeId;
        String before;
        try (ConfigurableApplicationContext first = start()) {
            assertThat(first.getBean(MongoStore.class).mode()).isEqualTo(StoreMode.EMBEDDED);
            Api api = api(first);
            placeId = api.registerPlace("Riverside");
            before = api.recordInsight(placeId, "Recorded before the restart");
            await().atMost(Duration.ofSeconds(15)).until(() -> api.timelineOf(placeId).contains(before));
        }

        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
            assertThat(api.timelineOf(placeId)).containsExactly(before);

            String after = api.recordInsight(placeId, "Recorded after the restart");

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(api.timelineOf(placeId)).containsExactlyInAnyOrder(before, after));
        }
    }

    @Test
    void an_idempotency_key_sent_again_after_a_restart_answers_the_first_answer_and_stores_nothing_new() {
        String key = java.util.UUID.randomUUID().toString();
        String body = """
                {"text": "Sent once, retried after a restart", "layer": "INDIVIDUALS"}""";
        String placeId;
        Api.Answer first;
        try (ConfigurableApplicationContext before = start()) {
            Api api = api(before);
            placeId = api.registerPlace("Riverside");
            first = api.postOnce("/api/places/" + placeId + "/insights", key, body);
            assertThat(first.status()).isEqualTo(org.springframework.http.HttpStatus.CREATED);
        }

        try (ConfigurableApplicationContext after = start()) {
            Api api = api(after);
            long commits = after.getBean(MongoStore.class).database().getCollection("events").countDocuments();

            Api.Answer again = api.postOnce("/api/places/" + placeId + "/insights", key, body);

            assertThat(again.status()).isEqualTo(first.status());
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(after.getBean(MongoStore.class).database().getCollection("events").countDocuments())
                    .isEqualTo(commits);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(api.timelineOf(placeId)).containsExactly(first.text("insightId")));
        }
    }
}
