package org.learninglog.query.processing;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.bson.Document;
import org.learninglog.store.engine.PositionedEventStorageEngine;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

/**
 * A view's switch to a rebuilt generation, across query-side processes. The process that rebuilt
 * it notes the switch in {@value #COLLECTION} ({@code _id} = view); every other process's
 * {@link SegmentBalancer} then lets go of the view's segments and claims none of them until the
 * note is gone, so the rebuilding process can claim them all, bring the new generation up to the
 * furthest segment's token, and flip the pointer with nobody writing into the old generation.
 * A note outlives a dead rebuilder by {@link #LEASE} at most.
 */
@Component
public class ViewSwitches {

    public static final String COLLECTION = "view_switches";
    static final Duration LEASE = Duration.ofMinutes(2);

    private final MongoCollection<Document> notes;
    private final TokenStore tokens;
    private final ViewSegments segments;
    private final ProcessIdentity identity;
    private final Clock clock = Clock.systemUTC();

    public ViewSwitches(MongoDatabase readModelDatabase, TokenStore tokens, ViewSegments segments,
                        ProcessIdentity identity) {
        this.notes = readModelDatabase.getCollection(COLLECTION);
        this.tokens = tokens;
        this.segments = segments;
        this.identity = identity;
    }

    /** Notes that this process is switching {@code view}; false if another process is. */
    public boolean begin(String view) {
        Instant now = clock.instant();
        notes.deleteOne(and(eq("_id", view), lt("until", Date.from(now))));
        try {
            notes.insertOne(new Document("_id", view).append("by", identity.id())
                    .append("until", Date.from(now.plus(LEASE))));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public void end(String view) {
        notes.deleteOne(and(eq("_id", view), eq("by", identity.id())));
    }

    /** Whether another process is switching {@code view} now. */
    boolean elsewhere(String view) {
        Document note = notes.find(eq("_id", view)).first();
        return note != null && !identity.id().equals(note.getString("by"))
                && note.getDate("until").toInstant().isAfter(clock.instant());
    }

    /**
     * Claims every segment of the view's processor for this process (waiting, up to {@code patience},
     * for the others to let go) and answers the furthest position any segment has processed.
     */
    public Claimed claimAll(String view, Duration patience) {
        Instant deadline = clock.instant().plus(patience);
        int[] ids = tokens.fetchSegments(view);
        long furthest = 0;
        int claimed = 0;
        try {
            for (int segment : ids) {
                while (true) {
                    try {
                        furthest = Math.max(furthest, PositionedEventStorageEngine.positionOf(tokens.fetchToken(view, segment)));
                        claimed++;
                        break;
                    } catch (UnableToClaimTokenException held) {
                        if (clock.instant().isAfter(deadline)) {
                            throw new IllegalStateException("Segment " + segment + " of view " + view
                                    + " is still held by another query-side process after " + patience, held);
                        }
                        sleep(segments.claimInterval().toMillis() / 4 + 1);
                    }
                }
            }
            return new Claimed(view, ids, furthest);
        } catch (RuntimeException e) {
            for (int i = 0; i < claimed; i++) {
                tokens.releaseClaim(view, ids[i]);
            }
            throw e;
        }
    }

    /** Every segment of a view, claimed by this process; {@link #release()} lets them go. */
    public final class Claimed {
        private final String view;
        private final int[] segmentIds;
        private final long furthestPosition;

        private Claimed(String view, int[] segmentIds, long furthestPosition) {
            this.view = view;
            this.segmentIds = segmentIds;
            this.furthestPosition = furthestPosition;
        }

        /** The furthest position any segment's token had reached. */
        public long furthestPosition() {
            return furthestPosition;
        }

        public int segments() {
            return segmentIds.length;
        }

        public void release() {
            for (int segment : segmentIds) {
                tokens.releaseClaim(view, segment);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a view's segments", e);
        }
    }
}
