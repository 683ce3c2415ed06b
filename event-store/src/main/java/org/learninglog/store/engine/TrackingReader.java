package org.learninglog.store.engine;

import org.axonframework.eventhandling.TrackedEventData;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads the events in global order for tracking processors and other readers of the whole
 * history ({@link TrackedEvents}), and owns the threads that read a replay's next window ahead.
 * Closing it lets reads in flight finish and starts no more; readers then read in their own thread.
 */
final class TrackingReader implements AutoCloseable {

    private final CommitWindows windows;
    private final GapFence gaps;
    private final PositionCounter counter;
    /** Daemon threads, so a reader never closed does not hold the JVM; idle ones end after a minute. */
    private final ExecutorService readAhead = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "event-store-read-ahead");
        thread.setDaemon(true);
        return thread;
    });

    TrackingReader(CommitWindows windows, GapFence gaps, PositionCounter counter) {
        this.windows = windows;
        this.gaps = gaps;
        this.counter = counter;
    }

    /** The stored events after {@code position}, in order. */
    Stream<? extends TrackedEventData<?>> after(long position) {
        return StreamSupport.stream(new TrackedEvents(position + 1, windows, gaps, counter, readAhead), false);
    }

    @Override
    public void close() {
        readAhead.shutdown();
    }
}
