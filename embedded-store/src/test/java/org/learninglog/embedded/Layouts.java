package org.learninglog.embedded;

import java.util.List;
import java.util.Map;

/** Layouts as an event store hands them over, for the embedded store's own tests. */
final class Layouts {

    /** Commits are documents with a position ({@code _id}) and a count ({@code n}); nothing more is checked. */
    static final EventStoreLayout PLAIN = new EventStoreLayout("events", "counters", "events", "value", 256,
            List.of("events", "counters"), new CommitCheck() {
                @Override
                public String problem(Object stored) {
                    return stored instanceof Map<?, ?> commit && commit.get("_id") instanceof Number && commit.get("n") instanceof Number
                            ? null : "has no position or count";
                }

                @Override
                public long lastPosition(Map<String, Object> commit) {
                    return ((Number) commit.get("_id")).longValue() + ((Number) commit.get("n")).longValue() - 1;
                }
            });

    private Layouts() {
    }
}
