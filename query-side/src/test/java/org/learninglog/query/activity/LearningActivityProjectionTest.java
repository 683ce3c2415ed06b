package org.learninglog.query.activity;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.learninglog.events.activity.ActivitySessionHeld;
import org.learninglog.events.activity.LearningActivitySetUp;
import org.learninglog.events.activity.SessionEvaluated;
import org.learninglog.events.activity.SessionEvaluation;
import org.learninglog.events.activity.SessionEvaluationRevised;
import org.learninglog.query.NotFoundException;
import org.learninglog.query.activity.ActivityReading.AnswerShare;
import org.learninglog.query.view.InMemoryDocuments;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewEvents;
import org.learninglog.query.view.ViewReader;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The learning activities projection as a plain unit, read back through its queries. */
class LearningActivityProjectionTest {

    private static final List<String> SCALE = List.of("excellent", "good", "fair", "poor");

    private static List<ViewEvent> cluster() {
        List<Object> events = new ArrayList<>();
        events.add(new LearningActivitySetUp("activity-1", "programme-1", "learning cluster", "Engaging parents",
                List.of("place-a", "place-b"), LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"), SCALE,
                List.of("networking", "speakers"), ViewEvents.recordedAt(1), "member-1"));
        int[][] forms = {{6, 14}, {8, 15}, {11, 15}, {16, 18}};
        for (int i = 0; i < forms.length; i++) {
            int excellent = forms[i][0];
            int returned = forms[i][1];
            events.add(new ActivitySessionHeld("activity-1", "programme-1", i + 1, LocalDate.parse("2025-0" + (i + 2) + "-10"),
                    null, Map.of("place-a", 9, "place-b", 7), List.of(), ViewEvents.recordedAt(2), "member-1"));
            events.add(new SessionEvaluated("activity-1", "programme-1", i + 1, new SessionEvaluation(returned,
                    Map.of("excellent", excellent, "good", returned - excellent), Map.of("networking", returned - 2),
                    Map.of("all", 5, "some", returned - 5), List.of("More time to talk"), List.of()),
                    ViewEvents.recordedAt(3), "member-1"));
        }
        return ViewEvents.inOrder(events.toArray());
    }

    private static ViewReader reader(List<ViewEvent> events) {
        return new InMemoryDocuments().apply(new LearningActivityProjection(), events).reader();
    }

    @Test
    void the_trend_gives_the_share_rating_the_best_answer_per_session_with_its_count_and_base() {
        ActivityReading activity = ActivityQueries.reading(ActivityQueries.activity(reader(cluster()), "activity-1"));

        assertThat(activity.trend()).extracting(point -> point.sessionNumber() + ": " + point.count() + "/" + point.base()
                        + " = " + point.percent() + "% " + point.answer())
                .containsExactly("1: 6/14 = 43% excellent", "2: 8/15 = 53% excellent", "3: 11/15 = 73% excellent",
                        "4: 16/18 = 89% excellent");
        assertThat(activity.version()).isEqualTo(8);
        assertThat(activity.sessions()).extracting(ActivityReading.ActivitySessionReading::attendanceTotal).containsOnly(16L);
    }

    @Test
    void every_answer_of_the_scale_and_of_the_choices_is_given_with_its_base_in_the_activity_s_order() {
        ActivityReading.SessionEvaluationReading evaluation =
                ActivityQueries.evaluation(ActivityQueries.activity(reader(cluster()), "activity-1"), 1);

        assertThat(evaluation.formsReturned()).isEqualTo(14);
        assertThat(evaluation.ratings()).containsExactly(new AnswerShare("excellent", 6, 14, 43), new AnswerShare("good", 8, 14, 57),
                new AnswerShare("fair", 0, 14, 0), new AnswerShare("poor", 0, 14, 0));
        assertThat(evaluation.mostUseful()).containsExactly(new AnswerShare("networking", 12, 14, 86), new AnswerShare("speakers", 0, 14, 0));
        assertThat(evaluation.gotWhatTheyWanted()).containsExactly(new AnswerShare("all", 5, 14, 36), new AnswerShare("some", 9, 14, 64),
                new AnswerShare("none", 0, 14, 0));
    }

    @Test
    void a_revision_replaces_the_counts_and_keeps_its_reason() {
        List<ViewEvent> events = new ArrayList<>(cluster());
        events.add(new ViewEvent(events.size() + 1, "revised", ViewEvents.recordedAt(9), new SessionEvaluationRevised(
                "activity-1", "programme-1", 1, new SessionEvaluation(15, Map.of("excellent", 7, "good", 8), Map.of(),
                Map.of(), List.of(), List.of()), "A late form", ViewEvents.recordedAt(9), "member-1")));

        ActivityReading activity = ActivityQueries.reading(ActivityQueries.activity(reader(events), "activity-1"));

        assertThat(activity.trend().get(0)).extracting(p -> p.count() + "/" + p.base() + " = " + p.percent()).isEqualTo("7/15 = 47");
        assertThat(activity.sessions().get(0).evaluation().reason()).isEqualTo("A late form");
        assertThat(activity.sessions().get(0).evaluation().revisions()).isEqualTo(1);
        assertThat(activity.version()).isEqualTo(9);
    }

    @Test
    void a_session_with_no_form_returned_gives_its_base_and_no_share() {
        List<ViewEvent> events = ViewEvents.inOrder(
                new LearningActivitySetUp("activity-1", "programme-1", "masterclass", "Data", List.of("place-a"),
                        LocalDate.parse("2025-01-01"), null, SCALE, List.of(), ViewEvents.recordedAt(1), "member-1"),
                new ActivitySessionHeld("activity-1", "programme-1", 1, LocalDate.parse("2025-02-01"), null,
                        Map.of("place-a", 3), List.of(), ViewEvents.recordedAt(2), "member-1"),
                new SessionEvaluated("activity-1", "programme-1", 1, new SessionEvaluation(0, Map.of(), Map.of(), Map.of(),
                        List.of(), List.of()), ViewEvents.recordedAt(3), "member-1"));

        ActivityReading activity = ActivityQueries.reading(ActivityQueries.activity(reader(events), "activity-1"));

        assertThat(activity.trend()).singleElement().satisfies(point -> {
            assertThat(point.base()).isZero();
            assertThat(point.percent()).isNull();
        });
    }

    @Test
    void the_programme_lists_its_activities_with_the_latest_best_share() {
        assertThat(ActivityQueries.list(reader(cluster()), "programme-1"))
                .extracting(s -> s.activityId() + " " + s.sessions() + " sessions, latest " + s.latest().count() + "/"
                        + s.latest().base() + " = " + s.latest().percent() + "%")
                .containsExactly("activity-1 4 sessions, latest 16/18 = 89%");
        assertThat(ActivityQueries.list(reader(cluster()), "programme-2")).isEmpty();
    }

    /** The cluster with session 1's evaluation corrected at position 10, after everything else. */
    private static List<ViewEvent> clusterRevised() {
        List<ViewEvent> events = new ArrayList<>(cluster());
        events.add(new ViewEvent(events.size() + 1, "revised", ViewEvents.recordedAt(10), new SessionEvaluationRevised(
                "activity-1", "programme-1", 1, new SessionEvaluation(15, Map.of("excellent", 7, "good", 8), Map.of(),
                Map.of(), List.of(), List.of()), "A late form", ViewEvents.recordedAt(10), "member-1")));
        return events;
    }

    private static List<String> trend(ActivityReading activity) {
        return activity.trend().stream().map(p -> p.sessionNumber() + ": " + p.count() + "/" + p.base()).toList();
    }

    @Test
    void known_reads_only_what_was_recorded_by_then_and_an_evaluation_as_it_stood_then() {
        ActivityDocuments.Activity activity = ActivityQueries.activity(reader(clusterRevised()), "activity-1");

        // Recorded in order: set up (1), then per session: held (2, 4, 6, 8) and evaluated (3, 5, 7, 9); corrected at 10.
        ActivityReading byFive = ActivityQueries.reading(activity, ViewEvents.recordedAt(5), null);
        assertThat(trend(byFive)).containsExactly("1: 6/14", "2: 8/15");
        assertThat(byFive.version()).isEqualTo(4);
        assertThat(byFive.known()).isEqualTo(ViewEvents.recordedAt(5));
        ActivityReading byFour = ActivityQueries.reading(activity, ViewEvents.recordedAt(4), null);
        assertThat(byFour.sessions()).extracting(ActivityReading.ActivitySessionReading::sessionNumber).containsExactly(1, 2);
        assertThat(byFour.sessions().get(1).evaluation()).isNull();
        assertThat(byFour.sessions().get(1).recordedAt()).isEqualTo(ViewEvents.recordedAt(4));

        ActivityReading beforeTheCorrection = ActivityQueries.reading(activity, ViewEvents.recordedAt(10).minusNanos(1), null);
        assertThat(beforeTheCorrection.sessions().get(0).evaluation()).satisfies(first -> {
            assertThat(first.formsReturned()).isEqualTo(14);
            assertThat(first.revisions()).isZero();
            assertThat(first.reason()).isNull();
            assertThat(first.recordedAt()).isEqualTo(ViewEvents.recordedAt(3));
        });
        assertThat(trend(beforeTheCorrection)).containsExactly("1: 6/14", "2: 8/15", "3: 11/15", "4: 16/18");
        ActivityReading now = ActivityQueries.reading(activity);
        assertThat(trend(now)).containsExactly("1: 7/15", "2: 8/15", "3: 11/15", "4: 16/18");
        assertThat(now.sessions().get(0).evaluation().revisions()).isEqualTo(1);
        assertThat(ActivityQueries.reading(activity, ViewEvents.recordedAt(10), null)).isEqualTo(
                new ActivityReading(now.activityId(), now.programmeId(), now.kind(), now.topic(), now.placeIds(), now.startsOn(),
                        now.endsOn(), now.ratingScale(), now.usefulOptions(), now.version(), ViewEvents.recordedAt(10), null,
                        now.sessions(), now.trend()));

        assertThatThrownBy(() -> ActivityQueries.reading(activity, ViewEvents.recordedAt(1).minusSeconds(1), null))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.field()).isEqualTo("known"));
        assertThatThrownBy(() -> ActivityQueries.evaluation(ActivityQueries.at(activity, ViewEvents.recordedAt(4), null), 2))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.field()).isEqualTo("sessionNumber"));
    }

    @Test
    void on_reads_only_the_sessions_held_by_that_day_with_their_evaluations_however_late() {
        ActivityDocuments.Activity activity = ActivityQueries.activity(reader(clusterRevised()), "activity-1");

        ActivityReading byMarch = ActivityQueries.reading(activity, null, LocalDate.parse("2025-03-31"));
        assertThat(trend(byMarch)).containsExactly("1: 7/15", "2: 8/15");
        assertThat(byMarch.on()).isEqualTo(LocalDate.parse("2025-03-31"));
        assertThat(trend(ActivityQueries.reading(activity, null, LocalDate.parse("2025-03-10")))).containsExactly("1: 7/15", "2: 8/15");
        assertThat(trend(ActivityQueries.reading(activity, null, LocalDate.parse("2025-03-09")))).containsExactly("1: 7/15");
        assertThat(ActivityQueries.reading(activity, null, LocalDate.parse("2025-02-09")).sessions()).isEmpty();
        assertThatThrownBy(() -> ActivityQueries.session(ActivityQueries.at(activity, null, LocalDate.parse("2025-03-31")), 3))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.field()).isEqualTo("sessionNumber"));

        ActivityReading both = ActivityQueries.reading(activity, ViewEvents.recordedAt(4), LocalDate.parse("2025-04-30"));
        assertThat(both.sessions()).extracting(ActivityReading.ActivitySessionReading::sessionNumber).containsExactly(1, 2);
        assertThat(trend(both)).containsExactly("1: 6/14");
    }

    @Test
    void the_programme_s_list_takes_both_clocks() {
        ViewReader reader = reader(clusterRevised());

        assertThat(ActivityQueries.list(reader, "programme-1", null, LocalDate.parse("2025-03-31")))
                .extracting(s -> s.sessions() + " sessions, latest " + s.latest().count() + "/" + s.latest().base())
                .containsExactly("2 sessions, latest 8/15");
        assertThat(ActivityQueries.list(reader, "programme-1", null, LocalDate.parse("2025-01-31")))
                .singleElement().satisfies(summary -> {
                    assertThat(summary.sessions()).isZero();
                    assertThat(summary.latest()).isNull();
                });
        assertThat(ActivityQueries.list(reader, "programme-1", ViewEvents.recordedAt(1).minusSeconds(1), null)).isEmpty();
    }

    @Test
    void a_view_built_before_it_kept_every_version_reads_its_latest_evaluation_at_every_cut() {
        Document session = new Document("number", 1).append("happenedOn", "2025-02-10")
                .append("attendance", List.of(new Document("key", "place-a").append("count", 9L)))
                .append("evaluation", new Document("formsReturned", 15L)
                        .append("ratings", List.of(new Document("key", "excellent").append("count", 7L)))
                        .append("revisions", 1L).append("reason", "A late form"));
        ActivityDocuments.Activity activity = ActivityDocuments.Activity.of(new Document("activityId", "activity-1")
                .append("programmeId", "programme-1").append("ratingScale", SCALE).append("events", 4L)
                .append("sessions", List.of(session)));

        ActivityReading read = ActivityQueries.reading(activity, Instant.parse("2020-01-01T00:00:00Z"), null);
        assertThat(trend(read)).containsExactly("1: 7/15");
        assertThat(read.sessions().get(0).evaluation().reason()).isEqualTo("A late form");
    }

    @Test
    void every_event_delivered_twice_builds_the_same_view() {
        InMemoryDocuments once = new InMemoryDocuments().apply(new LearningActivityProjection(), cluster());
        InMemoryDocuments twice = new InMemoryDocuments().apply(new LearningActivityProjection(), ViewEvents.twice(cluster()));

        assertThat(ActivityQueries.reading(ActivityQueries.activity(twice.reader(), "activity-1")))
                .isEqualTo(ActivityQueries.reading(ActivityQueries.activity(once.reader(), "activity-1")));
    }

    @Test
    void an_unknown_activity_or_session_is_not_found_naming_the_field() {
        ViewReader reader = reader(cluster());

        assertThatThrownBy(() -> ActivityQueries.activity(reader, "activity-9"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.field()).isEqualTo("activityId"));
        assertThatThrownBy(() -> ActivityQueries.session(ActivityQueries.activity(reader, "activity-1"), 5))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.field()).isEqualTo("sessionNumber"));
    }
}
