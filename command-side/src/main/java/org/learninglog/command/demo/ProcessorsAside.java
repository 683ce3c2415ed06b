package org.learninglog.command.demo;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The tracking event processors of this process (the views, where the query side runs in it too)
 * set aside while the demo loads, and started again after it. Measured on the 2-core machine: while
 * they ran, each of the demo's events woke every view's threads, which read it, wrote their view and
 * their token one event at a time on the same embedded store and CPU as the demo's commands; the load
 * took 25–50 s. Started after it, they take its 339 events in a few batches each. What the demo
 * proves is unchanged: every command still goes through the command gateway and every rule of the
 * domain; the views are built from the same events, only later, and before the launcher says where
 * to open it: {@link #awaitCaughtUp()} waits (a bounded while) for them to catch up, so its first page shows
 * the demo, as it did when they ran beside the load.
 */
final class ProcessorsAside {

    private static final Logger log = LoggerFactory.getLogger(ProcessorsAside.class);
    /** Far above the few seconds they take (4.5 s on the busy 2-core machine); a process that holds none of a view's segments (another does) stops waiting here. */
    private static final Duration CATCH_UP_BOUND = Duration.ofSeconds(30);

    /** Launching takes a token claim per segment: well under a second a processor on this machine. */
    private static final Duration LAUNCH_BOUND = Duration.ofSeconds(10);

    private final List<TrackingEventProcessor> stopped;

    private ProcessorsAside(List<TrackingEventProcessor> stopped) {
        this.stopped = stopped;
    }

    /** Shuts down the running tracking processors (none when {@code processing} is null: no views here). */
    static ProcessorsAside setAside(EventProcessingConfiguration processing) {
        if (processing == null) {
            return new ProcessorsAside(List.of());
        }
        List<TrackingEventProcessor> running = processing.eventProcessors().values().stream()
                .filter(TrackingEventProcessor.class::isInstance).map(TrackingEventProcessor.class::cast)
                .filter(EventProcessor::isRunning).toList();
        awaitLaunched(running);
        CompletableFuture.allOf(running.stream().map(EventProcessor::shutdownAsync).toArray(CompletableFuture[]::new)).join();
        return new ProcessorsAside(running);
    }

    /**
     * Waits (a bounded while) until each processor has a worker on every segment it can hold. A
     * processor shut down while it is still handing out its segments frees the one it was on but
     * keeps that segment's thread counted as busy, so when started again it claims one segment
     * fewer, and that segment's events are never applied (seen: three views stuck at position 0
     * after the demo). A process that shares the segments with others may never hold them all: it
     * stops waiting at the bound.
     */
    private static void awaitLaunched(List<TrackingEventProcessor> processors) {
        long deadline = System.nanoTime() + LAUNCH_BOUND.toNanos();
        while (!processors.stream().allMatch(p -> p.processingStatus().size() >= p.maxCapacity())
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Starts them again; called also when the load failed: the views then follow what it stored. */
    void restart() {
        stopped.forEach(EventProcessor::start);
    }

    /** Waits until each restarted processor holds its segments and has caught up with the store; answers how long that took. */
    Duration awaitCaughtUp() {
        long started = System.nanoTime();
        long deadline = System.nanoTime() + CATCH_UP_BOUND.toNanos();
        while (!stopped.stream().allMatch(ProcessorsAside::caughtUp)) {
            if (System.nanoTime() > deadline) {
                log.info("The views were still catching up on the demo {} after it; they go on in the background", CATCH_UP_BOUND);
                break;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static boolean caughtUp(TrackingEventProcessor processor) {
        var status = processor.processingStatus();
        return !status.isEmpty() && status.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
    }
}
