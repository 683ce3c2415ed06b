package org.learninglog.command.programme;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.command.CommandRejected;
import org.learninglog.command.Given;
import org.learninglog.command.story.StoryDayRefused;
import org.learninglog.events.framework.LearningFramework;
import org.learninglog.events.programme.LearningFrameworkChanged;
import org.learninglog.events.programme.LearningFrameworkDefined;
import org.learninglog.events.programme.ProgrammeRegistered;
import org.learninglog.events.programme.StoryBackfillAllowed;
import org.learninglog.store.MongoStore;
import org.learninglog.store.testkit.MongoStoreExtension;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.learninglog.command.Given.NOW;

@ExtendWith(MongoStoreExtension.class)
class ProgrammeTest {

    private AggregateTestFixture<Programme> fixture;

    @BeforeEach
    void setUp(MongoStore store) {
        fixture = new Given(store).fixture(Programme.class);
    }

    @Test
    void a_programme_registered_without_a_framework_gets_the_default_one() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProgrammeCommand("north", "North together", null, null, "admin-1"))
                .expectEvents(new ProgrammeRegistered("north", "North together", "admin-1", NOW),
                        new LearningFrameworkDefined("north", DefaultFramework.FRAMEWORK, "admin-1", NOW));
    }

    @Test
    void changing_the_framework_records_the_whole_new_framework_with_the_reason() {
        LearningFramework changed = new LearningFramework(List.of("listening first"), List.of("power"), List.of());
        fixture.given(new ProgrammeRegistered("north", "North", "admin-1", NOW),
                        new LearningFrameworkDefined("north", DefaultFramework.FRAMEWORK, "admin-1", NOW))
                .when(ChangeLearningFrameworkCommand.replacing("north", 1L, changed, "Agreed at the residential", "admin-1"))
                .expectEvents(new LearningFrameworkChanged("north", changed, "Agreed at the residential", "admin-1", NOW))
                .expectResultMessagePayload(2L);
    }

    @Test
    void changing_the_framework_to_what_it_already_is_is_refused() {
        fixture.given(new ProgrammeRegistered("north", "North", "admin-1", NOW),
                        new LearningFrameworkDefined("north", DefaultFramework.FRAMEWORK, "admin-1", NOW))
                .when(ChangeLearningFrameworkCommand.replacing("north", 1L, DefaultFramework.FRAMEWORK, "No change", "admin-1"))
                .expectException(CommandRejected.class)
                .expectNoEvents();
    }

    @Test
    void a_change_of_the_themes_alone_keeps_the_principles_and_sources() {
        fixture.given(new ProgrammeRegistered("north", "North", "admin-1", NOW),
                        new LearningFrameworkDefined("north", DefaultFramework.FRAMEWORK, "admin-1", NOW))
                .when(new ChangeLearningFrameworkCommand("north", 1L, null, Optional.of(List.of("power")), null,
                        "Fewer themes", "admin-1"))
                .expectEvents(new LearningFrameworkChanged("north", new LearningFramework(DefaultFramework.FRAMEWORK.principles(),
                        List.of("power"), DefaultFramework.FRAMEWORK.sources()), "Fewer themes", "admin-1", NOW));
    }

    @Test
    void a_change_that_clears_the_sources_keeps_the_rest() {
        fixture.given(new ProgrammeRegistered("north", "North", "admin-1", NOW),
                        new LearningFrameworkDefined("north", DefaultFramework.FRAMEWORK, "admin-1", NOW))
                .when(new ChangeLearningFrameworkCommand("north", 1L, null, null, Optional.empty(), "No sources", "admin-1"))
                .expectEvents(new LearningFrameworkChanged("north", new LearningFramework(DefaultFramework.FRAMEWORK.principles(),
                        DefaultFramework.FRAMEWORK.themes(), List.of()), "No sources", "admin-1", NOW));
    }

    @Test
    void a_programme_registered_with_a_backfill_period_records_it_as_its_own_event() {
        LocalDate from = LocalDate.parse("2023-09-01");
        fixture.givenNoPriorActivity()
                .when(new RegisterProgrammeCommand("north", "North together", null, from, "admin-1"))
                .expectEvents(new ProgrammeRegistered("north", "North together", "admin-1", NOW),
                        new LearningFrameworkDefined("north", DefaultFramework.FRAMEWORK, "admin-1", NOW),
                        new StoryBackfillAllowed("north", from, "admin-1", NOW));
    }

    @Test
    void an_administrator_allows_a_backfill_period_later() {
        fixture.given(new ProgrammeRegistered("north", "North", "admin-1", NOW),
                        new LearningFrameworkDefined("north", DefaultFramework.FRAMEWORK, "admin-1", NOW))
                .when(new AllowStoryBackfillCommand("north", 1L, LocalDate.parse("2022-01-01"), "admin-1"))
                .expectEvents(new StoryBackfillAllowed("north", LocalDate.parse("2022-01-01"), "admin-1", NOW))
                .expectResultMessagePayload(2L);
    }

    @Test
    void a_backfill_day_after_the_programme_began_is_refused_naming_the_field() {
        fixture.given(new ProgrammeRegistered("north", "North", "admin-1", NOW),
                        new LearningFrameworkDefined("north", DefaultFramework.FRAMEWORK, "admin-1", NOW))
                .when(new AllowStoryBackfillCommand("north", 1L, Given.TODAY.plusDays(1), "admin-1"))
                .expectException(StoryDayRefused.class)
                .expectNoEvents();
    }
}
