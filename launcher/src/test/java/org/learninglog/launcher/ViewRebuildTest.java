package org.learninglog.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.launcher.Api.Answer;
import org.learninglog.query.deadletter.DeadLetterGroups;
import org.learninglog.query.programme.ProgrammeTimelineProjection;
import org.learninglog.query.journey.JourneyProjection;
import org.learninglog.sample.SampleHistory;
import org.learninglog.query.view.BufferedDocuments;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewDigest;
import org.learninglog.query.view.ViewUpdate;
import org.learninglog.store.MongoStore;
import org.learninglog.store.engine.PositionedEventStorageEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding a view over the admin API: the old generation answers queries throughout, progress
 * is readable and reaches 100%, and the new generation equals the view built incrementally
 * (and, with events arriving during the rebuild, the view folded from every stored event).
 */
@LearningLogIntegrationTest
class ViewRebuildTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStore eventStore;
    @Autowired
    PositionedEventStorageEngine engine;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    DeadLetterGroups groups;
    @Autowired
    MongoStore store;

    private Api api;
    private ViewTestKit views;
    private String programme;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        views = new ViewTestKit(eventStore, engine, processing, groups, store);
        programme = "rebuild-" + UUID.randomUUID();
        views.append(SampleHistory.generated(21, programme, 5, 600, Instant.parse("2025-01-01T00:00:00Z")));
        views.awaitCaughtUp();
    }

    private String digest(String view) {
        return api.get("/api/admin/views/" + view + "/digest").text("sha256");
    }

    private int liveGeneration(String view) {
        for (JsonNode state : api.get("/api/admin/views").body()) {
            if (state.path("view").asText().equals(view)) {
                return state.path("liveGeneration").asInt();
            }
        }
        throw new AssertionError("no view " + view);
    }

    @Test
    void a_rebuild_serves_the_old_view_throughout_reports_progress_to_100_percent_and_ends_equal_to_the_incremental_view() {
        String placeJourney = "/api/places/" + programme + "-place-0/journey?size=5";
        String before = digest(JourneyProjection.NAME);
        int generation = liveGeneration(JourneyProjection.NAME);

        Answer started = api.post("/api/admin/views/" + JourneyProjection.NAME + "/rebuild", "");
        assertThat(started.status()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.headers().getLocation()).hasPath("/api/admin/views/journey/rebuild");
        assertThat(started.text("toGeneration")).isEqualTo(String.valueOf(generation + 1));

        List<Double> percents = new ArrayList<>();
        int answeredDuringRebuild = 0;
        JsonNode progress;
        do {
            Answer journey = api.get(placeJourney);
            assertThat(journey.status()).as("the journey answers during the rebuild").isEqualTo(HttpStatus.OK);
            answeredDuringRebuild++;
            progress = api.get("/api/admin/views/" + JourneyProjection.NAME + "/rebuild").body();
            percents.add(progress.path("percent").asDouble());
            assertThat(progress.path("state").asText()).isNotEqualTo("FAILED");
            assertThat(progress.has("eventsPerSecond")).isTrue();
            assertThat(progress.path("total").asLong()).isGreaterThanOrEqualTo(progress.path("position").asLong());
        } while (!progress.path("state").asText().equals("DONE"));

        assertThat(answeredDuringRebuild).isPositive();
        assertThat(percents).isSorted().last().isEqualTo(100.0);
        assertThat(progress.path("secondsLeft").asDouble()).isZero();
        assertThat(liveGeneration(JourneyProjection.NAME)).isEqualTo(generation + 1);
        assertThat(digest(JourneyProjection.NAME)).as("the rebuilt view equals the incremental one").isEqualTo(before);

        // The processor now writes into the new generation.
        String placeId = api.registerPlace("After the rebuild");
        String insightId = api.recordInsight(placeId, "Recorded after the switch");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.get("/api/places/" + placeId + "/journey").body().path("timeline").path("items").toString()).contains(insightId));
    }

    @Test
    void events_arriving_during_a_rebuild_are_in_the_new_generation_once() throws Exception {
        String view = ProgrammeTimelineProjection.NAME;
        Answer started = api.post("/api/admin/views/" + view + "/rebuild", "");
        assertThat(started.status()).isEqualTo(HttpStatus.ACCEPTED);
        String during = "during-" + UUID.randomUUID();
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() ->
                views.append(SampleHistory.generated(22, during, 3, 150, Instant.parse("2025-05-01T00:00:00Z"))));

        Answer second = api.post("/api/admin/views/" + view + "/rebuild", "");
        assertThat(second.status()).as("one rebuild of a view at a time, unless the first is done").isIn(HttpStatus.CONFLICT, HttpStatus.ACCEPTED);
        if (second.status() == HttpStatus.CONFLICT) {
            assertThat(second.isProblem()).isTrue();
            assertThat(second.fieldsAtFault()).containsExactly("view");
        }
        await().atMost(Duration.ofSeconds(120)).until(() ->
                api.get("/api/admin/views/" + view + "/rebuild").text("state").equals("DONE"));
        writing.get();
        views.awaitCaughtUp();

        List<ViewEvent> stored = views.storedAsViewsSeeThem();
        var reference = store.database().getCollection("reference_" + UUID.randomUUID().toString().replace("-", ""));
        BufferedDocuments documents = new BufferedDocuments(reference, 1_000_000);
        ProgrammeTimelineProjection projection = new ProgrammeTimelineProjection();
        for (ViewEvent event : stored) {
            ViewUpdate write = new ViewUpdate(documents, event.position());
            projection.apply(event, write);
            write.commit();
        }
        documents.flush();
        assertThat(digest(view)).isEqualTo(ViewDigest.of(reference, views.personalValues()).sha256());
        assertThat(api.get("/api/programmes/" + during + "/timeline").body().path("total").asLong()).isEqualTo(
                stored.stream().filter(e -> !(e.payload() instanceof org.learninglog.events.place.PlaceRegistered)
                        && !(e.payload() instanceof org.learninglog.events.programme.ProgrammeRegistered)
                        && e.payload().toString().contains(during)).count());
    }

    @Test
    void every_view_rebuilt_in_one_pass_ends_in_its_next_generation_equal_to_the_incremental_view() {
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, Integer> generations = new LinkedHashMap<>();
        for (JsonNode state : api.get("/api/admin/views").body()) {
            String view = state.path("view").asText();
            before.put(view, digest(view));
            generations.put(view, state.path("liveGeneration").asInt());
        }

        Answer started = api.post("/api/admin/views/rebuild", "");
        assertThat(started.status()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.body()).extracting(progress -> progress.path("view").asText()).containsExactlyElementsOf(before.keySet());
        Answer again = api.post("/api/admin/views/rebuild", "");
        assertThat(again.status()).as("not while one of them is being rebuilt").isIn(HttpStatus.CONFLICT, HttpStatus.ACCEPTED);

        await().atMost(Duration.ofSeconds(120)).until(() -> before.keySet().stream().allMatch(view ->
                api.get("/api/admin/views/" + view + "/rebuild").text("state").equals("DONE")));
        for (String view : before.keySet()) {
            assertThat(liveGeneration(view)).as(view).isGreaterThan(generations.get(view));
            assertThat(digest(view)).as("the rebuilt %s equals the incremental one", view).isEqualTo(before.get(view));
        }
    }

    @Test
    void an_unknown_view_cannot_be_rebuilt() {
        Answer answer = api.post("/api/admin/views/no-such-view/rebuild", "");
        assertThat(answer.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.fieldsAtFault()).containsExactly("view");
    }
}
