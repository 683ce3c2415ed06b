package org.learninglog.store.integrity;

import org.axonframework.eventhandling.TrackedEventData;
import org.learninglog.store.engine.EventLog;
import org.learninglog.store.engine.StoredEventLog;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every stored event up to the head, for verification. A read stops before a position that is
 * reserved but not written (or whose event was deleted) until the store passes over it, so the
 * walk reads on from where it stopped until the head is reached or nothing more comes within the
 * store's gap timeout.
 */
final class StoredEventWalk implements Iterator<TrackedEventData<?>> {

    private final StoredEventLog log;
    private final long head;
    private final long patience;
    private long last;
    private Iterator<? extends TrackedEventData<?>> current;
    private long quietSince = System.currentTimeMillis();

    private StoredEventWalk(StoredEventLog log) {
        this.log = log;
        this.head = log.headPosition();
        this.patience = log.gapTimeout().toMillis() + 1_000;
        this.current = log.storedEventsAfter(0).iterator();
    }

    static Stream<? extends TrackedEventData<?>> of(StoredEventLog log) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new StoredEventWalk(log), Spliterator.ORDERED), false);
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext()) {
            if (last >= head || System.currentTimeMillis() - quietSince > patience) {
                return false;
            }
            sleep();
            current = log.storedEventsAfter(last).iterator();
        }
        return true;
    }

    @Override
    public TrackedEventData<?> next() {
        TrackedEventData<?> event = current.next();
        last = EventLog.positionOf(event.trackingToken());
        quietSince = System.currentTimeMillis();
        return event;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while verifying", e);
        }
    }
}
