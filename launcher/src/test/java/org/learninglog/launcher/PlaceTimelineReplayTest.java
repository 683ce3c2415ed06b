package org.learninglog.launcher;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;
import org.learninglog.query.notification.NewInsightNotifications;
import org.learninglog.query.timeline.PlaceTimeline;
import org.learninglog.query.timeline.PlaceTimelineProjection;
import org.learninglog.query.timeline.PlaceTimelines;
import org.learninglog.store.MongoStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.time.Duration;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replaying the timeline processor leaves the same timelines (each document skips the events it
 * has seen), skips the handlers that must not run twice, and ends with a small token: Axon 4.12.3
 * and 4.13.0 keep such a token growing.
 */
@LearningLogIntegrationTest
class PlaceTimelineReplayTest {

    private static final int MAX_TOKEN_BYTES = 2048;

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    PlaceTimelines timelines;
    @Autowired
    NewInsightNotifications notifications;
    @Autowired
    MongoStore store;

    @Test
    void a_replay_rebuilds_the_same_timeline_without_notifying_again_and_leaves_a_small_token() {
        Api api = new Api(http);
        String placeId = api.registerPlace("Seaside");
        String first = api.recordInsight(placeId, "The buddying pairs kept meeting after the funding ended");
        String second = api.recordInsight(placeId, "Decisions moved to the community forum");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(api.timelineOf(placeId)).containsExactlyInAnyOrder(first, second);
            assertThat(notifications.sentFor(placeId)).isEqualTo(2);
        });
        PlaceTimeline before = timelines.find(placeId).orElseThrow();
        TrackingEventProcessor processor = processing
                .eventProcessor(PlaceTimelineProjection.NAME, TrackingEventProcessor.class)
                .orElseThrow();

        processor.shutDown();
        processor.resetTokens();
        assertThat(timelines.find(placeId)).as("a view keeps serving while its processor replays").contains(before);
        processor.start();

        // Every event up to the reset position is replayed...
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(processor.processingStatus()).isNotEmpty();
            assertThat(processor.processingStatus().values()).allSatisfy(segment -> {
                assertThat(segment.isCaughtUp()).isTrue();
                assertThat(segment.getCurrentPosition().orElse(-1))
                        .isGreaterThanOrEqualTo(segment.getResetPosition().orElseThrow());
            });
        });
        assertThat(timelines.find(placeId)).contains(before);
        assertThat(notifications.sentFor(placeId)).as("notifications after the replay").isEqualTo(2);
        assertThat(serializedSize(storedToken())).isLessThan(MAX_TOKEN_BYTES);

        // ...and in Axon the replay ends with the first event past it, which is handled live.
        String third = api.recordInsight(placeId, "The forum asked the youth group to chair it");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(api.timelineOf(placeId)).containsExactlyInAnyOrder(first, second, third);
            assertThat(processor.processingStatus().values()).noneMatch(EventTrackerStatus::isReplaying);
            assertThat(storedToken().getString("tokenType")).doesNotContain("ReplayToken");
        });
        assertThat(notifications.sentFor(placeId)).as("a new insight after the replay is notified").isEqualTo(3);
        assertThat(serializedSize(storedToken())).isLessThan(MAX_TOKEN_BYTES);
    }

    private Document storedToken() {
        Document token = store.database().getCollection("trackingtokens")
                .find(and(eq("processorName", PlaceTimelineProjection.NAME), eq("segment", 0)))
                .first();
        assertThat(token).as("the timeline processor's token").isNotNull();
        return token;
    }

    private static int serializedSize(Document document) {
        return new RawBsonDocument(document, new DocumentCodec()).getByteBuffer().remaining();
    }
}
