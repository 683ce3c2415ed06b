package org.learninglog.query.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.insight.InsightRetracted;
import org.learninglog.events.insight.InsightRevised;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.events.practice.AdaptationOutcomeReviewed;
import org.learninglog.events.practice.PracticeAdapted;
import org.learninglog.events.practice.PracticeAdopted;
import org.learninglog.events.practice.PracticeRetired;
import org.learninglog.events.programme.ProgrammeRegistered;
import org.learninglog.events.sharing.LearningShared;
import org.learninglog.events.sharing.SharedLearningAdopted;
import org.learninglog.events.sharing.SharedLearningRespondedTo;
import org.learninglog.events.story.StoryDated;
import org.learninglog.query.NotFoundException;
import org.learninglog.query.audit.AuditQueries;
import org.learninglog.query.flow.FlowQueries;
import org.learninglog.query.flow.LearningFlowProjection;
import org.learninglog.query.journey.JourneyProjection;
import org.learninglog.query.journey.JourneyQueries;
import org.learninglog.query.practice.PracticeQueries;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The views of a place's learning on both clocks against a reference, for random histories of
 * insights, practices, reviews and shared learning with late and back-dated records: for any
 * (known, on), every place's journey, every practice's history, every decision's audit and the
 * programme's learning flow, built from every event and read with those cuts, answer what the same
 * view answers when built from only the events recorded by {@code known} that happened by
 * {@code on} (administration, which has no story day, by {@code known} alone) and read whole.
 *
 * <p>A later event about the same thing (a revision of an insight, a change, review or retirement
 * of a practice, a share of a change, its adoption elsewhere), and a decision, review or share
 * citing an insight, happens on its own day, never before what it follows or cites happened: the
 * story a day cut keeps is then the one its events tell (a line takes its tags from the insights
 * it cites as they read when it was recorded).
 */
class TwoClocksOnPlaceViewsMatchReferenceFoldTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final String PROGRAMME = "programme-1";
    private static final List<String> PLACES = List.of("place-1", "place-2", "place-3");
    private static final List<String> PRINCIPLES = List.of("able to influence", "building on strengths", "connected and heard");
    private static final Instant START = Instant.parse("2025-01-01T08:00:00Z");

    /** One step of a generated history: what kind of event, where, about what, how long after the last, how late. */
    record Step(int kind, int place, int target, int minutesAfter, int daysLate) {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.integers().between(0, 11),
                Arbitraries.integers().between(0, PLACES.size() - 1),
                Arbitraries.integers().between(0, 1000),
                Arbitraries.frequencyOf(
                        Tuple.of(6, Arbitraries.integers().between(0, 600)),
                        Tuple.of(3, Arbitraries.integers().between(600, 60 * 24 * 20)),
                        Tuple.of(1, Arbitraries.integers().between(60 * 24 * 20, 60 * 24 * 50))),
                Arbitraries.frequencyOf(
                        Tuple.of(5, Arbitraries.integers().between(0, 3)),
                        Tuple.of(3, Arbitraries.integers().between(4, 60)),
                        Tuple.of(2, Arbitraries.integers().between(61, 400)))).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(120);
    }

    @Property(tries = 250)
    void journeys_practice_histories_audits_and_the_flow_cut_on_both_clocks_equal_the_reference_fold(
            @ForAll("histories") List<Step> steps,
            @ForAll boolean withKnown, @ForAll boolean withOn, @ForAll boolean exactKnown, @ForAll boolean exactOn,
            @ForAll @IntRange(min = 0, max = 10_000) int knownPick, @ForAll @IntRange(min = 0, max = 10_000) int onPick) {
        History history = history(steps);
        List<ViewEvent> events = history.events();
        Instant known = withKnown ? known(events, knownPick, exactKnown) : null;
        LocalDate on = withOn ? on(events, onPick, exactOn) : null;
        List<ViewEvent> cut = events.stream().filter(event -> (known == null || !event.recordedAt().isAfter(known))
                && (on == null || !(event.payload() instanceof StoryDated dated) || !dated.happenedOn().isAfter(on))).toList();

        ViewReader journey = new InMemoryDocuments().apply(new JourneyProjection(), events).reader();
        ViewReader journeyThen = new InMemoryDocuments().apply(new JourneyProjection(), cut).reader();
        for (String place : PLACES) {
            same("the journey of " + place,
                    () -> JourneyQueries.journey(journey, place, TimelineFilter.NONE.asOf(known).on(on), 0, 10_000),
                    () -> JourneyQueries.journey(journeyThen, place, TimelineFilter.NONE, 0, 10_000));
        }
        for (String practice : history.practices()) {
            same("the history of " + practice, () -> PracticeQueries.history(journey, practice, known, on),
                    () -> PracticeQueries.history(journeyThen, practice, null, null));
        }
        for (String decision : history.decisions()) {
            same("the audit of " + decision, () -> AuditQueries.audit(journey, decision, known, on),
                    () -> AuditQueries.audit(journeyThen, decision, null));
        }
        ViewReader flow = new InMemoryDocuments().apply(new LearningFlowProjection(), events).reader();
        ViewReader flowThen = new InMemoryDocuments().apply(new LearningFlowProjection(), cut).reader();
        same("the learning flow", () -> FlowQueries.flow(flow, PROGRAMME, known, on), () -> FlowQueries.flow(flowThen, PROGRAMME, null, null));
    }

    /** The events, and the practices and decisions (adoptions by their practice's id, adaptations) they made. */
    record History(List<ViewEvent> events, List<String> practices, List<String> decisions) {
    }

    /**
     * Administration first (the programme, its places), then insights recorded, revised and retracted;
     * practices adopted, adapted, reviewed and retired; changes shared, taken up elsewhere and
     * answered; each on its story day.
     */
    private static History history(List<Step> steps) {
        List<ViewEvent> events = new ArrayList<>();
        Instant at = START;
        events.add(event(events, at, new ProgrammeRegistered(PROGRAMME, "Programme", "admin-1", at)));
        for (String place : PLACES) {
            at = at.plusSeconds(60);
            events.add(event(events, at, new PlaceRegistered(place, PROGRAMME, "Place " + place, at)));
        }
        Map<String, LocalDate> happened = new HashMap<>(); // what a later event follows: its latest day
        Map<String, String> placeOf = new HashMap<>();
        List<String> insights = new ArrayList<>();
        List<String> retracted = new ArrayList<>();
        List<String> practices = new ArrayList<>();
        List<String> retired = new ArrayList<>();
        List<String[]> adaptations = new ArrayList<>(); // practice, adaptation
        List<String[]> shares = new ArrayList<>();      // share, adaptation it carries
        List<String> decisions = new ArrayList<>();
        for (Step step : steps) {
            at = at.plus(Duration.ofMinutes(step.minutesAfter())).plusMillis(1);
            LocalDate recordedOn = LocalDate.ofInstant(at, ZoneOffset.UTC);
            LocalDate said = recordedOn.minusDays(step.daysLate());
            String id = "e" + (events.size() + 1);
            String place = PLACES.get(step.place());
            List<String> open = insights.stream().filter(insight -> !retracted.contains(insight)).toList();
            List<String> running = practices.stream().filter(practice -> !retired.contains(practice)).toList();
            // a decision cites one of the last few insights: those most likely revised around it, on either clock
            List<String> cited = insights.isEmpty() ? List.of()
                    : List.of(insights.get(insights.size() - 1 - step.target() % Math.min(insights.size(), 4)));
            // what cites an insight happened after it (a decision follows what led to it); an insight's own day is as said
            LocalDate asSaid = cited.isEmpty() || said.isAfter(happened.get(cited.get(0))) ? said : happened.get(cited.get(0));
            int kind = step.kind();
            Object payload;
            if (kind <= 2 || (kind <= 4 && open.isEmpty()) || (kind >= 6 && running.isEmpty())) {
                asSaid = said;
                happened.put(id, asSaid);
                placeOf.put(id, place);
                insights.add(id);
                payload = new InsightRecorded(id, place, PROGRAMME, "Noticed " + id, false, null, null,
                        List.of(PRINCIPLES.get(step.target() % PRINCIPLES.size())), List.of("youth"), null, null, asSaid, at, "member-1");
            } else if (kind <= 4) {
                String insight = open.get(step.target() % open.size());
                LocalDate day = after(happened, insight, asSaid);
                if (kind == 3) {
                    payload = new InsightRevised(insight, placeOf.get(insight), PROGRAMME, "Reworded " + id, null, null,
                            List.of(PRINCIPLES.get(step.place() % PRINCIPLES.size())), List.of(), null, "clearer", day, at, "member-1");
                } else {
                    retracted.add(insight);
                    payload = new InsightRetracted(insight, placeOf.get(insight), PROGRAMME, "recorded twice", day, at, "member-1");
                }
            } else if (kind == 5) {
                happened.put(id, asSaid);
                placeOf.put(id, place);
                practices.add(id);
                decisions.add(id);
                payload = new PracticeAdopted(id, place, PROGRAMME, "Practice " + id, "We meet " + id, "to try it", cited, List.of(),
                        List.of("member-1"), "board", asSaid, at, "member-1");
            } else if (kind == 6 || kind == 11) {
                String practice = running.get(step.target() % running.size());
                LocalDate day = after(happened, practice, asSaid);
                if (kind == 6) {
                    happened.put(id, day);
                    adaptations.add(new String[]{practice, id});
                    decisions.add(id);
                    payload = new PracticeAdapted(practice, id, placeOf.get(practice), PROGRAMME, "as it was", "We meet " + id,
                            "because", cited, List.of(), List.of("member-2"), "forum", day, at, "member-2");
                } else {
                    retired.add(practice);
                    payload = new PracticeRetired(practice, placeOf.get(practice), PROGRAMME, "it ran its course", List.of(), day, at,
                            "member-1");
                }
            } else if (adaptations.isEmpty()) {
                continue;
            } else if (kind == 7 || kind == 8 || shares.isEmpty()) {
                String[] adaptation = adaptations.get(step.target() % adaptations.size());
                LocalDate day = after(happened, adaptation[1], asSaid);
                if (kind == 7) {
                    payload = new AdaptationOutcomeReviewed(adaptation[0], adaptation[1], placeOf.get(adaptation[0]), PROGRAMME,
                            AdaptationOutcomeReviewed.Outcome.values()[step.target() % 4], "what we saw", cited, day, at, "member-3");
                } else {
                    happened.put(id, day);
                    shares.add(new String[]{id, adaptation[1]});
                    payload = new LearningShared(id, PROGRAMME, placeOf.get(adaptation[0]), "What we learned " + id, "It worked",
                            new LearningShared.Audience(true, List.of(), List.of()), cited,
                            List.of(new LearningShared.AdaptationRef(adaptation[0], adaptation[1])), day, at, "member-4");
                }
            } else {
                String[] share = shares.get(step.target() % shares.size());
                LocalDate day = after(happened, share[0], asSaid);
                if (kind == 9) {
                    String practice = running.get(step.place() % running.size());
                    payload = new SharedLearningAdopted(share[0], PROGRAMME, placeOf.get(practice), practice, null, "we took it up",
                            day, at, "member-5");
                } else {
                    payload = new SharedLearningRespondedTo(share[0], PROGRAMME, place, SharedLearningRespondedTo.Kind.ENDORSEMENT,
                            "yes, this", day, at, "member-6");
                }
            }
            events.add(event(events, at, payload));
        }
        return new History(events, practices, decisions);
    }

    private static ViewEvent event(List<ViewEvent> events, Instant at, Object payload) {
        return new ViewEvent(events.size() + 1, "event-" + (events.size() + 1), at, payload);
    }

    /** The day a later event happens on: as said, but never before what it follows; which then follows from it. */
    private static LocalDate after(Map<String, LocalDate> happened, String subject, LocalDate asSaid) {
        LocalDate before = happened.get(subject);
        LocalDate day = asSaid.isBefore(before) ? before : asSaid;
        happened.put(subject, day);
        return day;
    }

    /** A recording instant: one an event was recorded at, or anywhere from ten days before the first to after the last. */
    private static Instant known(List<ViewEvent> events, int pick, boolean exact) {
        if (exact) {
            return events.get(pick % events.size()).recordedAt();
        }
        Instant first = events.get(0).recordedAt().minus(Duration.ofDays(10));
        long span = Duration.between(first, events.get(events.size() - 1).recordedAt().plus(Duration.ofDays(10))).toMillis();
        return first.plusMillis(span / 10_000 * pick);
    }

    /** A story day: one an event happened on, or anywhere from 400 days before the first record to after the last. */
    private static LocalDate on(List<ViewEvent> events, int pick, boolean exact) {
        List<LocalDate> days = events.stream().filter(event -> event.payload() instanceof StoryDated)
                .map(event -> ((StoryDated) event.payload()).happenedOn()).toList();
        if (exact && !days.isEmpty()) {
            return days.get(pick % days.size());
        }
        LocalDate first = LocalDate.ofInstant(events.get(0).recordedAt(), ZoneOffset.UTC).minusDays(400);
        LocalDate last = LocalDate.ofInstant(events.get(events.size() - 1).recordedAt(), ZoneOffset.UTC).plusDays(2);
        return first.plusDays((last.toEpochDay() - first.toEpochDay()) * pick / 10_000);
    }

    /**
     * Both answers, without the cuts they name, must be equal; or both "not found" (a cut view names
     * {@code on} where the thing is there but happened later, the reference its id).
     */
    private static void same(String what, Supplier<Object> cut, Supplier<Object> reference) {
        assertThat(answer(cut)).as(what + " cut on both clocks, against the reference fold").isEqualTo(answer(reference));
    }

    private static JsonNode answer(Supplier<Object> query) {
        try {
            return strip(JSON.valueToTree(query.get()));
        } catch (NotFoundException e) {
            return JSON.createObjectNode().put("notFound", true);
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
