package org.learninglog.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.learninglog.launcher.Api.Answer;
import org.learninglog.store.MongoStore;
import org.learninglog.store.integrity.EventChain;
import org.learninglog.store.integrity.Sealer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The decision audit names every event behind a decision by its global position and its seal in
 * the programme's hash chain: the decision, each cited insight's versions (before and after the
 * decision), the changes since, the reviews. Before the sealer reaches an event it reads
 * {@code "sealed": false}; after, its hash is the one in {@code seals} and the last one is the
 * head that {@code /integrity} reports.
 */
@LearningLogIntegrationTest
class DecisionAuditChainOverHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventChain chain;
    @Autowired
    Sealer sealer;
    @Autowired
    MongoStore store;

    @Test
    void every_event_behind_a_decision_shows_its_position_and_seal_and_unsealed_ones_say_so() throws Exception {
        Api api = new Api(http);
        String programmeId = api.registerProgramme();
        String placeId = api.registerPlace(programmeId, "Harbourside");
        String personId = api.post("/api/programmes/" + programmeId + "/people", """
                {"placeId": "%s", "role": "PLACE_MEMBER", "name": "Perpetua Gorringe", "mayBeQuoted": true}""".formatted(placeId))
                .text("personId");
        String cited = api.post("/api/places/" + placeId + "/insights", """
                {"text": "Fishermen came to the early meeting", "layer": "PLACE_NETWORK", "evidence":
                 {"personId": "%s", "quote": "we are up at four anyway", "consent": true}}""".formatted(personId)).text("insightId");
        String other = api.recordInsight(placeId, "The harbour office is a good venue");
        String practiceId = api.post("/api/places/" + placeId + "/practices", """
                {"name": "Early meetings", "description": "Meet at seven", "why": "People came", "insightIds": ["%s"],
                 "forum": "Harbour forum"}""".formatted(cited)).text("practiceId");

        sealer.stop();
        List<Long> positions = new ArrayList<>();
        String adaptationId;
        try {
            while (chain.sealNew() > 0) {
                // everything so far sealed; what follows is not, until we say
            }
            Answer adapted = api.sendIfMatch(HttpMethod.POST, "/api/practices/" + practiceId + "/adaptations", "\"0\"", """
                    {"becomes": "Meet at seven in the harbour office", "why": "Both insights", "insightIds": ["%s", "%s"],
                     "forum": "Harbour forum"}""".formatted(cited, other));
            assertThat(adapted.status()).as(adapted.body().toString()).isEqualTo(HttpStatus.CREATED);
            adaptationId = adapted.text("adaptationId");
            assertThat(api.sendIfMatch(HttpMethod.PATCH, "/api/insights/" + cited, "\"0\"", """
                    {"text": "Fishermen and their families came to the early meeting", "layer": "PLACE_NETWORK",
                     "reason": "More precise"}""").status()).isIn(HttpStatus.OK, HttpStatus.CREATED);
            Answer retracted = api.sendIfMatch(HttpMethod.POST, "/api/insights/" + other + "/retraction", "\"0\"", """
                    {"reason": "The office closed"}""");
            assertThat(retracted.status()).as(retracted.body().toString()).isIn(HttpStatus.OK, HttpStatus.CREATED);
            Answer reviewed = api.sendIfMatch(HttpMethod.POST, "/api/practices/" + practiceId + "/adaptations/" + adaptationId + "/reviews",
                    adapted.headers().getETag(), """
                    {"outcome": "WORKING", "notes": "Twice as many came"}""");
            assertThat(reviewed.status()).as(reviewed.body().toString()).isIn(HttpStatus.OK, HttpStatus.CREATED);

            JsonNode audit = awaitAudit(api, adaptationId, 1);
            assertThat(audit.path("chain").path("sealed").asBoolean()).isFalse();
            assertThat(audit.path("chain").path("position").asLong()).isPositive();
            assertThat(audit.path("chain").path("hash").isNull()).isTrue();
            for (JsonNode link : links(audit)) {
                assertThat(link.path("position").asLong()).isPositive();
                positions.add(link.path("position").asLong());
            }
            assertThat(links(audit)).filteredOn(link -> !link.path("sealed").asBoolean())
                    .as("the adaptation, the revision, the retraction and the review are not sealed yet").hasSizeGreaterThanOrEqualTo(4);
        } finally {
            while (chain.sealNew() > 0) {
                // seal what was held back
            }
            sealer.start();
        }

        JsonNode audit = api.get("/api/adaptations/" + adaptationId + "/audit").body();
        JsonNode insight = audit.path("insights").get(0);
        assertThat(insight.path("insightId").asText()).isEqualTo(cited);
        assertThat(insight.path("events")).extracting(event -> event.path("kind").asText()).containsExactly("recorded", "revised");
        assertThat(insight.path("events")).extracting(event -> event.path("beforeDecision").asBoolean()).containsExactly(true, false);
        assertThat(insight.path("changesSince").get(0).path("chain").path("sealed").asBoolean()).isTrue();
        assertThat(insight.path("atDecision").path("evidence").path("quote").asText()).isEqualTo("we are up at four anyway");
        assertThat(insight.path("atDecision").path("evidence").path("name").asText()).isEqualTo("Perpetua Gorringe");
        assertThat(audit.path("insights").get(1).path("events")).extracting(event -> event.path("kind").asText())
                .containsExactly("recorded", "retracted");

        long highest = 0;
        JsonNode last = null;
        for (JsonNode link : links(audit)) {
            assertThat(link.path("sealed").asBoolean()).as(link.toString()).isTrue();
            assertThat(link.path("hash").asText()).hasSize(64);
            Document seal = store.database().getCollection("seals").find(eq("_id", link.path("position").asLong())).first();
            assertThat(seal).isNotNull();
            assertThat(seal.getString("programme")).isEqualTo(programmeId);
            assertThat(link.path("hash").asText()).isEqualTo(seal.getString("hash"));
            assertThat(link.path("previousHash").asText()).isEqualTo(seal.getString("prev"));
            assertThat(link.path("chainIndex").asLong()).isEqualTo(seal.get("count", Number.class).longValue());
            if (link.path("position").asLong() > highest) {
                highest = link.path("position").asLong();
                last = link;
            }
        }
        assertThat(positions).contains(highest);
        // The review is the programme's last event: its seal is the head that /integrity verifies.
        JsonNode review = audit.path("outcomes").get(0).path("chain");
        assertThat(review).isEqualTo(last);
        JsonNode integrity = api.get("/api/programmes/" + programmeId + "/integrity").body();
        assertThat(integrity.path("intact").asBoolean()).isTrue();
        assertThat(integrity.path("headHash").asText()).isEqualTo(review.path("hash").asText());
        assertThat(integrity.path("count").asLong()).isEqualTo(review.path("chainIndex").asLong());
    }

    /** The audit once the journey view has the review ({@code reviews} outcomes listed). */
    private static JsonNode awaitAudit(Api api, String adaptationId, int reviews) {
        return await("the audit of " + adaptationId + " catching up").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/adaptations/" + adaptationId + "/audit"), answer ->
                        answer.status() == HttpStatus.OK && answer.body().path("outcomes").size() == reviews
                                && answer.body().path("insights").get(1).path("events").size() == 2
                                && answer.body().path("insights").get(0).path("events").size() == 2)
                .body();
    }

    /** Every chain link the audit names. */
    private static List<JsonNode> links(JsonNode audit) {
        List<JsonNode> links = new ArrayList<>();
        links.add(audit.path("chain"));
        audit.path("insights").forEach(insight -> {
            insight.path("events").forEach(event -> links.add(event.path("chain")));
            insight.path("changesSince").forEach(change -> links.add(change.path("chain")));
        });
        audit.path("laterVersions").forEach(version -> links.add(version.path("chain")));
        audit.path("outcomes").forEach(review -> links.add(review.path("chain")));
        audit.path("travelled").forEach(step -> links.add(step.path("chain")));
        return links;
    }
}
