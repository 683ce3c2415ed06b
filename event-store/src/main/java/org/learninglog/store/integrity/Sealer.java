package org.learninglog.store.integrity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Seals new events in the background, shortly after they are written. */
public final class Sealer {

    private static final Logger log = LoggerFactory.getLogger(Sealer.class);
    private final EventChain chain;
    private final Duration every;
    private ScheduledExecutorService executor;

    public Sealer(EventChain chain, Duration every) {
        this.chain = chain;
        this.every = every;
    }

    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "integrity-sealer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::sealQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sealQuietly() {
        try {
            while (chain.sealNew() > 0) {
                // keep up after a burst of writes
            }
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted() || executor.isShutdown()) {
                // stop() interrupted the round (the process is stopping): its next start seals the rest
                log.debug("A sealing round was interrupted by the stop", e);
                return;
            }
            // The next round retries from the last sealed position; nothing is lost by waiting.
            log.warn("Sealing new events failed; retrying in {}", every, e);
        }
    }

    /** Stops sealing; returns once a round under way has finished, so nothing is sealed after it. */
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                    log.warn("A sealing round was still running 30 s after the stop");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
