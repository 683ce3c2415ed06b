package org.learninglog.query.notification;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.query.timeline.PlaceTimelineProjection;
import org.springframework.stereotype.Component;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.inc;

/**
 * Stands in for a side effect (telling a place's members that something new was recorded): it
 * counts the notifications it would send, per place. A replay must not send them again, so its
 * handler is {@link DisallowReplay}. It rides in the timeline's processor on purpose: replaying
 * that processor is what it must survive.
 */
@Component
@ProcessingGroup(PlaceTimelineProjection.NAME)
public class NewInsightNotifications {

    public static final String COLLECTION = "insight_notifications";

    private final MongoDatabase database;

    public NewInsightNotifications(MongoDatabase readModelDatabase) {
        this.database = readModelDatabase;
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(COLLECTION);
    }

    @EventHandler
    @DisallowReplay
    void on(InsightRecorded event) {
        collection().updateOne(eq("_id", event.placeId()), inc("sent", 1), new UpdateOptions().upsert(true));
    }

    /** How many notifications were sent for the place. */
    public long sentFor(String placeId) {
        Document counter = collection().find(eq("_id", placeId)).first();
        return counter == null ? 0 : counter.get("sent", Number.class).longValue();
    }
}
