package org.learninglog.launcher;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.launcher.Api.Answer;
import org.learninglog.query.deadletter.DeadLetterGroups;
import org.learninglog.store.MongoStore;
import org.learninglog.store.engine.PositionedEventStorageEngine;
import org.learninglog.store.integrity.EventChain;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.util.HtmlUtils;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7's acceptance test, over HTTP only: 100 people with distinctive names, e-mail addresses
 * and quotes across five places; 10 of them withdraw consent. Then no collection of the database
 * (every document, as raw BSON bytes and as JSON), no export, no answer of the read API and no log
 * line holds any of their names, addresses or words; the hash chain still verifies; the other 90
 * still read with their names and quotes; the erased read as "(removed at the person's request)";
 * and a full rebuild of every view reads exactly the same.
 *
 * <p>It runs on a database of its own (so the scan and the rebuilds see only this history), with
 * our own code and Spring MVC logging at DEBUG, captured both by an appender on the root logger
 * and on the console.
 */
@LearningLogIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"learninglog.store.database=learninglog_erasure",
        "logging.level.org.learninglog=DEBUG", "logging.level.org.springframework.web.servlet=DEBUG"})
class ErasureAcceptanceTest {

    static final String REMOVED = "(removed at the person's request)";

    private static final String[] FIRST = {"Ottoline", "Fenwick", "Marisol", "Tobiah", "Elspeth", "Caspian", "Wilhelmina",
            "Barnaby", "Isadora", "Leopold"};
    private static final String[] LAST = {"Brackwater", "Quillfeather", "Dunmorrow", "Ashgrove", "Pellinore", "Vexcombe",
            "Thistlewood", "Harrowgate", "Moonwhistle", "Cobbledick"};
    private static final String[] SAID = {"the kettle in the scout hut", "our allotment gate", "the mobile library van",
            "the laundrette noticeboard", "the bowls club minibus", "a borrowed gazebo", "the chip shop queue",
            "the canal towpath bench", "the bingo caller", "the lollipop lady"};
    private static final String[] DID = {"made strangers talk every Tuesday", "brought three streets together at dusk",
            "got the young mums to the meeting", "kept the pensioners coming back in winter", "turned complaints into plans",
            "started the repair cafe after all", "let us hear the quiet families", "moved the council officer to listen",
            "paid for itself twice over", "outlasted every funding round"};

    /** One of the hundred: every string that must never outlive their consent. */
    record Person(int n, String placeId, String personId, String name, String email, String quote, String insightId) {
        List<String> personal() {
            return List.of(name, email, quote);
        }
    }

    /** Every log line of the application while the test runs, with its stack trace if any. */
    static final class Captured extends AppenderBase<ILoggingEvent> {
        final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
            if (event.getArgumentArray() != null) {
                for (Object argument : event.getArgumentArray()) {
                    line.append(' ').append(argument);
                }
            }
            if (event.getThrowableProxy() != null) {
                line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            lines.add(line.toString());
        }
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    MongoStore store;
    @Autowired
    EventChain chain;
    @Autowired
    EventStore eventStore;
    @Autowired
    PositionedEventStorageEngine engine;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    DeadLetterGroups groups;

    private final Captured logs = new Captured();
    private Api api;
    private ViewTestKit views;

    @BeforeEach
    void captureLogs() {
        api = new Api(http);
        views = new ViewTestKit(eventStore, engine, processing, groups, store);
        logs.setContext((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory());
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void stopCapturing() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        logs.stop();
    }

    @Test
    void erasing_10_of_100_people_leaves_none_of_their_data_anywhere_and_the_rest_of_the_record_intact(CapturedOutput console) {
        String programmeId = api.registerProgramme();
        List<String> places = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            places.add(api.registerPlace(programmeId, "Ward " + (p + 1)));
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Person> people = new ArrayList<>();
        for (int n = 0; n < 100; n++) {
            String placeId = places.get(n % places.size());
            String name = FIRST[n % 10] + " " + LAST[n / 10];
            String email = FIRST[n % 10].toLowerCase() + "." + LAST[n / 10].toLowerCase() + "@example.org";
            String quote = SAID[n % 10] + " " + DID[n / 10];
            Answer registered = api.postOnce("/api/programmes/" + programmeId + "/people", "person-" + run + "-" + n, """
                    {"placeId": "%s", "role": "PLACE_MEMBER", "name": "%s", "contact": "%s", "mayBeQuoted": true}"""
                    .formatted(placeId, name, email));
            assertThat(registered.status()).as(registered.body().toString()).isEqualTo(HttpStatus.CREATED);
            String personId = registered.text("personId");
            Answer recorded = api.postOnce("/api/places/" + placeId + "/insights", "insight-" + run + "-" + n, """
                    {"text": "Observation number %d about turnout", "layer": "PLACE_NETWORK", "sphere": "COMMUNITY",
                     "principles": ["connected and heard"], "source": "workshop", "happenedOn": "2025-03-%02d",
                     "evidence": {"personId": "%s", "quote": "%s", "consent": true}}"""
                    .formatted(n, 1 + n % 28, personId, quote));
            assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(HttpStatus.CREATED);
            people.add(new Person(n, placeId, personId, name, email, quote, recorded.text("insightId")));
        }
        // A decision resting on the insights of one erased and one kept person, for the audit and the practice history.
        String ward1 = places.get(0);
        Answer adopted = api.post("/api/places/" + ward1 + "/practices", """
                {"name": "Door-knocking", "description": "Knock on doors before each meeting", "why": "People came when asked",
                 "insightIds": ["%s", "%s"], "forum": "Ward forum", "happenedOn": "2025-04-01"}"""
                .formatted(people.get(13).insightId(), people.get(5).insightId()));
        assertThat(adopted.status()).as(adopted.body().toString()).isEqualTo(HttpStatus.CREATED);
        String practiceId = adopted.text("practiceId");

        // Refused requests carrying personal data: their values must not reach a log line either.
        Person refused = people.get(23);
        assertThat(api.post("/api/places/" + refused.placeId() + "/insights", """
                {"text": "Refused", "layer": "PLACE_NETWORK", "evidence": {"personId": "%s", "quote": "%s", "consent": false}}"""
                .formatted(refused.personId(), refused.quote())).status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.post("/api/places/" + refused.placeId() + "/insights", """
                {"text": "Refused", "layer": "PLACE_NETWORK", "evidence": {"personId": "nobody-known", "quote": "%s", "consent": true}}"""
                .formatted(refused.quote())).status().is4xxClientError()).isTrue();
        assertThat(api.post("/api/programmes/" + programmeId + "/people", """
                {"role": "NOT_A_ROLE", "name": "%s", "contact": "%s"}""".formatted(refused.name(), refused.email())).status())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.post("/api/programmes/" + programmeId + "/people", """
                {"role": "PLACE_MEMBER", "name": "%s", "contact": "%s"}""".formatted(refused.name() + " ".repeat(200) + "x",
                refused.email())).status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.post("/api/programmes/" + programmeId + "/people", """
                {"role": "PLACE_MEMBER", "name": "%s", "contact": "%s", "mayBeQuoted": "perhaps"}""".formatted(refused.name(),
                refused.email())).status()).isEqualTo(HttpStatus.BAD_REQUEST);

        List<Person> erased = people.stream().filter(person -> person.n() % 10 == 3).toList();
        List<Person> kept = people.stream().filter(person -> person.n() % 10 != 3).toList();
        assertThat(erased).hasSize(10);
        assertThat(kept).hasSize(90);
        catchUp();
        assertThat(readAll(programmeId, places, practiceId)).as("before the erasure everyone reads normally")
                .contains(people.get(3).name(), people.get(3).quote());

        for (Person person : erased) {
            Answer answer = api.post("/api/programmes/" + programmeId + "/people/" + person.personId() + "/erasure", null);
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(HttpStatus.OK);
        }
        catchUp();

        Map<String, String> before = answers(programmeId, places, practiceId);
        checkEverything("after the erasure", programmeId, places, practiceId, erased, kept, console);

        Map<String, String> digests = new LinkedHashMap<>();
        List<String> viewNames = new ArrayList<>();
        api.get("/api/admin/views").body().forEach(view -> viewNames.add(view.path("view").asText()));
        assertThat(viewNames).contains("journey", "programme-timeline", "learning-flow", "search");
        for (String view : viewNames) {
            digests.put(view, api.get("/api/admin/views/" + view + "/digest").text("sha256"));
        }
        for (String view : viewNames) {
            Answer started = api.post("/api/admin/views/" + view + "/rebuild", "");
            assertThat(started.status()).as(view).isEqualTo(HttpStatus.ACCEPTED);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
                JsonNode progress = api.get("/api/admin/views/" + view + "/rebuild").body();
                assertThat(progress.path("state").asText()).as(view).isNotEqualTo("FAILED");
                return progress.path("state").asText().equals("DONE") && progress.path("percent").asDouble() == 100.0;
            });
        }
        catchUp();
        for (String view : viewNames) {
            assertThat(api.get("/api/admin/views/" + view + "/digest").text("sha256"))
                    .as("view %s rebuilt after the erasure reads as it did before the rebuild", view).isEqualTo(digests.get(view));
        }
        assertThat(answers(programmeId, places, practiceId)).as("every answer is the same after the rebuild").isEqualTo(before);
        checkEverything("after a full rebuild", programmeId, places, practiceId, erased, kept, console);
    }

    private void checkEverything(String when, String programmeId, List<String> places, String practiceId, List<Person> erased,
                                 List<Person> kept, CapturedOutput console) {
        String stored = everyDocumentAsJson();
        List<byte[]> raw = everyDocumentAsBson();
        String read = readAll(programmeId, places, practiceId);
        String logged = String.join("\n", logs.lines) + "\n" + console.getAll();
        assertThat(logs.lines).as("the logs were captured").isNotEmpty();
        for (Person person : erased) {
            for (String value : person.personal()) {
                assertThat(stored).as("%s: a collection holds %s", when, value).doesNotContain(value);
                assertThat(raw).as("%s: a BSON document holds %s", when, value)
                        .noneMatch(bytes -> contains(bytes, value.getBytes(StandardCharsets.UTF_8)));
                assertThat(read).as("%s: an export or answer shows %s", when, value).doesNotContain(value);
            }
        }
        for (Person person : kept) {
            assertThat(read).as("%s: %s still reads normally", when, person.name()).contains(person.name(), person.quote());
            for (String value : person.personal()) {
                assertThat(stored).as("%s: stored only sealed", when).doesNotContain(value);
            }
        }
        for (Person person : erased.isEmpty() ? kept : concat(erased, kept)) {
            for (String value : person.personal()) {
                assertThat(logged).as("%s: a log line holds %s", when, value).doesNotContain(value);
            }
        }

        // Where the erased words were, every view shows the marker; the others show theirs.
        for (Person person : concat(erased, kept)) {
            JsonNode evidence = null;
            for (JsonNode item : api.get("/api/places/" + person.placeId() + "/journey?size=1000").body().path("timeline").path("items")) {
                if (item.path("subjectId").asText().equals(person.insightId())) {
                    evidence = item.path("evidence");
                }
            }
            assertThat(evidence).as("%s: insight %d on its journey", when, person.n()).isNotNull();
            boolean gone = person.n() % 10 == 3;
            assertThat(evidence.path("quote").asText()).as(when).isEqualTo(gone ? REMOVED : person.quote());
            assertThat(evidence.path("name").asText()).as(when).isEqualTo(gone ? REMOVED : person.name());
            assertThat(evidence.path("personId").asText()).isEqualTo(person.personId());
        }
        String csv = http.getForObject("/api/programmes/" + programmeId + "/timeline/export?format=csv", String.class);
        assertThat(csv.split(java.util.regex.Pattern.quote(REMOVED), -1)).as("%s: the marker, name and quote of each erased person", when)
                .hasSize(2 * erased.size() + 1);
        // Place 3 holds people 3, 8, 13...: erased and kept side by side.
        String report = HtmlUtils.htmlUnescape(http.getForObject("/api/places/" + places.get(3) + "/journey/report", String.class));
        assertThat(report).contains(REMOVED).contains(people(kept, 8).quote(), people(kept, 8).name());
        JsonNode search = api.get("/api/programmes/" + programmeId + "/search?q=observation+number+13").body();
        assertThat(search.path("hits").toString()).contains(REMOVED);
        JsonNode audit = api.get("/api/adaptations/" + practiceId + "/audit").body();
        assertThat(audit.path("insights").toString()).contains(REMOVED).contains(kept.get(4).quote());

        while (chain.sealNew() > 0) {
            // seal whatever the sealer has not reached yet
        }
        Answer integrity = api.get("/api/programmes/" + programmeId + "/integrity");
        assertThat(integrity.status()).isEqualTo(HttpStatus.OK);
        assertThat(integrity.body().path("intact").asBoolean()).as("%s: %s", when, integrity.body()).isTrue();
        assertThat(integrity.body().path("count").asLong()).isGreaterThanOrEqualTo(1 + 5 + 100 + 100 + 1 + 10);
    }

    /** The answers a reader gets: journeys, exports (CSV, JSON, report), the programme timeline, search, audit, history. */
    private Map<String, String> answers(String programmeId, List<String> places, String practiceId) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String placeId : places) {
            for (String path : List.of("/api/places/" + placeId + "/journey?size=1000", "/api/places/" + placeId + "/journey/export?format=csv",
                    "/api/places/" + placeId + "/journey/export?format=json", "/api/places/" + placeId + "/journey/report")) {
                answers.put(path, http.getForObject(path, String.class));
            }
        }
        for (String path : List.of("/api/programmes/" + programmeId + "/timeline?size=1000",
                "/api/programmes/" + programmeId + "/timeline/export?format=csv",
                "/api/programmes/" + programmeId + "/timeline/export?format=json",
                "/api/programmes/" + programmeId + "/replay?step=8",
                "/api/programmes/" + programmeId + "/search?q=observation+turnout",
                "/api/programmes/" + programmeId + "/search?q=observation+number+13",
                "/api/programmes/" + programmeId + "/flow",
                "/api/adaptations/" + practiceId + "/audit",
                "/api/practices/" + practiceId + "/history")) {
            answers.put(path, http.getForObject(path, String.class));
        }
        answers.replaceAll((path, body) -> body == null ? "" : body);
        return answers;
    }

    private String readAll(String programmeId, List<String> places, String practiceId) {
        StringBuilder all = new StringBuilder();
        answers(programmeId, places, practiceId).forEach((path, body) ->
                all.append(path).append('\n').append(path.endsWith("/report") ? HtmlUtils.htmlUnescape(body) : body).append('\n'));
        return all.toString();
    }

    private String everyDocumentAsJson() {
        StringBuilder all = new StringBuilder();
        for (String collection : store.database().listCollectionNames()) {
            for (Document document : store.database().getCollection(collection).find()) {
                all.append(collection).append(' ').append(document.toJson()).append('\n');
            }
        }
        return all.toString();
    }

    private List<byte[]> everyDocumentAsBson() {
        List<byte[]> all = new ArrayList<>();
        List<String> names = new ArrayList<>();
        store.database().listCollectionNames().into(names);
        assertThat(names).contains("events", "personal_keys", "seals", "idempotency_keys", "command_lookup", "trackingtokens", "deadletters")
                .anyMatch(name -> name.startsWith("view_journey"));
        for (String collection : names) {
            for (RawBsonDocument document : store.database().getCollection(collection, RawBsonDocument.class).find()) {
                ByteBuffer buffer = document.getByteBuffer().asNIO();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                all.add(bytes);
            }
        }
        return all;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private void catchUp() {
        views.awaitCaughtUp();
    }

    private static Person people(List<Person> people, int n) {
        return people.stream().filter(person -> person.n() == n).findFirst().orElseThrow();
    }

    private static List<Person> concat(List<Person> first, List<Person> second) {
        List<Person> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
