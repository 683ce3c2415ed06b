package org.learninglog.launcher;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.launcher.Api.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reads a client makes before an update answer the subject's version as ETag, and an update
 * that sends that ETag back as If-Match is accepted: the client never works a version out itself.
 */
@LearningLogIntegrationTest
class SubjectVersionsOverHttpTest {

    @Autowired
    TestRestTemplate http;

    private Api api;
    private String placeId;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        placeId = api.registerPlace("Riverside");
    }

    /** Reads until the view has caught up with the write that answered {@code etag}. */
    private Answer readAt(String path, String etag) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get(path), answer -> answer.status() == HttpStatus.OK && etag.equals(answer.headers().getETag()));
    }

    private Answer adoptPractice(String insightId) {
        Answer adopted = api.post("/api/places/" + placeId + "/practices", """
                {"name": "Where we meet", "description": "In the civic centre", "why": "It was free",
                 "insightIds": ["%s"], "forum": "partnership board"}""".formatted(insightId));
        assertThat(adopted.status()).as(adopted.body().toString()).isEqualTo(HttpStatus.CREATED);
        return adopted;
    }

    @Test
    void an_insight_read_answers_the_version_its_revision_sends_back() {
        String insightId = api.recordInsight(placeId, "Residents came to the café");
        String read = readAt("/api/insights/" + insightId, "\"0\"").headers().getETag();

        Answer revised = api.sendIfMatch(HttpMethod.PATCH, "/api/insights/" + insightId, read, """
                {"text": "Residents came to the café, and stayed", "layer": "PLACE_NETWORK", "reason": "Clearer"}""");
        assertThat(revised.status()).as(revised.body().toString()).isEqualTo(HttpStatus.OK);

        Answer now = readAt("/api/insights/" + insightId, revised.headers().getETag());
        assertThat(now.text("text")).isEqualTo("Residents came to the café, and stayed");
        Answer stale = api.sendIfMatch(HttpMethod.POST, "/api/insights/" + insightId + "/retraction", read, """
                {"reason": "From an old screen"}""");
        assertThat(stale.status()).isEqualTo(HttpStatus.CONFLICT);
        Answer retracted = api.sendIfMatch(HttpMethod.POST, "/api/insights/" + insightId + "/retraction",
                now.headers().getETag(), """
                {"reason": "Recorded twice"}""");
        assertThat(retracted.status()).as(retracted.body().toString()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void a_practice_history_answers_the_version_its_next_change_sends_back() {
        String insightId = api.recordInsight(placeId, "Residents came to the café");
        Answer adopted = adoptPractice(insightId);
        String history = "/api/practices/" + adopted.text("practiceId") + "/history";

        Answer adapted = api.sendIfMatch(HttpMethod.POST, history.replace("/history", "/adaptations"),
                readAt(history, adopted.headers().getETag()).headers().getETag(), """
                {"becomes": "In the community café", "why": "Residents came there", "insightIds": ["%s"],
                 "forum": "residents' assembly"}""".formatted(insightId));
        assertThat(adapted.status()).as(adapted.body().toString()).isEqualTo(HttpStatus.CREATED);

        Answer reviewed = api.sendIfMatch(HttpMethod.POST,
                history.replace("/history", "/adaptations/" + adapted.text("adaptationId") + "/reviews"),
                readAt(history, adapted.headers().getETag()).headers().getETag(), """
                {"outcome": "WORKING", "notes": "More came back"}""");
        assertThat(reviewed.status()).as(reviewed.body().toString()).isEqualTo(HttpStatus.CREATED);

        // A review is a version of the practice too: the next change names the one after it.
        Answer retired = api.sendIfMatch(HttpMethod.POST, history.replace("/history", "/retirement"),
                readAt(history, reviewed.headers().getETag()).headers().getETag(), """
                {"why": "Nobody missed it"}""");
        assertThat(retired.status()).as(retired.body().toString()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void a_practice_history_as_it_stood_then_has_no_version_to_change() {
        Answer adopted = adoptPractice(api.recordInsight(placeId, "Residents came to the café"));
        String history = "/api/practices/" + adopted.text("practiceId") + "/history";
        readAt(history, adopted.headers().getETag());

        Answer then = api.get(history + "?asOf=" + Instant.now());

        assertThat(then.status()).isEqualTo(HttpStatus.OK);
        assertThat(then.headers().getETag()).isNull();
    }
}
