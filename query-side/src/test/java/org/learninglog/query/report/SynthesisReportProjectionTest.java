package org.learninglog.query.report;

import org.junit.jupiter.api.Test;
import org.learninglog.events.activity.ActivitySessionHeld;
import org.learninglog.events.activity.LearningActivitySetUp;
import org.learninglog.events.activity.SessionEvaluated;
import org.learninglog.events.activity.SessionEvaluation;
import org.learninglog.events.activity.SessionEvaluationRevised;
import org.learninglog.events.framework.Layer;
import org.learninglog.events.framework.Sphere;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.insight.InsightRetracted;
import org.learninglog.events.insight.InsightRevised;
import org.learninglog.events.practice.AdaptationOutcomeReviewed;
import org.learninglog.events.practice.PracticeAdapted;
import org.learninglog.events.practice.PracticeAdopted;
import org.learninglog.events.sharing.LearningShared;
import org.learninglog.events.sharing.SharedLearningAdopted;
import org.learninglog.query.activity.ActivityReading.AnswerShare;
import org.learninglog.query.view.InMemoryDocuments;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewEvents;
import org.learninglog.query.view.ViewReader;
import org.learninglog.query.web.BadQueryException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The synthesis report's projection as a plain unit, read back through its queries on both clocks. */
class SynthesisReportProjectionTest {

    private static final List<String> SCALE = List.of("excellent", "good", "fair", "poor");
    private static final LocalDate FROM = LocalDate.parse("2025-01-01");
    private static final LocalDate TO = LocalDate.parse("2025-06-30");

    /** Each payload recorded on the day given before it (at noon UTC), in the order given. */
    private static final class History {
        private final List<ViewEvent> events = new ArrayList<>();

        History on(String recordedDay, Object payload) {
            events.add(new ViewEvent(events.size() + 1, "event-" + (events.size() + 1), at(recordedDay), payload));
            return this;
        }

        List<ViewEvent> events() {
            return events;
        }
    }

    private static Instant at(String day) {
        return Instant.parse(day + "T12:00:00Z");
    }

    private static LocalDate day(String day) {
        return LocalDate.parse(day);
    }

    private static SessionEvaluation forms(int excellent, int returned) {
        return new SessionEvaluation(returned, Map.of("excellent", excellent, "good", returned - excellent),
                Map.of("networking", returned - 2), Map.of("all", 5, "some", returned - 5), List.of(), List.of());
    }

    /** A cluster of places a and b, its excellent share rising over four sessions, February to May 2025. */
    private static History cluster() {
        History history = new History().on("2025-01-05", new LearningActivitySetUp("activity-1", "programme-1", "learning cluster",
                "Engaging parents", List.of("place-a", "place-b"), day("2025-01-01"), day("2025-12-31"), SCALE,
                List.of("networking", "speakers"), at("2025-01-05"), "partner"));
        int[][] forms = {{6, 14}, {8, 15}, {11, 15}, {16, 18}};
        for (int i = 0; i < forms.length; i++) {
            String held = "2025-0" + (i + 2) + "-10";
            String written = "2025-0" + (i + 2) + "-12";
            history.on(written, new ActivitySessionHeld("activity-1", "programme-1", i + 1, day(held), null,
                            Map.of("place-a", 9, "place-b", 7), List.of(), at(written), "partner"))
                    .on(written, new SessionEvaluated("activity-1", "programme-1", i + 1, forms(forms[i][0], forms[i][1]),
                            at(written), "partner"));
        }
        return history;
    }

    private static InsightRecorded insight(String id, String place, String happened, List<String> principles, List<String> themes) {
        return new InsightRecorded(id, place, "programme-1", "Parents came when asked by other parents", false, Layer.PLACE_NETWORK,
                Sphere.COMMUNITY, principles, themes, null, null, day(happened), at(happened), "member");
    }

    private static ViewReader reader(List<ViewEvent> events) {
        return new InMemoryDocuments().apply(new SynthesisReportProjection(), events).reader();
    }

    @Test
    void an_activity_s_rising_excellent_share_is_read_with_its_counts_and_bases() {
        SynthesisReport report = SynthesisReportQueries.report(reader(cluster().events()), "programme-1", FROM, TO, null, null);

        assertThat(report.activities()).singleElement().satisfies(activity -> {
            assertThat(activity.topic()).isEqualTo("Engaging parents");
            assertThat(activity.trend()).extracting(p -> p.sessionNumber() + ": " + p.count() + "/" + p.base() + " = " + p.percent() + "%")
                    .containsExactly("1: 6/14 = 43%", "2: 8/15 = 53%", "3: 11/15 = 73%", "4: 16/18 = 89%");
            assertThat(activity.sessions().get(0).ratings()).containsExactly(new AnswerShare("excellent", 6, 14, 43),
                    new AnswerShare("good", 8, 14, 57), new AnswerShare("fair", 0, 14, 0), new AnswerShare("poor", 0, 14, 0));
            assertThat(activity.sessions().get(0).attendanceTotal()).isEqualTo(16);
        });
    }

    @Test
    void every_answer_is_pooled_across_activities_with_its_spread_by_activity() {
        List<ViewEvent> events = cluster()
                .on("2025-03-01", new LearningActivitySetUp("activity-2", "programme-1", "masterclass", "Data", List.of("place-a"),
                        day("2025-01-01"), null, SCALE, List.of("networking"), at("2025-03-01"), "partner"))
                .on("2025-03-02", new ActivitySessionHeld("activity-2", "programme-1", 1, day("2025-03-02"), null,
                        Map.of("place-a", 10), List.of(), at("2025-03-02"), "partner"))
                .on("2025-03-02", new SessionEvaluated("activity-2", "programme-1", 1, forms(2, 10), at("2025-03-02"), "partner"))
                .events();

        SynthesisReport report = SynthesisReportQueries.report(reader(events), "programme-1", FROM, TO, null, null);

        assertThat(report.acrossActivities()).filteredOn(a -> a.question().equals("rating") && a.answer().equals("excellent"))
                .singleElement().satisfies(excellent -> {
                    assertThat(excellent.count() + "/" + excellent.base() + " = " + excellent.percent()).isEqualTo("43/72 = 60");
                    assertThat(excellent.byActivity()).extracting(s -> s.activityId() + " " + s.count() + "/" + s.base() + " = " + s.percent())
                            .containsExactly("activity-2 2/10 = 20", "activity-1 41/62 = 66");
                });
        assertThat(report.acrossActivities()).extracting(a -> a.question() + ":" + a.answer())
                .contains("most-useful:networking", "most-useful:speakers", "got-what-they-wanted:all");
    }

    @Test
    void the_period_is_cut_on_the_story_s_days_and_the_record_s_instant() {
        ViewReader reader = reader(cluster().events());

        assertThat(SynthesisReportQueries.report(reader, "programme-1", day("2025-03-01"), day("2025-04-10"), null, null)
                .activities().get(0).trend()).extracting(SynthesisReport.TrendPoint::sessionNumber).containsExactly(2, 3);
        assertThat(SynthesisReportQueries.report(reader, "programme-1", FROM, TO, at("2025-03-31"), null)
                .activities().get(0).trend()).extracting(SynthesisReport.TrendPoint::sessionNumber).containsExactly(1, 2);
        assertThat(SynthesisReportQueries.report(reader, "programme-1", day("2025-07-01"), day("2025-07-31"), null, null)
                .activities()).isEmpty();
    }

    @Test
    void a_corrected_evaluation_counts_as_the_record_knew_it_and_is_listed_as_revised() {
        List<ViewEvent> events = cluster().on("2025-06-01", new SessionEvaluationRevised("activity-1", "programme-1", 1,
                forms(7, 15), "A late form", at("2025-06-01"), "partner")).events();
        ViewReader reader = reader(events);

        SynthesisReport now = SynthesisReportQueries.report(reader, "programme-1", FROM, TO, null, null);
        SynthesisReport before = SynthesisReportQueries.report(reader, "programme-1", FROM, TO, at("2025-05-31"), null);

        assertThat(now.activities().get(0).trend().get(0)).extracting(p -> p.count() + "/" + p.base()).isEqualTo("7/15");
        assertThat(now.activities().get(0).sessions().get(0).revised()).isTrue();
        assertThat(now.records().revised()).singleElement().satisfies(line -> {
            assertThat(line.reason()).isEqualTo("A late form");
            assertThat(line.happenedOn()).isEqualTo(day("2025-02-10"));
            assertThat(line.late()).isTrue();
        });
        assertThat(before.activities().get(0).trend().get(0)).extracting(p -> p.count() + "/" + p.base()).isEqualTo("6/14");
        assertThat(before.records().revised()).isEmpty();
    }

    @Test
    void insights_are_counted_by_the_framework_as_last_revised_and_without_those_withdrawn() {
        List<ViewEvent> events = new History()
                .on("2025-02-01", insight("i-1", "place-a", "2025-02-01", List.of("trust"), List.of("parents")))
                .on("2025-02-02", insight("i-2", "place-b", "2025-02-02", List.of("trust", "power"), List.of()))
                .on("2025-02-03", insight("i-3", "place-a", "2025-02-03", List.of("power"), List.of()))
                .on("2025-08-01", new InsightRevised("i-1", "place-a", "programme-1", "reworded", Layer.INDIVIDUALS, Sphere.INDIVIDUAL,
                        List.of("voice"), List.of("parents"), null, "retagged", day("2025-08-01"), at("2025-08-01"), "member"))
                .on("2025-03-01", new InsightRetracted("i-3", "place-a", "programme-1", "a mistake", day("2025-03-01"),
                        at("2025-03-01"), "member"))
                .events();

        SynthesisReport report = SynthesisReportQueries.report(reader(events), "programme-1", FROM, TO, null, null);

        assertThat(report.insights().total()).isEqualTo(2);
        assertThat(report.insights().byPrinciple()).containsExactly(new AnswerShare("power", 1, 2, 50),
                new AnswerShare("trust", 1, 2, 50), new AnswerShare("voice", 1, 2, 50));
        assertThat(report.insights().byLayer()).extracting(AnswerShare::answer, AnswerShare::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("INDIVIDUALS", 1L), org.assertj.core.groups.Tuple.tuple("PLACE_NETWORK", 1L));
        assertThat(report.records().revised()).extracting(SynthesisReport.RecordLine::kind)
                .containsExactly(ReportDocuments.INSIGHT_RETRACTED); // the revision happened after the period
        assertThat(SynthesisReportQueries.report(reader(events), "programme-1", FROM, TO, at("2025-02-02"), null)
                .insights().total()).isEqualTo(2);
    }

    @Test
    void practices_reviews_and_learning_that_travelled_are_counted_and_a_place_sees_only_its_part() {
        List<ViewEvent> events = new ArrayList<>(cluster().events());
        History more = new History()
                .on("2025-03-01", new PracticeAdopted("practice-1", "place-a", "programme-1", "Parent hosts", null, null, List.of(),
                        List.of(), List.of(), null, day("2025-03-01"), at("2025-03-01"), "member"))
                .on("2025-06-01", new PracticeAdapted("practice-1", "adaptation-1", "place-a", "programme-1", "a", "b", null,
                        List.of(), List.of(), List.of(), null, day("2025-03-20"), at("2025-06-01"), "member"))
                .on("2025-04-20", new AdaptationOutcomeReviewed("practice-1", "adaptation-1", "place-a", "programme-1",
                        AdaptationOutcomeReviewed.Outcome.WORKING, null, List.of(), day("2025-04-20"), at("2025-04-20"), "member"))
                .on("2025-04-01", new LearningShared("shared-1", "programme-1", "place-a", "Parent hosts", "=HYPERLINK(\"x\")",
                        new LearningShared.Audience(true, List.of(), List.of()), List.of(), List.of(), day("2025-04-01"),
                        at("2025-04-01"), "member"))
                .on("2025-05-01", new SharedLearningAdopted("shared-1", "programme-1", "place-c", "practice-9", null, null,
                        day("2025-05-01"), at("2025-05-01"), "member"))
                .on("2025-05-02", new PracticeAdopted("practice-2", "place-c", "programme-1", "Other", null, null, List.of(),
                        List.of(), List.of(), null, day("2025-05-02"), at("2025-05-02"), "member"));
        for (ViewEvent event : more.events()) {
            events.add(new ViewEvent(events.size() + 1, "more-" + event.position(), event.recordedAt(), event.payload()));
        }
        ViewReader reader = reader(events);

        SynthesisReport all = SynthesisReportQueries.report(reader, "programme-1", FROM, TO, null, null);
        SynthesisReport placeC = SynthesisReportQueries.report(reader, "programme-1", FROM, TO, null, Set.of("place-c"));

        assertThat(all.practices()).satisfies(p -> {
            assertThat(p.adopted()).isEqualTo(2);
            assertThat(p.adapted()).isEqualTo(1);
            assertThat(p.outcomes()).containsExactly(new SynthesisReport.Tally("WORKING", 1));
        });
        assertThat(all.travelled().items()).extracting(t -> t.kind() + " " + t.fromPlaceId() + "->" + t.toPlaceId())
                .containsExactly("shared place-a->null", "taken-up place-a->place-c");
        assertThat(all.records().late()).extracting(SynthesisReport.RecordLine::subjectId).containsExactly("practice-1");
        assertThat(placeC.placeIds()).containsExactly("place-c");
        assertThat(placeC.activities()).isEmpty();
        assertThat(placeC.practices().adopted()).isEqualTo(1);
        assertThat(placeC.practices().byPlace()).extracting(SynthesisReport.PlacePractices::placeId).containsExactly("place-c");
        assertThat(placeC.travelled().items()).extracting(SynthesisReport.TravelledLearning::kind).containsExactly("taken-up");
        SynthesisReport placeB = SynthesisReportQueries.report(reader, "programme-1", FROM, TO, null, Set.of("place-b"));
        assertThat(placeB.activities()).singleElement().satisfies(activity ->
                assertThat(activity.sessions().get(0).attendance()).containsExactly(new SynthesisReport.Tally("place-b", 7)));
        assertThat(placeB.practices().adopted()).isZero();
    }

    @Test
    void the_csv_gives_every_share_with_its_base_and_neutralises_formulas() {
        List<ViewEvent> events = new ArrayList<>(cluster().events());
        events.add(new ViewEvent(events.size() + 1, "shared", at("2025-04-01"), new LearningShared("shared-1", "programme-1",
                "place-a", "=cmd|' /C calc'!A0", null, new LearningShared.Audience(true, List.of(), List.of()), List.of(), List.of(),
                day("2025-04-01"), at("2025-04-01"), "member")));

        String csv = SynthesisReportCsv.of(SynthesisReportQueries.report(reader(events), "programme-1", FROM, TO, null, null));

        assertThat(csv).startsWith("section,subject,session,day,placeId,key,count,base,percent,detail\r\n");
        assertThat(csv).contains("rating,activity-1,4,2025-05-10,,excellent,16,18,89,Engaging parents\r\n");
        assertThat(csv).contains(",'=cmd|' /C calc'!A0\r\n").doesNotContain(",=cmd");
    }

    @Test
    void every_event_delivered_twice_builds_the_same_report() {
        List<ViewEvent> events = cluster().on("2025-06-01", new SessionEvaluationRevised("activity-1", "programme-1", 1,
                forms(7, 15), "A late form", at("2025-06-01"), "partner")).events();

        assertThat(SynthesisReportQueries.report(reader(ViewEvents.twice(events)), "programme-1", FROM, TO, null, null))
                .isEqualTo(SynthesisReportQueries.report(reader(events), "programme-1", FROM, TO, null, null));
    }

    @Test
    void a_period_that_ends_before_it_begins_or_is_too_long_is_refused_naming_to() {
        ViewReader reader = reader(cluster().events());

        assertThatThrownBy(() -> SynthesisReportQueries.report(reader, "programme-1", TO, FROM, null, null))
                .isInstanceOfSatisfying(BadQueryException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> SynthesisReportQueries.report(reader, "programme-1", FROM, FROM.plusYears(11), null, null))
                .isInstanceOfSatisfying(BadQueryException.class, e -> assertThat(e.field()).isEqualTo("to"));
    }
}
