package org.learninglog.store.engine;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The events from a position on, read window by window. Stops before a gap that is still within
 * its timeout, so that what follows is delivered only once the gap is filled or fenced.
 */
final class TrackedEvents extends Spliterators.AbstractSpliterator<TrackedEventData<?>> {

    private final CommitWindows windows;
    private final GapFence gaps;
    private final PositionCounter counter;
    private final Executor readAhead;

    private long next;
    private boolean atCommitBoundary;
    private final List<TrackedEventData<?>> buffer = new ArrayList<>();
    private int index;
    private boolean exhausted;
    /** A commit that cannot be read, met after the events in the buffer: the reader fails on it once it gets there. */
    private UnreadableEvent damage;
    /** The next window, read ahead while the caller handles this one (replays only; see {@link #readAhead}). */
    private CompletableFuture<List<Document>> ahead;
    private long aheadFrom;

    TrackedEvents(long from, CommitWindows windows, GapFence gaps, PositionCounter counter, Executor readAhead) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.next = from;
        this.windows = windows;
        this.gaps = gaps;
        this.counter = counter;
        this.readAhead = readAhead;
    }

    @Override
    public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
        if (index == buffer.size() && damage != null) {
            throw damage;
        }
        if (index == buffer.size()) {
            buffer.clear();
            index = 0;
            while (!exhausted && buffer.isEmpty()) {
                fill();
            }
            if (buffer.isEmpty()) {
                return false;
            }
        }
        action.accept(buffer.get(index++));
        return true;
    }

    private void fill() {
        long before = next;
        List<Document> commits = window(next);
        if (!atCommitBoundary && commits.stream().noneMatch(c -> CommitDocument.position(c) == next)) {
            Document holder = windows.commitHolding(next);
            if (holder != null) {
                commits.add(holder);
            }
        }
        atCommitBoundary = true;
        commits.sort(CommitDocument.BY_POSITION);
        for (Document commit : commits) {
            try {
                CommitDocument.requireReadable(commit, next);
            } catch (UnreadableEvent e) {
                if (buffer.isEmpty()) {
                    throw e;
                }
                damage = e; // deliver the events before it first
                return;
            }
            long start = CommitDocument.position(commit);
            long end = CommitDocument.end(commit);
            if (end <= next) {
                continue;
            }
            if (start > next) {
                if (!gaps.fenceIfOverdue(next, start - 1)) {
                    exhausted = true; // deliver what came before the gap, then wait for it
                }
                return; // read again from the gap: a writer may have filled part of it meanwhile
            }
            if (!CommitDocument.isFence(commit)) {
                List<Document> stored = CommitDocument.events(commit);
                for (int offset = 0; offset < stored.size(); offset++) {
                    long position = start + offset;
                    if (position >= next) {
                        buffer.add(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(position),
                                CommitDocument.entry(commit, stored.get(offset))));
                    }
                }
            }
            next = end;
        }
        gaps.filledBefore(next);
        int batchSize = windows.batchSize();
        if (next - before >= batchSize) {
            readAhead(next); // a full window: more history is likely to follow
        }
        if (!buffer.isEmpty() || next > before) {
            return;
        }
        long head = counter.head();
        if (head < next || !gaps.fenceIfOverdue(next, Math.min(head, next + batchSize - 1))) {
            exhausted = true; // at the head, or waiting for a reserved position to be written
        }
    }

    /**
     * Starts reading the window from {@code from} in the background. During a replay the
     * server's and the driver's work on the next window then overlaps the handling of this one.
     */
    private void readAhead(long from) {
        aheadFrom = from;
        try {
            ahead = CompletableFuture.supplyAsync(() -> windows.read(from), readAhead);
        } catch (RejectedExecutionException closed) {
            ahead = null; // the engine is closing: read it in this thread when it is needed
        }
    }

    /**
     * The commits in the window from {@code from}: the one read ahead when it starts there and
     * has no hole (an earlier read than a fresh one, so it may only lack commits made since,
     * which a hole would show); a fresh read otherwise.
     */
    private List<Document> window(long from) {
        CompletableFuture<List<Document>> early = ahead;
        ahead = null;
        if (early != null && aheadFrom == from) {
            try {
                List<Document> commits = early.join();
                if (CommitWindows.contiguousFrom(from, commits)) {
                    return commits;
                }
            } catch (CompletionException e) {
                // read again below; if the store is down, that read says so in this thread
            }
        }
        return windows.read(from);
    }
}
