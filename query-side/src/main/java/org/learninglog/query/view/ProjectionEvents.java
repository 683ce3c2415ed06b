package org.learninglog.query.view;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.learninglog.store.engine.PositionedEventStorageEngine;

/**
 * Hands every event of a tracking processor to one {@link Projection}, writing into the view's
 * live generation. A subclass per view carries the {@code @ProcessingGroup}, so each view is a
 * processor of its own, with its own token and dead-letter queue.
 */
public abstract class ProjectionEvents {

    private final Projection projection;
    private final ViewGenerations generations;
    private volatile int generation;

    protected ProjectionEvents(Projection projection, ViewGenerations generations) {
        this.projection = projection;
        this.generations = generations;
        this.generation = generations.live(projection.name());
    }

    public Projection projection() {
        return projection;
    }

    /** Called with the processor stopped, when a rebuild made {@code next} the live generation. */
    public void switchTo(int next) {
        this.generation = next;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, TrackingToken token) {
        if (token == null) {
            // Without its position an event cannot be applied idempotently; refuse rather than skip.
            throw new IllegalStateException("Event " + message.getIdentifier() + " reached view " + projection.name()
                    + " without a tracking token");
        }
        Recorded event = new Recorded(PositionedEventStorageEngine.positionOf(token), message.getIdentifier(),
                message.getTimestamp(), payload);
        ViewWrite write = new ViewWrite(MongoDocuments.direct(generations.collection(projection.name(), generation)),
                event.position());
        projection.apply(event, write);
        write.commit();
    }
}
