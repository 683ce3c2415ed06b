package org.learninglog.query.view;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery is at least once, so every view must come out the same however often its events
 * arrive: built event by event (as the live processor does), built event by event with every
 * event delivered twice and whole stretches delivered again, and rebuilt from scratch in bulk (with
 * room in memory for every document, and for a few dozen only; and writing ahead after every event,
 * so that the documents held go quiet and wake again).
 */
@ExtendWith(MongoStoreExtension.class)
class IncrementalEqualsRebuiltTest {

    private ViewFixture fixture;
    private List<ViewEvent> events;

    @BeforeEach
    void setUp(MongoStore store) {
        fixture = new ViewFixture(store);
        fixture.append(SampleHistory.demo("demo"));
        fixture.append(SampleHistory.generated(7, "gen", 6, 400, Instant.parse("2024-01-01T00:00:00Z")));
        events = fixture.stored();
    }

    @Test
    void every_view_built_incrementally_equals_the_view_rebuilt_from_scratch_also_when_events_arrive_twice() {
        long readBack = 0;
        long replacedQuiet = 0;
        long replacedHeld = 0;
        long cameBack = 0;
        long replacedDirectly = 0;
        for (Projection projection : ViewFixture.PROJECTIONS) {
            String name = projection.name().replace('-', '_');
            ViewFixture.applyLive(projection, fixture.collection("inc_" + name), events);
            ViewFixture.applyRebuild(projection, fixture.collection("reb_" + name), events);
            // a rebuild whose documents do not all fit in memory, writing ahead every 40 events: the ones quiet
            // longest are written and let go, and read back when an event touches them again
            long started = System.nanoTime();
            BufferedDocuments.Sent small = ViewFixture.applyRebuild(projection, fixture.collection("small_" + name), events, 40, 40);
            double took = (System.nanoTime() - started) / 1e9;
            // what the benchmark prints of a rebuild's writes: their time, and the applying's waits for them, inside it
            assertThat(small.writingSeconds()).as("%s: the store's writes", projection.name()).isPositive().isLessThanOrEqualTo(took);
            assertThat(small.waitedSeconds()).as("%s: the applying's waits", projection.name()).isPositive().isLessThanOrEqualTo(took);
            // written ahead after every event: nearly every document goes quiet (held as its bytes) and wakes again
            BufferedDocuments.Sent quiet = ViewFixture.applyRebuild(projection, fixture.collection("quiet_" + name), events, 100_000, 1);
            // the same, told how many writes ahead are to come: where quiet documents come back, they are held for a third of them
            BufferedDocuments.Sent held = ViewFixture.applyRebuild(projection, fixture.collection("held_" + name), events, 100_000, 1, true);
            assertThat(held.replacements()).as("%s: written again, held quiet longer", projection.name())
                    .isLessThanOrEqualTo(quiet.replacements());
            assertThat(quiet.cameBack()).as("%s: quiet documents touched again, of those that went quiet", projection.name())
                    .isLessThanOrEqualTo(quiet.wentQuiet());
            cameBack += quiet.cameBack();
            replacedQuiet += quiet.replacements();
            replacedHeld += held.replacements();
            ViewFixture.applyLive(projection, fixture.collection("twice_" + name), withRedeliveries(events));
            // on the embedded store of this process, documents written without the wire, as the rebuild does there (in
            // little memory, writing ahead often: documents are let go, read back and written again)
            EncodedDocuments direct = fixture.store.encodedDocuments();
            if (direct != null) {
                replacedDirectly += ViewFixture.applyRebuild(projection, fixture.collection("direct_" + name), events, 40, 40, true, direct)
                        .replacements();
                assertThat(ViewDigest.of(fixture.collection("direct_" + name))).as("%s rebuilt, written without the wire", projection.name())
                        .isEqualTo(ViewDigest.of(fixture.collection("inc_" + name)));
            }

            ViewDigest.Digest incremental = ViewDigest.of(fixture.collection("inc_" + name));
            assertThat(incremental.documents()).as(projection.name()).isGreaterThan(10);
            assertThat(ViewDigest.of(fixture.collection("reb_" + name))).as("%s rebuilt", projection.name()).isEqualTo(incremental);
            assertThat(ViewDigest.of(fixture.collection("small_" + name))).as("%s rebuilt in little memory", projection.name())
                    .isEqualTo(incremental);
            readBack += small.readBack();
            assertThat(ViewDigest.of(fixture.collection("quiet_" + name))).as("%s rebuilt writing ahead after every event", projection.name())
                    .isEqualTo(incremental);
            assertThat(ViewDigest.of(fixture.collection("held_" + name))).as("%s rebuilt holding quiet documents longer", projection.name())
                    .isEqualTo(incremental);
            assertThat(ViewDigest.of(fixture.collection("twice_" + name))).as("%s delivered twice", projection.name()).isEqualTo(incremental);
        }
        assertThat(readBack).as("documents let go in little memory and read back when touched again").isPositive();
        assertThat(cameBack).as("quiet documents touched again (an insight revised, a term found again)").isPositive();
        assertThat(replacedHeld).as("documents written again, held quiet for a third of the writes ahead").isLessThan(replacedQuiet);
        if (fixture.store.encodedDocuments() != null) {
            assertThat(replacedDirectly).as("documents written again without the wire").isPositive();
        }
    }

    /** Each event twice in a row, and now and then the last stretch of events all over again. */
    private static List<ViewEvent> withRedeliveries(List<ViewEvent> events) {
        Random random = new Random(3);
        List<ViewEvent> delivered = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            delivered.add(events.get(i));
            delivered.add(events.get(i));
            if (random.nextInt(40) == 0) {
                delivered.addAll(events.subList(Math.max(0, i - 30), i + 1)); // a batch retried after a failure
            }
        }
        delivered.addAll(events); // a processor whose token was lost starts over
        return delivered;
    }
}
