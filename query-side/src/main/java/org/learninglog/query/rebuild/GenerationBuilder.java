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
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import static org.learninglog.store.engine.EventLog.positionOf;

/**
 * Fills view generations from the events, straight from the storage engine: events are read in
 * batches by position, applied in memory, and written every {@value #FLUSH_EVERY} events. Several
 * views are filled in one pass over the events ({@link Fill}, one per view): each event is read and
 * deserialized once for all of them, not once per view, and their writes overlap. The rebuild uses
 * it, and so does the view benchmark.
 */
public final class GenerationBuilder {

    static final int FLUSH_EVERY = 10_000;
    /**
     * What a view's document is reckoned to take in memory as a rebuild holds it. The journey's at
     * 100,000 events take about 4 KB each, but four views filled together from a million events
     * held a quarter of a 6 GB heap at 4 KB a document and ran out of heap: their documents are
     * larger at a million, and each view also holds the ids it has written. At 8 KB one view holds
     * about the 200,000 documents with which a view was rebuilt from a million events before.
     */
    private static final int DOCUMENT_BYTES = 8_192;

    /**
     * How many documents each of {@code views} filled in one pass may hold in memory: together a
     * quarter of the heap at {@value #DOCUMENT_BYTES} bytes a document, at least 20,000 each. Held
     * documents are written and let go once they go quiet ({@link org.learninglog.query.view.BufferedDocuments});
     * a view that holds fewer than it touches reads some again.
     */
    public static int documentsHeld(int views) {
        long together = Runtime.getRuntime().maxMemory() / 4 / DOCUMENT_BYTES;
        return (int) Math.max(20_000, Math.min(Integer.MAX_VALUE, together / Math.max(1, views)));
    }

    /** One view to fill: its projection, the documents of its new generation, and how an event reaches it. */
    public record Fill(Projection projection, DocumentSource documents, BiFunction<Long, TrackedEventMessage<?>, ViewEvent> recorded) {

        /** Events reach the projection as they are read (for histories without personal data, as in the benchmark). */
        public static Fill of(Projection projection, DocumentSource documents) {
            return new Fill(projection, documents,
                    (at, message) -> new ViewEvent(at, message.getIdentifier(), message.getTimestamp(), message.getPayload()));
        }

        /** Events reach the projection as the view's processor hands them over (personal data sealed for views). */
        public static Fill of(ViewProcessor events, DocumentSource documents) {
            return new Fill(events.projection(), documents, events::recorded);
        }

        private void apply(long at, TrackedEventMessage<?> message) {
            ViewUpdate write = new ViewUpdate(documents, at);
            projection.apply(recorded.apply(at, message), write);
            write.commit();
        }
    }

    private final EventLog engine;
    private final List<Fill> fills;

    public GenerationBuilder(EventLog engine, List<Fill> fills) {
        this.engine = engine;
        this.fills = List.copyOf(fills);
    }

    /** Events reach the projection as they are read (for histories without personal data, as in the benchmark). */
    public GenerationBuilder(EventLog engine, Projection projection, DocumentSource documents) {
        this(engine, List.of(Fill.of(projection, documents)));
    }

    /** Events reach the projection as the view's processor hands them over (personal data sealed for views). */
    public GenerationBuilder(EventLog engine, ViewProcessor events, DocumentSource documents) {
        this(engine, List.of(Fill.of(events, documents)));
    }

    /**
     * Applies the events after {@code position} up to {@code target} (asked again as it goes, so
     * it may grow) to every view and returns the last applied position; {@code progress} hears of
     * it now and then.
     */
    public long applyUntil(long position, LongSupplier target, LongConsumer progress) {
        int sinceFlush = 0;
        long goal = target.getAsLong();
        long writesAhead = (goal - position) / FLUSH_EVERY;
        fills.forEach(fill -> fill.documents().expectWritesAhead(writesAhead));
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
                    for (Fill fill : fills) {
                        fill.apply(at, message);
                    }
                    position = at;
                    if (++sinceFlush >= FLUSH_EVERY) {
                        fills.forEach(fill -> fill.documents().flushAhead()); // written while the next events are applied
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
        fills.forEach(fill -> fill.documents().startFlush()); // the views' last writes under way together
        fills.forEach(fill -> fill.documents().flush());
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
