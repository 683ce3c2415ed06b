package org.learninglog.launcher;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.person.PersonRegistered;
import org.learninglog.events.person.PersonalDataErased;
import org.learninglog.launcher.Api.Answer;
import org.learninglog.store.MongoStore;
import org.learninglog.store.integrity.EventChain;
import org.learninglog.store.personal.PersonalDataEncryption;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person withdraws consent: after the erasure over HTTP, no collection of the store holds their
 * name or their quoted words, the events that held them read as removed, the erasure is recorded
 * once, and the programme's hash chain still verifies.
 */
@LearningLogIntegrationTest
class ConsentWithdrawnOverHttpTest {

    private static final String NAME = "Zelda Quillfeather";
    private static final String QUOTE = "the bus to the clinic stopped running on Sundays";

    @Autowired
    TestRestTemplate http;

    @Autowired
    MongoStore store;

    @Autowired
    EventStore events;

    @Autowired
    EventChain chain;

    private String everythingStored() {
        StringBuilder all = new StringBuilder();
        for (String collection : store.database().listCollectionNames()) {
            for (Document document : store.database().getCollection(collection).find()) {
                all.append(document.toJson()).append('\n');
            }
        }
        return all.toString();
    }

    private List<Object> payloadsOf(String aggregateId) {
        return events.readEvents(aggregateId).asStream().map(e -> (Object) e.getPayload()).toList();
    }

    @Test
    void after_the_erasure_no_collection_holds_the_persons_name_or_words_and_the_chain_verifies() {
        Api api = new Api(http);
        String programmeId = api.registerProgramme();
        String placeId = api.registerPlace(programmeId, "Riverside");
        String personId = api.post("/api/programmes/" + programmeId + "/people", """
                {"placeId": "%s", "role": "PLACE_MEMBER", "name": "%s", "mayBeQuoted": true}""".formatted(placeId, NAME))
                .text("personId");
        Answer recorded = api.post("/api/places/" + placeId + "/insights", """
                {"text": "Fewer older people came", "layer": "INDIVIDUALS", "evidence":
                 {"personId": "%s", "quote": "%s", "consent": true}}""".formatted(personId, QUOTE));
        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(HttpStatus.CREATED);
        String insightId = recorded.text("insightId");

        assertThat(everythingStored()).as("stored only encrypted").doesNotContain(NAME).doesNotContain(QUOTE);
        assertThat(((InsightRecorded) payloadsOf(insightId).get(0)).evidence().quote()).isEqualTo(QUOTE);

        Answer erased = api.post("/api/programmes/" + programmeId + "/people/" + personId + "/erasure", null);
        assertThat(erased.status()).as(erased.body().toString()).isEqualTo(HttpStatus.OK);
        assertThat(api.post("/api/programmes/" + programmeId + "/people/" + personId + "/erasure", null).status())
                .isEqualTo(HttpStatus.OK);

        assertThat(everythingStored()).doesNotContain(NAME).doesNotContain(QUOTE);
        assertThat(((InsightRecorded) payloadsOf(insightId).get(0)).evidence().quote())
                .isEqualTo(PersonalDataEncryption.REMOVED);
        List<Object> person = payloadsOf(personId);
        assertThat(((PersonRegistered) person.get(0)).personalData().name()).isEqualTo(PersonalDataEncryption.REMOVED);
        assertThat(person).filteredOn(PersonalDataErased.class::isInstance).hasSize(1);

        while (chain.sealNew() > 0) {
            // seal what the sealer has not reached yet
        }
        assertThat(chain.verify(programmeId).intact()).isTrue();
        Answer report = api.get("/api/programmes/" + programmeId + "/integrity");
        assertThat(report.status()).isEqualTo(HttpStatus.OK);
        assertThat(report.body().path("intact").asBoolean()).isTrue();
        assertThat(report.body().path("count").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(report.text("headHash")).hasSize(64);
    }
}
