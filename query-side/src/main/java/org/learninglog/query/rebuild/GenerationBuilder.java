package org.learninglog.query.rebuild;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.learninglog.query.view.DocumentSource;
import org.learninglog.query.view.Projection;
import org.learninglog.query.view.ViewProcessor;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewUpdate;
import org.learninglog.store.engine.EventLog;

import java.util.Iterator;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import static org.learninglog.store.engine.EventLog.positionOf;

/**
 * Fills one view generation from the events, straight from the storage engine: events are read
 * in batches by position, applied in memory, and written every {@value #FLUSH_EVERY} events.
 * The rebuild uses it, and so does the view benchmark.
 */
public final class GenerationBuilder {

    static final int FLUSH_EVERY = 10_000;

    private final EventLog engine;
    private final Projection projection;
    private final DocumentSource documents;
    private final BiFunction<Long, TrackedEventMessage<?>, ViewEvent> recorded;

    /** Events reach the projection as they are read (for histories without personal data, as in the benchmark). */
    public GenerationBuilder(EventLog engine, Projection projection, DocumentSource documents) {
        this(engine, projection, documents,
                (at, message) -> new ViewEvent(at, message.getIdentifier(), message.getTimestamp(), message.getPayload()));
    }

    /** Events reach the projection as the view's processor hands them over (personal data sealed for views). */
    public GenerationBuilder(EventLog engine, ViewProcessor events, DocumentSource documents) {
        this(engine, events.projection(), documents, events::recorded);
    }

    private GenerationBuilder(EventLog engine, Projection projection, DocumentSource documents,
                              BiFunction<Long, TrackedEventMessage<?>, ViewEvent> recorded) {
        this.engine = engine;
        this.projection = projection;
        this.documents = documents;
        this.recorded = recorded;
    }

    /**
     * Applies the events after {@code position} up to {@code target} (asked again as it goes, so
     * it may grow) and returns the last applied position; {@code progress} hears of it now and then.
     */
    public long applyUntil(long position, LongSupplier target, LongConsumer progress) {
        int sinceFlush = 0;
        long goal = target.getAsLong();
        while (position < goal) {
            long before = position;
            try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(new GlobalSequenceTrackingToken(position), false)) {
                Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
                while (iterator.hasNext()) {
                    TrackedEventMessage<?> message = iterator.next();
                    long at = positionOf(message.trackingToken());
                    if (at > goal) {
                        break;
                    }
                    ViewUpdate write = new ViewUpdate(documents, at);
                    projection.apply(recorded.apply(at, message), write);
                    write.commit();
                    position = at;
                    if (++sinceFlush >= FLUSH_EVERY) {
                        documents.flushAhead(); // written while the next events are applied
                        sinceFlush = 0;
                        progress.accept(position);
                    }
                }
            }
            if (position == before) {
                if (engine.headPosition() <= position) {
                    break; // nothing more was ever reserved
                }
                sleep(); // a reserved position not yet written (or fenced): the engine waits for it
            } else {
                progress.accept(position);
            }
            goal = target.getAsLong();
        }
        documents.flush();
        return position;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the store", e);
        }
    }
}
