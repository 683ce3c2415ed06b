package org.learninglog.query.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.query.QuerySideApplication;
import org.learninglog.store.testkit.SignedInAsOperator;
import org.learninglog.query.view.DocumentFields;
import org.learninglog.query.view.Projection;
import org.learninglog.query.view.ViewProcessor;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewGenerations;
import org.learninglog.query.view.ViewUpdate;
import org.learninglog.store.testkit.MongoStoreExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A handler that fails does not skip its event: the event is parked in its processing group's
 * dead-letter queue, the later events of its programme wait behind it, other programmes go on;
 * the admin API lists the letters and, once the cause is gone, a retry applies them in order.
 * On a database of its own: a second application context on the shared one would claim the
 * same processors' tokens.
 */
@ExtendWith(MongoStoreExtension.class)
@SpringBootTest(classes = {QuerySideApplication.class, DeadLetterQueueTest.FlakyViewConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the store is given by URI here, which turns the demo's accounts off unless forced
        properties = {"learninglog.store.database=learninglog_deadletters", "learninglog.security.demo-accounts-forced=true"})
@Import(SignedInAsOperator.class)
class DeadLetterQueueTest {

    static final AtomicBoolean POISONED = new AtomicBoolean(true);

    /** Lists the places of each programme in the order registered; fails on a place called "Poison" while poisoned. */
    static final class FlakyProjection implements Projection {
        @Override
        public String name() {
            return "flaky";
        }

        @Override
        public void apply(ViewEvent event, ViewUpdate view) {
            if (event.payload() instanceof PlaceRegistered place) {
                if (POISONED.get() && place.name().equals("Poison")) {
                    throw new IllegalStateException("the flaky view cannot take a place called Poison yet");
                }
                Document list = view.edit("places:" + place.programmeId());
                if (list != null) {
                    List<String> names = new ArrayList<>(DocumentFields.strings(list, "names"));
                    names.add(place.name());
                    list.put("names", names);
                }
            }
        }
    }

    @ProcessingGroup("flaky")
    static final class FlakyEvents extends ViewProcessor {
        FlakyEvents(FlakyProjection projection, ViewGenerations generations) {
            super(projection, generations);
        }
    }

    @TestConfiguration
    static class FlakyViewConfiguration {
        @Bean
        FlakyProjection flakyProjection() {
            return new FlakyProjection();
        }

        @Bean
        FlakyEvents flakyEvents(FlakyProjection projection, ViewGenerations generations) {
            return new FlakyEvents(projection, generations);
        }
    }

    /** Dead letters are the operator's. */
    @Autowired
    SignedInAsOperator.Operator operator;
    @Autowired
    EventStore eventStore;
    @Autowired
    ViewGenerations generations;

    private static GenericDomainEventMessage<PlaceRegistered> registered(String placeId, String programmeId, String name) {
        return new GenericDomainEventMessage<>("Place", placeId, 0, new PlaceRegistered(placeId, programmeId, name, Instant.now()));
    }

    private List<String> placesOf(String programmeId) {
        Document list = generations.liveCollection("flaky").find(new Document("_id", "places:" + programmeId)).first();
        return DocumentFields.strings(list, "names");
    }

    @Test
    void a_failing_event_and_the_rest_of_its_programme_are_parked_listed_and_applied_in_order_on_retry() {
        // in one commit, so that the processor takes them in one batch: the failure is in its middle
        eventStore.publish(registered("p-1", "north", "Riverside"), registered("p-2", "north", "Poison"),
                registered("p-3", "north", "Hillside"), registered("p-4", "south", "Seaside"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(placesOf("south")).containsExactly("Seaside");
            JsonNode letters = operator.http().getForObject("/api/admin/dead-letters/flaky", JsonNode.class);
            assertThat(letters.path("size").asLong()).isEqualTo(2);
        });
        assertThat(placesOf("north")).as("nothing after the failure is applied out of order").containsExactly("Riverside");
        JsonNode letters = operator.http().getForObject("/api/admin/dead-letters/flaky", JsonNode.class);
        JsonNode sequence = letters.path("sequences").get(0).path("letters");
        assertThat(sequence.get(0).path("payloadType").asText()).isEqualTo(PlaceRegistered.class.getName());
        assertThat(sequence.get(0).path("cause").asText()).contains("Poison");
        assertThat(operator.http().getForObject("/api/admin/dead-letters", JsonNode.class).findValuesAsText("processingGroup"))
                .contains("flaky", "journey", "programme-timeline", "learning-flow", "search");

        ResponseEntity<JsonNode> stillFailing = operator.http().postForEntity("/api/admin/dead-letters/flaky/retry", null, JsonNode.class);
        assertThat(stillFailing.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(stillFailing.getBody().path("remaining").asLong()).isEqualTo(2);

        POISONED.set(false);
        ResponseEntity<JsonNode> retried = operator.http().postForEntity("/api/admin/dead-letters/flaky/retry", null, JsonNode.class);

        assertThat(retried.getBody().path("sequencesCleared").asInt()).isEqualTo(1);
        assertThat(retried.getBody().path("remaining").asLong()).isZero();
        assertThat(placesOf("north")).containsExactly("Riverside", "Poison", "Hillside");
        assertThat(operator.http().getForObject("/api/admin/dead-letters/flaky", JsonNode.class).path("size").asLong()).isZero();
    }

    @Test
    void an_unknown_processing_group_is_a_problem_naming_it() {
        ResponseEntity<JsonNode> answer = operator.http().getForEntity("/api/admin/dead-letters/no-such-group", JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getBody().path("errors").get(0).path("field").asText()).isEqualTo("processingGroup");
    }
}
