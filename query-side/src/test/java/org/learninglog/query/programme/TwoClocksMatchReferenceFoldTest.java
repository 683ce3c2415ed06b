package org.learninglog.query.programme;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.insight.InsightRetracted;
import org.learninglog.events.insight.InsightRevised;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.events.story.StoryDated;
import org.learninglog.query.NotFoundException;
import org.learninglog.query.view.InMemoryDocuments;
import org.learninglog.query.view.TimelineFilter;
import org.learninglog.query.view.TimelineLine;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewReader;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The programme timeline on both clocks against a reference, for random histories with late and
 * back-dated records: for any (known, on), the view built from every event and read with those cuts
 * answers what a straightforward fold gives. The reference is the view built from only the events
 * recorded by {@code known} that happened by {@code on} (administration, which has no story day, by
 * {@code known} alone), read in the plainest way (every line in the order recorded), and then
 * sorted, counted and folded here, in the test, without the view's buckets or story logs.
 */
class TwoClocksMatchReferenceFoldTest {

    private static final String PROGRAMME = "programme-1";
    private static final List<String> PLACES = List.of("place-1", "place-2", "place-3");
    private static final List<String> PRINCIPLES = List.of("able to influence", "building on strengths", "connected and heard");
    private static final List<String> THEMES = List.of("transport", "youth", "food");
    private static final Instant START = Instant.parse("2025-01-01T08:00:00Z");

    /** One step of a generated history: what kind of event, where, about which insight, how long after the last, how late. */
    record Step(int kind, int place, int target, int minutesAfter, int daysLate, int principle, int theme) {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.integers().between(0, 5), // 0-3 record, 4 revise, 5 retract
                Arbitraries.integers().between(0, PLACES.size() - 1),
                Arbitraries.integers().between(0, 1000),
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, 600)), // the same day, mostly
                        net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(600, 60 * 24 * 20)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(60 * 24 * 20, 60 * 24 * 50))),
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(0, 3)),
                        net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(4, 60)),
                        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(61, 400))), // late, or a past brought in
                Arbitraries.integers().between(0, PRINCIPLES.size() - 1),
                Arbitraries.integers().between(0, THEMES.size() - 1)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(260);
    }

    @Property(tries = 150)
    void the_timeline_counts_and_story_replay_cut_on_both_clocks_equal_the_reference_fold(
            @ForAll("histories") List<Step> steps,
            @ForAll boolean withKnown, @ForAll boolean withOn, @ForAll boolean exactKnown, @ForAll boolean exactOn,
            @ForAll @IntRange(min = 0, max = 10_000) int knownPick, @ForAll @IntRange(min = 0, max = 10_000) int onPick,
            @ForAll boolean knownAsDay) {
        List<ViewEvent> events = history(steps);
        Instant known = withKnown ? known(events, knownPick, exactKnown, knownAsDay) : null;
        LocalDate on = withOn ? on(events, onPick, exactOn) : null;

        ViewReader view = new InMemoryDocuments().apply(new ProgrammeTimelineProjection(), events).reader();
        List<ViewEvent> cut = events.stream().filter(event -> (known == null || !event.recordedAt().isAfter(known))
                && (on == null || !(event.payload() instanceof StoryDated dated) || !dated.happenedOn().isAfter(on))).toList();
        List<TimelineLine> recorded = everyLine(new InMemoryDocuments().apply(new ProgrammeTimelineProjection(), cut).reader());
        TimelineFilter clocks = TimelineFilter.NONE.asOf(known).on(on);

        if (recorded.isEmpty()) {
            assertThatThrownBy(() -> ProgrammeTimelineQueries.timeline(view, PROGRAMME, clocks, ClockOrder.recorded, 0, 1000))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> ProgrammeTimelineQueries.counts(view, PROGRAMME, known, on, ClockOrder.story))
                    .isInstanceOf(NotFoundException.class);
            if (on != null) {
                assertThatThrownBy(() -> ProgrammeTimelineQueries.storyStepOn(view, PROGRAMME, on, known))
                        .isInstanceOf(NotFoundException.class);
            }
            return;
        }
        List<TimelineLine> story = recorded.stream()
                .sorted(Comparator.comparing(TimelineLine::date).thenComparingLong(TimelineLine::position)).toList();

        assertThat(items(() -> ProgrammeTimelineQueries.timeline(view, PROGRAMME, clocks, ClockOrder.recorded, 0, 1000)))
                .as("in the order recorded").isEqualTo(recorded);
        assertThat(items(() -> ProgrammeTimelineQueries.timeline(view, PROGRAMME, clocks, ClockOrder.story, 0, 1000)))
                .as("in the story's order").isEqualTo(story);
        assertThat(pages(view, clocks, ClockOrder.story, 7)).as("in the story's order, a page of 7 at a time").isEqualTo(story);
        List<TimelineLine> late = recorded.stream().filter(line -> line.recordedAt().atZone(ZoneOffset.UTC).toLocalDate()
                .isAfter(line.date().plusDays(30))).toList();
        if (late.isEmpty()) {
            assertThat(lateLines(view, clocks)).isEmpty();
        } else {
            assertThat(lateLines(view, clocks)).as("the late records").isEqualTo(late);
        }

        for (ClockOrder by : ClockOrder.values()) {
            assertThat(ProgrammeTimelineQueries.counts(view, PROGRAMME, known, on, by).months()).as("counts by %s month", by)
                    .isEqualTo(counted(recorded, by));
        }

        // Stepping through the story as the record stood at known, and jumping to on.
        List<TimelineLine> knownStory = everyLine(new InMemoryDocuments().apply(new ProgrammeTimelineProjection(),
                events.stream().filter(event -> known == null || !event.recordedAt().isAfter(known)).toList()).reader())
                .stream().sorted(Comparator.comparing(TimelineLine::date).thenComparingLong(TimelineLine::position)).toList();
        for (long step : List.of(1L, (knownStory.size() + 1L) / 2, (long) knownStory.size())) {
            ReplayStep replayed = ProgrammeTimelineQueries.storyStep(view, PROGRAMME, step, known);
            assertThat(replayed.steps()).isEqualTo(knownStory.size());
            assertThat(replayed.event()).as("step %d in the story's order", step).isEqualTo(knownStory.get((int) step - 1));
            assertThat(replayed.stateAfter()).as("the state after step %d", step).isEqualTo(stateAfter(knownStory.subList(0, (int) step)));
        }
        if (on != null) {
            ReplayStep jumped = ProgrammeTimelineQueries.storyStepOn(view, PROGRAMME, on, known);
            assertThat(jumped.step()).as("the last step that happened by %s", on).isEqualTo(story.size());
            assertThat(jumped.event()).isEqualTo(story.get(story.size() - 1));
        }
    }

    /** Administration first (places), then insights recorded, revised and retracted, each on its story day. */
    private static List<ViewEvent> history(List<Step> steps) {
        List<ViewEvent> events = new ArrayList<>();
        Instant at = START;
        for (String place : PLACES) {
            at = at.plusSeconds(60);
            events.add(new ViewEvent(events.size() + 1, "event-" + (events.size() + 1), at,
                    new PlaceRegistered(place, PROGRAMME, "Place " + place, at)));
        }
        List<String> insights = new ArrayList<>();
        Map<String, LocalDate> happened = new TreeMap<>();
        Map<String, String> placeOf = new TreeMap<>();
        List<String> retracted = new ArrayList<>();
        for (Step step : steps) {
            at = at.plus(Duration.ofMinutes(step.minutesAfter())).plusMillis(1);
            LocalDate recordedOn = LocalDate.ofInstant(at, ZoneOffset.UTC);
            List<String> open = insights.stream().filter(id -> !retracted.contains(id)).toList();
            Object payload;
            if (step.kind() <= 3 || open.isEmpty()) {
                String id = "insight-" + (insights.size() + 1);
                String place = PLACES.get(step.place());
                LocalDate day = recordedOn.minusDays(step.daysLate());
                insights.add(id);
                happened.put(id, day);
                placeOf.put(id, place);
                payload = new InsightRecorded(id, place, PROGRAMME, "Noticed " + id, false, null, null,
                        List.of(PRINCIPLES.get(step.principle())), List.of(THEMES.get(step.theme())), null, null, day, at, "member-1");
            } else {
                // A revision or retraction happens on its own day, never before what it follows happened: so
                // the events the story had by any day are the ones its lines were drawn from.
                String id = open.get(step.target() % open.size());
                LocalDate day = max(happened.get(id), recordedOn.minusDays(step.daysLate()));
                happened.put(id, day);
                if (step.kind() == 4) {
                    payload = new InsightRevised(id, placeOf.get(id), PROGRAMME, "Reworded " + id, null, null,
                            List.of(PRINCIPLES.get(step.principle())), List.of(), null, "clearer", day, at, "member-1");
                } else {
                    retracted.add(id);
                    payload = new InsightRetracted(id, placeOf.get(id), PROGRAMME, "recorded twice", day, at, "member-1");
                }
            }
            events.add(new ViewEvent(events.size() + 1, "event-" + (events.size() + 1), at, payload));
        }
        return events;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** A recording instant: one an event was recorded at, its day, or anywhere from ten days before the first to after the last. */
    private static Instant known(List<ViewEvent> events, int pick, boolean exact, boolean asDay) {
        Instant at;
        if (exact) {
            at = events.get(pick % events.size()).recordedAt();
        } else {
            Instant first = events.get(0).recordedAt().minus(Duration.ofDays(10));
            long span = Duration.between(first, events.get(events.size() - 1).recordedAt().plus(Duration.ofDays(10))).toMillis();
            at = first.plusMillis(span / 10_000 * pick);
        }
        // The API reads a day as the end of that day (UTC).
        return asDay ? LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1) : at;
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

    /** Every line of a view, in the order recorded, read page by page without any cut; none if it has none. */
    private static List<TimelineLine> everyLine(ViewReader reader) {
        try {
            return ProgrammeTimelineQueries.timeline(reader, PROGRAMME, TimelineFilter.NONE, 0, 1000).items();
        } catch (NotFoundException nothing) {
            return List.of();
        }
    }

    private static List<TimelineLine> items(Supplier<ProgrammeTimeline> query) {
        ProgrammeTimeline timeline = query.get();
        assertThat(timeline.hasMore()).isFalse();
        assertThat(timeline.total()).isEqualTo(timeline.items().size());
        return timeline.items();
    }

    private static List<TimelineLine> pages(ViewReader view, TimelineFilter filter, ClockOrder order, int size) {
        List<TimelineLine> lines = new ArrayList<>();
        for (int page = 0; ; page++) {
            ProgrammeTimeline timeline = ProgrammeTimelineQueries.timeline(view, PROGRAMME, filter, order, page, size);
            lines.addAll(timeline.items());
            if (!timeline.hasMore()) {
                return lines;
            }
        }
    }

    private static List<TimelineLine> lateLines(ViewReader view, TimelineFilter clocks) {
        return ProgrammeTimelineQueries.timeline(view, PROGRAMME, clocks.late(true), ClockOrder.recorded, 0, 1000).items();
    }

    /** Lines, principles and themes per month of the story or of the record: the fold a chart wants. */
    private static List<MonthlyCounts.Month> counted(List<TimelineLine> lines, ClockOrder by) {
        TreeMap<String, List<TimelineLine>> months = new TreeMap<>();
        for (TimelineLine line : lines) {
            YearMonth month = by == ClockOrder.story ? YearMonth.from(line.date())
                    : YearMonth.from(line.recordedAt().atZone(ZoneOffset.UTC));
            months.computeIfAbsent(month.toString(), m -> new ArrayList<>()).add(line);
        }
        List<MonthlyCounts.Month> counted = new ArrayList<>();
        months.forEach((month, inMonth) -> counted.add(new MonthlyCounts.Month(month, inMonth.size(),
                tally(inMonth.stream().flatMap(line -> line.principles().stream()).toList()),
                tally(inMonth.stream().flatMap(line -> line.themes().stream()).toList()))));
        return counted;
    }

    private static ReplayState stateAfter(List<TimelineLine> lines) {
        return new ReplayState(lines.size(), tally(lines.stream().map(TimelineLine::kind).toList()),
                tally(lines.stream().map(TimelineLine::placeId).toList()),
                tally(lines.stream().flatMap(line -> line.principles().stream()).toList()),
                tally(lines.stream().flatMap(line -> line.themes().stream()).toList()));
    }

    private static Map<String, Long> tally(List<String> values) {
        Map<String, Long> tally = new TreeMap<>();
        values.forEach(value -> tally.merge(value, 1L, Long::sum));
        return tally;
    }
}
