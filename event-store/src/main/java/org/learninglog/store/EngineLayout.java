package org.learninglog.store;

import org.learninglog.embedded.EventStoreLayout;
import org.learninglog.store.engine.CommitDocument;
import org.learninglog.store.engine.CounterDocument;

import java.util.List;

/** What the embedded store is told of the event storage engine's record: its collections, its position counter, its commits. */
final class EngineLayout {

    /**
     * The collections that hold what nothing else can rebuild, in the order a recovery copies them.
     * The command side's lookup is derived from the events, but by a handler that does not replay,
     * and the demo's completion mark says the demo need not be loaded again: both are kept too.
     */
    private static final List<String> KEPT = List.of(CommitDocument.COLLECTION, CounterDocument.COLLECTION, "personal_keys",
            "seals", "chain_heads", "checkpoints", "idempotency_keys", "personal_access_tokens", "command_lookup",
            "demo_loads");

    /** The engine's defaults: the collections every application of ours uses. */
    static final EventStoreLayout OF_THE_ENGINE = new EventStoreLayout(CommitDocument.COLLECTION, CounterDocument.COLLECTION,
            CounterDocument.EVENTS, CounterDocument.VALUE, CommitDocument.MAX_EVENTS, KEPT, new CommitShape());

    private EngineLayout() {
    }
}
