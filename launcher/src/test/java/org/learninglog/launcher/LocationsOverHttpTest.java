package org.learninglog.launcher;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.launcher.Api.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every create answers 201 with a Location that a GET answers with 200, and a thing that can
 * change answers its version there as ETag: the version its next change sends back as If-Match.
 */
@LearningLogIntegrationTest
class LocationsOverHttpTest {

    private static final String MEMBER_PASSWORD = "a passphrase of several words";

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

    /** The created thing as its Location reads it, once the query side has it. */
    private Answer readAt(Answer created) {
        assertThat(created.status()).as(created.body().toString()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.headers().getLocation()).isNotNull();
        String path = created.headers().getLocation().getPath();
        Answer[] read = new Answer[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            read[0] = api.get(path);
            assertThat(read[0].status()).as(path + ": " + read[0].body()).isEqualTo(HttpStatus.OK);
        });
        return read[0];
    }

    @Test
    void each_created_thing_is_read_where_its_location_says() {
        Answer programme = readAt(api.post("/api/programmes", "{\"name\": \"Located\"}"));
        assertThat(programme.body().path("principles").size()).isPositive();
        assertThat(programme.headers().getETag()).isEqualTo("\"1\"");

        Answer funder = readAt(api.post("/api/programmes/" + programmeId + "/funders", "{\"name\": \"Common Ground Trust\"}"));
        assertThat(funder.text("name")).isEqualTo("Common Ground Trust");

        Answer registered = api.post("/api/programmes/" + programmeId + "/people", """
                {"placeId": "%s", "role": "PLACE_MEMBER", "name": "Ada Lovelace", "mayBeQuoted": true}""".formatted(placeId));
        String personId = registered.text("personId");
        Answer person = readAt(registered);
        assertThat(person.text("name")).isEqualTo("Ada Lovelace");
        assertThat(person.text("role")).isEqualTo("PLACE_MEMBER");
        assertThat(person.headers().getETag()).isEqualTo("\"0\"");

        Answer recorded = api.post("/api/places/" + placeId + "/insights", """
                {"text": "Residents came to the café", "layer": "PLACE_NETWORK", "principles": ["connected and heard"]}""");
        String insightId = recorded.text("insightId");
        Answer insight = readAt(recorded);
        assertThat(insight.text("text")).isEqualTo("Residents came to the café");
        assertThat(insight.headers().getETag()).isEqualTo("\"0\"");

        Answer adopted = api.post("/api/places/" + placeId + "/practices", """
                {"name": "Where we meet", "description": "In the civic centre", "why": "It was free",
                 "insightIds": ["%s"], "decidedBy": ["%s"], "forum": "partnership board"}""".formatted(insightId, personId));
        String practiceId = adopted.text("practiceId");
        Answer practice = readAt(adopted);
        assertThat(practice.text("description")).isEqualTo("In the civic centre");
        assertThat(practice.headers().getETag()).isEqualTo("\"0\"");

        Answer adapted = api.sendIfMatch(HttpMethod.POST, "/api/practices/" + practiceId + "/adaptations", "\"0\"", """
                {"becomes": "In the community café", "why": "Residents came there", "insightIds": ["%s"],
                 "forum": "residents' assembly"}""".formatted(insightId));
        String adaptationId = adapted.text("adaptationId");
        Answer adaptation = readAt(adapted);
        assertThat(adaptation.text("was")).isEqualTo("In the civic centre");
        assertThat(adaptation.text("becomes")).isEqualTo("In the community café");
        assertThat(adaptation.headers().getETag()).isEqualTo("\"1\"");

        Answer reviewed = api.sendIfMatch(HttpMethod.POST,
                "/api/practices/" + practiceId + "/adaptations/" + adaptationId + "/reviews", "\"1\"", """
                {"outcome": "WORKING", "notes": "More came back"}""");
        assertThat(reviewed.headers().getLocation()).hasPath(
                "/api/practices/" + practiceId + "/adaptations/" + adaptationId + "/reviews/1");
        assertThat(readAt(reviewed).text("outcome")).isEqualTo("WORKING");
        Answer reviewedAgain = api.sendIfMatch(HttpMethod.POST,
                "/api/practices/" + practiceId + "/adaptations/" + adaptationId + "/reviews", "\"2\"", """
                {"outcome": "MIXED", "notes": "Fewer in winter"}""");
        assertThat(readAt(reviewedAgain).text("notes")).isEqualTo("Fewer in winter");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.get("/api/practices/" + practiceId).headers().getETag()).isEqualTo("\"3\""));

        String otherPlace = api.registerPlace(programmeId, "Hillside");
        Answer shared = api.post("/api/programmes/" + programmeId + "/shared-learnings", """
                {"placeId": "%s", "title": "Meet where people are", "summary": "We moved the meeting",
                 "audience": {"wholeProgramme": true}, "insightIds": ["%s"]}""".formatted(placeId, insightId));
        String sharedId = shared.text("sharedLearningId");
        Answer sharedLearning = readAt(shared);
        assertThat(sharedLearning.text("title")).isEqualTo("Meet where people are");
        assertThat(sharedLearning.headers().getETag()).isEqualTo("\"0\"");
        String otherPractice = api.post("/api/places/" + otherPlace + "/practices", """
                {"name": "Where we meet", "description": "In the library", "why": "Learning from Riverside",
                 "sharedLearningIds": ["%s"], "forum": "steering group"}""".formatted(sharedId)).text("practiceId");
        Answer adoption = api.post("/api/shared-learnings/" + sharedId + "/adoptions", """
                {"placeId": "%s", "practiceId": "%s", "note": "We made it ours"}""".formatted(otherPlace, otherPractice));
        assertThat(adoption.headers().getLocation()).hasPath("/api/shared-learnings/" + sharedId + "/adoptions/1");
        assertThat(readAt(adoption).text("placeId")).isEqualTo(otherPlace);
        Answer response = api.post("/api/shared-learnings/" + sharedId + "/responses", """
                {"placeId": "%s", "kind": "QUESTION", "text": "How did you start?"}""".formatted(otherPlace));
        assertThat(response.headers().getLocation()).hasPath("/api/shared-learnings/" + sharedId + "/responses/1");
        assertThat(readAt(response).text("text")).isEqualTo("How did you start?");

        Answer session = readAt(api.post("/api/programmes/" + programmeId + "/sensemaking-sessions", """
                {"title": "Autumn", "participantIds": ["%s"], "placeIds": ["%s"], "insightIds": ["%s"],
                 "conclusions": "Venue matters", "happenedOn": "2024-11-28"}""".formatted(personId, placeId, insightId)));
        assertThat(session.text("conclusions")).isEqualTo("Venue matters");

        assertThat(readAt(api.post("/api/places", """
                {"programmeId": "%s", "name": "Lakeside"}""".formatted(programmeId))).text("name")).isEqualTo("Lakeside");
    }

    /** Invites a place member of the programme, who accepts; answers the invitation. */
    private Answer invite(String memberId) {
        Answer invited = api.post("/api/programmes/" + programmeId + "/invitations", """
                {"memberId": "%s", "roles": [{"role": "PLACE_MEMBER", "placeId": "%s"}]}""".formatted(memberId, placeId));
        String link = invited.text("link");
        Answer accepted = api.post("/api/invitations/acceptance", """
                {"token": "%s", "password": "%s"}""".formatted(link.substring(link.indexOf("token=") + "token=".length()),
                MEMBER_PASSWORD));
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(HttpStatus.OK);
        return invited;
    }

    @Test
    void an_invited_member_a_password_reset_and_an_appointed_operator_are_read_where_their_location_says() {
        String memberId = "sam-" + UUID.randomUUID().toString().substring(0, 8);
        Answer invited = invite(memberId);
        assertThat(invited.headers().getLocation()).hasPath("/api/programmes/" + programmeId + "/members/" + memberId);
        Answer member = readAt(invited);
        assertThat(member.text("memberId")).isEqualTo(memberId);
        assertThat(member.body().path("roles").get(0).path("role").asText()).isEqualTo("PLACE_MEMBER");

        Answer reset = api.post("/api/programmes/" + programmeId + "/members/" + memberId + "/password-resets", null);
        assertThat(readAt(reset).text("memberId")).isEqualTo(memberId);

        String operatorId = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        Answer appointed = api.post("/api/operators/invitations", """
                {"memberId": "%s"}""".formatted(operatorId));
        assertThat(appointed.headers().getLocation()).hasPath("/api/operators/" + operatorId);
        Answer operator = readAt(appointed);
        assertThat(operator.text("memberId")).isEqualTo(operatorId);
        assertThat(operator.body().path("roles").get(0).path("role").asText()).isEqualTo("OPERATOR");
    }

    @Test
    void a_member_is_read_by_their_programmes_administrators_and_an_operator_by_the_operators_only() {
        String memberId = "kim-" + UUID.randomUUID().toString().substring(0, 8);
        String memberPath = "/api/programmes/" + programmeId + "/members/" + memberId;
        readAt(invite(memberId));
        String operatorId = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        readAt(api.post("/api/operators/invitations", """
                {"memberId": "%s"}""".formatted(operatorId)));

        // a place member of the programme may not, even about themselves (their own is /api/me)
        assertThat(getAs(memberId, MEMBER_PASSWORD, memberPath).status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(getAs(memberId, MEMBER_PASSWORD, "/api/operators/" + operatorId).status()).isEqualTo(HttpStatus.FORBIDDEN);
        // a member of another programme learns nothing of this one (404, as for its other reads)
        assertThat(getAs("other-member", SignedInAsOperator.PASSWORD, memberPath).status()).isEqualTo(HttpStatus.NOT_FOUND);
        String otherProgramme = api.registerProgramme();
        Answer elsewhere = api.get("/api/programmes/" + otherProgramme + "/members/" + memberId);
        assertThat(elsewhere.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(elsewhere.isProblem()).isTrue();
        assertThat(elsewhere.fieldsAtFault()).containsExactly("memberId");
        assertThat(api.get("/api/operators/" + memberId).status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get("/api/operators/" + UUID.randomUUID()).status()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private Answer getAs(String member, String password, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(member, password);
        return api.send(HttpMethod.GET, path, null, headers);
    }

    @Test
    void a_persons_name_reads_as_removed_once_their_data_was_erased() {
        Answer registered = api.post("/api/programmes/" + programmeId + "/people", """
                {"role": "LEARNING_PARTNER", "name": "Grace Hopper"}""");
        String path = registered.headers().getLocation().getPath();
        assertThat(readAt(registered).text("name")).isEqualTo("Grace Hopper");

        Answer erased = api.post(path + "/erasure", null);
        assertThat(erased.status()).as(erased.body().toString()).isEqualTo(HttpStatus.OK);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Answer person = api.get(path);
            assertThat(person.body().path("erased").asBoolean()).isTrue();
            assertThat(person.text("name")).isEqualTo("(removed at the person's request)");
            assertThat(person.headers().getETag()).isEqualTo("\"1\"");
        });
    }

    @Test
    void a_read_of_something_of_another_programme_or_unknown_is_not_found() {
        Answer funder = api.post("/api/programmes/" + programmeId + "/funders", "{\"name\": \"Rural Futures Fund\"}");
        readAt(funder);
        String otherProgramme = api.registerProgramme();

        Answer elsewhere = api.get("/api/programmes/" + otherProgramme + "/funders/" + funder.text("funderId"));
        assertThat(elsewhere.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(elsewhere.isProblem()).isTrue();
        assertThat(api.get("/api/practices/" + UUID.randomUUID()).status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get("/api/shared-learnings/" + UUID.randomUUID()).status()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
