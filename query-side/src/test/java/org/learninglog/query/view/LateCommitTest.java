package org.learninglog.query.view;

import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.events.framework.Layer;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.query.journey.JourneyProjection;
import org.learninglog.query.journey.JourneyQueries;
import org.learninglog.store.MongoStore;
import org.learninglog.store.config.EventJson;
import org.learninglog.store.engine.CommitHook;
import org.learninglog.store.engine.PositionedEventStorageEngine;
import org.learninglog.store.testkit.MongoStoreExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event whose commit becomes visible well after the events behind it (a writer that stalled
 * between reserving its position and writing) still reaches the projections. axon-mongo's
 * timestamp tracking looks back one second and would skip it; our engine holds readers at the
 * reserved position (up to the gap timeout), or, past that, the writer commits again under new
 * positions that the processor reads later.
 */
@ExtendWith(MongoStoreExtension.class)
class LateCommitTest {

    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(2);

    /** The journey view's processor, outside Spring. */
    @ProcessingGroup(JourneyProjection.NAME)
    static final class JourneyProcessor extends ViewProcessor {
        JourneyProcessor(ViewGenerations generations) {
            super(new JourneyProjection(), generations);
        }
    }

    private MongoStore store;
    private Configuration axon;
    private PositionedEventStorageEngine onTime;
    private final AtomicReference<Duration> stall = new AtomicReference<>(Duration.ZERO);
    private PositionedEventStorageEngine stalling;
    private final ExecutorService writer = Executors.newSingleThreadExecutor();

    @BeforeEach
    void start(MongoStore store) {
        this.store = store;
        onTime = engine(CommitHook.NONE);
        stalling = engine((position, count) -> sleep(stall.getAndSet(Duration.ZERO)));
        ViewGenerations generations = new ViewGenerations(store.database());
        axon = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> EventJson.serializer())
                .configureEventStore(c -> EmbeddedEventStore.builder().storageEngine(onTime).fetchDelay(100).build())
                .registerComponent(org.axonframework.eventhandling.tokenstore.TokenStore.class, c -> new InMemoryTokenStore())
                .eventProcessing(processing -> processing.registerTrackingEventProcessor(JourneyProjection.NAME)
                        .registerEventHandler(c -> new JourneyProcessor(generations)))
                .buildConfiguration();
        axon.start();
        onTime.appendEvents(new GenericDomainEventMessage<>("Place", "place-1", 0,
                new PlaceRegistered("place-1", "programme-1", "Riverside", Instant.now())));
    }

    @AfterEach
    void stop() {
        axon.shutdown();
        writer.shutdownNow();
    }

    private PositionedEventStorageEngine engine(CommitHook hook) {
        PositionedEventStorageEngine engine = PositionedEventStorageEngine.builder()
                .database(store.database())
                .eventSerializer(EventJson.serializer())
                .snapshotSerializer(EventJson.serializer())
                .gapTimeout(GAP_TIMEOUT)
                .commitHook(hook)
                .build();
        engine.ensureIndexes();
        return engine;
    }

    @Test
    void an_insight_committed_one_and_a_half_seconds_late_is_on_the_timeline_in_its_place() throws Exception {
        assertLateInsightIsDelivered(Duration.ofMillis(1500));
        // The processor waited at the reserved position: the late insight keeps it, before the other.
        assertThat(summaries()).containsExactly("late", "on time");
    }

    @Test
    void an_insight_committed_after_the_gap_timeout_is_still_on_the_timeline() throws Exception {
        assertLateInsightIsDelivered(GAP_TIMEOUT.plusSeconds(1));
        // The reader fenced the position after the timeout; the writer committed again, further on.
        assertThat(summaries()).containsExactly("on time", "late");
    }

    private void assertLateInsightIsDelivered(Duration lateness) throws Exception {
        stall.set(lateness);
        Future<?> late = writer.submit(() -> stalling.appendEvents(insight("late")));
        long reserved = onTime.headPosition();
        await().atMost(Duration.ofSeconds(5)).until(() -> onTime.headPosition() > 1); // the late writer holds its position
        onTime.appendEvents(insight("on time"));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(summaries()).contains("on time", "late"));
        late.get(10, TimeUnit.SECONDS);
        assertThat(summaries()).containsOnlyOnce("late").containsOnlyOnce("on time");
        assertThat(reserved).isPositive();
    }

    private List<String> summaries() {
        ViewReader reader = new ViewReader(new ViewGenerations(store.database()).liveCollection(JourneyProjection.NAME));
        return JourneyQueries.timeline(reader, "place-1", TimelineFilter.NONE).stream()
                .map(TimelineLine::summary).toList();
    }

    private static GenericDomainEventMessage<InsightRecorded> insight(String text) {
        String insightId = UUID.randomUUID().toString();
        return new GenericDomainEventMessage<>("Insight", insightId, 0, new InsightRecorded(insightId, "place-1", "programme-1",
                text, false, Layer.PLACE_NETWORK, null, List.of(), List.of(), null, null, null, Instant.now(), "member-1"));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
