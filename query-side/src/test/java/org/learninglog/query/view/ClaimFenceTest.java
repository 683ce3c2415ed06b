package org.learninglog.query.view;

import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.store.MongoStore;
import org.learninglog.store.testkit.MongoStoreExtension;

import java.time.Duration;
import java.time.Instant;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A batch's write is fenced by its segment's claim: two processes (two token stores, two owners)
 * over the real token collection in the embedded store; the first writes while it owns the segment,
 * and once the second has taken the segment over (the first stalled past the claim timeout), the
 * first's batch is refused and writes nothing.
 */
@ExtendWith(MongoStoreExtension.class)
class ClaimFenceTest {

    private static final String PROCESSOR = "fenced-view";

    /** Notes, per document, which process wrote it last. */
    private static final Projection NOTES = new Projection() {
        @Override
        public String name() {
            return PROCESSOR;
        }

        @Override
        public void apply(ViewEvent event, ViewUpdate view) {
            Document note = view.edit("note");
            if (note != null) {
                note.put("by", event.payload());
            }
        }
    };

    private static MongoTokenStore tokens(MongoStore store, String owner) {
        MongoTokenStore tokens = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(store.database()).build())
                .serializer(JacksonSerializer.defaultSerializer())
                .claimTimeout(Duration.ofMillis(1)) // a claim not extended at once is free to take
                .nodeId(owner)
                .build();
        tokens.ensureIndexes();
        return tokens;
    }

    /**
     * One batch of one event, as the tracking processor runs it: in a unit of work naming its
     * segment; {@code meanwhile} runs after the event is applied and before the batch ends.
     */
    private static void batch(ViewBatches batches, MongoCollection<Document> collection, long position, String by,
                              Runnable meanwhile) throws Exception {
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(by));
        unitOfWork.resources().put("Processor[" + PROCESSOR + "]/SegmentId", 0);
        try {
            batches.handle(unitOfWork, () -> {
                ViewBatches.current(NOTES, collection, message -> null)
                        .apply(new ViewEvent(position, "event-" + position, Instant.EPOCH, by));
                meanwhile.run();
                return null;
            });
            unitOfWork.commit();
        } catch (Exception | Error failure) {
            unitOfWork.rollback(failure);
            throw failure;
        }
    }

    @Test
    void a_process_whose_segment_was_taken_over_while_it_stalled_in_a_batch_writes_nothing(MongoStore store) throws Exception {
        MongoCollection<Document> collection = store.database().getCollection("view_fenced");
        MongoTokenStore first = tokens(store, "first");
        MongoTokenStore second = tokens(store, "second");
        first.initializeTokenSegments(PROCESSOR, 1);
        first.fetchToken(PROCESSOR, 0);
        ViewBatches firstBatches = new ViewBatches(new ClaimFence(first, PROCESSOR));
        batch(firstBatches, collection, 1, "first", () -> { });
        assertThat(collection.find(eq("_id", "note")).first().getString("by")).isEqualTo("first");

        // The first applies event 2 to the note as it read it, then stalls past the claim timeout: the
        // second takes the segment over and writes events 2 and 3 (in a thread of its own, as another
        // process would). Written when the first wakes, its note would put back the state after event 2.
        Runnable takenOver = () -> {
            Thread other = new Thread(() -> {
                await().ignoreExceptionsInstanceOf(UnableToClaimTokenException.class)
                        .untilAsserted(() -> second.fetchToken(PROCESSOR, 0));
                try {
                    batch(new ViewBatches(new ClaimFence(second, PROCESSOR)), collection, 3, "second", () -> { });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };

        assertThatThrownBy(() -> batch(firstBatches, collection, 2, "first, after stalling", takenOver))
                .isInstanceOf(UnableToClaimTokenException.class);
        Document note = collection.find(eq("_id", "note")).first();
        assertThat(note.getString("by")).isEqualTo("second");
        assertThat(note.get(ViewUpdate.POSITION, Number.class).longValue()).isEqualTo(3);
    }

    @Test
    void a_batch_outside_a_tracking_processor_is_not_fenced(MongoStore store) throws Exception {
        MongoCollection<Document> collection = store.database().getCollection("view_unfenced");
        ViewBatches batches = new ViewBatches(new ClaimFence(tokens(store, "nobody"), PROCESSOR));
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("x"));
        batches.handle(unitOfWork, () -> {
            ViewBatches.current(NOTES, collection, message -> null).apply(new ViewEvent(1, "event-1", Instant.EPOCH, "x"));
            return null;
        });
        unitOfWork.commit();
        assertThat(collection.find(eq("_id", "note")).first().getString("by")).isEqualTo("x");
    }
}
