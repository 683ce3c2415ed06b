package org.learninglog.command.practice;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.command.CommandRejected;
import org.learninglog.command.Given;
import org.learninglog.command.story.StoryDayRefused;
import org.learninglog.command.UnknownReference;
import org.learninglog.events.practice.AdaptationOutcomeReviewed;
import org.learninglog.events.practice.AdaptationOutcomeReviewed.Outcome;
import org.learninglog.events.practice.PracticeAdapted;
import org.learninglog.events.practice.PracticeAdopted;
import org.learninglog.events.practice.PracticeRetired;
import org.learninglog.events.insight.InsightRetracted;
import org.learninglog.command.lookup.LookupUpdater;
import org.learninglog.store.MongoStore;
import org.learninglog.store.testkit.MongoStoreExtension;

import java.time.LocalDate;
import java.util.List;

import static org.learninglog.command.Given.NOW;
import static org.learninglog.command.Given.PLACE;
import static org.learninglog.command.Given.PROGRAMME;

@ExtendWith(MongoStoreExtension.class)
class PracticeTest {

    private static final LocalDate DAY = LocalDate.parse("2024-12-02");
    private static final PracticeAdopted ADOPTED = new PracticeAdopted("practice-1", PLACE, PROGRAMME,
            "Where we meet", "In the civic centre", "It was free", List.of("insight-1"), List.of(),
            List.of("person-1"), "partnership board", DAY, NOW, "member-1");

    private AggregateTestFixture<Practice> fixture;

    @BeforeEach
    void setUp(MongoStore store) {
        fixture = new Given(store).programmeWithTwoPlaces()
                .person("person-1", PLACE, true)
                .insight("insight-1", PLACE)
                .insight("insight-2", PLACE)
                .insight("insight-retracted", PLACE)
                .fixture(Practice.class);
        new LookupUpdater(new org.learninglog.command.lookup.Lookup(store))
                .on(new InsightRetracted("insight-retracted", PLACE, PROGRAMME, "wrong", Given.TODAY, NOW, "member-1"));
    }

    @Test
    void adopting_a_practice_because_of_insights_records_who_decided_where() {
        fixture.givenNoPriorActivity()
                .when(new AdoptPracticeCommand("practice-1", PLACE, "Where we meet", "In the civic centre",
                        "It was free", List.of("insight-1"), null, List.of("person-1"), "partnership board", DAY,
                        "member-1"))
                .expectEvents(ADOPTED);
    }

    @Test
    void adapting_a_practice_records_what_it_was_and_what_it_becomes() {
        fixture.given(ADOPTED)
                .when(new AdaptPracticeCommand("practice-1", 0L, "adaptation-1", "In the community café",
                        "Residents came there", List.of("insight-2"), null, List.of("person-1"), "residents' assembly",
                        DAY.plusDays(30), "member-1"))
                .expectEvents(new PracticeAdapted("practice-1", "adaptation-1", PLACE, PROGRAMME,
                        "In the civic centre", "In the community café", "Residents came there", List.of("insight-2"),
                        List.of(), List.of("person-1"), "residents' assembly", DAY.plusDays(30), NOW, "member-1"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void an_adaptation_resting_on_a_retracted_insight_is_refused() {
        fixture.given(ADOPTED)
                .when(new AdaptPracticeCommand("practice-1", 0L, "adaptation-1", "In the community café",
                        "Residents came there", List.of("insight-retracted"), null, List.of(), "board", DAY,
                        "member-1"))
                .expectException(CommandRejected.class)
                .expectNoEvents();
    }

    @Test
    void reviewing_the_outcome_of_an_adaptation_records_it_with_new_insights() {
        PracticeAdapted adapted = new PracticeAdapted("practice-1", "adaptation-1", PLACE, PROGRAMME, "In the civic centre",
                "In the community café", "why", List.of("insight-1"), List.of(), List.of(), "board", DAY, NOW, "m-1");
        fixture.given(ADOPTED, adapted)
                .when(new ReviewAdaptationOutcomeCommand("practice-1", 1L, "adaptation-1", Outcome.WORKING,
                        "More came back", List.of("insight-2"), DAY.plusDays(60), "member-1"))
                .expectEvents(new AdaptationOutcomeReviewed("practice-1", "adaptation-1", PLACE, PROGRAMME,
                        Outcome.WORKING, "More came back", List.of("insight-2"), DAY.plusDays(60), NOW, "member-1"));
    }

    @Test
    void reviewing_an_adaptation_the_practice_never_had_is_an_unknown_reference() {
        fixture.given(ADOPTED)
                .when(new ReviewAdaptationOutcomeCommand("practice-1", 0L, "adaptation-9", Outcome.MIXED, "Notes",
                        List.of(), null, "member-1"))
                .expectException(UnknownReference.class)
                .expectNoEvents();
    }

    @Test
    void a_retired_practice_can_no_longer_be_adapted() {
        fixture.given(ADOPTED, new PracticeRetired("practice-1", PLACE, PROGRAMME, "Stopped", List.of(), DAY, NOW, "m-1"))
                .when(new AdaptPracticeCommand("practice-1", 1L, "adaptation-1", "Elsewhere", "why",
                        List.of("insight-1"), null, List.of(), "board", DAY, "member-1"))
                .expectException(CommandRejected.class)
                .expectNoEvents();
    }

    @Test
    void retiring_a_practice_records_why() {
        fixture.given(ADOPTED)
                .when(new RetirePracticeCommand("practice-1", 0L, "Nobody missed it", List.of("insight-2"), DAY,
                        "member-1"))
                .expectEvents(new PracticeRetired("practice-1", PLACE, PROGRAMME, "Nobody missed it",
                        List.of("insight-2"), DAY, NOW, "member-1"));
    }

    @Test
    void a_practice_adopted_without_a_day_happened_on_the_day_it_is_recorded() {
        fixture.givenNoPriorActivity()
                .when(new AdoptPracticeCommand("practice-1", PLACE, "Where we meet", "In the civic centre",
                        "It was free", List.of("insight-1"), null, List.of("person-1"), "partnership board", null,
                        "member-1"))
                .expectEvents(new PracticeAdopted("practice-1", PLACE, PROGRAMME, "Where we meet", "In the civic centre",
                        "It was free", List.of("insight-1"), List.of(), List.of("person-1"), "partnership board",
                        Given.TODAY, NOW, "member-1"));
    }

    @Test
    void an_adaptation_dated_the_day_after_tomorrow_is_refused_naming_the_day() {
        fixture.given(ADOPTED)
                .when(new AdaptPracticeCommand("practice-1", 0L, "adaptation-1", "In the community café",
                        "Residents came there", List.of("insight-1"), null, List.of(), "board",
                        Given.TODAY.plusDays(2), "member-1"))
                .expectException(StoryDayRefused.class)
                .expectNoEvents();
    }
}
