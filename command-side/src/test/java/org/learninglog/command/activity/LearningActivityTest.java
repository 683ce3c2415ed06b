package org.learninglog.command.activity;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.command.CommandRejected;
import org.learninglog.command.Given;
import org.learninglog.command.UnknownReference;
import org.learninglog.events.activity.ActivitySessionHeld;
import org.learninglog.events.activity.LearningActivitySetUp;
import org.learninglog.events.activity.SessionEvaluated;
import org.learninglog.events.activity.SessionEvaluation;
import org.learninglog.events.activity.SessionEvaluationRevised;
import org.learninglog.store.MongoStore;
import org.learninglog.store.testkit.MongoStoreExtension;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.learninglog.command.Given.NOW;
import static org.learninglog.command.Given.OTHER_PLACE;
import static org.learninglog.command.Given.PLACE;
import static org.learninglog.command.Given.PROGRAMME;

@ExtendWith(MongoStoreExtension.class)
class LearningActivityTest {

    private static final String CLUSTER = "learning cluster session";
    private static final LocalDate START = LocalDate.parse("2024-09-01");
    private static final LocalDate END = LocalDate.parse("2025-02-28");
    private static final List<String> USEFUL = List.of("networking", "speakers", "tools");
    private static final LearningActivitySetUp SET_UP = new LearningActivitySetUp("activity-1", PROGRAMME, CLUSTER,
            "Working with residents", List.of(PLACE), START, END, LearningActivity.DEFAULT_SCALE, USEFUL, NOW, "partner-1");
    private static final ActivitySessionHeld FIRST = new ActivitySessionHeld("activity-1", PROGRAMME, 1,
            LocalDate.parse("2024-09-20"), null, Map.of(PLACE, 7), List.of(), NOW, "partner-1");

    private AggregateTestFixture<LearningActivity> fixture;

    @BeforeEach
    void setUp(MongoStore store) {
        fixture = new Given(store).programmeWithTwoPlaces().person("facilitator-1", null, false)
                .fixture(LearningActivity.class);
    }

    @Test
    void a_partner_sets_up_an_activity_with_the_default_rating_scale() {
        fixture.givenNoPriorActivity()
                .when(new SetUpActivityCommand("activity-1", PROGRAMME, CLUSTER, "Working with residents",
                        List.of(PLACE), START, END, null, USEFUL, "partner-1"))
                .expectEvents(SET_UP);
    }

    @Test
    void the_kind_must_be_one_of_the_frameworks_sources() {
        fixture.givenNoPriorActivity()
                .when(new SetUpActivityCommand("activity-1", PROGRAMME, "bake sale", "Cakes", List.of(PLACE), START,
                        END, null, USEFUL, "partner-1"))
                .expectException(CommandRejected.class).expectExceptionMessage(containsString("bake sale"))
                .expectNoEvents();
    }

    @Test
    void the_span_must_not_end_before_it_starts() {
        fixture.givenNoPriorActivity()
                .when(new SetUpActivityCommand("activity-1", PROGRAMME, CLUSTER, "Topic", List.of(PLACE), END, START,
                        null, USEFUL, "partner-1"))
                .expectException(CommandRejected.class).expectNoEvents();
    }

    @Test
    void sessions_are_numbered_in_the_order_recorded() {
        fixture.given(SET_UP, FIRST)
                .when(new RecordActivitySessionCommand("activity-1", null, LocalDate.parse("2024-10-20"),
                        "facilitator-1", Map.of(PLACE, 9), List.of(), "partner-1"))
                .expectEvents(new ActivitySessionHeld("activity-1", PROGRAMME, 2, LocalDate.parse("2024-10-20"),
                        "facilitator-1", Map.of(PLACE, 9), List.of(), NOW, "partner-1"));
    }

    @Test
    void a_session_day_outside_the_activitys_span_is_refused() {
        fixture.given(SET_UP)
                .when(new RecordActivitySessionCommand("activity-1", null, LocalDate.parse("2025-03-01"), null,
                        Map.of(PLACE, 9), List.of(), "partner-1"))
                .expectException(CommandRejected.class).expectExceptionMessage(containsString("span"))
                .expectNoEvents();
    }

    @Test
    void attendance_from_a_place_not_taking_part_is_refused() {
        fixture.given(SET_UP)
                .when(new RecordActivitySessionCommand("activity-1", null, LocalDate.parse("2024-10-01"), null,
                        Map.of(OTHER_PLACE, 3), List.of(), "partner-1"))
                .expectException(CommandRejected.class).expectExceptionMessage(containsString("not one of the places"))
                .expectNoEvents();
    }

    @Test
    void a_negative_attendance_is_refused() {
        fixture.given(SET_UP)
                .when(new RecordActivitySessionCommand("activity-1", null, LocalDate.parse("2024-10-01"), null,
                        Map.of(PLACE, -1), List.of(), "partner-1"))
                .expectException(CommandRejected.class).expectNoEvents();
    }

    @Test
    void the_forms_of_a_session_are_recorded_as_counts() {
        SessionEvaluation forms = evaluation(14, 6, 5, 2, 1);
        fixture.given(SET_UP, FIRST)
                .when(new EvaluateSessionCommand("activity-1", null, 1, forms, "partner-1"))
                .expectEvents(new SessionEvaluated("activity-1", PROGRAMME, 1, forms, NOW, "partner-1"));
    }

    @Test
    void a_rating_outside_the_scale_is_refused_naming_the_scale() {
        SessionEvaluation forms = new SessionEvaluation(10, Map.of("superb", 10), Map.of(), Map.of(), List.of(), List.of());
        fixture.given(SET_UP, FIRST)
                .when(new EvaluateSessionCommand("activity-1", null, 1, forms, "partner-1"))
                .expectException(CommandRejected.class).expectExceptionMessage(containsString("excellent"))
                .expectNoEvents();
    }

    @Test
    void more_ratings_than_forms_returned_is_a_share_without_its_base() {
        fixture.given(SET_UP, FIRST)
                .when(new EvaluateSessionCommand("activity-1", null, 1, evaluation(3, 2, 2, 0, 0), "partner-1"))
                .expectException(CommandRejected.class).expectExceptionMessage(containsString("forms returned"))
                .expectNoEvents();
    }

    @Test
    void a_negative_count_is_refused() {
        fixture.given(SET_UP, FIRST)
                .when(new EvaluateSessionCommand("activity-1", null, 1, evaluation(3, -1, 0, 0, 0), "partner-1"))
                .expectException(CommandRejected.class).expectNoEvents();
    }

    @Test
    void a_session_that_was_not_held_cannot_be_evaluated() {
        fixture.given(SET_UP, FIRST)
                .when(new EvaluateSessionCommand("activity-1", null, 2, evaluation(3, 1, 1, 1, 0), "partner-1"))
                .expectException(UnknownReference.class).expectNoEvents();
    }

    @Test
    void an_evaluation_is_recorded_once_then_revised_with_a_reason_keeping_what_is_not_sent() {
        SessionEvaluation first = evaluation(14, 6, 5, 2, 1);
        fixture.given(SET_UP, FIRST, new SessionEvaluated("activity-1", PROGRAMME, 1, first, NOW, "partner-1"))
                .when(new ReviseSessionEvaluationCommand("activity-1", 2L, 1, 15, ratings(7, 5, 2, 1), null, null,
                        null, "A late form came in", "partner-1"))
                .expectEvents(new SessionEvaluationRevised("activity-1", PROGRAMME, 1,
                        new SessionEvaluation(15, ratings(7, 5, 2, 1), first.mostUseful(), first.gotWhatTheyWanted(),
                                List.of(), List.of()), "A late form came in", NOW, "partner-1"));
    }

    @Test
    void a_second_record_of_the_same_session_is_refused() {
        SessionEvaluation first = evaluation(14, 6, 5, 2, 1);
        fixture.given(SET_UP, FIRST, new SessionEvaluated("activity-1", PROGRAMME, 1, first, NOW, "partner-1"))
                .when(new EvaluateSessionCommand("activity-1", null, 1, first, "partner-1"))
                .expectException(CommandRejected.class).expectNoEvents();
    }

    private static SessionEvaluation evaluation(int forms, int excellent, int good, int fair, int poor) {
        return new SessionEvaluation(forms, ratings(excellent, good, fair, poor), Map.of("networking", Math.min(forms, 11)),
                Map.of("all", forms / 2, "some", forms - forms / 2), List.of(), List.of());
    }

    private static Map<String, Integer> ratings(int excellent, int good, int fair, int poor) {
        Map<String, Integer> ratings = new LinkedHashMap<>();
        ratings.put("excellent", excellent);
        ratings.put("good", good);
        ratings.put("fair", fair);
        ratings.put("poor", poor);
        return ratings;
    }
}
