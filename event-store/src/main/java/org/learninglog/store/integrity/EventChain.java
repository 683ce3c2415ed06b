package org.learninglog.store.integrity;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.TrackedEventData;
import org.bson.Document;
import org.learninglog.store.engine.EventLog;
import org.learninglog.store.engine.StoredEventLog;
import org.learninglog.store.engine.UnreadableEvent;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * Tamper evidence for the stored events: a hash chain per programme, sealed shortly after the
 * events are written, with signed checkpoints of each chain's head.
 *
 * <p>Sealing follows the events in position order, behind the store's own rule that a reserved
 * position is passed over only once written or fenced, so a chain never skips an event that
 * turns up late. Seals are written to their own collection, keyed by position, and the sealer's
 * progress and chain heads to one document; sealing the same events again after a crash writes
 * the same seals.
 *
 * <p>Verification walks the events again, recomputes every link and compares it with the seal
 * and the signed checkpoints, and names the first position where they part.
 */
public final class EventChain {

    private static final String SEALER = "sealer";
    private static final int BATCH = 512;

    private final StoredEventLog log;
    private final MongoCollection<Document> seals;
    private final MongoCollection<Document> heads;
    private final MongoCollection<Document> checkpoints;
    private final CheckpointSigner signer;
    private final Duration checkpointEvery;
    private final Clock clock;
    private final Map<String, Long> lastCheckpointAt = new HashMap<>();

    public EventChain(StoredEventLog log, MongoDatabase database, CheckpointSigner signer,
                      Duration checkpointEvery, Clock clock) {
        this.log = log;
        this.seals = database.getCollection("seals");
        this.heads = database.getCollection("chain_heads");
        this.checkpoints = database.getCollection("checkpoints");
        this.signer = signer;
        this.checkpointEvery = checkpointEvery;
        this.clock = clock;
    }

    /** Seals every event written since the last call; returns how many. */
    public synchronized int sealNew() {
        Document state = heads.find(eq("_id", SEALER)).first();
        long sealedUpTo = state == null ? 0 : state.getLong("position");
        Map<String, ChainHead> chains = new HashMap<>();
        if (state != null) {
            for (Document head : state.getList("heads", Document.class)) {
                chains.put(head.getString("programme"), ChainHead.from(head));
            }
        }
        List<Document> batch = new ArrayList<>();
        Map<String, ChainHead> changed = new HashMap<>();
        long last = sealedUpTo;
        try (Stream<? extends TrackedEventData<?>> stored = log.storedEventsAfter(sealedUpTo)) {
            Iterator<? extends TrackedEventData<?>> events = stored.iterator();
            while (events.hasNext() && batch.size() < BATCH) {
                TrackedEventData<?> event = events.next();
                long position = EventLog.positionOf(event.trackingToken());
                String programme = Chains.of(event);
                ChainHead before = chains.getOrDefault(programme, ChainHead.EMPTY);
                String hash = SealHash.of(before.hash(), position, event);
                ChainHead after = new ChainHead(position, before.count() + 1, hash);
                batch.add(new Document("_id", position).append("programme", programme)
                        .append("eventId", event.getEventIdentifier()).append("count", after.count())
                        .append("prevPosition", before.position()).append("prev", before.hash()).append("hash", hash));
                chains.put(programme, after);
                changed.put(programme, after);
                last = position;
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        insertIgnoringRepeats(batch);
        List<Document> headList = new ArrayList<>();
        chains.forEach((programme, head) -> headList.add(head.toDocument(programme)));
        heads.replaceOne(eq("_id", SEALER), new Document("_id", SEALER).append("position", last).append("heads", headList),
                new ReplaceOptions().upsert(true));
        changed.forEach(this::checkpointIfDue);
        return batch.size();
    }

    private void insertIgnoringRepeats(List<Document> batch) {
        try {
            seals.insertMany(batch, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            boolean onlyRepeats = e.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyRepeats) {
                throw e;
            }
        }
    }

    private void checkpointIfDue(String programme, ChainHead head) {
        long now = clock.millis();
        Long last = lastCheckpointAt.get(programme);
        if (last != null && now - last < checkpointEvery.toMillis()) {
            return;
        }
        lastCheckpointAt.put(programme, now);
        Document checkpoint = new Document("count", head.count()).append("position", head.position())
                .append("hash", head.hash()).append("at", new Date(now))
                .append("signature", signer.sign(CheckpointSigner.statement(programme, head.count(), head.position(), head.hash())));
        checkpoints.updateOne(eq("_id", programme), Updates.push("entries", checkpoint), new UpdateOptions().upsert(true));
    }

    /**
     * The seals of the events at these positions, by exact {@code _id}; an event not sealed yet
     * (sealing follows the events a moment later) has none in the answer.
     */
    public Map<Long, Seal> seals(Collection<Long> positions) {
        Map<Long, Seal> found = new HashMap<>();
        if (positions.isEmpty()) {
            return found;
        }
        for (Document seal : seals.find(in("_id", new ArrayList<>(new java.util.TreeSet<>(positions))))) {
            long position = seal.get("_id", Number.class).longValue();
            found.put(position, new Seal(position, seal.getString("programme"), seal.getString("eventId"),
                    seal.get("count", Number.class).longValue(), seal.get("prevPosition", Number.class).longValue(),
                    seal.getString("prev"), seal.getString("hash")));
        }
        return found;
    }

    /**
     * Walks the programme's chain from its first event and reports the first broken link, or that it
     * is intact. Where the store cannot be read (a damaged file), the report names that position.
     */
    public IntegrityReport verify(String programme) {
        Progress progress = new Progress();
        try {
            return verify(programme, progress);
        } catch (UnreadableEvent e) {
            return unreadable(programme, progress, e.position(), e.getMessage());
        } catch (MongoServerException | ClassCastException | NullPointerException e) {
            // a seal, head or checkpoint document that does not read as written: the store is damaged there
            long position = progress.head.position() + 1;
            return unreadable(programme, progress, position, "the integrity records after position " + progress.head.position()
                    + " cannot be read: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    /** How far a walk got, for the report when the store fails under it. */
    private static final class Progress {
        ChainHead head = ChainHead.EMPTY;
        long unsealed;
        int checkpoints;
    }

    private static IntegrityReport unreadable(String programme, Progress progress, long position, String reason) {
        return new IntegrityReport(programme, false, progress.head.count(), progress.head.hash(), progress.unsealed, progress.checkpoints,
                new IntegrityReport.BrokenLink(position, null, reason, true));
    }

    private IntegrityReport verify(String programme, Progress progress) {
        Document state = heads.find(eq("_id", SEALER)).first();
        long sealedUpTo = state == null ? 0 : state.getLong("position");
        Map<Long, Document> signed = new HashMap<>();
        Document checkpointDoc = checkpoints.find(eq("_id", programme)).first();
        if (checkpointDoc != null) {
            for (Document checkpoint : checkpointDoc.getList("entries", Document.class)) {
                signed.put(checkpoint.getLong("count"), checkpoint);
            }
        }
        ChainHead head = ChainHead.EMPTY;
        long unsealed = 0;
        int checkpointsMatched = 0;
        Map<Long, Document> sealsOfBatch = Map.of();
        long batchEnd = 0;
        try (Stream<? extends TrackedEventData<?>> stored = StoredEventWalk.of(log)) {
            Iterator<? extends TrackedEventData<?>> events = stored.iterator();
            while (events.hasNext()) {
                TrackedEventData<?> event = events.next();
                long position = EventLog.positionOf(event.trackingToken());
                if (position > batchEnd) {
                    batchEnd = position + BATCH - 1;
                    sealsOfBatch = sealsBetween(position, batchEnd);
                }
                Document seal = sealsOfBatch.get(position);
                if (seal != null && !programme.equals(seal.getString("programme"))) {
                    if (programme.equals(Chains.of(event))) {
                        return broken(programme, head, unsealed, checkpointsMatched, position, event,
                                "sealed in the chain of another programme: events were swapped or moved");
                    }
                    continue;
                }
                if (!programme.equals(Chains.of(event))) {
                    continue; // another programme's event: its own chain answers for it
                }
                if (seal == null) {
                    if (position <= sealedUpTo) {
                        return broken(programme, head, unsealed, checkpointsMatched, position, event,
                                "carries no seal although the chain was sealed past it: inserted after sealing");
                    }
                    progress.unsealed = ++unsealed;
                    continue;
                }
                if (seal.getLong("prevPosition") != head.position() || !seal.getString("prev").equals(head.hash())) {
                    long missing = seal.getLong("prevPosition");
                    return broken(programme, head, unsealed, checkpointsMatched, missing > head.position() ? missing : position, event,
                            missing > head.position()
                                    ? "the event sealed before position " + position + " is missing (deleted or moved)"
                                    : "does not follow the event before it in the chain: the order was changed");
                }
                String hash = SealHash.of(head.hash(), position, event);
                if (!hash.equals(seal.getString("hash"))) {
                    return broken(programme, head, unsealed, checkpointsMatched, position, event,
                            "changed after it was sealed: its stored content no longer matches its hash");
                }
                head = new ChainHead(position, head.count() + 1, hash);
                progress.head = head;
                Document checkpoint = signed.remove(head.count());
                if (checkpoint != null) {
                    if (!checkpointHolds(programme, checkpoint, head)) {
                        return broken(programme, head, unsealed, checkpointsMatched, position, event,
                                "differs from the signed checkpoint of " + checkpoint.getDate("at").toInstant()
                                        + ": the chain was rewritten");
                    }
                    progress.checkpoints = ++checkpointsMatched;
                }
            }
        }
        if (!signed.isEmpty()) {
            long lowest = signed.keySet().stream().mapToLong(Long::longValue).min().orElseThrow();
            Document checkpoint = signed.get(lowest);
            return new IntegrityReport(programme, false, head.count(), head.hash(), unsealed, checkpointsMatched,
                    new IntegrityReport.BrokenLink(checkpoint.getLong("position"), null,
                            "a signed checkpoint counts " + lowest + " events but only " + head.count()
                                    + " are there: events after position " + head.position() + " are missing"));
        }
        return new IntegrityReport(programme, true, head.count(), head.hash(), unsealed, checkpointsMatched, null);
    }

    private boolean checkpointHolds(String programme, Document checkpoint, ChainHead head) {
        String statement = CheckpointSigner.statement(programme, checkpoint.getLong("count"), checkpoint.getLong("position"),
                checkpoint.getString("hash"));
        return signer.verify(statement, checkpoint.getString("signature"))
                && checkpoint.getLong("position") == head.position() && checkpoint.getString("hash").equals(head.hash());
    }

    private Map<Long, Document> sealsBetween(long from, long to) {
        Map<Long, Document> found = new HashMap<>();
        try {
            for (Document seal : seals.find(in("_id", LongStream.rangeClosed(from, to).boxed().toList()))) {
                if (!(seal.get("_id") instanceof Long position) || !(seal.get("prevPosition") instanceof Long)
                        || !(seal.get("prev") instanceof String) || !(seal.get("hash") instanceof String)
                        || !(seal.get("programme") instanceof String)) {
                    throw new UnreadableEvent(seal.get("_id") instanceof Number n ? n.longValue() : from,
                            "its seal does not read as it was written");
                }
                found.put(position, seal);
            }
        } catch (MongoServerException e) {
            throw new UnreadableEvent(from, "the seals from here on cannot be read: " + e.getMessage());
        }
        return found;
    }

    private static IntegrityReport broken(String programme, ChainHead head, long unsealed, int checkpoints, long position,
                                          TrackedEventData<?> event, String reason) {
        return new IntegrityReport(programme, false, head.count(), head.hash(), unsealed, checkpoints,
                new IntegrityReport.BrokenLink(position, event.getEventIdentifier(), reason));
    }
}
