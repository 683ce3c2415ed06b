package org.learninglog.store.personal;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.events.personal.PersonalData;
import org.learninglog.store.MongoStore;
import org.learninglog.store.config.EventJson;
import org.learninglog.store.engine.PositionedEventStorageEngine;
import org.learninglog.store.integrity.CheckpointSigner;
import org.learninglog.store.integrity.EventChain;
import org.learninglog.store.testkit.MongoStoreExtension;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crypto-shredding in the event store: personal data is stored encrypted per person; erasing ten
 * of a hundred people leaves none of their words or names anywhere in the database, the other
 * ninety read as before, and the hash chain still verifies. Runs in every store mode.
 */
@ExtendWith(MongoStoreExtension.class)
class PersonalDataErasureTest {

    record QuoteHeard(String programmeId, String insightId, PersonalData evidence) {
    }

    private MongoDatabase database;
    private PersonalKeys keys;
    private PositionedEventStorageEngine engine;

    @BeforeEach
    void open(MongoStore store) {
        database = store.database();
        keys = new MongoPersonalKeys(database);
        engine = PositionedEventStorageEngine.builder()
                .database(database)
                .eventSerializer(EventJson.serializer(keys))
                .snapshotSerializer(EventJson.serializer(keys))
                .build();
        engine.ensureIndexes();
    }

    private static String name(int person) {
        return "Resident Name" + person + "x";
    }

    private static String quote(int person) {
        return "We met at the launderette, said person" + person + "z";
    }

    private Map<String, PersonalData> readBack() {
        try (var events = engine.readEvents(new GlobalSequenceTrackingToken(0), false)) {
            return events.map(e -> (QuoteHeard) e.getPayload())
                    .collect(Collectors.toMap(QuoteHeard::insightId, QuoteHeard::evidence));
        }
    }

    private String everythingStored() {
        StringBuilder all = new StringBuilder();
        for (String collection : database.listCollectionNames()) {
            for (Document document : database.getCollection(collection).find()) {
                all.append(document.toJson()).append('\n');
            }
        }
        return all.toString();
    }

    @Test
    void erasing_ten_of_a_hundred_people_leaves_none_of_their_data_and_the_chain_intact() {
        for (int person = 1; person <= 100; person++) {
            engine.appendEvents(new GenericDomainEventMessage<>("Insight", "insight-" + person, 0,
                    new QuoteHeard("programme-1", "insight-" + person,
                            new PersonalData("person-" + person, name(person), quote(person), null))));
        }
        EventChain chain = new EventChain(engine, database, CheckpointSigner.ephemeral(), Duration.ZERO, Clock.systemUTC());
        while (chain.sealNew() > 0) {
            // seal the whole history before the erasure
        }
        assertThat(everythingStored()).doesNotContain("launderette").doesNotContain("Resident Name");
        assertThat(readBack().get("insight-7").quote()).isEqualTo(quote(7));

        List<Integer> erased = new ArrayList<>();
        for (int person = 5; person <= 95; person += 10) {
            assertThat(keys.erase("person-" + person)).isTrue();
            erased.add(person);
        }
        assertThat(erased).hasSize(10);

        Map<String, PersonalData> after = readBack();
        for (int person = 1; person <= 100; person++) {
            PersonalData evidence = after.get("insight-" + person);
            assertThat(evidence.personId()).isEqualTo("person-" + person);
            if (erased.contains(person)) {
                assertThat(evidence.name()).isEqualTo(PersonalDataEncryption.REMOVED);
                assertThat(evidence.quote()).isEqualTo(PersonalDataEncryption.REMOVED);
                assertThat(evidence.contact()).isNull();
            } else {
                assertThat(evidence.name()).isEqualTo(name(person));
                assertThat(evidence.quote()).isEqualTo(quote(person));
            }
        }
        assertThat(chain.verify("programme-1").intact()).isTrue();
        assertThat(chain.verify("programme-1").count()).isEqualTo(100);
    }

    @Test
    void the_same_value_is_stored_differently_each_time_and_cannot_be_moved_to_another_person() throws Exception {
        byte[] plain = "{\"quote\":\"same words\"}".getBytes();
        var key = keys.keyFor("person-a");
        byte[] first = PersonalDataEncryption.seal(key, "person-a", plain);
        byte[] second = PersonalDataEncryption.seal(key, "person-a", plain);
        assertThat(first).isNotEqualTo(second);
        assertThat(PersonalDataEncryption.open(key, "person-a", first)).isEqualTo(plain);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PersonalDataEncryption.open(key, "person-b", first))
                .isInstanceOf(java.security.GeneralSecurityException.class);
    }

    @Test
    void an_erased_person_is_not_given_a_new_key() {
        keys.keyFor("person-x");
        keys.erase("person-x");
        assertThat(keys.isErased("person-x")).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> keys.keyFor("person-x"))
                .isInstanceOf(PersonalKeys.PersonErased.class);
    }
}
