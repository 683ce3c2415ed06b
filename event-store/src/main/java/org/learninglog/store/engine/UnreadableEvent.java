package org.learninglog.store.engine;

import org.axonframework.eventsourcing.eventstore.EventStoreException;

/** The store holds something at this position that cannot be read as events: the store is damaged there. */
public final class UnreadableEvent extends EventStoreException {

    private final long position;

    public UnreadableEvent(long position, String reason) {
        super("The event at position " + position + " cannot be read: " + reason);
        this.position = position;
    }

    public long position() {
        return position;
    }
}
