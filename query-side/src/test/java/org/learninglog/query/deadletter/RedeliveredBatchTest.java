package org.learninglog.query.deadletter;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.query.QuerySideApplication;
import org.learninglog.query.view.DocumentFields;
import org.learninglog.query.view.Projection;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewGenerations;
import org.learninglog.query.view.ViewProcessor;
import org.learninglog.query.view.ViewUpdate;
import org.learninglog.store.testkit.MongoStoreExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A batch delivered again does not park its events twice, nor out of order. The batch here holds,
 * for one programme, a place whose list the store refuses to write (another document holds its
 * unique code), a place the view cannot take (parked), and one more (parked behind it). The write
 * fails, the processor delivers the batch again, and again until the code is free: the queue still
 * holds the two events once each, in order, and the first place (before the failure) is written, not
 * parked behind it.
 * Real processor, real dead-letter queue in the embedded store over the driver.
 */
@ExtendWith(MongoStoreExtension.class)
@SpringBootTest(classes = {QuerySideApplication.class, RedeliveredBatchTest.ListConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"learninglog.store.database=learninglog_redelivered", "learninglog.security.demo-accounts-forced=true"})
class RedeliveredBatchTest {

    static final String VIEW = "listed-once";

    /** Lists each programme's places, its document coded by the last name listed; cannot take a place called "Poison". */
    static final class ListProjection implements Projection {
        @Override
        public String name() {
            return VIEW;
        }

        @Override
        public void apply(ViewEvent event, ViewUpdate view) {
            if (event.payload() instanceof PlaceRegistered place) {
                if (place.name().equals("Poison")) {
                    throw new IllegalStateException("the list cannot take a place called Poison");
                }
                Document list = view.edit("places:" + place.programmeId());
                if (list != null) {
                    List<String> names = new ArrayList<>(DocumentFields.strings(list, "names"));
                    names.add(place.name());
                    list.put("names", names);
                    list.put("code", place.name());
                }
            }
        }
    }

    @ProcessingGroup(VIEW)
    static final class ListEvents extends ViewProcessor {
        ListEvents(ListProjection projection, ViewGenerations generations) {
            super(projection, generations);
        }
    }

    @TestConfiguration
    static class ListConfiguration {
        @Bean
        ListProjection listProjection() {
            return new ListProjection();
        }

        @Bean
        ListEvents listEvents(ListProjection projection, ViewGenerations generations) {
            return new ListEvents(projection, generations);
        }
    }

    @Autowired
    EventStore eventStore;
    @Autowired
    ViewGenerations generations;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    DeadLetters deadLetters;

    private static GenericDomainEventMessage<PlaceRegistered> registered(String placeId, String programmeId, String name) {
        return new GenericDomainEventMessage<>("Place", placeId, 0, new PlaceRegistered(placeId, programmeId, name, Instant.now()));
    }

    @Test
    void an_event_parked_by_a_batch_delivered_again_is_parked_once() {
        MongoCollection<Document> view = generations.liveCollection(VIEW);
        view.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true).sparse(true));
        view.insertOne(new Document("_id", "blocker").append("code", "Blocked"));
        TrackingEventProcessor processor = processing.eventProcessor(VIEW, TrackingEventProcessor.class).orElseThrow();

        // in one commit, so that the processor takes them in one batch
        var poison = registered("p-2", "north", "Poison");
        var after = registered("p-3", "north", "Hillside");
        eventStore.publish(registered("p-1", "north", "Blocked"), poison, after);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(processor.processingStatus().values())
                .as("the batch's write failed").anyMatch(EventTrackerStatus::isErrorState));
        view.deleteOne(eq("_id", "blocker"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Document list = view.find(eq("_id", "places:north")).first();
            assertThat(list).as("the batch delivered again was written").isNotNull();
            assertThat(DocumentFields.strings(list, "names")).containsExactly("Blocked");
        });
        DeadLetters.GroupLetters letters = deadLetters.of(VIEW);
        assertThat(letters.size()).as("letters after the batch was delivered again").isEqualTo(2);
        assertThat(letters.sequences()).hasSize(1);
        assertThat(letters.sequences().get(0).letters()).as("the failing event and the one after it, in order")
                .extracting(DeadLetters.Letter::eventId).containsExactly(poison.getIdentifier(), after.getIdentifier());
    }
}
