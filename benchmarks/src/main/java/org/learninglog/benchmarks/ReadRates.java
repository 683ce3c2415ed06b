package org.learninglog.benchmarks;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Sorts;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The store benchmark's reads: a tracking processor's replay, the engine's own stream, a raw sorted scan. */
final class ReadRates {

    private ReadRates() {
    }

    /** A fresh tracking processor from the tail each time: the replay of the whole history. */
    static double replay(Configuration axon, Counter counter, long events) throws InterruptedException {
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name("replay-" + events)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(counter).build())
                .messageSource(axon.eventStore())
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(256).andInitialTrackingToken(source -> source.createTailToken()))
                .build();
        CountDownLatch done = counter.expect(events);
        long start = System.nanoTime();
        processor.start();
        long lastSeen = -1;
        // Woken by the last event (a poll would add up to its interval to a replay of 0.1 s);
        // every 30 s without progress means the replay stopped.
        while (!done.await(30, TimeUnit.SECONDS)) {
            long seen = counter.handled.get();
            if (seen == lastSeen) {
                throw new IllegalStateException("The replay stopped at " + seen + " of " + events + " events; tokens "
                        + processor.processingStatus());
            }
            lastSeen = seen;
        }
        double rate = Rates.perSecond(events, start);
        processor.shutDown();
        return rate;
    }

    /** The storage engine's own stream from the tail, payloads deserialized: the replay without a processor. */
    static double engineRead(EventStorageEngine engine) {
        long start = System.nanoTime();
        long count;
        try (var events = engine.readEvents(null, false)) {
            count = events.peek(EventMessage::getPayload).count();
        }
        return Rates.perSecond(count, start);
    }

    static double rawScan(MongoCollection<Document> events) {
        long start = System.nanoTime();
        long count = 0;
        try (MongoCursor<Document> cursor = events.find().sort(Sorts.ascending("_id")).batchSize(1_000).iterator()) {
            while (cursor.hasNext()) {
                cursor.next();
                count++;
            }
        }
        return Rates.perSecond(count, start);
    }

    /** A projection that only counts, so the replay figure is the store's and Axon's cost. */
    @ProcessingGroup("replay")
    static final class Counter {
        final AtomicLong handled = new AtomicLong();
        private volatile long expected;
        private volatile CountDownLatch done = new CountDownLatch(0);

        CountDownLatch expect(long events) {
            handled.set(0);
            expected = events;
            done = new CountDownLatch(1);
            return done;
        }

        @EventHandler
        void on(Object event) {
            if (handled.incrementAndGet() == expected) {
                done.countDown();
            }
        }
    }
}
