package org.learninglog.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.launcher.Api.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A learning partner records a four-session cluster whose forms rate it better each time, and an
 * insight of each place; the programme's synthesis report for the first half of 2025 reads the rise
 * of the "excellent" share back with its counts and bases, as JSON and as CSV. A funder reads the
 * whole report; a place's member reads their place's part only; a member of another programme is
 * answered 404.
 */
@LearningLogIntegrationTest
class SynthesisReportOverHttpTest {

    private static final Pattern INVITATION = Pattern.compile("accept-invitation.html#token=(ll_inv_[A-Za-z0-9_-]+)");
    private static final int[][] EXCELLENT_OF_RETURNED = {{6, 14}, {8, 15}, {11, 15}, {16, 18}};
    private static final String PERIOD = "?from=2025-01-01&to=2025-06-30";

    @Autowired
    TestRestTemplate http;

    private Api operator;
    private String programmeId;
    private String riverside;
    private String hilltop;
    private String lakeside;

    @BeforeEach
    void setUp() {
        operator = new Api(http);
        programmeId = operator.registerProgramme();
        riverside = operator.registerPlace(programmeId, "Riverside");
        hilltop = operator.registerPlace(programmeId, "Hilltop");
        lakeside = operator.registerPlace(programmeId, "Lakeside");
    }

    /** A member of the programme in {@code role} (a JSON grant), invited by the operator, signed in with Basic. */
    private Api member(String role) {
        String memberId = "member-" + UUID.randomUUID().toString().substring(0, 8);
        Answer invited = operator.post("/api/programmes/" + programmeId + "/invitations", """
                {"memberId": "%s", "email": "%s@example.org", "roles": [%s]}""".formatted(memberId, memberId, role));
        assertThat(invited.status()).as(invited.body().toString()).isEqualTo(HttpStatus.CREATED);
        Matcher link = INVITATION.matcher(invited.text("link"));
        assertThat(link.find()).isTrue();
        String password = "correct horse battery staple " + UUID.randomUUID().toString().substring(0, 8);
        Answer accepted = operator.post("/api/invitations/acceptance", """
                {"token": "%s", "password": "%s"}""".formatted(link.group(1), password));
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(HttpStatus.OK);
        return new Api(http.withBasicAuth(memberId, password));
    }

    @Test
    void the_report_reads_back_the_rise_of_a_cluster_s_excellent_share_with_its_bases_and_each_reader_sees_their_part() {
        Api partner = member("{\"role\": \"LEARNING_PARTNER\"}");
        Answer created = partner.post("/api/programmes/" + programmeId + "/learning-activities", """
                {"kind": "learning cluster session", "topic": "Engaging parents", "placeIds": ["%s", "%s"],
                 "startsOn": "2025-01-01", "endsOn": "2025-12-31", "usefulOptions": ["networking", "speakers"]}"""
                .formatted(riverside, hilltop));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(HttpStatus.CREATED);
        String activityId = created.text("activityId");
        for (int i = 0; i < EXCELLENT_OF_RETURNED.length; i++) {
            int excellent = EXCELLENT_OF_RETURNED[i][0];
            int returned = EXCELLENT_OF_RETURNED[i][1];
            Answer session = partner.post("/api/learning-activities/" + activityId + "/sessions", """
                    {"happenedOn": "2025-0%d-10", "attendance": {"%s": 9, "%s": 8}}""".formatted(i + 2, riverside, hilltop));
            assertThat(session.status()).as(session.body().toString()).isEqualTo(HttpStatus.CREATED);
            Answer evaluated = partner.post(session.headers().getLocation().getPath() + "/evaluation", """
                    {"formsReturned": %d, "ratings": {"excellent": %d, "good": %d},
                     "mostUseful": {"networking": %d}, "gotWhatTheyWanted": {"all": 5, "some": %d}}"""
                    .formatted(returned, excellent, returned - excellent, returned - 2, returned - 5));
            assertThat(evaluated.status()).as(evaluated.body().toString()).isEqualTo(HttpStatus.CREATED);
        }
        for (String place : List.of(riverside, hilltop)) {
            Answer insight = operator.post("/api/places/" + place + "/insights", """
                    {"text": "Parents came when other parents asked them", "layer": "PLACE_NETWORK",
                     "principles": ["connected and heard"], "happenedOn": "2025-03-01"}""");
            assertThat(insight.status()).as(insight.body().toString()).isEqualTo(HttpStatus.CREATED);
        }

        Api funder = member("{\"role\": \"FUNDER\"}");
        String path = "/api/programmes/" + programmeId + "/synthesis-report" + PERIOD;
        JsonNode report = reportOnce(funder, path, 4, 2);
        JsonNode activity = report.path("activities").get(0);
        assertThat(activity.path("activityId").asText()).isEqualTo(activityId);
        List<String> trend = new ArrayList<>();
        activity.path("trend").forEach(point -> trend.add(point.path("count").asLong() + "/" + point.path("base").asLong()
                + " = " + point.path("percent").asInt() + "% " + point.path("answer").asText()));
        assertThat(trend).containsExactly("6/14 = 43% excellent", "8/15 = 53% excellent", "11/15 = 73% excellent",
                "16/18 = 89% excellent");
        assertThat(activity.path("sessions").get(3).path("ratings").get(0).toString())
                .isEqualTo("{\"answer\":\"excellent\",\"count\":16,\"base\":18,\"percent\":89}");
        assertThat(activity.path("sessions").get(0).path("attendanceTotal").asLong()).isEqualTo(17);
        assertThat(report.path("insights").path("byPrinciple").get(0).toString())
                .isEqualTo("{\"answer\":\"connected and heard\",\"count\":2,\"base\":2,\"percent\":100}");
        assertThat(report.path("placeIds").size()).isZero();

        ResponseEntity<String> csv = funder(funder).exchange(path + "&format=csv", HttpMethod.GET, null, String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).contains("rating," + activityId + ",1,2025-02-10,,excellent,6,14,43,Engaging parents",
                "rating," + activityId + ",4,2025-05-10,,excellent,16,18,89,Engaging parents");
        HttpHeaders accept = new HttpHeaders();
        accept.set(HttpHeaders.ACCEPT, "text/csv");
        assertThat(funder(funder).exchange(path, HttpMethod.GET, new HttpEntity<>(accept), String.class).getBody())
                .isEqualTo(csv.getBody());

        JsonNode riversidePart = member("{\"role\": \"PLACE_MEMBER\", \"placeId\": \"" + riverside + "\"}").get(path).body();
        assertThat(riversidePart.path("placeIds").get(0).asText()).isEqualTo(riverside);
        assertThat(riversidePart.path("activities").get(0).path("sessions").get(0).path("attendance").toString())
                .isEqualTo("[{\"key\":\"" + riverside + "\",\"count\":9}]");
        assertThat(riversidePart.path("activities").get(0).path("trend").size()).isEqualTo(4);
        assertThat(riversidePart.path("insights").path("total").asLong()).isEqualTo(1);
        assertThat(riversidePart.toString()).doesNotContain(hilltop);

        JsonNode lakesidePart = member("{\"role\": \"PLACE_MEMBER\", \"placeId\": \"" + lakeside + "\"}").get(path).body();
        assertThat(lakesidePart.path("activities").size()).isZero();
        assertThat(lakesidePart.path("insights").path("total").asLong()).isZero();

        Api otherProgramme = new Api(http.withBasicAuth("other-member", SignedInAsOperator.PASSWORD));
        Answer outside = otherProgramme.get(path);
        assertThat(outside.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(outside.isProblem()).isTrue();
    }

    @Test
    void a_period_without_its_days_or_ending_before_it_begins_is_refused_naming_the_field() {
        String report = "/api/programmes/" + programmeId + "/synthesis-report";
        refused(operator.get(report + "?to=2025-06-30"), "from");
        refused(operator.get(report + "?from=2025-06-30&to=2025-01-01"), "to");
        refused(operator.get(report + "?from=2025-13-01&to=2025-06-30"), "from");
        refused(operator.get(report + PERIOD + "&format=pdf"), "format");
        refused(operator.get(report + PERIOD + "&known=yesterday"), "known");
    }

    /** The report once the query side holds {@code sessions} evaluated sessions and {@code insights} insights. */
    private static JsonNode reportOnce(Api reader, String path, int sessions, int insights) {
        JsonNode[] read = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Answer answer = reader.get(path);
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(HttpStatus.OK);
            read[0] = answer.body();
            assertThat(read[0].path("activities").path(0).path("trend").size()).as(read[0].toString()).isEqualTo(sessions);
            assertThat(read[0].path("insights").path("total").asLong()).isEqualTo(insights);
        });
        return read[0];
    }

    /** The funder's signed-in client, for answers that are not JSON. */
    private TestRestTemplate funder(Api funder) {
        return funder.http();
    }

    private static void refused(Answer answer, String field) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.fieldsAtFault()).as(answer.body().toString()).containsExactly(field);
    }
}
