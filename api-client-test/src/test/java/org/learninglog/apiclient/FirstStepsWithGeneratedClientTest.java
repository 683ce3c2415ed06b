package org.learninglog.apiclient;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.apiclient.generated.ApiClient;
import org.learninglog.apiclient.generated.ApiException;
import org.learninglog.apiclient.generated.ApiResponse;
import org.learninglog.apiclient.generated.api.ChangeJourneyApi;
import org.learninglog.apiclient.generated.api.InsightsApi;
import org.learninglog.apiclient.generated.api.PlacesApi;
import org.learninglog.apiclient.generated.api.ProgrammesApi;
import org.learninglog.apiclient.generated.model.InsightChanged;
import org.learninglog.apiclient.generated.model.InsightRecorded;
import org.learninglog.apiclient.generated.model.RecordInsightRequest;
import org.learninglog.apiclient.generated.model.RegisterPlaceRequest;
import org.learninglog.apiclient.generated.model.RegisterProgrammeRequest;
import org.learninglog.apiclient.generated.model.InsightPatch;
import org.learninglog.launcher.LearningLogApplication;
import org.learninglog.store.testkit.MongoStoreExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The README's first steps, taken with a Java client generated from {@code api/openapi.json} alone
 * (openapi-generator, native HTTP client, Jackson) against the whole application with the demo
 * programme loaded: if the description were wrong about a path, a field, a status or a header,
 * these calls would fail to compile, to send or to read the answer.
 */
@ExtendWith(MongoStoreExtension.class)
@SpringBootTest(classes = LearningLogApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"learninglog.demo=auto", "learninglog.store.database=learninglog_api_client",
                "learninglog.integrity.key-file=target/api-client-integrity-signing.key",
                "learninglog.security.rate-limit.requests=0",
                // the store is given by URI here, which turns the demo's accounts off unless forced
                "learninglog.security.demo-accounts-forced=true"})
class FirstStepsWithGeneratedClientTest {

    private static final String PASSWORD = "learning-log-demo";
    private static final String RIVERSIDE = "place-60f4ecc4-0cc1-3e8f-aa9c-4b7774a664d4";

    @LocalServerPort
    int port;

    @Test
    void the_readme_first_steps_record_revise_with_the_etag_and_read_the_journey() throws ApiException {
        // the operator starts a programme; the demo programme's administrator adds a place to it
        String programme = "north-" + UUID.randomUUID();
        assertThat(new ProgrammesApi(as("operator")).startProgramme(
                new RegisterProgrammeRequest().id(programme).name("North together"), null).getProgrammeId()).isEqualTo(programme);
        assertThat(new PlacesApi(as("admin")).addPlaceToProgramme(
                new RegisterPlaceRequest().programmeId("demo-programme").name("Westbrook"), null).getPlaceId()).isNotBlank();

        // a member of Riverside records an insight; the same Idempotency-Key again returns the first answer
        InsightsApi riverside = new InsightsApi(as("riverside"));
        RecordInsightRequest insight = new RecordInsightRequest()
                .text("Residents came when the meeting moved to the school gate")
                .layer(RecordInsightRequest.LayerEnum.PLACE_NETWORK).sphere(RecordInsightRequest.SphereEnum.COMMUNITY)
                .principles(List.of("connected and heard")).source("workshop").happenedOn(LocalDate.parse("2025-01-20"));
        String once = UUID.randomUUID().toString();
        ApiResponse<InsightRecorded> recorded = riverside.recordInsightWithHttpInfo(RIVERSIDE, insight, once);
        assertThat(recorded.getStatusCode()).isEqualTo(201);
        assertThat(riverside.recordInsight(RIVERSIDE, insight, once).getInsightId()).isEqualTo(recorded.getData().getInsightId());
        String insightId = recorded.getData().getInsightId();

        // revise it with the version the write answered as its ETag
        ApiResponse<InsightChanged> revised = riverside.reviseInsightWithHttpInfo(insightId, new InsightPatch()
                        .text("Parents came when the meeting moved to the school gate at 3pm")
                        .layer(InsightPatch.LayerEnum.PLACE_NETWORK).sphere(InsightPatch.SphereEnum.COMMUNITY)
                        .principles(List.of("connected and heard")).source("workshop").reason("More precise"),
                etag(recorded), null);
        assertThat(revised.getData().getVersion()).isEqualTo(recorded.getData().getVersion() + 1);

        // a member of Hillcrest may not write at Riverside
        assertThatThrownBy(() -> new InsightsApi(as("hillcrest")).recordInsight(RIVERSIDE, insight, null))
                .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.getCode()).isEqualTo(403));

        // the insight reads as revised; the funder finds it on the place's journey (every line on one page)
        assertThat(riverside.readInsight(insightId, null).getText()).startsWith("Parents came");
        ChangeJourneyApi funder = new ChangeJourneyApi(as("funder"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(funder.readPlaceChangeJourney(RIVERSIDE,
                null, null, null, null, null, null, null, null, null, null, null, null, null, 1000, null).getTimeline().getItems())
                .anySatisfy(item -> assertThat(item.getSubjectId()).isEqualTo(insightId)));
    }

    private static String etag(ApiResponse<?> answer) {
        return answer.getHeaders().entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase("ETag"))
                .map(header -> header.getValue().get(0)).findFirst().orElseThrow();
    }

    private ApiClient as(String member) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((member + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", basic));
        return client;
    }
}
