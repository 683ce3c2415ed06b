package org.learninglog.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.launcher.Api.Answer;
import org.learninglog.query.audit.AuditQueries;
import org.learninglog.query.deadletter.DeadLetterGroups;
import org.learninglog.query.flow.FlowQueries;
import org.learninglog.query.flow.LearningFlowProjection;
import org.learninglog.query.programme.ProgrammeTimelineQueries;
import org.learninglog.query.programme.ProgrammeTimelineProjection;
import org.learninglog.query.journey.JourneyProjection;
import org.learninglog.query.journey.JourneyQueries;
import org.learninglog.query.practice.PracticeQueries;
import org.learninglog.sample.SampleHistory;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.TimelineFilter;
import org.learninglog.query.view.ViewReader;
import org.learninglog.store.MongoStore;
import org.learninglog.store.integrity.EventChain;
import org.learninglog.store.engine.PositionedEventStorageEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every view over HTTP, on the demo programme (loaded through the command side) and on a
 * generated history; "as of" answers against the views folded from the stored events. On a
 * database of its own, so that it loads the demo programme there without taking that first load
 * away from the demo's own test (its application context and processors are its own too).
 */
@LearningLogIntegrationTest
@TestPropertySource(properties = "learninglog.store.database=learninglog_views")
class ViewsOverHttpTest {

    private static final String DEMO = "demo-programme";

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStore eventStore;
    @Autowired
    PositionedEventStorageEngine engine;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    DeadLetterGroups groups;
    @Autowired
    MongoStore store;
    @Autowired
    ObjectMapper json;
    @Autowired
    EventChain chain;

    private Api api;
    private ViewTestKit views;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        views = new ViewTestKit(eventStore, engine, processing, groups, store);
        Answer demo = api.post("/api/admin/demo", null);
        assertThat(demo.status()).isIn(HttpStatus.CREATED, HttpStatus.CONFLICT);
        views.awaitCaughtUp();
    }

    private List<String> placesOf(String programmeId) {
        List<String> places = new ArrayList<>();
        api.get("/api/places?programmeId=" + programmeId).body().forEach(place -> places.add(place.path("placeId").asText()));
        return places;
    }

    @Test
    void the_demo_programme_reads_in_every_view() {
        List<String> places = placesOf(DEMO);
        assertThat(places).hasSize(6);

        Set<String> practices = new LinkedHashSet<>();
        Set<String> adaptations = new LinkedHashSet<>();
        String principle = null;
        for (String placeId : places) {
            Answer journey = api.get("/api/places/" + placeId + "/journey?size=1000");
            assertThat(journey.status()).isEqualTo(HttpStatus.OK);
            assertThat(journey.body().path("timeline").path("items").size()).isPositive();
            journey.body().path("practices").forEach(p -> {
                practices.add(p.path("practiceId").asText());
                assertThat(p.path("versions").asInt()).isPositive();
            });
            for (JsonNode item : journey.body().path("timeline").path("items")) {
                if (item.path("kind").asText().equals("practice-adapted")) {
                    adaptations.add(item.path("refs").get(0).asText());
                }
                if (principle == null && item.path("principles").size() > 0) {
                    principle = item.path("principles").get(0).asText();
                }
            }
        }
        assertThat(practices).isNotEmpty();
        assertThat(adaptations).isNotEmpty();

        // A filter keeps only what carries the tag.
        Answer filtered = api.get("/api/places/" + places.get(0) + "/journey?size=1000&principle=" + principle.replace(" ", "%20"));
        String wanted = principle;
        filtered.body().path("timeline").path("items").forEach(item ->
                assertThat(item.path("principles").toString()).contains(wanted));

        // Practice history: versions after the first carry a word-level difference.
        boolean sawDiff = false;
        for (String practiceId : practices) {
            Answer history = api.get("/api/practices/" + practiceId + "/history");
            assertThat(history.status()).isEqualTo(HttpStatus.OK);
            for (JsonNode version : history.body().path("versions")) {
                if (version.path("number").asInt() > 1 && !version.path("kind").asText().equals("retired")) {
                    assertThat(version.path("changeFromPrevious").path("readable").asText()).isNotBlank();
                    sawDiff = true;
                }
            }
        }
        assertThat(sawDiff).isTrue();

        // Decision audit: the insights behind it as they read then and now.
        Answer audit = api.get("/api/adaptations/" + adaptations.iterator().next() + "/audit");
        assertThat(audit.status()).isEqualTo(HttpStatus.OK);
        assertThat(audit.text("forum")).isNotBlank();
        assertThat(audit.body().path("decidedBy").size()).isPositive();

        // The funder's timeline, its replay, its counts; the flow; search.
        Answer timeline = api.get("/api/programmes/" + DEMO + "/timeline?size=20");
        long total = timeline.body().path("total").asLong();
        assertThat(total).isGreaterThan(50);
        assertThat(timeline.body().path("items").size()).isEqualTo(20);
        Answer last = api.get("/api/programmes/" + DEMO + "/replay?order=recorded&step=" + total);
        assertThat(last.body().path("stateAfter").path("steps").asLong()).isEqualTo(total);
        assertThat(last.body().path("nextStep").isNull()).isTrue();
        Answer first = api.get("/api/programmes/" + DEMO + "/replay?order=recorded&step=1");
        Answer jumped = api.get("/api/programmes/" + DEMO + "/replay?order=recorded&at="
                + first.body().path("event").path("recordedAt").asText());
        assertThat(jumped.body().path("step").asLong()).isPositive();
        assertThat(api.get("/api/programmes/" + DEMO + "/counts").body().path("months").size()).isPositive();
        assertThat(api.get("/api/programmes/" + DEMO + "/flow").body().path("nodes").size()).isGreaterThanOrEqualTo(6);
        String word = timeline.body().path("items").get(0).path("summary").asText().split("\\W+")[0];
        Answer found = api.get("/api/programmes/" + DEMO + "/search?q=" + word);
        assertThat(found.status()).isEqualTo(HttpStatus.OK);

        // Exports and the printable report.
        var csv = http.getForEntity("/api/programmes/" + DEMO + "/timeline/export?format=csv", String.class);
        assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        assertThat(csv.getBody().lines().count()).isEqualTo(total + 1);
        var exported = http.getForEntity("/api/places/" + places.get(0) + "/journey/export?format=json", JsonNode.class);
        assertThat(exported.getBody().isArray()).isTrue();
        var report = http.getForEntity("/api/places/" + places.get(0) + "/journey/report", String.class);
        assertThat(report.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(report.getBody()).contains("<h1>Change journey of");
    }

    @Test
    void as_of_answers_over_http_equal_the_views_folded_from_the_stored_events_up_to_then() {
        String programme = "gen-" + UUID.randomUUID();
        views.append(SampleHistory.generated(5, programme, 4, 300, Instant.parse("2025-02-01T00:00:00Z")));
        views.awaitCaughtUp();
        List<ViewEvent> stored = views.stored();
        List<ViewEvent> demo = stored.stream().filter(e -> e.payload() instanceof PlaceRegistered p && p.programmeId().equals(DEMO)).toList();
        List<Instant> cuts = List.of(Instant.parse("2025-06-15T00:00:00Z"), Instant.parse("2025-12-01T00:00:00Z"),
                stored.get(stored.size() - 1).recordedAt().minusMillis(1), demo.get(demo.size() - 1).recordedAt());
        while (chain.sealNew() > 0) {
            // every event sealed, so that the audit over HTTP and the reference name the same seals
        }
        for (Instant cut : cuts) {
            ViewReader journey = views.referenceFold(new JourneyProjection(), stored, cut);
            ViewReader timeline = views.referenceFold(new ProgrammeTimelineProjection(), stored, cut);
            ViewReader flow = views.referenceFold(new LearningFlowProjection(), stored, cut);
            for (String programmeId : List.of(programme, DEMO)) {
                for (String placeId : placesOf(programmeId)) {
                    compare("/api/places/" + placeId + "/journey?size=1000&asOf=" + cut,
                            () -> JourneyQueries.journey(journey, placeId, TimelineFilter.NONE, 0, 1000));
                }
                compare("/api/programmes/" + programmeId + "/timeline?size=1000&asOf=" + cut,
                        () -> ProgrammeTimelineQueries.timeline(timeline, programmeId, TimelineFilter.NONE, 0, 1000));
                compare("/api/programmes/" + programmeId + "/counts?asOf=" + cut, () -> ProgrammeTimelineQueries.counts(timeline, programmeId, null));
                compare("/api/programmes/" + programmeId + "/flow?asOf=" + cut, () -> FlowQueries.flow(flow, programmeId, null));
            }
            for (ViewEvent event : stored) {
                if (event.payload() instanceof org.learninglog.events.practice.PracticeAdapted adapted
                        && (adapted.programmeId().equals(programme) || adapted.programmeId().equals(DEMO))) {
                    compare("/api/practices/" + adapted.practiceId() + "/history?asOf=" + cut,
                            () -> PracticeQueries.history(journey, adapted.practiceId(), null));
                    compare("/api/adaptations/" + adapted.adaptationId() + "/audit?asOf=" + cut,
                            () -> AuditQueries.audit(journey, adapted.adaptationId(), null, chain::seals));
                }
            }
        }
    }

    /** The HTTP answer equals the reference (both found and equal, or both not found). */
    private void compare(String path, java.util.function.Supplier<Object> reference) {
        Answer answer = api.get(path);
        Object expected;
        try {
            expected = reference.get();
        } catch (org.learninglog.query.NotFoundException notFound) {
            assertThat(answer.status()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            return;
        }
        assertThat(answer.status()).as(path).isEqualTo(HttpStatus.OK);
        JsonNode actual = ViewTestKit.withoutAsOf(json, answer.body());
        JsonNode wanted = ViewTestKit.withoutAsOf(json, expected);
        assertThat(actual).as("%s differs first at %s", path, ViewTestKit.firstDifference("", actual, wanted)).isEqualTo(wanted);
    }

    @Test
    void the_demo_programme_reads_on_both_clocks_the_story_and_the_record() {
        // The demo's year (September 2024 to August 2025) is all recorded in the minute it loads.
        String programme = "/api/programmes/" + DEMO;
        Answer story = api.get(programme + "/timeline?order=story&size=5");
        assertThat(story.status()).isEqualTo(HttpStatus.OK);
        assertThat(story.body().path("order").asText()).isEqualTo("story");
        assertThat(story.body().path("items").get(0).path("date").asText()).startsWith("2024-09");

        Answer autumn = api.get(programme + "/counts?on=2024-10-31");
        assertThat(autumn.status()).isEqualTo(HttpStatus.OK);
        assertThat(autumn.body().path("months")).isNotEmpty()
                .allSatisfy(month -> assertThat(month.path("month").asText()).isLessThanOrEqualTo("2024-10"));
        Answer byRecording = api.get(programme + "/counts?by=recorded");
        assertThat(byRecording.body().path("months"))
                .allSatisfy(month -> assertThat(month.path("month").asText()).isGreaterThan("2025-08"));
        assertThat(api.get(programme + "/counts?on=2020-01-01").status()).isEqualTo(HttpStatus.NOT_FOUND);
        Answer knownToday = api.get(programme + "/counts?known=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1));
        assertThat(knownToday.body().path("months")).isEqualTo(api.get(programme + "/counts").body().path("months"));

        Answer first = api.get(programme + "/replay?order=story&step=1");
        assertThat(first.status()).isEqualTo(HttpStatus.OK);
        assertThat(first.body().path("order").asText()).isEqualTo("story");
        assertThat(api.get(programme + "/replay?step=1").body()).as("the replay is in the story's order unless asked otherwise")
                .isEqualTo(first.body());
        assertThat(first.body().path("event").path("date").asText()).startsWith("2024-09");
        Answer newYear = api.get(programme + "/replay?order=story&on=2024-12-31");
        assertThat(newYear.body().path("event").path("date").asText()).isLessThanOrEqualTo("2024-12-31");
        Answer after = api.get(programme + "/replay?order=story&step=" + (newYear.body().path("step").asLong() + 1));
        assertThat(after.body().path("event").path("date").asText()).isGreaterThan("2024-12-31");

        Answer late = api.get(programme + "/timeline?late=true&size=1000");
        assertThat(late.body().path("items")).isNotEmpty().allSatisfy(item -> assertThat(item.path("late").asBoolean()).isTrue());
        String placeId = placesOf(DEMO).get(0);
        Answer journey = api.get("/api/places/" + placeId + "/journey?on=2024-10-31&size=1000");
        assertThat(journey.body().path("timeline").path("items"))
                .allSatisfy(item -> assertThat(item.path("date").asText()).isLessThanOrEqualTo("2024-10-31"));

        String practiceId = api.get("/api/places/" + placeId + "/journey").body().path("practices").get(0).path("practiceId").asText();
        Answer wholeHistory = api.get("/api/practices/" + practiceId + "/history");
        Answer storySoFar = api.get("/api/practices/" + practiceId + "/history?on="
                + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1));
        assertThat(storySoFar.body().path("versions")).isEqualTo(wholeHistory.body().path("versions"));
        assertThat(api.get("/api/practices/" + practiceId + "/history?on=2020-01-01").fieldsAtFault()).containsExactly("on");

        // The decision audit on the story's clock, and its late marks: the demo's past was recorded in the minute it loaded.
        String audit = "/api/adaptations/" + practiceId + "/audit";
        Answer wholeAudit = api.get(audit);
        java.time.LocalDate decided = java.time.LocalDate.parse(wholeAudit.text("occurredOn"));
        assertThat(wholeAudit.body().path("late").asBoolean()).isTrue();
        assertThat(wholeAudit.body().path("insights")).allSatisfy(trail -> assertThat(trail.path("events"))
                .allSatisfy(event -> assertThat(event.path("late").asBoolean()).isTrue()));
        assertThat(api.get(audit + "?on=" + decided.minusDays(1)).fieldsAtFault()).as("a decision taken after the day asked")
                .containsExactly("on");
        Answer onTheDay = api.get(audit + "?on=" + decided + "T23:00:00Z");
        assertThat(onTheDay.status()).isEqualTo(HttpStatus.OK);
        assertThat(onTheDay.text("on")).isEqualTo(decided.toString());
        assertThat(onTheDay.body().path("outcomes")).allSatisfy(review ->
                assertThat(review.path("reviewedOn").asText()).isLessThanOrEqualTo(decided.toString()));
        assertThat(onTheDay.body().path("laterVersions")).allSatisfy(version ->
                assertThat(version.path("happenedOn").asText()).isLessThanOrEqualTo(decided.toString()));
        Answer storyToDate = api.get(audit + "?on=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1));
        assertThat(storyToDate.body().path("laterVersions")).isEqualTo(wholeAudit.body().path("laterVersions"));
        assertThat(storyToDate.body().path("outcomes")).isEqualTo(wholeAudit.body().path("outcomes"));

        Answer flowBefore = api.get(programme + "/flow?on=2024-08-31");
        assertThat(flowBefore.status()).isEqualTo(HttpStatus.OK);
        assertThat(flowBefore.body().path("edges")).isEmpty(); // nothing had travelled before the story began
        assertThat(api.get(programme + "/flow?on=2025-08-31").body().path("edges")).isNotEmpty();

        assertThat(api.get(programme + "/counts?on=yesterday").fieldsAtFault()).containsExactly("on");
        assertThat(api.get(programme + "/counts?known=yesterday").fieldsAtFault()).containsExactly("known");
        assertThat(api.get(programme + "/timeline?known=2025-01-01&asOf=2025-01-01").fieldsAtFault()).containsExactly("asOf");
        assertThat(api.get(programme + "/timeline?order=sideways").fieldsAtFault()).containsExactly("order");
        assertThat(api.get(programme + "/replay?order=story&at=2025-01-01T00:00:00Z").fieldsAtFault()).containsExactly("at");
        assertThat(api.get(programme + "/replay?order=recorded&on=2025-01-01").fieldsAtFault()).containsExactly("on");
        assertThat(api.get(programme + "/replay?at=2025-01-01T00:00:00Z").fieldsAtFault()).as("at= is of the record's order")
                .containsExactly("at");
    }

    @Test
    void a_bad_as_of_or_period_is_a_problem_naming_the_parameter() {
        String placeId = placesOf(DEMO).get(0);
        Answer badInstant = api.get("/api/places/" + placeId + "/journey?asOf=yesterday");
        assertThat(badInstant.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badInstant.isProblem()).isTrue();
        assertThat(badInstant.fieldsAtFault()).containsExactly("asOf");

        Answer backwards = api.get("/api/places/" + placeId + "/journey?from=2025-03-01&to=2025-01-01");
        assertThat(backwards.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(backwards.fieldsAtFault()).containsExactly("to");

        Answer badReplay = api.get("/api/programmes/" + DEMO + "/replay?step=0");
        assertThat(badReplay.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(badReplay.fieldsAtFault()).containsExactly("step");

        assertThat(api.get("/api/practices/no-such-practice/history").status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get("/api/programmes/" + DEMO + "/timeline/export?format=xls").fieldsAtFault()).containsExactly("format");
    }
}
