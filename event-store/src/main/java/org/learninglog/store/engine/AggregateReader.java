package org.learninglog.store.engine;

import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.DomainEventData;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads an aggregate's events by runs of its {@code aggregate#sequence} keys
 * ({@code keys $in [...]}: exact keys of the unique index, on MongoDB and on the embedded server
 * alike), so an aggregate of a few dozen events loads in two or three round trips, not one per
 * commit. The run starts short, as most aggregates are, and doubles up to a tracking window.
 */
final class AggregateReader {

    private static final int FIRST_LOOKAHEAD = 8;

    private final MongoCollection<Document> events;
    private final SnapshotStore snapshots;
    private final int maxLookahead;

    AggregateReader(MongoCollection<Document> events, SnapshotStore snapshots, int maxLookahead) {
        this.events = events;
        this.snapshots = snapshots;
        this.maxLookahead = maxLookahead;
    }

    Stream<? extends DomainEventData<?>> eventsFrom(String aggregateIdentifier, long firstSequenceNumber) {
        List<DomainEventData<?>> found = new ArrayList<>();
        for (Document commit : commitsFrom(aggregateIdentifier, firstSequenceNumber)) {
            List<Document> stored = CommitDocument.events(commit);
            for (Document event : stored) {
                DomainEventData<?> entry = CommitDocument.entry(commit, event);
                if (entry.getSequenceNumber() >= firstSequenceNumber) {
                    found.add(entry);
                }
            }
        }
        return found.stream();
    }

    /** The aggregate's last sequence number: after its snapshot, if it has one. */
    Optional<Long> lastSequenceNumber(String aggregateIdentifier) {
        Long last = snapshots.lastSequence(aggregateIdentifier);
        long from = last == null ? 0 : last + 1;
        List<Document> commits = commitsFrom(aggregateIdentifier, from);
        return commits.isEmpty() ? Optional.ofNullable(last)
                : Optional.of(CommitDocument.lastSequence(commits.get(commits.size() - 1)));
    }

    /**
     * The commits that hold an aggregate's sequence numbers from {@code seq} on, in order, up to
     * the first number no commit holds.
     */
    private List<Document> commitsFrom(String stream, long seq) {
        List<Document> commits = new ArrayList<>();
        long next = seq;
        int lookahead = FIRST_LOOKAHEAD;
        while (true) {
            long end = next + lookahead; // exclusive
            List<String> wanted = new ArrayList<>(lookahead);
            for (long s = next; s < end; s++) {
                wanted.add(CommitDocument.slotKey(stream, s));
            }
            List<Document> found = events.find(CommitQueries.withAnyKey(wanted)).into(new ArrayList<>());
            found.sort(CommitDocument.BY_SEQUENCE);
            for (Document commit : found) {
                if (CommitDocument.firstSequence(commit) > next) {
                    return commits; // no commit holds next: the aggregate's events end before it
                }
                if (CommitDocument.lastSequence(commit) >= next) {
                    commits.add(commit);
                    next = CommitDocument.lastSequence(commit) + 1;
                }
            }
            if (next < end) {
                return commits;
            }
            lookahead = Math.min(lookahead * 2, maxLookahead);
        }
    }
}
