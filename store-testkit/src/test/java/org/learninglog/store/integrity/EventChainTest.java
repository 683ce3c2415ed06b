package org.learninglog.store.integrity;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.store.MongoStore;
import org.learninglog.store.config.EventJson;
import org.learninglog.store.engine.PositionedEventStorageEngine;
import org.learninglog.store.testkit.MongoStoreExtension;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain of every programme verifies while untouched, and each kind of tampering with the
 * stored events is found and located: a flipped byte, a deleted event, two swapped events and an
 * inserted one. Runs in every store mode.
 */
@ExtendWith(MongoStoreExtension.class)
class EventChainTest {

    record Noted(String programmeId, String text) {
    }

    private MongoStore store;
    private PositionedEventStorageEngine engine;
    private EventChain chain;
    private MongoCollection<Document> events;

    @BeforeEach
    void openStore(MongoStore store) {
        this.store = store;
        engine = PositionedEventStorageEngine.builder()
                .database(store.database())
                .eventSerializer(EventJson.serializer())
                .snapshotSerializer(EventJson.serializer())
                .gapTimeout(Duration.ofMillis(200))
                .build();
        engine.ensureIndexes();
        chain = new EventChain(engine, store.database(), CheckpointSigner.ephemeral(), Duration.ZERO, Clock.systemUTC());
        events = store.database().getCollection("events");
    }

    /** Ten events each in programmes "north" and "south", interleaved, one per commit; all sealed. */
    private void history() {
        for (int i = 0; i < 10; i++) {
            for (String programme : List.of("north", "south")) {
                engine.appendEvents(new GenericDomainEventMessage<>("Note", programme + "-" + (i % 3), i / 3,
                        new Noted(programme, programme + " note " + i)));
            }
        }
        while (chain.sealNew() > 0) {
            // seal everything there is
        }
    }

    /** The position of the n-th (from 1) event of a programme in this history. */
    private static long positionOf(String programme, int n) {
        return (n - 1) * 2L + (programme.equals("north") ? 1 : 2);
    }

    @Test
    void an_untouched_history_verifies_for_each_programme_with_its_count_and_head() {
        history();
        IntegrityReport north = chain.verify("north");
        assertThat(north.intact()).isTrue();
        assertThat(north.count()).isEqualTo(10);
        assertThat(north.headHash()).hasSize(64);
        assertThat(north.checkpoints()).isPositive();
        assertThat(chain.verify("south").intact()).isTrue();
        assertThat(north.headHash()).isNotEqualTo(chain.verify("south").headHash());
    }

    @Test
    void sealing_again_changes_nothing_and_new_events_extend_the_chain() {
        history();
        String head = chain.verify("north").headHash();
        assertThat(chain.sealNew()).isZero();
        engine.appendEvents(new GenericDomainEventMessage<>("Note", "north-late", 0, new Noted("north", "later")));
        assertThat(chain.verify("north").unsealed()).isEqualTo(1);
        assertThat(chain.sealNew()).isEqualTo(1);
        IntegrityReport after = chain.verify("north");
        assertThat(after.intact()).isTrue();
        assertThat(after.count()).isEqualTo(11);
        assertThat(after.headHash()).isNotEqualTo(head);
    }

    @Test
    void one_flipped_byte_in_a_stored_event_is_found_where_it_is() {
        history();
        long target = positionOf("north", 4);
        Document commit = events.find(eq("_id", target)).first();
        String payload = commit.getList("events", Document.class).get(0).getString("payload");
        String flipped = payload.replace("note 3", "note 8");
        assertThat(flipped).isNotEqualTo(payload);
        events.updateOne(eq("_id", target), Updates.set("events.0.payload", flipped));

        IntegrityReport report = chain.verify("north");
        assertThat(report.intact()).isFalse();
        assertThat(report.broken().position()).isEqualTo(target);
        assertThat(report.broken().reason()).contains("changed");
        assertThat(report.count()).isEqualTo(3);
        assertThat(chain.verify("south").intact()).isTrue();
    }

    @Test
    void an_event_that_no_longer_reads_as_an_event_is_reported_unreadable_at_its_position_not_thrown() {
        history();
        long target = positionOf("north", 4);
        events.updateOne(eq("_id", target), Updates.unset("events.0.payload"));

        IntegrityReport report = chain.verify("north");

        assertThat(report.intact()).isFalse();
        assertThat(report.broken().unreadable()).isTrue();
        assertThat(report.broken().position()).isEqualTo(target);
        assertThat(report.broken().reason()).contains("cannot be read").contains("payload");
        assertThat(report.count()).isEqualTo(3);
    }

    @Test
    void a_seal_that_no_longer_reads_as_a_seal_is_reported_unreadable_at_its_position_not_thrown() {
        history();
        long target = positionOf("north", 4);
        store.database().getCollection("seals").updateOne(eq("_id", target), Updates.unset("prevPosition"));

        IntegrityReport report = chain.verify("north");

        assertThat(report.intact()).isFalse();
        assertThat(report.broken().unreadable()).isTrue();
        assertThat(report.broken().position()).isEqualTo(target);
        assertThat(report.broken().reason()).contains("seal");
    }

    @Test
    void one_deleted_event_is_found_where_it_was() {
        history();
        long target = positionOf("north", 6);
        events.deleteOne(eq("_id", target));

        IntegrityReport report = chain.verify("north");
        assertThat(report.intact()).isFalse();
        assertThat(report.broken().position()).isEqualTo(target);
        assertThat(report.broken().reason()).contains("missing");
    }

    @Test
    void the_deleted_last_event_is_missed_by_the_signed_checkpoint() {
        history();
        events.deleteOne(eq("_id", positionOf("north", 10)));

        IntegrityReport report = chain.verify("north");
        assertThat(report.intact()).isFalse();
        assertThat(report.broken().position()).isEqualTo(positionOf("north", 10));
    }

    @Test
    void two_swapped_events_are_found_at_the_first_of_them() {
        history();
        long first = positionOf("north", 2);
        long second = positionOf("north", 7);
        Document a = events.find(eq("_id", first)).first();
        Document b = events.find(eq("_id", second)).first();
        events.updateOne(eq("_id", first), Updates.set("events", b.get("events")));
        events.updateOne(eq("_id", second), Updates.set("events", a.get("events")));

        IntegrityReport report = chain.verify("north");
        assertThat(report.intact()).isFalse();
        assertThat(report.broken().position()).isEqualTo(first);
    }

    @Test
    void one_inserted_event_is_found_where_it_was_put() {
        history();
        // A position that was reserved and never written, passed over by the store (fenced)...
        store.database().getCollection("counters").updateOne(eq("_id", "events"), Updates.inc("value", 1L));
        long hole = positionOf("south", 10) + 1;
        engine.appendEvents(new GenericDomainEventMessage<>("Note", "north-after", 0, new Noted("north", "after the hole")));
        IntegrityReport sealed = chain.verify("north"); // reading passes over the hole once it is overdue
        while (sealed.unsealed() > 0) {
            chain.sealNew();
            sealed = chain.verify("north");
        }
        assertThat(sealed.intact()).isTrue();
        assertThat(sealed.count()).isEqualTo(11);
        // ...is where a forged event is slipped in afterwards.
        Document forged = events.find(eq("_id", positionOf("north", 3))).first();
        forged.put("_id", hole);
        forged.put("keys", List.of("forged-" + hole));
        events.deleteOne(eq("_id", hole));
        events.insertOne(forged);

        IntegrityReport report = chain.verify("north");
        assertThat(report.intact()).isFalse();
        assertThat(report.broken().position()).isEqualTo(hole);
        assertThat(report.broken().reason()).contains("inserted");
    }
}
