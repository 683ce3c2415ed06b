package org.learninglog.query.view;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.sample.SampleHistory;
import org.learninglog.store.EncodedDocuments;
import org.learninglog.store.MongoStore;
import org.learninglog.store.testkit.MongoStoreExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live processor applies a batch of events in memory and writes it with one bulk at its end
 * ({@link ViewBatch}); the view must come out as if each event had been applied and written on its
 * own: with every event delivered twice, with an event that fails in the middle of a batch (nothing
 * of it is kept, it is parked, the batch goes on), and with a batch whose write was cut short and
 * which is then delivered again.
 */
@ExtendWith(MongoStoreExtension.class)
class BatchedEqualsEventByEventTest {

    /** Smaller than the processor's batches, so that the sample histories make several. */
    private static final int BATCH = 100;

    private ViewFixture fixture;
    private List<ViewEvent> events;

    @BeforeEach
    void setUp(MongoStore store) {
        fixture = new ViewFixture(store);
        fixture.append(SampleHistory.demo("demo"));
        fixture.append(SampleHistory.generated(11, "gen", 6, 400, Instant.parse("2024-01-01T00:00:00Z")));
        events = fixture.stored();
        assertThat(events.size()).as("events enough for several batches").isGreaterThan(4 * BATCH);
    }

    @Test
    void a_view_applied_a_batch_at_a_time_equals_the_view_applied_event_by_event_also_when_every_event_arrives_twice() {
        for (Projection projection : ViewFixture.PROJECTIONS) {
            String name = projection.name().replace('-', '_');
            ViewFixture.applyLive(projection, fixture.collection("one_" + name), events);
            ViewFixture.applyBatched(projection, fixture.collection("batch_" + name), events, BATCH);
            // each event twice in a row within its batch, and each batch delivered again once written; on the
            // embedded store of this process, the batches read their documents without the wire, as they do there
            List<ViewEvent> twice = ViewEvents.twice(events);
            EncodedDocuments direct = fixture.store.encodedDocuments();
            for (int start = 0; start < twice.size(); start += BATCH) {
                List<ViewEvent> batch = twice.subList(start, Math.min(twice.size(), start + BATCH));
                ViewFixture.applyBatched(projection, fixture.collection("twice_" + name), batch, BATCH, direct);
                ViewFixture.applyBatched(projection, fixture.collection("twice_" + name), batch, BATCH, direct);
            }

            ViewDigest.Digest eventByEvent = ViewDigest.of(fixture.collection("one_" + name));
            assertThat(eventByEvent.documents()).as(projection.name()).isGreaterThan(10);
            assertThat(ViewDigest.of(fixture.collection("batch_" + name))).as("%s batched", projection.name()).isEqualTo(eventByEvent);
            assertThat(ViewDigest.of(fixture.collection("twice_" + name))).as("%s batched, delivered twice", projection.name())
                    .isEqualTo(eventByEvent);
        }
    }

    @Test
    void an_event_failing_in_the_middle_of_a_batch_is_parked_and_leaves_nothing_half_applied() {
        for (Projection projection : ViewFixture.PROJECTIONS) {
            String name = projection.name().replace('-', '_');
            List<ViewEvent> poisoned = poisonedFor(projection);
            Projection failing = new FailingAfterApplying(projection, poisoned.stream().map(ViewEvent::position).collect(Collectors.toSet()));

            List<ViewEvent> parkedOneByOne = new ArrayList<>();
            for (ViewEvent event : events) {
                try {
                    ViewFixture.applyLive(failing, fixture.collection("one_" + name), List.of(event));
                } catch (RuntimeException failure) {
                    parkedOneByOne.add(event);
                }
            }
            List<ViewEvent> parked = ViewFixture.applyBatched(failing, fixture.collection("batch_" + name), events, BATCH);
            ViewFixture.applyLive(projection, fixture.collection("whole_" + name), events);

            assertThat(parked).as("%s parked", projection.name()).isEqualTo(poisoned).isEqualTo(parkedOneByOne);
            ViewDigest.Digest eventByEvent = ViewDigest.of(fixture.collection("one_" + name));
            assertThat(eventByEvent).as("%s: the failing events changed the view", projection.name())
                    .isNotEqualTo(ViewDigest.of(fixture.collection("whole_" + name)));
            assertThat(ViewDigest.of(fixture.collection("batch_" + name))).as("%s batched, with failures", projection.name())
                    .isEqualTo(eventByEvent);
        }
    }

    @Test
    void a_batch_whose_write_was_cut_short_is_completed_by_its_delivery_again() {
        Random random = new Random(5);
        for (Projection projection : ViewFixture.PROJECTIONS) {
            String name = projection.name().replace('-', '_');
            ViewFixture.applyLive(projection, fixture.collection("one_" + name), events);
            var collection = fixture.collection("cut_" + name);
            for (int start = 0; start < events.size(); start += BATCH) {
                List<ViewEvent> delivered = events.subList(start, Math.min(events.size(), start + BATCH));
                ViewBatch killed = new ViewBatch(projection, collection);
                killed.readAhead(delivered);
                delivered.forEach(killed::apply);
                List<Document> writes = killed.pendingWrites();
                // the process dies after the first writes of the ordered bulk: the token stays before the batch
                Replacements.writeInOrder(collection, writes.subList(0, writes.isEmpty() ? 0 : random.nextInt(writes.size())));
                ViewFixture.applyBatched(projection, collection, delivered, BATCH);
            }

            assertThat(ViewDigest.of(collection)).as("%s, every batch cut short and delivered again; differing: %s", projection.name(),
                            differing(collection, fixture.collection("one_" + name)))
                    .isEqualTo(ViewDigest.of(fixture.collection("one_" + name)));
        }
    }

    /** The first few documents that differ between two collections, to say where a digest went wrong. */
    private static List<String> differing(MongoCollection<Document> actual, MongoCollection<Document> expected) {
        List<String> differing = new ArrayList<>();
        for (Document wanted : expected.find()) {
            Document found = actual.find(new Document("_id", wanted.get("_id"))).first();
            if (!wanted.equals(found) && differing.size() < 3) {
                differing.add(wanted.toJson() + " but was " + (found == null ? null : found.toJson()));
            }
        }
        return differing;
    }

    /** An event in the middle of every other batch, one the projection changes documents for. */
    private List<ViewEvent> poisonedFor(Projection projection) {
        List<ViewEvent> poisoned = new ArrayList<>();
        for (int start = BATCH / 2; start < events.size(); start += 2 * BATCH) {
            for (int i = start; i < Math.min(events.size(), start + BATCH / 2); i++) {
                if (changesSomething(projection, events.get(i))) {
                    poisoned.add(events.get(i));
                    break;
                }
            }
        }
        assertThat(poisoned).as("%s has events to fail", projection.name()).hasSizeGreaterThan(1);
        return poisoned;
    }

    private static boolean changesSomething(Projection projection, ViewEvent event) {
        InMemoryDocuments documents = new InMemoryDocuments();
        ViewUpdate update = new ViewUpdate(documents, event.position());
        projection.apply(event, update);
        update.commit();
        return !documents.ids().isEmpty();
    }

    /** Applies each event, then fails on the poisoned ones: their changes are made (in memory) before the failure. */
    private record FailingAfterApplying(Projection projection, Set<Long> poisoned) implements Projection {
        @Override
        public String name() {
            return projection.name();
        }

        @Override
        public void apply(ViewEvent event, ViewUpdate view) {
            projection.apply(event, view);
            if (poisoned.contains(event.position())) {
                throw new IllegalStateException("event " + event.position() + " cannot be taken yet");
            }
        }
    }
}
