package org.learninglog.embedded;

import java.util.List;

/**
 * What the embedded store is told of the event store whose record it holds, by the event store
 * itself: the embedded store keeps no collection or field name of its own, so nothing here
 * depends on the event store's names staying as they are.
 *
 * @param events        the collection of event commits: read first by the start check, the only
 *                      one whose damage stops a start, and copied commit by commit by a recovery
 * @param counters      the collection of the position counter: a reservation sent over the wire to
 *                      it is made durable by the commit of the append that uses it (see
 *                      {@link DurableH2Backend}); a recovery sets the counter past every copied commit
 * @param counterId     the position counter's {@code _id} in {@code counters}
 * @param counterValue  the counter document's field holding the last position handed out
 * @param maxCommitSize the most positions one commit covers: how far past the highest known
 *                      position a recovery still looks for commits
 * @param kept          the collections a recovery copies, in order: what the events cannot give back
 * @param commits       the check of a stored commit's shape
 */
public record EventStoreLayout(String events, String counters, String counterId, String counterValue, int maxCommitSize,
                               List<String> kept, CommitCheck commits) {

    public EventStoreLayout {
        kept = List.copyOf(kept);
    }
}
