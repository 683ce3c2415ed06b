package org.learninglog.benchmarks;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The store benchmark's writes: history appended straight to the engine, commands through Axon, raw inserts. */
final class WriteRates {

    private static final int HOT_AGGREGATES = 200;
    private static final int EVENTS_PER_HISTORY_AGGREGATE = 10;
    private static final String TEXT = "Residents came when the meeting moved to the school gate at three; "
            + "the partnership now meets there monthly and records who came and what they asked for.";

    private WriteRates() {
    }

    /** Appends history straight to the engine (not measured): short aggregates, one event per commit. */
    static long fillHistory(EventStorageEngine engine, long stored, long target) {
        while (stored < target) {
            String id = IdentifierFactory.getInstance().generateIdentifier();
            for (int seq = 0; seq < EVENTS_PER_HISTORY_AGGREGATE && stored < target; seq++, stored++) {
                Object payload = seq == 0 ? new Tally.TallyOpened(id, TEXT) : new Tally.TallyNoted(id, TEXT, seq);
                engine.appendEvents(new GenericDomainEventMessage<>("Tally", id, seq, payload));
            }
        }
        return stored;
    }

    /** Commands through the command bus, spread over a few hundred aggregates as a busy programme would. */
    static double commands(Configuration axon, int count) {
        List<String> ids = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (i < HOT_AGGREGATES) {
                String id = IdentifierFactory.getInstance().generateIdentifier();
                ids.add(id);
                axon.commandGateway().sendAndWait(new Tally.OpenTally(id, TEXT));
            } else {
                axon.commandGateway().sendAndWait(new Tally.NoteTally(ids.get(i % HOT_AGGREGATES), TEXT));
            }
        }
        return Rates.perSecond(count, start);
    }

    static double rawInserts(MongoDatabase database, int count) {
        MongoCollection<Document> raw = database.getCollection("raw_inserts"); // dropped after each round: every round starts empty
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            raw.insertOne(new Document("_id", i).append("stream", UUID.randomUUID().toString()).append("seq", 0L)
                    .append("payload", "{\"text\":\"" + TEXT + "\"}").append("ts", System.currentTimeMillis()));
        }
        double rate = Rates.perSecond(count, start);
        raw.drop();
        return rate;
    }
}
