package org.learninglog.query.processing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.learninglog.query.deadletter.DeadLetterGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Updates.set;

/**
 * Shares the view processors' segments fairly among the query-side processes on one store.
 *
 * <p>Axon's processors claim whatever segment is free, so the first process to start would hold
 * them all and the others would only stand by. Every second each process notes that it is alive
 * ({@value #COLLECTION}), counts the processes seen in the last {@code learninglog.views.alive-window}
 * (3 s), and lets go of the segments it holds above its share (segments / processes, rounded up)
 * for a few seconds, long enough for a process below its share to claim them. A process that dies
 * stops extending its claims: they expire after the token claim timeout, its note ages out, and the
 * survivors' free threads claim its segments at their next attempt.
 *
 * <p>It also splits a processor's segments up to the configured count when the store holds fewer
 * (a store from before segments), and lets go of a view's segments while another process switches
 * that view to a rebuilt generation ({@link ViewSwitches}).
 */
@Component
public class SegmentBalancer implements SmartLifecycle {

    public static final String COLLECTION = "query_processes";
    private static final Logger LOG = LoggerFactory.getLogger(SegmentBalancer.class);

    private final MongoCollection<Document> processes;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final DeadLetterGroups groups;
    private final ViewSegments segments;
    private final ViewSwitches switches;
    private final ProcessIdentity identity;
    private final Duration interval;
    private final Duration aliveWindow;
    private final Clock clock = Clock.systemUTC();
    private volatile ScheduledExecutorService timer;

    public SegmentBalancer(MongoDatabase readModelDatabase, EventProcessingConfiguration processing, TokenStore tokens,
                           DeadLetterGroups groups, ViewSegments segments, ViewSwitches switches,
                           ProcessIdentity identity,
                           @Value("${learninglog.views.balance-interval:1s}") Duration interval,
                           @Value("${learninglog.views.alive-window:3s}") Duration aliveWindow) {
        this.processes = readModelDatabase.getCollection(COLLECTION);
        this.processing = processing;
        this.tokens = tokens;
        this.groups = groups;
        this.segments = segments;
        this.switches = switches;
        this.identity = identity;
        this.interval = interval;
        this.aliveWindow = aliveWindow;
    }

    /** Runs once a second; a failure (the store away) is logged and the next round tries again. */
    void balance() {
        try {
            int share = share(heartbeat());
            for (String group : groups.names()) {
                processing.eventProcessor(group, TrackingEventProcessor.class)
                        .ifPresent(processor -> balance(group, processor, share));
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not share the view segments this round: {}", e.toString());
        }
    }

    /** Notes this process as alive and answers how many are. */
    private long heartbeat() {
        Instant now = clock.instant();
        processes.updateOne(eq("_id", identity.id()), set("seenAt", Date.from(now)), new UpdateOptions().upsert(true));
        return processes.countDocuments(gt("seenAt", Date.from(now.minus(aliveWindow))));
    }

    int share(long alive) {
        long processesAlive = Math.max(1, alive);
        return (int) ((segments.count() + processesAlive - 1) / processesAlive);
    }

    private void balance(String group, TrackingEventProcessor processor, int share) {
        if (!processor.isRunning()) {
            return;
        }
        List<Integer> held = processor.processingStatus().keySet().stream().sorted().toList();
        long holdOff = holdOff().toMillis();
        if (switches.elsewhere(group)) {
            held.forEach(segment -> processor.releaseSegment(segment, holdOff, TimeUnit.MILLISECONDS));
            return;
        }
        if (!held.isEmpty() && tokens.fetchSegments(group).length < segments.count()) {
            processor.splitSegment(held.get(0));
            return;
        }
        for (int i = share; i < held.size(); i++) {
            processor.releaseSegment(held.get(i), holdOff, TimeUnit.MILLISECONDS);
        }
    }

    /** Long enough for another process's free thread to make a claim attempt. */
    private Duration holdOff() {
        return segments.claimInterval().multipliedBy(3).plus(interval);
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "view-segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::balance, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A process that stops says so, so the others take its share at once instead of after the window. */
    @Override
    public void stop() {
        ScheduledExecutorService running = timer;
        timer = null;
        if (running != null) {
            running.shutdownNow();
            try {
                processes.deleteOne(eq("_id", identity.id()));
            } catch (RuntimeException e) {
                LOG.debug("Could not remove this process's note: {}", e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
