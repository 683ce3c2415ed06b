package org.learninglog.command.demo;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The tracking event processors of this process (the views, where the query side runs in it too)
 * set aside while the demo loads, and started again after it. Measured on the 2-core machine: while
 * they ran, each of the demo's events woke every view's threads, which read it, wrote their view and
 * their token one event at a time on the same embedded store and CPU as the demo's commands; the load
 * took 25–50 s. Started after it, they take its 339 events in a few batches each. What the demo
 * proves is unchanged: every command still goes through the command gateway and every rule of the
 * domain; the views are built from the same events, only later.
 */
final class ProcessorsAside implements AutoCloseable {

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
        CompletableFuture.allOf(running.stream().map(EventProcessor::shutdownAsync).toArray(CompletableFuture[]::new)).join();
        return new ProcessorsAside(running);
    }

    /** Starts them again, also when the load failed: the views then follow what it stored. */
    @Override
    public void close() {
        stopped.forEach(EventProcessor::start);
    }
}
