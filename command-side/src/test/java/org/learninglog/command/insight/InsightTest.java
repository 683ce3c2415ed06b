package org.learninglog.command.insight;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.command.CommandRejected;
import org.learninglog.command.Given;
import org.learninglog.command.UnknownReference;
import org.learninglog.command.story.StoryDayRefused;
import org.learninglog.events.framework.Layer;
import org.learninglog.events.framework.Sphere;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.insight.InsightRetracted;
import org.learninglog.events.insight.InsightRevised;
import org.learninglog.events.personal.PersonalData;
import org.learninglog.store.MongoStore;
import org.learninglog.store.testkit.MongoStoreExtension;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.learninglog.command.Given.NOW;
import static org.learninglog.command.Given.PLACE;
import static org.learninglog.command.Given.PROGRAMME;
import static org.learninglog.command.Given.TODAY;

@ExtendWith(MongoStoreExtension.class)
class InsightTest {

    private static final InsightRecorded RECORDED = new InsightRecorded("insight-1", PLACE, PROGRAMME, "Noticed",
            false, Layer.PLACE_NETWORK, Sphere.COMMUNITY, List.of("able to influence"), List.of("power"), "coaching",
            null, LocalDate.parse("2024-11-20"), NOW, "member-7");

    private AggregateTestFixture<Insight> fixture;

    @BeforeEach
    void setUp(MongoStore store) {
        fixture = new Given(store).programmeWithTwoPlaces()
                .person("person-quotable", PLACE, true)
                .person("person-private", PLACE, false)
                .fixture(Insight.class);
    }

    private static RecordInsightCommand record(List<String> principles, RecordInsightCommand.Evidence evidence) {
        return new RecordInsightCommand("insight-1", PLACE, " Residents came when the meeting moved ", true,
                Layer.PLACE_NETWORK, Sphere.COMMUNITY, principles, List.of("power"), "coaching", evidence,
                LocalDate.parse("2024-11-20"), "member-7");
    }

    @Test
    void an_insight_tagged_from_the_framework_with_a_consented_quote_is_recorded_for_the_places_programme() {
        fixture.givenNoPriorActivity()
                .when(record(List.of("able to influence"),
                        new RecordInsightCommand.Evidence("person-quotable", "We were heard", true)))
                .expectEvents(new InsightRecorded("insight-1", PLACE, PROGRAMME, "Residents came when the meeting moved",
                        true, Layer.PLACE_NETWORK, Sphere.COMMUNITY, List.of("able to influence"), List.of("power"),
                        "coaching", PersonalData.quote("person-quotable", "We were heard"),
                        LocalDate.parse("2024-11-20"), NOW, "member-7"));
    }

    @Test
    void a_principle_outside_the_programmes_framework_is_refused() {
        fixture.givenNoPriorActivity()
                .when(record(List.of("speed above all"), null))
                .expectException(CommandRejected.class)
                .expectExceptionMessage(Matchers.predicate(message -> message.toString().contains("speed above all")))
                .expectNoEvents();
    }

    @Test
    void a_quote_without_consent_is_refused() {
        fixture.givenNoPriorActivity()
                .when(record(List.of(), new RecordInsightCommand.Evidence("person-quotable", "We were heard", false)))
                .expectException(CommandRejected.class)
                .expectNoEvents();
    }

    @Test
    void a_quote_of_somebody_who_did_not_agree_to_be_quoted_is_refused() {
        fixture.givenNoPriorActivity()
                .when(record(List.of(), new RecordInsightCommand.Evidence("person-private", "We were heard", true)))
                .expectException(CommandRejected.class)
                .expectNoEvents();
    }

    @Test
    void a_quote_of_an_unknown_person_is_an_unknown_reference() {
        fixture.givenNoPriorActivity()
                .when(record(List.of(), new RecordInsightCommand.Evidence("person-nobody", "We were heard", true)))
                .expectException(UnknownReference.class)
                .expectNoEvents();
    }

    @Test
    void revising_an_insight_records_the_whole_new_reading_and_the_reason() {
        fixture.given(RECORDED)
                .when(new ReviseInsightCommand("insight-1", 0L, Optional.of("Noticed more clearly"), Optional.of(Layer.INDIVIDUALS),
                        Optional.empty(), Optional.of(List.of("equitable opportunity")), Optional.of(List.of()), Optional.empty(),
                        "Talked it through", null, "member-8"))
                .expectEvents(new InsightRevised("insight-1", PLACE, PROGRAMME, "Noticed more clearly",
                        Layer.INDIVIDUALS, null, List.of("equitable opportunity"), List.of(), null,
                        "Talked it through", TODAY, NOW, "member-8"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_revision_keeps_every_field_it_leaves_out() {
        fixture.given(RECORDED)
                .when(new ReviseInsightCommand("insight-1", 0L, Optional.of("Noticed more clearly"), null, null, null, null, null,
                        "Reworded", null, "member-8"))
                .expectEvents(new InsightRevised("insight-1", PLACE, PROGRAMME, "Noticed more clearly",
                        Layer.PLACE_NETWORK, Sphere.COMMUNITY, List.of("able to influence"), List.of("power"), "coaching",
                        "Reworded", TODAY, NOW, "member-8"));
    }

    @Test
    void a_revision_clears_the_optional_fields_it_sends_empty_and_keeps_the_text() {
        fixture.given(RECORDED)
                .when(new ReviseInsightCommand("insight-1", 0L, null, null, Optional.empty(), null, Optional.empty(),
                        Optional.empty(), "Not about the community after all", null, "member-8"))
                .expectEvents(new InsightRevised("insight-1", PLACE, PROGRAMME, "Noticed",
                        Layer.PLACE_NETWORK, null, List.of("able to influence"), List.of(), null,
                        "Not about the community after all", TODAY, NOW, "member-8"));
    }

    @Test
    void a_revision_that_changes_nothing_is_refused() {
        fixture.given(RECORDED)
                .when(new ReviseInsightCommand("insight-1", 0L, Optional.of("Noticed"), null, null, null, null, null,
                        "Nothing", null, "member-8"))
                .expectException(CommandRejected.class)
                .expectNoEvents();
    }

    @Test
    void retracting_an_insight_records_the_reason() {
        fixture.given(RECORDED)
                .when(new RetractInsightCommand("insight-1", 0L, "Recorded twice", null, "member-8"))
                .expectEvents(new InsightRetracted("insight-1", PLACE, PROGRAMME, "Recorded twice", TODAY, NOW, "member-8"));
    }

    @Test
    void a_retracted_insight_can_no_longer_be_revised() {
        fixture.given(RECORDED, new InsightRetracted("insight-1", PLACE, PROGRAMME, "Recorded twice", TODAY, NOW, "member-8"))
                .when(new ReviseInsightCommand("insight-1", 1L, Optional.of("Noticed again"), null, null, null, null, null,
                        "Reason", null, "member-8"))
                .expectException(CommandRejected.class)
                .expectNoEvents();
    }

    @Test
    void an_insight_dated_before_the_programmes_story_begins_is_refused(MongoStore store) {
        new Given(store).programmeRegisteredOn(LocalDate.parse("2025-01-06"))
                .fixture(Insight.class).givenNoPriorActivity()
                .when(new RecordInsightCommand("insight-1", PLACE, "Noticed", false, Layer.PLACE_NETWORK, null, null,
                        null, null, null, LocalDate.parse("2024-12-31"), "member-7"))
                .expectException(StoryDayRefused.class)
                .expectNoEvents();
    }

    @Test
    void a_backfill_period_lets_an_insight_be_dated_before_the_programme_began(MongoStore store) {
        new Given(store).programmeRegisteredOn(LocalDate.parse("2025-01-06"))
                .backfillAllowedFrom(LocalDate.parse("2023-01-01"))
                .fixture(Insight.class).givenNoPriorActivity()
                .when(new RecordInsightCommand("insight-1", PLACE, "Noticed", false, Layer.PLACE_NETWORK, null, null,
                        null, null, null, LocalDate.parse("2024-12-31"), "member-7"))
                .expectEvents(new InsightRecorded("insight-1", PLACE, PROGRAMME, "Noticed", false, Layer.PLACE_NETWORK,
                        null, List.of(), List.of(), null, null, LocalDate.parse("2024-12-31"), NOW, "member-7"));
    }

    @Test
    void a_retraction_carries_its_own_day_in_the_story() {
        fixture.given(RECORDED)
                .when(new RetractInsightCommand("insight-1", 0L, "Recorded twice", LocalDate.parse("2025-02-01"), "member-8"))
                .expectEvents(new InsightRetracted("insight-1", PLACE, PROGRAMME, "Recorded twice",
                        LocalDate.parse("2025-02-01"), NOW, "member-8"));
    }
}
