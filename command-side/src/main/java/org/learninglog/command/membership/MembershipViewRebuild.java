package org.learninglog.command.membership;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.bson.Document;
import org.learninglog.security.membership.MembershipView;
import org.learninglog.store.engine.EventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import static org.learninglog.store.engine.EventLog.positionOf;

/**
 * Rebuilds the membership view from the events, as the query side's views are rebuilt (a store
 * recovered from its events, a view damaged by hand, a change to what the view keeps). The events
 * of the log are read in order and given to a {@link MembershipViewUpdater} writing into spare
 * collections ({@code <collection>_rebuild}); then each live document is replaced by the rebuilt one
 * and those the events no longer make are deleted, so that the view never stands empty for a
 * request to read. Memberships changed while the rebuild ran are replayed onto the live view from
 * where the first reading stopped: the view's writes are idempotent and applied in the log's order,
 * so the last word is the last event's whichever of the two wrote first.
 */
@Component
public class MembershipViewRebuild {

    private static final Logger log = LoggerFactory.getLogger(MembershipViewRebuild.class);
    private static final String SPARE = "_rebuild";

    private final EventLog events;
    private final MongoDatabase database;
    private final MembershipViewUpdater live;

    MembershipViewRebuild(EventLog events, ObjectProvider<MongoDatabase> database, MembershipViewUpdater live) {
        this.events = events;
        this.database = database.getObject();
        this.live = live;
    }

    /** What the rebuild read and made. */
    public record Rebuilt(long position, long membershipEvents, long members) {
    }

    public synchronized Rebuilt rebuild() {
        for (String name : MembershipView.COLLECTIONS) {
            database.getCollection(name + SPARE).drop(); // what a failed earlier attempt left
        }
        MembershipView spare = new MembershipView(database, SPARE);
        long[] applied = {0};
        long position = replay(0, new AnnotationEventHandlerAdapter(new MembershipViewUpdater(spare)), applied);
        long members = 0;
        for (String name : MembershipView.COLLECTIONS) {
            long copied = replaceLive(database.getCollection(name + SPARE), database.getCollection(name));
            if (name.equals(MembershipView.COLLECTIONS.get(0))) {
                members = copied;
            }
            database.getCollection(name + SPARE).drop();
        }
        position = replay(position, new AnnotationEventHandlerAdapter(live), applied);
        log.info("Membership view rebuilt from {} membership events up to position {}: {} members", applied[0], position, members);
        return new Rebuilt(position, applied[0], members);
    }

    /** Applies the membership events after {@code from} up to the head; answers the last position read. */
    private long replay(long from, AnnotationEventHandlerAdapter updater, long[] applied) {
        long position = from;
        while (position < events.headPosition()) {
            long before = position;
            try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(
                    position == 0 ? null : new GlobalSequenceTrackingToken(position), false)) {
                Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
                while (iterator.hasNext()) {
                    TrackedEventMessage<?> message = iterator.next();
                    position = positionOf(message.trackingToken());
                    if (isMembership(message)) {
                        handle(updater, message);
                        applied[0]++;
                    }
                }
            }
            if (position == before) {
                break; // a gap still within its timeout: what is behind it is replayed by the live processor
            }
        }
        return position;
    }

    private static boolean isMembership(EventMessage<?> message) {
        return message.getPayloadType().getPackageName().equals(org.learninglog.events.membership.MemberInvited.class.getPackageName());
    }

    private static void handle(AnnotationEventHandlerAdapter updater, EventMessage<?> message) {
        try {
            updater.handle(message);
        } catch (Exception e) {
            throw new IllegalStateException("The membership view could not take event " + message.getIdentifier(), e);
        }
    }

    /** Every rebuilt document replaces the live one; live documents the events no longer make go. Answers how many were copied. */
    private static long replaceLive(MongoCollection<Document> rebuilt, MongoCollection<Document> target) {
        List<Object> ids = new ArrayList<>();
        for (Document document : rebuilt.find()) {
            ids.add(document.get("_id"));
            target.replaceOne(Filters.eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true));
        }
        target.deleteMany(Filters.nin("_id", ids));
        return ids.size();
    }
}
