package org.learninglog.launcher;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.launcher.Api.Answer;
import org.learninglog.store.MongoStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command of the learning domain over HTTP, as a client drives it: happy paths, versions
 * (ETag / If-Match), idempotency keys, unknown ids, tags outside the framework, oversized text.
 */
@LearningLogIntegrationTest
class LearningDomainOverHttpTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    MongoStore store;

    private Api api;
    private String programmeId;
    private String placeId;
    private String otherPlaceId;
    private String personId;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        programmeId = api.registerProgramme();
        placeId = api.registerPlace(programmeId, "Riverside");
        otherPlaceId = api.registerPlace(programmeId, "Hillcrest");
        personId = created(api.post("/api/programmes/" + programmeId + "/people", """
                {"placeId": "%s", "role": "PLACE_MEMBER", "name": "Ada", "mayBeQuoted": true}""".formatted(placeId)))
                .text("personId");
    }

    private long storedCommits() {
        return store.database().getCollection("events").countDocuments();
    }

    private static Answer created(Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(HttpStatus.CREATED);
        return answer;
    }

    private static Answer ok(Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(HttpStatus.OK);
        return answer;
    }

    private String insight(String forPlace) {
        return created(api.post("/api/places/" + forPlace + "/insights", """
                {"text": "Residents came to the café", "layer": "PLACE_NETWORK", "sphere": "COMMUNITY",
                 "principles": ["connected and heard"], "themes": ["power"], "source": "workshop",
                 "happenedOn": "2024-10-01"}""")).text("insightId");
    }

    private Answer adoptPractice(String insightId) {
        return created(api.post("/api/places/" + placeId + "/practices", """
                {"name": "Where we meet", "description": "In the civic centre", "why": "It was free",
                 "insightIds": ["%s"], "decidedBy": ["%s"], "forum": "partnership board"}""".formatted(insightId, personId)));
    }

    @Test
    void every_command_of_the_learning_domain_is_accepted_over_http_with_its_version() {
        created(api.post("/api/programmes/" + programmeId + "/funders", """
                {"name": "Common Ground Trust"}"""));
        String funderId = created(api.post("/api/programmes/" + programmeId + "/funders", """
                {"name": "Rural Futures Fund"}""")).text("funderId");
        // Version 2: registered (0), framework defined (1), backfill period allowed (2).
        Answer framework = ok(api.sendIfMatch(HttpMethod.PATCH, "/api/programmes/" + programmeId + "/framework", "\"2\"", """
                {"principles": ["connected and heard", "able to influence"], "themes": ["power", "funding practice"],
                 "sources": ["workshop", "coaching"], "reason": "Agreed at the residential"}"""));
        assertThat(framework.headers().getETag()).isEqualTo("\"3\"");

        String insightId = insight(placeId);
        Answer revised = ok(api.sendIfMatch(HttpMethod.PATCH, "/api/insights/" + insightId, "\"0\"", """
                {"text": "Residents came to the café, and stayed", "layer": "PLACE_NETWORK",
                 "principles": ["able to influence"], "themes": ["funding practice"], "reason": "Clearer"}"""));
        assertThat(revised.headers().getETag()).isEqualTo("\"1\"");
        String quoted = created(api.post("/api/places/" + placeId + "/insights", """
                {"text": "Felt heard", "layer": "INDIVIDUALS", "evidence":
                 {"personId": "%s", "quote": "Someone came back to me", "consent": true}}""".formatted(personId)))
                .text("insightId");
        String toRetract = insight(placeId);
        ok(api.sendIfMatch(HttpMethod.POST, "/api/insights/" + toRetract + "/retraction", "\"0\"", """
                {"reason": "Recorded twice"}"""));

        Answer adopted = adoptPractice(insightId);
        String practiceId = adopted.text("practiceId");
        assertThat(adopted.headers().getETag()).isEqualTo("\"0\"");
        Answer adapted = created(api.sendIfMatch(HttpMethod.POST, "/api/practices/" + practiceId + "/adaptations", "\"0\"", """
                {"becomes": "In the community café", "why": "Residents came there", "insightIds": ["%s", "%s"],
                 "decidedBy": ["%s"], "forum": "residents' assembly", "happenedOn": "2024-11-01"}"""
                .formatted(insightId, quoted, personId)));
        String adaptationId = adapted.text("adaptationId");
        assertThat(adapted.headers().getETag()).isEqualTo("\"1\"");
        created(api.sendIfMatch(HttpMethod.POST, "/api/practices/" + practiceId + "/adaptations/" + adaptationId + "/reviews",
                "\"1\"", """
                {"outcome": "WORKING", "notes": "More came back", "insightIds": ["%s"]}""".formatted(quoted)));

        String sharedId = created(api.post("/api/programmes/" + programmeId + "/shared-learnings", """
                {"placeId": "%s", "title": "Meet where people are", "summary": "We moved the meeting",
                 "audience": {"wholeProgramme": false, "placeIds": ["%s"], "funderIds": ["%s"]},
                 "insightIds": ["%s"], "adaptations": [{"practiceId": "%s", "adaptationId": "%s"}]}"""
                .formatted(placeId, otherPlaceId, funderId, insightId, practiceId, adaptationId))).text("sharedLearningId");
        String otherInsight = insight(otherPlaceId);
        String otherPractice = created(api.post("/api/places/" + otherPlaceId + "/practices", """
                {"name": "Where we meet", "description": "In the library", "why": "Learning from Riverside",
                 "insightIds": ["%s"], "sharedLearningIds": ["%s"], "forum": "steering group"}"""
                .formatted(otherInsight, sharedId))).text("practiceId");
        created(api.post("/api/shared-learnings/" + sharedId + "/adoptions", """
                {"placeId": "%s", "practiceId": "%s", "note": "We made it ours"}""".formatted(otherPlaceId, otherPractice)));
        created(api.post("/api/shared-learnings/" + sharedId + "/responses", """
                {"kind": "ENDORSEMENT", "text": "We would like to visit"}"""));

        created(api.post("/api/programmes/" + programmeId + "/sensemaking-sessions", """
                {"title": "Autumn", "participantIds": ["%s"], "placeIds": ["%s", "%s"], "insightIds": ["%s", "%s"],
                 "conclusions": "Venue matters", "happenedOn": "2024-11-28"}"""
                .formatted(personId, placeId, otherPlaceId, insightId, otherInsight)));

        ok(api.sendIfMatch(HttpMethod.POST, "/api/practices/" + practiceId + "/retirement", "\"2\"", """
                {"why": "Nobody missed it"}"""));
    }

    @Test
    void a_past_before_the_programme_is_refused_until_an_administrator_allows_a_backfill_period() {
        String newcomer = "newcomer-" + UUID.randomUUID();
        Answer registered = created(api.post("/api/programmes", """
                {"id": "%s", "name": "Newcomer"}""".formatted(newcomer)));
        String place = api.registerPlace(newcomer, "Lateside");
        String insight = """
                {"text": "Kept in a spreadsheet", "layer": "INDIVIDUALS", "happenedOn": "%s"}"""
                .formatted(LocalDate.now(ZoneOffset.UTC).minusYears(1));
        long before = storedCommits();

        Answer refused = api.post("/api/places/" + place + "/insights", insight);
        assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.fieldsAtFault()).containsExactly("happenedOn");
        assertThat(storedCommits()).isEqualTo(before);

        Answer allowed = ok(api.sendIfMatch(HttpMethod.PUT, "/api/programmes/" + newcomer + "/story-backfill",
                registered.headers().getETag(), "{\"from\": \"2020-01-01\"}"));
        assertThat(allowed.headers().getETag()).isEqualTo("\"2\"");
        created(api.post("/api/places/" + place + "/insights", insight));
    }

    @Test
    void a_programme_id_of_the_operators_choosing_is_kept_and_a_taken_one_is_refused_with_409() {
        String chosen = "chosen-" + UUID.randomUUID();
        Answer first = created(api.post("/api/programmes", """
                {"id": "%s", "name": "Chosen"}""".formatted(chosen)));
        assertThat(first.text("programmeId")).isEqualTo(chosen);
        Answer again = api.post("/api/programmes", """
                {"id": "%s", "name": "Chosen again"}""".formatted(chosen));
        assertThat(again.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.body().path("errors").get(0).path("field").asText()).isEqualTo("id");
        // The refused append stored no event (the store's conformance kit proves it); the place
        // registered in the programme afterwards finds it as it was first registered.
        assertThat(api.registerPlace(chosen, "Firstfield")).isNotBlank();
    }

    @Test
    void the_same_idempotency_key_twice_answers_the_same_and_stores_one_event() {
        String key = UUID.randomUUID().toString();
        String body = """
                {"text": "Once only", "layer": "INDIVIDUALS", "principles": ["able to influence"]}""";

        Answer first = api.postOnce("/api/places/" + placeId + "/insights", key, body);
        long after = storedCommits();
        Answer second = api.postOnce("/api/places/" + placeId + "/insights", key, body);

        assertThat(first.status()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.status()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().getLocation()).isEqualTo(first.headers().getLocation());
        assertThat(storedCommits()).isEqualTo(after);
        assertThat(store.database().getCollection("idempotency_keys").countDocuments(
                new Document("fingerprint", new Document("$exists", true)))).isPositive();
    }

    @Test
    void the_same_idempotency_key_with_another_body_is_unprocessable_and_stores_nothing() {
        String key = UUID.randomUUID().toString();
        created(api.postOnce("/api/places/" + placeId + "/insights", key, """
                {"text": "First", "layer": "INDIVIDUALS"}"""));
        long before = storedCommits();

        Answer reused = api.postOnce("/api/places/" + placeId + "/insights", key, """
                {"text": "Second", "layer": "INDIVIDUALS"}""");

        assertThat(reused.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(reused.isProblem()).isTrue();
        assertThat(reused.fieldsAtFault()).containsExactly("Idempotency-Key");
        assertThat(storedCommits()).isEqualTo(before);
    }

    @Test
    void a_stale_if_match_is_a_conflict_and_stores_nothing() {
        String insightId = insight(placeId);
        ok(api.sendIfMatch(HttpMethod.PATCH, "/api/insights/" + insightId, "\"0\"", """
                {"text": "Reworded", "layer": "INDIVIDUALS", "reason": "Clearer"}"""));
        long before = storedCommits();

        Answer stale = api.sendIfMatch(HttpMethod.PATCH, "/api/insights/" + insightId, "\"0\"", """
                {"text": "Reworded again", "layer": "INDIVIDUALS", "reason": "From an old screen"}""");

        assertThat(stale.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.isProblem()).isTrue();
        assertThat(stale.fieldsAtFault()).containsExactly("If-Match");
        assertThat(storedCommits()).isEqualTo(before);
    }

    @Test
    void an_update_without_if_match_is_refused_as_precondition_required() {
        String insightId = insight(placeId);
        long before = storedCommits();

        Answer answer = api.post("/api/insights/" + insightId + "/retraction", """
                {"reason": "No version sent"}""");

        assertThat(answer.status()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED);
        assertThat(storedCommits()).isEqualTo(before);
    }

    @Test
    void an_adaptation_citing_an_unknown_insight_is_not_found_naming_the_field_and_stores_nothing() {
        String practiceId = adoptPractice(insight(placeId)).text("practiceId");
        long before = storedCommits();

        Answer answer = api.sendIfMatch(HttpMethod.POST, "/api/practices/" + practiceId + "/adaptations", "\"0\"", """
                {"becomes": "Elsewhere", "why": "Because", "insightIds": ["insight-nowhere"], "forum": "board"}""");

        assertThat(answer.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.fieldsAtFault()).containsExactly("insightIds");
        assertThat(storedCommits()).isEqualTo(before);
    }

    @Test
    void revising_an_insight_that_does_not_exist_is_not_found() {
        Answer answer = api.sendIfMatch(HttpMethod.PATCH, "/api/insights/" + UUID.randomUUID(), "\"0\"", """
                {"text": "Reworded", "layer": "INDIVIDUALS", "reason": "Clearer"}""");

        assertThat(answer.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.isProblem()).isTrue();
    }

    @Test
    void a_theme_outside_the_programmes_framework_is_unprocessable_naming_the_field_and_stores_nothing() {
        long before = storedCommits();

        Answer answer = api.post("/api/places/" + placeId + "/insights", """
                {"text": "Noticed", "layer": "INDIVIDUALS", "themes": ["growth hacking"]}""");

        assertThat(answer.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.fieldsAtFault()).containsExactly("themes");
        assertThat(storedCommits()).isEqualTo(before);
    }

    @Test
    void an_oversized_shared_learning_summary_is_a_bad_request_naming_the_field_and_stores_nothing() {
        String insightId = insight(placeId);
        long before = storedCommits();

        Answer answer = api.post("/api/programmes/" + programmeId + "/shared-learnings", """
                {"title": "Title", "summary": "%s", "audience": {"wholeProgramme": true}, "insightIds": ["%s"]}"""
                .formatted("x".repeat(4001), insightId));

        assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.fieldsAtFault()).containsExactly("summary");
        assertThat(storedCommits()).isEqualTo(before);
    }

    @Test
    void a_quote_without_consent_is_a_bad_request_naming_the_field() {
        long before = storedCommits();

        Answer answer = api.post("/api/places/" + placeId + "/insights", """
                {"text": "Felt heard", "layer": "INDIVIDUALS", "evidence":
                 {"personId": "%s", "quote": "Someone came back to me", "consent": false}}""".formatted(personId));

        assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.fieldsAtFault()).containsExactly("evidence.consent");
        assertThat(storedCommits()).isEqualTo(before);
    }

    @Test
    void the_api_description_lists_the_new_endpoints() {
        Answer docs = api.get("/v3/api-docs");
        assertThat(docs.body().path("paths").has("/api/practices/{practiceId}/adaptations")).isTrue();
        assertThat(docs.body().path("paths").has("/api/programmes/{programmeId}/shared-learnings")).isTrue();
        assertThat(docs.body().path("paths").has("/api/admin/demo")).isTrue();
    }
}
