package org.learninglog.benchmarks;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.learninglog.events.personal.PersonalData;
import org.learninglog.store.MongoStore;
import org.learninglog.store.config.EventJson;
import org.learninglog.store.engine.PositionedEventStorageEngine;
import org.learninglog.store.integrity.CheckpointSigner;
import org.learninglog.store.integrity.EventChain;
import org.learninglog.store.personal.MongoPersonalKeys;
import org.learninglog.store.personal.PersonalKeys;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * What data protection costs per event: serializing an event that holds personal data with and
 * without per-person encryption (the encrypting one also looks up the person's key), and sealing
 * stored events into the hash chain (hashing and writing the seals). Printed by
 * {@link StoreBenchmark} after its table.
 */
final class AppendPathCost {

    record QuoteHeard(String programmeId, String insightId, PersonalData evidence) {
    }

    private static final int EVENTS = 20_000;
    private static final int PEOPLE = 100;

    private AppendPathCost() {
    }

    static void print(MongoStore store) {
        var database = store.database();
        database.drop();
        PersonalKeys keys = new MongoPersonalKeys(database);
        Serializer plain = EventJson.serializer();
        Serializer encrypting = EventJson.serializer(keys);
        for (int round = 0; round < 2; round++) { // the first round warms up
            double plainMicros = serializeMicros(plain);
            double encryptingMicros = serializeMicros(encrypting);
            if (round == 1) {
                System.out.printf(Locale.ROOT, "data protection, per event: serialize %.1f µs plain, %.1f µs with per-person "
                        + "encryption (+%.1f µs, key lookup included)%n", plainMicros, encryptingMicros, encryptingMicros - plainMicros);
            }
        }
        PositionedEventStorageEngine engine = PositionedEventStorageEngine.builder()
                .store(store).eventSerializer(encrypting).snapshotSerializer(encrypting).build();
        engine.ensureIndexes();
        for (int i = 0; i < EVENTS; i++) {
            engine.appendEvents(new GenericDomainEventMessage<>("Insight", "insight-" + i, 0, event(i)));
        }
        EventChain chain = new EventChain(engine, database, CheckpointSigner.ephemeral(), Duration.ofMinutes(1), Clock.systemUTC());
        long start = System.nanoTime();
        long sealed = 0;
        for (int batch = chain.sealNew(); batch > 0; batch = chain.sealNew()) {
            sealed += batch;
        }
        double sealMicros = (System.nanoTime() - start) / 1e3 / sealed;
        start = System.nanoTime();
        long verified = chain.verify("programme-1").count();
        double verifyMicros = (System.nanoTime() - start) / 1e3 / verified;
        System.out.printf(Locale.ROOT, "tamper evidence, per event: sealing %.1f µs (hash and seal write, off the append path), "
                + "verifying %.1f µs, over %d events%n", sealMicros, verifyMicros, sealed);
        database.drop();
    }

    private static double serializeMicros(Serializer serializer) {
        long start = System.nanoTime();
        for (int i = 0; i < EVENTS; i++) {
            serializer.serialize(event(i), String.class);
        }
        return (System.nanoTime() - start) / 1e3 / EVENTS;
    }

    private static QuoteHeard event(int i) {
        int person = i % PEOPLE;
        return new QuoteHeard("programme-1", "insight-" + i, new PersonalData("person-" + person, "Resident " + person,
                "We started meeting at the launderette, and more people came", null));
    }
}
