package org.learninglog.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.learninglog.launcher.api.DescribedTraffic;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may do what, endpoint by endpoint, over real HTTP: every endpoint of both sides against the
 * installation's operator, a programme's administrator, a member of place A, a member of place B,
 * a learning partner, a funder, the administrator of another programme, and nobody signed in.
 * Each cell checks the status; each read that is served also checks that nothing of the other
 * programme (and, for a place's records, of the other place) comes back. Writes are each made
 * against a record of their own, prepared by the operator, so that one cell never depends on
 * another. The table is written to {@code target/access-matrix.md}.
 */
@LearningLogIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROGRAMME = "matrix-programme";
    private static final String PLACE_A = "matrix-place-a";
    private static final String PLACE_B = "matrix-place-b";
    private static final String OTHER_PROGRAMME = "other-programme";
    private static final String OTHER_PLACE = "other-place";

    /** The principals, in the table's column order; {@code null} is nobody signed in. */
    private static final List<String> WHO = java.util.Arrays.asList("operator", "matrix-admin", "matrix-member-a",
            "matrix-member-b", "matrix-partner", "matrix-funder", "other-admin", null);

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();
    private final Map<String, List<String>> table = new LinkedHashMap<>();
    private long frameworkVersion;
    /** Each change of the framework must change something. */
    private int frameworkRound;
    private String insightA;
    private String insightOther;
    private String practiceA;
    private String adaptationA;
    private String practiceB;
    private String personA;

    // ---- the world the cells act on, made by the operator --------------------------------------

    @BeforeAll
    void setUp() {
        Reply programme = as("operator", "POST", "/api/programmes", """
                {"id": "%s", "name": "Matrix programme", "backfillFrom": "2020-01-01"}""".formatted(PROGRAMME), null);
        assertThat(programme.status).as(programme.text).isEqualTo(201);
        frameworkVersion = version(programme);
        created("/api/places", """
                {"id": "%s", "programmeId": "%s", "name": "Alderford"}""".formatted(PLACE_A, PROGRAMME));
        created("/api/places", """
                {"id": "%s", "programmeId": "%s", "name": "Brookside"}""".formatted(PLACE_B, PROGRAMME));
        created("/api/programmes", """
                {"id": "%s", "name": "Another programme"}""".formatted(OTHER_PROGRAMME));
        created("/api/places", """
                {"id": "%s", "programmeId": "%s", "name": "Elsewhere"}""".formatted(OTHER_PLACE, OTHER_PROGRAMME));

        // The principals, made as a new programme's people are: invited through the membership API,
        // each following their link to set a password (only the operator is of the configuration).
        member("operator", PROGRAMME, "matrix-admin", "{\"role\": \"ADMIN\"}");
        member("operator", OTHER_PROGRAMME, "other-admin", "{\"role\": \"ADMIN\"}");
        member("matrix-admin", PROGRAMME, "matrix-member-a", "{\"role\": \"PLACE_MEMBER\", \"placeId\": \"" + PLACE_A + "\"}");
        member("matrix-admin", PROGRAMME, "matrix-member-b", "{\"role\": \"PLACE_MEMBER\", \"placeId\": \"" + PLACE_B + "\"}");
        member("matrix-admin", PROGRAMME, "matrix-partner", "{\"role\": \"LEARNING_PARTNER\"}");
        member("matrix-admin", PROGRAMME, "matrix-funder", "{\"role\": \"FUNDER\"}");

        personA = person(PLACE_A);
        insightA = insight(PLACE_A, "Alderford residents met at the allotment");
        insight(PLACE_B, "Brookside residents met at the allotment");
        insightOther = insight(OTHER_PLACE, "Elsewhere residents met at the allotment");
        practiceA = practice(PLACE_A, insightA);
        adaptationA = adapt(practiceA, insightA).get("adaptationId").asText();
        practiceB = practice(PLACE_B, null);

        // The views are built asynchronously: wait until both programmes' records are readable.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(as("operator", "GET", "/api/adaptations/" + adaptationA + "/audit", null, null).status).isEqualTo(200);
            assertThat(as("operator", "GET", "/api/places/" + PLACE_B + "/journey", null, null).text).contains("Brookside residents");
            assertThat(as("operator", "GET", "/api/places/" + OTHER_PLACE + "/timeline", null, null).text)
                    .contains(insightOther);
            assertThat(as("operator", "GET", "/api/programmes/" + PROGRAMME + "/search?q=allotment", null, null).text)
                    .contains(insightA);
            assertThat(as("operator", "GET", "/api/programmes/" + PROGRAMME + "/synthesis-report?from=2020-01-01&to="
                    + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1), null, null).text).contains(PLACE_B);
        });
    }

    // ---- writes, command side -------------------------------------------------------------------

    @Test
    void writes() {
        SoftAssertions cells = new SoftAssertions();
        write(cells, "POST /api/programmes", "201 O", () -> new Call("POST", "/api/programmes",
                "{\"name\": \"Programme " + UUID.randomUUID() + "\"}", null));
        write(cells, "PATCH /api/programmes/{id}/framework", "200 O A", () -> new Call("PATCH",
                "/api/programmes/" + PROGRAMME + "/framework", """
                {"principles": ["connected and heard"], "themes": ["power", "round %d"], "sources": ["workshop"],
                 "reason": "Agreed"}""".formatted(++frameworkRound), "\"" + frameworkVersion + "\""));
        write(cells, "PUT /api/programmes/{id}/story-backfill", "200 O A", () -> new Call("PUT",
                "/api/programmes/" + PROGRAMME + "/story-backfill", "{\"from\": \"2019-06-01\"}",
                "\"" + frameworkVersion + "\""));
        write(cells, "POST /api/places", "201 O A", () -> new Call("POST", "/api/places", """
                {"programmeId": "%s", "name": "Newtown"}""".formatted(PROGRAMME), null));
        write(cells, "POST /api/programmes/{id}/funders", "201 O A", () -> new Call("POST",
                "/api/programmes/" + PROGRAMME + "/funders", "{\"name\": \"Common Ground Trust\"}", null));
        write(cells, "POST /api/programmes/{id}/people (place A)", "201 O A MA", () -> new Call("POST",
                "/api/programmes/" + PROGRAMME + "/people", """
                {"placeId": "%s", "role": "PLACE_MEMBER", "name": "Ada", "mayBeQuoted": true}""".formatted(PLACE_A), null));
        write(cells, "POST /api/programmes/{id}/people (no place)", "201 O A P", () -> new Call("POST",
                "/api/programmes/" + PROGRAMME + "/people", """
                {"role": "LEARNING_PARTNER", "name": "Ola", "mayBeQuoted": false}""", null));
        write(cells, "POST /api/programmes/{id}/people/{person}/erasure (place A)", "200 O A MA", () -> new Call("POST",
                "/api/programmes/" + PROGRAMME + "/people/" + person(PLACE_A) + "/erasure", null, null));
        write(cells, "POST /api/places/{A}/insights", "201 O A MA", () -> new Call("POST",
                "/api/places/" + PLACE_A + "/insights", """
                {"text": "Noticed", "layer": "PLACE_NETWORK", "principles": ["connected and heard"]}""", null));
        write(cells, "PATCH /api/insights/{insight of A}", "200 O A MA", () -> new Call("PATCH",
                "/api/insights/" + insight(PLACE_A, "To revise"), """
                {"text": "Revised", "layer": "PLACE_NETWORK", "reason": "Clearer"}""", "\"0\""));
        write(cells, "POST /api/insights/{insight of A}/retraction", "200 O A MA", () -> new Call("POST",
                "/api/insights/" + insight(PLACE_A, "To retract") + "/retraction", "{\"reason\": \"Twice\"}", "\"0\""));
        write(cells, "POST /api/places/{A}/practices", "201 O A MA", () -> new Call("POST",
                "/api/places/" + PLACE_A + "/practices", practiceBody(null), null));
        write(cells, "POST /api/practices/{practice of A}/adaptations", "201 O A MA", () -> new Call("POST",
                "/api/practices/" + practice(PLACE_A, null) + "/adaptations", adaptationBody(insightA), "\"0\""));
        write(cells, "POST /api/practices/{practice of A}/retirement", "200 O A MA", () -> new Call("POST",
                "/api/practices/" + practice(PLACE_A, null) + "/retirement", "{\"why\": \"Nobody missed it\"}", "\"0\""));
        write(cells, "POST /api/practices/{practice of A}/adaptations/{id}/reviews", "201 O A MA", () -> {
            String practice = practice(PLACE_A, null);
            String adaptation = adapt(practice, insightA).get("adaptationId").asText();
            return new Call("POST", "/api/practices/" + practice + "/adaptations/" + adaptation + "/reviews",
                    "{\"outcome\": \"WORKING\", \"notes\": \"More came\"}", "\"1\"");
        });
        write(cells, "POST /api/programmes/{id}/shared-learnings (from A)", "201 O A MA", () -> new Call("POST",
                "/api/programmes/" + PROGRAMME + "/shared-learnings", shareBody(), null));
        write(cells, "POST /api/shared-learnings/{id}/adoptions (by B)", "201 O A MB", () -> new Call("POST",
                "/api/shared-learnings/" + shared() + "/adoptions", """
                {"placeId": "%s", "practiceId": "%s", "note": "We made it ours"}""".formatted(PLACE_B, practiceB), null));
        write(cells, "POST /api/shared-learnings/{id}/responses (by B)", "201 O A MB", () -> new Call("POST",
                "/api/shared-learnings/" + shared() + "/responses", """
                {"placeId": "%s", "kind": "QUESTION", "text": "How did you start?"}""".formatted(PLACE_B), null));
        write(cells, "POST /api/programmes/{id}/sensemaking-sessions", "201 O A P", () -> new Call("POST",
                "/api/programmes/" + PROGRAMME + "/sensemaking-sessions", """
                {"title": "Autumn", "participantIds": ["%s"], "insightIds": ["%s"], "conclusions": "Venue matters",
                 "happenedOn": "2024-11-28"}""".formatted(personA, insightA), null));
        write(cells, "POST /api/programmes/{id}/invitations", "201 O A", () -> new Call("POST",
                "/api/programmes/" + PROGRAMME + "/invitations", """
                {"memberId": "invited-%s", "roles": [{"role": "FUNDER"}]}""".formatted(UUID.randomUUID()), null));
        // With local accounts nobody signed in accepts at an identity provider (there is none): 403 for all.
        write(cells, "POST /api/invitations/provider-acceptance", "403 O A MA MB P F OA", () -> new Call("POST",
                "/api/invitations/provider-acceptance", "{\"token\": \"ll_inv_not-issued\"}", null));
        write(cells, "POST /api/admin/membership/rebuild", "200 O", () -> new Call("POST", "/api/admin/membership/rebuild", null, null));
        // The operator's cell is the demo test's (loading the demo here would change what it finds).
        write(cells, "POST /api/admin/demo", "- O", () -> new Call("POST", "/api/admin/demo", null, null));
        write(cells, "POST /api/admin/views/{view}/rebuild", "202 O", () -> {
            awaitNoRebuild();
            return new Call("POST", "/api/admin/views/learning-flow/rebuild", null, null);
        });
        awaitNoRebuild();
        write(cells, "POST /api/admin/views/rebuild", "202 O", () -> {
            awaitNoRebuild();
            return new Call("POST", "/api/admin/views/rebuild", null, null);
        });
        awaitNoRebuild();
        write(cells, "POST /api/admin/dead-letters/{group}/retry", "200 O", () -> new Call("POST",
                "/api/admin/dead-letters/journey/retry", null, null));
        writeTable();
        cells.assertAll();
    }

    // ---- reads, query side ----------------------------------------------------------------------

    @Test
    void reads() {
        SoftAssertions cells = new SoftAssertions();
        String everyone = "200 O A MA MB P F";
        read(cells, "GET /api/me", "200 O A MA MB P F OA", "/api/me", List.of());
        read(cells, "GET /api/programmes/{id}/members", "200 O A", "/api/programmes/" + PROGRAMME + "/members",
                List.of("other-admin"));
        read(cells, "GET /api/programmes/{id}/places/{A}/writers?on=", "200 O A P", "/api/programmes/" + PROGRAMME
                + "/places/" + PLACE_A + "/writers?on=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC), List.of("other-admin"));
        read(cells, "GET /api/places?programmeId=", everyone, "/api/places?programmeId=" + PROGRAMME, List.of(OTHER_PLACE));
        read(cells, "GET /api/places/{A}/timeline", everyone, "/api/places/" + PLACE_A + "/timeline", notOfA());
        read(cells, "GET /api/places/{A}/insights/{id}", everyone, "/api/places/" + PLACE_A + "/insights/" + insightA, notOfA());
        read(cells, "GET /api/places/{A}/journey", everyone, "/api/places/" + PLACE_A + "/journey", notOfA());
        read(cells, "GET /api/places/{A}/journey?asOf=", everyone,
                "/api/places/" + PLACE_A + "/journey?asOf=2100-01-01T00:00:00Z", notOfA());
        read(cells, "GET /api/places/{A}/journey/export (csv)", everyone, "/api/places/" + PLACE_A + "/journey/export", notOfA());
        read(cells, "GET /api/places/{A}/journey/export (json)", everyone,
                "/api/places/" + PLACE_A + "/journey/export?format=json", notOfA());
        read(cells, "GET /api/places/{A}/journey/report", everyone, "/api/places/" + PLACE_A + "/journey/report", notOfA());
        read(cells, "GET /api/practices/{practice of A}/history", everyone, "/api/practices/" + practiceA + "/history", notOfA());
        read(cells, "GET /api/practices/{practice of A}", everyone, "/api/practices/" + practiceA, notOfA());
        read(cells, "GET /api/practices/{practice of A}/adaptations/{id}", everyone,
                "/api/practices/" + practiceA + "/adaptations/" + adaptationA, notOfA());
        read(cells, "GET /api/programmes/{id}/people/{person of A}", everyone,
                "/api/programmes/" + PROGRAMME + "/people/" + personA, notOfOther());
        read(cells, "GET /api/insights/{insight of A}", everyone, "/api/insights/" + insightA, notOfA());
        read(cells, "GET /api/adaptations/{adaptation of A}/audit", everyone, "/api/adaptations/" + adaptationA + "/audit", notOfA());
        read(cells, "GET /api/programmes/{id}/timeline", everyone, "/api/programmes/" + PROGRAMME + "/timeline", notOfOther());
        read(cells, "GET /api/programmes/{id}/timeline/export", everyone,
                "/api/programmes/" + PROGRAMME + "/timeline/export?format=json", notOfOther());
        read(cells, "GET /api/programmes/{id}/replay?step=", everyone, "/api/programmes/" + PROGRAMME + "/replay?step=1", notOfOther());
        read(cells, "GET /api/programmes/{id}/counts", everyone, "/api/programmes/" + PROGRAMME + "/counts", notOfOther());
        read(cells, "GET /api/programmes/{id}/flow", everyone, "/api/programmes/" + PROGRAMME + "/flow", notOfOther());
        String period = "?from=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusYears(1)
                + "&to=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1);
        read(cells, "GET /api/programmes/{id}/synthesis-report", everyone,
                "/api/programmes/" + PROGRAMME + "/synthesis-report" + period, notOfOther());
        read(cells, "GET /api/programmes/{id}/synthesis-report (csv)", everyone,
                "/api/programmes/" + PROGRAMME + "/synthesis-report" + period + "&format=csv", notOfOther());
        // A place's member reads their own place's part of the report: nothing of the other place's insights,
        // practices or records (learning that travelled between the two names both ends, as the flow does).
        for (String[] part : new String[][] {{"matrix-member-a", PLACE_A, PLACE_B}, {"matrix-member-b", PLACE_B, PLACE_A}}) {
            JsonNode report = as(part[0], "GET", "/api/programmes/" + PROGRAMME + "/synthesis-report" + period, null, null).json();
            cells.assertThat(report.path("placeIds").toString()).as(part[0] + "'s part of the report").isEqualTo("[\"" + part[1] + "\"]");
            for (String section : List.of("insights", "practices", "records", "activities")) {
                cells.assertThat(report.path(section).toString()).as(part[0] + "'s part of the report: " + section)
                        .doesNotContain(part[2]);
            }
            cells.assertThat(report.path("insights").toString()).as(part[0] + "'s insights").contains(part[1]);
        }
        Reply whole = as("matrix-funder", "GET", "/api/programmes/" + PROGRAMME + "/synthesis-report" + period, null, null);
        cells.assertThat(whole.text).as("the funder's whole report").contains(PLACE_A, PLACE_B);
        read(cells, "GET /api/programmes/{id}/framework", everyone, "/api/programmes/" + PROGRAMME + "/framework", notOfOther());
        read(cells, "GET /api/programmes/{id}/search", everyone, "/api/programmes/" + PROGRAMME + "/search?q=allotment",
                notOfOther());
        read(cells, "GET /api/programmes/{other}/search (its own admin)", "200 O OA",
                "/api/programmes/" + OTHER_PROGRAMME + "/search?q=allotment", List.of(PLACE_A, PLACE_B, insightA));
        read(cells, "GET /api/programmes/{id}/integrity", "200 O A P", "/api/programmes/" + PROGRAMME + "/integrity", List.of());
        read(cells, "GET /api/admin/views", "200 O", "/api/admin/views", List.of());
        read(cells, "GET /api/admin/views/{view}/rebuild", "200 O", "/api/admin/views/learning-flow/rebuild", List.of());
        read(cells, "GET /api/admin/views/{view}/digest", "200 O", "/api/admin/views/learning-flow/digest", List.of());
        read(cells, "GET /api/admin/dead-letters", "200 O", "/api/admin/dead-letters", List.of());
        read(cells, "GET /api/admin/dead-letters/{group}", "200 O", "/api/admin/dead-letters/journey", List.of());
        writeTable();
        cells.assertAll();
    }

    @Test
    void the_actor_on_an_event_is_the_signed_in_member_and_a_body_cannot_name_another() {
        Reply recorded = as("matrix-member-a", "POST", "/api/places/" + PLACE_A + "/insights", """
                {"text": "Who said this?", "layer": "INDIVIDUALS"}""", null);
        assertThat(recorded.status).isEqualTo(201);
        String insightId = recorded.json().get("insightId").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                as("matrix-member-b", "GET", "/api/places/" + PLACE_A + "/insights/" + insightId, null, null).json()
                        .path("recordedBy").asText()).isEqualTo("matrix-member-a"));

        Reply impersonating = as("matrix-member-a", "POST", "/api/places/" + PLACE_A + "/insights", """
                {"text": "Said by someone else", "layer": "INDIVIDUALS", "recordedBy": "matrix-admin"}""", null);
        assertThat(impersonating.status).isEqualTo(400);
        assertThat(impersonating.text).contains("recordedBy");
    }

    // ---- the cells --------------------------------------------------------------------------------

    /**
     * @param expected the status for those allowed, then who is allowed: O operator, A the
     *                 programme's administrator, MA/MB members of places A/B, P learning partner,
     *                 F funder, OA the other programme's administrator; "-" skips the cell of those
     *                 listed. Everyone else signed in gets 403, or 404 for what lies in a programme
     *                 they are not part of (as for an unknown id); nobody signed in gets 401.
     */
    private void write(SoftAssertions cells, String endpoint, String expected, Supplier<Call> prepare) {
        List<String> row = new ArrayList<>();
        for (String who : WHO) {
            int want = expectedStatus(endpoint, expected, who);
            if (want == 0) {
                row.add("(demo test)");
                continue;
            }
            Call call = prepare.get();
            Reply reply = as(who, call.method, call.path, call.body, call.ifMatch);
            if (reply.status == 200 && (call.path.endsWith("/framework") || call.path.endsWith("/story-backfill"))) {
                frameworkVersion = version(reply);
            }
            cells.assertThat(reply.status).as("%s as %s: %s", endpoint, who, reply.text).isEqualTo(want);
            if (want >= 400) {
                cells.assertThat(reply.problem()).as("%s as %s answers problem+json", endpoint, who).isTrue();
            }
            row.add(String.valueOf(reply.status));
        }
        table.put(endpoint, row);
    }

    private void read(SoftAssertions cells, String endpoint, String expected, String path, List<String> foreign) {
        List<String> row = new ArrayList<>();
        for (String who : WHO) {
            int want = expectedStatus(endpoint, expected, who);
            Reply reply = as(who, "GET", path, null, null);
            cells.assertThat(reply.status).as("%s as %s: %s", endpoint, who, reply.text).isEqualTo(want);
            if (reply.status == 200) {
                for (String other : foreign) {
                    cells.assertThat(reply.text).as("%s as %s holds nothing of %s", endpoint, who, other)
                            .doesNotContain(other);
                }
            } else {
                cells.assertThat(reply.problem()).as("%s as %s answers problem+json", endpoint, who).isTrue();
            }
            row.add(String.valueOf(reply.status));
        }
        table.put(endpoint, row);
    }

    private static int expectedStatus(String endpoint, String expected, String who) {
        String[] parts = expected.split(" ");
        String code = switch (who == null ? "" : who) {
            case "operator" -> "O";
            case "matrix-admin" -> "A";
            case "matrix-member-a" -> "MA";
            case "matrix-member-b" -> "MB";
            case "matrix-partner" -> "P";
            case "matrix-funder" -> "F";
            case "other-admin" -> "OA";
            default -> "";
        };
        if (who == null) {
            return 401;
        }
        boolean listed = List.of(parts).subList(1, parts.length).contains(code);
        int refused = outsider(endpoint, code) ? 404 : 403;
        if (parts[0].equals("-")) {
            return listed ? 0 : refused;
        }
        return listed ? Integer.parseInt(parts[0]) : refused;
    }

    /** Whether the endpoint acts on a programme this principal is not part of (the installation's are nobody's). */
    private static boolean outsider(String endpoint, String code) {
        boolean installation = endpoint.contains("/api/admin/") || endpoint.equals("POST /api/programmes")
                || endpoint.equals("GET /api/me");
        if (installation || code.equals("O")) {
            return false;
        }
        return endpoint.contains("{other}") != code.equals("OA");
    }

    private List<String> notOfA() {
        return List.of(PLACE_B, "Brookside residents", OTHER_PROGRAMME, OTHER_PLACE, insightOther);
    }

    private List<String> notOfOther() {
        return List.of(OTHER_PROGRAMME, OTHER_PLACE, insightOther, "Elsewhere residents");
    }

    private void writeTable() {
        StringBuilder markdown = new StringBuilder("| endpoint | operator | admin | member A | member B | partner | funder"
                + " | other programme's admin | nobody |\n|---|---|---|---|---|---|---|---|---|\n");
        table.forEach((endpoint, row) -> markdown.append("| ").append(endpoint).append(" | ")
                .append(String.join(" | ", row)).append(" |\n"));
        try {
            Files.writeString(Path.of("target", "access-matrix.md"), markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- records prepared by the operator ---------------------------------------------------------

    private String person(String placeId) {
        return created("/api/programmes/" + PROGRAMME + "/people", """
                {"placeId": "%s", "role": "PLACE_MEMBER", "name": "Resident %s", "mayBeQuoted": true}"""
                .formatted(placeId, UUID.randomUUID())).get("personId").asText();
    }

    private String insight(String placeId, String text) {
        return created("/api/places/" + placeId + "/insights", """
                {"text": "%s", "layer": "PLACE_NETWORK", "principles": ["connected and heard"]}""".formatted(text))
                .get("insightId").asText();
    }

    private String practice(String placeId, String insightId) {
        return created("/api/places/" + placeId + "/practices", practiceBody(insightId)).get("practiceId").asText();
    }

    private JsonNode adapt(String practiceId, String insightId) {
        Reply reply = as("operator", "POST", "/api/practices/" + practiceId + "/adaptations", adaptationBody(insightId), "\"0\"");
        assertThat(reply.status).as(reply.text).isEqualTo(201);
        return reply.json();
    }

    private String shared() {
        return created("/api/programmes/" + PROGRAMME + "/shared-learnings", shareBody()).get("sharedLearningId").asText();
    }

    private String shareBody() {
        return """
                {"placeId": "%s", "title": "Meet where people are", "summary": "We moved the meeting",
                 "audience": {"wholeProgramme": true}, "insightIds": ["%s"]}""".formatted(PLACE_A, insightA);
    }

    private static String practiceBody(String insightId) {
        return """
                {"name": "Where we meet", "description": "In the civic centre", "why": "It was free",
                 "insightIds": [%s], "forum": "partnership board"}""".formatted(insightId == null ? "" : "\"" + insightId + "\"");
    }

    private static String adaptationBody(String insightId) {
        return """
                {"becomes": "In the café", "why": "Residents came there", "insightIds": [%s],
                 "forum": "residents' assembly"}""".formatted(insightId == null ? "" : "\"" + insightId + "\"");
    }

    private JsonNode created(String path, String body) {
        Reply reply = as("operator", "POST", path, body, null);
        assertThat(reply.status).as(path + ": " + reply.text).isEqualTo(201);
        return reply.json();
    }

    private void awaitNoRebuild() {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Reply progress = as("operator", "GET", "/api/admin/views/learning-flow/rebuild", null, null);
            return progress.status == 404 || progress.json().path("finishedAt").isTextual();
        });
    }

    private static long version(Reply reply) {
        return Long.parseLong(reply.etag.replace("\"", ""));
    }

    // ---- HTTP -------------------------------------------------------------------------------------

    private record Call(String method, String path, String body, String ifMatch) {
    }

    private record Reply(int status, String text, String contentType, String etag) {
        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean problem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    /** Passwords chosen by the principals who accepted an invitation; the others are the configuration's. */
    private final Map<String, String> passwords = new java.util.HashMap<>();

    private void member(String by, String programme, String memberId, String role) {
        Reply invited = as(by, "POST", "/api/programmes/" + programme + "/invitations", """
                {"memberId": "%s", "roles": [%s]}""".formatted(memberId, role), null);
        assertThat(invited.status).as(invited.text).isEqualTo(201);
        String link = invited.json().get("link").asText();
        String token = link.substring(link.indexOf("token=") + "token=".length());
        String password = "matrix passphrase of " + passwords.size() + " words";
        Reply accepted = as(null, "POST", "/api/invitations/acceptance", """
                {"token": "%s", "password": "%s"}""".formatted(token, password), null);
        assertThat(accepted.status).as(accepted.text).isEqualTo(200);
        passwords.put(memberId, password);
    }

    private Reply as(String who, String method, String path, String body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "PATCH".equals(method) ? "application/merge-patch+json" : "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (who != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (who + ":" + passwords.getOrDefault(who, SignedInAsOperator.PASSWORD)).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpRequest sent = request.build();
            HttpResponse<String> response = client.send(sent, HttpResponse.BodyHandlers.ofString());
            DescribedTraffic.check(sent, body, response);
            return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
