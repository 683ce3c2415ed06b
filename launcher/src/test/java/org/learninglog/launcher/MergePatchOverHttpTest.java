package org.learninglog.launcher;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.launcher.Api.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Updates are JSON merge patches (RFC 7396): what a patch leaves out is kept, {@code null} clears
 * an optional field and is refused on a required one, and the old whole-replacement PUT is gone.
 */
@LearningLogIntegrationTest
class MergePatchOverHttpTest {

    @Autowired
    TestRestTemplate http;

    private Api api;
    private String programmeId;
    private String placeId;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        programmeId = api.registerProgramme();
        placeId = api.registerPlace(programmeId, "Riverside");
    }

    private String fullyTaggedInsight() {
        Answer recorded = api.post("/api/places/" + placeId + "/insights", """
                {"text": "Residents came when the meeting moved to the school gate", "layer": "PLACE_NETWORK",
                 "sphere": "COMMUNITY", "principles": ["connected and heard"], "themes": ["power"], "source": "workshop"}""");
        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(HttpStatus.CREATED);
        return recorded.text("insightId");
    }

    private Answer insightAt(String insightId, String version) {
        Answer[] read = new Answer[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            read[0] = api.get("/api/insights/" + insightId);
            assertThat(read[0].headers().getETag()).isEqualTo(version);
        });
        return read[0];
    }

    @Test
    void revising_the_text_alone_keeps_the_sphere_principles_themes_and_source() {
        String insightId = fullyTaggedInsight();

        Answer revised = api.sendIfMatch(HttpMethod.PATCH, "/api/insights/" + insightId, "\"0\"", """
                {"text": "Parents came when the meeting moved to the school gate at 3pm", "reason": "More precise"}""");

        assertThat(revised.status()).as(revised.body().toString()).isEqualTo(HttpStatus.OK);
        assertThat(revised.headers().getETag()).isEqualTo("\"1\"");
        Answer now = insightAt(insightId, "\"1\"");
        assertThat(now.text("text")).isEqualTo("Parents came when the meeting moved to the school gate at 3pm");
        assertThat(now.text("layer")).isEqualTo("PLACE_NETWORK");
        assertThat(now.text("sphere")).isEqualTo("COMMUNITY");
        assertThat(now.body().path("principles").toString()).isEqualTo("[\"connected and heard\"]");
        assertThat(now.body().path("themes").toString()).isEqualTo("[\"power\"]");
        assertThat(now.text("source")).isEqualTo("workshop");
    }

    @Test
    void null_clears_an_optional_field_and_keeps_the_rest() {
        String insightId = fullyTaggedInsight();

        Answer revised = api.sendIfMatch(HttpMethod.PATCH, "/api/insights/" + insightId, "\"0\"", """
                {"sphere": null, "source": null, "reason": "Not about the community after all"}""");

        assertThat(revised.status()).as(revised.body().toString()).isEqualTo(HttpStatus.OK);
        Answer now = insightAt(insightId, "\"1\"");
        assertThat(now.body().path("sphere").isNull()).isTrue();
        assertThat(now.body().path("source").isNull()).isTrue();
        assertThat(now.text("text")).isEqualTo("Residents came when the meeting moved to the school gate");
        assertThat(now.body().path("themes").toString()).isEqualTo("[\"power\"]");
    }

    @Test
    void null_on_a_required_field_is_a_bad_request_naming_it() {
        String insightId = fullyTaggedInsight();

        Answer refused = api.sendIfMatch(HttpMethod.PATCH, "/api/insights/" + insightId, "\"0\"", """
                {"text": null, "reason": "Oops"}""");

        assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.fieldsAtFault()).containsExactly("text");
        assertThat(refused.body().path("errors").get(0).path("message").asText()).contains("cannot be cleared");
    }

    @Test
    void changing_the_themes_of_the_framework_keeps_its_principles_and_sources() {
        Answer before = api.get("/api/programmes/" + programmeId + "/framework");
        // Version 2: registered (0), framework defined (1), backfill period allowed (2).
        assertThat(before.headers().getETag()).isEqualTo("\"2\"");

        Answer changed = api.sendIfMatch(HttpMethod.PATCH, "/api/programmes/" + programmeId + "/framework", "\"2\"", """
                {"themes": ["power", "money"], "reason": "A theme for money"}""");

        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(HttpStatus.OK);
        Answer after = api.get("/api/programmes/" + programmeId + "/framework");
        assertThat(after.headers().getETag()).isEqualTo("\"3\"");
        assertThat(after.body().path("themes").toString()).isEqualTo("[\"power\",\"money\"]");
        assertThat(after.body().path("principles")).isEqualTo(before.body().path("principles"));
        assertThat(after.body().path("sources")).isEqualTo(before.body().path("sources"));

        Answer refused = api.sendIfMatch(HttpMethod.PATCH, "/api/programmes/" + programmeId + "/framework", "\"3\"", """
                {"principles": null, "reason": "Oops"}""");
        assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.fieldsAtFault()).containsExactly("principles");
    }

    @Test
    void the_old_put_is_gone_and_plain_json_is_not_a_merge_patch() {
        String insightId = fullyTaggedInsight();

        Answer put = api.sendIfMatch(HttpMethod.PUT, "/api/insights/" + insightId, "\"0\"", """
                {"text": "Replaced", "layer": "INDIVIDUALS", "reason": "Whole"}""");
        assertThat(put.status()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(put.isProblem()).isTrue();
        assertThat(put.headers().getAllow()).contains(HttpMethod.PATCH);

        HttpHeaders json = new HttpHeaders();
        json.setIfMatch("\"0\"");
        json.setContentType(MediaType.APPLICATION_JSON);
        Answer plain = api.send(HttpMethod.PATCH, "/api/insights/" + insightId, """
                {"text": "Reworded", "reason": "Clearer"}""", json);
        assertThat(plain.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(plain.isProblem()).isTrue();
    }
}
