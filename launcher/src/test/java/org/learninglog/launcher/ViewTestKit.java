package org.learninglog.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.learninglog.query.deadletter.DeadLetterGroups;
import org.learninglog.sample.SampleHistory;
import org.learninglog.query.view.BufferedDocuments;
import org.learninglog.query.view.Projection;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewReader;
import org.learninglog.query.view.ViewUpdate;
import org.learninglog.store.MongoStore;
import org.learninglog.store.personal.MongoPersonalKeys;
import org.learninglog.store.personal.PersonalValues;
import org.learninglog.store.engine.PositionedEventStorageEngine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the view tests share: histories to append, waiting for the views, reference folds. */
final class ViewTestKit {

    private final EventStore eventStore;
    private final PositionedEventStorageEngine engine;
    private final EventProcessingConfiguration processing;
    private final DeadLetterGroups groups;
    private final MongoStore store;

    ViewTestKit(EventStore eventStore, PositionedEventStorageEngine engine, EventProcessingConfiguration processing,
          DeadLetterGroups groups, MongoStore store) {
        this.eventStore = eventStore;
        this.engine = engine;
        this.processing = processing;
        this.groups = groups;
        this.store = store;
    }

    /** Appends a history as the command side would have; returns nothing until it is stored. */
    void append(SampleHistory history) {
        for (DomainEventMessage<?> message : history.messages()) {
            eventStore.publish(message);
        }
    }

    /** Waits until every view's processor has handled every event stored so far. */
    void awaitCaughtUp() {
        long head = engine.headPosition();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (String group : groups.names()) {
                TrackingEventProcessor processor = processing.eventProcessor(group, TrackingEventProcessor.class).orElseThrow();
                assertThat(processor.processingStatus().values()).as(group).isNotEmpty().allSatisfy((EventTrackerStatus status) ->
                        assertThat(status.getCurrentPosition().orElse(-1)).as(group).isGreaterThanOrEqualTo(head));
            }
        });
    }

    /** The stored events, in order. */
    List<ViewEvent> stored() {
        List<ViewEvent> events = new ArrayList<>();
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(new GlobalSequenceTrackingToken(0), false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> message = iterator.next();
                events.add(new ViewEvent(PositionedEventStorageEngine.positionOf(message.trackingToken()), message.getIdentifier(),
                        message.getTimestamp(), message.getPayload()));
            }
        }
        return events;
    }

    /** The stored events as the views' processors hand them to projections: personal data sealed for views. */
    List<ViewEvent> storedAsViewsSeeThem() {
        PersonalValues values = personalValues();
        return stored().stream().map(e -> new ViewEvent(e.position(), e.eventId(), e.recordedAt(), values.sealedForViews(e.payload())))
                .toList();
    }

    /** Personal data sealing on this store's keys. */
    PersonalValues personalValues() {
        return new PersonalValues(new MongoPersonalKeys(store.database()));
    }

    /** The view folded from only the events recorded up to {@code cut}, in a collection of its own, to read. */
    ViewReader referenceFold(Projection projection, List<ViewEvent> events, Instant cut) {
        var collection = store.database().getCollection("reference_" + UUID.randomUUID().toString().replace("-", ""));
        BufferedDocuments documents = new BufferedDocuments(collection, 1_000_000);
        for (ViewEvent event : events) {
            if (!event.recordedAt().isAfter(cut)) {
                ViewUpdate write = new ViewUpdate(documents, event.position());
                projection.apply(event, write);
                write.commit();
            }
        }
        documents.flush();
        return new ViewReader(collection);
    }

    /** An answer as JSON without the asOf it names, to compare with a reference. */
    static JsonNode withoutAsOf(ObjectMapper json, Object answer) {
        try {
            // Through text, so numbers read the same way on both sides (an int is not a long to JsonNode).
            JsonNode node = json.readTree(json.writeValueAsString(answer));
            strip(node);
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where two trees first differ, as a JSON pointer with both values; for failure messages. */
    static String firstDifference(String at, JsonNode actual, JsonNode expected) {
        if (actual.equals(expected)) {
            return null;
        }
        if (actual.isContainerNode() && expected.isContainerNode() && actual.size() == expected.size()) {
            if (actual.isArray()) {
                for (int i = 0; i < actual.size(); i++) {
                    String found = firstDifference(at + "/" + i, actual.get(i), expected.get(i));
                    if (found != null) {
                        return found;
                    }
                }
            } else {
                for (var names = expected.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    String found = firstDifference(at + "/" + name, actual.path(name), expected.get(name));
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return at + ": " + actual + " but the reference has " + expected;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("asOf");
            object.remove("known"); // the clocks a view was cut on are the question, not the answer
            object.remove("on");
            object.elements().forEachRemaining(ViewTestKit::strip);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(ViewTestKit::strip);
        }
    }
}
