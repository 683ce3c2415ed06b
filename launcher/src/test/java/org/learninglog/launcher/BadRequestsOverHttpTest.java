package org.learninglog.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.learninglog.launcher.Api.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of 400 the API answers, driven over real HTTP: each problem names the field at fault
 * (where there is one) and says in plain English what would be accepted: an enum's values, a
 * text's size limit, a date's format, the parameters to give.
 */
@LearningLogIntegrationTest
class BadRequestsOverHttpTest {

    private static final String LAYERS = "WHOLE_INITIATIVE, PLACE_NETWORK, FUNDERS_AND_FUNDING_SYSTEM, INDIVIDUALS";
    private static final String IDENTIFIER = "letters, digits, '-' and '_'";

    @Autowired
    TestRestTemplate http;

    /**
     * @param header   a header to send, as {@code If-Match: "1"}; a bare value is an If-Match
     * @param field    the field the problem must name; {@code null} for a body that is no JSON at all
     * @param accepted words the field's message (and the detail) must hold: what would be accepted
     */
    private record Case(String what, HttpMethod method, String path, String header, String body, String field,
                        List<String> accepted) {
    }

    private record World(String programmeId, String placeId, String insightId, String practiceId, String adaptationId,
                         String sharedLearningId) {
    }

    @Test
    void every_bad_request_names_the_field_and_says_what_would_be_accepted() {
        Api api = new Api(http);
        World world = world(api);
        List<Case> cases = cases(world);

        SoftAssertions softly = new SoftAssertions();
        for (Case bad : cases) {
            HttpHeaders headers = new HttpHeaders();
            if (bad.header() != null) {
                int colon = bad.header().indexOf(": ");
                headers.set(colon < 0 ? HttpHeaders.IF_MATCH : bad.header().substring(0, colon),
                        colon < 0 ? bad.header() : bad.header().substring(colon + 2));
            }
            Answer answer = bad.method() == HttpMethod.GET ? api.get(bad.path())
                    : api.send(bad.method(), bad.path(), bad.body(), headers);
            String seen = bad.what() + " -> " + answer.body();
            softly.assertThat(answer.status()).as(seen).isEqualTo(HttpStatus.BAD_REQUEST);
            softly.assertThat(answer.isProblem()).as(seen).isTrue();
            String detail = answer.text("detail");
            softly.assertThat(detail).as(seen).isNotBlank();
            plainEnglish(softly, seen, detail);
            if (bad.field() != null) {
                JsonNode error = errorOf(answer, bad.field());
                softly.assertThat(error).as(seen + ": names " + bad.field()).isNotNull();
                if (error != null) {
                    String message = error.path("message").asText();
                    plainEnglish(softly, seen, message);
                    for (String words : bad.accepted()) {
                        softly.assertThat(message).as(seen + ": the message says what is accepted").contains(words);
                        softly.assertThat(detail).as(seen + ": the detail says what is accepted").contains(words);
                    }
                }
            } else {
                bad.accepted().forEach(words -> softly.assertThat(detail).as(seen).contains(words));
            }
        }
        softly.assertAll();
    }

    private static void plainEnglish(SoftAssertions softly, String seen, String text) {
        softly.assertThat(text).as(seen + ": plain English").doesNotContain("java.", "com.fasterxml", "Exception",
                "deserialize", "must match \"", "wrong type or format", "size must be between");
    }

    private static JsonNode errorOf(Answer answer, String field) {
        for (JsonNode error : answer.body().path("errors")) {
            if (field.equals(error.path("field").asText())) {
                return error;
            }
        }
        return null;
    }

    private static World world(Api api) {
        String programmeId = api.registerProgramme();
        String placeId = api.registerPlace(programmeId, "Riverside");
        String otherPlace = api.registerPlace(programmeId, "Hillside");
        String insightId = api.recordInsight(placeId, "Residents came to the café");
        Answer practice = api.post("/api/places/" + placeId + "/practices", """
                {"name": "Where we meet", "description": "In the civic centre", "why": "It was free",
                 "insightIds": ["%s"], "forum": "partnership board"}""".formatted(insightId));
        String practiceId = practice.text("practiceId");
        String adaptationId = api.sendIfMatch(HttpMethod.POST, "/api/practices/" + practiceId + "/adaptations", "\"0\"", """
                {"becomes": "In the community café", "why": "Residents came there", "insightIds": ["%s"],
                 "forum": "residents' assembly"}""".formatted(insightId)).text("adaptationId");
        Answer shared = api.post("/api/programmes/" + programmeId + "/shared-learnings", """
                {"placeId": "%s", "title": "Meet where people are", "summary": "We moved the meeting",
                 "audience": {"placeIds": ["%s"]}, "insightIds": ["%s"]}""".formatted(placeId, otherPlace, insightId));
        assertThat(shared.status()).as(shared.body().toString()).isEqualTo(HttpStatus.CREATED);
        String sharedLearningId = shared.text("sharedLearningId");
        return new World(programmeId, placeId, insightId, practiceId, adaptationId, sharedLearningId);
    }

    private static List<Case> cases(World w) {
        List<Case> cases = new ArrayList<>();
        String insights = "/api/places/" + w.placeId() + "/insights";
        Function<String, String> insight = fields -> "{\"text\": \"Noticed\", \"layer\": \"INDIVIDUALS\"" + fields + "}";
        String revise = "/api/insights/" + w.insightId();
        String review = "/api/practices/" + w.practiceId() + "/adaptations/" + w.adaptationId() + "/reviews";
        String programme = "/api/programmes/" + w.programmeId();

        // ---- bodies the reader refuses (Jackson) ----
        cases.add(new Case("not JSON", HttpMethod.POST, insights, null, "{\"text\": ", null, List.of("not valid JSON")));
        cases.add(new Case("no body", HttpMethod.POST, insights, null, null, null, List.of("missing")));
        cases.add(new Case("unknown field", HttpMethod.POST, insights, null, insight.apply(", \"recordedBy\": \"someone\""),
                "recordedBy", List.of("is not a field of this request", "text", "layer")));
        cases.add(new Case("unknown layer", HttpMethod.POST, insights, null, "{\"text\": \"Noticed\", \"layer\": \"SIDEWAYS\"}",
                "layer", List.of(LAYERS)));
        cases.add(new Case("unknown sphere", HttpMethod.POST, insights, null, insight.apply(", \"sphere\": \"GALAXY\""),
                "sphere", List.of("must be one of", "COMMUNITY")));
        cases.add(new Case("unknown role", HttpMethod.POST, programme + "/people", null,
                "{\"role\": \"BOSS\", \"name\": \"Ada\"}", "role", List.of("PLACE_MEMBER, LEARNING_PARTNER, FUNDER, ADMINISTRATOR")));
        cases.add(new Case("unknown outcome", HttpMethod.POST, review, "\"1\"", "{\"outcome\": \"GREAT\", \"notes\": \"Yes\"}",
                "outcome", List.of("must be one of", "WORKING")));
        cases.add(new Case("unknown response kind", HttpMethod.POST, "/api/shared-learnings/" + w.sharedLearningId() + "/responses",
                null, "{\"kind\": \"SHRUG\", \"text\": \"Hm\"}", "kind", List.of("must be one of", "QUESTION")));
        cases.add(new Case("text of 20,001 characters", HttpMethod.POST, insights, null,
                "{\"text\": \"" + "x".repeat(20_001) + "\", \"layer\": \"INDIVIDUALS\"}", "text", List.of("at most 4000 characters")));
        cases.add(new Case("day not as YYYY-MM-DD", HttpMethod.POST, insights, null, insight.apply(", \"happenedOn\": \"12/09/2024\""),
                "happenedOn", List.of("YYYY-MM-DD")));
        cases.add(new Case("impossible day", HttpMethod.POST, insights, null, insight.apply(", \"happenedOn\": \"2024-02-30\""),
                "happenedOn", List.of("YYYY-MM-DD")));
        cases.add(new Case("text where a list goes", HttpMethod.POST, insights, null, insight.apply(", \"principles\": \"power\""),
                "principles", List.of("must be a list")));
        cases.add(new Case("word where true or false goes", HttpMethod.POST, insights, null, insight.apply(", \"unintended\": \"perhaps\""),
                "unintended", List.of("true or false")));
        cases.add(new Case("list where text goes", HttpMethod.POST, insights, null, "{\"text\": [\"a\"], \"layer\": \"INDIVIDUALS\"}",
                "text", List.of("must be text")));
        cases.add(new Case("bidirectional control", HttpMethod.POST, insights, null,
                "{\"text\": \"Noticed \\u202E\", \"layer\": \"INDIVIDUALS\"}", "text", List.of("bidirectional control characters")));

        // ---- values bean validation refuses ----
        cases.add(new Case("no text", HttpMethod.POST, insights, null, "{\"layer\": \"INDIVIDUALS\"}", "text", List.of("is required")));
        cases.add(new Case("no layer", HttpMethod.POST, insights, null, "{\"text\": \"Noticed\"}", "layer",
                List.of("is required", LAYERS)));
        cases.add(new Case("blank text", HttpMethod.POST, insights, null, "{\"text\": \"   \", \"layer\": \"INDIVIDUALS\"}", "text",
                List.of("must not be blank")));
        cases.add(new Case("text of 4,001 characters", HttpMethod.POST, insights, null,
                "{\"text\": \"" + "x".repeat(4_001) + "\", \"layer\": \"INDIVIDUALS\"}", "text", List.of("at most 4000 characters")));
        cases.add(new Case("too many principles", HttpMethod.POST, insights, null,
                insight.apply(", \"principles\": [" + "\"p\",".repeat(50) + "\"p\"]"), "principles", List.of("at most 50")));
        cases.add(new Case("a malformed identifier", HttpMethod.POST, "/api/places/" + w.placeId() + "/practices", null, """
                {"name": "N", "description": "D", "why": "W", "insightIds": ["not an id!"], "forum": "F"}""",
                "insightIds[0]", List.of(IDENTIFIER)));
        cases.add(new Case("a quote without consent", HttpMethod.POST, insights, null,
                insight.apply(", \"evidence\": {\"personId\": \"p-1\", \"quote\": \"Hello\", \"consent\": false}"),
                "evidence.consent", List.of("consent")));
        cases.add(new Case("a session nobody took part in", HttpMethod.POST, programme + "/sensemaking-sessions", null,
                "{\"title\": \"T\", \"participantIds\": [], \"conclusions\": \"C\", \"happenedOn\": \"2024-11-28\"}",
                "participantIds", List.of("at least one")));
        cases.add(new Case("a framework without principles", HttpMethod.PATCH, programme + "/framework", "\"1\"",
                "{\"principles\": [], \"reason\": \"R\"}", "principles", List.of("at least 1 item")));

        // ---- story days (happenedOn): after today anywhere on Earth, before the programme's story, unreadable ----
        String afterTomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        String beforeTheStory = LocalDate.parse(Api.BACKFILL_FROM).minusDays(1).toString();
        String shared = "/api/shared-learnings/" + w.sharedLearningId();
        cases.add(new Case("an insight dated after tomorrow", HttpMethod.POST, insights, null,
                insight.apply(", \"happenedOn\": \"" + afterTomorrow + "\""), "happenedOn", List.of("future")));
        cases.add(new Case("an insight dated before the programme's story", HttpMethod.POST, insights, null,
                insight.apply(", \"happenedOn\": \"" + beforeTheStory + "\""), "happenedOn", List.of(Api.BACKFILL_FROM, "backfill")));
        cases.add(new Case("a revision dated after tomorrow", HttpMethod.PATCH, revise, "\"0\"",
                "{\"text\": \"New\", \"reason\": \"R\", \"happenedOn\": \"" + afterTomorrow + "\"}", "happenedOn", List.of("future")));
        cases.add(new Case("a retraction dated before the programme's story", HttpMethod.POST, revise + "/retraction", "\"0\"",
                "{\"reason\": \"R\", \"happenedOn\": \"" + beforeTheStory + "\"}", "happenedOn", List.of(Api.BACKFILL_FROM)));
        cases.add(new Case("a practice adopted on a day not as YYYY-MM-DD", HttpMethod.POST, "/api/places/" + w.placeId() + "/practices", null, """
                {"name": "N", "description": "D", "why": "W", "insightIds": ["%s"], "forum": "F", "happenedOn": "next week"}"""
                .formatted(w.insightId()), "happenedOn", List.of("YYYY-MM-DD")));
        cases.add(new Case("a review dated after tomorrow", HttpMethod.POST, review, "\"1\"",
                "{\"outcome\": \"WORKING\", \"notes\": \"Yes\", \"happenedOn\": \"" + afterTomorrow + "\"}", "happenedOn", List.of("future")));
        cases.add(new Case("learning shared before the programme's story", HttpMethod.POST, programme + "/shared-learnings", null, """
                {"placeId": "%s", "title": "T", "summary": "S", "audience": {"wholeProgramme": true}, "insightIds": ["%s"],
                 "happenedOn": "%s"}""".formatted(w.placeId(), w.insightId(), beforeTheStory), "happenedOn", List.of(Api.BACKFILL_FROM)));
        cases.add(new Case("a response dated after tomorrow", HttpMethod.POST, shared + "/responses", null,
                "{\"kind\": \"QUESTION\", \"text\": \"How?\", \"happenedOn\": \"" + afterTomorrow + "\"}", "happenedOn", List.of("future")));
        cases.add(new Case("a response on an impossible day", HttpMethod.POST, shared + "/responses", null,
                "{\"kind\": \"QUESTION\", \"text\": \"How?\", \"happenedOn\": \"2025-13-01\"}", "happenedOn", List.of("YYYY-MM-DD")));
        cases.add(new Case("a backfill day not as YYYY-MM-DD", HttpMethod.PUT, programme + "/story-backfill", "\"2\"",
                "{\"from\": \"last year\"}", "from", List.of("YYYY-MM-DD")));
        cases.add(new Case("a backfill day after the programme began", HttpMethod.PUT, programme + "/story-backfill", "\"2\"",
                "{\"from\": \"" + afterTomorrow + "\"}", "from", List.of("must not be after")));

        // ---- merge patches and versions ----
        cases.add(new Case("clearing the text", HttpMethod.PATCH, revise, "\"0\"", "{\"text\": null, \"reason\": \"R\"}", "text",
                List.of("cannot be cleared", "leave it out")));
        cases.add(new Case("clearing the layer", HttpMethod.PATCH, revise, "\"0\"", "{\"layer\": null, \"reason\": \"R\"}", "layer",
                List.of("cannot be cleared")));
        cases.add(new Case("a revision without reason", HttpMethod.PATCH, revise, "\"0\"", "{\"text\": \"New\"}", "reason",
                List.of("is required")));
        cases.add(new Case("If-Match that is no version", HttpMethod.PATCH, revise, "yesterday", "{\"text\": \"New\", \"reason\": \"R\"}",
                "If-Match", List.of("ETag", "\"3\"")));

        cases.add(new Case("an idempotency key too long", HttpMethod.POST, insights, "Idempotency-Key: " + "k".repeat(300),
                insight.apply(""), "Idempotency-Key", List.of("1 to")));

        // ---- the token API (security module) ----
        cases.add(new Case("a token without a name", HttpMethod.POST, "/api/me/tokens", null, "{\"scope\": \"read\"}", "name",
                List.of("is required", "at most")));
        cases.add(new Case("a token of an unknown scope", HttpMethod.POST, "/api/me/tokens", null,
                "{\"name\": \"laptop\", \"scope\": \"admin\"}", "scope", List.of("read or write")));
        cases.add(new Case("a token request with an unknown field", HttpMethod.POST, "/api/me/tokens", null,
                "{\"name\": \"laptop\", \"scope\": \"read\", \"expires\": \"never\"}", "expires",
                List.of("is not a field of this request", "name", "scope")));

        // ---- query parameters (query side) ----
        cases.add(new Case("replay with neither step nor on", HttpMethod.GET, programme + "/replay", null, null, "step",
                List.of("give either step", "or on", "ISO-8601 day")));
        cases.add(new Case("replay with both step and on", HttpMethod.GET, programme + "/replay?step=1&on=2026-03-01",
                null, null, "on", List.of("either step or on, not both")));
        cases.add(new Case("replay in recorded order with neither step nor at", HttpMethod.GET, programme + "/replay?order=recorded",
                null, null, "step", List.of("give either step", "or at", "ISO-8601 instant")));
        cases.add(new Case("replay in recorded order with both step and at", HttpMethod.GET,
                programme + "/replay?order=recorded&step=1&at=2026-03-01T00:00:00Z", null, null, "at", List.of("either step or at, not both")));
        cases.add(new Case("audit on not a day", HttpMethod.GET, "/api/adaptations/any-decision/audit?on=last-spring", null, null, "on",
                List.of("ISO-8601 day", "day and time")));
        cases.add(new Case("replay step not a number", HttpMethod.GET, programme + "/replay?step=first", null, null, "step",
                List.of("a whole number")));
        cases.add(new Case("asOf not an instant", HttpMethod.GET, programme + "/flow?asOf=yesterday", null, null, "asOf",
                List.of("ISO-8601 instant", "2026-03-01T00:00:00Z")));
        cases.add(new Case("timeline from not a day", HttpMethod.GET, programme + "/timeline?from=01/03/2026", null, null, "from",
                List.of("ISO-8601 day", "2026-03-01")));
        cases.add(new Case("timeline to before from", HttpMethod.GET, programme + "/timeline?from=2026-03-02&to=2026-03-01", null,
                null, "to", List.of("must not be before from")));
        cases.add(new Case("timeline page below 0", HttpMethod.GET, programme + "/timeline?page=-1", null, null, "page",
                List.of("0 or more")));
        cases.add(new Case("timeline size too large", HttpMethod.GET, programme + "/timeline?size=5000", null, null, "size",
                List.of("between 1 and 1000")));
        cases.add(new Case("place timeline page below 0", HttpMethod.GET, "/api/places/" + w.placeId() + "/timeline?page=-1",
                null, null, "page", List.of("0 or more")));
        cases.add(new Case("place timeline size too large", HttpMethod.GET, "/api/places/" + w.placeId() + "/timeline?size=5000",
                null, null, "size", List.of("between 1 and 1000")));
        cases.add(new Case("places without programme", HttpMethod.GET, "/api/places", null, null, "programmeId",
                List.of("is required", "programmeId=")));
        cases.add(new Case("search of an unknown kind", HttpMethod.GET, programme + "/search?q=cafe&kind=poem", null, null, "kind",
                List.of("insight or practice")));
        cases.add(new Case("export in an unknown format", HttpMethod.GET, "/api/places/" + w.placeId() + "/journey/export?format=xml",
                null, null, "format", List.of("csv or json")));
        cases.add(new Case("review number not a number", HttpMethod.GET, review + "/first", null, null, "number",
                List.of("a whole number")));
        return cases;
    }
}
