package org.learninglog.store;

import org.learninglog.embedded.EventStoreLayout;
import org.learninglog.store.engine.PositionedEventStorageEngine;

import java.util.List;

/** What the embedded store is told of the event storage engine's record: its collections, its position counter, its commits. */
final class EngineLayout {

    /**
     * The collections that hold what nothing else can rebuild, in the order a recovery copies them:
     * the events, the position counter, the personal data keys, the integrity chain (seals, heads,
     * checkpoints) and the idempotency records.
     */
    private static final List<String> KEPT = List.of("events", PositionedEventStorageEngine.COUNTERS, "personal_keys",
            "seals", "chain_heads", "checkpoints", "idempotency_keys");

    /** The engine's defaults: the collections every application of ours uses. */
    static final EventStoreLayout OF_THE_ENGINE = new EventStoreLayout("events", PositionedEventStorageEngine.COUNTERS,
            "events", "value", PositionedEventStorageEngine.MAX_COMMIT_SIZE, KEPT, new CommitShape());

    private EngineLayout() {
    }
}
