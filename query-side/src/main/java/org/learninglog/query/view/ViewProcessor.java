package org.learninglog.query.view;

import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.learninglog.store.engine.PositionedEventStorageEngine;
import org.learninglog.store.personal.PersonalValues;

/**
 * Hands every event of a tracking processor to one {@link Projection}, writing into the view's
 * live generation a batch at a time ({@link ViewBatches}). A subclass per view carries the
 * {@code @ProcessingGroup}, so each view is a processor of its own, with its own token and
 * dead-letter queue.
 */
public abstract class ViewProcessor {

    private final Projection projection;
    private final ViewGenerations generations;
    private final PersonalValues personalValues;
    private static final String GENERATION_RESOURCE = ViewProcessor.class.getName() + ".generation:";
    private volatile int generation;

    /**
     * @param personalValues seals the personal data of each event before the projection sees it,
     *                       so no view ever holds a name or a quote in clear
     */
    protected ViewProcessor(Projection projection, ViewGenerations generations, PersonalValues personalValues) {
        this.projection = projection;
        this.generations = generations;
        this.personalValues = personalValues;
        this.generation = generations.live(projection.name());
    }

    /** For tests of events that hold no personal data: payloads reach the projection as they are. */
    protected ViewProcessor(Projection projection, ViewGenerations generations) {
        this(projection, generations, null);
    }

    public Projection projection() {
        return projection;
    }

    /** The event as the projection sees it: its personal data sealed for views. */
    public ViewEvent recorded(long position, EventMessage<?> message) {
        Object payload = personalValues == null ? message.getPayload() : personalValues.sealedForViews(message.getPayload());
        return new ViewEvent(position, message.getIdentifier(), message.getTimestamp(), payload);
    }

    /** A tracked event as the projection sees it; {@code null} for a message without a position. */
    private ViewEvent recorded(EventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            return recorded(PositionedEventStorageEngine.positionOf(tracked.trackingToken()), message);
        }
        return null;
    }

    /** Called with the processor stopped, when a rebuild made {@code next} the live generation. */
    public void switchTo(int next) {
        this.generation = next;
    }

    /**
     * The generation to write into, read from the pointer once per batch: another query-side process
     * may have switched the view to a rebuilt generation while this one held none of its segments.
     */
    private int liveGeneration() {
        if (!CurrentUnitOfWork.isStarted()) {
            return generation;
        }
        int live = CurrentUnitOfWork.get().root().getOrComputeResource(GENERATION_RESOURCE + projection.name(),
                key -> generations.live(projection.name()));
        generation = live;
        return live;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, TrackingToken token) {
        if (token == null) {
            // Without its position an event cannot be applied idempotently; refuse rather than skip.
            throw new IllegalStateException("Event " + message.getIdentifier() + " reached view " + projection.name()
                    + " without a tracking token");
        }
        MongoCollection<Document> collection = generations.collection(projection.name(), liveGeneration());
        ViewBatch batch = ViewBatches.current(projection, collection, this::recorded);
        if (batch != null) {
            ViewEvent ready = batch.ready(message.getIdentifier());
            batch.apply(ready != null ? ready : recorded(PositionedEventStorageEngine.positionOf(token), message));
            return; // written with the batch's last event
        }
        // On its own (a dead letter retried): written at once.
        ViewEvent event = recorded(PositionedEventStorageEngine.positionOf(token), message);
        ViewUpdate write = new ViewUpdate(new DirectDocuments(collection), event.position());
        projection.apply(event, write);
        write.commit();
    }
}
