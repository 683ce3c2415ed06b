package org.learninglog.query.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.events.practice.PracticeAdapted;
import org.learninglog.events.practice.PracticeAdopted;
import org.learninglog.query.NotFoundException;
import org.learninglog.query.audit.AuditQueries;
import org.learninglog.query.flow.FlowQueries;
import org.learninglog.query.flow.LearningFlowProjection;
import org.learninglog.query.report.SynthesisReportProjection;
import org.learninglog.query.report.SynthesisReportQueries;
import org.learninglog.query.programme.ProgrammeTimelineQueries;
import org.learninglog.query.programme.ProgrammeTimelineProjection;
import org.learninglog.query.journey.JourneyProjection;
import org.learninglog.query.journey.JourneyQueries;
import org.learninglog.query.practice.PracticeQueries;
import org.learninglog.sample.SampleHistory;
import org.learninglog.store.MongoStore;
import org.learninglog.store.testkit.MongoStoreExtension;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "As of" answers are checked against a reference: the same view folded from only the events
 * recorded up to that instant, and read as it stands. For several instants across a demo
 * programme and a generated one, every journey, practice history, decision audit, programme
 * timeline, replay position, count and flow must be the same both ways.
 */
@ExtendWith(MongoStoreExtension.class)
class AsOfMatchesReferenceFoldTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private ViewFixture fixture;
    private List<ViewEvent> events;

    @BeforeEach
    void setUp(MongoStore store) {
        fixture = new ViewFixture(store);
        fixture.append(SampleHistory.demo("demo"));
        fixture.append(SampleHistory.generated(11, "gen", 4, 250, Instant.parse("2025-01-01T00:00:00Z")));
        events = fixture.stored();
        for (Projection projection : ViewFixture.PROJECTIONS) {
            ViewFixture.applyRebuild(projection, fixture.collection("now_" + projection.name().replace('-', '_')), events);
        }
    }

    @Test
    void every_view_as_of_an_instant_equals_the_view_folded_from_the_events_recorded_up_to_it() {
        List<Instant> cuts = List.of(Instant.parse("2025-03-05T00:00:00Z"), Instant.parse("2025-04-02T12:00:00Z"),
                Instant.parse("2025-06-30T00:00:00Z"), Instant.parse("2025-09-09T12:00:30Z"), Instant.parse("2025-11-30T00:00:00Z"),
                events.get(events.size() / 2).recordedAt(), events.get(events.size() - 1).recordedAt());
        int compared = 0;
        for (int index = 0; index < cuts.size(); index++) {
            int c = index;
            Instant cut = cuts.get(c);
            List<ViewEvent> prefix = ViewFixture.upTo(events, cut);
            for (Projection projection : ViewFixture.PROJECTIONS) {
                ViewFixture.applyRebuild(projection, fixture.collection("ref" + c + "_" + projection.name().replace('-', '_')), prefix);
            }
            ViewReader journeyNow = reader("now_", JourneyProjection.NAME);
            ViewReader journeyThen = reader("ref" + c + "_", JourneyProjection.NAME);
            for (ViewEvent event : events) {
                if (event.payload() instanceof PlaceRegistered place) {
                    compared += same(() -> JourneyQueries.journey(journeyNow, place.placeId(), TimelineFilter.NONE.asOf(cut), 0, 10_000),
                            () -> JourneyQueries.journey(journeyThen, place.placeId(), TimelineFilter.NONE, 0, 10_000));
                } else if (event.payload() instanceof PracticeAdopted practice) {
                    compared += same(() -> PracticeQueries.history(journeyNow, practice.practiceId(), cut),
                            () -> PracticeQueries.history(journeyThen, practice.practiceId(), null));
                    compared += same(() -> AuditQueries.audit(journeyNow, practice.practiceId(), cut),
                            () -> AuditQueries.audit(journeyThen, practice.practiceId(), null));
                } else if (event.payload() instanceof PracticeAdapted adapted) {
                    compared += same(() -> AuditQueries.audit(journeyNow, adapted.adaptationId(), cut),
                            () -> AuditQueries.audit(journeyThen, adapted.adaptationId(), null));
                }
            }
            for (String programme : List.of("demo", "gen")) {
                ViewReader timelineNow = reader("now_", ProgrammeTimelineProjection.NAME);
                ViewReader timelineThen = reader("ref" + c + "_", ProgrammeTimelineProjection.NAME);
                compared += same(() -> ProgrammeTimelineQueries.counts(timelineNow, programme, cut), () -> ProgrammeTimelineQueries.counts(timelineThen, programme, null));
                compared += same(() -> ProgrammeTimelineQueries.timeline(timelineNow, programme, TimelineFilter.NONE.asOf(cut), 0, 10_000),
                        () -> ProgrammeTimelineQueries.timeline(timelineThen, programme, TimelineFilter.NONE, 0, 10_000));
                Document head = timelineThen.get(ProgrammeTimelineProjection.timelineKey(programme));
                if (head != null) {
                    long steps = PagedLog.count(head);
                    // A jump to the date lands on the last step recorded by then, in the whole replay.
                    compared += same(() -> position(ProgrammeTimelineQueries.stepAt(timelineNow, programme, cut)),
                            () -> position(ProgrammeTimelineQueries.step(timelineThen, programme, steps)));
                }
                compared += same(() -> FlowQueries.flow(reader("now_", LearningFlowProjection.NAME), programme, cut),
                        () -> FlowQueries.flow(reader("ref" + c + "_", LearningFlowProjection.NAME), programme, null));
                // The synthesis report over the whole story (and over one quarter of it), known at the cut.
                for (java.time.LocalDate[] period : new java.time.LocalDate[][] {
                        {java.time.LocalDate.parse("2020-01-01"), java.time.LocalDate.parse("2029-12-31")},
                        {java.time.LocalDate.parse("2025-01-15"), java.time.LocalDate.parse("2025-04-14")}}) {
                    compared += same(() -> SynthesisReportQueries.report(reader("now_", SynthesisReportProjection.NAME), programme,
                                    period[0], period[1], cut, null),
                            () -> SynthesisReportQueries.report(reader("ref" + c + "_", SynthesisReportProjection.NAME), programme,
                                    period[0], period[1], null, null));
                }
            }
        }
        assertThat(compared).isGreaterThan(100);
    }

    private record Position(long step, Object event, Object stateAfter) {
    }

    private static Position position(org.learninglog.query.programme.ReplayStep step) {
        return new Position(step.step(), step.event(), step.stateAfter());
    }

    private ViewReader reader(String prefix, String view) {
        return new ViewReader(fixture.collection(prefix + view.replace('-', '_')));
    }

    /** Both answers, without the asOf they name, must be equal; or both "not found". Returns 1. */
    private static int same(Supplier<Object> asOf, Supplier<Object> reference) {
        JsonNode expected = answer(reference);
        JsonNode actual = answer(asOf);
        assertThat(actual).as("as of, against the reference fold").isEqualTo(expected);
        return 1;
    }

    private static JsonNode answer(Supplier<Object> query) {
        try {
            return strip(JSON.valueToTree(query.get()));
        } catch (NotFoundException e) {
            return JSON.createObjectNode().put("notFound", e.field());
        }
    }

    private static JsonNode strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("asOf");
            object.remove("known"); // the clocks a view was cut on are the question, not the answer
            object.remove("on");
            Set<String> fields = new LinkedHashSet<>();
            object.fieldNames().forEachRemaining(fields::add);
            fields.forEach(field -> strip(object.get(field)));
        } else if (node.isArray()) {
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                strip(it.next());
            }
        }
        return node;
    }
}
