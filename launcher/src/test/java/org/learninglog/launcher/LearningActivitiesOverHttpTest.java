package org.learninglog.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.launcher.Api.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A learning partner sets up a learning cluster of four sessions whose forms rate it better each
 * time, records them and reads them back over HTTP: the rise of the "excellent" share with its
 * counts and bases, every Location answering, nothing of it read by a member of another programme
 * (404), and bad input refused naming its field with nothing recorded.
 */
@LearningLogIntegrationTest
class LearningActivitiesOverHttpTest {

    private static final Pattern INVITATION = Pattern.compile("accept-invitation.html#token=(ll_inv_[A-Za-z0-9_-]+)");
    private static final int[][] EXCELLENT_OF_RETURNED = {{6, 14}, {8, 15}, {11, 15}, {16, 18}};

    @Autowired
    TestRestTemplate http;

    private Api api;
    private String programmeId;
    private String riverside;
    private String hilltop;

    @BeforeEach
    void setUp() {
        Api operator = new Api(http);
        programmeId = operator.registerProgramme();
        riverside = operator.registerPlace(programmeId, "Riverside");
        hilltop = operator.registerPlace(programmeId, "Hilltop");
        api = learningPartner(operator);
    }

    /** A learning partner of the programme, invited by the operator, who records the activity. */
    private Api learningPartner(Api operator) {
        String memberId = "partner-" + UUID.randomUUID().toString().substring(0, 8);
        Answer invited = operator.post("/api/programmes/" + programmeId + "/invitations", """
                {"memberId": "%s", "email": "%s@example.org", "roles": [{"role": "LEARNING_PARTNER"}]}"""
                .formatted(memberId, memberId));
        assertThat(invited.status()).as(invited.body().toString()).isEqualTo(HttpStatus.CREATED);
        Matcher link = INVITATION.matcher(invited.text("link"));
        assertThat(link.find()).isTrue();
        String password = "correct horse battery staple " + UUID.randomUUID().toString().substring(0, 8);
        Answer accepted = operator.post("/api/invitations/acceptance", """
                {"token": "%s", "password": "%s"}""".formatted(link.group(1), password));
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(HttpStatus.OK);
        return new Api(http.withBasicAuth(memberId, password));
    }

    private String setUpCluster() {
        Answer created = api.post("/api/programmes/" + programmeId + "/learning-activities", """
                {"kind": "learning cluster session", "topic": "Engaging parents", "placeIds": ["%s", "%s"],
                 "startsOn": "2025-01-01", "endsOn": "2025-12-31", "usefulOptions": ["networking", "speakers"]}"""
                .formatted(riverside, hilltop));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(HttpStatus.CREATED);
        assertThat(readAt(created.headers().getLocation().getPath()).text("topic")).isEqualTo("Engaging parents");
        return created.text("activityId");
    }

    /** What the path answers once the query side has it. */
    private Answer readAt(String path) {
        Answer[] read = new Answer[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            read[0] = api.get(path);
            assertThat(read[0].status()).as(path + ": " + read[0].body()).isEqualTo(HttpStatus.OK);
        });
        return read[0];
    }

    /** The activity once the query side has reached {@code version}. */
    private Answer activityAt(String activityId, long version) {
        Answer[] read = new Answer[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            read[0] = api.get("/api/learning-activities/" + activityId);
            assertThat(read[0].headers().getETag()).as(read[0].body().toString()).isEqualTo("\"" + version + "\"");
        });
        return read[0];
    }

    @Test
    void four_sessions_whose_excellent_share_rises_read_back_as_a_rising_trend_with_their_bases() {
        String activityId = setUpCluster();
        for (int i = 0; i < EXCELLENT_OF_RETURNED.length; i++) {
            int excellent = EXCELLENT_OF_RETURNED[i][0];
            int returned = EXCELLENT_OF_RETURNED[i][1];
            Answer session = api.post("/api/learning-activities/" + activityId + "/sessions", """
                    {"happenedOn": "2025-0%d-10", "attendance": {"%s": 9, "%s": 8}}""".formatted(i + 2, riverside, hilltop));
            assertThat(session.status()).as(session.body().toString()).isEqualTo(HttpStatus.CREATED);
            String sessionPath = session.headers().getLocation().getPath();
            assertThat(sessionPath).isEqualTo("/api/learning-activities/" + activityId + "/sessions/" + (i + 1));
            assertThat(readAt(sessionPath).body().path("attendanceTotal").asLong()).isEqualTo(17);

            Answer evaluated = api.post(sessionPath + "/evaluation", """
                    {"formsReturned": %d, "ratings": {"excellent": %d, "good": %d},
                     "mostUseful": {"networking": %d}, "gotWhatTheyWanted": {"all": 5, "some": %d}}"""
                    .formatted(returned, excellent, returned - excellent, returned - 2, returned - 5));
            assertThat(evaluated.status()).as(evaluated.body().toString()).isEqualTo(HttpStatus.CREATED);
            Answer evaluation = readAt(evaluated.headers().getLocation().getPath());
            assertThat(evaluation.body().path("formsReturned").asLong()).isEqualTo(returned);
        }

        JsonNode activity = activityAt(activityId, 8).body();
        List<String> trend = new ArrayList<>();
        activity.path("trend").forEach(point -> trend.add(point.path("count").asLong() + "/" + point.path("base").asLong()
                + " = " + point.path("percent").asInt() + "% " + point.path("answer").asText()));
        assertThat(trend).containsExactly("6/14 = 43% excellent", "8/15 = 53% excellent", "11/15 = 73% excellent",
                "16/18 = 89% excellent");
        JsonNode first = activity.path("sessions").get(0).path("evaluation");
        assertThat(first.path("ratings").get(0).toString()).isEqualTo(
                "{\"answer\":\"excellent\",\"count\":6,\"base\":14,\"percent\":43}");
        assertThat(first.path("mostUseful").get(0).path("percent").asInt()).isEqualTo(86);
        assertThat(first.path("gotWhatTheyWanted").get(0).path("base").asLong()).isEqualTo(14);

        Answer list = api.get("/api/programmes/" + programmeId + "/learning-activities");
        assertThat(list.body().get(0).path("latest").path("percent").asInt()).isEqualTo(89);
        assertThat(list.body().get(0).path("latest").path("base").asLong()).isEqualTo(18);

        Api otherProgramme = new Api(http.withBasicAuth("other-member", SignedInAsOperator.PASSWORD));
        for (String path : List.of("/api/learning-activities/" + activityId, "/api/learning-activities/" + activityId + "/sessions/1",
                "/api/learning-activities/" + activityId + "/sessions/1/evaluation",
                "/api/programmes/" + programmeId + "/learning-activities")) {
            assertThat(otherProgramme.get(path).status()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
        }

        Answer revised = api.sendIfMatch(HttpMethod.PATCH, "/api/learning-activities/" + activityId + "/sessions/1/evaluation",
                "\"8\"", """
                {"formsReturned": 15, "ratings": {"excellent": 7, "good": 8}, "reason": "A late form came in"}""");
        assertThat(revised.status()).as(revised.body().toString()).isEqualTo(HttpStatus.OK);
        JsonNode now = activityAt(activityId, 9).body();
        JsonNode corrected = now.path("trend").get(0);
        assertThat(corrected.path("count").asLong() + "/" + corrected.path("base").asLong()).isEqualTo("7/15");

        readsOnBothClocks(activityId, now);
    }

    /**
     * The activity on the two clocks: {@code known} at the last evaluation before the correction
     * reads session 1 as it stood then; {@code on} a day in March reads only the sessions held by
     * then, with their evaluations as they now read.
     */
    private void readsOnBothClocks(String activityId, JsonNode now) {
        String activity = "/api/learning-activities/" + activityId;
        String beforeCorrection = now.path("sessions").get(3).path("evaluation").path("recordedAt").asText();
        assertThat(Instant.parse(now.path("sessions").get(0).path("evaluation").path("recordedAt").asText()))
                .isAfter(Instant.parse(beforeCorrection));

        for (String clock : List.of("known", "asOf")) {
            Answer known = api.get(activity + "?" + clock + "=" + beforeCorrection);
            assertThat(known.status()).as(known.body().toString()).isEqualTo(HttpStatus.OK);
            assertThat(known.headers().getETag()).as("a read on a clock is no version to change").isNull();
            assertThat(trend(known.body())).containsExactly("6/14", "8/15", "11/15", "16/18");
            assertThat(known.body().path("sessions").get(0).path("evaluation").path("revisions").asLong()).isZero();
            assertThat(known.body().path("version").asLong()).isEqualTo(8);
        }
        Answer evaluationThen = api.get(activity + "/sessions/1/evaluation?known=" + beforeCorrection);
        assertThat(evaluationThen.body().path("formsReturned").asLong()).as(evaluationThen.body().toString()).isEqualTo(14);

        Answer byMarch = api.get(activity + "?on=2025-03-31");
        assertThat(byMarch.status()).as(byMarch.body().toString()).isEqualTo(HttpStatus.OK);
        assertThat(trend(byMarch.body())).containsExactly("7/15", "8/15");
        assertThat(byMarch.body().path("sessions").size()).isEqualTo(2);
        assertThat(byMarch.body().path("on").asText()).isEqualTo("2025-03-31");
        assertThat(api.get(activity + "/sessions/3?on=2025-03-31").fieldsAtFault()).containsExactly("sessionNumber");
        Answer listed = api.get("/api/programmes/" + programmeId + "/learning-activities?on=2025-02-28");
        assertThat(listed.body().get(0).path("sessions").asInt()).as(listed.body().toString()).isEqualTo(1);
        assertThat(listed.body().get(0).path("latest").path("percent").asInt()).isEqualTo(47);

        Answer beforeItWasSetUp = api.get(activity + "?known=2000-01-01");
        assertThat(beforeItWasSetUp.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(beforeItWasSetUp.fieldsAtFault()).containsExactly("known");
        refused(api.get(activity + "?known=yesterday"), "known");
        refused(api.get(activity + "/sessions/1?on=2025-13-01"), "on");
        refused(api.get(activity + "/sessions/1/evaluation?known=2025-06-01&asOf=2025-06-01"), "asOf");
        refused(api.get("/api/programmes/" + programmeId + "/learning-activities?on=March"), "on");
    }

    private static List<String> trend(JsonNode activity) {
        List<String> trend = new ArrayList<>();
        activity.path("trend").forEach(point -> trend.add(point.path("count").asLong() + "/" + point.path("base").asLong()));
        return trend;
    }

    @Test
    void bad_input_is_refused_naming_its_field_and_records_nothing() {
        String activityId = setUpCluster();
        String sessions = "/api/learning-activities/" + activityId + "/sessions";
        Answer held = api.post(sessions, """
                {"happenedOn": "2025-02-10", "attendance": {"%s": 9}}""".formatted(riverside));
        assertThat(held.status()).isEqualTo(HttpStatus.CREATED);
        activityAt(activityId, 1);

        refused(api.post(sessions, """
                {"happenedOn": "2024-12-31", "attendance": {"%s": 9}}""".formatted(riverside)), "happenedOn");
        String elsewhere = new Api(http).registerPlace(programmeId, "Elsewhere");
        refused(api.post(sessions, """
                {"happenedOn": "2025-03-10", "attendance": {"%s": 4}}""".formatted(elsewhere)), "attendance");
        refused(api.post(sessions + "/1/evaluation", """
                {"formsReturned": 10, "ratings": {"superb": 4}}"""), "ratings");
        refused(api.post(sessions + "/1/evaluation", """
                {"formsReturned": 10, "ratings": {"excellent": -1}}"""), "ratings");
        refused(api.post(sessions + "/1/evaluation", """
                {"formsReturned": -3}"""), "formsReturned");

        Answer activity = api.get("/api/learning-activities/" + activityId);
        assertThat(activity.headers().getETag()).isEqualTo("\"1\"");
        assertThat(activity.body().path("sessions").size()).isEqualTo(1);
        assertThat(activity.body().path("sessions").get(0).path("evaluation").isNull()).isTrue();
        assertThat(api.get(sessions + "/1/evaluation").status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(sessions + "/2").status()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void an_unknown_activity_answers_404_naming_it() {
        Answer unknown = api.get("/api/learning-activities/no-such-activity");
        assertThat(unknown.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.isProblem()).isTrue();
    }

    private static void refused(Answer answer, String field) {
        assertThat(answer.status()).as(answer.body().toString()).isIn(HttpStatus.BAD_REQUEST, HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.fieldsAtFault()).as(answer.body().toString()).anySatisfy(named -> assertThat(named).startsWith(field));
    }
}
